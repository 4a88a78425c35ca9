#!/usr/bin/env bash
# Measures the live moderation queue (/moderation) with real Blazor Server circuits:
#   one node  (SQLite):               submit -> arrival of the new row's render batch at every open
#                                     moderator circuit, for 100, 500 and 1000 circuits; server heap per
#                                     circuit (slope after a forced full GC)
#   two nodes (PostgreSQL + Redis):   the same on one node over PostgreSQL (the baseline for two), then
#                                     with the circuits split across two nodes, submits on node A
#   browser   (Chromium, 20 pages):   submit -> the title is in the page's DOM
#   big queue (100,000 waiting items): server time of the queue's first page (rows + count), and the
#                                     time until a newly opened circuit has its first 50 rows
# Prints p50/p95/p99 in ms and KB per circuit. Circuits come from bench/moderation/circuit.js (no
# browser); the node packages are installed into bench/moderation/node_modules when missing.
#
# Usage: bench/moderation-queue.sh
#        COUNTS=100,500 ROUNDS=20 STEPS=one,browser bench/moderation-queue.sh
# STEPS: any of one, browser, two, big (default: all). PostgreSQL and Redis are started on
# 127.0.0.1 for the "two" step (as test.sh does) unless DA_TEST_POSTGRES / DA_TEST_REDIS are set.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
ROOT=$PWD

COUNTS=${COUNTS:-100,500,1000}
ROUNDS=${ROUNDS:-30}
PAGES=${PAGES:-20}
WAITING=${WAITING:-50}
BIG_QUEUE=${BIG_QUEUE:-100000}
STEPS=${STEPS:-one,browser,two,big}
PORT_A=${PORT_A:-5191}
PORT_B=${PORT_B:-5192}

