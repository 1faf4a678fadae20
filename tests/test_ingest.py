"""End-to-end ingestion: seeds, every bad input of issue 7, sidecars, tables, duplicates, plots."""
from __future__ import annotations

import json
import logging
import os
import random

import matplotlib

matplotlib.use("Agg")

import pandas as pd
import pytest
from matplotlib.figure import Figure

from analysis import config, engines
from analysis.errors import InputError, ParameterError
from analysis.ingest import DOCUMENT_COLUMNS, ingest
from analysis.plots.ingest import plot_length_distribution, plot_status_counts

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"

EN = [
    "The foreign ministers of both countries spoke on the phone for almost an hour on Tuesday evening and agreed to meet again in Geneva next month.",
    "Energy prices rose sharply across Europe after the pipeline operator announced a maintenance stop of three weeks at the main compressor station.",
    "Parliament voted late on Thursday to extend the emergency measures until the end of the year, despite protests from opposition parties.",
    "The central bank raised its key interest rate by half a percentage point, citing inflation that has stayed well above its target for months.",
    "Thousands of people marched through the capital on Saturday to demand higher wages and better working conditions in public hospitals.",
    "The summit ended without a joint declaration after delegations failed to agree on language about the conflict and on grain exports.",
]
IT = "Il presidente del Consiglio ha avuto una lunga telefonata con il capo del Cremlino sulla crisi ucraina e sulle forniture di gas all'Italia per l'inverno."
FR = "Le ministre des Affaires étrangères a rencontré son homologue à Genève pour préparer un accord sur la sécurité européenne et les livraisons de céréales."
DE = "Die Außenminister haben am Dienstagabend fast eine Stunde lang telefoniert und vereinbart, sich im nächsten Monat in Genf wiederzutreffen, um über Sicherheit zu sprechen."
NL = ("De ministers van Buitenlandse Zaken hebben dinsdagavond bijna een uur met elkaar gebeld en afgesproken elkaar volgende "
      "maand opnieuw te ontmoeten in Genève, waar hun plaatsvervangers de details van een akkoord voorbereiden.")


def _article(index: int, title: str | None = None) -> str:
    body = "\n\n".join(EN[(index + k) % len(EN)] for k in range(3)) + f"\n\nStory number {index} ends here."
    return f"{title or f'Headline number {index}'}\n\n{body}"


def _report(report: pd.DataFrame) -> dict[str, tuple[str, str | None]]:
    return {row.path: (row.status, row.reason) for row in report.itertuples()}


# --------------------------------------------------------------------------- seeds


@pytest.fixture(scope="module")
def seed_tables():
    return ingest(config.SEEDS_DIR)


def test_seeds_all_loaded_with_languages(seed_tables):
    documents, report = seed_tables
    assert report["status"].tolist() == ["loaded"] * 5
    assert report["reason"].isna().all()
    assert list(documents.columns) == DOCUMENT_COLUMNS
    assert documents["lang"].tolist() == ["en", "en", "it", "it", "en"]
    assert documents["doc_id"].is_monotonic_increasing
    assert documents["story_id"].isna().all() and documents["duplicate_of"].isna().all()
    assert str(documents["date"].dtype) == "datetime64[ns]"


def test_seed_002_date_header(seed_tables):
    doc = seed_tables[0].set_index("doc_id").loc["002_93394e011efbde58"]
    assert doc["date"] == pd.Timestamp("2021-12-01")
    assert (doc["date_precision"], doc["date_source"]) == ("month", "header")
    assert not doc["text"].lstrip().lower().startswith("date")
    assert doc["text"].startswith("Dopo l'incontro (virtuale) di martedì 7 dicembre")
    assert doc["removed_lines"] == ["date 2021-12"]


def test_seed_003_boilerplate(seed_tables):
    doc = seed_tables[0].set_index("doc_id").loc["003_2f184f6558ba625a"]
    assert doc["title"] == "Lavrov e Rubio si sono chiamati di notte per colloqui sull'Ucraina"
    assert doc["removed_lines"] == ["Notizia", doc["title"], ".", "al piano di sopra"]
    lines = doc["text"].split("\n")
    assert "Notizia" not in lines and "." not in lines and "al piano di sopra" not in doc["text"]
    assert doc["title"] not in doc["text"]


