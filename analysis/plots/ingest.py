"""Plots of the 01-ingest notebook: document lengths by language and item counts by status.

Each function draws on ``ax`` when given (else on a new figure) and returns the Figure; nothing
is shown or saved, so they work with any backend, including Agg.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

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


def plot_length_distribution(documents: pd.DataFrame, *, ax: Axes | None = None) -> Figure:
    """Words per document for each language: a box (quartiles, median) over the individual
    documents as dots, on a log scale so short and very long articles both stay visible."""
    langs = documents["lang"].fillna("unknown") if not documents.empty else pd.Series(dtype=object)
    order = sorted(langs.unique())
    fig, ax = _axes(ax, (8, 1.2 + 0.5 * max(1, len(order))))
    if documents.empty:
        _message(ax, "no documents")
        return fig
    lengths = documents["n_words"].clip(lower=1)
    groups = [lengths[langs == lang].to_numpy() for lang in order]
    ax.boxplot(groups, orientation="horizontal", widths=0.6, showfliers=False, medianprops={"color": "black"})
    jitter = np.random.default_rng(0)  # fixed: identical figures on every run
    for position, values in enumerate(groups, start=1):
        ax.scatter(values, position + jitter.uniform(-0.18, 0.18, len(values)), s=8, alpha=0.45, color="#4C72B0")
    ax.set_yticks(range(1, len(order) + 1), [f"{lang} (n={len(v)}, median {np.median(v):.0f})" for lang, v in zip(order, groups)])
    ax.set_xscale("log")
    ax.xaxis.set_major_locator(LogLocator(subs=(1.0, 2.0, 5.0)))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:,.0f}"))
    ax.xaxis.set_minor_formatter(NullFormatter())
    ax.set_xlabel("words per document (log scale)")
    ax.set_title(f"Document length by language ({len(documents)} documents)")
    ax.invert_yaxis()
    ax.grid(axis="x", alpha=0.3)
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
