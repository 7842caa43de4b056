#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on 127.0.0.1 on a free port and prints its Npgsql
# connection string on the last line. Usage: pg-up.sh DIR  (DIR is created; pg-down.sh DIR stops
# and removes it). Installs Debian's postgresql on first use without creating the main cluster.
set -euo pipefail
dir="${1:?usage: pg-up.sh DIR}"
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  bash "$(dirname "${BASH_SOURCE[0]}")/setup.sh" >&2
fi
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
port=${PGPORT:-$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')}
mkdir -p "$dir"
as_pg=()
if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$dir"; as_pg=(runuser -u postgres --); fi
cd /   # the postgres user cannot enter root's home
"${as_pg[@]}" "$pgbin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log"
"${as_pg[@]}" "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
