"""Side by side: the interpreter loop (benches/loop_add.py) in nabla and in Python + PyTorch.

Usage: python3 benches/compare_interp.py [path/to/nabla]   (build with `cargo build --release`)
Prints ns per `x = x + 1` for both and nabla's time as a ratio of PyTorch's (goal <= 0.2).
"""
import os
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
script = os.path.join(here, "loop_add.py")
nabla = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "target", "release", "nabla")
for threads in ("1", "2"):
    env = dict(os.environ, OMP_NUM_THREADS=threads, RAYON_NUM_THREADS=threads)
    torch_ns = float(subprocess.check_output([sys.executable, script], env=env, text=True))
    nabla_ns = float(subprocess.check_output([nabla, "run", script], env=env, text=True))
    print(f"{threads} thread(s): nabla {nabla_ns:.0f} ns, PyTorch {torch_ns:.0f} ns, ratio {nabla_ns / torch_ns:.2f}")
