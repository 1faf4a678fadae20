"""Exact and near-duplicate detection (MinHash + LSH over word shingles, fixed seed)."""
from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

import pandas as pd
from datasketch import MinHash, MinHashLSH
from tqdm.auto import tqdm

from analysis.errors import ParameterError

_WORD = re.compile(r"\w+", re.UNICODE)


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def text_fingerprint(text: str | list[str]) -> str:
    """Hash of the text's words, case-folded: spacing, punctuation and case do not matter."""
    words = _words(text) if isinstance(text, str) else text
    return hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest()


_MAX_HASH = np.uint64((1 << 32) - 1)
_CHUNK = 4096


def shingle_hashes(text: str | list[str], *, size: int = 3) -> np.ndarray:
    """Distinct 32-bit hashes of the runs of ``size`` consecutive case-folded words."""
    return np.unique(_run_hashes(text, size))


def _run_hashes(text: str | list[str], size: int) -> np.ndarray:
    """Hash of every run of ``size`` words (repeats included; MinHash does not mind them).

    Words are hashed once (pandas' keyed SipHash with its fixed default key: stable across runs
    and machines) and combined per run arithmetically, much cheaper than hashing joined strings.
    """
    words = _words(text) if isinstance(text, str) else text
    if not words:
        return np.zeros(0, dtype=np.uint64)
    word_hashes = pd.util.hash_array(np.asarray(words, dtype=object), categorize=False) & _MAX_HASH
    runs = max(1, len(words) - size + 1)
    combined = np.zeros(runs, dtype=np.uint64)
    for offset in range(min(size, len(words))):
        combined = (combined * np.uint64(1000003)) ^ word_hashes[offset : offset + runs]
    return combined & _MAX_HASH


@lru_cache(maxsize=8)
def _permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Affine maps h -> a*h + b (mod 2^32) with odd ``a``: datasketch's "affine32" scheme."""
    generator = np.random.RandomState(seed)
    a = generator.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = generator.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


def minhash(text: str | list[str], *, num_perm: int = 128, shingle_size: int = 3, seed: int = 1) -> MinHash:
    """MinHash sketch of the text's word shingles (datasketch object, usable with MinHashLSH)."""
    values = _sketch(text, num_perm=num_perm, shingle_size=shingle_size, seed=seed)
    return MinHash(num_perm=num_perm, seed=seed, hashvalues=values, permutations=_permutations(num_perm, seed),
                   scheme="affine32")


def _sketch(text: str | list[str], *, num_perm: int, shingle_size: int, seed: int) -> np.ndarray:
    """The hash values of :func:`minhash` (uint32), without building the datasketch object."""
    a, b = _permutations(num_perm, seed)
    hashes = _run_hashes(text, shingle_size).astype(np.uint32)
    values = np.full(num_perm, np.iinfo(np.uint32).max, dtype=np.uint32)
    if len(hashes) == 0:
        return values
    # bounded temporary memory for very long texts; the products wrap around modulo 2^32
    buffer = np.empty((min(len(hashes), _CHUNK), num_perm), dtype=np.uint32)
    for start in range(0, len(hashes), _CHUNK):
        chunk = hashes[start : start + _CHUNK, None]
        permuted = buffer[: len(chunk)]
        np.multiply(chunk, a, out=permuted)
        permuted += b
        np.minimum(values, permuted.min(axis=0), out=values)
    return values


def _check_threshold(threshold: float) -> None:
    if not 0 < threshold <= 1:
        raise ParameterError(f"near_duplicate_threshold must be in (0, 1], got {threshold!r}")


