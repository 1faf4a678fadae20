"""Plots of the 03-actors notebook: top actors per language, co-occurrence heatmap, networks."""
from __future__ import annotations

import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.cooccurrence import ego_network

_TYPE_COLOURS = {"person": "#4C72B0", "organization": "#DD8452", "country": "#55A868"}


def _names(actors: pd.DataFrame | None) -> dict[str, str]:
    if actors is None or actors.empty or "actor" not in actors.columns:
        return {}
    return dict(zip(actors["actor_id"], actors["actor"]))


def _empty(message: str, figsize=(6, 2)) -> Figure:
    fig, ax = plt.subplots(figsize=figsize)
    ax.text(0.5, 0.5, message, ha="center", va="center")
    ax.set_axis_off()
    return fig


def plot_top_actors_by_language(
    mentions: pd.DataFrame, *, top_n: int = 10, actor_type: str | None = None, column: str = "lang"
) -> Figure:
    """One horizontal bar chart per language: the actors named in the most documents."""
    if top_n < 1:
        raise ValueError(f"top_n must be >= 1, got {top_n}")
    data = mentions if actor_type is None else mentions[mentions["actor_type"] == actor_type]
    if data.empty:
        return _empty("no actor mentions")
    counts = (data.drop_duplicates(["doc_id", "actor_id"]).groupby([column, "actor"]).size()
              .rename("n_docs").reset_index())
    langs = sorted(counts[column].dropna().unique())
    cols = min(3, len(langs))
    rows = int(np.ceil(len(langs) / cols))
    fig, axes = plt.subplots(rows, cols, figsize=(5 * cols, 0.35 * top_n * rows + 1.5), squeeze=False)
    for ax, lang in zip(axes.flat, langs):
        top = (counts[counts[column] == lang].sort_values(["n_docs", "actor"], ascending=[False, True])
               .head(top_n).iloc[::-1])
        ax.barh(top["actor"], top["n_docs"], color="#4C72B0")
        ax.set_title(f"{lang} — top {len(top)} actors")
        ax.set_xlabel("documents")
        ax.tick_params(axis="y", labelsize=8)
    for ax in list(axes.flat)[len(langs):]:
        ax.set_axis_off()
    fig.tight_layout()
    return fig


def plot_cooccurrence_heatmap(
    cooc: pd.DataFrame, actors: pd.DataFrame | None = None, *, top_n: int = 20, value: str = "n_docs"
) -> Figure:
    """Heatmap of ``value`` (n_docs, n_sentences, npmi, llr ...) among the top_n most connected actors."""
    if value not in cooc.columns:
        raise ValueError(f"value must be one of {', '.join(cooc.columns[2:])}, got {value!r}")
    if cooc.empty:
        return _empty("no co-occurring actors")
    weight = pd.concat([cooc.groupby("source")["n_docs"].sum(), cooc.groupby("target")["n_docs"].sum()])
    weight = weight.groupby(level=0).sum()
    top = sorted(weight.index, key=lambda a: (-weight[a], a))[:top_n]
    names = _names(actors)
    matrix = pd.DataFrame(np.nan, index=top, columns=top)
    sub = cooc[cooc["source"].isin(top) & cooc["target"].isin(top)]
    for s, t, v in zip(sub["source"], sub["target"], sub[value]):
        matrix.loc[s, t] = matrix.loc[t, s] = v
    labels = [names.get(a, a) for a in top]
    size = max(5, 0.45 * len(top) + 2)
    fig, ax = plt.subplots(figsize=(size + 1, size))
    image = ax.imshow(matrix.to_numpy(dtype=float), cmap="viridis")
    ax.set_xticks(range(len(top)), labels, rotation=60, ha="right", fontsize=8)
    ax.set_yticks(range(len(top)), labels, fontsize=8)
    fig.colorbar(image, ax=ax, shrink=0.8, label=value)
    ax.set_title(f"Co-occurrence ({value}), top {len(top)} actors")
    fig.tight_layout()
    return fig


