"""Co-occurrence counts, association scores, ego networks and GraphML export."""
from __future__ import annotations

import io
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


def test_sentence_counts_given_are_used(corpus):
    docs, mentions = corpus
    counted = pd.DataFrame({"doc_id": ["d1", "d2", "d3", "d4"], "n_sentences": [2, 2, 1, 1]})
    pd.testing.assert_frame_equal(cooccurrence(mentions, docs, sentence_counts=counted), cooccurrence(mentions, docs))
    # d4 is split here when its count is missing; ten more sentences in d1 change the sentence scores
    partial = cooccurrence(mentions, docs, sentence_counts=counted.iloc[:3])
    pd.testing.assert_frame_equal(partial, cooccurrence(mentions, docs))
    doubled = cooccurrence(mentions, docs, sentence_counts=counted.assign(n_sentences=[12, 2, 1, 1]))
    assert (doubled["npmi_sentence"] != cooccurrence(mentions, docs)["npmi_sentence"]).any()
    with pytest.raises(ValueError, match="sentence_counts"):
        cooccurrence(mentions, docs, sentence_counts=counted.rename(columns={"n_sentences": "n"}))


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


def _networkx_graphml(graph) -> bytes:
    buffer = io.BytesIO()
    nx.write_graphml(graph, buffer)
    return buffer.getvalue()


def test_graphml_bytes_are_those_of_networkx(tmp_path):
    graph = nx.Graph()
    graph.add_node("x-o-brien", actor="Conan O'Brien & <Co> \"Ltd\"", n_docs=3, langs="en; fr")
    graph.add_node("vladimir-putin", actor="Владимир Путин", actor_type="person", country="RU", n_mentions=7)
    graph.add_node("a&b<c>", flag=True)
    graph.add_node(42)
    graph.add_edge("x-o-brien", "vladimir-putin", n_docs=2, npmi=-0.125, llr=1e-300, share=float("inf"))
    graph.add_edge("vladimir-putin", 42)
    graph.add_edge("a&b<c>", "x-o-brien", n_docs=1, npmi=1.0, note="ça & là")
    path = write_graphml(graph, tmp_path / "g.graphml")
    assert path.read_bytes() == _networkx_graphml(graph)
    assert nx.read_graphml(path).nodes["x-o-brien"]["actor"] == "Conan O'Brien & <Co> \"Ltd\""


@pytest.mark.parametrize("make", [
    lambda: nx.DiGraph([("a", "b")]),  # direction
    lambda: nx.Graph([("a", "b", {"note": "tab\there"})]),  # a character lxml writes as a reference
    lambda: nx.Graph([("a", "b", {"note": ""})]),  # an empty text
    lambda: nx.Graph(name="graph attributes"),
    nx.Graph,  # no nodes
])
def test_graphml_of_other_graphs_is_written_by_networkx(make, tmp_path):
    assert write_graphml(make(), tmp_path / "g.graphml").read_bytes() == _networkx_graphml(make())


def test_copies_without_their_original_and_unknown_documents():
    # "gone" is not in the table: its copies form a group whose first copy (c1) stands for it
    docs = _docs([
        ("c1", "A and B. C.", "en", "gone"),
        ("c2", "A and B. C.", "en", "gone"),
        ("d", "A. B and C.", "en", ""),
    ])
    mentions = _mentions([
        ("c1", "a", 0), ("c1", "b", 0), ("c1", "c", 1),
        ("c2", "a", 0), ("c2", "c", 0),  # a copy's own sentence numbers are not read
        ("d", "a", 0), ("d", "b", 1), ("d", "c", 1),
        ("elsewhere", "a", 0), ("elsewhere", "b", 0),  # not in documents: ignored
    ])
    rows = {(r.source, r.target): (r.n_docs, r.n_sentences) for r in cooccurrence(mentions, docs).itertuples()}
    assert rows == {("a", "b"): (2, 1), ("a", "c"): (2, 0), ("b", "c"): (2, 1)}
    with pytest.raises(ValueError, match="repeated doc_id"):
        cooccurrence(mentions, pd.concat([docs, docs]))


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
