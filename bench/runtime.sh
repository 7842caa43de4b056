#!/usr/bin/env bash
# Plugin runtime benchmarks against the issue's goals; prints each goal's measured value, the goal and
# PASS/FAIL, and exits 1 when any goal fails (a benchmark for a quiet machine, not a CI test).
#   dispatch  the same echo rpc built into the server and served from a plugin (h2load, ABBA)
#   hotswap   h2load against the plugin rpc, steady and then while the plugin is upgraded every 5 s
#             through signed packages landing in the drop folder (versions 1.0.n, each a different
#             build); offered load in three modes (HOTSWAP_MODES): max = unthrottled -c 16 -m 32,
#             share = LOAD_PERCENT of the capacity max measured, fixed = 16 conns x RPS_PER_CONN
#   swaptime  package renamed into the drop folder -> first call answered by the new build, SWAPS times
#   unload    CYCLES load/call/unload cycles: every context collected, growth from cycle 100 on
#   bare      the CLR alone (a collectible context with the plugin's assembly, no runtime code), to
#             tell the CLR's own growth per cycle from the runtime's; no goal
# Server pinned to CPU 0; h2load and the upgrade driver to CPU 1.
# Usage: bench/runtime.sh   (env: ROUNDS=3 SECONDS_PER_RUN=10 WARMUP=10 HOTSWAP_SECONDS=60
#   HOTSWAP_MODES="max share fixed" LOAD_PERCENT=75 RPS_PER_CONN=1500 SWAPS=10 CYCLES=1000
#   PARTS="dispatch hotswap swaptime unload bare": any of them, e.g. PARTS=unload)
# A short trial: SECONDS_PER_RUN=2 ROUNDS=1 WARMUP=3 HOTSWAP_SECONDS=10 CYCLES=120 bench/runtime.sh
# DANVAN_BENCH_SMAPS=<dir> keeps /proc/self/smaps at cycles 1, 100 and the last of unload (and
# DANVAN_BENCH_HEAP=1 a managed type histogram).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/.ci/setup.sh"
ROUNDS=${ROUNDS:-3}; SECS=${SECONDS_PER_RUN:-10}; WARMUP=${WARMUP:-10}; HOT=${HOTSWAP_SECONDS:-60}
RPS=${RPS_PER_CONN:-1500}; LOAD_PERCENT=${LOAD_PERCENT:-75}; SWAPS=${SWAPS:-10}; CYCLES=${CYCLES:-1000}
MODES=" ${HOTSWAP_MODES:-max share fixed} "
PARTS=" ${PARTS:-dispatch hotswap swaptime unload bare} "
part() { [[ "$PARTS" == *" $1 "* ]]; }
mode() { [[ "$MODES" == *" $1 "* ]]; }
(( HOT >= 10 && HOT % 5 == 0 )) || { echo "HOTSWAP_SECONDS must be a multiple of 5, at least 10"; exit 2; }
UPGRADES=$((HOT / 5))
work="$(mktemp -d)"; server=""; driver=""
trap '[ -n "$driver" ] && kill $driver 2>/dev/null; [ -n "$server" ] && kill $server 2>/dev/null; rm -rf "$work"' EXIT
dotnet build -c Release "$root/bench/DanVan.Plugins.Bench.Runtime" -v q -nologo >/dev/null
bin="$root/bench/DanVan.Plugins.Bench.Runtime/bin/Release/net10.0"
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
port=$(free_port); control=$(free_port)
printf '\x00\x00\x00\x00\x08\x0a\x06h2load' > "$work/body.bin"
builtin_url="http://127.0.0.1:$port/danvan.bench.v1.EchoService/Echo"
plugin_url="http://127.0.0.1:$port/danvan.bench.v1.PluginEchoService/Echo"
: > "$work/results.tsv"

# Shared by the summaries below: h2load's figures, latency percentiles from its log, and the goal table.
cat > "$work/benchlib.py" <<'PY'
import collections, os, re, sys
work = os.path.dirname(os.path.abspath(__file__))
def h2(name):
    """req/s and failed calls (failed + errored + timeout, or -1 when h2load did not finish) of one run."""
    text = open(os.path.join(work, name + ".h2load")).read()
    rate = re.search(r"finished in [\d.]+s, ([\d.]+) req/s", text)
    req = re.search(r"requests: \d+ total, \d+ started, (\d+) done, (\d+) succeeded, (\d+) failed, (\d+) errored, (\d+) timeout", text)
    if not rate or not req:
        print(text, file=sys.stderr)
        return 0.0, -1
    return float(rate.group(1)), int(req.group(3)) + int(req.group(4)) + int(req.group(5))
