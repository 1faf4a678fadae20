"""Plots for the topics notebook. Every function returns a matplotlib Figure; sizes grow with
the number of topics so that 30+ topics stay readable."""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from sklearn.decomposition import PCA

from ..errors import ParameterError
from ..topics import OUTLIER_TOPIC, as_dict

_LABEL_CHARS = 40


def _topic_names(topics: pd.DataFrame) -> dict[int, str]:
    names = {}
    for row in topics.itertuples(index=False):
        label = str(row.label)
        label = label if len(label) <= _LABEL_CHARS else label[: _LABEL_CHARS - 1] + "…"
        names[int(row.topic_id)] = f"{int(row.topic_id)}: {label}"
    return names


def _ordered(topics: pd.DataFrame) -> pd.DataFrame:
    """Topics by id with the outlier topic (-1) last."""
    return topics.assign(_last=topics["topic_id"] == OUTLIER_TOPIC).sort_values(["_last", "topic_id"]).drop(columns="_last")


def _colours(n: int) -> list:
    cmap = plt.get_cmap("tab20" if n > 10 else "tab10")
    return [cmap(i % cmap.N) for i in range(n)]


def plot_topic_language_heatmap(topics: pd.DataFrame, *, annotate: bool | None = None) -> Figure:
    """Share of each topic's documents per language (rows: topics, columns: languages)."""
    ordered = _ordered(topics)
    shares = pd.DataFrame([as_dict(s) for s in ordered["lang_share"]], index=ordered["topic_id"]).fillna(0.0)
    shares = shares.reindex(columns=sorted(shares.columns))
    names = _topic_names(ordered)
    n_topics, n_langs = shares.shape
    fig, ax = plt.subplots(figsize=(2.5 + 0.7 * max(n_langs, 1) + 2.5, 1.5 + 0.3 * max(n_topics, 1)))
    image = ax.imshow(shares.to_numpy(), aspect="auto", cmap="Blues", vmin=0, vmax=1)
    ax.set_xticks(range(n_langs), shares.columns)
    ax.set_yticks(range(n_topics), [names[t] for t in shares.index], fontsize=8 if n_topics > 25 else 9)
    if annotate if annotate is not None else n_topics * n_langs <= 600:
        for (i, j), value in np.ndenumerate(shares.to_numpy()):
            if value > 0:
                ax.text(j, i, f"{value:.0%}", ha="center", va="center", fontsize=7,
                        color="white" if value > 0.6 else "black")
    ax.set_xlabel("language")
    ax.set_title("Topics by language (share of each topic's documents)")
    fig.colorbar(image, ax=ax, fraction=0.04, pad=0.02)
    fig.tight_layout()
    return fig


def plot_topic_sizes(topics: pd.DataFrame) -> Figure:
    """Horizontal bars: documents per topic, stacked by language, labelled with the topic label."""
    ordered = _ordered(topics)
    names = _topic_names(ordered)
    shares = pd.DataFrame([as_dict(s) for s in ordered["lang_share"]], index=ordered["topic_id"]).fillna(0.0)
    shares = shares.reindex(columns=sorted(shares.columns))
    counts = shares.mul(ordered.set_index("topic_id")["size"], axis=0)
    n_topics = len(ordered)
    fig, ax = plt.subplots(figsize=(10, 1.2 + 0.3 * max(n_topics, 1)))
    left = np.zeros(n_topics)
    positions = np.arange(n_topics)
    for colour, lang in zip(_colours(len(counts.columns)), counts.columns):
        ax.barh(positions, counts[lang].to_numpy(), left=left, color=colour, label=lang)
        left += counts[lang].to_numpy()
    ax.set_yticks(positions, [names[t] for t in counts.index], fontsize=8 if n_topics > 25 else 9)
    ax.invert_yaxis()
    ax.set_xlabel("documents")
    ax.set_title("Topic sizes by language")
    if len(counts.columns):
        ax.legend(title="language", loc="lower right", fontsize=8)
    fig.tight_layout()
    return fig


