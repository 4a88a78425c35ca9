#!/usr/bin/env bash
# Start-up time as an operator meets it (every restart, every rolling upgrade): the portal published as
# deploy/ publishes it (Release, -r linux-x64, ReadyToRun), in Production, from the process's start to
# the first "200" for "/":
#   existing  a SQLite database with the schema and demo content already there (a restart)
#   fresh     an empty folder: migrations, the first administrator, demo content, then the page
#   baseline  bench/startup-baseline, the smallest ASP.NET Core app, published the same way: the
#             runtime's own start on this machine, measured in the same run
# The rounds are interleaved (existing, fresh, baseline, …). Prints median and worst wall time, the
# ratio to the baseline, the portal's own start-up log line (wall, CPU and JIT per phase) of the
# median round, and the verdict against the targets (existing < 1500 ms, fresh < 2000 ms).
# Usage: bench/startup.sh            ROUNDS=11 bench/startup.sh
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."

ROUNDS=${ROUNDS:-7}
PORT=${PORT:-5195}
TARGET_EXISTING=${TARGET_EXISTING:-1500}
TARGET_FRESH=${TARGET_FRESH:-2000}
BASE="http://127.0.0.1:$PORT"

WORK=$(mktemp -d /tmp/da-startup.XXXXXX)
SERVER_PID=
cleanup() { [[ -n $SERVER_PID ]] && kill "$SERVER_PID" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

echo "Publishing the portal and the baseline (Release, linux-x64, ReadyToRun)…" >&2
dotnet publish DigitalAlmaty.Web -c Release -r linux-x64 --self-contained false -o "$WORK/portal" --nologo -v q >/dev/null
dotnet publish bench/startup-baseline -c Release -r linux-x64 --self-contained false -o "$WORK/baseline" --nologo -v q >/dev/null

PRODUCTION=(
    ASPNETCORE_ENVIRONMENT=Production
    Portal__PublicBaseUrl=https://portal.example.kz
    "AllowedHosts=127.0.0.1;portal.example.kz"
    Demo__Seed=true
    Bootstrap__AdminEmail=admin@portal.example.kz
    Bootstrap__AdminPassword=Bench-Start-2026!
    Email__PickupDirectory="$WORK/mail"
)

# one KIND DATA_DIR -> prints the wall milliseconds from spawn to the first 200 of "/"
one() {
    local kind=$1 data=$2 app dll start now
    mkdir -p "$data"
    case $kind in
        baseline) app=$WORK/baseline; dll=StartupBaseline.dll; set -- ;;
        *) app=$WORK/portal; dll=DigitalAlmaty.Web.dll
           set -- "${PRODUCTION[@]}" ConnectionStrings__Portal="Data Source=$data/portal.db" Uploads__Directory="$data/uploads" ;;
    esac
    start=$(date +%s%N)
    (cd "$app" && exec env "$@" ASPNETCORE_URLS="$BASE" dotnet "$dll") >"$data/log.txt" 2>&1 &
    SERVER_PID=$!
    until [[ $(curl -s -o /dev/null -w '%{http_code}' "$BASE/" 2>/dev/null) == 200 ]]; do
        kill -0 "$SERVER_PID" 2>/dev/null || { echo "the $kind start failed:" >&2; tail -n 20 "$data/log.txt" >&2; exit 1; }
        sleep 0.005
    done
    now=$(date +%s%N)
    kill -TERM "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=
    echo $(((now - start) / 1000000))
}

# The existing database: made once by a first start, then only restarted on.
one fresh "$WORK/existing" >/dev/null
: >"$WORK/results.txt"
for round in $(seq "$ROUNDS"); do
    echo "existing $(one existing "$WORK/existing") $round" >>"$WORK/results.txt"
    cp "$WORK/existing/log.txt" "$WORK/existing-$round.log"
    rm -rf "$WORK/fresh"
    echo "fresh $(one fresh "$WORK/fresh") $round" >>"$WORK/results.txt"
    cp "$WORK/fresh/log.txt" "$WORK/fresh-$round.log"
    echo "baseline $(one baseline "$WORK/base") $round" >>"$WORK/results.txt"
    echo "round $round of $ROUNDS done" >&2
done

echo
echo "Start-up to the first page, $ROUNDS rounds, $(nproc) cores, load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$WORK/results.txt" "$TARGET_EXISTING" "$TARGET_FRESH" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
ms = {k: [int(r[1]) for r in rows if r[0] == k] for k in ("existing", "fresh", "baseline")}
base = statistics.median(ms["baseline"])
print(f"{'kind':<10} {'median ms':>10} {'worst ms':>10} {'x baseline':>11}")
for k in ("existing", "fresh", "baseline"):
    print(f"{k:<10} {statistics.median(ms[k]):>10.0f} {max(ms[k]):>10} {statistics.median(ms[k]) / base:>11.2f}")
te, tf = int(sys.argv[2]), int(sys.argv[3])
ok = lambda k, t: "PASS" if statistics.median(ms[k]) < t else "FAIL"
print(f"\nverdict: existing {ok('existing', te)} (target < {te} ms), fresh {ok('fresh', tf)} (target < {tf} ms)")
PY

# The portal's own account of the median rounds (process start to listening; the page follows).
for kind in existing fresh; do
    round=$(awk -v k="$kind" '$1 == k { print $2, $3 }' "$WORK/results.txt" | sort -n | awk -v r="$ROUNDS" 'NR == int((r + 1) / 2) { print $2 }')
    printf '%s: ' "$kind"
    grep -o '"Message":"Start-up took[^"]*"' "$WORK/$kind-$round.log" | sed 's/"Message":"//; s/"$//' || echo "(no start-up line)"
done
