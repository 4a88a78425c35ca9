#!/usr/bin/env bash
# Measures the public pages with wrk against baselines measured in the same run:
#   uncached pages  vs /bench/baseline/ideas (the same /ideas page by hand: its shell taken once from
#                      the portal, the list queried with a compiled query and written with a StringBuilder)
#                   and /bench/baseline/ideas-bare (the same query, a bare page without header or footer)
#   cached pages    vs /bench/static/ideas   (the bytes of the portal's /ideas page served from memory)
# Then the server time (first middleware to last byte, measured in the portal) of list and search
# requests at SERVER_CONNECTIONS connections, as p50/p95/p99.
# Usage: bench/public-pages.sh                   (10,000 published ideas, 32 connections, 10 s per run)
#        IDEAS=100000 bench/public-pages.sh      (the 100k mode: list and search server time p95)
#        ONLY_SERVER_TIME=1 IDEAS=100000 bench/public-pages.sh
#        DATABASE=postgres …                     (the portal on a throwaway PostgreSQL cluster, or on
#                                                 DA_TEST_POSTGRES when set; SQLite otherwise)
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."

IDEAS=${IDEAS:-10000}
DURATION=${DURATION:-10s}
# Warm-up per endpoint before it is measured: the JIT's second tier (with profile-guided
# optimisation) takes several seconds under load, and a short warm-up favours whichever side
# is still being compiled less. 10 s gives stable ratios here; 2 s moved them by up to 0.3.
WARMUP=${WARMUP:-10s}
CONNECTIONS=${CONNECTIONS:-32}
PORT=${PORT:-5190}
SERVER_CONNECTIONS=${SERVER_CONNECTIONS:-4}
ONLY_SERVER_TIME=${ONLY_SERVER_TIME:-0}
DATABASE=${DATABASE:-sqlite}
BASE="http://127.0.0.1:$PORT"

need=()
command -v wrk >/dev/null 2>&1 || need+=(wrk)
[[ $DATABASE == postgres && -z ${DA_TEST_POSTGRES:-} ]] && ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 && need+=(postgresql)
if ((${#need[@]})); then
    apt-get update -qq && apt-get install -y -qq "${need[@]}" </dev/null >/dev/null
fi

WORK=$(mktemp -d /tmp/da-bench.XXXXXX)
chmod 755 "$WORK"
SERVER_PID=
source bench/lib/postgres.sh
cleanup() { [[ -n $SERVER_PID ]] && kill "$SERVER_PID" 2>/dev/null; wait 2>/dev/null; stop_bench_postgres; rm -rf "$WORK"; }
trap cleanup EXIT
DB_SETTINGS=(ConnectionStrings__Portal="Data Source=$WORK/bench.db")
if [[ $DATABASE == postgres ]]; then
    start_bench_postgres "$WORK" 55498
    DB_SETTINGS=(Database__Provider=Postgres ConnectionStrings__Portal="$POSTGRES")
fi

# The bench host: the portal as shipped, with the /bench/* endpoints and timings added.
echo "Publishing a Release build of the bench host…" >&2
dotnet publish bench/DigitalAlmaty.Bench.Host -c Release -o "$WORK/app" --nologo -v q >/dev/null

echo "Starting the portal on $DATABASE with $IDEAS published ideas…" >&2
env "${DB_SETTINGS[@]}" ASPNETCORE_ENVIRONMENT=Testing \
Bench__Ideas="$IDEAS" Demo__Seed=false \
RateLimits__RequestsPerMinute=1000000000 \
Logging__LogLevel__Default=Warning \
dotnet "$WORK/app/DigitalAlmaty.Bench.Host.dll" --urls "$BASE" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1800); do curl -fs "$BASE/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "$BASE/healthz" >/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
# What autovacuum does in production shortly after a bulk load (visibility map, statistics).
if [[ $DATABASE == postgres ]]; then bench_psql 'VACUUM ANALYZE'; fi

# The newest idea carries 200 comments (BenchIdeas); the second newest none: the idea page both ways.
IDEA_COMMENTED=$(curl -fs "$BASE/bench/baseline/ideas" | grep -o 'ideas/[0-9a-f-]\{36\}' | head -n 1)
IDEA=$(curl -fs "$BASE/bench/baseline/ideas" | grep -o 'ideas/[0-9a-f-]\{36\}' | sed -n 2p)

cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER_PID/stat"; }
to_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us$/, "", v); print v / 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v); print v } else { sub(/s$/, "", v); print v * 1000 } }'; }

# measure NAME PATH [extra wrk args…] -> prints "NAME rps p50 p99 cpu_ms_per_request"
measure() {
    local name=$1 path=$2; shift 2
    wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" "$@" "$BASE$path" >/dev/null 2>&1
    local before after out rps p50 p99 requests hz
    hz=$(getconf CLK_TCK)
    before=$(cpu_ticks)
    out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$@" "$BASE$path")
    after=$(cpu_ticks)
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    requests=$(awk '/requests in/ {print $1}' <<<"$out")
    p50=$(to_ms "$(awk '$1 == "50%" {print $2}' <<<"$out")")
    p99=$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")
    awk -v n="$name" -v r="$rps" -v a="$p50" -v b="$p99" -v t=$((after - before)) -v q="$requests" -v hz="$hz" \
        'BEGIN { printf "%-28s %10.0f %9.2f %9.2f %9.3f\n", n, r, a, b, (t * 1000 / hz) / q }'
}

