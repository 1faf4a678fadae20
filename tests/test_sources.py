"""Decoding, folder walking, sidecar metadata and tabular corpora."""
from __future__ import annotations

import json
import os
import random

import pandas as pd
import pytest

from analysis import config
from analysis.errors import InputError
from analysis.sources import (
    decode_bytes,
    iter_folder,
    list_folder,
    read_corpus,
    read_folder,
    read_item,
    read_table,
    read_text_file,
)

TEXT = "Il presidente ha parlato con Putin. “Siamo soddisfatti”, ha detto Ushakov: è così."
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"


# --------------------------------------------------------------------------- decoding


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),  # with BOM (little-endian here)
        (b"\xfe\xff" + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),  # without BOM: found from the NUL pattern
        (TEXT.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_unicode_encodings_decode_exactly(data, encoding):
    decoded = decode_bytes(data)
    assert decoded.text == TEXT
    assert decoded.encoding == encoding


def test_cp1252_text_with_smart_quotes_and_euro():
    text = "Moscow’s “offer” cost 5 € — perché no?"
    decoded = decode_bytes(text.encode("cp1252"))
    assert decoded.encoding == "cp1252"
    assert decoded.text == text


def test_latin1_bytes_undefined_in_cp1252():
    data = "Caf\u00e9 na\u00efve \u00bfqu\u00e9?".encode("latin-1") + b" \x81\x8d"
    decoded = decode_bytes(data)
    assert decoded.encoding == "latin-1"
    assert decoded.text.startswith("Café naïve ¿qué?")


def test_mostly_utf8_with_a_few_invalid_bytes_stays_utf8():
    data = ("Città, perché è così: " * 10).encode("utf-8") + b"\xff broken \xfe end"
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8 (2 invalid bytes replaced)"
    assert decoded.text.startswith("Città, perché è così")
    assert decoded.text.count("\ufffd") == 2


def test_utf8_bom_in_front_of_cp1252_text():
    decoded = decode_bytes(b"\xef\xbb\xbf" + "Moscow’s “offer”, perché no".encode("cp1252"))
    assert (decoded.text, decoded.encoding) == ("Moscow’s “offer”, perché no", "cp1252")


def test_undecodable_utf16():
    decoded = decode_bytes(b"\xff\xfe" + "ok ".encode("utf-16-le") + b"\x00\xd8" * 50)
    assert decoded.text is None
    assert decoded.reason == "undecodable (too many invalid utf-16 sequences)"


def test_mojibake_inside_utf8_is_repaired():
    decoded = decode_bytes("Moscowâ€™s intention, perchÃ© Ã¨ cosÃ¬".encode("utf-8"))
    assert decoded.text == "Moscow’s intention, perché è così"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (PNG, "binary (PNG image)"),
        (PDF, "binary (PDF document)"),
        (b"PK\x03\x04\x14\x00word/document.xml", "binary (ZIP archive or office document)"),
        (random.Random(7).randbytes(4096), "binary (NUL bytes)"),
        (bytes(random.Random(3).choices([1, 2, 3, 4, 5, 6, 14, 15, 16, 65], k=2000)), "binary (control characters)"),
    ],
)
def test_binary_and_empty_content(data, reason):
    decoded = decode_bytes(data)
    assert decoded.text is None
    assert decoded.reason == reason


