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


def nabla_medians(threads, bench="elementwise"):
    env = dict(os.environ, RAYON_NUM_THREADS=str(threads))
    out = subprocess.run(["cargo", "bench", "-q", "--bench", bench], cwd=ROOT, env=env,
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


def report(bench, torch_fn, goals, flops=None):
    """Runs `bench` and `torch_fn(threads)` on 1 and 2 threads; prints a Markdown table.
    `flops` maps a workload to its floating-point operations, for a GFLOP/s column."""
    print(f"PyTorch {torch.__version__}, {time.strftime('%Y-%m-%d')}")
    extra = " nabla GFLOP/s | PyTorch GFLOP/s |" if flops else ""
    print(f"| workload | threads | nabla | PyTorch | nabla/PyTorch |{extra} goal |")
    print("|---|---|---|---|---|" + ("---|---|" if flops else "") + "---|")
    for threads in (1, 2):
        n, t = nabla_medians(threads, bench), torch_fn(threads)
        for name in goals:
            if name in n and name in t:
                row = f"| {name} | {threads} | {fmt(n[name])} | {fmt(t[name])} | {n[name] / t[name]:.2f} |"
                if flops:
                    f = flops.get(name)
                    row += f" {f / n[name] / 1e9:.0f} | {f / t[name] / 1e9:.0f} |" if f else " | |"
                print(row + f" {goals[name]} |")
        sys.stdout.flush()


if __name__ == "__main__":
    report("elementwise", torch_medians,
           {"abc_1e7": "≤ 0.2", "exp_1e7": "≤ 0.5", "add_inplace_1e7": "≤ 1.0", "add_tiny": "≤ 0.1"})
