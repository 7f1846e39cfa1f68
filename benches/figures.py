#!/usr/bin/env python3
"""Drawing a figure, side by side with matplotlib: the same script (a 1000-point line with a
title, label and legend; an imshow of a 28x28 tensor; a 30-bin histogram of 10 000 values;
contourf of a 100x100 grid at 10 levels with a colour bar, and its 0 contour)
saves each figure as PNG N times, plain and with bbox_inches='tight' (what a notebook
shows), in nabla and in CPython with matplotlib (Agg). Prints ms per PNG and nabla's time
as a ratio of matplotlib's. Usage:

    cargo build --release && python3 benches/figures.py [N]

The Python interpreter is /tmp/venv/bin/python when it exists (PYTHON overrides); it needs
torch and matplotlib.
"""
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NABLA = str(ROOT / "target" / "release" / "nabla")
PY = os.environ.get("PYTHON") or ("/tmp/venv/bin/python" if Path("/tmp/venv/bin/python").exists() else sys.executable)
N = int(sys.argv[1]) if len(sys.argv) > 1 else 20

SCRIPT = """
import time
import torch
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
N = {n}
OUT = {out!r}
torch.manual_seed(0)
x = torch.linspace(0, 10, 1000)


def line():
    plt.plot(x, torch.sin(x), label="sin")
    plt.title("a line")
    plt.xlabel("x")
    plt.legend()


def image():
    plt.imshow(torch.randn(28, 28), cmap="viridis")
    plt.colorbar()


def hist():
    plt.hist(torch.randn(10000), bins=30)


g = torch.linspace(-3, 3, 100)
GX, GY = torch.meshgrid(g, g, indexing="xy")
Z = torch.sin(GX) * torch.cos(GY)


def contour():
    plt.contourf(GX, GY, Z, levels=10, cmap="RdBu_r", alpha=0.8)
    plt.colorbar()
    plt.contour(GX, GY, Z, levels=[0], colors="k")


for name, draw in [("line", line), ("imshow", image), ("hist", hist), ("contour", contour)]:
    for tight in [False, True]:
        draw()
        t0 = time.perf_counter()
        for _ in range(N):
            if tight:
                plt.savefig(OUT, bbox_inches="tight")
            else:
                plt.savefig(OUT)
        ms = (time.perf_counter() - t0) / N * 1000
        plt.close("all")
        print(name + (" tight" if tight else ""), ms)
"""


def run(argv, script):
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "bench.py"
        path.write_text(script.format(n=N, out=str(Path(d) / "out.png")))
        out = subprocess.run(argv + [str(path)], capture_output=True, text=True, check=True).stdout
    return dict((" ".join(l.split()[:-1]), float(l.split()[-1])) for l in out.splitlines() if l.strip())


nabla = run([NABLA, "run"], SCRIPT)
mpl = run([PY], SCRIPT)
print(f"{'figure':<14}{'nabla ms':>10}{'matplotlib ms':>15}{'ratio':>8}")
for k in nabla:
    print(f"{k:<14}{nabla[k]:>10.1f}{mpl[k]:>15.1f}{nabla[k] / mpl[k]:>8.2f}")
