#!/usr/bin/env bash
# install.sh [--quiet] - install the real VS Code server that `npm start` and the VS Code tests run:
# the one inside code-server's npm package (VS Code 1.100.3 in code-server 4.100.3, the last line
# whose engines.node is 20), into a cache folder outside the repository. Idempotent: a complete
# install is reused (checked by a marker written last). Prints the path of server-main.js.
#
# Offline recipe (npm registry only): the packages' postinstall scripts download ripgrep and
# prebuilt binaries, which this machine cannot reach, so every install runs with --ignore-scripts,
# ripgrep comes from Debian (/usr/bin/rg) and the native modules are rebuilt against Node's headers.
# Needs: node 20, npm, python3, make, g++, and the Debian packages that
# `scripts/lab/bootstrap.sh --vscode` installs (libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev
# pkg-config ripgrep).
#
# Cache: $SWARM_VSCODE_CACHE, else ${XDG_CACHE_HOME:-~/.cache}/swarm-operator.
set -euo pipefail
VERSION=4.100.3
CACHE=${SWARM_VSCODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/swarm-operator}
DIR=$CACHE/code-server-$VERSION
VSCODE=$DIR/node_modules/code-server/lib/vscode
MARK=$DIR/.complete
quiet=0; [ "${1:-}" = --quiet ] && quiet=1
log() { [ "$quiet" = 1 ] || printf '[vscode-host/install] %s\n' "$*" >&2; }
die() { printf 'vscode-host/install: ERROR: %s\n' "$*" >&2; exit 1; }

if [ -e "$MARK" ] && [ -f "$VSCODE/out/server-main.js" ]; then
  echo "$VSCODE/out/server-main.js"; exit 0
fi
for c in node npm python3 make g++ rg pkg-config; do
  command -v "$c" >/dev/null || die "missing $c: run 'bash scripts/lab/bootstrap.sh --vscode' (as root, or it uses sudo)"
done
[ "$(node -p 'process.versions.node.split(".")[0]')" = 20 ] || die "code-server $VERSION needs Node.js 20 (this is $(node --version))"

t0=$(date +%s)
mkdir -p "$CACHE"
exec 9>"$CACHE/.install.lock"; flock 9   # two runs at once (npm start and npm test) install once
if [ -e "$MARK" ]; then echo "$VSCODE/out/server-main.js"; exit 0; fi
rm -rf "$DIR"; mkdir -p "$DIR"
npm_q=(--no-audit --no-fund --ignore-scripts --loglevel=error)
log "npm install code-server@$VERSION into $DIR"
(cd "$DIR" && printf '{"private":true}\n' >package.json && npm install "${npm_q[@]}" "code-server@$VERSION" >&2)
[ -f "$VSCODE/out/server-main.js" ] || die "code-server $VERSION has no lib/vscode/out/server-main.js"
log "npm install the VS Code server's own dependencies"
(cd "$VSCODE" && npm install --omit=dev "${npm_q[@]}" >&2)
# @vscode/ripgrep's postinstall (skipped) would download rg; Debian's is the same program.
mkdir -p "$VSCODE/node_modules/@vscode/ripgrep/bin"
ln -sf "$(command -v rg)" "$VSCODE/node_modules/@vscode/ripgrep/bin/rg"
log "rebuild native modules against Node's headers"
# node-gyp would download the headers (offline: it cannot); those of the Node that runs are used,
# whatever the user's npmrc says.
nodedir=$(node -p 'require("path").resolve(process.execPath, "../..")')
[ -f "$nodedir/include/node/node_version.h" ] || die "Node's headers are not in $nodedir/include/node: install Node.js with its headers (the nodejs package of NodeSource, or Debian's libnode-dev)"
(cd "$VSCODE" && npm_config_yes=true npm_config_nodedir=$nodedir npm rebuild --loglevel=error >&2)
ln -sfn node_modules "$VSCODE/node_modules.asar"
log "npm install the built-in extensions' dependencies"
(cd "$VSCODE/extensions" && npm install --omit=dev "${npm_q[@]}" >&2)
node "$VSCODE/out/server-main.js" --version >/dev/null 2>&1 || die "the installed server does not start: node $VSCODE/out/server-main.js --version"
touch "$MARK"
log "installed in $(( $(date +%s) - t0 )) s"
echo "$VSCODE/out/server-main.js"
