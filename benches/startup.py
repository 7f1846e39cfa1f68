#!/usr/bin/env python3
"""Start-up, side by side: whole-process wall time of

  nabla -c 'print(torch.ones(2) + 1)'          vs  python3 -c 'pass'
                                                    python3 -c 'import torch; print(torch.ones(2) + 1)'
  nabla (REPL) until its first '>>> ' prompt    vs  python3 -i until its first '>>> '
  nabla -c '1+1'                                vs  python3 -c '1+1'
  nabla -c 'import <the standard subset>'       vs  python3 -c 'import <the same modules>'

Each is run N times (default 100; 5 for the torch import); the median and minimum are
printed, and nabla's medians as ratios of bare Python's. Usage:

    cargo build --release && python3 benches/startup.py [N]

The interpreter for the PyTorch row is /tmp/venv/bin/python when it exists (PYTHON
overrides).
"""
import os
import pty
import select
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NABLA = str(ROOT / "target" / "release" / "nabla")
PY = os.environ.get("PYTHON") or ("/tmp/venv/bin/python" if Path("/tmp/venv/bin/python").exists() else sys.executable)


def run_once(argv):
    t = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - t


def prompt_once(argv, env):
    """Seconds from spawn until '>>> ' appears on the pty; then the process is killed."""
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(argv[0], argv, env)
    t = time.perf_counter()
    seen = b""
    try:
        while b">>> " not in seen:
            r, _, _ = select.select([fd], [], [], 10)
            if not r:
                raise RuntimeError(f"no prompt from {argv}: {seen!r}")
            seen += os.read(fd, 4096)
        return time.perf_counter() - t
    finally:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        os.close(fd)


def stats(name, times):
    med, lo = statistics.median(times), min(times)
    print(f"{name:<58} median {med * 1e3:8.2f} ms   min {lo * 1e3:8.2f} ms   (n={len(times)})")
    return med


# The standard modules nabla offers (src/eval/stdlib/py and the Rust ones), imported all at
# once: what a program with many imports pays on top of start-up.
STDLIB = ("os, os.path, sys, pathlib, argparse, typing, dataclasses, json, collections, "
          "itertools, functools, copy, datetime, time, timeit, contextlib, warnings, logging, "
          "enum, abc, string, shutil, glob, fnmatch, tempfile, csv, io, random, statistics, "
          "pprint, textwrap, operator, heapq, bisect, math, shlex, urllib.parse, importlib, re")


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    env = dict(os.environ, TERM="xterm-256color", NABLA_HISTORY="/dev/null", PYTHONSTARTUP="")
    env.pop("NABLA_PLOT", None)
    rows = {}
    rows["nabla_c"] = stats("nabla -c 'print(torch.ones(2) + 1)'", [run_once([NABLA, "-c", "print(torch.ones(2) + 1)"]) for _ in range(n)])
    rows["py_c"] = stats("python3 -c 'pass'", [run_once(["python3", "-c", "pass"]) for _ in range(n)])
    rows["torch_c"] = stats("python -c 'import torch; print(torch.ones(2) + 1)'", [run_once([PY, "-c", "import torch; print(torch.ones(2) + 1)"]) for _ in range(5)])
    rows["nabla_11"] = stats("nabla -c '1+1'", [run_once([NABLA, "-c", "1+1"]) for _ in range(n)])
    rows["py_11"] = stats("python3 -c '1+1'", [run_once(["python3", "-c", "1+1"]) for _ in range(n)])
    imp = f"import {STDLIB}"
    rows["nabla_std"] = stats("nabla -c 'import <standard subset>'", [run_once([NABLA, "-c", imp]) for _ in range(max(n // 5, 3))])
    rows["py_std"] = stats("python3 -c 'import <standard subset>'", [run_once(["python3", "-c", imp]) for _ in range(max(n // 5, 3))])
    rows["nabla_repl"] = stats("nabla REPL until '>>> '", [prompt_once([NABLA], env) for _ in range(n)])
    rows["py_repl"] = stats("python3 -i until '>>> '", [prompt_once(["python3", "-q", "-i"], env) for _ in range(n)])
    print()
    print(f"nabla -c / python3 -c pass:     {rows['nabla_c'] / rows['py_c']:.2f}")
    print(f"nabla -c / python+torch -c:     {rows['nabla_c'] / rows['torch_c']:.4f}")
    print(f"nabla prompt / python3 prompt:  {rows['nabla_repl'] / rows['py_repl']:.2f}")
    print(f"nabla -c '1+1' / python3:       {rows['nabla_11'] / rows['py_11']:.2f}")
    print(f"stdlib imports nabla / python3: {rows['nabla_std'] / rows['py_std']:.2f}")


if __name__ == "__main__":
    main()
