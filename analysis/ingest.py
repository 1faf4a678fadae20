"""Ingestion: a corpus folder or file in, the ``documents`` and ``ingest_report`` tables out.

Steps: read and decode every item (:mod:`analysis.sources`), normalise the text, take a
date header and the title line off, drop boilerplate lines by rule (:mod:`analysis.textclean`),
group exact and near duplicates (:mod:`analysis.dedup`), drop lines repeated across at
least ``boilerplate_min_docs`` independent documents, drop too-short documents, and detect
languages (:mod:`analysis.langid`). Every input item gets exactly one report row.
"""
from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
from tqdm.auto import tqdm

from analysis import config
from analysis.dedup import match_signatures, text_signature
from analysis.errors import ParameterError
from analysis.langid import detect_languages, validate_languages
from analysis.sources import RawDocument, html_to_article, read_corpus, read_item
from analysis.textclean import (
    count_words,
    line_key_hashes,
    normalize_text,
    parse_date,
    remove_boilerplate,
    remove_lines,
    repeated_line_hashes,
    split_header,
    split_title,
)

log = logging.getLogger(__name__)

DOCUMENT_COLUMNS = [
    "doc_id", "path", "title", "text", "lang", "lang_confidence", "date", "date_precision", "date_source",
    "n_words", "duplicate_of", "story_id", "source", "url", "removed_lines", "mixed_language",
    "paragraph_langs", "encoding", "truncated",
]
REPORT_COLUMNS = ["path", "status", "reason", "doc_id", "bytes"]
CLEANING_CHUNK = 2_000


@dataclass
class _Document:
    item: RawDocument
    title: str = ""
    text: str = ""
    removed: list[str] = field(default_factory=list)
    date: pd.Timestamp = pd.NaT
    date_precision: str | None = None
    date_source: str | None = None
    notes: list[str] = field(default_factory=list)
    duplicate_of: str | None = None
    duplicate_reason: str | None = None
    n_words: int = 0
    signature: tuple[str, np.ndarray] | None = None  # for near-duplicate search, made with the cleaning
    line_keys: np.ndarray | None = None  # for corpus boilerplate, made with the cleaning (line_key_hashes)


def _check_parameters(min_words: int, near_duplicate_threshold: float, boilerplate_min_docs: int) -> None:
    if isinstance(min_words, bool) or not isinstance(min_words, int) or min_words < 0:
        raise ParameterError(f"min_words must be a whole number >= 0, got {min_words!r}")
    if isinstance(near_duplicate_threshold, bool) or not isinstance(near_duplicate_threshold, int | float) or not (
        0 < near_duplicate_threshold <= 1
    ):
        raise ParameterError(f"near_duplicate_threshold must be a number in (0, 1], got {near_duplicate_threshold!r}")
    if isinstance(boilerplate_min_docs, bool) or not isinstance(boilerplate_min_docs, int) or boilerplate_min_docs < 2:
        raise ParameterError(f"boilerplate_min_docs must be a whole number >= 2, got {boilerplate_min_docs!r}")


def _prepare(item: RawDocument) -> _Document | str:
    """Clean one readable item; returns the document or the reason it is skipped."""
    doc = _Document(item)
    raw = item.text or ""
    html_title = html_date = None
    if item.is_html:
        raw, html_title, html_date = html_to_article(raw)
        if not raw.strip():
            return "empty (no article text found in the HTML)"
        if len(raw) > config.MAX_CHARS_PER_DOCUMENT:
            raw, item.truncated = raw[: config.MAX_CHARS_PER_DOCUMENT], True
    text = normalize_text(raw)
    if not text:
        return "empty"
    text, header = split_header(text)
    given_title = item.title or (normalize_text(html_title) if html_title else None)
    title_line = None
    if not given_title:
        title_line, text = split_title(text)
    if header.removed is None:
        text, header = split_header(text)
    if header.removed:
        doc.removed.append(header.removed)
    doc.title = given_title or title_line or ""
    cleaned = remove_boilerplate(text, title=doc.title or None)
    doc.text, doc.removed = cleaned.text, doc.removed + cleaned.removed
    doc.n_words = count_words(doc.text)
    doc.signature = text_signature(doc.text)
    doc.line_keys = line_key_hashes(doc.text)
    _set_date(doc, header.date, header.precision, html_date)
    if item.truncated:
        doc.notes.append(f"truncated to the first {config.MAX_CHARS_PER_DOCUMENT} characters")
    return doc