def plot_document_map(
    embeddings: np.ndarray,
    doc_topics: pd.DataFrame,
    *,
    documents: pd.DataFrame | None = None,
    topics: pd.DataFrame | None = None,
    random_state: int = 0,
    max_points: int = 20000,
) -> Figure:
    """2-D PCA map of the documents coloured by topic (deterministic; ``random_state`` fixes the
    sample when there are more than ``max_points`` documents).

    ``embeddings`` rows follow ``documents`` when given, else ``doc_topics``.
    """
    embeddings = np.asarray(embeddings, dtype=np.float64)
    order = documents["doc_id"].astype(str) if documents is not None else doc_topics["doc_id"].astype(str)
    if len(order) != len(embeddings):
        raise ParameterError(f"embeddings has {len(embeddings)} rows but there are {len(order)} documents")
    topic_of = doc_topics.set_index(doc_topics["doc_id"].astype(str))["topic_id"]
    labels = topic_of.reindex(order.to_numpy()).fillna(OUTLIER_TOPIC).astype(int).to_numpy()
    keep = np.arange(len(embeddings))
    if len(keep) > max_points:
        keep = np.sort(np.random.default_rng(random_state).choice(len(keep), max_points, replace=False))
    points = (PCA(n_components=2, svd_solver="full").fit_transform(embeddings[keep])
              if len(keep) >= 2 else np.zeros((len(keep), 2)))
    labels = labels[keep]
    names = _topic_names(topics) if topics is not None else {}
    topic_ids = sorted(set(labels.tolist()) - {OUTLIER_TOPIC})
    fig, ax = plt.subplots(figsize=(11 if len(topic_ids) > 15 else 9, 7))
    if (labels == OUTLIER_TOPIC).any():
        ax.scatter(*points[labels == OUTLIER_TOPIC].T, s=6, c="lightgrey", label="-1: no topic")
    markers = "os^Dv"
    for colour_index, topic_id in enumerate(topic_ids):
        colour = _colours(20)[colour_index % 20]
        ax.scatter(*points[labels == topic_id].T, s=10, color=colour, marker=markers[(colour_index // 20) % len(markers)],
                   label=names.get(topic_id, f"topic {topic_id}"))
        centre = points[labels == topic_id].mean(axis=0)
        ax.annotate(str(topic_id), centre, fontsize=8, weight="bold", ha="center")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_title("Documents (PCA of embeddings), coloured by topic")
    ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize=7, markerscale=1.5,
              ncol=1 if len(topic_ids) <= 30 else 2, frameon=False)
    fig.tight_layout()
    return fig


def plot_topics_over_time(over_time: pd.DataFrame, topics: pd.DataFrame | None = None, *, top: int = 10) -> Figure:
    """Documents per period for the ``top`` largest topics (the rest summed as "other").

    ``over_time`` is the output of ``topics.topics_over_time``.
    """
    fig, ax = plt.subplots(figsize=(11, 5))
    if over_time.empty:
        ax.text(0.5, 0.5, "no dated documents", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return fig
    table = over_time.pivot_table(index="period", columns="topic_id", values="n_docs", aggfunc="sum", fill_value=0)
    largest = table.sum().sort_values(ascending=False, kind="stable").index[:top]
    rest = [c for c in table.columns if c not in largest]
    names = _topic_names(topics) if topics is not None else {}
    shown = table[list(largest)].rename(columns=lambda t: names.get(t, f"topic {t}"))
    if rest:
        shown["other topics"] = table[rest].sum(axis=1)
    colours = _colours(max(len(shown.columns), 1))
    if len(shown) == 1:
        shown.plot.bar(ax=ax, stacked=True, color=colours, width=0.5)
    else:
        ax.stackplot(shown.index, shown.T.to_numpy(), labels=shown.columns, colors=colours[: len(shown.columns)])
    ax.set_ylabel("documents")
    ax.set_title("Topics over time")
    ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize=8, frameon=False)
    fig.tight_layout()
    return fig
