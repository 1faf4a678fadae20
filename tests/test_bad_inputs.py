"""A corpus full of bad inputs runs through every stage: each item is reported, no traceback, readable text kept."""
from __future__ import annotations

import json
import os

import pandas as pd

from tests.conftest import run_cli

GOOD = ("Russian President Vladimir Putin and Italian Prime Minister Mario Draghi spoke by phone about gas "
        "supplies and the crisis in Ukraine, the Kremlin said in a statement on Tuesday evening.\n")


def test_bad_inputs_are_reported_one_by_one_and_good_ones_come_through(make_corpus, tmp_path):
    corpus = make_corpus({
        "good/one.txt": "Putin and Draghi\n\n" + GOOD,
        "nested/one.txt": "Lavrov and Blinken\n\nSergey Lavrov and Antony Blinken held talks in Geneva on "
                          "Friday about security guarantees, the State Department said in a statement.\n",
        "cp1252.txt": ("Città e libertà\n\nIl presidente del Consiglio Mario Draghi ha parlato con Putin: "
                       "perché la città è più sicura, ha detto, e la libertà non è in discussione.\n").encode("cp1252"),
        "utf16.txt": ("Zelensky in Kyiv\n\nPresident Volodymyr Zelensky met European leaders in Kyiv on Monday "
                      "to discuss support, sanctions and the reconstruction of the country.\n").encode("utf-16"),
        "empty.txt": b"",
        "blank.txt": "  \n\t\n",
        "picture.png": b"\x89PNG\r\n\x1a\n" + os.urandom(512),
        "paper.pdf": b"%PDF-1.7\n" + os.urandom(512),
        "noise.txt": os.urandom(4096),
        "short.txt": "Too short.",
    })
    (corpus / "loop").symlink_to(corpus, target_is_directory=True)
    out = tmp_path / "out"
    result = run_cli("tables", str(corpus), "--out", str(out), "-p", "progress=false", cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    report = pd.read_parquet(out / "tables" / "ingest_report.parquet").set_index("path")
    assert report.index.is_unique
    loaded = set(report.index[report["status"] == "loaded"])
    assert {"good/one.txt", "nested/one.txt", "cp1252.txt", "utf16.txt"} <= loaded
    for path in ("empty.txt", "blank.txt", "picture.png", "paper.pdf", "noise.txt", "short.txt"):
        assert report.loc[path, "status"] == "skipped", path
        assert report.loc[path, "reason"], path
    documents = pd.read_parquet(out / "tables" / "documents.parquet").set_index("doc_id")
    assert "città è più sicura" in documents.loc["cp1252", "text"]
    assert {"good/one", "nested/one"} <= set(documents.index)


def test_table_corpus_with_null_text_and_malformed_lines(tmp_path):
    corpus = tmp_path / "articles.jsonl"
    corpus.write_text(
        "{\"doc_id\": \"a\", \"text\": " + json.dumps(GOOD) + ", \"date\": \"2022-02-01\"}\n"
        '{"doc_id": "b", "text": null}\n'
        '{"doc_id": "c", "text": "unterminated\n',
        encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("tables", str(corpus), "--out", str(out), "-p", "progress=false", cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    report = pd.read_parquet(out / "tables" / "ingest_report.parquet")
    assert report["status"].tolist().count("loaded") == 1
    assert len(report) == 3
    assert report["reason"].iloc[1:].notna().all()


def test_table_without_text_column_is_a_one_line_error(tmp_path):
    corpus = tmp_path / "articles.csv"
    corpus.write_text("title,body\nx,y\n", encoding="utf-8")
    result = run_cli("tables", str(corpus), "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert result.returncode == 2
    assert "text" in result.stderr and "articles.csv" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
