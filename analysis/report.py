"""HTML pages of a run: one per executed notebook (with and without code) and an index."""
from __future__ import annotations

import html
import json
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from analysis import config, io
from analysis.pipeline import NOTEBOOKS, STAGES, read_stats

TEMPLATES_DIR = config.PACKAGE_DIR / "templates"
TITLES = {"ingest": "Ingestion", "topics": "Topics and stories", "actors": "Actors and co-occurrence",
          "timeline": "Contacts and timeline"}


def page_name(stage: str, *, code: bool) -> str:
    stem = Path(NOTEBOOKS[stage]).stem
    return f"{stem}.html" if code else f"{stem}-report.html"


def _nav(current: str) -> str:
    links = ['<a href="index.html"' + (' class="current"' if current == "index" else "") + ">Run summary</a>"]
    for stage in STAGES:
        cls = ' class="current"' if current == stage else ""
        links.append(f'<a href="{page_name(stage, code=False)}"{cls}>{html.escape(TITLES[stage])}</a>')
    return '<nav class="crosswire">' + "".join(links) + "</nav>"


def render_notebook(notebook_path: Path, target: Path, *, stage: str, code: bool) -> Path:
    """Render an executed notebook to a self-contained HTML page (figures embedded, no CDN scripts)."""
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="crosswire", extra_template_basedirs=[str(TEMPLATES_DIR)],
                            exclude_input=not code, exclude_input_prompt=not code, exclude_output_prompt=not code)
    notebook = nbformat.read(notebook_path, as_version=4)
    body, _ = exporter.from_notebook_node(notebook, resources={"crosswire_nav": _nav(stage)})
    return io.write_text(body, target)


def render_run(out_dir: Path) -> Path:
    """Render every executed notebook of ``out_dir`` and write ``html/index.html``."""
    html_dir = Path(out_dir) / "html"
    for stage in STAGES:
        notebook = Path(out_dir) / "notebooks" / NOTEBOOKS[stage]
        if notebook.is_file():
            for code in (True, False):
                render_notebook(notebook, html_dir / page_name(stage, code=code), stage=stage, code=code)
    return write_index(out_dir)


def key_figures(out_dir: Path) -> list[tuple[str, str, str]]:
    """``(stage, caption, data URI)`` of every notebook cell tagged ``key-figure`` in a run (PNG or SVG)."""
    import base64

    import nbformat

    figures = []
    for stage in STAGES:
        path = Path(out_dir) / "notebooks" / NOTEBOOKS[stage]
        if not path.is_file():
            continue
        for cell in nbformat.read(path, as_version=4).cells:
            if "key-figure" not in cell.metadata.get("tags", []):
                continue
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                if "image/png" in data:
                    uri = "data:image/png;base64," + data["image/png"].replace("\n", "")
                elif "image/svg+xml" in data:
                    uri = "data:image/svg+xml;base64," + base64.b64encode(data["image/svg+xml"].encode()).decode()
                else:
                    continue
                figures.append((stage, cell.metadata.get("caption", TITLES[stage]), uri))
                break
    return figures


def _read(out_dir: Path, name: str, columns: list[str]) -> pd.DataFrame | None:
    """Only the named columns (the documents table holds every text; the index needs counts)."""
    path = config.tables_dir(out_dir) / f"{name}.parquet"
    if not path.is_file():
        return None
    available = set(pq.read_schema(path).names)
    return pd.read_parquet(path, columns=[c for c in columns if c in available])


def run_warnings(out_dir: Path) -> list[str]:
    """Things a reader of the report should know: skipped inputs, unresolved roles, undated items."""
    warnings = []
    report = _read(out_dir, "ingest_report", ["status", "reason"])
    if report is not None:
        skipped = report[report["status"] == "skipped"]
        if len(skipped):
            reasons = skipped["reason"].fillna("").str.replace(r" \(.*", "", regex=True).value_counts()
            ordered = sorted(reasons.items(), key=lambda item: (-item[1], item[0]))
            warnings.append(f"{len(skipped)} input item(s) skipped: "
                            + ", ".join(f"{reason} ({n})" for reason, n in ordered))
    documents = _read(out_dir, "documents", ["date", "mixed_language"])
    if documents is not None and len(documents):
        undated = int(documents["date"].isna().sum())
        if undated:
            warnings.append(f"{undated} of {len(documents)} documents have no date; role phrases in them stay "
                            "unresolved and they are left out of time plots")
        if "mixed_language" in documents and documents["mixed_language"].any():
            warnings.append(f"{int(documents['mixed_language'].sum())} document(s) mix languages")
    unresolved = _read(out_dir, "unresolved_roles", ["doc_id"])
    if unresolved is not None and len(unresolved):
        warnings.append(f"{len(unresolved)} role phrase(s) could not be resolved to a person")
    contacts = _read(out_dir, "contacts", ["date"])
    if contacts is not None and len(contacts) and contacts["date"].isna().any():
        warnings.append(f"{int(contacts['date'].isna().sum())} of {len(contacts)} contacts have no date")
    return warnings


