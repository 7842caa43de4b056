#!/usr/bin/env bash
# Plugin runtime benchmarks: dispatch cost (built-in vs plugin rpc, h2load ABBA), hot swap under
# steady h2load traffic (an upgrade every 5 s), swap time through the drop folder, and unload cycles.
# Server pinned to CPU 0, load generator to CPU 1.
# Usage: bench/runtime.sh   (env: ROUNDS=3 SECONDS_PER_RUN=10 WARMUP=10 HOTSWAP_SECONDS=60 RPS_PER_CONN=1500 CYCLES=1000
#                            PARTS="dispatch hotswap swaptime unload bare": any of them, e.g. PARTS=unload)
# "bare" is the CLR alone (a collectible context with the plugin's assembly, no runtime code), to
# tell the CLR's own growth per cycle from the runtime's. DANVAN_BENCH_SMAPS=<dir> keeps
# /proc/self/smaps at cycles 1, 100 and the last (and DANVAN_BENCH_HEAP=1 a managed type histogram).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/.ci/setup.sh"
ROUNDS=${ROUNDS:-3}; SECS=${SECONDS_PER_RUN:-10}; WARMUP=${WARMUP:-10}; HOT=${HOTSWAP_SECONDS:-60}; RPS=${RPS_PER_CONN:-1500}; CYCLES=${CYCLES:-1000}
PARTS=" ${PARTS:-dispatch hotswap swaptime unload bare} "
part() { [[ "$PARTS" == *" $1 "* ]]; }
work="$(mktemp -d)"; server=""; trap '[ -n "$server" ] && kill $server 2>/dev/null; rm -rf "$work"' EXIT
dotnet build -c Release "$root/bench/DanVan.Plugins.Bench.Runtime" -v q -nologo >/dev/null
bin="$root/bench/DanVan.Plugins.Bench.Runtime/bin/Release/net10.0"
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
port=$(free_port); control=$(free_port)
printf '\x00\x00\x00\x00\x08\x0a\x06h2load' > "$work/body.bin"
builtin_url="http://127.0.0.1:$port/danvan.bench.v1.EchoService/Echo"
plugin_url="http://127.0.0.1:$port/danvan.bench.v1.PluginEchoService/Echo"

start_server() {
  (cd "$bin" && exec taskset -c 0 dotnet DanVan.Plugins.Bench.Runtime.dll serve "$port" "$control" $1 > "$work/server.log" 2>&1) &
  server=$!
  for _ in $(seq 1 100); do grep -q READY "$work/server.log" 2>/dev/null && return; sleep 0.1; done
  cat "$work/server.log"; exit 1
}
stop_server() { kill $server; wait $server 2>/dev/null || true; server=""; }
load() {  # url seconds logfile args...
  local url=$1 secs=$2 log=$3; shift 3
  local logarg=(); [ -n "$log" ] && { rm -f "$log"; logarg=(--log-file="$log"); }
  taskset -c 1 h2load -t 1 -D "$secs" "$@" "${logarg[@]}" -d "$work/body.bin" \
    -H 'content-type: application/grpc' -H 'te: trailers' "$url" > "$work/h2load.out"
  grep -q ' 0 failed, 0 errored, 0 timeout' "$work/h2load.out" || { cat "$work/h2load.out"; echo "h2load saw failures"; exit 1; }
  awk '/^finished in/ {gsub(",", "", $4); print $4}' "$work/h2load.out"
}

if part dispatch; then
echo "== dispatch: built-in vs plugin rpc, -c 16 -m 32, ${SECS}s per run, ABBA x $ROUNDS"
start_server ""
load "$builtin_url" "$WARMUP" "" -c 16 -m 32 >/dev/null
load "$plugin_url" "$WARMUP" "" -c 16 -m 32 >/dev/null
: > "$work/dispatch.tsv"
for r in $(seq 1 "$ROUNDS"); do
  for which in builtin plugin plugin builtin; do
    url=$builtin_url; [ $which = plugin ] && url=$plugin_url
    echo -e "$which\t$(load "$url" "$SECS" "" -c 16 -m 32)" | tee -a "$work/dispatch.tsv"
  done
