"""Evidence behind every reported fact: the sentences and documents a contact, an edge or a topic rests on.

Tables come back as DataFrames (sentence text plus highlight spans) and render to HTML in which
corpus text is always escaped: an article containing markup shows that markup as text.
"""
from __future__ import annotations

import html
import re
from collections.abc import Iterable

import pandas as pd

from analysis.sentences import split_sentences

EVIDENCE_COLUMNS = ["anchor", "fact", "doc_id", "title", "lang", "sentence", "highlights"]


def anchor_id(kind: str, key: str) -> str:
    """HTML id for an evidence row (``contact-<event_id>``, ``edge-<a>--<b>``, ``topic-<id>``)."""
    return f"{kind}-" + re.sub(r"[^A-Za-z0-9_.-]+", "-", str(key)).strip("-")


def highlight(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """Escape ``text`` and wrap the character spans in ``<mark>`` (overlaps merged)."""
    merged: list[list[int]] = []
    for start, end in sorted((max(0, s), min(len(text), e)) for s, e in spans if e > s):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    parts, position = [], 0
    for start, end in merged:
        parts.append(html.escape(text[position:start]))
        parts.append(f"<mark>{html.escape(text[start:end])}</mark>")
        position = end
    parts.append(html.escape(text[position:]))
    return "".join(parts)


def _spans_in(mentions: pd.DataFrame, doc_id: str, start: int, end: int, actor_ids: Iterable[str]) -> list:
    rows = mentions[(mentions["doc_id"] == doc_id) & (mentions["start"] >= start) & (mentions["end"] <= end)
                    & mentions["actor_id"].isin(list(actor_ids))]
    return [(int(s) - start, int(e) - start) for s, e in zip(rows["start"], rows["end"])]


def contact_evidence(contacts: pd.DataFrame, documents: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """One row per contact: the evidence sentence with the parties highlighted, and its document."""
    if contacts.empty:
        return pd.DataFrame(columns=EVIDENCE_COLUMNS)
    docs = documents.set_index("doc_id")
    rows = []
    for contact in contacts.itertuples(index=False):
        doc_id = contact.evidence_doc_id
        start, end = int(contact.evidence_start), int(contact.evidence_end)
        text = docs.at[doc_id, "text"]
        date = "" if pd.isna(contact.date) else f"{pd.Timestamp(contact.date):%Y-%m-%d} ({contact.date_precision})"
        reports = len(contact.doc_ids)
        rows.append({
            "anchor": anchor_id("contact", contact.event_id),
            "fact": f"{' – '.join(contact.parties)}: {contact.mode.replace('_', ' ')}, {contact.status}"
                    + (f", {date}" if date else ", undated") + (f"; {reports} reports" if reports > 1 else ""),
            "doc_id": doc_id, "title": docs.at[doc_id, "title"], "lang": docs.at[doc_id, "lang"],
            "sentence": text[start:end],
            "highlights": _spans_in(mentions, doc_id, start, end, contact.party_ids),
        })
    return pd.DataFrame(rows, columns=EVIDENCE_COLUMNS)


def cooccurrence_evidence(cooc: pd.DataFrame, mentions: pd.DataFrame, documents: pd.DataFrame, *,
                          actors: pd.DataFrame, top: int = 20, per_edge: int = 2) -> pd.DataFrame:
    """For the ``top`` edges (by documents), up to ``per_edge`` sentences naming both actors."""
    if cooc.empty or mentions.empty:
        return pd.DataFrame(columns=EVIDENCE_COLUMNS)
    names = actors.set_index("actor_id")["actor"]
    edges = cooc.sort_values(["n_docs", "npmi", "source", "target"], ascending=[False, False, True, True]).head(top)
    edge_actors = set(edges["source"]) | set(edges["target"])
    relevant = mentions[mentions["actor_id"].isin(edge_actors)]
    sentences_of = {actor: set(zip(group["doc_id"], group["sentence_id"]))
                    for actor, group in relevant.groupby("actor_id")}
    docs = documents.set_index("doc_id")
    sentence_spans: dict[str, list[tuple[int, int]]] = {}
    rows = []
    for edge in edges.itertuples(index=False):
        pair = {edge.source, edge.target}
        source_sentences, target_sentences = sentences_of.get(edge.source, set()), sentences_of.get(edge.target, set())
        shared = sorted(source_sentences & target_sentences)
        if not shared:  # the pair shares documents but no sentence: show the first document
            doc_ids = sorted({d for d, _ in source_sentences} & {d for d, _ in target_sentences})
            shared = [(doc_id, None) for doc_id in doc_ids]
        for doc_id, sentence_id in shared[:per_edge]:
            text = docs.at[doc_id, "text"]
            if sentence_id is None:
                start, end = 0, min(len(text), 300)
            else:
                spans = sentence_spans.setdefault(doc_id, split_sentences(text, lang=docs.at[doc_id, "lang"]))
                start, end = spans[int(sentence_id)] if int(sentence_id) < len(spans) else (0, min(len(text), 300))
            rows.append({
                "anchor": anchor_id("edge", f"{edge.source}--{edge.target}"),
                "fact": f"{names.get(edge.source, edge.source)} – {names.get(edge.target, edge.target)}: "
                        f"{edge.n_docs} documents, {edge.n_sentences} sentences, NPMI {edge.npmi:.2f}",
                "doc_id": doc_id, "title": docs.at[doc_id, "title"], "lang": docs.at[doc_id, "lang"],
                "sentence": text[start:end], "highlights": _spans_in(mentions, doc_id, start, end, pair),
            })
    return pd.DataFrame(rows, columns=EVIDENCE_COLUMNS)


def topic_evidence(doc_topics: pd.DataFrame, documents: pd.DataFrame, topics: pd.DataFrame, *,
                   per_topic: int = 3, preview_chars: int = 240) -> pd.DataFrame:
    """The ``per_topic`` documents most typical of each topic (highest weight), with their opening."""
    if doc_topics.empty:
        return pd.DataFrame(columns=EVIDENCE_COLUMNS)
    labels = topics.set_index("topic_id")["label"]
    docs = documents.set_index("doc_id")
    ranked = (doc_topics[doc_topics["topic_id"] >= 0]
              .sort_values(["topic_id", "weight", "doc_id"], ascending=[True, False, True])
              .groupby("topic_id").head(per_topic))
    rows = []
    for row in ranked.itertuples(index=False):
        text = docs.at[row.doc_id, "text"]
        rows.append({
            "anchor": anchor_id("topic", row.topic_id),
            "fact": f"topic {row.topic_id}: {labels.get(row.topic_id, '')} (weight {row.weight:.2f})",
            "doc_id": row.doc_id, "title": docs.at[row.doc_id, "title"], "lang": docs.at[row.doc_id, "lang"],
            "sentence": text[:preview_chars] + ("…" if len(text) > preview_chars else ""), "highlights": [],
        })
    return pd.DataFrame(rows, columns=EVIDENCE_COLUMNS)


def render(evidence: pd.DataFrame, *, caption: str) -> str:
    """An HTML table of evidence rows; the first row of each fact carries its anchor id."""
    if evidence.empty:
        return f"<p><em>{html.escape(caption)}: nothing to show.</em></p>"
    body, seen = [], set()
    for row in evidence.itertuples(index=False):
        anchor = "" if row.anchor in seen else f' id="{html.escape(row.anchor)}"'
        seen.add(row.anchor)
        body.append(
            f"<tr{anchor}><td>{html.escape(row.fact)}</td><td>{html.escape(str(row.title or ''))}<br>"
            f"<small>{html.escape(row.doc_id)}</small></td><td>{html.escape(str(row.lang))}</td>"
            f"<td>{highlight(row.sentence, row.highlights)}</td></tr>"
        )
    return (
        '<table class="crosswire-evidence" style="border-collapse:collapse;text-align:left">'
        f"<caption style='text-align:left;font-weight:bold'>{html.escape(caption)}</caption>"
        "<thead><tr><th>Fact</th><th>Document</th><th>Lang</th><th>Evidence</th></tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table>"
    )
