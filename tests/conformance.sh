#!/usr/bin/env bash
# Runs the danvan.host.v1 conformance kit against one e-office host.
#   tests/conformance.sh http://eoffice.example:5070 <runtime-token>
# (the token may also come from DANVAN_CONFORMANCE_TOKEN). Exit status 0 means every check passed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [[ $# -lt 1 ]]; then
  echo "usage: tests/conformance.sh ADDRESS [TOKEN]   e.g. tests/conformance.sh http://127.0.0.1:5070 danvan-dev-host-token" >&2
  exit 2
fi
export DANVAN_CONFORMANCE_ADDRESS="$1"
export DANVAN_CONFORMANCE_TOKEN="${2:-${DANVAN_CONFORMANCE_TOKEN:-}}"
if [[ -z "$DANVAN_CONFORMANCE_TOKEN" ]]; then
  echo "conformance.sh: give the bearer token the runtime sends to the host (second argument or DANVAN_CONFORMANCE_TOKEN)" >&2
  exit 2
fi
exec dotnet test tests/DanVan.Plugins.Conformance --logger "console;verbosity=normal"