def _draw(graph: nx.Graph, *, title: str, seed: int, focus: str | None = None, weight: str = "n_docs") -> Figure:
    if graph.number_of_nodes() == 0:
        return _empty("no co-occurring actors")
    pos = nx.spring_layout(graph, seed=seed, weight=weight, k=1.5 / np.sqrt(graph.number_of_nodes()))
    fig, ax = plt.subplots(figsize=(10, 8))
    widths = [0.5 + 2.5 * graph.edges[e].get(weight, 1) / max(1, max(graph.edges[x].get(weight, 1)
                                                                         for x in graph.edges))
              for e in graph.edges]
    nx.draw_networkx_edges(graph, pos, ax=ax, width=widths, alpha=0.35, edge_color="#777777")
    sizes = [200 + 60 * float(graph.nodes[n].get("n_docs", 1)) ** 0.7 for n in graph.nodes]
    colours = [("#C44E52" if n == focus else _TYPE_COLOURS.get(graph.nodes[n].get("actor_type"), "#8C8C8C"))
               for n in graph.nodes]
    nx.draw_networkx_nodes(graph, pos, ax=ax, node_size=sizes, node_color=colours, alpha=0.9)
    labels = {n: graph.nodes[n].get("actor", n) for n in graph.nodes}
    texts = nx.draw_networkx_labels(graph, pos, labels=labels, ax=ax, font_size=8)
    for text in texts.values():
        text.set_bbox({"facecolor": "white", "alpha": 0.7, "edgecolor": "none", "pad": 1})
    ax.set_title(title)
    ax.set_axis_off()
    fig.tight_layout()
    return fig


def _top_graph(cooc: pd.DataFrame, actors: pd.DataFrame | None, top_n: int) -> nx.Graph:
    from analysis.cooccurrence import to_graph

    weight = pd.concat([cooc.groupby("source")["n_docs"].sum(), cooc.groupby("target")["n_docs"].sum()])
    weight = weight.groupby(level=0).sum()
    top = set(sorted(weight.index, key=lambda a: (-weight[a], a))[:top_n])
    sub = cooc[cooc["source"].isin(top) & cooc["target"].isin(top)]
    info = actors[actors["actor_id"].isin(top)] if actors is not None else pd.DataFrame(columns=["actor_id"])
    graph = to_graph(sub, info)
    graph.remove_nodes_from([n for n in list(graph.nodes) if n not in top])
    return graph


def plot_network(cooc: pd.DataFrame, actors: pd.DataFrame | None = None, *, top_n: int = 30,
                 seed: int = 42) -> Figure:
    """Co-occurrence network of the top_n most connected actors (spring layout with a fixed seed)."""
    if top_n < 1:
        raise ValueError(f"top_n must be >= 1, got {top_n}")
    if cooc.empty:
        return _empty("no co-occurring actors")
    return _draw(_top_graph(cooc, actors, top_n), title=f"Actor co-occurrence network (top {top_n})", seed=seed)


def plot_ego_network(cooc: pd.DataFrame, actor_id: str, actors: pd.DataFrame | None = None, *,
                     depth: int = 1, top_n: int = 25, seed: int = 42) -> Figure:
    """Network around ``actor_id``: its top_n partners (by shared documents) and their links."""
    ego = ego_network(cooc, actor_id, depth=depth)
    if ego.empty:
        return _empty(f"{_names(actors).get(actor_id, actor_id)}: no co-occurring actors")
    direct = ego[(ego["source"] == actor_id) | (ego["target"] == actor_id)]
    partner = np.where(direct["source"] == actor_id, direct["target"], direct["source"])
    shared = direct["n_docs"].groupby(partner).sum()
    keep = set(sorted(shared.index, key=lambda a: (-shared[a], a))[:top_n]) | {actor_id}
    ego = ego[ego["source"].isin(keep) & ego["target"].isin(keep)]
    graph = _top_graph(ego, actors, len(keep))
    name = _names(actors).get(actor_id, actor_id)
    return _draw(graph, title=f"Ego network of {name}", seed=seed, focus=actor_id)