def write_index(out_dir: Path) -> Path:
    """One-screen summary of a run linking the notebook pages."""
    out_dir = Path(out_dir)
    manifest_path = out_dir / "run.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.is_file() else {}
    stats = read_stats(out_dir)
    report = _read(out_dir, "ingest_report", ["status"])
    status_counts = report["status"].value_counts().to_dict() if report is not None else {}
    rows = []
    for stage in STAGES:
        rows.append(
            "<tr><td>{title}</td><td>{seconds}</td><td>{tables}</td><td>{links}</td></tr>".format(
                title=html.escape(TITLES[stage]),
                seconds=html.escape(str(stats.get(stage, {}).get("seconds", "–"))),
                tables=html.escape(", ".join(f"{k}: {v}" for k, v in stats.get(stage, {}).get("rows", {}).items())),
                links=(f'<a href="{page_name(stage, code=False)}">report</a> · '
                       f'<a href="{page_name(stage, code=True)}">with code</a>'),
            )
        )
    params = manifest.get("parameters", {})
    figures = "".join(
        f'<figure><a href="{page_name(stage, code=False)}"><img alt="{html.escape(caption)}" '
        f'src="{uri}"></a><figcaption>{html.escape(caption)}</figcaption></figure>'
        for stage, caption, uri in key_figures(out_dir)
    )
    warnings = "".join(f"<li>{html.escape(w)}</li>" for w in run_warnings(out_dir))
    param_rows = "".join(f"<tr><td>{html.escape(str(k))}</td><td>{html.escape(str(v))}</td></tr>"
                         for k, v in sorted(params.items()))
    status = ", ".join(f"{html.escape(str(k))}: {v}" for k, v in sorted(status_counts.items()))
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Crosswire run summary</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 0; color: #111827; }}
main {{ max-width: 60em; margin: 1.5em auto; padding: 0 1em; }}
table {{ border-collapse: collapse; margin: 0.5em 0 1.5em; }}
td, th {{ border: 1px solid #d1d5db; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }}
nav.crosswire {{ padding: 0.6em 1em; background: #f3f4f6; border-bottom: 1px solid #d1d5db; }}
nav.crosswire a {{ margin-right: 1.2em; color: #1d4ed8; text-decoration: none; }}
nav.crosswire a.current {{ font-weight: bold; color: #111827; }}
.figures {{ display: flex; flex-wrap: wrap; gap: 1em; }}
figure {{ margin: 0; width: 18em; }}
figure img {{ width: 100%; height: 12em; object-fit: contain; border: 1px solid #d1d5db; background: #fff; }}
.warnings li {{ color: #92400e; }}
</style></head><body>
{_nav("index")}
<main>
<h1>Crosswire run summary</h1>
<p>Corpus <code>{html.escape(str(manifest.get("corpus", "")))}</code>; finished
{html.escape(str(manifest.get("finished_at", "")))}; Crosswire {html.escape(str(manifest.get("crosswire_version", "")))}.</p>
<p>Input items: {status or "–"}.</p>
<h2>Key figures</h2>
<div class="figures">{figures or "<p>No figures yet.</p>"}</div>
<h2>Warnings</h2>
<ul class="warnings">{warnings or "<li>None.</li>"}</ul>
<h2>Stages</h2>
<table><tr><th>Stage</th><th>Seconds</th><th>Rows written</th><th>Pages</th></tr>{"".join(rows)}</table>
<h2>Parameters</h2>
<table><tr><th>Name</th><th>Value</th></tr>{param_rows}</table>
<p>Tables (parquet) are in <code>tables/</code> beside this folder; <code>run.json</code> records package
versions and input file hashes.</p>
</main></body></html>
"""
    return io.write_text(page, out_dir / "html" / "index.html")