def test_big_file_is_read_in_bounded_way(tmp_path):
    path = tmp_path / "big.txt"
    paragraph = ("Die Regierung hat am Montag neue Maßnahmen beschlossen, um die Inflation zu bekämpfen. " * 20 + "\n\n").encode()
    with open(path, "wb") as handle:
        handle.write(paragraph * (50_000_000 // len(paragraph) + 1))
    assert path.stat().st_size >= 50_000_000
    decoded, truncated = read_text_file(path, max_chars=config.MAX_CHARS_PER_DOCUMENT)
    assert truncated
    assert config.MAX_CHARS_PER_DOCUMENT - 1000 < len(decoded.text) <= config.MAX_CHARS_PER_DOCUMENT
    assert decoded.text.startswith("Die Regierung hat am Montag")
    assert not decoded.text.endswith("Maßnahm")  # cut at a space, not inside a word


def test_cut_multibyte_character_at_read_limit_is_not_an_error(tmp_path):
    path = tmp_path / "cyr.txt"
    path.write_text("Привет мир " * 100, encoding="utf-8")
    decoded, truncated = read_text_file(path, max_chars=101)
    assert truncated and decoded.encoding == "utf-8"
    assert "\ufffd" not in decoded.text and decoded.text.startswith("Привет мир")


# --------------------------------------------------------------------------- folders


def test_walk_skips_hidden_and_sidecar_and_sorts(make_corpus):
    root = make_corpus({"b/x.txt": "b", "a/x.txt": "a", ".hidden.txt": "h", ".git/config.txt": "g",
                        "metadata.csv": "path\n", "sub/metadata.csv": "path\n"})
    assert [rel for rel, _, _ in iter_folder(root)] == ["a/x.txt", "b/x.txt", "sub/metadata.csv"]


def test_symlink_loops_are_reported_not_followed(make_corpus):
    root = make_corpus({"en/a.txt": "text"})
    os.symlink("..", root / "en" / "up")  # directory loop
    os.symlink("self.txt", root / "self.txt")  # link to itself
    entries = {rel: problem for rel, _, problem in iter_folder(root)}
    assert entries == {"en/a.txt": None, "en/up": "symlink loop", "self.txt": "symlink loop"}


def test_listing_leaves_reading_to_read_item(make_corpus):
    files = {"en/a.txt": TEXT, "it/b.txt": "Titolo\n\nCosì è, perché sì.".encode("cp1252"), "c.txt": PDF,
             "d.docx": b"PK\x03\x04", "metadata.csv": "path,title\nen/a.txt,Given title\n"}
    root = make_corpus(files)
    items, warnings = list_folder(root)
    assert warnings == []
    assert [(i.path, i.status, i.text) for i in items] == [
        ("c.txt", "ok", None), ("d.docx", "skipped", None), ("en/a.txt", "ok", None), ("it/b.txt", "ok", None)]
    assert items[1].reason == "unsupported type .docx" and items[1].file is None
    assert items[2].title == "Given title" and items[2].bytes == len(TEXT.encode("utf-8"))
    for item in items:
        assert read_item(item) is item and item.file is None
    assert (items[0].status, items[0].reason) == ("skipped", "binary (PDF document)")
    assert (items[2].text, items[2].encoding) == (TEXT, "utf-8")
    assert (items[3].text, items[3].encoding) == ("Titolo\n\nCosì è, perché sì.", "cp1252")
    assert read_folder(root) == (items, [])
    assert read_corpus(root, read_files=False)[0] == list_folder(root)[0]


def test_read_item_of_a_file_gone_since_listing(make_corpus):
    root = make_corpus({"a.txt": TEXT})
    items, _ = list_folder(root)
    (root / "a.txt").unlink()
    assert read_item(items[0]).status == "skipped" and items[0].reason.startswith("unreadable")


def test_sidecar_metadata_rules(make_corpus, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("never read me")
    root = make_corpus({
        "a.txt": "Title A\n\nBody of a.",
        "nested/b.txt": "Body of b.",
        "metadata.csv": (
            "path,title,date,source,url\n"
            "a.txt,Meta title,2022-02-24,Agency,https://example.org/a\n"
            "nested/b.txt,,yesterday-ish,,\n"
            "missing.txt,Ghost,2020,,\n"
            "../secret.txt,Leak,2020,,\n"
            "/etc/passwd,Leak,2020,,\n"
            "a.txt,Again,2021,,\n"
        ),
    })
    items, warnings = read_folder(root)
    by_path = {item.path: item for item in items}
    assert set(by_path) == {"a.txt", "nested/b.txt"}
    a = by_path["a.txt"]
    assert (a.title, a.date, a.source, a.url) == ("Meta title", "2022-02-24", "Agency", "https://example.org/a")
    assert by_path["nested/b.txt"].date == "yesterday-ish"  # kept raw; ingest reports it as not understood
    assert len(warnings) == 4
    assert "line 4" in warnings[0] and "no corpus file 'missing.txt'" in warnings[0]
    assert "'../secret.txt' is outside the corpus folder" in warnings[1]
    assert "'/etc/passwd' is outside the corpus folder" in warnings[2]
    assert "listed again" in warnings[3]
    assert all("never read me" not in (item.text or "") for item in items)


def test_sidecar_without_path_column_is_an_error(make_corpus):
    root = make_corpus({"a.txt": "x", "metadata.csv": "file,title\na.txt,T\n"})
    with pytest.raises(InputError, match=r"metadata.csv: no 'path' column \(found: file, title\)"):
        read_folder(root)


# --------------------------------------------------------------------------- tables


def test_csv_rows_become_items(tmp_path):
    path = tmp_path / "news.csv"
    frame = pd.DataFrame({"text": ["Erster Text.", None, "  "], "title": ["T1", "T2", "T3"], "date": ["2022-01-05", "", ""]})
    frame.to_csv(path, index=False)
    items = read_table(path)
    assert [(i.path, i.doc_id, i.status, i.reason) for i in items] == [
        ("news.csv:1", "news:1", "ok", None),
        ("news.csv:2", "news:2", "skipped", "missing text"),
        ("news.csv:3", "news:3", "skipped", "empty"),
    ]
    assert (items[0].text, items[0].title, items[0].date) == ("Erster Text.", "T1", "2022-01-05")


def test_csv_malformed_line_is_a_skipped_row(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text('doc_id,text\nx1,"Good one."\nx2,"Too",many,fields\nx3,"Also good."\n', encoding="utf-8")
    items = read_table(path)
    assert [(i.doc_id, i.status) for i in items] == [("x1", "ok"), ("bad:2", "skipped"), ("x3", "ok")]
    assert items[1].reason == "malformed line 3: expected 2 fields, found 4"


def test_tsv_and_missing_text_column(tmp_path):
    tsv = tmp_path / "a.tsv"
    tsv.write_text("title\ttext\nT\tSome body text.\n", encoding="utf-8")
    assert read_table(tsv)[0].text == "Some body text."
    bad = tmp_path / "b.csv"
    bad.write_text("title,body\nT,x\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"b.csv: no 'text' column \(found: title, body\)"):
        read_table(bad)


def test_jsonl_malformed_lines_and_null_text(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [json.dumps({"text": "Primo articolo.", "lang": "it"}), "{not json", "", json.dumps({"text": None}),
             json.dumps(["a", "list"]), json.dumps({"title": "no text key"})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read_table(path)
    assert [(i.path, i.status, i.reason) for i in items] == [
        ("feed.jsonl:1", "ok", None),
        ("feed.jsonl:2", "skipped", "malformed line 2: Expecting property name enclosed in double quotes (column 2)"),
        ("feed.jsonl:4", "skipped", "missing text"),
        ("feed.jsonl:5", "skipped", "malformed line 5: not a JSON object"),
        ("feed.jsonl:6", "skipped", "missing text"),
    ]
    assert items[0].lang == "it"


def test_jsonl_without_any_text_key_is_an_error(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"body": "x", "title": "y"}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"no 'text' column \(found: body, title\)"):
        read_table(path)


def test_parquet_with_doc_ids(tmp_path):
    path = tmp_path / "c.parquet"
    pd.DataFrame({"doc_id": ["b", "a"], "text": ["Uno.", "Due."], "date": pd.to_datetime(["2022-01-01", None])}).to_parquet(path)
    items = read_table(path)
    assert [(i.doc_id, i.text) for i in items] == [("b", "Uno."), ("a", "Due.")]
    assert items[0].date == pd.Timestamp("2022-01-01") and items[1].date is None


def test_duplicate_doc_ids_are_an_error(tmp_path):
    path = tmp_path / "d.csv"
    path.write_text("doc_id,text\nx,One.\nx,Two.\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"doc_id values are not unique \('x'\)"):
        read_table(path)


def test_corpus_path_errors(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        read_corpus(tmp_path / "nowhere")
    docx = tmp_path / "file.docx"
    docx.write_bytes(b"PK\x03\x04")
    with pytest.raises(InputError, match=r"unsupported type \.docx"):
        read_corpus(docx)