def latencies(name):
    """Histogram (microseconds -> count) of the HTTP 200 replies in an h2load --log-file."""
    hist = collections.Counter()
    for line in open(os.path.join(work, name + ".log")):
        parts = line.split()
        if len(parts) >= 3 and parts[1] == "200":
            hist[int(parts[2])] += 1
    return hist
def pct(hist, q):
    total, seen = sum(hist.values()), 0
    for us in sorted(hist):
        seen += hist[us]
        if seen > q * total:
            return us / 1000
    return float("nan")
def goal(name, measured, target, ok):
    verdict = "PASS" if ok else "FAIL"
    with open(os.path.join(work, "results.tsv"), "a") as f:
        f.write(f"{name}\t{measured}\t{target}\t{verdict}\n")
    print(f"  {verdict}  {name}: {measured} (goal {target})")
def result(name):
    """key=value pairs of the RESULT line a bench command printed."""
    for line in open(os.path.join(work, name)):
        if line.startswith("RESULT "):
            return dict(p.split("=", 1) for p in line.split()[1:])
    print(open(os.path.join(work, name)).read(), file=sys.stderr)
    return {}
PY
summary() { python3 - "$@" <<<"import sys; sys.path.insert(0, '$work'); from benchlib import *; $(cat)"; }

start_server() {
  (cd "$bin" && exec taskset -c 0 dotnet DanVan.Plugins.Bench.Runtime.dll serve "$port" "$control" "$@" > "$work/server.log" 2>&1) &
  server=$!
  for _ in $(seq 1 600); do
    grep -q READY "$work/server.log" 2>/dev/null && return
    kill -0 $server 2>/dev/null || break
    sleep 0.1
  done
  cat "$work/server.log"; echo "the bench server did not start"; exit 1
}
stop_server() { kill $server; wait $server 2>/dev/null || true; server=""; }
load() {  # name url seconds log-file-or-empty h2load-args...: h2load's output goes to $work/<name>.h2load
  local name=$1 url=$2 secs=$3 log=$4; shift 4
  local logarg=(); [ -n "$log" ] && { rm -f "$log"; logarg=(--log-file="$log"); }
  taskset -c 1 h2load -t 1 -D "$secs" "$@" "${logarg[@]}" -d "$work/body.bin" \
    -H 'content-type: application/grpc' -H 'te: trailers' "$url" > "$work/$name.h2load" 2>&1 || true
}
rps() { summary "$1" <<<'print(f"{h2(sys.argv[1])[0]:.0f}")'; }
start_driver() {  # name count interval-ms first-ms [--go file]: the upgrade driver, in the background until READY
  local name=$1; shift
  (cd "$bin" && exec taskset -c 1 dotnet DanVan.Plugins.Bench.Runtime.dll upgrade "$port" "$drop" "$@" --control "$control" > "$work/$name" 2>&1) &
  driver=$!
  for _ in $(seq 1 1200); do
    grep -q READY "$work/$name" 2>/dev/null && return
    kill -0 $driver 2>/dev/null || break
    sleep 0.1
  done
  cat "$work/$name"; echo "the upgrade driver did not start"; exit 1
}
wait_driver() { wait $driver || true; driver=""; }

