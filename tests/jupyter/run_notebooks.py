"""Executes every notebooks/*.ipynb top to bottom through nbclient against the installed
nabla kernel; fails on any error output. Usage: python run_notebooks.py NOTEBOOK_DIR"""
import pathlib
import sys

import nbformat
from nbclient import NotebookClient


def main():
    paths = sorted(pathlib.Path(sys.argv[1]).glob("*.ipynb"))
    if not paths:
        sys.exit(f"no notebooks in {sys.argv[1]}")
    failed = False
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        client = NotebookClient(nb, timeout=120, kernel_name="nabla", allow_errors=True)
        client.execute()
        errors = [
            (i, o)
            for i, cell in enumerate(nb.cells)
            if cell.cell_type == "code"
            for o in cell.get("outputs", [])
            if o.get("output_type") == "error"
        ]
        images = sum(
            1
            for cell in nb.cells
            if cell.cell_type == "code"
            for o in cell.get("outputs", [])
            if "image/png" in o.get("data", {})
        )
        print(f"{path.name}: {len(nb.cells)} cells, {images} images, {len(errors)} errors")
        for i, o in errors:
            failed = True
            print(f"  cell {i}: {o['ename']}: {o['evalue']}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
