#!/usr/bin/env python3
"""A check in a real browser: JupyterLab runs a notebook on the nabla kernel in headless
Chromium, and a screenshot of the result is saved.

Not part of `cargo test` (it needs Chromium, JupyterLab and Playwright). Set-up, once:
    apt-get install chromium
    python3 -m venv /tmp/lab && /tmp/lab/bin/pip install jupyterlab playwright
    cargo build && target/debug/nabla kernel install --prefix /tmp/lab
Run:
    /tmp/lab/bin/python tools/lab_screenshot.py [NOTEBOOK] [OUT.png]
The notebook's outputs are cleared first, so everything in the picture was computed by the
kernel during this run. Exits non-zero if a cell fails or the run does not finish.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
notebook = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "notebooks" / "07-plotting.ipynb")
out = Path(sys.argv[2] if len(sys.argv) > 2 else ROOT / "docs" / "jupyterlab.png")
chromium = shutil.which("chromium") or shutil.which("chromium-browser")
if not chromium:
    sys.exit("Chromium is not installed (apt-get install chromium)")

work = Path(tempfile.mkdtemp(prefix="nabla-lab-"))
nb = json.loads(notebook.read_text())
for cell in nb["cells"]:
    if cell["cell_type"] == "code":
        cell["outputs"], cell["execution_count"] = [], None
(work / notebook.name).write_text(json.dumps(nb))

port, token = "8917", "nabla-check"
lab = subprocess.Popen(
    [sys.executable, "-m", "jupyter", "lab", "--no-browser", f"--port={port}",
     f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={work}", "--allow-root"],
    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
)
try:
    for _ in range(120):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api?token={token}", timeout=1)
            break
        except OSError:
            time.sleep(0.5)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        page.goto(f"http://127.0.0.1:{port}/lab/tree/{notebook.name}?token={token}")
        page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
        # The kernel is up when the toolbar names it and shows it idle.
        page.wait_for_selector("text=nabla", timeout=60_000)
        page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=60_000)
        page.click("text=Run", timeout=10_000)
        page.click("text=Run All Cells", timeout=10_000)
        # The last code cell numbered [n] (cells run in order) and the kernel idle again.
        code_cells = sum(c["cell_type"] == "code" for c in nb["cells"])
        deadline = time.time() + 120
        while time.time() < deadline:
            prompts = page.locator(".jp-CodeCell .jp-InputPrompt").all_inner_texts()
            idle = page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").count()
            if prompts and prompts[-1].strip() == f"[{code_cells}]:" and idle:
                break
            time.sleep(0.5)
        else:
            page.screenshot(path=str(out.with_suffix(".timeout.png")))
            sys.exit(f"the run did not finish: prompts {prompts}")
        errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").count()
        tracebacks = page.locator(".jp-RenderedText[data-mime-type='application/vnd.jupyter.error']").count()
        images = page.locator(".jp-RenderedImage img").count()
        # The loss curve: the cell whose code trains with tqdm.
        cell = page.locator(".jp-CodeCell", has_text="tqdm(range(60)").first
        cell.scroll_into_view_if_needed()
        page.mouse.wheel(0, -120)
        # JupyterLab's one-time question about news, if it shows.
        no = page.get_by_role("button", name="No", exact=True)
        if no.count() and no.first.is_visible():
            no.first.click(timeout=5_000)
        time.sleep(1.0)
        out.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(out))
        browser.close()
    print(f"{code_cells} cells ran, {images} images, {tracebacks} errors; screenshot {out}")
    sys.exit(1 if tracebacks else 0)
finally:
    lab.terminate()
    lab.wait(timeout=10)