if part dispatch; then
echo "== dispatch: built-in vs plugin rpc, -c 16 -m 32, ${SECS}s per run, ABBA x $ROUNDS"
start_server
load warm "$builtin_url" "$WARMUP" "" -c 16 -m 32
load warm "$plugin_url" "$WARMUP" "" -c 16 -m 32
runs=()
for r in $(seq 1 "$ROUNDS"); do
  for which in builtin plugin plugin builtin; do
    url=$builtin_url; [ $which = plugin ] && url=$plugin_url
    n=${#runs[@]}; load "dispatch-$n-$which" "$url" "$SECS" "" -c 16 -m 32; runs+=("dispatch-$n-$which")
    echo -e "$which\t$(rps "dispatch-$n-$which") req/s"
  done
done
stop_server
summary "${runs[@]}" <<'PY'
import statistics
runs = {n: h2(n) for n in sys.argv[1:]}
b = statistics.median(r for n, (r, _) in runs.items() if n.endswith("builtin"))
p = statistics.median(r for n, (r, _) in runs.items() if n.endswith("plugin"))
failed = sum(f if f >= 0 else 1 for _, f in runs.values())
print(f"dispatch           built-in median {b:,.0f} req/s, plugin median {p:,.0f} req/s")
goal("dispatch: plugin rpc / built-in rpc, median req/s", f"{p / b:.3f} ({failed} failed calls)" , ">= 0.95, 0 failed", p / b >= 0.95 and failed == 0)
PY
fi

if part hotswap; then
drop="$work/drop"; mkdir -p "$drop"
echo "== hot swap: ${HOT}s steady, then ${HOT}s with $UPGRADES upgrades through the drop folder (at +2.5 s, then every 5 s); modes:$MODES"
start_server --observe --drop "$drop"
load warm "$plugin_url" "$WARMUP" "" -c 16 -m 32
# The server installed 1.0.0 from a package at start; two unmeasured upgrades warm the drop-folder path too.
start_driver upgrade-warm 2 1000 500; wait_driver
grep '^upgrade' "$work/upgrade-warm" | sed 's/^/  warm-up /'
upgrades_done=2
hotswap_run() {  # mode offered-req/s-or-0 description h2load-args...
  local m=$1 offered=$2 what=$3; shift 3
  echo "-- $m: $what"
  curl -sf -X POST "http://127.0.0.1:$control/stats/reset" >/dev/null
  load "steady-$m" "$plugin_url" "$HOT" "$work/steady-$m.log" "$@"
  curl -sf "http://127.0.0.1:$control/stats" > "$work/stats-steady-$m.json"
  curl -sf -X POST "http://127.0.0.1:$control/stats/reset" >/dev/null
  rm -f "$work/go"
  start_driver "upgrade-$m" "$UPGRADES" 5000 2500 --go "$work/go"
  load "swap-$m" "$plugin_url" "$HOT" "$work/swap-$m.log" "$@" &
  local loader=$!
  touch "$work/go"
  wait $loader; wait_driver
  upgrades_done=$((upgrades_done + UPGRADES))
  curl -sf "http://127.0.0.1:$control/stats" > "$work/stats-swap-$m.json"
  grep '^upgrade' "$work/upgrade-$m" | sed 's/^/  /'
  summary "$m" "$HOT" "$offered" <<'PY'
import json
m, window, offered = sys.argv[1], int(sys.argv[2]) * 1000, int(sys.argv[3])
(s_rps, s_failed), (w_rps, w_failed) = h2("steady-" + m), h2("swap-" + m)
s, w = latencies("steady-" + m), latencies("swap-" + m)
stats = {k: json.load(open(os.path.join(work, f"stats-{k}-{m}.json"))) for k in ("steady", "swap")}
not_ok = {k: {c: n for c, n in v.items() if c != "OK"} for k, v in stats.items()}
up = result("upgrade-" + m)
served, count, probe_failed = int(up.get("served", 0)), int(up.get("upgrades", -1)), int(up.get("probe_failures", 1))
failed = max(w_failed, 0) + sum(not_ok["swap"].values()) + probe_failed + (1 if w_failed < 0 else 0)
print(f"  steady   {s_rps:,.0f} req/s, p50 {pct(s, .5):.2f} ms, p99 {pct(s, .99):.2f} ms; h2load failed {s_failed}; grpc-status {stats['steady']}")
print(f"  swapping {w_rps:,.0f} req/s, p50 {pct(w, .5):.2f} ms, p99 {pct(w, .99):.2f} ms; h2load failed {w_failed}; grpc-status {stats['swap']}")
print(f"  swap time under load: p50 {up.get('p50')} ms, max {up.get('max')} ms (to the runtime logging the switch: p50 {up.get('runtime_p50')} ms, max {up.get('runtime_max')} ms)")
if offered and s_rps < 0.95 * offered:
    print(f"  NOTE: the steady run carried only {s_rps / offered:.0%} of the {offered:,} req/s offered: this machine cannot serve that rate now, so this is no steady-rate run")
goal(f"hot swap [{m}]: failed calls during upgrades", f"{failed} (h2load {w_failed}, non-OK grpc-status {not_ok['swap'] or 0}, probes {probe_failed}; steady run {s_failed})", "0", failed == 0 and s_failed == 0 and not not_ok["steady"])
goal(f"hot swap [{m}]: upgrades answered by the new build inside the {window // 1000} s window", f"{served}/{count}, last at +{up.get('last_served_at')} ms", f"{count}/{count}", served == count > 0 and float(up.get("last_served_at", "inf")) < window)
goal(f"hot swap [{m}]: throughput swapping / steady", f"{w_rps / s_rps:.3f} ({w_rps:,.0f} / {s_rps:,.0f} req/s)" if s_rps else "no steady run", ">= 0.9", s_rps > 0 and w_rps / s_rps >= 0.9)
goal(f"hot swap [{m}]: p99 swapping / steady", f"{pct(w, .99) / pct(s, .99):.2f} ({pct(w, .99):.2f} / {pct(s, .99):.2f} ms)", "<= 2", pct(w, .99) / pct(s, .99) <= 2)
PY
  rm -f "$work/steady-$m.log" "$work/swap-$m.log"  # up to ~200 MB each in max mode
}
capacity=""
if mode max; then
  hotswap_run max 0 "unthrottled, -c 16 -m 32 (the capacity)" -c 16 -m 32
  capacity=$(rps steady-max)
fi
if mode share; then
  if [ -z "$capacity" ]; then load capacity "$plugin_url" "$SECS" "" -c 16 -m 32; capacity=$(rps capacity); fi
  per=$((capacity * LOAD_PERCENT / 100 / 16))
  hotswap_run share $((per * 16)) "${LOAD_PERCENT} % of the capacity ($capacity req/s): $((per * 16)) req/s offered, -c 16 -m 4 --rps $per" -c 16 -m 4 --rps "$per"
fi
if mode fixed; then
  hotswap_run fixed $((RPS * 16)) "$((RPS * 16)) req/s offered, -c 16 -m 1 --rps $RPS" -c 16 -m 1 --rps "$RPS"
fi
curl -sf "http://127.0.0.1:$control/events" > "$work/events.json"
stop_server
summary "$upgrades_done" <<'PY'
import json
events, upgrades = json.load(open(os.path.join(work, "events.json"))), int(sys.argv[1])
for p in events["problems"]:
    print(f"  runtime logged: {p}")
goal("hot swap: old versions unloaded and collected", f"{events['collected']}/{upgrades} collected, {events['leaked']} leaked, {len(events['problems'])} warnings", f"{upgrades}/{upgrades}, 0 warnings",
     events["collected"] == upgrades and events["leaked"] == 0 and not events["problems"])
PY
fi

if part swaptime; then
drop="$work/drop-swaptime"; mkdir -p "$drop"
echo "== swap time: $SWAPS upgrades through the drop folder, 1 s apart, no load (a fresh server; the first is the first the server ever handles from the drop folder)"
start_server --drop "$drop"
start_driver upgrade-swaptime "$SWAPS" 1000 500; wait_driver
stop_server
grep '^upgrade' "$work/upgrade-swaptime" | sed 's/^/  /'
summary "$SWAPS" <<'PY'
r, swaps = result("upgrade-swaptime"), int(sys.argv[1])
print(f"  from landing to the runtime logging the switch: p50 {r.get('runtime_p50')} ms, max {r.get('runtime_max')} ms (the rest is the probe's 1 ms polling and call)")
ok = int(r.get("served", 0)) == swaps and int(r.get("probe_failures", 1)) == 0
goal("swap time: package lands in the drop folder -> new build answering (debounce included)",
     f"p50 {float(r.get('p50', 'nan')):.0f} ms, max {float(r.get('max', 'nan')):.0f} ms, first {float(r.get('first', 'nan')):.0f} ms over {r.get('served', 0)}/{swaps} swaps",
     "max <= 250 ms", ok and float(r["max"]) <= 250)
PY
fi

echo "== load average at the start of the memory parts: $(cut -d' ' -f1-3 /proc/loadavg)"
if part unload; then
echo "== unload: $CYCLES load/call/unload cycles (tiered compilation as the runtime server runs: off)"
(cd "$bin" && dotnet DanVan.Plugins.Bench.Runtime.dll unload "$CYCLES") > "$work/unload.out" 2>&1 || true
grep -v '^RESULT' "$work/unload.out"
summary "$CYCLES" <<'PY'
r, cycles = result("unload.out"), int(sys.argv[1])
goal("unload: old contexts collected", f"{r.get('collected', 0)}/{cycles}", f"{cycles}/{cycles}", int(r.get("collected", 0)) == cycles)
for key, what in (("managed_growth", "managed heap"), ("private_growth", "private bytes")):
    value = float(r.get(key, "nan"))
    goal(f"unload: {what} growth, cycle 100 -> {cycles}", f"{value:+.2f} %", "<= 2 %", value <= 2)
PY
fi
if part bare; then
echo "== the CLR alone: $CYCLES cycles of a collectible context with the plugin's assembly, no runtime code, tiered compilation on, then off (no goal)"
(cd "$bin" && DOTNET_TieredCompilation=1 dotnet DanVan.Plugins.Bench.Runtime.dll unload-bare "$CYCLES") || true
(cd "$bin" && DOTNET_TieredCompilation=0 dotnet DanVan.Plugins.Bench.Runtime.dll unload-bare "$CYCLES") || true
fi

echo
echo "== goals (load average now $(cut -d' ' -f1-3 /proc/loadavg))"
column -t -s $'\t' -N GOAL,MEASURED,TARGET,VERDICT "$work/results.tsv"
if grep -q $'\tFAIL$' "$work/results.tsv"; then echo "some goals FAILED"; exit 1; fi
echo "all goals PASS"