def test_seed_004_boilerplate(seed_tables):
    doc = seed_tables[0].set_index("doc_id").loc["004_52ab06bc4c5b6f85"]
    removed = doc["removed_lines"]
    for line in ("Read Full Article at RT.com", "Read more", "READ MORE: Italy to change Ukraine policy – minister",
                 "President Voladimir Zelensky poses for a photo with Ukrainian servicemen on February 4, 2024"):
        assert line in removed
        assert line not in doc["text"]
    assert "must be accorded respect\n" in doc["text"]  # the line keeps its words, only the promo tail went
    assert doc["title"] == "Russia should get security guarantees – ex-Italian PM"


def test_seeds_without_title_line_keep_their_first_paragraph(seed_tables):
    doc = seed_tables[0].set_index("doc_id").loc["000_ebdf3ec3d4b87653"]
    assert doc["title"] == ""
    assert doc["text"].startswith("Prime Minister Mario Draghi had a telephone conversation")


def test_ingest_is_deterministic(seed_tables):
    documents, report = ingest(config.SEEDS_DIR)
    pd.testing.assert_frame_equal(documents, seed_tables[0])
    pd.testing.assert_frame_equal(report, seed_tables[1])


# --------------------------------------------------------------------------- bad inputs (issue 7)


@pytest.fixture(scope="module")
def bad_corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("bad") / "corpus"
    files: dict[str, bytes] = {
        "empty.txt": b"",
        "blank.txt": b"  \n\t\n \r\n",
        "image.txt": PNG,
        "paper.txt": PDF,
        "noise.txt": random.Random(1).randbytes(3000),
        "bad_utf8.txt": ("Città e perché: " + _article(1)).encode("utf-8").replace(b"number", b"n\xffmber", 1),
        "cp1252.txt": ("Moscow’s “offer” – " + _article(2)).encode("cp1252"),
        "latin1.txt": ("Café naïve \x81 " + _article(3)).encode("latin-1"),
        "utf16_bom.txt": _article(4).encode("utf-16"),
        "utf16_nobom.txt": _article(5).encode("utf-16-le"),
        "one_line.txt": ((" ".join(EN) + " ") * (200_000 // len(" ".join(EN) + " "))).encode(),
        "short.txt": b"Only seven words in this short file.",
        "report.docx": b"PK\x03\x04\x14\x00\x06\x00",
        "a/same.txt": _article(6, "Nested A").encode(),
        "b/same.txt": _article(7, "Nested B").encode(),
        "dutch.txt": f"Nederlands nieuws\n\n{NL}\n\n{NL}".encode(),
        "page.html": (
            "<html><head><title>Ministers meet in Geneva</title>"
            '<meta property="article:published_time" content="2024-05-06T10:00:00Z"></head>'
            "<body><nav>Home | World | Sport</nav>"
            f"<article><h1>Ministers meet in Geneva</h1><p>{EN[0]}</p><p>{EN[1]}</p><p>{EN[2]}</p></article>"
            "<footer>Copyright 2024 Example News</footer></body></html>"
        ).encode(),
    }
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    paragraph = ("Die Regierung hat am Montag neue Maßnahmen gegen die Inflation beschlossen und will die Preise "
                 "für Energie und Lebensmittel in den kommenden Monaten deutlich senken. ") * 10 + "\n\n"
    with open(root / "huge.txt", "wb") as handle:
        handle.write(("Riesiger Artikel\n\n" + paragraph).encode())
        block = paragraph.encode() * 200
        for _ in range(50_000_000 // len(block) + 1):
            handle.write(block)
    os.symlink("..", root / "a" / "loop")
    os.symlink("self_link.txt", root / "self_link.txt")
    return root


@pytest.fixture(scope="module")
def bad_tables(bad_corpus):
    return ingest(bad_corpus)


def test_every_bad_item_reported_exactly_once(bad_corpus, bad_tables):
    documents, report = bad_tables
    assert report["path"].is_unique
    assert set(report["path"]) == {
        "empty.txt", "blank.txt", "image.txt", "paper.txt", "noise.txt", "bad_utf8.txt", "cp1252.txt", "latin1.txt",
        "utf16_bom.txt", "utf16_nobom.txt", "one_line.txt", "short.txt", "report.docx", "a/same.txt", "b/same.txt",
        "dutch.txt", "page.html", "huge.txt", "a/loop", "self_link.txt",
    }
    statuses = _report(report)
    assert statuses["empty.txt"] == ("skipped", "empty")
    assert statuses["blank.txt"] == ("skipped", "empty")
    assert statuses["image.txt"] == ("skipped", "binary (PNG image)")
    assert statuses["paper.txt"] == ("skipped", "binary (PDF document)")
    assert statuses["noise.txt"][0] == "skipped" and statuses["noise.txt"][1].startswith("binary")
    assert statuses["short.txt"] == ("skipped", "too short (7 words < min_words 20)")
    assert statuses["report.docx"] == ("skipped", "unsupported type .docx")
    assert statuses["a/loop"] == ("skipped", "symlink loop")
    assert statuses["self_link.txt"] == ("skipped", "symlink loop")
    assert set(documents["path"]) == {path for path, (status, _) in statuses.items() if status != "skipped"}


def test_readable_encodings_come_through(bad_tables):
    documents = bad_tables[0].set_index("doc_id")
    assert documents.loc["cp1252", "title"] == "Moscow’s “offer” – Headline number 2"
    assert documents.loc["cp1252", "encoding"] == "cp1252"
    assert documents.loc["latin1", "encoding"] == "latin-1"
    assert documents.loc["latin1", "title"] == "Café naïve Headline number 3"  # the C1 control byte is dropped
    assert documents.loc["bad_utf8", "title"] == "Città e perché: Headline n\ufffdmber 1"
    assert documents.loc["bad_utf8", "encoding"] == "utf-8 (1 invalid bytes replaced)"
    for doc_id, encoding in (("utf16_bom", "utf-16"), ("utf16_nobom", "utf-16-le")):
        assert documents.loc[doc_id, "encoding"] == encoding
        assert documents.loc[doc_id, "title"].startswith("Headline number")
        assert documents.loc[doc_id, "text"].startswith(EN[(int(doc_id == "utf16_nobom") + 4) % len(EN)][:40])


def test_huge_and_one_line_documents_are_capped(bad_tables):
    documents, report = bad_tables
    documents = documents.set_index("doc_id")
    huge = documents.loc["huge"]
    assert huge["truncated"] and len(huge["text"]) <= config.MAX_CHARS_PER_DOCUMENT
    assert huge["title"] == "Riesiger Artikel" and huge["lang"] == "de"
    assert _report(report)["huge.txt"] == ("loaded", f"truncated to the first {config.MAX_CHARS_PER_DOCUMENT} characters")
    assert report.set_index("path").loc["huge.txt", "bytes"] >= 50_000_000
    one_line = documents.loc["one_line"]
    assert not one_line["truncated"] and len(one_line["text"]) > 199_000 and one_line["lang"] == "en"
    assert "\n" not in one_line["text"]


def test_files_read_and_cleaned_in_worker_processes_give_the_same_tables(bad_corpus, bad_tables, monkeypatch):
    if not engines.can_fork():
        pytest.skip("fork is not available on this platform")
    monkeypatch.setattr(engines, "MIN_DOCS_FOR_PROCESSES", 1)
    monkeypatch.setattr(engines, "LOCAL_PARTITION_DOCS", 3)
    with engines.local_processes(2, modules=("analysis.ingest",)):
        documents, report = ingest(bad_corpus)
    assert documents.set_index("doc_id").loc["cp1252", "encoding"] == "cp1252"  # read in a worker
    pd.testing.assert_frame_equal(documents, bad_tables[0])
    pd.testing.assert_frame_equal(report, bad_tables[1])


def test_nested_same_names_stay_distinct(bad_tables):
    documents = bad_tables[0].set_index("doc_id")
    assert documents.loc["a/same", "title"] == "Nested A"
    assert documents.loc["b/same", "title"] == "Nested B"


def test_language_outside_configured_set_is_loaded_with_low_confidence(bad_tables):
    documents, report = bad_tables
    dutch = documents.set_index("doc_id").loc["dutch"]
    assert dutch["lang_confidence"] < 0.5
    assert _report(report)["dutch.txt"] == ("loaded", "language nl outside configured set")


def test_html_article_text_and_title(bad_tables):
    page = bad_tables[0].set_index("doc_id").loc["page"]
    assert page["title"] == "Ministers meet in Geneva"
    assert page["text"].startswith(EN[0])
    assert "Home | World" not in page["text"] and "Copyright" not in page["text"]
    assert (page["date"], page["date_precision"], page["date_source"]) == (pd.Timestamp("2024-05-06"), "day", "metadata")


def test_zero_usable_documents_is_not_an_error(make_corpus):
    root = make_corpus({"empty.txt": "", "pic.txt": PNG, "tiny.md": "Hello world."})
    documents, report = ingest(root)
    assert documents.empty and list(documents.columns) == DOCUMENT_COLUMNS
    assert str(documents["date"].dtype) == "datetime64[ns]"
    assert report["status"].tolist() == ["skipped"] * 3
    assert report["reason"].tolist() == ["empty", "binary (PNG image)", "too short (2 words < min_words 20)"]


def test_corpus_and_parameter_errors(tmp_path, make_corpus):
    with pytest.raises(InputError, match="does not exist"):
        ingest(tmp_path / "missing")
    (tmp_path / "corpus.docx").write_bytes(b"PK\x03\x04")
    with pytest.raises(InputError, match="unsupported type .docx"):
        ingest(tmp_path / "corpus.docx")
    root = make_corpus({"a.txt": _article(1)})
    with pytest.raises(InputError, match=r"unknown language code\(s\) \['xx'\]"):
        ingest(root, languages=["en", "xx"])
    with pytest.raises(ParameterError, match="min_words"):
        ingest(root, min_words=-1)
    with pytest.raises(ParameterError, match="near_duplicate_threshold"):
        ingest(root, near_duplicate_threshold=1.5)
    with pytest.raises(ParameterError, match="boilerplate_min_docs"):
        ingest(root, boilerplate_min_docs=1)


# --------------------------------------------------------------------------- sidecar metadata


def test_metadata_sidecar(make_corpus, tmp_path, caplog):
    secret = tmp_path / "secret.txt"
    secret.write_text(_article(9, "SECRET"))
    root = make_corpus({
        "a.txt": _article(1),
        "b.txt": "date 2021-12 " + _article(2),
        "c.txt": _article(3),
        "metadata.csv": (
            "path,title,date,source,url,lang\n"
            "a.txt,Meta title,24 febbraio 2022,Agency,https://example.org/a,\n"
            "b.txt,,not a date,,,\n"
            "ghost.txt,Ghost,2020,,,\n"
            "../secret.txt,Leak,2020,,,\n"
        ),
    })
    with caplog.at_level(logging.WARNING, logger="analysis.ingest"):
        documents, report = ingest(root)
    documents = documents.set_index("doc_id")
    a = documents.loc["a"]
    assert (a["title"], a["source"], a["url"]) == ("Meta title", "Agency", "https://example.org/a")
    assert (a["date"], a["date_precision"], a["date_source"]) == (pd.Timestamp("2022-02-24"), "day", "metadata")
    b = documents.loc["b"]
    assert (b["date"], b["date_precision"], b["date_source"]) == (pd.Timestamp("2021-12-01"), "month", "header")
    assert _report(report)["b.txt"] == ("loaded", "date 'not a date' from metadata.csv not understood; ignored")
    c = documents.loc["c"]
    assert pd.isna(c["date"]) and c["date_source"] is None and c["title"] == "Headline number 3"
    warnings = documents.attrs["warnings"]
    assert warnings == report.attrs["warnings"] and len(warnings) == 2
    assert "ghost.txt" in warnings[0] and "outside the corpus folder" in warnings[1]
    assert "SECRET" not in " ".join(documents["text"]) and "Leak" not in set(documents["title"])
    assert sum("ghost.txt" in message for message in caplog.messages) == 1
    assert len(report) == 3


# --------------------------------------------------------------------------- tabular corpora


def test_csv_corpus(tmp_path):
    path = tmp_path / "news.csv"
    pd.DataFrame({
        "doc_id": ["n2", "n1", "n3", "n4"],
        "title": ["Second", "First", "Third", "Fourth"],
        "text": [_article(1), _article(2), None, _article(1)],
        "date": ["2022-03", "", "", ""],
        "lang": ["", "", "", ""],
    }).to_csv(path, index=False)
    documents, report = ingest(path)
    assert documents["doc_id"].tolist() == ["n1", "n2", "n4"]
    assert _report(report) == {
        "news.csv:1": ("loaded", None),
        "news.csv:2": ("loaded", None),
        "news.csv:3": ("skipped", "missing text"),
        "news.csv:4": ("duplicate", "duplicate of n2"),
    }
    n2 = documents.set_index("doc_id").loc["n2"]
    assert (n2["title"], n2["date"], n2["date_precision"], n2["date_source"]) == ("Second", pd.Timestamp("2022-03-01"), "month", "metadata")
    assert n2["text"].startswith("Headline number 1\n\n")  # a given title: the text keeps its first line


def test_jsonl_corpus_with_malformed_lines(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join([
        json.dumps({"text": _article(1)}), "{broken", json.dumps({"text": None}), json.dumps({"text": _article(2), "lang": "en"}),
    ]) + "\n", encoding="utf-8")
    documents, report = ingest(path)
    assert documents["doc_id"].tolist() == ["feed:1", "feed:4"]
    statuses = _report(report)
    assert statuses["feed.jsonl:2"][0] == "skipped" and statuses["feed.jsonl:2"][1].startswith("malformed line 2:")
    assert statuses["feed.jsonl:3"] == ("skipped", "missing text")
    assert documents.set_index("doc_id").loc["feed:4", "lang_confidence"] == 1.0  # given language kept


def test_table_without_text_column(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("headline,body\nA,B\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"no 'text' column \(found: headline, body\)"):
        ingest(path)


# --------------------------------------------------------------------------- duplicates and corpus boilerplate


def test_near_duplicates_stay_in_documents(make_corpus):
    original = _article(1)
    near = original.replace("Story number 1 ends here.", "Story number 1 ends here today.")
    root = make_corpus({"x/1.txt": original, "x/2.txt": near, "x/0.txt": _article(3)})
    documents, report = ingest(root, near_duplicate_threshold=0.8)
    statuses = _report(report)
    assert statuses["x/1.txt"] == ("loaded", None)
    status, reason = statuses["x/2.txt"]
    assert status == "duplicate" and reason.startswith("near-duplicate of x/1 (similarity 0.")
    assert documents.set_index("doc_id")["duplicate_of"].to_dict() == {"x/0": None, "x/1": None, "x/2": "x/1"}


def test_lines_repeated_across_documents_are_removed(make_corpus):
    footer = "Unterstützen Sie unabhängigen Journalismus mit einem Abonnement unserer Zeitung."
    files = {f"d{i}.txt": f"Titel {i}\n\n{EN[i]}\n\n{EN[(i + 2) % 6]}\n\nGeschichte {i}.\n\n{footer}" for i in range(5)}
    files["d5.txt"] = _article(5)
    documents, _ = ingest(make_corpus(files), boilerplate_min_docs=5)
    for text, removed in zip(documents["text"][:5], documents["removed_lines"][:5]):
        assert footer not in text and removed == [footer]
    kept, _ = ingest(make_corpus(files, name="again"), boilerplate_min_docs=6)
    assert all(footer in text for text in kept["text"][:5])


def test_copies_do_not_make_their_sentences_boilerplate(make_corpus):
    files = {f"copy{i}.txt": _article(2) for i in range(6)}
    documents, report = ingest(make_corpus(files), boilerplate_min_docs=5)
    assert report["status"].tolist() == ["loaded"] + ["duplicate"] * 5
    assert documents["removed_lines"].map(len).sum() == 0


# --------------------------------------------------------------------------- plots and the dev corpus


def test_plots_return_figures(seed_tables):
    documents, report = seed_tables
    for figure in (plot_length_distribution(documents), plot_status_counts(report),
                   plot_length_distribution(documents.iloc[:0]), plot_status_counts(report.iloc[:0])):
        assert isinstance(figure, Figure)
    fig = plot_status_counts(report)
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == ["loaded"]
    fig = plot_length_distribution(documents)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert [label.split(" ")[0] for label in labels] == ["en", "it"] and labels[0].startswith("en (n=3, median ")


def test_semeval_dev_corpus(semeval_dir):
    documents, report = ingest(semeval_dir)
    in_folders = documents[documents["path"].str.contains("/")]
    assert len(in_folders) == 339
    folder = in_folders["path"].str.split("/").str[0]
    assert (in_folders["lang"] == folder).mean() >= 0.99
    assert report["path"].is_unique and (report["status"] != "skipped").all()


def test_a_failing_item_is_reported_and_the_run_goes_on(make_corpus, monkeypatch):
    import analysis.ingest as ingest_module

    def broken(_html):
        raise ValueError("parser exploded")

    monkeypatch.setattr(ingest_module, "html_to_article", broken)
    root = make_corpus({"good.txt": _article(1), "bad.html": "<html><body><p>x</p></body></html>"})
    documents, report = ingest(root, progress=True)
    assert _report(report) == {
        "bad.html": ("skipped", "unprocessable (ValueError: parser exploded)"),
        "good.txt": ("loaded", None),
    }
    assert documents["doc_id"].tolist() == ["good"]
