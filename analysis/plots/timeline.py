"""Plots for the 04-timeline notebook: contacts over time, actor mentions and topic shares over time."""
from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from analysis.evidence import anchor_id

MODE_MARKERS = {
    "phone_call": ("o", "tab:blue"),
    "video_call": ("s", "tab:cyan"),
    "meeting": ("D", "tab:red"),
    "visit": ("^", "tab:green"),
    "talks": ("P", "tab:purple"),
    "summit": ("*", "tab:orange"),
    "letter": ("v", "tab:brown"),
}
STATUS_FILL = {"happened": "full", "planned": "none", "refused": "none"}


def _message(ax, text: str) -> None:
    ax.text(0.5, 0.5, text, ha="center", va="center", transform=ax.transAxes, fontsize=12, color="0.4")
    ax.set_xticks([])
    ax.set_yticks([])


def _new_axes(ax, size) -> tuple[Figure, plt.Axes]:
    if ax is not None:
        return ax.figure, ax
    fig, ax = plt.subplots(figsize=size)
    return fig, ax


def plot_contact_timeline(contacts: pd.DataFrame, *, ax=None, lanes: str = "pair", max_lanes: int = 30) -> Figure:
    """Contacts on a time axis: one lane per party set (``lanes="pair"``) or per actor (``"actor"``).

    Markers encode the mode (filled: happened, hollow: planned, red cross: refused); a
    contact dated only to a month or a year is drawn as a bar spanning that period. Rendered as SVG
    (``analysis.plots.show(fig, svg=True)``), each marker links to ``#contact-<event_id>``.
    """
    if lanes not in ("pair", "actor"):
        raise ValueError(f"lanes must be 'pair' or 'actor', got {lanes!r}")
    dated = pd.DataFrame() if contacts is None or not len(contacts) else contacts[contacts["date"].notna()]
    n_lanes = 1
    if len(dated):
        rows = dated.copy()
        if lanes == "pair":
            rows["lane"] = rows["parties"].map(_pair_label)
        else:
            rows = rows.explode("parties").rename(columns={"parties": "lane"})
        order = rows.groupby("lane")["date"].agg(["size", "min"]).sort_values(["size", "min"], ascending=[False, True])
        keep = list(order.index[:max_lanes])
        rows = rows[rows["lane"].isin(keep)]
        n_lanes = len(keep)
    fig, ax = _new_axes(ax, (11, max(2.5, 0.45 * n_lanes + 1.5)))
    if not len(dated):
        _message(ax, "no dated contacts")
        return fig
    y_of = {lane: i for i, lane in enumerate(reversed(keep))}
    for row in rows.itertuples():
        y = y_of[row.lane]
        marker, color = MODE_MARKERS.get(row.mode, ("o", "0.3"))
        start = pd.Timestamp(row.date)
        if row.date_precision in ("month", "year"):
            end = (start + (pd.offsets.MonthEnd(0) if row.date_precision == "month" else pd.offsets.YearEnd(0)))
            ax.barh(y, mdates.date2num(end) - mdates.date2num(start) + 1, left=mdates.date2num(start),
                    height=0.35, color=color, alpha=0.3, edgecolor=color)
            start = start + (end - start) / 2
        (point,) = ax.plot(mdates.date2num(start), y, marker=marker, color=color, markersize=9, linestyle="none",
                           fillstyle=STATUS_FILL.get(row.status, "full"))
        if "event_id" in rows.columns:  # in an SVG rendering the marker links to the contact's evidence row
            point.set_url(f"#{anchor_id('contact', row.event_id)}")
        if row.status == "refused":
            ax.plot(mdates.date2num(start), y, marker="x", color="red", markersize=9, linestyle="none")
    ax.set_yticks(list(y_of.values()), list(y_of.keys()), fontsize=8)
    ax.set_ylim(-0.7, len(y_of) - 0.3)
    locator = mdates.AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.grid(axis="x", alpha=0.3)
    handles = [plt.Line2D([], [], marker=m, color=c, linestyle="none", label=mode.replace("_", " "))
               for mode, (m, c) in MODE_MARKERS.items() if mode in set(rows["mode"])]
    handles.append(plt.Line2D([], [], marker="o", color="0.3", fillstyle="none", linestyle="none", label="planned"))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)
    ax.set_title("Diplomatic contacts over time")
    fig.tight_layout()
    return fig


