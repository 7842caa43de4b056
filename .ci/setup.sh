#!/usr/bin/env bash
# Installs what the tests need, idempotently: Debian packages for the real gRPC peers and
# load tools, and the pinned npm packages in tests/peers. Safe to run again and from
# several test processes at once (serialised by a lock).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
exec 9>"${TMPDIR:-/tmp}/danvan-plugins-setup.lock"
flock 9

apt_packages=(python3-grpcio python3-grpc-tools python3-protobuf grpc-proto nghttp2-client postgresql chromium)
missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get update -q >/dev/null
  # PostgreSQL for the storage tests runs as throwaway clusters (.ci/pg-up.sh); no main cluster.
  $sudo_cmd apt-get install -y -q postgresql-common >/dev/null
  $sudo_cmd sed -ri 's/#(create_main_cluster) .*$/\1 = false/' /etc/postgresql-common/createcluster.conf
  $sudo_cmd apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
fi

peers="$root/tests/peers"
stamp="$peers/node_modules/.danvan-lock-hash"
want="$(sha256sum "$peers/package-lock.json" | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "setup: installing npm packages in tests/peers"
  (cd "$peers" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  echo "$want" > "$stamp"
fi
