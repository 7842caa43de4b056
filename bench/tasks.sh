#!/usr/bin/env bash
# Tasks benchmark: 130 units × 40 directives × 8 items × 5 years = 208,000 assignments on SQLite
# (the runtime's storage, the plugin's migrations), then p50/p95 of the province dashboard roll-up
# and the unit view "Việc của đơn vị". Goal: < 200 ms p95 each.
# Usage: bench/tasks.sh   (env: ITERATIONS=60; KEEP=folder reuses/keeps a loaded database there)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ITERATIONS=${ITERATIONS:-60}
if [[ -n "${KEEP:-}" ]]; then work="$KEEP"; else work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT; fi
dotnet build -c Release "$root/bench/DanVan.Plugins.Bench.Tasks" -v q -nologo >/dev/null
dotnet "$root/bench/DanVan.Plugins.Bench.Tasks/bin/Release/net10.0/DanVan.Plugins.Bench.Tasks.dll" "$work" "$ITERATIONS"
