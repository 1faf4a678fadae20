"""End to end: `python -m analysis run` with papermill, `tables`, and one-line errors."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from analysis import config
from analysis.pipeline import NOTEBOOKS, STAGES
from tests.conftest import RUN_PARAMETERS, run_cli

TABLES = ("ingest_report", "documents", "topics", "doc_topics", "mentions", "actors", "cooccurrence", "contacts",
          "quotes")


def test_run_executes_every_notebook_and_writes_tables_html_and_manifest(notebook_run):
    for stage in STAGES:
        assert (notebook_run / "notebooks" / NOTEBOOKS[stage]).is_file()
        stem = Path(NOTEBOOKS[stage]).stem
        assert (notebook_run / "html" / f"{stem}.html").is_file()
        assert (notebook_run / "html" / f"{stem}-report.html").is_file()
    assert (notebook_run / "html" / "index.html").is_file()
    for name in TABLES:
        assert (notebook_run / "tables" / f"{name}.parquet").is_file(), name
    assert (notebook_run / "tables" / "cooccurrence.graphml").is_file()
    manifest = json.loads((notebook_run / "run.json").read_text())
    assert manifest["parameters"]["n_topics"] == 2
    assert manifest["parameters"]["min_words"] == 5
    assert set(manifest["inputs"]) == {"en/call.txt", "en/empty.txt", "en/image.png", "en/nato.txt",
                                       "en/payload.txt", "it/telefonata.txt", "metadata.csv"}
    assert manifest["packages"]["pandas"]
    assert set(manifest["stages"]) == set(STAGES)
    assert manifest["stages"]["ingest"]["rows"]["documents"] == 4


def test_run_uses_the_non_default_parameters(notebook_run):
    tables = notebook_run / "tables"
    report = pd.read_parquet(tables / "ingest_report.parquet")
    assert len(report) == 6  # metadata.csv is not an input item
    assert sorted(report["status"]) == ["loaded"] * 4 + ["skipped"] * 2
    documents = pd.read_parquet(tables / "documents.parquet").set_index("doc_id")
    assert documents.loc["en/call", "date"] == pd.Timestamp("2022-02-01")
    assert documents.loc["en/call", "source"] == "Agency"
    topics = pd.read_parquet(tables / "topics.parquet")
    assert len(topics[topics["topic_id"] >= 0]) <= 2
    names = set(pd.read_parquet(tables / "actors.parquet")["actor"])
    assert {"Vladimir Putin", "Mario Draghi", "Jens Stoltenberg", "NATO"} <= names


def test_tables_command_gives_byte_identical_tables(notebook_run, small_corpus, tmp_path):
    out = tmp_path / "tables-run"
    result = run_cli("tables", str(small_corpus), "--out", str(out), *RUN_PARAMETERS, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    for name in TABLES:
        assert (out / "tables" / f"{name}.parquet").read_bytes() == \
            (notebook_run / "tables" / f"{name}.parquet").read_bytes(), name


def test_missing_corpus_is_a_one_line_error(tmp_path):
    result = run_cli("tables", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "nowhere" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_bad_parameter_is_refused_before_anything_runs(tmp_path):
    result = run_cli("run", "--out", str(tmp_path / "out"), "-p", "n_topics=-1", cwd=tmp_path)
    assert result.returncode == 2
    assert "n_topics" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_corpus_without_usable_documents_fails_and_keeps_the_report(make_corpus, tmp_path):
    corpus = make_corpus({"a.txt": "", "b.txt": "   \n", "c.bin": b"\x00\x01"})
    result = run_cli("tables", str(corpus), "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert result.returncode == 2
    assert "no usable documents" in result.stderr
    report = pd.read_parquet(tmp_path / "out" / "tables" / "ingest_report.parquet")
    assert len(report) == 3


def test_default_corpus_is_the_seeds():
    assert sorted(p.name for p in config.SEEDS_DIR.iterdir())[:1] == ["000_ebdf3ec3d4b87653.txt"]
