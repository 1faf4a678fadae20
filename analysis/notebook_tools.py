"""Re-execute the committed notebooks in place on seeds/, so nbval has fresh outputs to compare.

``python -m analysis.notebook_tools execute`` (``make notebooks``). The run folder is temporary, progress
bars are off and the embedding thread count is pinned, as in the test suite (see tests/conftest.py).
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from analysis import config
from analysis.pipeline import NOTEBOOKS, STAGES

TEST_ENVIRONMENT = {"CROSSWIRE_PROGRESS": "0", "TQDM_DISABLE": "1", "PYTHONHASHSEED": "0"}


def execute_in_place(*, timeout: int = 1800) -> list[Path]:
    """Execute notebooks/NN-*.ipynb top to bottom, in order, sharing one temporary run folder."""
    import nbformat
    from nbclient import NotebookClient

    written = []
    with tempfile.TemporaryDirectory(prefix="crosswire-notebooks-") as out_dir:
        os.environ.update(TEST_ENVIRONMENT, CROSSWIRE_OUT=out_dir)
        for stage in STAGES:
            path = config.NOTEBOOKS_DIR / NOTEBOOKS[stage]
            notebook = nbformat.read(path, as_version=4)
            NotebookClient(notebook, timeout=timeout, kernel_name="python3",
                           resources={"metadata": {"path": str(config.NOTEBOOKS_DIR)}}).execute()
            nbformat.write(notebook, path)
            written.append(path)
    return written


if __name__ == "__main__":
    if sys.argv[1:] != ["execute"]:
        sys.exit("usage: python -m analysis.notebook_tools execute")
    for path in execute_in_place():
        print(f"executed {path.relative_to(config.PROJECT_ROOT)}")
