"""Summarises bench/grpc-unary.sh runs: median req/s per endpoint and their ratio at
saturation; p50/p99 latency (from h2load --log-file, 3rd column = microseconds) at half load."""
import glob
import os
import statistics
import sys

work = sys.argv[1]


def throughput(kind):
    return [float(l.split()[1]) for l in open(os.path.join(work, "sat.tsv")) if l.split()[0] == kind]


def latencies(pattern):
    values = []
    for path in glob.glob(os.path.join(work, pattern)):
        for line in open(path):
            parts = line.split()
            if len(parts) >= 3 and parts[1] == "200":
                values.append(int(parts[2]))
    values.sort()
    return values


def pct(values, p):
    return values[min(len(values) - 1, int(len(values) * p))] / 1000.0


g, r = throughput("grpc"), throughput("raw")
gm, rm = statistics.median(g), statistics.median(r)
ratios = sorted(a / b for a, b in zip(g, r))
print(f"saturation req/s   grpc median {gm:,.0f} (runs {', '.join(f'{x:,.0f}' for x in g)})")
print(f"                   raw  median {rm:,.0f} (runs {', '.join(f'{x:,.0f}' for x in r)})")
print(f"throughput ratio   grpc/raw = {gm / rm:.3f}  (per-round spread {ratios[0]:.3f}..{ratios[-1]:.3f}; goal >= 0.85)")
hg, hr = latencies("half-grpc-*.log"), latencies("half-raw-*.log")
print(f"half load latency  grpc p50 {pct(hg, .5):.2f} ms p99 {pct(hg, .99):.2f} ms  ({len(hg)} samples)")
print(f"                   raw  p50 {pct(hr, .5):.2f} ms p99 {pct(hr, .99):.2f} ms  ({len(hr)} samples)")
print(f"p99 ratio          grpc/raw = {pct(hg, .99) / pct(hr, .99):.2f}  (goal <= 1.5)")
