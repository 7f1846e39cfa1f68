"""Side by side: one training epoch (benches/train_mlp.py, benches/train_cnn.py) in nabla and
in Python + PyTorch, both on all cores and on one.

Usage: python3 benches/compare_train.py [path/to/nabla]   (build with `cargo build --release`)
Prints seconds per epoch for both and nabla's time as a ratio of PyTorch's
(goals: MLP <= 0.85, CNN <= 1.0).
"""
import os
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
nabla = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "target", "release", "nabla")
for name in ("train_mlp", "train_cnn"):
    script = os.path.join(here, name + ".py")
    for threads in ("2", "1"):
        env = dict(os.environ, OMP_NUM_THREADS=threads, RAYON_NUM_THREADS=threads, MKL_NUM_THREADS=threads)
        torch_s = float(subprocess.check_output([sys.executable, script], env=env, text=True))
        nabla_s = float(subprocess.check_output([nabla, "run", script], env=env, text=True))
        print(f"{name} {threads} thread(s): nabla {nabla_s:.3f} s, PyTorch {torch_s:.3f} s, ratio {nabla_s / torch_s:.2f}")
