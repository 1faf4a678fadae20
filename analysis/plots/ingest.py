"""Plots of the 01-ingest notebook: document lengths by language and item counts by status."""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

_STATUS_COLOURS = {"loaded": "#55A868", "duplicate": "#DD8452", "skipped": "#C44E52"}
_STATUS_ORDER = ("loaded", "duplicate", "skipped")


def _axes(ax: Axes | None, figsize: tuple[float, float]) -> tuple[Figure, Axes]:
    if ax is None:
        fig, ax = plt.subplots(figsize=figsize)
        return fig, ax
    return ax.figure, ax


def _message(ax: Axes, text: str) -> None:
    ax.text(0.5, 0.5, text, ha="center", va="center", transform=ax.transAxes)
    ax.set_axis_off()


def plot_length_distribution(documents: pd.DataFrame, *, ax: Axes | None = None, bins: int = 30) -> Figure:
    """Histogram of words per document (log-spaced bins), one outlined series per language."""
    fig, ax = _axes(ax, (8, 4))
    if documents.empty:
        _message(ax, "no documents")
        return fig
    lengths = documents["n_words"].clip(lower=1)
    low, high = max(1, int(lengths.min())), max(2, int(lengths.max()))
    edges = np.unique(np.geomspace(low, high * 1.001, bins + 1))
    langs = documents["lang"].fillna("unknown")
    for lang in sorted(langs.unique()):
        values = lengths[langs == lang]
        ax.hist(values, bins=edges, histtype="step", linewidth=1.8, label=f"{lang} (n={len(values)})")
    ax.set_xscale("log")
    ax.set_xlabel("words per document (log scale)")
    ax.set_ylabel("documents")
    ax.set_title("Document length by language")
    median = float(lengths.median())
    ax.axvline(median, color="grey", linestyle="--", linewidth=1)
    ax.annotate(f"median {median:.0f}", (median, 1), xycoords=("data", "axes fraction"),
                xytext=(3, -12), textcoords="offset points", color="grey", fontsize=8)
    ax.legend(title="language", fontsize=8, frameon=False)
    fig.tight_layout()
    return fig


def plot_status_counts(report: pd.DataFrame, *, ax: Axes | None = None) -> Figure:
    """Bar chart of input items per status (loaded, duplicate, skipped), counts on the bars."""
    fig, ax = _axes(ax, (6, 3))
    if report.empty:
        _message(ax, "no input items")
        return fig
    counts = report["status"].value_counts()
    statuses = [s for s in _STATUS_ORDER if s in counts.index] + sorted(set(counts.index) - set(_STATUS_ORDER))
    values = [int(counts[s]) for s in statuses]
    bars = ax.bar(statuses, values, color=[_STATUS_COLOURS.get(s, "#8C8C8C") for s in statuses])
    ax.bar_label(bars, labels=[str(v) for v in values], padding=2)
    ax.set_ylabel("input items")
    ax.set_title(f"Ingest: {len(report)} input items")
    ax.set_ylim(0, max(values) * 1.15 + 1)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return fig
