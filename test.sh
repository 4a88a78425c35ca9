#!/usr/bin/env bash
# The one test command: installs what is missing, starts throwaway PostgreSQL / Redis / SMTP
# servers on 127.0.0.1, runs every test and prints "N passed, M failed" as its last line.
# Runs as root on Debian 12 (apt-get); also unattended (CI=true, no stdin).
# Extra arguments go to `dotnet test`, e.g. ./test.sh --filter "FullyQualifiedName~Backup".
set -euo pipefail

cd "$(dirname "$(readlink -f "$0")")"

export DEBIAN_FRONTEND=noninteractive
export DOTNET_NOLOGO=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '[test.sh] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# Debian's python3-aiosmtpd lives in the system interpreter, which a pyenv/venv python3 on PATH hides.
SYS_PYTHON=/usr/bin/python3
[[ -x $SYS_PYTHON ]] || SYS_PYTHON=$(command -v python3 || true)

pg_bindir() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    [[ -n $dir && -x $dir/initdb ]] && printf '%s\n' "$dir"
}

# ---------------------------------------------------------------- packages
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v curl >/dev/null 2>&1 || missing+=(curl)   # the systemd unit's readiness gate (SystemdUnitTests)
pg_bindir >/dev/null || missing+=(postgresql)
command -v redis-server >/dev/null 2>&1 && command -v redis-cli >/dev/null 2>&1 || missing+=(redis-server)
[[ -x /usr/sbin/nginx ]] || missing+=(nginx-light)   # the two-node tests run a private nginx (deploy/nginx)
{ dpkg -s python3-aiosmtpd >/dev/null 2>&1 && [[ -n $SYS_PYTHON ]] && "$SYS_PYTHON" -c 'import aiosmtpd' 2>/dev/null; } \
    || missing+=(python3-aiosmtpd)
