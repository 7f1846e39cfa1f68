#!/usr/bin/env python3
"""Regenerate the golden outputs for tests/scripts/*.py.

Runs every script (or only those named on the command line) under CPython with
PyTorch, with cwd = tests/scripts, and writes its exact stdout bytes to the
matching NN_topic.out file next to it.

Fails loudly (non-zero exit, no .out written for that script) if a script exits
non-zero or writes anything to stderr -- except scripts whose file name contains
"stderr", for which stderr is allowed and ignored.

Usage:
    python tests/oracle/run_scripts.py                 # all scripts
    python tests/oracle/run_scripts.py 08_fstrings 53_tensor_creation.py
The interpreter is /tmp/venv/bin/python if it exists, else sys.executable;
override with the PYTHON environment variable.
"""
import os
import subprocess
import sys
from pathlib import Path

SCRIPTS_DIR = Path(__file__).resolve().parent.parent / "scripts"


def interpreter():
    env = os.environ.get("PYTHON")
    if env:
        return env
    venv = Path("/tmp/venv/bin/python")
    if venv.exists():
        return str(venv)
    return sys.executable


def resolve(name):
    """Map a command-line name (with or without .py, with or without a directory) to a script path."""
    base = Path(name).name
    if not base.endswith(".py"):
        if base.endswith(".out"):
            base = base[: -len(".out")]
        base += ".py"
    path = SCRIPTS_DIR / base
    if not path.is_file():
        # allow a bare number prefix such as "08"
        matches = sorted(SCRIPTS_DIR.glob(Path(name).name + "_*.py"))
        if len(matches) == 1:
            return matches[0]
        raise SystemExit(f"run_scripts: no such script: {name}")
    return path


def run_one(python, script):
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONIOENCODING"] = "utf-8"
    env.pop("PYTHONWARNINGS", None)
    proc = subprocess.run(
        [python, script.name],
        cwd=SCRIPTS_DIR,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        timeout=300,
    )
    problems = []
    if proc.returncode != 0:
        problems.append(f"exit status {proc.returncode}")
    if proc.stderr and "stderr" not in script.name:
        problems.append("wrote to stderr")
    if problems:
        sys.stderr.write(f"FAIL {script.name}: {', '.join(problems)}\n")
        sys.stderr.write(proc.stderr.decode("utf-8", "replace"))
        return False
    out = script.with_suffix(".out")
    out.write_bytes(proc.stdout)
    print(f"ok   {script.name} -> {out.name} ({len(proc.stdout)} bytes)")
    return True


def main(argv):
    python = interpreter()
    if argv:
        scripts = [resolve(a) for a in argv]
    else:
        scripts = sorted(SCRIPTS_DIR.glob("*.py"))
    if not scripts:
        raise SystemExit("run_scripts: no scripts found in " + str(SCRIPTS_DIR))
    failed = [s.name for s in scripts if not run_one(python, s)]
    if failed:
        sys.stderr.write(f"\n{len(failed)} script(s) failed: {' '.join(failed)}\n")
        return 1
    print(f"{len(scripts)} script(s) regenerated with {python}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
