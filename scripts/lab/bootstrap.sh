#!/usr/bin/env bash
# bootstrap.sh [--vscode] [--browser] [--reinstall [pkg...]] - install the Debian
# packages the lab needs, and with --vscode those the VS Code server's native
# modules build with (scripts/vscode-host/install.sh), with --browser Chromium
# (the UI tests drive it through playwright-core).
#
# Installs what is missing of: docker.io busybox-static iptables curl iproute2
# util-linux openssh-server openssl (the last two for the ssh:// and TLS tests)
# [+ --vscode: libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev
# pkg-config ripgrep python3 make g++] [+ --browser: chromium] (apt-get update only
# when something is missing; nothing is done and nothing is downloaded when all
# are present). Not root: the script re-runs itself through sudo. Starts NO service: while apt-get
# runs, /usr/sbin/policy-rc.d denies every start (an existing policy that already
# denies is kept; otherwise ours is written for the install only and the
# previous state restored afterwards). If a system dockerd/containerd got started
# anyway by the install, it is stopped again.
# --reinstall [pkg...]: reinstall the given packages (default: all of them),
# to exercise the install path on a machine where everything is present.
set -euo pipefail
LAB_SCRIPT=bootstrap.sh
# shellcheck source=scripts/lab/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

PKGS=(docker.io busybox-static iptables curl iproute2 util-linux openssh-server openssl)
VSCODE_PKGS=(libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config ripgrep python3 make g++)
BROWSER_PKGS=(chromium)
need_root "$@"
command -v apt-get >/dev/null && command -v dpkg-query >/dev/null || die "needs a Debian system (apt-get, dpkg-query)"
while [ $# -gt 0 ]; do
  case "$1" in
    --vscode) PKGS+=("${VSCODE_PKGS[@]}"); shift ;;
    --browser) PKGS+=("${BROWSER_PKGS[@]}"); shift ;;
    *) break ;;
  esac
done

reinstall=0 todo=()
if [ "${1:-}" = --reinstall ]; then
  reinstall=1; shift
  if [ $# -gt 0 ]; then todo=("$@"); else todo=("${PKGS[@]}"); fi
elif [ $# -gt 0 ]; then
  die "usage: bootstrap.sh [--vscode] [--browser] [--reinstall [pkg...]]"
else
  for p in "${PKGS[@]}"; do
    [ "$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)" = installed ] || todo+=("$p")
  done
fi
if [ ${#todo[@]} -eq 0 ]; then
  log "all present: ${PKGS[*]} ($(elapsed))"
  exit 0
fi
log "to install: ${todo[*]}"

# dockerd / containerd processes that are not started by a lab (a lab dockerd
# always has --pidfile, a lab containerd is the child of a lab dockerd).
system_docker_pids() {
  local p pp comm
  for p in /proc/[0-9]*; do
    p=${p#/proc/}
    proc_args "$p" || continue
    comm=${PARGS[0]##*/}
    case "$comm" in
      dockerd)
        [[ " ${PARGS[*]} " == *" --pidfile "* ]] || echo "$p" ;;
      containerd)   # a dockerd-managed one has --config <exec-root>/containerd/containerd.toml
        [[ " ${PARGS[*]} " == *" --config "*/containerd/containerd.toml" "* && " ${PARGS[*]} " != *" --config /etc/"* ]] && continue
        pp=$(awk '/^PPid:/ {print $2}' "/proc/$p/status" 2>/dev/null) || continue
        proc_args "$pp" && [ "${PARGS[0]##*/}" = dockerd ] && continue
        echo "$p" ;;
    esac
  done
}
before=" $(system_docker_pids | tr '\n' ' ') "
[ "$before" = "  " ] || log "note: system dockerd/containerd already running before the install (pids$before), left alone"

# ---------------------------------------------------- deny service starts --
POLICY=/usr/sbin/policy-rc.d
BACKUP=$POLICY.$LAB_ROOT-backup
policy_mode=none
restore_policy() {
  case "$policy_mode" in
    ours)     rm -f "$POLICY" ;;
    replaced) mv -f "$BACKUP" "$POLICY" ;;
  esac
  policy_mode=none
}
trap restore_policy EXIT
trap 'exit 130' INT TERM
rc=0
if [ -e "$POLICY" ]; then "$POLICY" docker start >/dev/null 2>&1 || rc=$?; fi
if [ -e "$POLICY" ] && [ "$rc" = 101 ]; then
  log "existing $POLICY already denies service starts; kept"
else
  if [ -e "$POLICY" ]; then mv -f "$POLICY" "$BACKUP"; policy_mode=replaced; else policy_mode=ours; fi
  printf '#!/bin/sh\n# written by %s for the duration of an apt-get install\nexit 101\n' "scripts/lab/bootstrap.sh" >"$POLICY"
  chmod 755 "$POLICY"
  log "wrote a temporary $POLICY (exit 101: deny service starts)"
fi

# ------------------------------------------------------------------ install --
export DEBIAN_FRONTEND=noninteractive NEEDRESTART_SUSPEND=1   # needrestart: no service restarts
log "apt-get update"
apt-get update -qq >&2
args=(-y -q --no-install-recommends -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
[ "$reinstall" = 0 ] || args+=(--reinstall)
log "apt-get install ${todo[*]}"
apt-get install "${args[@]}" "${todo[@]}" >&2
restore_policy
log "installed: ${todo[*]}"

# -------------------------------------- never leave a system docker running --
new=()
for p in $(system_docker_pids); do [[ $before == *" $p "* ]] || new+=("$p"); done
if [ ${#new[@]} -gt 0 ]; then
  warn "the install started system docker process(es) ${new[*]}; stopping them"
  kill -TERM "${new[@]}" 2>/dev/null || true
  for ((n = 0; n < 120; n++)); do
    left=0; for p in "${new[@]}"; do [ -d "/proc/$p" ] && left=1; done
    [ "$left" = 0 ] && break; sleep 0.25
  done
  for p in "${new[@]}"; do [ -d "/proc/$p" ] && kill -KILL "$p" 2>/dev/null; done
else
  log "no system dockerd/containerd was started"
fi
for p in "${PKGS[@]}"; do
  [ "$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)" = installed ] || die "package $p is still not installed"
done
log "done in $(elapsed)"
