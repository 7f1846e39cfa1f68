"""nabla beside PyTorch on the same workloads, in one run; prints nabla/PyTorch ratios.

    python3 benches/compare.py            (needs `pip install torch numpy`; builds the benches)

For each thread count (1, then 2) it runs `cargo bench --bench elementwise` with
RAYON_NUM_THREADS set, times the same workloads in PyTorch with torch.set_num_threads, and
prints medians and ratios (below 1.0: nabla is faster). Paste the table into
benches/RESULTS.md.
"""
import os, re, subprocess, sys, time

import torch

UNITS = {"ns": 1e-9, "µs": 1e-6, "us": 1e-6, "ms": 1e-3, "s": 1.0}
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def nabla_medians(threads):
    env = dict(os.environ, RAYON_NUM_THREADS=str(threads))
    out = subprocess.run(["cargo", "bench", "-q", "--bench", "elementwise"], cwd=ROOT, env=env,
                         capture_output=True, text=True, check=True).stdout
    medians = {}
    for line in out.splitlines():
        # ├─ abc_1e7   6.587 ms │ 206.9 ms │ 7.072 ms │ ...: the third column is the median
        m = re.match(r"^[│ ]*[├╰]─ (\S+)\s+(.*)$", line)
        if not m:
            continue
        cols = [c.strip() for c in m.group(2).split("│")]
        if len(cols) < 3 or not cols[2]:
            continue
        value, unit = cols[2].split()
        medians[m.group(1)] = float(value) * UNITS[unit]
    return medians


def median_time(f, repeat, number=1):
    f()
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        for _ in range(number):
            f()
        times.append((time.perf_counter() - t) / number)
    times.sort()
    return times[len(times) // 2]


def torch_medians(threads):
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    a, b, c = (torch.randn(10_000_000) for _ in range(3))
    x, y = torch.randn(1), torch.randn(1)
    return {
        "abc_1e7": median_time(lambda: a * b + c, 30),
        "exp_1e7": median_time(lambda: a.exp(), 30),
        "add_inplace_1e7": median_time(lambda: a.add_(b), 30),
        "add_tiny": median_time(lambda: x + y, 200, 1000),
    }


def fmt(seconds):
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6), ("ns", 1e-9)):
        if seconds >= scale:
            return f"{seconds / scale:.3g} {unit}"
    return f"{seconds / 1e-9:.3g} ns"


GOALS = {"abc_1e7": "≤ 0.2", "exp_1e7": "≤ 0.5", "add_tiny": "≤ 0.1", "add_inplace_1e7": "≤ 1.0"}
print(f"PyTorch {torch.__version__}, {time.strftime('%Y-%m-%d')}")
print("| workload | threads | nabla | PyTorch | nabla/PyTorch | goal |")
print("|---|---|---|---|---|---|")
for threads in (1, 2):
    n, t = nabla_medians(threads), torch_medians(threads)
    for name in ("abc_1e7", "exp_1e7", "add_inplace_1e7", "add_tiny"):
        if name in n:
            print(f"| {name} | {threads} | {fmt(n[name])} | {fmt(t[name])} | {n[name] / t[name]:.2f} | {GOALS[name]} |")
    sys.stdout.flush()