log() { printf '[moderation-queue] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }
step() { [[ ",$STEPS," == *",$1,"* ]]; }

need=()
command -v node >/dev/null 2>&1 || need+=(nodejs npm)
step browser && ! command -v chromium >/dev/null 2>&1 && need+=(chromium)
if step two; then
    [[ -n ${DA_TEST_POSTGRES:-} ]] || ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || need+=(postgresql)
    [[ -n ${DA_TEST_REDIS:-} ]] || command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
fi
if ((${#need[@]})); then
    log "installing ${need[*]}"
    apt-get update -qq && apt-get install -y -qq "${need[@]}" </dev/null >/dev/null
fi
if [[ ! -d bench/moderation/node_modules ]]; then
    log "installing the circuit client's packages (npm ci)"
    (cd bench/moderation && npm ci --no-audit --no-fund --silent)
fi

WORK=$(mktemp -d /tmp/da-modbench.XXXXXX)
chmod 755 "$WORK"
PIDS=()
source bench/lib/postgres.sh
cleanup() {
    set +e
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
    wait 2>/dev/null
    [[ -f $WORK/redis.pid ]] && kill "$(cat "$WORK/redis.pid")" 2>/dev/null
    stop_bench_postgres
    rm -rf "$WORK"
}
trap cleanup EXIT

log "publishing a Release build of the bench host…"
dotnet publish bench/DigitalAlmaty.Bench.Host -c Release -o "$WORK/app" --nologo -v q >/dev/null

# start_node NAME PORT [VAR=value…]: the portal in the bench host (its /bench/* endpoints added), in Testing.
start_node() {
    local name=$1 port=$2; shift 2
    # From the publish folder: static assets (blazor.web.js) are found relative to the content root.
    (cd "$WORK/app" && exec env ASPNETCORE_ENVIRONMENT=Testing Demo__Seed=false \
        RateLimits__RequestsPerMinute=1000000000 RateLimits__AccountPostsPerMinute=1000000000 \
        Logging__LogLevel__Default=Warning "$@" \
        dotnet DigitalAlmaty.Bench.Host.dll --urls "http://127.0.0.1:$port") >"$WORK/$name.log" 2>&1 &
    PIDS+=($!)
    eval "PID_$name=$!"
    for _ in $(seq 600); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && return 0; sleep 0.5; done
    cat "$WORK/$name.log" >&2
    die "node $name did not start"
}
stop_node() {
    local pid_var="PID_$1"
    kill "${!pid_var}" 2>/dev/null || true
    wait "${!pid_var}" 2>/dev/null || true
}
setup() { curl -fs -X POST "$1/bench/moderation/setup?waiting=$2"; }

RESULTS=$WORK/results.jsonl
: >"$RESULTS"
bench() { (cd bench/moderation && node queue-bench.js "$@") | tee -a "$RESULTS" >&2; }
A=http://127.0.0.1:$PORT_A
B=http://127.0.0.1:$PORT_B
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

if step one || step browser; then
    log "one node on SQLite, $WAITING waiting items"
    start_node one "$PORT_A" ConnectionStrings__Portal="Data Source=$WORK/one.db"
    setup "$A" "$WAITING" >/dev/null
    step one && bench circuits --nodes "$A" --pids "$PID_one" --counts "$COUNTS" --rounds "$ROUNDS" --label one-node
    step browser && bench browser --nodes "$A" --pages "$PAGES" --rounds "$ROUNDS" --label browser
    stop_node one
fi

if step two; then
    start_bench_postgres "$WORK" 55499
    if [[ -z ${DA_TEST_REDIS:-} ]]; then
        REDIS_PORT=6399
        redis-server --daemonize yes --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no \
            --dir "$WORK" --pidfile "$WORK/redis.pid" --logfile "$WORK/redis.log" >/dev/null
        for _ in $(seq 50); do [[ $(redis-cli -p "$REDIS_PORT" ping 2>/dev/null) == PONG ]] && break; sleep 0.1; done
        REDIS=127.0.0.1:$REDIS_PORT
    else
        REDIS=$DA_TEST_REDIS
    fi
    CHANNEL=da-bench-$RANDOM
    log "two nodes on PostgreSQL + Redis, $WAITING waiting items"
    start_node nodeA "$PORT_A" Database__Provider=Postgres ConnectionStrings__Portal="$POSTGRES" \
        Realtime__Redis="$REDIS" Realtime__RedisChannel="$CHANNEL"
    setup "$A" "$WAITING" >/dev/null
    # The like-for-like baseline for "two nodes within 50 ms of one": node A alone on the same
    # PostgreSQL (its submit costs more than SQLite's), then the same counts split over A and B.
    bench circuits --nodes "$A" --pids "$PID_nodeA" --counts "$COUNTS" --rounds "$ROUNDS" --label one-node-postgres
    start_node nodeB "$PORT_B" Database__Provider=Postgres ConnectionStrings__Portal="$POSTGRES" \
        Realtime__Redis="$REDIS" Realtime__RedisChannel="$CHANNEL"
    bench circuits --nodes "$A,$B" --pids "$PID_nodeA,$PID_nodeB" --counts "$COUNTS" --rounds "$ROUNDS" --label two-nodes
    if step big; then
        log "PostgreSQL: $BIG_QUEUE waiting items"
        seeded=$(setup "$A" "$BIG_QUEUE")
        echo "{\"label\":\"big-postgres\",\"kind\":\"seed\",\"result\":$seeded}" | tee -a "$RESULTS" >&2
        # What autovacuum does in production shortly after a bulk load (visibility map, statistics).
        bench_psql 'VACUUM ANALYZE "Submissions"'
        { curl -fs "$A/bench/moderation/first-page?reps=200"; echo; } | sed 's/^{/{"label":"big-postgres","kind":"first-page",/' | tee -a "$RESULTS" >&2
        bench first-render --nodes "$A" --circuits 20 --label big-postgres
    fi
    stop_node nodeA
    stop_node nodeB
fi

if step big; then
    log "SQLite: $BIG_QUEUE waiting items"
    start_node big "$PORT_A" ConnectionStrings__Portal="Data Source=$WORK/big.db"
    seeded=$(setup "$A" "$BIG_QUEUE")
    echo "{\"label\":\"big-sqlite\",\"kind\":\"seed\",\"result\":$seeded}" | tee -a "$RESULTS" >&2
    { curl -fs "$A/bench/moderation/first-page?reps=200"; echo; } | sed 's/^{/{"label":"big-sqlite","kind":"first-page",/' | tee -a "$RESULTS" >&2
    bench first-render --nodes "$A" --circuits 20 --label big-sqlite
    stop_node big
fi

mkdir -p "$ROOT/bench/results"
cp "$RESULTS" "$ROOT/bench/results/moderation-queue-$(date -u +%Y%m%dT%H%M%SZ).jsonl"
echo
echo "Moderation queue, $(nproc) cores, load average before: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "(the circuit client and Chromium run on the same machine as the servers)"
node "$ROOT/bench/moderation/report.js" "$RESULTS"
