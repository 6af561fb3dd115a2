#!/usr/bin/env bash
# capture-stack-corpus.sh - run every case in test/stack-corpus/cases through the
# real docker CLI (`docker stack config` + `docker stack deploy`) against the swarm
# given by DOCKER_HOST and rewrite test/stack-corpus/verdicts.json.
#
# Case files may start with a header line such as
#   # setup: secret=NAME config=NAME network=NAME env=VAR=VAL unset=VAR dotenv=FILE
# secret/config/network: external objects created before the deploy, removed after.
# env/unset: environment for both CLI calls. dotenv=FILE: the case is copied into a
# temp dir next to FILE renamed to `.env`, and the CLI runs from that dir.
#
# Idempotent: stacks are named corpus<NN>; leftovers from earlier runs are removed.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
CORPUS="$ROOT/test/stack-corpus"
CASES="$CORPUS/cases"
OUT="$CORPUS/verdicts.json"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
: "${DOCKER_HOST:?set DOCKER_HOST to a swarm manager}"
command -v python3 >/dev/null || { echo "python3 required" >&2; exit 1; }
docker info --format '{{.Swarm.ControlAvailable}}' 2>/dev/null | grep -q true \
  || { echo "DOCKER_HOST is not a swarm manager" >&2; exit 1; }

CLIENT=$(docker version --format '{{.Client.Version}}')
SERVER=$(docker version --format '{{.Server.Version}}' 2>/dev/null || echo unknown)
only=${1:-}   # optional: glob to run a subset (still rewrites only those entries)

wait_stack_gone() {
  local st=$1 i
  for i in $(seq 1 60); do
    [ -z "$(docker service ls -q --filter "label=com.docker.stack.namespace=$st")" ] &&
    [ -z "$(docker network ls -q --filter "label=com.docker.stack.namespace=$st")" ] && return 0
    sleep 0.5
  done
  echo "warning: stack $st not gone after 30s" >&2
}
rm_stack() {
  local st=$1
  if [ -n "$(docker service ls -q --filter "label=com.docker.stack.namespace=$st")$(docker network ls -q --filter "label=com.docker.stack.namespace=$st")$(docker secret ls -q --filter "label=com.docker.stack.namespace=$st")$(docker config ls -q --filter "label=com.docker.stack.namespace=$st")" ]; then
    docker stack rm "$st" >/dev/null 2>&1
    wait_stack_gone "$st"
  fi
}
retry_rm() { # kind name
  local i
  for i in $(seq 1 30); do
    docker "$1" inspect "$2" >/dev/null 2>&1 || return 0
    docker "$1" rm "$2" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "warning: could not remove $1 $2" >&2
}

RESULTS="$WORK/results.jsonl"; : > "$RESULTS"
for f in "$CASES"/*.yml; do
  base=$(basename "$f")
  [ -n "$only" ] && [[ $base != $only ]] && continue
  nn=${base%%-*}; st="corpus$nn"
  header=$(head -n1 "$f" | sed -n 's/^# setup: *//p')
  created=(); envargs=(); unsets=(CORPUS_TAG CORPUS_SLEEP); dotenv=""
  rm_stack "$st"
  for kv in $header; do
    k=${kv%%=*}; v=${kv#*=}
    case $k in
      secret)  retry_rm secret "$v";  printf 'corpus-secret\n' | docker secret create "$v" - >/dev/null && created+=("secret:$v") ;;
      config)  retry_rm config "$v";  printf 'corpus=config\n' | docker config create "$v" - >/dev/null && created+=("config:$v") ;;
      network) retry_rm network "$v"; docker network create -d overlay --attachable "$v" >/dev/null && created+=("network:$v") ;;
      env)     envargs+=("$v") ;;
      unset)   unsets+=("$v") ;;
      dotenv)  dotenv=$v ;;
    esac
  done
  runfile=$f; rundir=$CASES
  if [ -n "$dotenv" ]; then
    rundir="$WORK/dotenv-$nn"; mkdir -p "$rundir"
    cp "$f" "$rundir/$base"; cp "$CASES/$dotenv" "$rundir/.env"; runfile="$rundir/$base"
  fi
  uargs=(); for u in "${unsets[@]}"; do uargs+=(-u "$u"); done
  run() { (cd "$rundir" && env "${uargs[@]}" "${envargs[@]}" "$@"); }
  run docker stack config -c "$runfile" >"$WORK/c.out" 2>"$WORK/c.err"; cexit=$?
  run timeout 120 docker stack deploy --resolve-image never -c "$runfile" "$st" >"$WORK/d.out" 2>"$WORK/d.err"; dexit=$?
  nsvc=$(docker service ls -q --filter "label=com.docker.stack.namespace=$st" | wc -l)
  rm_stack "$st"
  for c in "${created[@]}"; do retry_rm "${c%%:*}" "${c#*:}"; done
  python3 - "$f" "$base" "$cexit" "$dexit" "$nsvc" "$header" "$WORK" >>"$RESULTS" <<'PY'
import json, sys, os
f, base, cexit, dexit, nsvc, header, work = sys.argv[1:8]
rd = lambda n: open(os.path.join(work, n), encoding="utf-8", errors="replace").read()
json.dump(dict(file=base, path=f, config_exit=int(cexit), deploy_exit=int(dexit), services_created=int(nsvc),
               setup=header, c_out=rd("c.out"), c_err=rd("c.err"), d_out=rd("d.out"), d_err=rd("d.err")), sys.stdout)
