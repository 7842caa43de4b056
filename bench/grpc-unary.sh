#!/usr/bin/env bash
# Unary gRPC throughput and latency of our layer vs a plain Kestrel HTTP/2 endpoint returning
# the same bytes, in the same run: server pinned to CPU 0, h2load to CPU 1, ABBA-interleaved.
# Usage: bench/grpc-unary.sh   (env: ROUNDS=3 SECONDS_PER_RUN=10 WARMUP=40 CONNS=16 STREAMS=32)
# The warm-up is long because our code, unlike ReadyToRun Kestrel, must tier up on a saturated core.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/.ci/setup.sh"
ROUNDS=${ROUNDS:-3}; SECS=${SECONDS_PER_RUN:-10}; WARMUP=${WARMUP:-40}; CONNS=${CONNS:-16}; STREAMS=${STREAMS:-32}
work="$(mktemp -d)"; trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
dotnet build -c Release "$root/bench/DanVan.Plugins.Bench.Grpc" -v q -nologo >/dev/null
dll="$root/bench/DanVan.Plugins.Bench.Grpc/bin/Release/net10.0/DanVan.Plugins.Bench.Grpc.dll"
port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
stats=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
printf '\x00\x00\x00\x00\x08\x0a\x06h2load' > "$work/body.bin"   # EchoRequest{payload="h2load"}
grpc_url="http://127.0.0.1:$port/danvan.bench.v1.EchoService/Echo"
raw_url="http://127.0.0.1:$port/raw/echo"

start_server() {  # $1: extra args
  taskset -c 0 dotnet "$dll" "$port" "$stats" $1 > "$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 100); do grep -q READY "$work/server.log" 2>/dev/null && return; sleep 0.1; done
  echo "server did not start"; cat "$work/server.log"; exit 1
}
load() {  # $1 url, $2 seconds, $3 log file or "", extra args...
  local url=$1 secs=$2 log=$3; shift 3
  local logarg=(); [ -n "$log" ] && { rm -f "$log"; logarg=(--log-file="$log"); }
  taskset -c 1 h2load -t 1 -D "$secs" "$@" "${logarg[@]}" -d "$work/body.bin" \
    -H 'content-type: application/grpc' -H 'te: trailers' "$url" > "$work/h2load.out"
  grep -q '0 failed, 0 errored, 0 timeout' "$work/h2load.out" || { cat "$work/h2load.out"; echo "h2load saw failures"; exit 1; }
  awk '/^finished in/ {gsub(",", "", $4); print $4}' "$work/h2load.out"
}

echo "== grpc-status check (h2load counts HTTP status only)"
start_server --observe
taskset -c 1 h2load -t 1 -n 20000 -c 4 -m 10 -d "$work/body.bin" -H 'content-type: application/grpc' -H 'te: trailers' "$grpc_url" > "$work/h2load.out"
grep -E 'requests:' "$work/h2load.out"
counts=$(curl -s "http://127.0.0.1:$stats/stats")
echo "server-side grpc-status counts: $counts"
python3 - "$counts" <<'PY'
import json, sys
c = json.loads(sys.argv[1])
assert c == {"OK": 20000}, f"expected 20000 OK statuses, got {c}"
print("grpc-status: 20000 x OK")
PY
nghttp -v -H 'content-type: application/grpc' -H 'te: trailers' -d "$work/body.bin" "$grpc_url" 2>&1 | grep -aE 'grpc-status|:status' | sed 's/^/  nghttp: /'
kill $server; wait $server 2>/dev/null || true

echo "== saturation: -c $CONNS -m $STREAMS, ${SECS}s per run, ABBA x $ROUNDS (server CPU 0, h2load CPU 1)"
start_server ""
load "$grpc_url" "$WARMUP" "" -c "$CONNS" -m "$STREAMS" >/dev/null
load "$raw_url" "$WARMUP" "" -c "$CONNS" -m "$STREAMS" >/dev/null
: > "$work/sat.tsv"
for r in $(seq 1 "$ROUNDS"); do
  for which in grpc raw raw grpc; do
    url=$grpc_url; [ $which = raw ] && url=$raw_url
    rps=$(load "$url" "$SECS" "$work/sat-$which-$r.log" -c "$CONNS" -m "$STREAMS")
    echo -e "$which\t$rps" | tee -a "$work/sat.tsv"
  done
done
half=$(python3 - "$work/sat.tsv" <<'PY'
import sys, statistics
rows=[l.split() for l in open(sys.argv[1])]
g=[float(r[1]) for r in rows if r[0]=="grpc"]; w=[float(r[1]) for r in rows if r[0]=="raw"]
print(int(min(statistics.median(g), statistics.median(w)) / 2))
PY
)
per_client=$(( half / CONNS ))
echo "== half load: $half req/s total ($per_client per connection x $CONNS), ${SECS}s per run, ABBA x 2"
for r in 1 2; do
  for which in grpc raw raw grpc; do
    url=$grpc_url; [ $which = raw ] && url=$raw_url
    rps=$(load "$url" "$SECS" "$work/half-$which-$r.log" -c "$CONNS" -m 1 --rps "$per_client")
    echo -e "$which\t$rps"
  done
done
python3 "$root/bench/h2load_report.py" "$work"
