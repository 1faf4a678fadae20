"""Who appears with whom: actor co-occurrence in documents and sentences, with NPMI and log-likelihood.

Pairs are counted per document (and per sentence) with sparse matrix products, so the cost grows
with the number of mentions and pairs, never with the square of the corpus. Each duplicate group
(``documents.duplicate_of``) counts once: at document level the group's actors are the union of
its members' actors; at sentence level only the group's original document is read (its copies
hold the same sentences).
"""
from __future__ import annotations

import re
from collections import deque
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
from scipy import sparse

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


def _incidence(units: np.ndarray, actors: np.ndarray, n_units: int, n_actors: int) -> sparse.csr_matrix:
    """Unit x actor matrix (units: documents or sentences, as codes), 1 where the unit names the actor.

    Its product with its own transpose counts, for every actor pair, the units naming both, so the
    cost grows with the mentions and the pairs found, never with the square of the units.
    """
    matrix = sparse.csr_matrix((np.ones(len(units), dtype=np.int64), (units, actors)), shape=(n_units, n_actors))
    matrix.data[:] = 1  # a unit holds an actor once, however often it names it
    return matrix


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


def cooccurrence(mentions: pd.DataFrame, documents: pd.DataFrame, *, min_count: int = 1,
                 sentence_counts: pd.DataFrame | None = None) -> pd.DataFrame:
    """Actor pairs (source < target) with document and sentence counts, NPMI and log-likelihood.

    ``npmi``/``llr`` are computed over documents (duplicate groups), ``npmi_sentence``/
    ``llr_sentence`` over the sentences of the groups' original documents. Pairs seen in fewer
    than ``min_count`` documents are dropped. Sorted by n_docs (descending), then ids.
    ``sentence_counts`` (doc_id, n_sentences), as ``extract_mentions(..., return_sentence_counts=True)``
    returns them for these documents, saves splitting their texts into sentences again.
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
    doc_ids = pd.Index(groups["doc_id"])
    if not doc_ids.is_unique:
        raise ValueError("documents has repeated doc_id values; pass the documents table (one row per document)")
    position = doc_ids.get_indexer(mentions["doc_id"].astype(str))
    found = (position >= 0) & mentions["actor_id"].notna().to_numpy()
    if not found.any():
        return empty
    position = position[found]
    actor_codes, actor_ids = pd.factorize(mentions["actor_id"].to_numpy()[found], sort=True)
    group_codes, group_ids = pd.factorize(groups["group"])
    n_actors = len(actor_ids)

    in_docs = _incidence(group_codes[position], actor_codes, len(group_ids), n_actors)
    doc_pairs = sparse.triu(in_docs.T @ in_docs, k=1).tocoo()
    keep = doc_pairs.data >= min_count
    if not keep.any():
        return empty
    source, target, n_docs = doc_pairs.row[keep], doc_pairs.col[keep], doc_pairs.data[keep]
    actor_docs = in_docs.getnnz(axis=0)

    # sentences of the groups' representative documents
    rep = groups["representative"].to_numpy()[position]
    sentence_ids = mentions["sentence_id"].to_numpy()[found][rep].astype(np.int64)
    sentence_codes, sentences = pd.factorize(position[rep].astype(np.int64) * (sentence_ids.max(initial=0) + 1)
                                             + sentence_ids)
    in_sentences = _incidence(sentence_codes, actor_codes[rep], len(sentences), n_actors)
    sentence_pairs = (in_sentences.T @ in_sentences).tocsr()
    actor_sents = in_sentences.getnnz(axis=0)
    n_sentences = _count_sentences(documents, groups, sentence_counts)

    order = np.lexsort((target, source))
    source, target, n_docs = source[order], target[order], n_docs[order]
    out = pd.DataFrame({"source": actor_ids.take(source), "target": actor_ids.take(target),
                        "n_docs": n_docs.astype("int64"),
                        "n_sentences": np.asarray(sentence_pairs[source, target]).ravel().astype("int64")})
    out["npmi"], out["llr"] = _scores(out["n_docs"], actor_docs[source], actor_docs[target], len(group_ids))
    npmi_s, llr_s = _scores(out["n_sentences"], actor_sents[source], actor_sents[target], max(n_sentences, 1))
    has_sentence = out["n_sentences"].to_numpy() > 0
    out["npmi_sentence"] = np.where(has_sentence, npmi_s, np.nan)
    out["llr_sentence"] = np.where(has_sentence, llr_s, np.nan)
    out = out[COOCCURRENCE_COLUMNS]
    return out.sort_values(["n_docs", "n_sentences", "source", "target"], ascending=[False, False, True, True],
                           kind="stable").reset_index(drop=True)


def _count_sentences(documents: pd.DataFrame, groups: pd.DataFrame, known: pd.DataFrame | None) -> int:
    """Sentences in the representative documents (the universe of the sentence-level scores);
    ``known``: counts already made (doc_id, n_sentences), the other documents are split here."""
    if "text" not in documents.columns:
        raise ValueError("documents must have a text column to count sentences")
    if known is not None and not {"doc_id", "n_sentences"} <= set(known.columns):
        raise ValueError("sentence_counts must have columns doc_id and n_sentences (from extract_mentions)")
    counted = {} if known is None else dict(zip(known["doc_id"].tolist(), known["n_sentences"].tolist()))
    keep = groups["representative"].to_numpy()
    langs = documents["lang"] if "lang" in documents.columns else pd.Series(None, index=documents.index)
    total = 0
    for doc_id, text, lang in zip(groups["doc_id"].to_numpy()[keep], documents["text"].to_numpy()[keep],
                                  langs.to_numpy()[keep]):
        if isinstance(text, str):
            n = counted.get(doc_id)
            total += n if n is not None else len(split_sentences(text, lang=lang if isinstance(lang, str) else None))
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
    info = actors.drop_duplicates("actor_id") if "actor_id" in actors.columns else pd.DataFrame({"actor_id": []})
    node_keys = [k for k in ("actor", "actor_type", "country", "n_docs", "n_mentions", "langs") if k in info.columns]
    attributes = dict(zip(info["actor_id"].tolist(), _records(info, node_keys)))
    sources, targets = cooc["source"].tolist(), cooc["target"].tolist()
    for node in sorted(set(sources) | set(targets) | set(attributes)):
        graph.add_node(node, **attributes.get(node, {}))
    edge_keys = [k for k in COOCCURRENCE_COLUMNS[2:] if k in cooc.columns]
    graph.add_edges_from(zip(sources, targets, _records(cooc, edge_keys)))
    return graph


def _records(frame: pd.DataFrame, keys: list[str]) -> list[dict]:
    """One dict per row of ``frame[keys]`` with GraphML values, missing values left out."""
    columns = [_graphml_values(frame[k]) for k in keys]
    return [dict(zip(keys, values)) if None not in values else {k: v for k, v in zip(keys, values) if v is not None}
            for values in zip(*columns)]


def _graphml_values(column: pd.Series) -> list:
    """``_graphml_value`` of each value, without a call per value for numeric columns."""
    kind = column.dtype.kind if isinstance(column.dtype, np.dtype) else None  # not for nullable extension types
    if kind in ("i", "u"):
        return column.tolist()
    if kind == "f":
        return [None if v != v else v for v in column.tolist()]  # NaN is the only value unequal to itself
    return [_graphml_value(v) for v in column.tolist()]


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
    """Write ``graph`` as GraphML atomically (a crash never leaves a truncated file).

    The bytes are those of ``networkx.write_graphml``; an undirected graph of text and number
    attributes is serialised here directly (several times faster), anything else by networkx.
    """
    text = _graphml_text(graph)
    with atomic_path(Path(path)) as tmp:
        if text is None:
            nx.write_graphml(graph, tmp)
        else:
            tmp.write_bytes(text.encode("utf-8"))
    return Path(path)


# GraphML types of attribute values, as networkx names them
_GRAPHML_TYPES: dict[type, str] = {str: "string", int: "long", float: "double", bool: "boolean"}
# Characters lxml refuses or writes as character references: such graphs are left to networkx.
_XML_SPECIAL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_GRAPHML_HEADER = (
    "<?xml version='1.0' encoding='utf-8'?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
    "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
    "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">"
)


def _escape_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _escape_attribute(text: str) -> str:
    return _escape_text(text).replace('"', "&quot;")


def _graphml_text(graph: nx.Graph) -> str | None:
    """The GraphML document networkx (with lxml) writes for ``graph``, or None when the graph has
    something this writer does not reproduce (direction, parallel edges, graph attributes, other
    value types, empty texts, control characters)."""
    if type(graph) is not nx.Graph or graph.graph or not graph.number_of_nodes():
        return None
    keys: dict[tuple[str, str, str], str] = {}  # (name, GraphML type, scope) -> key id, in order of first use
    declared: list[str] = []
    prefixes: dict[tuple, str | None] = {}  # (name, value type, scope) -> opening data tag
    body: list[str] = ['<graph edgedefault="undirected">']

    def prefix(name, value, scope: str) -> str | None:
        kind, name = _GRAPHML_TYPES.get(type(value)), str(name)
        if kind is None or not name or _XML_SPECIAL.search(name):
            return None
        key = keys.get((name, kind, scope))
        if key is None:
            key = keys[name, kind, scope] = f"d{len(keys)}"
            declared.append(f'<key id="{key}" for="{scope}" attr.name="{_escape_attribute(name)}" '
                            f'attr.type="{kind}"/>\n')
        return f'  <data key="{key}">'

    def data(scope: str, attributes: dict) -> str | None:
        parts = []
        for name, value in attributes.items():
            signature = (name, type(value), scope)
            opening = prefixes.get(signature)
            if opening is None:
                opening = prefixes[signature] = prefix(name, value, scope)
                if opening is None:
                    return None
            if type(value) is str:
                if not value or _XML_SPECIAL.search(value):
                    return None
                value = _escape_text(value)
            parts.append(f"{opening}{value}</data>\n")
        return "".join(parts)

    def node_id(node) -> str | None:
        name = str(node)
        return None if _XML_SPECIAL.search(name) else _escape_attribute(name)

    for node, attributes in graph.nodes(data=True):
        name, inner = node_id(node), data("node", attributes)
        if name is None or inner is None:
            return None
        body.append(f'<node id="{name}">\n{inner}</node>\n' if inner else f'<node id="{name}"/>\n')
    ids = {node: node_id(node) for node in graph}
    for u, v, attributes in graph.edges(data=True):
        inner = data("edge", attributes)
        if inner is None:
            return None
        head = f'<edge source="{ids[u]}" target="{ids[v]}"'
        body.append(f"{head}>\n{inner}</edge>\n" if inner else f"{head}/>\n")
    body.append("</graph></graphml>")
    return _GRAPHML_HEADER + "".join(reversed(declared)) + "".join(body)