@lru_cache(maxsize=16)
def _lsh_bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows) that balance false positives and negatives at ``threshold`` (datasketch's
    choice; cached because finding it integrates numerically and costs more than a small corpus)."""
    reference = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return reference.b, reference.r


def text_signature(text: str, *, num_perm: int = 128, shingle_size: int = 3, seed: int = 1) -> tuple[str, np.ndarray]:
    """``(fingerprint, sketch)`` of one text: what :func:`find_duplicates` compares (computable in parallel)."""
    words = _words(text)
    return text_fingerprint(words), _sketch(words, num_perm=num_perm, shingle_size=shingle_size, seed=seed)


def find_duplicates(
    doc_ids: Sequence[str],
    texts: Sequence[str],
    *,
    threshold: float = 0.9,
    num_perm: int = 128,
    shingle_size: int = 3,
    seed: int = 1,
    progress: bool = False,
) -> pd.DataFrame:
    """Mark each text that repeats an earlier one (in ``doc_id`` order).

    Returns one row per document: ``doc_id``, ``duplicate_of`` (the first occurrence's doc_id or
    None), ``similarity`` (1.0 for exact copies, the MinHash estimate of the shingle Jaccard
    similarity for near copies, None for originals) and ``kind`` ("exact", "near" or None).
    A copy always points at an original, never at another copy.
    """
    _check_threshold(threshold)
    if len(doc_ids) != len(texts):
        raise ParameterError("doc_ids and texts must have the same length")
    signatures = [text_signature(text, num_perm=num_perm, shingle_size=shingle_size, seed=seed) for text in texts]
    return match_signatures(doc_ids, signatures, threshold=threshold, progress=progress)


def match_signatures(
    doc_ids: Sequence[str],
    signatures: Sequence[tuple[str, np.ndarray]],
    *,
    threshold: float = 0.9,
    progress: bool = False,
) -> pd.DataFrame:
    """:func:`find_duplicates` on the texts' :func:`text_signature` (all made with the same options)."""
    _check_threshold(threshold)
    if len(doc_ids) != len(signatures):
        raise ParameterError("doc_ids and signatures must have the same length")
    num_perm = len(signatures[0][1]) if len(signatures) else 128
    order = sorted(range(len(doc_ids)), key=lambda i: doc_ids[i])
    # The LSH index of datasketch's MinHashLSH (same bands, a document is a candidate when one
    # band of its sketch is equal) on plain arrays: the objects cost more than the sketches.
    bands, rows_per_band = _lsh_bands(min(threshold, 0.99), num_perm)
    band_slices = [slice(band * rows_per_band, (band + 1) * rows_per_band) for band in range(bands)]
    band_tables: list[dict[bytes, list[str]]] = [{} for _ in range(bands)]
    originals: dict[str, np.ndarray] = {}
    by_fingerprint: dict[str, str] = {}
    rank = {doc_ids[i]: position for position, i in enumerate(order)}
    rows = []
    for i in tqdm(order, desc="duplicates", disable=not progress, unit="doc"):
        doc_id, (fingerprint, sketch) = doc_ids[i], signatures[i]
        if fingerprint in by_fingerprint:
            rows.append((doc_id, by_fingerprint[fingerprint], 1.0, "exact"))
            continue
        keys = [sketch[band].tobytes() for band in band_slices]
        candidates: set[str] = set()
        for table, key in zip(band_tables, keys):
            candidates.update(table.get(key, ()))
        match = None
        for candidate in sorted(candidates, key=rank.__getitem__):
            # MinHash.jaccard: the share of equal hash values
            similarity = float(np.count_nonzero(sketch == originals[candidate])) / float(num_perm)
            if similarity >= threshold:
                match = (candidate, round(float(similarity), 2))
                break
        if match:
            rows.append((doc_id, match[0], match[1], "near"))
            continue
        by_fingerprint[fingerprint] = doc_id
        originals[doc_id] = sketch
        for table, key in zip(band_tables, keys):
            table.setdefault(key, []).append(doc_id)
        rows.append((doc_id, None, None, None))
    frame = pd.DataFrame(rows, columns=["doc_id", "duplicate_of", "similarity", "kind"], dtype=object)
    frame["similarity"] = frame["similarity"].astype("float64")
    return frame


def duplicate_groups(documents: pd.DataFrame) -> pd.DataFrame:
    """One row per original that has copies: ``original``, ``title``, ``n_copies``, ``copies`` (doc_ids)."""
    copies = documents.loc[documents["duplicate_of"].notna(), ["doc_id", "duplicate_of"]]
    if copies.empty:
        return pd.DataFrame(columns=["original", "title", "n_copies", "copies"])
    grouped = copies.sort_values("doc_id").groupby("duplicate_of", sort=True)["doc_id"].agg(list)
    titles = documents.set_index("doc_id")["title"]
    frame = pd.DataFrame({
        "original": grouped.index,
        "title": [titles.get(doc_id) for doc_id in grouped.index],
        "n_copies": grouped.map(len).to_numpy(),
        "copies": list(grouped),
    })
    return frame.sort_values(["n_copies", "original"], ascending=[False, True]).reset_index(drop=True)