if ((${#missing[@]})); then
    [[ $(id -u) -eq 0 ]] || die "missing packages (${missing[*]}); run as root or install them with apt-get"
    log "installing ${missing[*]}"
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" </dev/null >/dev/null
    SYS_PYTHON=/usr/bin/python3
fi
command -v dotnet >/dev/null 2>&1 || die "the .NET SDK (dotnet) is not on PATH"
PGBIN=$(pg_bindir) || die "PostgreSQL binaries not found under /usr/lib/postgresql"

dotnet tool restore >/dev/null

# ---------------------------------------------------------------- cleanup
WORK=$(mktemp -d /tmp/da-test.XXXXXX)
PG_DATA=$WORK/pg/data
PG_STARTED=0
REDIS_PORT=
SMTP_PID=
TEST_PID=

as_pg() {
    if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cleanup() {
    local rc=$?
    set +e
    trap - EXIT INT TERM
    if [[ -n $TEST_PID ]]; then kill "$TEST_PID" 2>/dev/null; wait "$TEST_PID" 2>/dev/null; fi
    if [[ -n $SMTP_PID ]]; then kill "$SMTP_PID" 2>/dev/null; wait "$SMTP_PID" 2>/dev/null; fi
    if [[ -f $WORK/redis.pid ]]; then
        local rpid
        rpid=$(cat "$WORK/redis.pid")
        kill "$rpid" 2>/dev/null
        for _ in $(seq 50); do kill -0 "$rpid" 2>/dev/null || break; sleep 0.1; done
    fi
    if ((PG_STARTED)); then as_pg "$PGBIN/pg_ctl" -D "$PG_DATA" -m immediate -w stop >/dev/null 2>&1; fi
    rm -rf "$WORK"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
    local port=$1
    while ! port_free "$port"; do port=$((port + 1)); done
    printf '%s\n' "$port"
}
wait_port() { # port seconds what
    local i
    for ((i = 0; i < $2 * 10; i++)); do port_free "$1" || return 0; sleep 0.1; done
    die "$3 did not open 127.0.0.1:$1 within $2 s"
}

# ---------------------------------------------------------------- PostgreSQL (private throwaway cluster)
started=$SECONDS
PG_PORT=$(free_port 55432)
PG_PASSWORD=da-test-$RANDOM$RANDOM
mkdir -p "$WORK/pg"
chmod 755 "$WORK"
if [[ $(id -u) -eq 0 ]]; then chown postgres: "$WORK/pg"; fi
as_pg "$PGBIN/initdb" -D "$PG_DATA" -U postgres -E UTF8 --locale=C.UTF-8 --no-sync \
    --auth-local=trust --auth-host=scram-sha-256 >"$WORK/initdb.log" 2>&1 \
    || { cat "$WORK/initdb.log" >&2; die "initdb failed"; }
PG_STARTED=1
as_pg "$PGBIN/pg_ctl" -D "$PG_DATA" -l "$WORK/pg/server.log" -w -t 30 \
    -o "-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null || { cat "$WORK/pg/server.log" >&2; die "PostgreSQL did not start"; }
for _ in $(seq 100); do
    "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" && break
    sleep 0.2
done
"$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" || die "PostgreSQL is not ready on port $PG_PORT"
as_pg "$PGBIN/psql" -q -v ON_ERROR_STOP=1 -h "$WORK/pg" -p "$PG_PORT" -U postgres -d postgres >/dev/null <<SQL
CREATE ROLE da_test LOGIN CREATEDB PASSWORD '$PG_PASSWORD';
CREATE DATABASE da_test OWNER da_test ENCODING 'UTF8';
SQL

# ---------------------------------------------------------------- Redis
REDIS_PORT=$(free_port 6390)
redis-server --daemonize yes --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no \
    --dir "$WORK" --pidfile "$WORK/redis.pid" --logfile "$WORK/redis.log" >/dev/null
for _ in $(seq 100); do
    [[ $(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null) == PONG ]] && break
    sleep 0.1
done
[[ $(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null) == PONG ]] || die "Redis did not answer on port $REDIS_PORT"
for _ in $(seq 50); do [[ -s $WORK/redis.pid ]] && break; sleep 0.1; done

# ---------------------------------------------------------------- SMTP (aiosmtpd writing a Maildir)
SMTP_PORT=$(free_port 2525)
MAILDIR=$WORK/maildir
"$SYS_PYTHON" -m aiosmtpd -n -l "127.0.0.1:$SMTP_PORT" -c aiosmtpd.handlers.Mailbox "$MAILDIR" \
    </dev/null >"$WORK/smtp.log" 2>&1 &
SMTP_PID=$!
wait_port "$SMTP_PORT" 15 "aiosmtpd"
kill -0 "$SMTP_PID" 2>/dev/null || { cat "$WORK/smtp.log" >&2; die "aiosmtpd exited"; }
mkdir -p "$MAILDIR/new" "$MAILDIR/cur" "$MAILDIR/tmp"

log "servers up in $((SECONDS - started)) s: PostgreSQL :$PG_PORT, Redis :$REDIS_PORT, SMTP :$SMTP_PORT"

export DA_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=da_test;Password=$PG_PASSWORD;Database=da_test"
export DA_TEST_REDIS="127.0.0.1:$REDIS_PORT"
export DA_TEST_SMTP_HOST=127.0.0.1
export DA_TEST_SMTP_PORT=$SMTP_PORT
export DA_TEST_SMTP_MAILDIR=$MAILDIR
export DA_TEST_CHROMIUM
DA_TEST_CHROMIUM=$(command -v chromium || echo /usr/bin/chromium)

# ---------------------------------------------------------------- tests
RESULTS=TestResults
mkdir -p "$RESULTS"
find "$RESULTS" -name '*.trx' -delete

# The code's conventions (.editorconfig): whitespace and code style, generated migrations left out.
# On a full run only (no filter given), or with DA_FORMAT_CHECK=1; its verdict is printed at the end.
format_rc=0
format_out=$WORK/format.txt
if (($# == 0)) || [[ ${DA_FORMAT_CHECK:-} == 1 ]]; then
    log "checking the format (dotnet format --verify-no-changes)"
    {
        dotnet format whitespace DigitalAlmaty.Blazor.sln --verify-no-changes --exclude DigitalAlmaty.Web/Data/Migrations DigitalAlmaty.Web/Data/CompiledModels &&
        dotnet format style DigitalAlmaty.Blazor.sln --verify-no-changes --severity warn --exclude DigitalAlmaty.Web/Data/Migrations DigitalAlmaty.Web/Data/CompiledModels
    } >"$format_out" 2>&1 </dev/null || format_rc=$?
fi

# In the background, so that INT/TERM reach the trap at once instead of after the whole run.
test_rc=0
dotnet test DigitalAlmaty.Blazor.sln --logger trx --results-directory "$RESULTS" \
    --logger "console;verbosity=normal" "$@" </dev/null &
TEST_PID=$!
wait "$TEST_PID" || test_rc=$?
TEST_PID=

passed=0
failed=0
while IFS= read -r counters; do
    p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
    f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
    passed=$((passed + ${p:-0}))
    failed=$((failed + ${f:-0}))
done < <(find "$RESULTS" -name '*.trx' -exec grep -ho '<Counters [^>]*>' {} + 2>/dev/null || true)

# CI keeps only the tail of the output: name each failed test and the start of its message here.
if ((failed > 0)); then
    echo "failed tests:"
    find "$RESULTS" -name '*.trx' -print0 | xargs -0 -r "$SYS_PYTHON" -c '
import sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
for path in sys.argv[1:]:
    for r in ET.parse(path).getroot().iterfind(".//t:UnitTestResult", ns):
        if r.get("outcome") != "Failed":
            continue
        message = r.findtext(".//t:Message", default="", namespaces=ns).strip()
        trace = r.findtext(".//t:StackTrace", default="", namespaces=ns).strip()
        print("  " + r.get("testName", "?") + " [" + r.get("duration", "?") + "]")
        for line in (message.splitlines()[:12] + trace.splitlines()[:6]):
            print("    " + line[:300])
' || true
fi
if ((format_rc != 0)); then
    echo "format check failed (run: dotnet format DigitalAlmaty.Blazor.sln --exclude DigitalAlmaty.Web/Data/Migrations DigitalAlmaty.Web/Data/CompiledModels):"
    grep -E 'error|warn' "$format_out" | sed 's|^'"$PWD"'/||' | head -n 15 | cut -c1-300
fi
echo "$passed passed, $failed failed"
if ((test_rc != 0 || failed > 0 || passed + failed == 0 || format_rc != 0)); then
    exit 1
fi
