"""Small tables and sentences the notebooks display (so notebooks hold no logic)."""
from __future__ import annotations

import pandas as pd

from analysis.kb import slugify
from analysis.params import parse_languages


def status_counts(report: pd.DataFrame) -> pd.DataFrame:
    """Input items per status and reason."""
    return (report.assign(reason=report["reason"].fillna("—"))
            .groupby(["status", "reason"], dropna=False).size().rename("items").reset_index()
            .sort_values(["status", "items", "reason"], ascending=[True, False, True], ignore_index=True))


def language_counts(documents: pd.DataFrame) -> pd.DataFrame:
    """Documents per language: originals, duplicates, mean confidence, mixed-language documents."""
    frame = documents.assign(is_duplicate=documents["duplicate_of"].notna())
    grouped = frame.groupby("lang")
    table = pd.DataFrame({
        "documents": grouped.size(),
        "duplicates": grouped["is_duplicate"].sum().astype(int),
        "mean_confidence": grouped["lang_confidence"].mean().round(3),
        "median_words": grouped["n_words"].median(),
    })
    if "mixed_language" in documents:
        table["mixed_language"] = grouped["mixed_language"].sum().astype(int)
    return table.reset_index().sort_values(["documents", "lang"], ascending=[False, True], ignore_index=True)


def document_sample(documents: pd.DataFrame, *, n: int = 5, random_state: int = 0,
                    preview_chars: int = 200) -> pd.DataFrame:
    """A reproducible sample of documents with the start of their text."""
    sample = documents.sample(n=min(n, len(documents)), random_state=random_state).sort_values("doc_id")
    return pd.DataFrame({
        "doc_id": sample["doc_id"], "lang": sample["lang"], "date": sample["date"], "title": sample["title"],
        "n_words": sample["n_words"],
        "text": sample["text"].str.slice(0, preview_chars).str.replace(r"\s+", " ", regex=True) + "…",
    }).reset_index(drop=True)


def ingest_summary(documents: pd.DataFrame, report: pd.DataFrame, *, languages: str) -> str:
    """A short Markdown paragraph describing what ingestion kept and dropped."""
    status = report["status"].value_counts()
    langs = documents["lang"].value_counts()
    configured = set(parse_languages(languages))
    lang_text = ", ".join(f"{lang} {n}" for lang, n in langs.items())
    dated = int(documents["date"].notna().sum())
    lines = [
        f"- **{len(report)}** input items: {int(status.get('loaded', 0))} loaded, "
        f"{int(status.get('duplicate', 0))} duplicates, {int(status.get('skipped', 0))} skipped.",
        f"- Languages: {lang_text}.",
        f"- {dated} of {len(documents)} documents have a date.",
    ]
    outside = sorted(set(langs.index) - configured)
    if outside:
        lines.append(f"- Languages outside the configured set: {', '.join(outside)}.")
    return "\n".join(lines)


def _format_mapping(mapping: object, *, digits: int | None = None) -> str:
    if not isinstance(mapping, dict):
        return ""
    items = sorted(mapping.items(), key=lambda kv: (-kv[1], kv[0])) if digits is not None else sorted(mapping.items())
    if digits is not None:
        return ", ".join(f"{k} {v:.{digits}f}" for k, v in items if v)
    return " | ".join(f"{k}: {', '.join(list(v)[:5])}" for k, v in items)


def topic_table(topics: pd.DataFrame) -> pd.DataFrame:
    """Topics with their label, size, language shares and top terms per language."""
    return pd.DataFrame({
        "topic_id": topics["topic_id"], "label": topics["label"], "size": topics["size"],
        "languages": topics["lang_share"].map(lambda m: _format_mapping(m, digits=2)),
        "terms_by_lang": topics["terms_by_lang"].map(_format_mapping),
    }).sort_values(["size", "topic_id"], ascending=[False, True], ignore_index=True)


def story_table(documents: pd.DataFrame, *, min_documents: int = 2) -> pd.DataFrame:
    """Stories with at least ``min_documents`` documents: languages and titles."""
    if documents["story_id"].isna().all():
        return pd.DataFrame(columns=["story_id", "documents", "languages", "titles"])
    grouped = documents.dropna(subset=["story_id"]).groupby("story_id")
    table = pd.DataFrame({
        "documents": grouped.size(),
        "languages": grouped["lang"].agg(lambda s: ", ".join(sorted(set(s)))),
        "titles": grouped["title"].agg(lambda s: " · ".join(s.fillna("").str.slice(0, 60))),
    }).reset_index()
    table = table[table["documents"] >= min_documents]
    return table.sort_values(["documents", "story_id"], ascending=[False, True], ignore_index=True)