def prepare_items(items: list[RawDocument]) -> list[_Document | str]:
    """Read (if not yet read) and clean each item; an item that is unreadable or cannot be processed gives
    the reason it is skipped."""
    prepared: list[_Document | str] = []
    for item in items:
        read_item(item)
        if item.status != "ok":
            prepared.append(item.reason)
            continue
        try:
            prepared.append(_prepare(item))
        except Exception as error:  # one bad file never stops a run; the log keeps the traceback
            log.warning("%s: cannot be processed", item.path, exc_info=True)
            prepared.append(f"unprocessable ({type(error).__name__}: {error})")
        item.text = None  # not needed again (and not sent back from a forked worker)
    return prepared


def _set_date(doc: _Document, header_date: pd.Timestamp, header_precision: str | None, html_date: str | None) -> None:
    item = doc.item
    if item.date is not None:
        stamp, precision = parse_date(item.date)
        if precision:
            doc.date, doc.date_precision, doc.date_source = stamp, precision, "metadata"
            return
        doc.notes.append(f"date {str(item.date)!r} from {item.date_from} not understood; ignored")
    if html_date:
        stamp, precision = parse_date(html_date)
        if precision:
            doc.date, doc.date_precision, doc.date_source = stamp, precision, "metadata"
            return
    if header_precision:
        doc.date, doc.date_precision, doc.date_source = header_date, header_precision, "header"


def _assign_duplicates(docs: list[_Document], threshold: float, progress: bool) -> None:
    if not docs:
        return
    found = match_signatures(
        [d.item.doc_id for d in docs], [d.signature for d in docs], threshold=threshold, progress=progress
    )
    for doc in docs:
        doc.signature = None
    by_id = {d.item.doc_id: d for d in docs}
    for row in found.itertuples(index=False):
        if row.duplicate_of is None:
            continue
        doc = by_id[row.doc_id]
        doc.duplicate_of = row.duplicate_of
        doc.duplicate_reason = (
            f"duplicate of {row.duplicate_of}" if row.kind == "exact"
            else f"near-duplicate of {row.duplicate_of} (similarity {row.similarity:.2f})"
        )


def _regroup_after_filter(docs: list[_Document]) -> None:
    """Point copies at the first surviving member of their group when the original was dropped."""
    surviving = {d.item.doc_id for d in docs}
    leader_of: dict[str, str] = {}
    for doc in sorted(docs, key=lambda d: d.item.doc_id):
        root = doc.duplicate_of or doc.item.doc_id
        if root in surviving:
            continue
        leader = leader_of.setdefault(root, doc.item.doc_id)
        if leader == doc.item.doc_id:
            doc.duplicate_of = doc.duplicate_reason = None
        else:
            doc.duplicate_of = leader
            doc.duplicate_reason = f"near-duplicate of {leader} (both copies of the dropped {root})"


def _empty_documents() -> pd.DataFrame:
    dtypes = {"date": "datetime64[ns]", "lang_confidence": "float64", "n_words": "int64", "mixed_language": "bool",
              "truncated": "bool"}
    return pd.DataFrame({column: pd.Series(dtype=dtypes.get(column, "object")) for column in DOCUMENT_COLUMNS})