def _pair_label(parties) -> str:
    names = list(parties)
    if len(names) > 3:
        return " – ".join(names[:3]) + f" +{len(names) - 3}"
    return " – ".join(names)


def _period_counts(frame: pd.DataFrame, column: str, freq: str) -> pd.DataFrame:
    period = frame["date"].dt.to_period(freq).dt.to_timestamp()
    return frame.assign(period=period).groupby(["period", column]).size().unstack(fill_value=0).sort_index()


def plot_mentions_over_time(mentions: pd.DataFrame, documents: pd.DataFrame, *, top: int = 10, freq: str = "M",
                            ax=None) -> Figure:
    """Documents mentioning each of the ``top`` most mentioned actors, per period (``freq``: D, W, M, Q, Y)."""
    if top < 1:
        raise ValueError(f"top must be >= 1, got {top!r}")
    fig, ax = _new_axes(ax, (11, 4.5))
    if mentions is None or documents is None or not len(mentions) or not len(documents):
        _message(ax, "no mentions")
        return fig
    dated = documents.loc[documents["date"].notna(), ["doc_id", "date"]]
    merged = mentions[["doc_id", "actor"]].drop_duplicates().merge(dated, on="doc_id")
    if not len(merged):
        _message(ax, "no dated documents")
        return fig
    leaders = merged["actor"].value_counts().sort_index().sort_values(ascending=False, kind="stable").index[:top]
    counts = _period_counts(merged[merged["actor"].isin(leaders)], "actor", freq)[list(leaders)]
    for actor in counts.columns:
        ax.plot(counts.index, counts[actor], marker="o", markersize=3, label=actor)
    ax.set_ylabel("documents")
    ax.set_title(f"Mentions of the top {len(counts.columns)} actors over time")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)
    fig.autofmt_xdate()
    fig.tight_layout()
    return fig


def plot_topic_shares_over_time(doc_topics: pd.DataFrame, documents: pd.DataFrame, topics: pd.DataFrame, *,
                                freq: str = "M", top: int = 10, ax=None) -> Figure:
    """Share of each topic among the dated documents of each period (stacked areas; weights summed)."""
    fig, ax = _new_axes(ax, (11, 4.5))
    if doc_topics is None or documents is None or not len(doc_topics) or not len(documents):
        _message(ax, "no topics")
        return fig
    dated = documents.loc[documents["date"].notna(), ["doc_id", "date"]]
    merged = doc_topics.merge(dated, on="doc_id")
    if not len(merged):
        _message(ax, "no dated documents")
        return fig
    labels = {}
    if topics is not None and len(topics) and "label" in topics.columns:
        labels = dict(zip(topics["topic_id"], topics["label"].astype(str)))
    period = merged["date"].dt.to_period(freq).dt.to_timestamp()
    weights = merged.assign(period=period).pivot_table(index="period", columns="topic_id", values="weight",
                                                       aggfunc="sum", fill_value=0.0).sort_index()
    leading = weights.sum().sort_values(ascending=False, kind="stable").index[:top]
    other = weights.drop(columns=leading).sum(axis=1)
    shown = weights[leading].copy()
    if other.any():
        shown["other"] = other
    shares = shown.div(shown.sum(axis=1).where(lambda s: s > 0, 1.0), axis=0)
    names = [labels.get(t, str(t)) if t != "other" else "other" for t in shares.columns]
    if len(shares) < 2:  # one period: an area needs two points, draw a stacked bar
        bottom = 0.0
        for name, value in zip(names, shares.iloc[0]):
            ax.bar(shares.index, value, bottom=bottom, width=20, label=name[:40])
            bottom += value
    else:
        ax.stackplot(shares.index, shares.T.to_numpy(), labels=[n[:40] for n in names], alpha=0.85)
    ax.set_ylim(0, 1)
    ax.set_ylabel("share of documents")
    ax.set_title("Topic shares over time")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)
    fig.autofmt_xdate()
    fig.tight_layout()
    return fig
