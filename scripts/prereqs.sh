#!/usr/bin/env bash
# prereqs.sh [--browser] - what `npm start` and `npm test` need beyond node_modules, installed when
# missing (a no-op when all is there): the lab's Debian packages and those the VS Code server builds
# with (scripts/lab/bootstrap.sh; as root, or through sudo), then the VS Code server itself into its
# cache (scripts/vscode-host/install.sh, as the invoking user). --browser adds Chromium (UI tests).
set -euo pipefail
cd "$(dirname "$0")/.."
flags=(--vscode)
[ "${1:-}" = --browser ] && flags+=(--browser)
LAB_QUIET=1 bash scripts/lab/bootstrap.sh "${flags[@]}"
bash scripts/vscode-host/install.sh --quiet >/dev/null
