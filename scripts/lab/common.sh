# shellcheck shell=bash
# common.sh - names and helpers shared by the lab scripts (sourced, never run).
#
# A lab: N real dockerd processes (Debian docker.io) on this one machine, each
# in its own network namespace (swl-<lab>-node<i>) and UTS namespace (hostname
# node<i>), wired by veth pairs to a bridge living in a separate "hub" namespace
# (swl-<lab>-hub). Nothing has a default route: lab traffic never leaves the
# lab's namespaces.
#
# Labs have names (--name, default "default"), so several run side by side: the
# demo lab of `npm start` and the labs the tests bring up. Every name a lab uses
# is derived here from its name (lab_init), so nothing collides with another
# lab or with a system docker (/var/run/docker.sock, /var/lib/docker).

LAB_ROOT=swarm-lab
IMAGES=(local/busybox:1 local/busybox:2 local/busybox:fail)
IMAGE_CACHE=/var/cache/$LAB_ROOT   # images.tar built once, loaded into every lab
# dockerd gets a fixed, minimal environment so that a restart by node.sh is
# identical to the start by up.sh whatever the caller's environment is.
DOCKERD_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

# lab_init NAME: every path and name of lab NAME.
lab_init() {
  LAB=$1
  [[ $LAB =~ ^[a-z0-9][a-z0-9-]{0,15}$ && $LAB != *node* ]] ||
    die "lab name '$LAB': use 1-16 of a-z 0-9 - (not containing 'node')"
  STATE=/var/lib/$LAB_ROOT/$LAB     # per node: data-root, daemon.json, dockerd.log
  RUN=/run/$LAB_ROOT/$LAB           # sockets, pidfiles, exec-roots, lab.env
  BUILD=/tmp/$LAB_ROOT/$LAB         # last-logs/ kept by down.sh
  LAB_ENV=$RUN/lab.env              # topology recorded by up.sh (NODES, MANAGERS)
  NS_PREFIX=swl-$LAB                # netns swl-<lab>-hub, swl-<lab>-node<i>
  HUB=$NS_PREFIX-hub                # netns holding the bridge
  BR=swlbr0                         # the bridge (inside $HUB, so one name serves every lab)
  # Each lab its own 10.X.0.0/16, X from the name: addresses stay distinct in logs
  # and node lists (the namespaces would keep equal ones apart anyway).
  local sum; sum=$(printf '%s' "$LAB" | cksum | cut -d' ' -f1)
  OCTET=$((100 + sum % 100))
  NET=10.$OCTET.0                   # underlay: node i = 10.X.0.<i>/24
  CGROUP_BASE=/$LAB_ROOT/$LAB       # cgroup-parent /swarm-lab/<lab>/node<i>
}

# Lab name from the arguments (--name N | --name=N) or SWARM_LAB; the other
# arguments are left in REST_ARGS.
parse_lab_name() {
  local name=${SWARM_LAB:-default}
  REST_ARGS=()
  while [ $# -gt 0 ]; do
    case "$1" in
      --name) [ $# -ge 2 ] || die "--name needs a value"; name=$2; shift 2 ;;
      --name=*) name=${1#*=}; shift ;;
      *) REST_ARGS+=("$1"); shift ;;
    esac
  done
  lab_init "$name"
}

