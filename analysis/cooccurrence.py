"""Who appears with whom: actor co-occurrence in documents and sentences, with NPMI and log-likelihood.

Pairs are counted per document (and per sentence) with a groupby, so the cost grows with the
number of mentions, never with the square of the corpus. Each duplicate group
(``documents.duplicate_of``) counts once: at document level the group's actors are the union of
its members' actors; at sentence level only the group's original document is read (its copies
hold the same sentences).
"""
from __future__ import annotations

from collections import deque
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd

from analysis.io import atomic_path
from analysis.sentences import split_sentences

COOCCURRENCE_COLUMNS: list[str] = [
    "source", "target", "n_docs", "n_sentences", "npmi", "llr", "npmi_sentence", "llr_sentence",
]


def _groups(documents: pd.DataFrame) -> pd.DataFrame:
    """doc_id, group (original doc_id of its duplicate group) and whether the doc is the group's representative."""
    if not isinstance(documents, pd.DataFrame) or "doc_id" not in documents.columns:
        raise ValueError("documents must be a DataFrame with a doc_id column (the documents table)")
    ids = documents["doc_id"].astype(str)
    if "duplicate_of" in documents.columns:
        dup = documents["duplicate_of"]
        group = dup.where(dup.notna() & (dup.astype(str) != ""), ids).astype(str)
    else:
        group = ids
    frame = pd.DataFrame({"doc_id": ids.to_numpy(), "group": group.to_numpy()})
    is_original = frame["doc_id"] == frame["group"]
    has_original = frame["group"].isin(frame.loc[is_original, "doc_id"])
    first = frame.groupby("group")["doc_id"].transform("min")
    frame["representative"] = np.where(has_original, is_original, frame["doc_id"] == first)
    return frame


