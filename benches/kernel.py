#!/usr/bin/env python3
"""The Jupyter kernel side by side with ipykernel (+ PyTorch where the venv has it): time
from start to a kernel_info reply, and the round trip of a tiny execute_request
("1 + 1") and of one that prints a small tensor, N times each (default 200).

    cargo build --release
    target/release/nabla kernel install --prefix "$VENV"
    "$VENV"/bin/python benches/kernel.py [N]

The venv needs jupyter_client and ipykernel (pip install jupyter_client ipykernel)."""
import statistics
import sys
import time

from jupyter_client.manager import start_new_kernel


def bench(kernel_name, setup, cells, n):
    t = time.perf_counter()
    km, kc = start_new_kernel(kernel_name=kernel_name)
    started = time.perf_counter() - t
    try:
        if setup:
            kc.execute_interactive(setup, timeout=120, output_hook=lambda m: None)
        out = {"start": started}
        for name, code in cells:
            times = []
            for _ in range(n):
                t = time.perf_counter()
                reply = kc.execute_interactive(code, timeout=60, output_hook=lambda m: None)
                times.append(time.perf_counter() - t)
                assert reply["content"]["status"] == "ok", reply
            out[name] = statistics.median(times)
        return out
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    cells = [("1 + 1", "1 + 1"), ("print(tensor)", "print(torch.arange(6.).view(2, 3) * 2)")]
    nabla = bench("nabla", "", cells, n)
    try:
        import torch  # noqa: F401
        py_setup = "import torch"
    except ImportError:
        py_setup = "class _T:\n  def arange(self, n): return list(range(int(n)))\ntorch = None"
        cells = [("1 + 1", "1 + 1"), ("print(tensor)", "print([[0.0, 2.0, 4.0], [6.0, 8.0, 10.0]])")]
    ipy = bench("python3", py_setup if py_setup == "import torch" else "", cells, n)
    print(f"{'':24}{'nabla':>12}{'ipykernel':>12}{'ratio':>8}")
    for k in nabla:
        print(f"{k:24}{nabla[k] * 1e3:10.2f}ms{ipy[k] * 1e3:10.2f}ms{nabla[k] / ipy[k]:8.2f}")
    if py_setup != "import torch":
        print("(PyTorch is not in this venv: ipykernel printed a list instead of a tensor)")


if __name__ == "__main__":
    main()