done
stop_server
python3 - "$work" <<'PY'
import statistics, sys, os
rows = [l.split() for l in open(os.path.join(sys.argv[1], "dispatch.tsv"))]
b = [float(r[1]) for r in rows if r[0] == "builtin"]; p = [float(r[1]) for r in rows if r[0] == "plugin"]
print(f"dispatch           built-in median {statistics.median(b):,.0f} req/s, plugin median {statistics.median(p):,.0f} req/s, ratio {statistics.median(p)/statistics.median(b):.3f} (goal >= 0.95)")
PY
fi

if part hotswap; then
echo "== hot swap: $((RPS * 16)) req/s offered (16 conns x $RPS), ${HOT}s steady, then ${HOT}s with an upgrade every 5 s"
start_server --observe
load "$plugin_url" "$WARMUP" "" -c 16 -m 1 --rps "$RPS" >/dev/null
steady=$(load "$plugin_url" "$HOT" "$work/steady.log" -c 16 -m 1 --rps "$RPS")
curl -s "http://127.0.0.1:$control/stats" > "$work/stats-steady.json"
( for _ in $(seq 1 $((HOT / 5))); do sleep 5; curl -s -X POST "http://127.0.0.1:$control/swap" >> "$work/swaps.txt"; echo >> "$work/swaps.txt"; done ) &
swapper=$!
swapping=$(load "$plugin_url" "$HOT" "$work/swap.log" -c 16 -m 1 --rps "$RPS")
wait $swapper
curl -s "http://127.0.0.1:$control/stats" > "$work/stats-after.json"
curl -s "http://127.0.0.1:$control/unloads" > "$work/unloads.json"
stop_server
python3 - "$work" "$steady" "$swapping" <<'PY'
import json, sys, os
work, steady, swapping = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
def lat(name):
    v = sorted(int(l.split()[2]) for l in open(os.path.join(work, name)) if len(l.split()) >= 3 and l.split()[1] == "200")
    return v[int(len(v) * .5)] / 1000, v[min(len(v) - 1, int(len(v) * .99))] / 1000
s50, s99 = lat("steady.log"); w50, w99 = lat("swap.log")
swaps = [float(x) for x in open(os.path.join(work, "swaps.txt")).read().split()]
stats = json.load(open(os.path.join(work, "stats-after.json")))
unloads = json.load(open(os.path.join(work, "unloads.json")))
print(f"hot swap           {len(swaps)} upgrades (each {min(swaps):.0f}-{max(swaps):.0f} ms to load and switch)")
print(f"                   steady {steady:,.0f} req/s p50 {s50:.2f} ms p99 {s99:.2f} ms; swapping {swapping:,.0f} req/s p50 {w50:.2f} ms p99 {w99:.2f} ms")
print(f"                   throughput ratio {swapping/steady:.3f} (goal >= 0.9), p99 ratio {w99/s99:.2f} (goal <= 2)")
print(f"                   grpc-status over both runs: {stats} (h2load: 0 failed); old versions collected: {sum(1 for u in unloads if u['collected'])}/{len(unloads)} reported")
assert set(stats) == {"OK"}, "non-OK statuses during the hot swap"
PY
fi

if part swaptime; then
echo "== swap time through the drop folder"
(cd "$bin" && dotnet DanVan.Plugins.Bench.Runtime.dll swaptime 10)
fi
echo "== load average at the start of the memory parts: $(cut -d' ' -f1-3 /proc/loadavg)"
if part unload; then
echo "== unload: $CYCLES load/call/unload cycles (tiered compilation as the runtime server runs: off)"
(cd "$bin" && dotnet DanVan.Plugins.Bench.Runtime.dll unload "$CYCLES")
fi
if part bare; then
echo "== the CLR alone: $CYCLES cycles of a collectible context with the plugin's assembly, no runtime code, tiered compilation on, then off"
(cd "$bin" && DOTNET_TieredCompilation=1 dotnet DanVan.Plugins.Bench.Runtime.dll unload-bare "$CYCLES")
(cd "$bin" && DOTNET_TieredCompilation=0 dotnet DanVan.Plugins.Bench.Runtime.dll unload-bare "$CYCLES")
fi