def _pairs(units: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Count, over units (rows of ``keys`` + actor_id, unique), how many units hold each actor pair."""
    left = units.rename(columns={"actor_id": "source"})
    right = units.rename(columns={"actor_id": "target"})
    pairs = left.merge(right, on=keys)
    pairs = pairs[pairs["source"] < pairs["target"]]
    return pairs.groupby(["source", "target"]).size().rename("n").reset_index()


def _scores(n_ab: np.ndarray, n_a: np.ndarray, n_b: np.ndarray, total: int) -> tuple[np.ndarray, np.ndarray]:
    """NPMI and signed Dunning log-likelihood (G², negative when the pair is rarer than chance)."""
    n_ab, n_a, n_b = (np.asarray(x, dtype=float) for x in (n_ab, n_a, n_b))
    n = float(total)
    with np.errstate(divide="ignore", invalid="ignore"):
        p_ab, p_a, p_b = n_ab / n, n_a / n, n_b / n
        pmi = np.log(p_ab / (p_a * p_b))
        npmi = np.where(p_ab >= 1.0, 1.0, pmi / -np.log(p_ab))
        observed = np.stack([n_ab, n_a - n_ab, n_b - n_ab, n - n_a - n_b + n_ab])
        expected = np.stack([n_a * n_b, n_a * (n - n_b), (n - n_a) * n_b, (n - n_a) * (n - n_b)]) / n
        terms = np.where(observed > 0, observed * np.log(observed / expected), 0.0)
        g2 = 2.0 * terms.sum(axis=0)
    sign = np.where(n_ab >= n_a * n_b / n, 1.0, -1.0)
    return npmi, np.maximum(g2, 0.0) * sign


def cooccurrence(mentions: pd.DataFrame, documents: pd.DataFrame, *, min_count: int = 1) -> pd.DataFrame:
    """Actor pairs (source < target) with document and sentence counts, NPMI and log-likelihood.

    ``npmi``/``llr`` are computed over documents (duplicate groups), ``npmi_sentence``/
    ``llr_sentence`` over the sentences of the groups' original documents. Pairs seen in fewer
    than ``min_count`` documents are dropped. Sorted by n_docs (descending), then ids.
    """
    if min_count < 1:
        raise ValueError(f"min_count must be >= 1, got {min_count}")
    missing = [c for c in ("doc_id", "actor_id", "sentence_id") if c not in mentions.columns]
    if missing:
        raise ValueError(f"mentions is missing column(s) {', '.join(missing)}; pass the mentions table")
    groups = _groups(documents)
    empty = pd.DataFrame(columns=COOCCURRENCE_COLUMNS)
    if mentions.empty or groups.empty:
        return empty
    m = mentions[["doc_id", "actor_id", "sentence_id"]].astype({"doc_id": str}).merge(groups, on="doc_id")

    doc_units = m[["group", "actor_id"]].drop_duplicates()
    n_groups = groups["group"].nunique()
    doc_pairs = _pairs(doc_units, ["group"]).rename(columns={"n": "n_docs"})
    doc_pairs = doc_pairs[doc_pairs["n_docs"] >= min_count]
    if doc_pairs.empty:
        return empty
    actor_docs = doc_units.groupby("actor_id").size()

    rep = m[m["representative"]]
    sent_units = rep[["doc_id", "sentence_id", "actor_id"]].drop_duplicates()
    sent_pairs = _pairs(sent_units, ["doc_id", "sentence_id"]).rename(columns={"n": "n_sentences"})
    actor_sents = sent_units.groupby("actor_id").size()
    n_sentences = _count_sentences(documents, groups)

    out = doc_pairs.merge(sent_pairs, on=["source", "target"], how="left")
    out["n_sentences"] = out["n_sentences"].fillna(0).astype("int64")
    out["n_docs"] = out["n_docs"].astype("int64")
    out["npmi"], out["llr"] = _scores(out["n_docs"], out["source"].map(actor_docs), out["target"].map(actor_docs),
                                      n_groups)
    npmi_s, llr_s = _scores(out["n_sentences"], out["source"].map(actor_sents).fillna(0),
                            out["target"].map(actor_sents).fillna(0), max(n_sentences, 1))
    has_sentence = out["n_sentences"].to_numpy() > 0
    out["npmi_sentence"] = np.where(has_sentence, npmi_s, np.nan)
    out["llr_sentence"] = np.where(has_sentence, llr_s, np.nan)
    out = out[COOCCURRENCE_COLUMNS]
    return out.sort_values(["n_docs", "n_sentences", "source", "target"], ascending=[False, False, True, True],
                           kind="stable").reset_index(drop=True)


def _count_sentences(documents: pd.DataFrame, groups: pd.DataFrame) -> int:
    """Sentences in the representative documents (the universe of the sentence-level scores)."""
    if "text" not in documents.columns:
        raise ValueError("documents must have a text column to count sentences")
    keep = groups["representative"].to_numpy()
    langs = documents["lang"] if "lang" in documents.columns else pd.Series(None, index=documents.index)
    total = 0
    for text, lang in zip(documents["text"].to_numpy()[keep], langs.to_numpy()[keep]):
        if isinstance(text, str):
            total += len(split_sentences(text, lang=lang if isinstance(lang, str) else None))
    return total


def ego_network(cooc: pd.DataFrame, actor_id: str, *, depth: int = 1) -> pd.DataFrame:
    """Rows of ``cooc`` among the actors within ``depth`` hops of ``actor_id`` (the actor included).

    Empty when the actor co-occurs with nobody (or is unknown).
    """
    if depth < 1:
        raise ValueError(f"depth must be >= 1, got {depth}")
    neighbours: dict[str, set[str]] = {}
    for s, t in zip(cooc["source"], cooc["target"]):
        neighbours.setdefault(s, set()).add(t)
        neighbours.setdefault(t, set()).add(s)
    seen = {actor_id}
    queue = deque([(actor_id, 0)])
    while queue:
        node, d = queue.popleft()
        if d == depth:
            continue
        for other in sorted(neighbours.get(node, ())):
            if other not in seen:
                seen.add(other)
                queue.append((other, d + 1))
    inside = cooc["source"].isin(seen) & cooc["target"].isin(seen)
    return cooc[inside].reset_index(drop=True)


def to_graph(cooc: pd.DataFrame, actors: pd.DataFrame) -> nx.Graph:
    """Undirected graph: nodes are actors (with name, type, country, counts), edges carry the pair scores."""
    graph = nx.Graph()
    info = actors.set_index("actor_id") if "actor_id" in actors.columns else pd.DataFrame()
    nodes = sorted(set(cooc["source"]) | set(cooc["target"]) | set(info.index))
    for node in nodes:
        attrs: dict = {}
        if node in info.index:
            row = info.loc[node]
            for key in ("actor", "actor_type", "country", "n_docs", "n_mentions", "langs"):
                if key in row.index:
                    attrs[key] = _graphml_value(row[key])
        graph.add_node(node, **{k: v for k, v in attrs.items() if v is not None})
    for row in cooc.itertuples(index=False):
        attrs = {k: _graphml_value(getattr(row, k)) for k in COOCCURRENCE_COLUMNS[2:] if hasattr(row, k)}
        graph.add_edge(row.source, row.target, **{k: v for k, v in attrs.items() if v is not None})
    return graph


def _graphml_value(value):
    """GraphML holds scalars only: lists become '; '-joined strings, NaN/None are left out."""
    if isinstance(value, (list, tuple, np.ndarray)):
        return "; ".join(map(str, value))
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        return float(value)
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return value


def write_graphml(graph: nx.Graph, path: Path) -> Path:
    """Write ``graph`` as GraphML atomically (a crash never leaves a truncated file)."""
    with atomic_path(Path(path)) as tmp:
        nx.write_graphml(graph, tmp)
    return Path(path)
