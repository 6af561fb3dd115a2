#!/usr/bin/env bash
# up.sh [--name LAB] [--nodes N] [--managers M] [--quiet]
#
# Idempotent bring-up of the real Docker Swarm lab LAB (default "default", or
# $SWARM_LAB) of N dockerd processes on this machine (see common.sh for the
# layout). node1 initialises the swarm, nodes 2..M join as managers, M+1..N as
# workers. Images local/busybox:1, :2 (other content, for rolling updates) and
# :fail (ENTRYPOINT /bin/false) are built locally once (cached in
# /var/cache/swarm-lab) and loaded into every node; create services with
# --no-resolve-image.
#
# Topology: recorded in /run/swarm-lab/LAB/lab.env. Without --nodes and
# --managers a lab that is already set up is reused as recorded (a fresh one
# defaults to 1 node, 1 manager). Asking for a DIFFERENT topology than the one
# already set up fails: run scripts/lab/down.sh --name LAB first.
#
# Re-running repairs what is missing (netns, stopped dockerds, images, joins).
# stdout (machine-readable), one line per node, then the DOCKER_HOST line:
#   node<i> <manager|worker> 10.X.0.<i> unix:///run/swarm-lab/LAB/node<i>.sock
#   export DOCKER_HOST=unix:///run/swarm-lab/LAB/node1.sock
# Progress and timings go to stderr (--quiet: errors and warnings only).
# Not root: the script re-runs itself through sudo.
set -euo pipefail
LAB_SCRIPT=up.sh
# shellcheck source=scripts/lab/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