def topics_summary(documents: pd.DataFrame, topics: pd.DataFrame, doc_topics: pd.DataFrame) -> str:
    assigned = doc_topics[doc_topics["topic_id"] >= 0]["doc_id"].nunique()
    multilingual = int(topics["lang_share"].map(
        lambda m: sum(1 for v in (m or {}).values() if v >= 0.2) >= 2 if isinstance(m, dict) else False).sum())
    stories = documents["story_id"].value_counts()
    return "\n".join([
        f"- **{len(topics)}** topics over {len(documents)} documents; {assigned} documents have a topic "
        f"({len(documents) - assigned} outliers).",
        f"- {multilingual} topics have two or more languages with at least 20% of their documents each.",
        f"- {int((stories > 1).sum())} stories group two or more documents.",
    ])


def actor_table(actors: pd.DataFrame, *, top: int = 20) -> pd.DataFrame:
    """The most mentioned actors with their type, country, document count and languages."""
    table = actors.sort_values(["n_docs", "n_mentions", "actor"], ascending=[False, False, True]).head(top)
    return table.assign(langs=table["langs"].map(lambda v: ", ".join(v) if v is not None else "")).reset_index(
        drop=True)


def mention_methods(mentions: pd.DataFrame) -> pd.DataFrame:
    """Mentions per matching method and actor type."""
    return (mentions.groupby(["method", "actor_type"]).size().rename("mentions").reset_index()
            .sort_values(["mentions", "method"], ascending=[False, True], ignore_index=True))


def cooccurrence_table(cooc: pd.DataFrame, actors: pd.DataFrame, *, top: int = 20) -> pd.DataFrame:
    """Strongest co-occurrence edges, with canonical names."""
    names = actors.set_index("actor_id")["actor"]
    table = cooc.sort_values(["n_docs", "npmi", "source", "target"], ascending=[False, False, True, True]).head(top)
    return table.assign(source=table["source"].map(names).fillna(table["source"]),
                        target=table["target"].map(names).fillna(table["target"])).reset_index(drop=True)


def focus_actor(actors: pd.DataFrame, requested: str) -> str:
    """actor_id of the requested focus actor (name or id); the most named actor when empty.

    A known actor that this corpus never names gets its slug, so the ego network says it has no partners.
    """
    if not requested:
        if actors.empty:
            raise ValueError("no actors were found, so there is no focus actor to show")
        return actors.sort_values(["n_docs", "n_mentions", "actor_id"], ascending=[False, False, True]).iloc[0][
            "actor_id"]
    match = actors[(actors["actor_id"] == requested) | (actors["actor"].str.casefold() == requested.casefold())]
    return match.iloc[0]["actor_id"] if len(match) else slugify(requested)


def actors_summary(mentions: pd.DataFrame, actors: pd.DataFrame, cooc: pd.DataFrame) -> str:
    persons = actors[actors["actor_type"] == "person"]
    top = ", ".join(persons.sort_values(["n_docs", "actor"], ascending=[False, True])["actor"].head(5))
    return "\n".join([
        f"- **{len(mentions)}** mentions of **{len(actors)}** actors ({len(persons)} persons).",
        f"- Most named persons: {top or '—'}.",
        f"- {len(cooc)} co-occurrence edges.",
    ])


def in_date_range(frame: pd.DataFrame, date_from: str, date_to: str) -> pd.DataFrame:
    """Rows whose ``date`` lies in [date_from, date_to]; undated rows are kept only when no limit is set."""
    if not date_from and not date_to:
        return frame
    dates = pd.to_datetime(frame["date"])
    keep = dates.notna()
    if date_from:
        keep &= dates >= pd.Timestamp(date_from)
    if date_to:
        keep &= dates <= pd.Timestamp(date_to)
    return frame[keep]


def contact_table(contacts: pd.DataFrame) -> pd.DataFrame:
    """Contacts sorted by date, with parties joined for reading."""
    if contacts.empty:
        return contacts
    table = contacts.assign(parties=contacts["parties"].map(lambda v: " – ".join(v)),
                            doc_ids=contacts["doc_ids"].map(lambda v: ", ".join(v)))
    columns = ["date", "date_precision", "parties", "mode", "status", "doc_ids", "lang", "evidence"]
    return table.sort_values(["date", "event_id"], na_position="last")[columns].reset_index(drop=True)


def quote_table(quotes: pd.DataFrame, *, max_chars: int = 160) -> pd.DataFrame:
    if quotes.empty:
        return quotes
    return quotes.assign(quote=quotes["quote"].str.slice(0, max_chars))[["doc_id", "speaker", "lang", "quote"]]


def timeline_summary(contacts: pd.DataFrame, quotes: pd.DataFrame) -> str:
    dated = int(contacts["date"].notna().sum()) if not contacts.empty else 0
    modes = contacts["mode"].value_counts().to_dict() if not contacts.empty else {}
    attributed = int(quotes["speaker"].notna().sum()) if not quotes.empty else 0
    return "\n".join([
        f"- **{len(contacts)}** contacts ({dated} dated): "
        + (", ".join(f"{m} {n}" for m, n in sorted(modes.items())) or "none") + ".",
        f"- **{len(quotes)}** quotations, {attributed} with a named speaker.",
    ])