LAB_T0=${LAB_T0:-$(date +%s%N)}
LAB_QUIET=${LAB_QUIET:-0}
LAB_SCRIPT=${LAB_SCRIPT:-${0##*/}}

# ------------------------------------------------------------------ logging --
elapsed() { local ms=$(( ($(date +%s%N) - ${1:-$LAB_T0}) / 1000000 )); printf '%d.%03ds' $((ms / 1000)) $((ms % 1000)); }
log()  { [ "$LAB_QUIET" = 1 ] || printf '[%s +%s] %s\n' "$LAB_SCRIPT" "$(elapsed)" "$*" >&2; }
warn() { printf '[%s +%s] WARNING: %s\n' "$LAB_SCRIPT" "$(elapsed)" "$*" >&2; }
die()  { printf '%s: ERROR: %s\n' "$LAB_SCRIPT" "$*" >&2; exit 1; }
# Root is needed (netns, dockerd). As a normal user, re-run the script through
# sudo; as root (CI, containers without sudo) just go on.
need_root() {
  [ "$(id -u)" = 0 ] && return 0
  command -v sudo >/dev/null || die "must run as root (and sudo is not installed)"
  exec sudo -E bash "$0" "$@"
}
is_uint() { [[ $1 =~ ^[0-9]+$ ]]; }

# -------------------------------------------------------------------- names --
node_ns()   { echo "$NS_PREFIX-node$1"; }
node_dir()  { echo "$STATE/node$1"; }
node_log()  { echo "$STATE/node$1/dockerd.log"; }
sock()      { echo "$RUN/node$1.sock"; }
pidfile()   { echo "$RUN/node$1.pid"; }
exec_root() { echo "$RUN/exec$1"; }
node_ip()   { echo "$NET.$1"; }

# docker CLI against node i:  d 2 info
d() { local i=$1; shift; docker -H "unix://$(sock "$i")" "$@"; }

# Read /proc/<pid>/cmdline into the array PARGS (no fork). Fails if pid is gone.
proc_args() { PARGS=(); [ -r "/proc/$1/cmdline" ] && mapfile -d '' -t PARGS <"/proc/$1/cmdline" 2>/dev/null && [ ${#PARGS[@]} -gt 0 ]; }

# Is pid a dockerd started with "--pidfile <pf>"?  (pf defaults to any lab pidfile)
is_lab_dockerd() {
  local pid=$1 pf=${2:-} k
  proc_args "$pid" || return 1
  [ "${PARGS[0]##*/}" = dockerd ] || return 1
  for ((k = 1; k < ${#PARGS[@]} - 1; k++)); do
    [ "${PARGS[k]}" = --pidfile ] || continue
    if [ -n "$pf" ]; then [ "${PARGS[k+1]}" = "$pf" ] && return 0
    else [[ ${PARGS[k+1]} =~ ^$RUN/node[0-9]+\.pid$ ]] && return 0; fi
  done
  return 1
}

# Print the pid of node i's dockerd (from its pidfile, verified against
# /proc/<pid>/cmdline; falls back to a /proc scan if the pidfile is missing).
dockerd_pid() {
  local i=$1 pf pid p
  pf=$(pidfile "$i")
  if [ -s "$pf" ]; then
    pid=$(<"$pf")
    if is_uint "$pid" && is_lab_dockerd "$pid" "$pf"; then echo "$pid"; return 0; fi
  fi
  for p in /proc/[0-9]*; do
    p=${p#/proc/}
    is_lab_dockerd "$p" "$pf" && { echo "$p"; return 0; }
  done
  return 1
}
alive() { dockerd_pid "$1" >/dev/null; }

ping_ok() { curl -sf -m 3 --unix-socket "$(sock "$1")" http://lab/_ping >/dev/null 2>&1; }

# wait_ping i [timeout_s] [pid]: wait until node i answers /_ping; gives up early
# if pid (the dockerd we just launched) has died.
wait_ping() {
  local i=$1 t=${2:-60} pid=${3:-} n
  for ((n = 0; n < t * 4; n++)); do
    ping_ok "$i" && return 0
    if [ -n "$pid" ] && [ ! -d "/proc/$pid" ]; then break; fi
    sleep 0.25
  done
  ping_ok "$i"
}

swarm_state() { d "$1" info --format '{{.Swarm.LocalNodeState}}' 2>/dev/null; }

# wait_not_pending i [timeout_s]: a freshly (re)started swarm member is "pending"
# while it reconnects; echo the final state.
wait_not_pending() {
  local i=$1 t=${2:-60} n st=""
  for ((n = 0; n < t * 4; n++)); do
    st=$(swarm_state "$i") || st=""
    [ -n "$st" ] && [ "$st" != pending ] && break
    sleep 0.25
  done
  echo "$st"
}

# -------------------------------------------------------------------- dockerd --
write_daemon_json() {
  local i=$1 dir f tmp
  dir=$(node_dir "$i"); f=$dir/daemon.json; tmp=$f.tmp
  mkdir -p "$dir/data"
  # deprecated-key-path: no command-line flag exists for it (config file only).
  cat >"$tmp" <<EOF
{
  "bip": "10.$OCTET.$((10 + i)).1/24",
  "default-address-pools": [ { "base": "10.$OCTET.128.0/18", "size": 24 } ],
  "cgroup-parent": "$CGROUP_BASE/node$i",
  "storage-driver": "overlay2",
  "log-driver": "json-file",
  "log-opts": { "max-size": "1m", "max-file": "2" },
  "deprecated-key-path": "$dir/key.json"
}
EOF
  if cmp -s "$tmp" "$f"; then rm -f "$tmp"; else mv -f "$tmp" "$f"; fi
}

# The complete dockerd command line of node i (same for up.sh and node.sh).
dockerd_args() {
  local i=$1
  DOCKERD_ARGS=(
    --config-file "$(node_dir "$i")/daemon.json"
    --data-root "$(node_dir "$i")/data"
    --exec-root "$(exec_root "$i")"
    --pidfile "$(pidfile "$i")"
    -H "unix://$(sock "$i")"
  )
  # Run through sudo: the sockets belong to the invoking user's group, so that VS Code and the
  # tests, running as that user, can use them.
  if [ -n "${SUDO_GID:-}" ] && [ "${SUDO_GID}" != 0 ]; then
    local g; g=$(getent group "$SUDO_GID" | cut -d: -f1)
    [ -n "$g" ] && DOCKERD_ARGS+=(--group "$g")
  fi
}

# start_dockerd i: launch node i's dockerd in the background (does not wait).
# Sets STARTED_PID. Caller makes sure it is not running and the netns exists.
#  - nsenter --net only switches the network namespace. NOT "ip netns exec": it
#    remounts /sys, which hides /sys/fs/cgroup from dockerd.
#  - unshare --uts: own hostname node<i>, so swarm node names are readable.
#  - DOCKER_SERVICE_PREFER_OFFLINE_IMAGE=1: the swarm agent never tries to pull.
#  - setsid + </dev/null + log redirection: fully detached from the caller.
start_dockerd() {
  local i=$1 ns
  ns=$(node_ns "$i")
  [ -e "/run/netns/$ns" ] || die "netns $ns does not exist (run scripts/lab/up.sh)"
  write_daemon_json "$i"
  mkdir -p "$RUN"
  rm -f "$(sock "$i")" "$(pidfile "$i")"
  dockerd_args "$i"
  printf '\n===== %s %s: starting dockerd node%s\n' "$(date -u +%FT%TZ)" "$LAB_SCRIPT" "$i" >>"$(node_log "$i")"
  setsid nsenter --net="/run/netns/$ns" -- unshare --uts -- \
    /bin/sh -c 'hostname "$0" && p=$1 && shift && exec env -i PATH="$p" HOME=/root DOCKER_SERVICE_PREFER_OFFLINE_IMAGE=1 dockerd "$@"' \
      "node$i" "$DOCKERD_PATH" "${DOCKERD_ARGS[@]}" \
      >>"$(node_log "$i")" 2>&1 </dev/null &
  STARTED_PID=$!
}

# Read the topology recorded by up.sh into NODES / MANAGERS.
load_lab_env() {
  local f=${1:-$LAB_ENV}
  [ -s "$f" ] || return 1
  NODES=$(sed -n 's/^NODES=\([0-9][0-9]*\)$/\1/p' "$f")
  MANAGERS=$(sed -n 's/^MANAGERS=\([0-9][0-9]*\)$/\1/p' "$f")
  [ -n "$NODES" ] && [ -n "$MANAGERS" ]
}