# The portal skips its output cache for requests with an Authorization header (cookie sign-in ignores it).
UNCACHED=(-H "Authorization: bench")

RESULTS=$WORK/results.txt
: >"$RESULTS"
if [[ $ONLY_SERVER_TIME != 1 ]]; then
{
    measure baseline-ideas /bench/baseline/ideas
    measure baseline-bare /bench/baseline/ideas-bare
    measure ideas-uncached /ideas "${UNCACHED[@]}"
    measure idea-page-uncached "/$IDEA" "${UNCACHED[@]}"
    measure idea-200-comments-uncached "/$IDEA_COMMENTED" "${UNCACHED[@]}"
    measure ideas-support-uncached "/ideas?sort=support" "${UNCACHED[@]}"
    measure events-uncached /events "${UNCACHED[@]}"
    measure home-uncached / "${UNCACHED[@]}"
    measure static-bytes /bench/static/ideas
    measure ideas-cached /ideas
    measure idea-page-cached "/$IDEA"
} >"$RESULTS"

echo
echo "Public pages, $DATABASE, $IDEAS published ideas, $CONNECTIONS connections, $DURATION per run, $(nproc) cores (wrk shares them)"
printf "%-28s %10s %9s %9s %9s\n" endpoint "req/s" "p50 ms" "p99 ms" "cpu ms/req"
cat "$RESULTS"
echo
awk '
    { rps[$1] = $2; p99[$1] = $4 }
    END {
        printf "ideas uncached / baseline:      %.2f x throughput, p99 %.2f x\n", rps["ideas-uncached"] / rps["baseline-ideas"], p99["ideas-uncached"] / p99["baseline-ideas"]
        printf "ideas uncached / bare baseline: %.2f x throughput, p99 %.2f x\n", rps["ideas-uncached"] / rps["baseline-bare"], p99["ideas-uncached"] / p99["baseline-bare"]
        printf "idea page uncached / baseline:  %.2f x throughput, p99 %.2f x\n", rps["idea-page-uncached"] / rps["baseline-ideas"], p99["idea-page-uncached"] / p99["baseline-ideas"]
        printf "idea page, 200 comments / page: %.2f x throughput, p99 %.2f x\n", rps["idea-200-comments-uncached"] / rps["idea-page-uncached"], p99["idea-200-comments-uncached"] / p99["idea-page-uncached"]
        printf "ideas by support / baseline:    %.2f x throughput, p99 %.2f x\n", rps["ideas-support-uncached"] / rps["baseline-ideas"], p99["ideas-support-uncached"] / p99["baseline-ideas"]
        printf "ideas cached / static bytes:    %.2f x throughput\n", rps["ideas-cached"] / rps["static-bytes"]
        printf "ideas cached / baseline:        %.2f x throughput\n", rps["ideas-cached"] / rps["baseline-ideas"]
    }' "$RESULTS"
fi

# Server time of list and search pages (uncached), measured inside the portal.
CURSOR=$(curl -fs -H "Authorization: bench" "$BASE/ideas" | grep -o 'after=[A-Za-z0-9_-]*' | head -n 1)
DEEP=$(curl -fs -H "Authorization: bench" "$BASE/ideas?sort=title" | grep -o 'after=[A-Za-z0-9_-]*' | head -n 1)
server_time() {
    local name=$1 path=$2
    curl -fs "$BASE/bench/timings?reset=true" >/dev/null
    wrk -t2 -c"$SERVER_CONNECTIONS" -d"$DURATION" -H "Authorization: bench" "$BASE$path" >/dev/null 2>&1
    curl -fs "$BASE/bench/timings?reset=true" | awk -F'\t' -v n="$name" '$1 ~ /\(uncached\)$/ { printf "%-34s %8d %9s %9s %9s\n", n, $2, $3, $4, $5 }'
}
# The seeded ideas repeat the demo ideas with a number in the title: each demo idea's words occur in
# one idea in six (16,667 matches at 100k), and a number finds one idea.
SEARCH_COMMON=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("парковок"))')
SEARCH_RARE=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("SFpark"))')
SEARCH_ONE=$((IDEAS / 2 + 1))
echo
echo "Server time, $DATABASE, $IDEAS published ideas, $SERVER_CONNECTIONS connections, $DURATION per run (uncached)"
printf "%-34s %8s %9s %9s %9s\n" request count "p50 ms" "p95 ms" "p99 ms"
server_time "list /ideas" "/ideas"
server_time "list /ideas, next page" "/ideas?$CURSOR"
server_time "list /ideas?sort=title, page 2" "/ideas?sort=title&$DEEP"
server_time "list /ideas?category=transport" "/ideas?category=transport"
server_time "list /ideas?tag=sensors" "/ideas?tag=sensors"
server_time "search (word in 1 of 6 ideas)" "/search?q=$SEARCH_COMMON"
server_time "search (other word, 1 of 6)" "/search?q=$SEARCH_RARE"
server_time "search (number: one idea)" "/search?q=$SEARCH_ONE"
