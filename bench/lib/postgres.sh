# Sourced by the bench scripts: a throwaway PostgreSQL cluster for one run.
#   start_bench_postgres DIR PORT   initdb in DIR/pg, start it on 127.0.0.1:PORT, create da_bench;
#                                   sets POSTGRES (the connection string). With DA_TEST_POSTGRES set,
#                                   that server is used instead and nothing is started.
#   stop_bench_postgres             stops the cluster started above (safe to call when none was).
#   bench_psql SQL                  runs SQL in da_bench (only for a cluster started here).
# PG_SHARED_BUFFERS sets the cluster's shared_buffers (PostgreSQL's default, 128MB, unless set):
# at 100k ideas the Submissions table is larger than that, so reads go through the OS cache.
PG_DATA=
PGBIN=
PG_SOCKET=
PG_PORT=

as_pg() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

start_bench_postgres() {
    if [[ -n ${DA_TEST_POSTGRES:-} ]]; then
        POSTGRES=$DA_TEST_POSTGRES
        return
    fi
    PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    PG_PORT=$2
    PG_SOCKET=$1/pg
    mkdir -p "$PG_SOCKET"
    [[ $(id -u) -eq 0 ]] && chown postgres: "$PG_SOCKET"
    PG_DATA=$PG_SOCKET/data
    as_pg "$PGBIN/initdb" -D "$PG_DATA" -U postgres -E UTF8 --locale=C.UTF-8 --no-sync --auth=trust >/dev/null
    as_pg "$PGBIN/pg_ctl" -D "$PG_DATA" -l "$PG_SOCKET/server.log" -w -t 30 \
        -o "-p $PG_PORT -k $PG_SOCKET -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 -c shared_buffers=${PG_SHARED_BUFFERS:-128MB}" \
        start >/dev/null
    as_pg "$PGBIN/psql" -q -h "$PG_SOCKET" -p "$PG_PORT" -U postgres -c "CREATE DATABASE da_bench" >/dev/null
    POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=da_bench"
}

stop_bench_postgres() {
    if [[ -n $PG_DATA ]]; then as_pg "$PGBIN/pg_ctl" -D "$PG_DATA" -m immediate -w stop >/dev/null 2>&1; fi
    PG_DATA=
}

bench_psql() {
    if [[ -n $PG_DATA ]]; then as_pg "$PGBIN/psql" -q -h "$PG_SOCKET" -p "$PG_PORT" -U postgres -d da_bench -c "$1" >/dev/null; fi
}
