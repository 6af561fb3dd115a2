#!/usr/bin/env bash
# down.sh [--name LAB] [--quiet] - tear down ONLY what up.sh created for lab LAB
# (default "default", or $SWARM_LAB), in this order:
#   1. its dockerds: a /proc scan for "dockerd ... --pidfile /run/swarm-lab/LAB/node<i>.pid",
#      each verified against /proc/<pid>/cmdline; SIGTERM in parallel, SIGKILL after 30 s
#   2. leftovers: containerd / shims referencing its exec-roots, processes still
#      in its node netns, container processes in its cgroups
#   3. mounts below its state/run dirs, 4. netns swl-LAB-*, 5. its cgroup dirs,
#   6. its dirs (dockerd logs are kept in /tmp/swarm-lab/LAB/last-logs).
# Never touches the system docker or any other lab. Idempotent.
set -uo pipefail
LAB_SCRIPT=down.sh
# shellcheck source=scripts/lab/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
need_root "$@"
parse_lab_name "$@"; set -- "${REST_ARGS[@]}"
case "${1:-}" in
  -q|--quiet) LAB_QUIET=1 ;;
  "") ;;
  *) die "usage: down.sh [--name LAB] [--quiet]" ;;
esac

# ------------------------------------------------------------ 1. dockerds --
declare -A node_of=()
for p in /proc/[0-9]*; do
  p=${p#/proc/}
  if is_lab_dockerd "$p"; then node_of[$p]=1; fi
done
pids=("${!node_of[@]}")
for p in "${pids[@]}"; do
  kill -TERM "$p" 2>/dev/null && log "SIGTERM dockerd pid $p"
done
if [ ${#pids[@]} -gt 0 ]; then
  for ((n = 0; n < 120; n++)); do
    left=0
    for p in "${pids[@]}"; do [ -d "/proc/$p" ] && left=1; done
    [ "$left" = 0 ] && break
    sleep 0.25
  done
  for p in "${pids[@]}"; do
    if [ -d "/proc/$p" ] && is_lab_dockerd "$p"; then log "SIGKILL dockerd pid $p (still running after 30 s)"; kill -KILL "$p" 2>/dev/null; fi
  done
  log "dockerd x${#pids[@]} stopped"
else
  log "no lab dockerd running"
fi

# ------------------------------------------------------------ 2. leftovers --
ours_netns=()
for f in /run/netns/"$NS_PREFIX"-node*; do [ -e "$f" ] && ours_netns+=("$f"); done
killed=0
for p in /proc/[0-9]*; do
  p=${p#/proc/}
  [ "$p" = $$ ] && continue
  proc_args "$p" || continue
  why=""
  case "${PARGS[0]##*/}" in
    containerd|containerd-shim*)
      for a in "${PARGS[@]}"; do [[ $a == "$RUN/"* ]] && { why="references $RUN"; break; }; done ;;
  esac
  if [ -z "$why" ]; then
    for f in "${ours_netns[@]}"; do [ "/proc/$p/ns/net" -ef "$f" ] && { why="in netns ${f##*/}"; break; }; done
  fi
  if [ -n "$why" ]; then
    log "killing leftover pid $p ($why): ${PARGS[*]:0:4}"
    kill -KILL "$p" 2>/dev/null && killed=1
  fi
done
# container processes still inside our cgroup-parent /swarm-lab/LAB/node<i>
declare -A seen=()
for f in /sys/fs/cgroup/*"$CGROUP_BASE"/node*/*/cgroup.procs /sys/fs/cgroup"$CGROUP_BASE"/node*/*/cgroup.procs; do
  [ -r "$f" ] || continue
  while read -r p; do
    [ -n "$p" ] && [ -z "${seen[$p]:-}" ] || continue
    seen[$p]=1
    log "killing leftover container pid $p (cgroup ${f%/cgroup.procs})"; kill -KILL "$p" 2>/dev/null && killed=1
  done <"$f"
done
[ "$killed" = 0 ] || sleep 0.3

# --------------------------------------------------------------- 3. mounts --
mapfile -t mounts < <(awk -v a="$STATE/" -v b="$RUN/" -v c="$STATE" -v e="$RUN" \
  '{ if (index($5, a) == 1 || index($5, b) == 1 || $5 == c || $5 == e) print $5 }' /proc/self/mountinfo | sort -r -u)
for m in "${mounts[@]}"; do umount -l "$m" 2>/dev/null && log "umount $m"; done

# ---------------------------------------------------------------- 4. netns --
for f in /run/netns/"$NS_PREFIX"-node* /run/netns/"$HUB"; do
  [ -e "$f" ] || continue
  n=${f##*/}
  [[ $n =~ ^$NS_PREFIX-node[0-9]+$ || $n == "$HUB" ]] || continue
  ip netns del "$n" && log "netns $n deleted"
done
if [ -e "/run/$LAB_ROOT/.created-run-netns" ] && [ -d /run/netns ] && [ -z "$(ls -A /run/netns)" ]; then
  umount /run/netns 2>/dev/null; rmdir /run/netns 2>/dev/null && log "/run/netns removed (up.sh had created it)"
  rm -f "/run/$LAB_ROOT/.created-run-netns"
fi

# -------------------------------------------------------------- 5. cgroups --
for c in /sys/fs/cgroup/*"$CGROUP_BASE" /sys/fs/cgroup"$CGROUP_BASE"; do
  [ -d "$c" ] || continue
  find "$c" -depth -type d -exec rmdir {} \; 2>/dev/null
  [ -d "$c" ] && warn "cgroup dir $c is not empty, left in place"
done

# ----------------------------------------------------------------- 6. dirs --
logs=()
for f in "$STATE"/node*/dockerd.log; do [ -e "$f" ] && logs+=("$f"); done
if [ ${#logs[@]} -gt 0 ]; then
  rm -rf "$BUILD/last-logs"; mkdir -p "$BUILD/last-logs"
  for f in "${logs[@]}"; do n=${f%/dockerd.log}; cp "$f" "$BUILD/last-logs/${n##*/}.log"; done
  log "dockerd logs kept in $BUILD/last-logs"
fi
left=$(awk -v a="$STATE" -v b="$RUN" '{ if (index($5, a) == 1 || index($5, b) == 1) print $5 }' /proc/self/mountinfo)
if [ -n "$left" ]; then
  die "still mounted, not removing $STATE $RUN: $left"
fi
rm -rf --one-file-system "$STATE" "$RUN" "$BUILD/build"
rmdir "/run/$LAB_ROOT" "/var/lib/$LAB_ROOT" 2>/dev/null || true   # when no other lab is left
log "removed $STATE $RUN"
log "done in $(elapsed)"
