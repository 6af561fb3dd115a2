#!/usr/bin/env bash
# node.sh [--name LAB] stop|start|status <i> [--quiet]
#   stop   SIGTERM node i's dockerd (pid from its pidfile, verified against
#          /proc/<pid>/cmdline), wait until the process is gone (SIGKILL after 30 s).
#   start  start it again with exactly the same command line as up.sh (common.sh
#          start_dockerd), wait until its socket answers /_ping and, if it is a
#          swarm member, until LocalNodeState is active (not pending); for a
#          manager also until the cluster API answers (node ls).
#   status print the node's state; exit 0 if its dockerd runs, 3 if not.
# stdout: one line  node<i> running pid=<pid> swarm=<state> role=<manager|worker|-> unix://<sock>
#              or   node<i> stopped
# Progress and timings go to stderr.
set -euo pipefail
LAB_SCRIPT=node.sh
# shellcheck source=scripts/lab/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

usage() { echo "usage: node.sh [--name LAB] stop|start|status <i> [--quiet]" >&2; exit 2; }
need_root "$@"
parse_lab_name "$@"; set -- "${REST_ARGS[@]}"
[ $# -ge 2 ] || usage
cmd=$1 i=$2
case "${3:-}" in -q|--quiet) LAB_QUIET=1 ;; "") ;; *) usage ;; esac
is_uint "$i" && [ "$i" -ge 1 ] || usage
load_lab_env || die "lab $LAB is not set up ($LAB_ENV missing): run scripts/lab/up.sh --name $LAB"
[ "$i" -le "$NODES" ] || die "node$i is not part of the lab (it has $NODES node(s))"

status_line() {
  local pid st ca role=-
  if pid=$(dockerd_pid "$i"); then
    st=$(swarm_state "$i") || st=""
    ca=$(d "$i" info --format '{{.Swarm.ControlAvailable}}' 2>/dev/null) || ca=""
    if [ "$st" = active ] || [ "$st" = pending ]; then
      if [ "$ca" = true ]; then role=manager; else role=worker; fi
    fi
    echo "node$i running pid=$pid swarm=${st:-unreachable} role=$role unix://$(sock "$i")"
  else
    echo "node$i stopped"
    return 3
  fi
}

case "$cmd" in
  status)
    status_line ;;

  stop)
    if ! pid=$(dockerd_pid "$i"); then log "node$i dockerd is not running"; status_line || true; exit 0; fi
    log "node$i: SIGTERM dockerd pid $pid"
    kill -TERM "$pid"
    for ((n = 0; n < 120; n++)); do [ -d "/proc/$pid" ] || break; sleep 0.25; done
    if [ -d "/proc/$pid" ] && is_lab_dockerd "$pid" "$(pidfile "$i")"; then
      log "node$i: still running after 30 s, SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      for ((n = 0; n < 40; n++)); do [ -d "/proc/$pid" ] || break; sleep 0.25; done
    fi
    [ ! -d "/proc/$pid" ] || die "node$i dockerd pid $pid did not exit"
    log "node$i: dockerd stopped in $(elapsed)"
    status_line || true ;;

  start)
    if pid=$(dockerd_pid "$i"); then
      log "node$i dockerd already running (pid $pid)"
    else
      start_dockerd "$i"
      log "node$i: dockerd starting (pid $STARTED_PID)"
      wait_ping "$i" 60 "$STARTED_PID" ||
        { tail -n 30 "$(node_log "$i")" >&2; die "node$i dockerd did not answer on $(sock "$i")"; }
      log "node$i: _ping answered after $(elapsed)"
    fi
    st=$(wait_not_pending "$i" 60)
    case "$st" in
      active)
        if [ "$(d "$i" info --format '{{.Swarm.ControlAvailable}}' 2>/dev/null)" = true ]; then
          for ((n = 0; n < 240; n++)); do d "$i" node ls -q >/dev/null 2>&1 && break; sleep 0.25; done
          d "$i" node ls -q >/dev/null 2>&1 || die "node$i is a manager but its cluster API does not answer (quorum lost?)"
        fi
        log "node$i: swarm active after $(elapsed)" ;;
      inactive) log "node$i: not a swarm member" ;;
      locked) log "node$i: swarm locked (autolock): it answers cluster calls once unlocked (docker swarm unlock)" ;;
      *) die "node$i: swarm state '$st'" ;;
    esac
    status_line ;;

  *) usage ;;
esac