def ingest(
    corpus: str | Path,
    *,
    languages: Sequence[str] = config.DEFAULT_LANGUAGES,
    min_words: int = 20,
    near_duplicate_threshold: float = 0.9,
    boilerplate_min_docs: int = 5,
    progress: bool = False,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read, clean, deduplicate and language-tag a corpus; return ``(documents, ingest_report)``.

    ``documents`` holds loaded documents and duplicates (``duplicate_of`` set), sorted by
    ``doc_id``; ``ingest_report`` has one row per input item (status loaded | duplicate | skipped
    and a reason; for loaded items the reason is None unless there is a note such as
    truncation, an outside language or an unusable metadata date). Corpus-level warnings
    (unusable metadata.csv rows) are in ``.attrs["warnings"]`` of both tables and logged.
    A corpus without usable documents gives an empty ``documents`` table, not an error.

    A document in a language outside ``languages`` stays loaded: its ``lang`` is the closest
    configured language, ``lang_confidence`` is low and the report notes "language xx outside
    configured set" (see :mod:`analysis.langid`). A ``lang`` given by metadata wins over detection
    (confidence 1.0). Dates: metadata (sidecar, ``date`` column, HTML meta) before a text header.
    """
    _check_parameters(min_words, near_duplicate_threshold, boilerplate_min_docs)
    codes = validate_languages(languages)
    items, warnings = read_corpus(corpus, read_files=False, progress=progress)  # files are read with the cleaning
    for warning in warnings:
        log.warning("%s: %s", corpus, warning)

    outcome: dict[int, tuple[str, str | None]] = {}
    docs: list[_Document] = []
    # Chunk by chunk (in parallel, with processes): the raw texts of a chunk are freed before the next is read.
    chunks = (prepare_items(items[start:start + CLEANING_CHUNK]) for start in range(0, len(items), CLEANING_CHUNK))
    cleaned = tqdm((prepared for chunk in chunks for prepared in chunk), total=len(items), desc="reading and cleaning",
                   disable=not progress, unit="item")
    for index, (item, prepared) in enumerate(zip(items, cleaned)):
        item.text = None  # a table corpus's raw text, read up front, is not needed again
        if not isinstance(prepared, _Document):
            outcome[index] = ("skipped", prepared)
            continue
        # the same object as in `items`: a forked worker read the file into a copy
        item.encoding, item.truncated = prepared.item.encoding, prepared.item.truncated
        prepared.item = item
        docs.append(prepared)

    def too_short(doc: _Document) -> bool:
        return doc.n_words < max(min_words, 1)

    index_of = {id(item): index for index, item in enumerate(items)}
    kept: list[_Document] = []
    for doc in docs:
        if too_short(doc):
            outcome[index_of[id(doc.item)]] = ("skipped", _short_reason(doc.n_words, min_words))
        else:
            kept.append(doc)
    _assign_duplicates(kept, near_duplicate_threshold, progress)

    repeated = set(repeated_line_hashes((d.line_keys for d in kept if d.duplicate_of is None),
                                        min_docs=boilerplate_min_docs).tolist())
    survivors: list[_Document] = []
    for doc in kept:
        has_repeated_line = not repeated.isdisjoint(doc.line_keys.tolist())
        doc.line_keys = None
        if has_repeated_line:
            cleaned = remove_lines(doc.text, repeated)
            if cleaned.removed:
                doc.text = cleaned.text
                doc.removed.extend(cleaned.removed)
                doc.n_words = count_words(doc.text)
        if too_short(doc):
            outcome[index_of[id(doc.item)]] = ("skipped", _short_reason(doc.n_words, min_words))
        else:
            survivors.append(doc)
    _regroup_after_filter(survivors)

    langs = detect_languages([d.text for d in survivors], languages=codes, progress=progress)
    rows = []
    for doc, lang_row in zip(survivors, langs.itertuples(index=False)):
        lang, confidence = lang_row.lang, lang_row.lang_confidence
        given = (doc.item.lang or "").strip().lower() or None
        if given:
            lang, confidence = given, 1.0
            outside = given if given not in codes else None
        else:
            outside = lang_row.outside_language
        if outside:
            doc.notes.append(f"language {outside} outside configured set")
        status = "duplicate" if doc.duplicate_of else "loaded"
        reason = doc.duplicate_reason if doc.duplicate_of else None
        notes = "; ".join(doc.notes) or None
        outcome[index_of[id(doc.item)]] = (status, "; ".join(filter(None, [reason, notes])) or None)
        rows.append(
            {
                "doc_id": doc.item.doc_id,
                "path": doc.item.path,
                "title": doc.title,
                "text": doc.text,
                "lang": lang,
                "lang_confidence": float(confidence),
                "date": doc.date,
                "date_precision": doc.date_precision,
                "date_source": doc.date_source,
                "n_words": doc.n_words,
                "duplicate_of": doc.duplicate_of,
                "story_id": None,
                "source": doc.item.source,
                "url": doc.item.url,
                "removed_lines": list(doc.removed),
                "mixed_language": bool(lang_row.mixed_language),
                "paragraph_langs": list(lang_row.paragraph_langs),
                "encoding": doc.item.encoding,
                "truncated": bool(doc.item.truncated),
            }
        )
    documents = _documents_frame(rows)
    report = pd.DataFrame(
        [
            {"path": item.path, "status": outcome[i][0], "reason": outcome[i][1], "doc_id": item.doc_id, "bytes": int(item.bytes)}
            for i, item in enumerate(items)
        ],
        columns=REPORT_COLUMNS,
        dtype=object,
    ).astype({"bytes": "int64"})
    documents.attrs["warnings"] = list(warnings)
    report.attrs["warnings"] = list(warnings)
    return documents, report


def _short_reason(n_words: int, min_words: int) -> str:
    return "empty after cleaning" if n_words == 0 else f"too short ({n_words} words < min_words {min_words})"


def _documents_frame(rows: list[dict]) -> pd.DataFrame:
    if not rows:
        return _empty_documents()
    # object columns keep None for missing values (pandas' string dtype would turn them into NaN)
    frame = pd.DataFrame(rows, columns=DOCUMENT_COLUMNS, dtype=object)
    frame["date"] = pd.to_datetime(frame["date"]).astype("datetime64[ns]")
    frame = frame.astype({"n_words": "int64", "lang_confidence": "float64", "mixed_language": "bool", "truncated": "bool"})
    return frame.sort_values("doc_id", kind="stable").reset_index(drop=True)
