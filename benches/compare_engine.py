"""Engine II beside PyTorch in one run: matmul, sum, softmax, conv2d; prints ratios.

    python3 benches/compare_engine.py      (needs `pip install torch numpy`; builds the benches)

Runs `cargo bench --bench engine` and the same workloads in PyTorch, on 1 and 2 threads.
Below 1.0 nabla is faster. The table goes into benches/RESULTS.md.
"""
import torch
import torch.nn.functional as F

from compare import median_time, report

SIZES = (64, 256, 1024, 2048)


def torch_medians(threads):
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    out = {}
    for n in SIZES:
        a, b = torch.randn(n, n), torch.randn(n, n)
        out[f"matmul_{n}"] = median_time(lambda: a @ b, 10 if n >= 1024 else 50, 1 if n >= 256 else 100)
    x = torch.randn(10_000_000)
    out["sum_1e7"] = median_time(lambda: x.sum(), 50)
    s = torch.randn(4096, 1024)
    out["softmax_4096x1024"] = median_time(lambda: torch.softmax(s, -1), 50)
    img, w = torch.randn(64, 3, 32, 32), torch.randn(16, 3, 3, 3)
    out["conv2d_64x3x32x32"] = median_time(lambda: F.conv2d(img, w), 50)
    return out


if __name__ == "__main__":
    goals = {f"matmul_{n}": "≥ 1.8× PyTorch's GFLOP/s at 1024" if n == 1024 else "" for n in SIZES}
    goals.update({"sum_1e7": "≤ 1.0", "softmax_4096x1024": "≤ 1.0", "conv2d_64x3x32x32": "≤ 1.0"})
    report("engine", torch_medians, goals, flops={f"matmul_{n}": 2 * n**3 for n in SIZES})