print()
PY
  echo "$base: config=$cexit deploy=$dexit" >&2
done

python3 - "$RESULTS" "$OUT" "$CLIENT" "$SERVER" "$CORPUS/notes.json" <<'PY'
import json, sys, re, os
from collections import Counter
results_path, out, client, server, notes_path = sys.argv[1:6]
notes = json.load(open(notes_path)) if os.path.exists(notes_path) else {}
old = {}
if os.path.exists(out):
    try: old = {c["file"]: c for c in json.load(open(out)).get("cases", [])}
    except Exception: old = {}
old = {k: v for k, v in old.items() if os.path.exists(os.path.join(os.path.dirname(out), "cases", k))}
# Boilerplate notice printed by every detached deploy (CLI >= 26); stripped from
# the recorded stderr and flagged as deploy.detachNotice instead.
DETACH = ["Since --detach=false was not specified, tasks will be created in the background.",
          "In a future release, --detach=false will become the default."]
def strip_notice(s):
    lines = [l for l in s.splitlines() if l.strip() not in DETACH]
    return "\n".join(lines).strip()
trim = lambda s: s.strip()[:500]
def warnings(text):
    """'Ignoring ...' blocks, verbatim, one string per block; plus the key list."""
    lines = text.splitlines(); out = []; keys = []; i = 0
    while i < len(lines):
        l = lines[i].strip()
        m = re.match(r"Ignoring (unsupported|deprecated) options:\s*(.*)$", l)
        if not m: i += 1; continue
        if m.group(2):                       # "Ignoring unsupported options: a, b"
            out.append(l); keys += [k.strip() for k in m.group(2).split(",") if k.strip()]; i += 1; continue
        block = [l]; i += 1                  # "Ignoring deprecated options:\n\nkey: why\n"
        while i < len(lines) and not lines[i].strip(): i += 1
        while i < len(lines) and re.match(r"^[\w.-]+: ", lines[i].strip()):
            block.append(lines[i].strip()); keys.append(lines[i].strip().split(":")[0]); i += 1
        out.append("\n".join(block))
    return out, keys
def keys_from(text):
    ks = []
    pats = [r"Additional property (.+?) is not allowed",
            r"^\s*([\w-]+): (?!.*options)",                 # "mem_limit: Set resource limits ..." blocks
            r"services\.[^.\s]+\.((?:[\w-]+\.)*[\w-]+)",
            r"error decoding '(?:[\w]+\.)*([\w-]+)'",
            r"undefined (?:network|secret|config|volume) \"([^\"]+)\"",
            r"(?:secret|config) not found: (\S+)",
            r"network \"([^\"]+)\" is declared as external",
            r"Unknown (mode)", r"(replicas) can only be used"]
    for pat in pats:
        for m in re.finditer(pat, text, re.M):
            for g in m.groups():
                if g: ks.append(g.split(".")[-1].strip(": "))
    return ks
def find_line(path, keys, text):
    src = open(path, encoding="utf-8").read().split("\n")
    m = re.search(r"\bline (\d+)", text)
    if m: return int(m.group(1))
    for k in keys:
        for i, l in enumerate(src):
            s = l.strip()
            if s.startswith("#"): continue
            if re.match(r"^(- )?[\"']?%s[\"']?\s*:" % re.escape(k), s) or re.match(r"^- *(source: *)?%s\b" % re.escape(k), s) \
               or re.match(r"^\w+: *\[[^\]]*\b%s\b" % re.escape(k), s):
                return i + 1
    return None
for line in open(results_path):
    r = json.loads(line)
    dtext = r["d_out"] + "\n" + r["d_err"]
    warn, ignored = warnings(dtext)
    if r["deploy_exit"] != 0: expect = "rejected"
    elif ignored: expect = "ignored-keys"
    else: expect = "clean"
    d_err = strip_notice(r["d_err"]); c_err = strip_notice(r["c_err"])
    n = notes.get(r["file"], {})
    if "line" in n: ln = n["line"]
    elif expect == "clean": ln = None
    else: ln = find_line(r["path"], ignored + keys_from(d_err + "\n" + c_err), d_err + "\n" + c_err)
    e = {"file": r["file"],
         "config": {"exit": r["config_exit"], "stderr": trim(c_err)},
         "deploy": {"exit": r["deploy_exit"], "stderr": trim(d_err), "stdout_warnings": warn,
                    "detachNotice": any(x in r["d_err"] for x in DETACH),
                    "servicesCreated": r["services_created"]},
         "expect": expect, "ignoredKeys": ignored, "line": ln}
    if r["setup"]: e["setup"] = r["setup"]
    e["notes"] = n.get("notes", "")
    old[r["file"]] = e
cases = [old[k] for k in sorted(old)]
with open(out, "w") as fh:
    json.dump({"generator": "scripts/capture-stack-corpus.sh",
               "dockerClientVersion": client, "dockerServerVersion": server,
               "deployCommand": "docker stack deploy --resolve-image never -c FILE corpus<NN>",
               "configCommand": "docker stack config -c FILE",
               "stderrNote": "stderr verbatim (trimmed to 500 chars) except the two-line '--detach=false' notice, recorded as deploy.detachNotice",
               "cases": cases}, fh, indent=2, ensure_ascii=False)
    fh.write("\n")
print(dict(Counter(c["expect"] for c in cases)), file=sys.stderr)
PY
