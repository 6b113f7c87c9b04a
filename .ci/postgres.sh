# Sourced by .ci/run: a throwaway PostgreSQL server for the tests, in a temporary folder on a
# loopback port. start_postgres exports PLANNER_TEST_POSTGRES_URL (read by tests/conftest.py)
# and arranges that the server is stopped and its folder removed when the script exits,
# whether the tests passed or not.

PG_DIR=""
PG_BIN=""
PG_AS=()

start_postgres() {
    PG_BIN=$(find /usr/lib/postgresql -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)
    if [ -z "$PG_BIN" ]; then
        echo "PostgreSQL is not installed: its test runs will be skipped" >&2
        return 0
    fi
    PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/planner-ci-postgres.XXXXXX")
    trap stop_postgres EXIT
    trap 'exit 130' INT TERM
    if [ "$(id -u)" = 0 ]; then
        # initdb refuses to run as root; the server runs as the user the package created.
        chown postgres "$PG_DIR"
        PG_AS=(runuser -u postgres --)
    fi
    local port
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    ${PG_AS[@]+"${PG_AS[@]}"} "$PG_BIN/initdb" -D "$PG_DIR/data" -U planner --auth=trust \
        -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
        || { cat "$PG_DIR/initdb.log" >&2; return 1; }
    # Durability does not matter for a server that lives as long as one test run.
    ${PG_AS[@]+"${PG_AS[@]}"} "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null || { cat "$PG_DIR/server.log" >&2; return 1; }
    export PLANNER_TEST_POSTGRES_URL="postgresql+psycopg://planner@127.0.0.1:$port/postgres"
    echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') for the tests on 127.0.0.1:$port"
}

stop_postgres() {
    if [ -n "$PG_DIR" ] && [ -d "$PG_DIR/data" ]; then
        ${PG_AS[@]+"${PG_AS[@]}"} "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 \
            || echo "could not stop the test server in $PG_DIR" >&2
    fi
    if [ -n "$PG_DIR" ]; then
        rm -rf "$PG_DIR"
    fi
}
