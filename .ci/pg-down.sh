#!/usr/bin/env bash
# Stops and removes a cluster started by pg-up.sh DIR.
set -uo pipefail
dir="${1:?usage: pg-down.sh DIR}"
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_pg=(); [ "$(id -u)" -eq 0 ] && as_pg=(runuser -u postgres --)
cd /
[ -d "$dir/data" ] && "${as_pg[@]}" "$pgbin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1
rm -rf "$dir"