usage() { sed -n '2,22s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }
need_root "$@"
parse_lab_name "$@"; set -- "${REST_ARGS[@]}"
NODES=""; MANAGERS=""
while [ $# -gt 0 ]; do
  case "$1" in
    --nodes) [ $# -ge 2 ] || die "--nodes needs a value"; NODES=$2; shift 2 ;;
    --nodes=*) NODES=${1#*=}; shift ;;
    --managers) [ $# -ge 2 ] || die "--managers needs a value"; MANAGERS=$2; shift 2 ;;
    --managers=*) MANAGERS=${1#*=}; shift ;;
    -q|--quiet) LAB_QUIET=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
done

for c in ip nsenter unshare setsid dockerd docker curl tar cmp flock cksum; do
  command -v "$c" >/dev/null || die "missing command: $c (run scripts/lab/bootstrap.sh)"
done
[ -x /bin/busybox ] || die "/bin/busybox missing (run scripts/lab/bootstrap.sh)"

# ----------------------------------------------------------------- topology --
REQ_NODES=$NODES REQ_MANAGERS=$MANAGERS
if load_lab_env "$LAB_ENV" || load_lab_env "$STATE/lab.env"; then
  OLD_NODES=$NODES OLD_MANAGERS=$MANAGERS
  if [ -z "$REQ_NODES$REQ_MANAGERS" ]; then
    log "reusing the recorded topology: $NODES node(s), $MANAGERS manager(s)"
  else
    NODES=${REQ_NODES:-1}
    if [ -n "$REQ_MANAGERS" ]; then MANAGERS=$REQ_MANAGERS; else MANAGERS=1; fi
    if [ "$NODES" != "$OLD_NODES" ] || [ "$MANAGERS" != "$OLD_MANAGERS" ]; then
      die "a lab with $OLD_NODES node(s) / $OLD_MANAGERS manager(s) is already set up; asked for $NODES / $MANAGERS. Run scripts/lab/down.sh --name $LAB first."
    fi
  fi
else
  NODES=${REQ_NODES:-1}; MANAGERS=${REQ_MANAGERS:-1}
fi
is_uint "$NODES" && [ "$NODES" -ge 1 ] && [ "$NODES" -le 50 ] || die "--nodes must be 1..50 (got '$NODES')"
is_uint "$MANAGERS" && [ "$MANAGERS" -ge 1 ] || die "--managers must be >= 1 (got '$MANAGERS')"
[ "$MANAGERS" -le "$NODES" ] || die "--managers ($MANAGERS) must be <= --nodes ($NODES)"

mkdir -p "$STATE" "$RUN" "$BUILD" "$IMAGE_CACHE"
[ -d /run/netns ] || touch "/run/$LAB_ROOT/.created-run-netns"   # lets the last down.sh remove it again
printf '# written by scripts/lab/up.sh\nNODES=%s\nMANAGERS=%s\n' "$NODES" "$MANAGERS" >"$LAB_ENV.tmp"
mv -f "$LAB_ENV.tmp" "$LAB_ENV"
cp -f "$LAB_ENV" "$STATE/lab.env"   # survives a wipe of /run (reboot)
log "lab $LAB: $NODES node(s), $MANAGERS manager(s), $NET.0/24"

# ------------------------------------------------------------------ network --
ns() { local n=$1; shift; ip -n "$n" "$@"; }
[ -e "/run/netns/$HUB" ] || ip netns add "$HUB"
ns "$HUB" link set lo up
ns "$HUB" link show "$BR" >/dev/null 2>&1 || ns "$HUB" link add "$BR" type bridge
ns "$HUB" link set "$BR" up
for ((i = 1; i <= NODES; i++)); do
  nn=$(node_ns "$i")
  [ -e "/run/netns/$nn" ] || ip netns add "$nn"
  ns "$nn" link set lo up
  if ! ns "$nn" link show eth0 >/dev/null 2>&1; then
    ns "$HUB" link del "$NS_PREFIX-n$i" >/dev/null 2>&1 || true   # half of an old pair
    ip link add "$NS_PREFIX-n$i" netns "$HUB" type veth peer name eth0 netns "$nn"
  fi
  ns "$HUB" link set "$NS_PREFIX-n$i" master "$BR" up
  ns "$nn" addr replace "$(node_ip "$i")/24" dev eth0
  ns "$nn" link set eth0 up
done
log "network: netns $HUB (bridge $BR) + $(node_ns 1)..$NODES on $NET.0/24"

# ------------------------------------------------------------------ dockerd --
declare -A STARTED=()
for ((i = 1; i <= NODES; i++)); do
  if pid=$(dockerd_pid "$i"); then
    log "node$i dockerd already running (pid $pid)"
  else
    start_dockerd "$i"; STARTED[$i]=$STARTED_PID
    log "node$i dockerd starting (pid $STARTED_PID, log $(node_log "$i"))"
  fi
done
for ((i = 1; i <= NODES; i++)); do
  wait_ping "$i" 60 "${STARTED[$i]:-}" ||
    { tail -n 30 "$(node_log "$i")" >&2; die "node$i dockerd did not answer on $(sock "$i")"; }
done
log "dockerd x$NODES answering on $RUN/node{1..$NODES}.sock"

# ------------------------------------------------------------------- images --
# Tiny images from the static busybox: /bin/busybox + one symlink per applet.
# Built once into $IMAGE_CACHE/images.tar (under a lock: labs may come up at the
# same time), then loaded into each node that lacks them.
build_images() {  # on node 1 of this lab, then saved to the cache
  local B=$BUILD/build R=$BUILD/build/rootfs
  rm -rf "$B"; mkdir -p "$R"/{bin,etc,tmp,proc,sys,dev,root,var/www}
  cp /bin/busybox "$R/bin/busybox"
  (cd "$R/bin" && for a in $(/bin/busybox --list); do [ "$a" = busybox ] || ln -s busybox "$a"; done)
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' >"$R/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$R/etc/group"
  chmod 1777 "$R/tmp"
  echo '<h1>swarm lab</h1>' >"$R/var/www/index.html"
  mk() {  # mk <version-file-content> <tag> <import --change args...>
    echo "$1" >"$R/etc/lab-image-version"
    local tag=$2; shift 2
    tar -C "$R" --numeric-owner --mtime=@0 -cf - . | d 1 import "$@" -c 'ENV PATH=/bin' - "$tag" >/dev/null
  }
  mk 1 local/busybox:1 -c 'CMD ["/bin/sh"]'
  mk 2 local/busybox:2 -c 'CMD ["/bin/sh"]'
  mk fail local/busybox:fail -c 'ENTRYPOINT ["/bin/false"]'   # any command => exit 1
  rm -rf "$B"
  d 1 save -o "$IMAGE_CACHE/images.tar.tmp" "${IMAGES[@]}" && mv -f "$IMAGE_CACHE/images.tar.tmp" "$IMAGE_CACHE/images.tar"
  log "images built and cached: ${IMAGES[*]}"
}
need=()
for ((i = 1; i <= NODES; i++)); do
  d "$i" image inspect "${IMAGES[@]}" >/dev/null 2>&1 || need+=("$i")
done
if [ ${#need[@]} -gt 0 ]; then
  exec 9>"$IMAGE_CACHE/.lock"; flock 9
  [ -s "$IMAGE_CACHE/images.tar" ] || build_images
  lpids=()
  for i in "${need[@]}"; do
    d "$i" image inspect "${IMAGES[@]}" >/dev/null 2>&1 || { d "$i" load -q -i "$IMAGE_CACHE/images.tar" >/dev/null & lpids+=($!); }
  done
  for p in "${lpids[@]}"; do wait "$p" || die "docker load failed on one of nodes ${need[*]}"; done
  flock -u 9; exec 9>&-
  log "images loaded into node(s) ${need[*]}"
fi
want=$(d 1 image inspect -f '{{.Id}}' "${IMAGES[@]}" | tr '\n' ' ')
for ((i = 2; i <= NODES; i++)); do
  [ "$(d "$i" image inspect -f '{{.Id}}' "${IMAGES[@]}" | tr '\n' ' ')" = "$want" ] || die "node$i has other image IDs than node1"
done
log "images present with the same IDs on all $NODES node(s)"

# -------------------------------------------------------------------- swarm --
for ((i = 1; i <= NODES; i++)); do
  st=$(wait_not_pending "$i" 60)
  [ "$st" != pending ] || die "node$i stays 'pending' in the swarm"
done
find_mgr() {  # first node that answers cluster-level API calls
  local i
  for ((i = 1; i <= NODES; i++)); do
    [ "$(d "$i" info --format '{{.Swarm.ControlAvailable}}' 2>/dev/null)" = true ] && { echo "$i"; return 0; }
  done
  return 1
}
if ! M=$(find_mgr); then
  st=$(swarm_state 1)
  [ "$st" = inactive ] || die "node1 has swarm state '$st' but no node answers as manager (quorum lost?). Run scripts/lab/down.sh --name $LAB first."
  d 1 swarm init --advertise-addr "$(node_ip 1)" --listen-addr "$(node_ip 1):2377" \
    --default-addr-pool "10.$OCTET.192.0/18" --default-addr-pool-mask-length 24 >/dev/null
  M=1
  log "swarm initialised on node1 ($(node_ip 1):2377)"
fi
join() {  # join i role token
  local i=$1 role=$2 tok=$3
  d "$i" swarm join --token "$tok" --advertise-addr "$(node_ip "$i")" \
    --listen-addr "$(node_ip "$i"):2377" "$(node_ip "$M"):2377" >/dev/null
  log "node$i joined as $role"
}
to_join() {  # to_join i: 0 if node i must join, 1 if already a member
  local st; st=$(swarm_state "$1")
  [ "$st" = active ] && return 1
  [ "$st" = inactive ] || die "node$1 has swarm state '$st'. Run scripts/lab/down.sh --name $LAB first."
  return 0
}
for ((i = 2; i <= MANAGERS; i++)); do   # one at a time: raft membership changes
  if to_join "$i"; then
    [ -n "${MTOKEN:-}" ] || MTOKEN=$(d "$M" swarm join-token -q manager)
    join "$i" manager "$MTOKEN"
  fi
done
jpids=()
for ((i = MANAGERS + 1; i <= NODES; i++)); do   # workers in parallel
  if to_join "$i"; then
    [ -n "${WTOKEN:-}" ] || WTOKEN=$(d "$M" swarm join-token -q worker)
    join "$i" worker "$WTOKEN" & jpids+=($!)
  fi
done
for p in "${jpids[@]}"; do wait "$p" || die "a worker failed to join"; done

# Wait until all our nodes are Ready and no manager is Unreachable.
ids=()
for ((i = 1; i <= NODES; i++)); do
  id=$(d "$i" info --format '{{.Swarm.NodeID}}') && [ -n "$id" ] || die "node$i has no swarm NodeID"
  ids+=("$id")
done
ok=0
for ((n = 0; n < 240; n++)); do
  out=$(d "$M" node inspect --format '{{.Status.State}} {{if .ManagerStatus}}{{.ManagerStatus.Reachability}}{{end}}' "${ids[@]}" 2>/dev/null) || out=""
  ready=$(grep -c '^ready' <<<"$out" || true)
  if [ "$ready" -eq "$NODES" ] && ! grep -q unreachable <<<"$out"; then ok=1; break; fi
  sleep 0.25
done
[ "$ok" = 1 ] || { d "$M" node ls >&2 || true; die "only ${ready:-0}/$NODES nodes Ready (or a manager is Unreachable)"; }
log "swarm up: $NODES node(s) Ready, no manager Unreachable (cluster API on node$M)"
[ "$LAB_QUIET" = 1 ] || d "$M" node ls >&2

mapfile -t roles < <(d "$M" node inspect --format '{{.Spec.Role}}' "${ids[@]}")
for ((i = 1; i <= NODES; i++)); do
  role=${roles[i-1]}
  if [ "$i" -le "$MANAGERS" ]; then exp=manager; else exp=worker; fi
  [ "$role" = "$exp" ] || warn "node$i is a $role (promoted/demoted after up.sh?), the recorded topology says $exp"
  echo "node$i $role $(node_ip "$i") unix://$(sock "$i")"
done
echo "export DOCKER_HOST=unix://$(sock 1)"
log "done in $(elapsed)"
