#!/usr/bin/env bash
# Tasks benchmark: 130 units × 40 directives × 8 items × 5 years = 208,000 assignments on SQLite
# (the runtime's storage, every migration of the plugin), with their report and extension history
# (most past assignments 1–2 reports, about 1 in 9 an extension request), then p50/p95 of the province
# dashboard roll-up and the unit view "Việc của đơn vị", as service calls and as rendered pages through
# the runtime's tab endpoint (in process). Goal: < 200 ms p95 each; prints PASS/FAIL per
# operation and exits 1 when one misses it (2 when the database lacks a migration of the plugin).
# Usage: bench/tasks.sh   (env: ITERATIONS=60; KEEP=folder reuses/keeps a loaded database there;
#                          DIRECTIVES=40, fewer for a quick trial on a smaller set, not for the goal)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ITERATIONS=${ITERATIONS:-60}
DIRECTIVES=${DIRECTIVES:-40}
if [[ -n "${KEEP:-}" ]]; then work="$KEEP"; else work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT; fi
dotnet build -c Release "$root/bench/DanVan.Plugins.Bench.Tasks" -v q -nologo >/dev/null
dotnet "$root/bench/DanVan.Plugins.Bench.Tasks/bin/Release/net10.0/DanVan.Plugins.Bench.Tasks.dll" "$work" "$ITERATIONS" "$DIRECTIVES"
