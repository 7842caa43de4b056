#!/usr/bin/env bash
# Storage benchmark: 1,000,000 task-assignment rows inserted and read through the plugin data API
# vs hand-written ADO.NET (SQLite: one prepared INSERT per row in one transaction; PostgreSQL:
# binary COPY) on the same database, ABBA rounds; then a status × unit × period roll-up.
# Usage: bench/storage.sh   (env: ROWS=1000000 ROUNDS=2)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROWS=${ROWS:-1000000}; ROUNDS=${ROUNDS:-2}
work="$(mktemp -d)"; pg="$(mktemp -d /tmp/danvan-bench-pg.XXXXXX)"   # not under $work: the postgres user must reach it
trap 'bash "$root/.ci/pg-down.sh" "$pg" >/dev/null 2>&1 || true; rm -rf "$work" "$pg"' EXIT
dotnet build -c Release "$root/bench/DanVan.Plugins.Bench.Storage" -v q -nologo >/dev/null
bin="$root/bench/DanVan.Plugins.Bench.Storage/bin/Release/net10.0/DanVan.Plugins.Bench.Storage.dll"
dotnet "$bin" Sqlite "Data Source=$work/bench.db" "$ROWS" "$ROUNDS"
cs=$(bash "$root/.ci/pg-up.sh" "$pg" | tail -1)
dotnet "$bin" Postgres "$cs" "$ROWS" "$ROUNDS"
