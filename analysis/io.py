"""Atomic, deterministic writing and reading of tables and files."""
from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

# Arrow's default allocator (mimalloc) keeps the memory a table read used after the table is
# gone; the system allocator hands it back, so a stage's peak is not raised by reading its inputs.
pa.set_memory_pool(pa.system_memory_pool())

PARQUET_ROWS_PER_WRITE = 5_000


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; rename it over ``target`` on success.

    A crash or kill leaves the previous file intact (or absent), never truncated.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    # The temporary name keeps the target's suffix (tools such as papermill check it).
    fd, tmp = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=f".tmp{target.suffix}", dir=target.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        os.chmod(tmp_path, 0o666 & ~_umask())  # mkstemp makes owner-only files; outputs are for sharing
        os.replace(tmp_path, target)
    finally:
        tmp_path.unlink(missing_ok=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_text(text: str, target: Path) -> Path:
    with atomic_path(target) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return Path(target)


def write_bytes(data: bytes, target: Path) -> Path:
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)
    return Path(target)


def write_json(obj: Any, target: Path) -> Path:
    return write_text(json.dumps(obj, indent=2, ensure_ascii=False, sort_keys=True, default=str) + "\n", target)


def write_parquet(df: pd.DataFrame, target: Path) -> Path:
    """Write ``df`` as parquet, byte-identical for identical frames.

    The pandas index is dropped and no creation timestamp or library version that
    changes between runs is embedded beyond pyarrow's fixed ``created_by``.
    """
    frame = df.reset_index(drop=True)
    # Converted and written a slice at a time under one schema (inferred from the whole frame):
    # a corpus-sized table never exists twice in memory, as Python objects and as Arrow buffers.
    schema = pa.Schema.from_pandas(frame, preserve_index=False)
    with atomic_path(target) as tmp:
        with pq.ParquetWriter(tmp, schema, compression="zstd", write_statistics=True) as writer:
            for start in range(0, max(len(frame), 1), PARQUET_ROWS_PER_WRITE):
                part = frame.iloc[start:start + PARQUET_ROWS_PER_WRITE]
                writer.write_table(pa.Table.from_pandas(part, schema=schema, preserve_index=False))
    return Path(target)


def read_parquet(path: Path) -> pd.DataFrame:
    return pd.read_parquet(path)


def remove_stale_temporaries(folder: Path) -> None:
    """Delete temporary files a killed run left behind (never a finished file)."""
    for path in Path(folder).glob(".*.tmp*"):
        path.unlink(missing_ok=True)


def text_values(values: pd.Series, *, max_chars: int | None = None) -> list[str]:
    """Values as a list of strings ("" when missing), cut to ``max_chars`` characters if given.

    Text columns are Arrow-backed: only the values asked for become Python strings, and a cap
    is applied in Arrow first, so ``text_values(documents["text"], max_chars=2000)`` never holds
    the full texts. (``fillna("").astype(str)`` would make a Python copy of every text.)
    """
    cut_in_arrow = max_chars is not None and isinstance(values.dtype, pd.StringDtype)
    if cut_in_arrow:
        values = values.str.slice(0, max_chars)
    texts = [value if isinstance(value, str) else "" if pd.isna(value) else str(value) for value in values.tolist()]
    return texts if max_chars is None or cut_in_arrow else [text[:max_chars] for text in texts]


def iter_texts(values: pd.Series, positions: Sequence[int], *, max_chars: int | None = None,
               chunk_size: int = 1024) -> Iterator[str]:
    """``text_values`` of the rows at ``positions``, made a chunk at a time (memory of one chunk)."""
    for start in range(0, len(positions), chunk_size):
        yield from text_values(take_rows(values, positions[start:start + chunk_size]), max_chars=max_chars)


def take_rows(values: pd.Series, positions: Sequence[int]) -> pd.Series:
    """``values.iloc[positions]`` without the index, in the order of ``positions``.

    An Arrow column read from parquet comes in chunks, and Arrow's ``take`` on a chunked array
    joins all the chunks first: taking a thousand texts of a 100,000-document table copied
    the whole column (quadratic over a pass through the table). Here each chunk gives its own rows.
    """
    positions = np.asarray(positions, dtype=np.int64)
    if not isinstance(values.array, pd.arrays.ArrowExtensionArray):
        return values.iloc[positions].reset_index(drop=True)
    chunked = values.array.__arrow_array__()
    if chunked.num_chunks < 2:
        return values.iloc[positions].reset_index(drop=True)
    if len(positions) and (positions.min() < -len(values) or positions.max() >= len(values)):
        raise IndexError(f"positions out of bounds for {len(values)} rows")
    positions = np.where(positions < 0, positions + len(values), positions)
    order = np.argsort(positions, kind="stable")
    ordered = positions[order]
    starts = np.cumsum([0, *(len(chunk) for chunk in chunked.chunks)])
    chunk_of = np.searchsorted(starts, ordered, side="right") - 1
    bounds = np.searchsorted(chunk_of, np.arange(chunked.num_chunks + 1))
    pieces = [chunked.chunk(c).take(pa.array(ordered[bounds[c]:bounds[c + 1]] - starts[c]))
              for c in range(chunked.num_chunks) if bounds[c] < bounds[c + 1]]
    taken = pa.concat_arrays(pieces) if pieces else pa.array([], type=chunked.type)
    if not np.array_equal(order, np.arange(len(order))):
        taken = taken.take(pa.array(np.argsort(order)))
    return pd.Series(pd.array(taken, dtype=values.dtype))
