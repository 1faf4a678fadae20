"""Co-occurrence counts, association scores, ego networks and GraphML export."""
from __future__ import annotations

import math

import networkx as nx
import pandas as pd
import pytest

from analysis.cooccurrence import COOCCURRENCE_COLUMNS, cooccurrence, ego_network, to_graph, write_graphml


def _docs(rows):
    return pd.DataFrame(rows, columns=["doc_id", "text", "lang", "duplicate_of"])


def _mentions(rows):
    return pd.DataFrame(rows, columns=["doc_id", "actor_id", "sentence_id"])


@pytest.fixture
def corpus():
    docs = _docs([
        ("d1", "A and B met. C spoke.", "en", None),
        ("d1-copy", "A and B met. C spoke.", "en", "d1"),
        ("d2", "A spoke. B spoke.", "en", None),
        ("d3", "C alone.", "en", None),
        ("d4", "Nobody here.", "en", None),
    ])
    mentions = _mentions([
        ("d1", "a", 0), ("d1", "b", 0), ("d1", "c", 1),
        ("d1-copy", "a", 0), ("d1-copy", "b", 0), ("d1-copy", "c", 1),
        ("d2", "a", 0), ("d2", "b", 1),
        ("d3", "c", 0),
    ])
    return docs, mentions


def test_counts_duplicate_groups_once(corpus):
    docs, mentions = corpus
    table = cooccurrence(mentions, docs)
    assert list(table.columns) == COOCCURRENCE_COLUMNS
    rows = {(r.source, r.target): r for r in table.itertuples()}
    assert set(rows) == {("a", "b"), ("a", "c"), ("b", "c")}
    assert (rows["a", "b"].n_docs, rows["a", "b"].n_sentences) == (2, 1)
    assert (rows["a", "c"].n_docs, rows["a", "c"].n_sentences) == (1, 0)
    assert all(r.source < r.target for r in table.itertuples())


def test_scores_by_hand(corpus):
    docs, mentions = corpus
    rows = {(r.source, r.target): r for r in cooccurrence(mentions, docs).itertuples()}
    # 4 document groups (d1+copy, d2, d3, d4); a in 2, b in 2, both in 2.
    p_ab, p_a, p_b = 2 / 4, 2 / 4, 2 / 4
    assert rows["a", "b"].npmi == pytest.approx(math.log(p_ab / (p_a * p_b)) / -math.log(p_ab))
    # 2x2 table for (a, b): [[2, 0], [0, 2]] with expected 1 everywhere -> G2 = 2 * 4 * 2 log 2 / 2
    assert rows["a", "b"].llr == pytest.approx(2 * (2 * math.log(2) + 2 * math.log(2)))
    # a and c share one group out of 4, a in 2, c in 2: observed 1 = expected 1 -> independent.
    assert rows["a", "c"].npmi == pytest.approx(0.0, abs=1e-12)
    assert rows["a", "c"].llr == pytest.approx(0.0, abs=1e-12)
    # Sentence level: 6 sentences in d1, d2, d3, d4; a in 2 (d1 s0, d2 s0), b in 2 (d1 s0, d2 s1), both in 1.
    p_ab, p_a, p_b = 1 / 6, 2 / 6, 2 / 6
    assert rows["a", "b"].npmi_sentence == pytest.approx(math.log(p_ab / (p_a * p_b)) / -math.log(p_ab))
    assert math.isnan(rows["a", "c"].npmi_sentence)


def test_min_count_and_validation(corpus):
    docs, mentions = corpus
    table = cooccurrence(mentions, docs, min_count=2)
    assert list(zip(table["source"], table["target"])) == [("a", "b")]
    with pytest.raises(ValueError, match="min_count"):
        cooccurrence(mentions, docs, min_count=0)
    with pytest.raises(ValueError, match="sentence_id"):
        cooccurrence(mentions.drop(columns="sentence_id"), docs)
    assert cooccurrence(mentions.iloc[:0], docs).empty


def test_ego_network():
    cooc = pd.DataFrame({"source": ["a", "b", "c", "x"], "target": ["b", "c", "d", "y"], "n_docs": [3, 2, 1, 5]})
    assert set(map(tuple, ego_network(cooc, "a")[["source", "target"]].to_numpy())) == {("a", "b")}
    assert set(map(tuple, ego_network(cooc, "a", depth=2)[["source", "target"]].to_numpy())) == {
        ("a", "b"), ("b", "c")}
    assert ego_network(cooc, "nobody").empty
    with pytest.raises(ValueError, match="depth"):
        ego_network(cooc, "a", depth=0)


def test_graph_and_graphml_roundtrip(corpus, tmp_path):
    docs, mentions = corpus
    cooc = cooccurrence(mentions, docs)
    actors = pd.DataFrame({"actor_id": ["a", "b", "c"], "actor": ["Alpha", "Beta", "Gamma"],
                           "actor_type": ["person"] * 3, "country": ["RU", None, "US"],
                           "n_docs": [2, 2, 2], "n_mentions": [2, 2, 2],
                           "langs": [["en"], ["en", "ru"], ["en"]]})
    graph = to_graph(cooc, actors)
    assert graph.nodes["b"]["langs"] == "en; ru"
    assert graph.edges["a", "b"]["n_docs"] == 2
    path = write_graphml(graph, tmp_path / "out" / "g.graphml")
    back = nx.read_graphml(path)
    assert set(back.nodes) == {"a", "b", "c"}
    assert back.nodes["a"]["actor"] == "Alpha"
    assert back.edges["a", "b"]["n_sentences"] == 1
    assert "country" not in back.nodes["b"]
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["g.graphml"]


def test_plots_return_figures_with_readable_labels(corpus):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from analysis.plots.actors import (
        plot_cooccurrence_heatmap,
        plot_ego_network,
        plot_network,
        plot_top_actors_by_language,
    )

    docs, mentions = corpus
    cooc = cooccurrence(mentions, docs)
    actors = pd.DataFrame({"actor_id": ["a", "b", "c"], "actor": ["Alpha", "Beta", "Gamma"],
                           "actor_type": ["person", "country", "organization"], "n_docs": [2, 2, 2]})
    named = mentions.assign(actor=mentions["actor_id"].str.upper(), actor_type="person", lang="en")
    figures = [
        plot_top_actors_by_language(named, top_n=2),
        plot_cooccurrence_heatmap(cooc, actors, value="npmi"),
        plot_network(cooc, actors, seed=1),
        plot_ego_network(cooc, "a", actors),
        plot_ego_network(cooc, "nobody", actors),
    ]
    assert all(isinstance(f, matplotlib.figure.Figure) for f in figures)
    labels = {t.get_text() for t in figures[2].axes[0].texts}
    assert labels == {"Alpha", "Beta", "Gamma"}
    # the layout is deterministic for a seed
    again = plot_network(cooc, actors, seed=1)
    assert [t.get_position() for t in again.axes[0].texts] == [t.get_position() for t in figures[2].axes[0].texts]
    with pytest.raises(ValueError, match="value"):
        plot_cooccurrence_heatmap(cooc, actors, value="nope")
    plt.close("all")
