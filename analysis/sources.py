"""Finding the input items of a corpus and turning their bytes into text.

A corpus is a folder (recursively ``.txt``, ``.md``, ``.html``/``.htm``, optional
``metadata.csv`` sidecar) or one ``.csv``/``.tsv``/``.jsonl``/``.parquet`` file. Every item
becomes one :class:`RawDocument`, readable or not, so the caller can report each exactly once.
Reading is bounded: at most a few bytes per kept character are read from any file, so a
50 MB article costs no more memory than a 200,000-character one.
"""
from __future__ import annotations

import codecs
import csv
import errno
import json
import os
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import pandas as pd
from tqdm.auto import tqdm

from analysis import config
from analysis.errors import InputError
from analysis.textclean import repair_mojibake

TEXT_SUFFIXES = frozenset({".txt", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
FOLDER_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES
TABULAR_SUFFIXES = frozenset({".csv", ".tsv", ".jsonl", ".parquet"})
METADATA_FILENAME = "metadata.csv"
METADATA_FIELDS = ("title", "date", "source", "url", "lang")
TABULAR_FIELDS = ("text", "title", "date", "source", "url", "lang", "doc_id")

# Bytes read per kept character: UTF-8 needs at most 4; HTML carries markup around the text.
_TEXT_BYTES_PER_CHAR = 4
_HTML_BYTES_PER_CHAR = 20

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"%PDF-", "PDF document"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"PK\x03\x04", "ZIP archive or office document"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy office document"),
    (b"\x7fELF", "executable"),
    (b"RIFF", "audio/video/image container"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SNIFF_BYTES = 8192
_MAX_CONTROL_SHARE = 0.05
_MAX_REPLACEMENT_SHARE = 0.05
_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_HTML_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]{2,40})""", re.IGNORECASE)


@dataclass
class Decoded:
    text: str | None
    encoding: str | None
    reason: str | None = None  # why there is no text ("binary (PNG image)", "undecodable ...")


@dataclass
class RawDocument:
    """One input item before cleaning; ``status`` is "ok" or "skipped" (with ``reason``)."""

    path: str
    doc_id: str | None
    text: str | None = None
    status: str = "ok"
    reason: str | None = None
    bytes: int = 0
    encoding: str | None = None
    truncated: bool = False
    is_html: bool = False
    title: str | None = None
    date: Any = None
    date_from: str | None = None  # where ``date`` came from, e.g. "metadata.csv", "html"
    source: str | None = None
    url: str | None = None
    lang: str | None = None
    file: str | None = None  # a folder item's file while it is still to be read (see read_item)

    def skip(self, reason: str) -> RawDocument:
        self.status, self.reason, self.text, self.file = "skipped", reason, None, None
        return self


# --------------------------------------------------------------------------- decoding


def _utf16_without_bom(sample: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NULs sit on one byte parity, as in ASCII-heavy UTF-16."""
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even_nuls = sample[0 : pairs * 2 : 2].count(0) / pairs
    odd_nuls = sample[1 : pairs * 2 : 2].count(0) / pairs
    if odd_nuls >= 0.3 and even_nuls <= 0.05:
        return "utf-16-le"
    if even_nuls >= 0.3 and odd_nuls <= 0.05:
        return "utf-16-be"
    return None


def _decode(data: bytes, encoding: str, complete: bool, errors: str = "strict") -> str:
    decoder = codecs.getincrementaldecoder(encoding)(errors=errors)
    return decoder.decode(data, final=complete)


def decode_bytes(data: bytes, *, complete: bool = True) -> Decoded:
    """Decode file bytes: BOMs, UTF-16 without BOM, UTF-8, then cp1252/latin-1 plus mojibake repair.

    ``complete=False`` means ``data`` is a prefix of a longer file (a cut multi-byte
    character at the end is then not an error). Binary content gives ``text=None`` and a reason.
    """
    if not data:
        return Decoded(None, None, "empty")
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return Decoded(None, None, f"binary ({kind})")
    text: str | None = None
    encoding: str | None = None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            encoding = codec
            try:
                text = _decode(data, codec, complete)
            except UnicodeDecodeError:
                if codec == "utf-8-sig":  # a BOM in front of legacy 8-bit text
                    text, encoding = _decode_legacy(data[len(bom):], complete)
                else:
                    text = _decode(data, codec, complete, errors="replace")
            break
    if text is None:
        sample = data[:_SNIFF_BYTES]
        if b"\x00" in sample:
            encoding = _utf16_without_bom(sample)
            if encoding is None:
                return Decoded(None, None, "binary (NUL bytes)")
            text = _decode(data, encoding, complete, errors="replace")
    if text is None:
        try:
            text, encoding = _decode(data, "utf-8", complete), "utf-8"
        except UnicodeDecodeError:
            text, encoding = _decode_legacy(data, complete)
    head = text[:_SNIFF_BYTES]
    if head and len(_CONTROL_CHARS.findall(head)) / len(head) > _MAX_CONTROL_SHARE:
        return Decoded(None, None, "binary (control characters)")
    if head and head.count("\ufffd") / len(head) > _MAX_REPLACEMENT_SHARE:
        return Decoded(None, encoding, f"undecodable (too many invalid {encoding} sequences)")
    return Decoded(repair_mojibake(text), encoding)


def _decode_legacy(data: bytes, complete: bool) -> tuple[str, str]:
    """UTF-8 with a few bad bytes stays UTF-8 (bad bytes -> U+FFFD) when it has at least as many valid
    multi-byte characters as bad bytes (legacy 8-bit text almost never forms valid UTF-8 sequences);
    otherwise cp1252, or latin-1 when cp1252 cannot decode it."""
    lenient = _decode(data, "utf-8", complete, errors="replace")
    invalid = lenient.count("\ufffd")
    valid_non_ascii = sum(1 for ch in lenient if ord(ch) > 0x7F) - invalid
    if valid_non_ascii >= invalid:
        return lenient, f"utf-8 ({invalid} invalid bytes replaced)"
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _cut(text: str, max_chars: int) -> str:
    if len(text) <= max_chars:
        return text
    space = text.rfind(" ", max_chars - 1000, max_chars)
    return text[: space if space > 0 else max_chars]


def read_text_file(path: Path, *, max_chars: int = config.MAX_CHARS_PER_DOCUMENT, is_html: bool = False) -> tuple[Decoded, bool]:
    """Decode at most ``max_chars`` characters of a file; returns ``(decoded, truncated)``."""
    max_bytes = max_chars * (_HTML_BYTES_PER_CHAR if is_html else _TEXT_BYTES_PER_CHAR) + 16
    with open(path, "rb") as handle:
        data = handle.read(max_bytes + 1)
    complete = len(data) <= max_bytes
    data = data[:max_bytes]
    if is_html:
        declared = _HTML_CHARSET.search(data[:4096])
        if declared:
            try:
                codec = codecs.lookup(declared.group(1).decode("ascii")).name
                return Decoded(_decode(data, codec, complete, errors="replace"), codec), not complete
            except (LookupError, UnicodeDecodeError):
                pass
    decoded = decode_bytes(data, complete=complete)
    truncated = not complete
    if decoded.text is not None and not is_html and len(decoded.text) > max_chars:
        decoded.text, truncated = _cut(decoded.text, max_chars), True
    return decoded, truncated


def html_to_article(html: str) -> tuple[str, str | None, str | None]:
    """Article text, title and date of an HTML page (trafilatura); text is "" when none is found."""
    import trafilatura

    result = trafilatura.bare_extraction(
        html,
        include_comments=False,
        include_tables=False,
        with_metadata=True,
        favor_precision=True,
        # only dates declared in the markup: a date guessed from the body text is not metadata
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if result is None:
        return "", None, None
    get = result.get if isinstance(result, dict) else lambda key: getattr(result, key, None)
    return get("text") or "", get("title"), get("date")


# --------------------------------------------------------------------------- folder corpora


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


def iter_folder(root: Path) -> Iterator[tuple[str, Path, str | None]]:
    """``(relative posix path, path, problem or None)`` for every non-hidden file under ``root``.

    Directory symlinks are followed once; one that leads back to a folder already walked is
    reported as a "symlink loop" item instead of being entered.
    """
    root = Path(root)
    root_real = os.path.realpath(root)
    visited = {root_real}
    for current, dirnames, filenames in os.walk(root, followlinks=True):
        dirnames[:] = sorted(d for d in dirnames if not _is_hidden(d))
        for name in list(dirnames):
            full = os.path.join(current, name)
            real = os.path.realpath(full)
            if real in visited:
                dirnames.remove(name)
                yield _relative(root, full), Path(full), "symlink loop"
            else:
                visited.add(real)
        for name in sorted(filenames):
            if _is_hidden(name):
                continue
            full = os.path.join(current, name)
            rel = _relative(root, full)
            if rel == METADATA_FILENAME:
                continue
            problem = None
            try:
                os.stat(full)
            except OSError as error:
                problem = "symlink loop" if error.errno == errno.ELOOP else f"unreadable ({error.strerror})"
            yield rel, Path(full), problem


def _relative(root: Path, full: str) -> str:
    return PurePosixPath(Path(os.path.relpath(full, root)).as_posix()).as_posix()


def folder_doc_id(rel: str) -> str:
    """``de/article2210.txt`` -> ``de/article2210``."""
    path = PurePosixPath(rel)
    return path.with_suffix("").as_posix() if path.suffix else path.as_posix()


def _is_missing(value: Any) -> bool:
    return value is None or (pd.api.types.is_scalar(value) and bool(pd.isna(value)))


def _clean_cell(value: Any) -> str | None:
    if _is_missing(value):
        return None
    text = str(value).strip()
    return text or None


def read_metadata(root: Path, known: set[str]) -> tuple[dict[str, dict[str, str | None]], list[str]]:
    """Rows of ``root/metadata.csv`` keyed by relative path, and warnings for rows that cannot be used.

    Paths that are absolute or leave the corpus folder (``../../etc/passwd``) are ignored and
    never opened; paths naming no corpus file and repeated paths are reported.
    """
    sidecar = Path(root) / METADATA_FILENAME
    if not sidecar.is_file():
        return {}, []
    with open(sidecar, encoding="utf-8-sig", errors="replace", newline="") as handle:
        reader = csv.DictReader(handle)
        columns = [c.strip().lower() for c in (reader.fieldnames or [])]
        if "path" not in columns:
            raise InputError(
                f"{sidecar}: no 'path' column (found: {', '.join(columns) or 'none'}); add a 'path' column "
                "with each file's path relative to the corpus folder"
            )
        reader.fieldnames = columns
        rows = [(reader.line_num, row) for row in reader]
    root_real = Path(os.path.realpath(root))
    metadata: dict[str, dict[str, str | None]] = {}
    warnings: list[str] = []
    for line, row in rows:
        raw_path = _clean_cell(row.get("path"))
        if raw_path is None:
            warnings.append(f"{METADATA_FILENAME} line {line}: empty path; row ignored")
            continue
        posix = raw_path.replace("\\", "/")
        candidate = Path(os.path.realpath(root_real / posix))
        if PurePosixPath(posix).is_absolute() or re.match(r"^[A-Za-z]:", posix) or not candidate.is_relative_to(root_real):
            warnings.append(f"{METADATA_FILENAME} line {line}: path {raw_path!r} is outside the corpus folder; row ignored")
            continue
        rel = os.path.normpath(posix).replace(os.sep, "/")
        if rel not in known:
            warnings.append(f"{METADATA_FILENAME} line {line}: no corpus file {raw_path!r}; row ignored")
            continue
        if rel in metadata:
            warnings.append(f"{METADATA_FILENAME} line {line}: {raw_path!r} listed again; first row kept")
            continue
        metadata[rel] = {name: _clean_cell(row.get(name)) for name in METADATA_FIELDS}
    return metadata, warnings


def list_folder(root: Path, *, progress: bool = False) -> tuple[list[RawDocument], list[str]]:
    """Every item of a folder corpus with its metadata, files not yet read (:func:`read_item` reads
    one); returns ``(items, corpus warnings)``. Unsupported and unreadable entries are already skipped."""
    entries = list(iter_folder(root))
    known = {rel for rel, _, problem in entries if problem is None}
    metadata, warnings = read_metadata(root, known)
    items = []
    for rel, path, problem in tqdm(entries, desc="listing", disable=not progress, unit="file"):
        item = RawDocument(path=rel, doc_id=folder_doc_id(rel))
        if problem:
            items.append(item.skip(problem))
            continue
        try:
            item.bytes = path.stat().st_size
        except OSError as error:
            items.append(item.skip(f"unreadable ({error.strerror or error})"))
            continue
        suffix = path.suffix.lower()
        if suffix not in FOLDER_SUFFIXES:
            items.append(item.skip(f"unsupported type {suffix or '(no extension)'}"))
            continue
        item.is_html = suffix in HTML_SUFFIXES
        item.file = str(path)
        meta = metadata.get(rel, {})
        item.title, item.source, item.url, item.lang = (meta.get(k) for k in ("title", "source", "url", "lang"))
        if meta.get("date"):
            item.date, item.date_from = meta["date"], METADATA_FILENAME
        items.append(item)
    return items, warnings


def read_item(item: RawDocument, *, max_chars: int = config.MAX_CHARS_PER_DOCUMENT) -> RawDocument:
    """Read a listed folder item's file into ``text`` (or skip the item, with the reason); returns the item."""
    if item.file is None:
        return item
    try:
        decoded, item.truncated = read_text_file(Path(item.file), max_chars=max_chars, is_html=item.is_html)
    except OSError as error:
        return item.skip(f"unreadable ({error.strerror or error})")
    item.file, item.encoding = None, decoded.encoding
    if decoded.text is None:
        return item.skip(decoded.reason or "undecodable")
    item.text = decoded.text
    return item


def read_folder(
    root: Path, *, max_chars: int = config.MAX_CHARS_PER_DOCUMENT, progress: bool = False
) -> tuple[list[RawDocument], list[str]]:
    """Read every item of a folder corpus; returns ``(items, corpus warnings)``."""
    items, warnings = list_folder(root)
    for item in tqdm(items, desc="reading", disable=not progress, unit="file"):
        read_item(item, max_chars=max_chars)
    return items, warnings


# --------------------------------------------------------------------------- tabular corpora


def _row_document(
    source_name: str, stem: str, row_number: int, record: dict[str, Any], max_chars: int
) -> RawDocument:
    doc_id = _clean_cell(record.get("doc_id")) or f"{stem}:{row_number}"
    item = RawDocument(path=f"{source_name}:{row_number}", doc_id=doc_id)
    raw_text = record.get("text")
    if _is_missing(raw_text) or raw_text == "":
        return item.skip("missing text")
    text = raw_text if isinstance(raw_text, str) else str(raw_text)
    item.bytes = len(text.encode("utf-8", errors="replace"))
    if not text.strip():
        return item.skip("empty")
    if len(text) > max_chars:
        text, item.truncated = _cut(text, max_chars), True
    item.text = repair_mojibake(text)
    item.title, item.source, item.url, item.lang = (_clean_cell(record.get(k)) for k in ("title", "source", "url", "lang"))
    date = record.get("date")
    if not _is_missing(date) and (isinstance(date, pd.Timestamp) or _clean_cell(date) is not None):
        item.date, item.date_from = date, "date column"
    return item


def _require_text_column(path: Path, columns: list[str]) -> None:
    if "text" not in columns:
        raise InputError(
            f"{path}: no 'text' column (found: {', '.join(map(str, columns)) or 'none'}); "
            "rename the column holding the article text to 'text'"
        )


def _sniff_encoding(path: Path) -> str:
    with open(path, "rb") as handle:
        head = handle.read(65536)
    decoded = decode_bytes(head, complete=False)
    if decoded.encoding is None:
        raise InputError(f"{path}: not a text file ({decoded.reason}); give a UTF-8 CSV/TSV file")
    return decoded.encoding.split(" ")[0]


def _read_delimited(path: Path, max_chars: int) -> list[RawDocument]:
    encoding = _sniff_encoding(path)
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    csv.field_size_limit(min(sys.maxsize, max(max_chars * 8, 1 << 20)))
    items: list[RawDocument] = []
    with open(path, encoding=encoding, errors="replace", newline="") as handle:
        reader = csv.reader(handle, delimiter=delimiter)
        try:
            header = [name.strip().lower() for name in next(reader)]
        except StopIteration:
            header = []
        _require_text_column(path, header)
        row_number = 0
        while True:
            try:
                fields = next(reader)
            except StopIteration:
                break
            except csv.Error as error:
                row_number += 1
                items.append(RawDocument(path=f"{path.name}:{row_number}", doc_id=f"{path.stem}:{row_number}").skip(
                    f"malformed line {reader.line_num}: {error}"))
                continue
            if not fields:
                continue
            row_number += 1
            if len(fields) != len(header):
                items.append(RawDocument(path=f"{path.name}:{row_number}", doc_id=f"{path.stem}:{row_number}").skip(
                    f"malformed line {reader.line_num}: expected {len(header)} fields, found {len(fields)}"))
                continue
            items.append(_row_document(path.name, path.stem, row_number, dict(zip(header, fields)), max_chars))
    return items


def _read_jsonl(path: Path, max_chars: int) -> list[RawDocument]:
    encoding = _sniff_encoding(path)
    items: list[RawDocument] = []
    keys_seen: set[str] = set()
    with open(path, encoding=encoding, errors="replace") as handle:
        for line_number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                reason = f"malformed line {line_number}: {error.msg} (column {error.colno})"
                items.append(RawDocument(path=f"{path.name}:{line_number}", doc_id=f"{path.stem}:{line_number}").skip(reason))
                continue
            if not isinstance(record, dict):
                items.append(RawDocument(path=f"{path.name}:{line_number}", doc_id=f"{path.stem}:{line_number}").skip(
                    f"malformed line {line_number}: not a JSON object"))
                continue
            record = {str(k).strip().lower(): v for k, v in record.items()}
            keys_seen.update(record)
            items.append(_row_document(path.name, path.stem, line_number, record, max_chars))
    if keys_seen:
        _require_text_column(path, sorted(keys_seen))
    return items


def _read_parquet(path: Path, max_chars: int) -> list[RawDocument]:
    try:
        frame = pd.read_parquet(path)
    except Exception as error:  # pyarrow raises several types for damaged files
        raise InputError(f"{path}: cannot read as parquet ({error}); re-export the file") from error
    frame.columns = [str(c).strip().lower() for c in frame.columns]
    _require_text_column(path, list(frame.columns))
    columns = [c for c in TABULAR_FIELDS if c in frame.columns]
    return [
        _row_document(path.name, path.stem, number, record, max_chars)
        for number, record in enumerate(frame[columns].to_dict("records"), start=1)
    ]


def read_table(path: Path, *, max_chars: int = config.MAX_CHARS_PER_DOCUMENT) -> list[RawDocument]:
    """Rows of a ``.csv``/``.tsv``/``.jsonl``/``.parquet`` corpus as items (one per row or line)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv"):
        items = _read_delimited(path, max_chars)
    elif suffix == ".jsonl":
        items = _read_jsonl(path, max_chars)
    else:
        items = _read_parquet(path, max_chars)
    counts = Counter(item.doc_id for item in items)
    duplicated = sorted(doc_id for doc_id, n in counts.items() if n > 1)
    if duplicated:
        raise InputError(
            f"{path}: doc_id values are not unique ({', '.join(map(repr, duplicated[:5]))}"
            f"{' ...' if len(duplicated) > 5 else ''}); make them unique or drop the doc_id column"
        )
    return items


def read_corpus(
    corpus: str | Path, *, max_chars: int = config.MAX_CHARS_PER_DOCUMENT, read_files: bool = True,
    progress: bool = False,
) -> tuple[list[RawDocument], list[str]]:
    """All items of a corpus folder or file, and corpus-level warnings (e.g. from metadata.csv).

    ``read_files=False`` only lists a folder's items: :func:`read_item` reads each one later (in a
    worker process, say), with its own ``max_chars``.
    """
    path = Path(corpus).expanduser()
    if not path.exists():
        raise InputError(f"corpus {str(corpus)!r} does not exist; give a folder or a .csv/.tsv/.jsonl/.parquet file")
    if path.is_dir():
        return read_folder(path, max_chars=max_chars, progress=progress) if read_files else list_folder(path, progress=progress)
    suffix = path.suffix.lower()
    if suffix not in TABULAR_SUFFIXES:
        raise InputError(
            f"corpus file {str(corpus)!r} has unsupported type {suffix or '(no extension)'}; "
            f"give a folder or one of {', '.join(sorted(TABULAR_SUFFIXES))}"
        )
    return read_table(path, max_chars=max_chars), []
