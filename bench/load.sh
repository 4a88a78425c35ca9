#!/usr/bin/env bash
# Load: 200 readers (wrk, a page every ~second each, spread over the home page, /ideas, an idea,
# /events and /news), 50 authors composing ideas in the editor and submitting them, and 20 moderators
# with the live queue open deciding, all at once for 5 minutes against one Release node on SQLite
# (the embedded default) with the demo content. The authors and moderators are real Blazor Server
# circuits driven without a browser (bench/moderation/load.js). Prints p50/p95/p99 per page kind,
# submit and queue-arrival latency, the decisions, the accounting (submitted = waiting + decided),
# 5xx answers and the server's peak memory.
#
# Usage: bench/load.sh
#        SECONDS_RUN=60 READERS=100 AUTHORS=10 MODERATORS=5 bench/load.sh
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."

SECONDS_RUN=${SECONDS_RUN:-300}
READERS=${READERS:-200}
AUTHORS=${AUTHORS:-50}
MODERATORS=${MODERATORS:-20}
THINK_MS=${THINK_MS:-1000}
PORT=${PORT:-5193}

log() { printf '[load] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

need=()
command -v node >/dev/null 2>&1 || need+=(nodejs npm)
command -v wrk >/dev/null 2>&1 || need+=(wrk)
if ((${#need[@]})); then
    log "installing ${need[*]}"
    apt-get update -qq && apt-get install -y -qq "${need[@]}" </dev/null >/dev/null
fi
if [[ ! -d bench/moderation/node_modules ]]; then
    (cd bench/moderation && npm ci --no-audit --no-fund --silent)
fi

WORK=$(mktemp -d /tmp/da-load.XXXXXX)
PID=
cleanup() {
    set +e
    [[ -n $PID ]] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null
    cp "$WORK/server.log" /tmp/da-load-server.log 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT

# The bench host: the portal as shipped, with the /bench/* endpoints added.
log "publishing a Release build of the bench host…"
dotnet publish bench/DigitalAlmaty.Bench.Host -c Release -o "$WORK/app" --nologo -v q >/dev/null

BASE=http://127.0.0.1:$PORT
(cd "$WORK/app" && exec env ASPNETCORE_ENVIRONMENT=Testing Demo__Seed=true \
    ConnectionStrings__Portal="Data Source=$WORK/load.db" \
    RateLimits__RequestsPerMinute=1000000000 RateLimits__AccountPostsPerMinute=1000000000 \
    Logging__LogLevel__Default=Warning \
    dotnet DigitalAlmaty.Bench.Host.dll --urls "$BASE") >"$WORK/server.log" 2>&1 &
PID=$!
for _ in $(seq 600); do curl -fs "$BASE/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "$BASE/healthz" >/dev/null || { cat "$WORK/server.log" >&2; die "the portal did not start"; }

# One published idea for the idea page: the first link of the list.
IDEA=$(curl -fs "$BASE/ideas" | grep -o 'href="ideas/[0-9a-f-]\{36\}"' | head -n 1 | sed 's/href="\(.*\)"/\1/')
[[ -n $IDEA ]] || die "no published idea in the demo content"
for page in / /ideas "/$IDEA" /events /news; do curl -fs -o /dev/null "$BASE$page" || die "$page does not answer"; done

# Peak memory: the kernel's high-water mark of the process (VmHWM), and the GC heap after the run.
log "$READERS readers, $AUTHORS authors, $MODERATORS moderators for $SECONDS_RUN s (load before: $(cut -d' ' -f1-3 /proc/loadavg))"
kinds=(home ideas idea events news)
paths=(/ /ideas "/$IDEA" /events /news)
per=$((READERS / ${#kinds[@]}))
for i in "${!kinds[@]}"; do
    THINK_MS=$THINK_MS wrk -t1 -c"$per" -d"${SECONDS_RUN}s" --timeout 10s --latency -s bench/lib/reader.lua \
        "$BASE${paths[$i]}" >"$WORK/wrk-${kinds[$i]}.txt" 2>&1 &
done
(cd bench/moderation && node load.js --base "$BASE" --authors "$AUTHORS" --moderators "$MODERATORS" --seconds "$SECONDS_RUN") \
    >"$WORK/interactive.json" || { log "the interactive client failed"; }
wait $(jobs -p | grep -v "^$PID$") 2>/dev/null || true
HWM_KB=$(awk '/VmHWM/ {print $2}' "/proc/$PID/status")
GC=$(curl -fs -X POST "$BASE/bench/gc" || echo '{}')
FAILS=$(grep -c -E '^(fail|crit):' "$WORK/server.log" || true)
# Two moderators deciding the same item at once: the second insert of the item's next history entry
# breaks its unique key, the moderator is told someone else decided, and EF Core logs the failed save.
CONFLICTS=$(grep -c -E '^fail: Microsoft\.EntityFrameworkCore\.(Update|Database\.Command)\[' "$WORK/server.log" || true)
if ((FAILS > 0)); then
    log "the server logged $FAILS errors; the most frequent:"
    grep -A2 -E '^(fail|crit):' "$WORK/server.log" | grep -v -E '^(fail|crit):|^--' | cut -c1-200 | sort | uniq -c | sort -rn | head -n 8 >&2
fi

echo
echo "## Load, $SECONDS_RUN s, one node on SQLite (load after: $(cut -d' ' -f1-3 /proc/loadavg))"
echo
echo "| readers' page | requests | 5xx | 4xx | p50 ms | p95 ms | p99 ms |"
echo "|---|---|---|---|---|---|---|"
total5xx=0
for kind in "${kinds[@]}"; do
    line=$(grep '^{' "$WORK/wrk-$kind.txt" | tail -n 1)
    [[ -n $line ]] || { cat "$WORK/wrk-$kind.txt" >&2; die "wrk for $kind printed no result"; }
    python3 - "$kind" "$line" <<'PY'
import json, sys
r = json.loads(sys.argv[2])
print(f"| {sys.argv[1]} | {r['requests']} | {r['s5xx']} | {r['s4xx']} | {r['p50']:.1f} | {r['p95']:.1f} | {r['p99']:.1f} |")
PY
    total5xx=$((total5xx + $(python3 -c "import json,sys; print(json.loads(sys.argv[1])['s5xx'])" "$line")))
done
echo
python3 - "$WORK/interactive.json" "$HWM_KB" "$GC" "$total5xx" "$((FAILS - CONFLICTS))" "$CONFLICTS" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
gc = json.loads(sys.argv[3] or '{}')
def row(name, p): print(f"| {name} | {p['n']} | {p['p50']} | {p['p95']} | {p['p99']} |")
print("| interactive | n | p50 ms | p95 ms | p99 ms |")
print("|---|---|---|---|---|")
row("editor opened (page + circuit + first render)", r['editorOpen'])
row("Submit pressed → success shown to the author", r['submit'])
row("Submit pressed → row in each moderator's open queue", r['queueArrival'])
row("moderator's decision (round trip)", r['decide'])
print()
accounted = "yes" if r['accounted'] else "NO"
print(f"- submitted {r['submitted']} = waiting {r['waiting']} + decided {r['decided']}: {accounted} (tally {r['tally']})")
print(f"- submits refused {r['submitRefused']}, unanswered {r['submitLost']}; author errors {r['authorFailures']}, moderator errors {r['moderatorFailures']}")
print(f"- decisions {r['decidedByModerators']}, lost to another moderator {r['decideConflicts']}; queue arrivals missed {r['arrivalsMissed']}")
print(f"- 5xx: readers {sys.argv[4]}, interactive {r['http5xx']}; circuit errors {len(r['circuitErrors'])}; server errors logged {sys.argv[5]}"
      f" (besides {sys.argv[6]} lines of EF Core's failed saves when two moderators decided one item at once)")
for e in r['circuitErrors']: print(f"    {e}")
print(f"- peak memory (VmHWM) {int(sys.argv[2]) / 1024:.0f} MB; GC heap after the run {gc.get('heapBytes', 0) / 1048576:.0f} MB")
ok = (r['accounted'] and r['submitted'] > 0 and r['decidedByModerators'] > 0 and int(sys.argv[4]) == 0 and r['http5xx'] == 0
      and not r['circuitErrors'] and r['submitLost'] == 0 and r['submitRefused'] == 0
      and r['authorFailures'] == 0 and r['moderatorFailures'] == 0 and int(sys.argv[5]) == 0)
print(f"- verdict: {'PASS' if ok else 'FAIL'}")
sys.exit(0 if ok else 1)
PY
