#!/usr/bin/env bash
# A throw-away PostgreSQL server on a loopback port, for the tests and scripts/cluster.sh:
#   scripts/postgres.sh start   initdb into a temporary folder (once) and start; prints the connection string
#   scripts/postgres.sh stop    stop it and delete its folder
# PAYMENTLINKS_PG_PORT (55432) and PAYMENTLINKS_PG_DIR (/tmp/paymentlinks-postgres-<port>) choose where.
# Needs Debian's postgresql package (apt-get install -y postgresql); only its programs are used, not its service.
set -euo pipefail

port=${PAYMENTLINKS_PG_PORT:-55432}
folder=${PAYMENTLINKS_PG_DIR:-/tmp/paymentlinks-postgres-$port}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ]; then
    echo "PostgreSQL is not installed: apt-get update && apt-get install -y postgresql" >&2
    exit 1
fi

# PostgreSQL refuses to run as root; as root, its own system user runs it.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
start)
    if ! [ -f "$folder/PG_VERSION" ]; then
        mkdir -p "$folder"
        [ "$(id -u)" -eq 0 ] && chown postgres "$folder"
        as_owner "$bin/initdb" -D "$folder" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if ! as_owner "$bin/pg_ctl" -D "$folder" status >/dev/null 2>&1; then
        # Loopback only, trust authentication: a server for this machine's tests and demos, never for data.
        as_owner "$bin/pg_ctl" -D "$folder" -l "$folder/server.log" -w start \
            -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='$folder' -c max_connections=400 ${PAYMENTLINKS_PG_OPTIONS:-}" >/dev/null
    fi
    echo "Host=127.0.0.1;Port=$port;Username=postgres"
    ;;
stop)
    if [ -f "$folder/PG_VERSION" ]; then
        as_owner "$bin/pg_ctl" -D "$folder" -m fast -w stop >/dev/null 2>&1 || true
        rm -rf "$folder"
    fi
    ;;
*)
    echo "usage: scripts/postgres.sh start|stop" >&2
    exit 2
    ;;
esac
