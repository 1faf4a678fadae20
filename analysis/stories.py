"""Stories: documents about the same event, across languages.

A story is tighter than a topic: a translation and its original, or two agencies' reports
of one phone call. Two documents are linked when
  * their embeddings (language offsets removed, see ``topics.centre_languages``) have cosine
    similarity >= ``threshold``, and each is among the other's ``n_neighbors`` nearest
    neighbours dated within ``max_days`` of it or undated (mutual nearest neighbours: a hub
    article cannot collect a whole topic),
  * their dates, when both are known, are at most ``max_days`` apart,
  * they share at least one actor, when ``mentions`` is given and both documents name actors.
Links are merged strongest first, and two groups merge only if their *average* pairwise
similarity is still >= ``threshold - link_slack`` (average linkage, computed from vector sums),
so stories do not grow by chaining. On the SemEval dev corpus the translations sit at cosine
0.82-0.92 from their originals after centring, and no other cross-language pair reaches 0.76,
hence the default threshold of 0.8.

Nearest neighbours are searched block by block, so memory grows linearly with the number
of documents (no N x N matrix). A block of dated documents is compared only with documents
dated within ``max_days`` of the block and with undated ones, so time grows about linearly on
dated corpora; undated corpora cost N x N dot products (blocked). Each document's neighbours are
then taken within its own date window, so the result does not depend on the blocking.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from tqdm.auto import tqdm

from .errors import ParameterError
from .topics import LANGUAGE_CENTERING, centre_languages

_BLOCK_ROWS = 1024
_BLOCK_CELLS = 1 << 22


def assign_stories(
    documents: pd.DataFrame,
    embeddings: np.ndarray,
    *,
    threshold: float = 0.8,
    mentions: pd.DataFrame | None = None,
    max_days: int = 7,
    n_neighbors: int = 10,
    link_slack: float = 0.0,
    language_centering: str = "adjusted",
    random_state: int = 0,
    progress: bool = False,
) -> pd.Series:
    """``story_id`` per document (index aligned to ``documents``): "s0001", ... numbered by first doc_id.

    Every document gets a story (a one-document story when nothing matches). Documents
    with ``duplicate_of`` set take their original's story.
    """
    _validate(documents, embeddings, threshold, max_days, n_neighbors, link_slack, language_centering)
    frame = documents.reset_index(drop=True)
    doc_ids = frame["doc_id"].astype(str).to_numpy(dtype=object)
    originals = _original_positions(frame)
    vectors = np.asarray(embeddings)[originals].astype(np.float64)
    langs = frame["lang"].to_numpy(dtype=object)[originals] if "lang" in frame else np.full(len(originals), "und", dtype=object)
    X = centre_languages(vectors, langs, method=language_centering, random_state=random_state,
                         overwrite=True).astype(np.float32)
    del vectors

    days = _day_numbers(frame)[originals] if "date" in frame else None
    pairs, sims = _mutual_neighbours(X, threshold=threshold, n_neighbors=n_neighbors, progress=progress,
                                     days=days, max_days=max_days)
    keep = np.ones(len(pairs), dtype=bool)
    if days is not None and len(pairs):
        gap = np.abs(days[pairs[:, 0]] - days[pairs[:, 1]])
        keep &= np.isnan(gap) | (gap <= max_days)
    if mentions is not None and len(pairs):
        actors = _actor_sets(mentions, doc_ids[originals])
        keep &= np.array([not actors[i] or not actors[j] or bool(actors[i] & actors[j]) for i, j in pairs], dtype=bool)
    groups = _average_link_merge(X, pairs[keep], sims[keep], min_average=threshold - link_slack)

    original_story = _story_ids(groups, doc_ids[originals])
    story_of = dict(zip(doc_ids[originals], original_story))
    targets = frame["duplicate_of"] if "duplicate_of" in frame else pd.Series(None, index=frame.index)
    stories = [
        story_of[doc_id] if doc_id in story_of else story_of[str(target)]
        for doc_id, target in zip(doc_ids, targets)
    ]
    return pd.Series(stories, index=documents.index, name="story_id", dtype=object)


def _validate(documents, embeddings, threshold, max_days, n_neighbors, link_slack, language_centering) -> None:
    missing = {"doc_id"} - set(documents.columns)
    if missing:
        raise ParameterError("documents needs a 'doc_id' column")
    if documents["doc_id"].duplicated().any():
        raise ParameterError("doc_id must be unique in documents")
    shape = np.shape(embeddings)
    if len(shape) != 2 or shape[0] != len(documents):
        raise ParameterError(f"embeddings must have one row per document ({len(documents)}), got shape {shape}")
    if not 0.0 < threshold <= 1.0:
        raise ParameterError(f"threshold must be in (0, 1], got {threshold!r}")
    if max_days < 0:
        raise ParameterError(f"max_days must be >= 0, got {max_days!r}")
    if n_neighbors < 1:
        raise ParameterError(f"n_neighbors must be >= 1, got {n_neighbors!r}")
    if not 0.0 <= link_slack < 1.0:
        raise ParameterError(f"link_slack must be in [0, 1), got {link_slack!r}")
    if language_centering not in LANGUAGE_CENTERING:
        raise ParameterError(f"language_centering must be one of {LANGUAGE_CENTERING}, got {language_centering!r}")


def _day_numbers(frame: pd.DataFrame) -> np.ndarray:
    """Dates as float days since the epoch (NaN when unknown); time zones are dropped."""
    dates = pd.to_datetime(frame["date"], errors="coerce", utc=True)
    return ((dates - pd.Timestamp("1970-01-01", tz="UTC")) / pd.Timedelta(days=1)).to_numpy(dtype=np.float64, na_value=np.nan)


def _original_positions(frame: pd.DataFrame) -> np.ndarray:
    if "duplicate_of" not in frame:
        return np.arange(len(frame))
    known = set(frame["doc_id"].astype(str))
    target = frame["duplicate_of"]
    is_original = target.isna() | ~target.astype(str).isin(known)
    return np.flatnonzero(is_original.to_numpy())


def _mutual_neighbours(X: np.ndarray, *, threshold: float, n_neighbors: int, progress: bool,
                       days: np.ndarray | None = None, max_days: float = np.inf):
    """Pairs (i < j) that are in each other's top ``n_neighbors`` with similarity >= threshold.

    Only similarities that can reach the threshold are kept from each tile of dot products (one
    pass over the tile: ranking whole rows cost more than the dot products); of equally similar
    neighbours, the earlier in date order (then in input order) wins. With ``days`` (float day
    numbers, NaN when unknown), a block of dated documents is only compared with documents dated
    within ``max_days`` of it and with undated ones, so a dated corpus costs far less than N x N.
    """
    n = len(X)
    if n < 2:
        return np.zeros((0, 2), dtype=np.int64), np.zeros(0)
    days = np.full(n, np.nan) if days is None else np.asarray(days, dtype=np.float64)
    order = np.argsort(np.where(np.isnan(days), np.inf, days), kind="stable")
    sorted_days = days[order]
    n_dated = int((~np.isnan(days)).sum())
    # In date order, a block's window and the undated documents are two slices: no copies per block.
    X = np.asarray(X, dtype=np.float32)
    X = X if np.array_equal(order, np.arange(n)) else X[order]
    windowed = np.isfinite(max_days)
    block_rows = min(_BLOCK_ROWS, n)
    tile_columns = max(1, _BLOCK_CELLS // block_rows)
    cut = threshold - 1e-4  # below this, a similarity cannot round (4 decimals) up to the threshold
    forward: list[np.ndarray] = []
    similarity: list[np.ndarray] = []
    for start in tqdm(range(0, n, block_rows), desc="story neighbours", disable=not progress):
        stop = min(n, start + block_rows)
        spans = [(0, n)]
        if stop <= n_dated and windowed:
            low = np.searchsorted(sorted_days[:n_dated], sorted_days[start] - max_days, side="left")
            high = np.searchsorted(sorted_days[:n_dated], sorted_days[stop - 1] + max_days, side="right")
            spans = [(low, high), (n_dated, n)]
        found = _BestPerRow(n_neighbors, limit=max(4 * block_rows * n_neighbors, _BLOCK_CELLS // 4))
        for span_start, span_stop in spans:
            for column in range(span_start, span_stop, tile_columns):
                column_stop = min(span_stop, column + tile_columns)
                sims = (X[start:stop] @ X[column:column_stop].T).ravel()
                hits = np.flatnonzero(sims >= cut)
                rows, columns = np.divmod(hits, column_stop - column)
                rows += start
                columns += column
                keep = rows != columns
                if windowed:
                    # Each row's own window, so that neighbours do not depend on how rows are blocked.
                    keep &= ~(np.abs(sorted_days[rows] - sorted_days[columns]) > max_days)
                found.add(rows[keep], columns[keep], sims[hits[keep]])
        rows, columns, sims = found.result()
        rows, columns = order[rows], order[columns]
        # Rounded so that last-bit BLAS differences between machines cannot flip a link.
        sims = np.round(sims, 4)
        ok = sims >= threshold
        forward.append(rows[ok] * n + columns[ok])
        similarity.append(sims[ok])
    codes = np.concatenate(forward)
    sims = np.concatenate(similarity)
    i, j = codes // n, codes % n
    mutual = np.isin(codes, j * n + i) & (i < j)
    pairs = np.stack([i[mutual], j[mutual]], axis=1)
    keep = np.lexsort((pairs[:, 1], pairs[:, 0]))
    return pairs[keep], sims[mutual][keep].astype(np.float64)


class _BestPerRow:
    """The ``k`` most similar columns of each row of a block, from (row, column, similarity) parts
    added in increasing column order; of equal similarities, the lower column wins. Parts are
    reduced once they hold more than ``limit`` triples, so a block's memory stays bounded however
    many documents clear the threshold."""

    def __init__(self, k: int, *, limit: int):
        self.k, self.limit = k, limit
        self.parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        self.size = 0

    def add(self, rows: np.ndarray, columns: np.ndarray, sims: np.ndarray) -> None:
        self.parts.append((rows, columns, sims))
        self.size += len(rows)
        if self.size > self.limit:
            self.parts = [self.result()]
            self.size = len(self.parts[0][0])

    def result(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        if not self.parts:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        rows, columns, sims = (np.concatenate(part) for part in zip(*self.parts))
        # One stable sort on (row, similarity descending): equal similarities keep their column order.
        bits = sims.astype(np.float32).view(np.uint32)
        ascending = np.where(bits >> 31 == 1, ~bits, bits | np.uint32(0x80000000))
        key = ((rows - rows.min(initial=0)).astype(np.int64) << 32) | (~ascending).astype(np.int64)
        order = np.argsort(key, kind="stable")
        rows, columns, sims = rows[order], columns[order], sims[order]
        starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
        rank = np.arange(len(rows)) - np.repeat(starts, np.diff(np.r_[starts, len(rows)]))
        keep = rank < self.k
        return rows[keep], columns[keep], sims[keep]


def _actor_sets(mentions: pd.DataFrame, doc_ids: np.ndarray) -> list[frozenset]:
    missing = {"doc_id", "actor_id"} - set(mentions.columns)
    if missing:
        raise ParameterError(f"mentions needs columns doc_id and actor_id; missing {sorted(missing)}")
    grouped = mentions.dropna(subset=["actor_id"]).groupby(mentions["doc_id"].astype(str))["actor_id"].agg(frozenset)
    return [grouped.get(d, frozenset()) for d in doc_ids]


def _average_link_merge(X: np.ndarray, pairs: np.ndarray, sims: np.ndarray, *, min_average: float) -> np.ndarray:
    """Union-find over links, strongest first, merging only groups whose mean pairwise similarity stays high."""
    n = len(X)
    parent = np.arange(n)
    # Vector sums only for documents that have a link: most documents are stories of their own.
    linked = np.unique(pairs)
    slot = np.full(n, -1, dtype=np.int64)
    slot[linked] = np.arange(len(linked))
    sums = np.asarray(X)[linked].astype(np.float64)
    sizes = np.ones(len(linked), dtype=np.int64)

    def find(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    order = np.lexsort((pairs[:, 1], pairs[:, 0], -sims)) if len(pairs) else np.zeros(0, dtype=np.int64)
    for index in order:
        a, b = find(int(pairs[index, 0])), find(int(pairs[index, 1]))
        if a == b:
            continue
        sa, sb = slot[a], slot[b]
        cross = float(sums[sa] @ sums[sb]) / (sizes[sa] * sizes[sb])
        if cross < min_average:
            continue
        if b < a:
            a, b, sa, sb = b, a, sb, sa
        parent[b] = a
        sums[sa] += sums[sb]
        sizes[sa] += sizes[sb]
    return np.array([find(i) for i in range(n)])


def _story_ids(groups: np.ndarray, doc_ids: np.ndarray) -> list[str]:
    """Stable ids: stories numbered in order of their smallest doc_id."""
    first: dict[int, str] = {}
    for group, doc_id in zip(groups.tolist(), doc_ids.tolist()):
        if group not in first or doc_id < first[group]:
            first[group] = doc_id
    ordered = sorted(first, key=lambda g: first[g])
    width = max(4, len(str(len(ordered))))
    number = {g: f"s{rank + 1:0{width}d}" for rank, g in enumerate(ordered)}
    return [number[g] for g in groups.tolist()]
