#!/usr/bin/env bash
# A private PostgreSQL cluster for the benchmarks, on loopback, under $BENCH_PG (default
# /tmp/liaison-bench-pg), with the same settings as the Redmine peer's cluster (shared_buffers
# 512MB, durable commits), so both run on equal terms. The system cluster is not used.
#
# usage: bench/postgres.sh up|down|url [database]
#   up    initdb (once) and start on port $BENCH_PG_PORT (default 5442)
#   down  stop it (the data stays; delete $BENCH_PG to start over)
#   url   print the connection string of a database on it (default: liaison_bench)
set -euo pipefail
root=${BENCH_PG:-/tmp/liaison-bench-pg}
port=${BENCH_PG_PORT:-5442}
bin=$(dirname "$(compgen -G '/usr/lib/postgresql/*/bin/initdb' | sort -V | tail -1)")
data=$root/data
# PostgreSQL refuses to run as root: root runs it as the postgres user.
as_owner() { if [[ $(id -u) -eq 0 ]]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }

case ${1:-} in
    up)
        [[ -x $bin/initdb ]] || { echo "PostgreSQL is not installed: apt-get install -y postgresql" >&2; exit 1; }
        mkdir -p "$root"
        [[ $(id -u) -eq 0 ]] && chown postgres:postgres "$root"
        if [[ ! -f $data/PG_VERSION ]]; then
            as_owner "$bin/initdb -D $data -E UTF8 --locale=C.UTF-8 --auth=trust -U postgres" >/dev/null
            cat >>"$data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$root'
shared_buffers = 512MB
max_connections = 100
CONF
        fi
        as_owner "$bin/pg_ctl -D $data status" >/dev/null 2>&1 || as_owner "$bin/pg_ctl -D $data -l $root/pg.log -w start" >/dev/null
        echo "PostgreSQL for the benchmarks on 127.0.0.1:$port ($data)"
        ;;
    down)
        as_owner "$bin/pg_ctl -D $data -m fast stop" >/dev/null 2>&1 || true
        ;;
    url)
        echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=${2:-liaison_bench};Maximum Pool Size=50"
        ;;
    *)
        echo "usage: $0 up|down|url [database]" >&2
        exit 2
        ;;
esac
