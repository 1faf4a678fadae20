"""The stages: each reads the previous stage's tables from a run folder and writes its own.

Notebooks and ``python -m analysis tables`` call the same :func:`run_stage`, so both produce
the same tables with the same values.
"""
from __future__ import annotations

import json
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from analysis import config, io
from analysis.engines import local_processes
from analysis.errors import InputError, ParameterError
from analysis.params import parse_languages, resolve_corpus, resolve_out_dir, validate

COMMON_PARAMS = ("corpus", "out_dir", "progress")
STAGE_PARAMS: dict[str, tuple[str, ...]] = {
    "ingest": COMMON_PARAMS + ("languages", "min_words", "near_duplicate_threshold", "boilerplate_min_docs", "processes"),
    "topics": COMMON_PARAMS + ("embedding_model", "embedding_max_chars", "n_topics", "topic_backend", "story_threshold", "random_state",
                               "threads", "top_n"),
    "actors": COMMON_PARAMS + ("fuzzy_threshold", "unlisted_persons", "unlisted_organizations", "min_cooccurrence",
                               "focus_actor", "top_n", "processes"),
    "timeline": COMMON_PARAMS + ("contact_date_window_days", "date_from", "date_to", "top_n", "processes"),
}
STAGES = tuple(STAGE_PARAMS)
NOTEBOOKS = {"ingest": "01-ingest.ipynb", "topics": "02-topics.ipynb", "actors": "03-actors.ipynb",
             "timeline": "04-timeline.ipynb"}
STAGE_INPUTS = {"ingest": (), "topics": ("documents",), "actors": ("documents",),
                "timeline": ("documents", "mentions")}
STAGE_PROCESS_MODULES = {"ingest": ("analysis.ingest", "analysis.langid", "analysis.dates"), "topics": (), "actors": ("analysis.actors",),
                         "timeline": ("analysis.contacts", "analysis.quotes")}  # per-document work on `processes`
STATS_FILE = "stage_stats.json"


def notebook_params(stage: str, namespace: Mapping[str, Any]) -> dict[str, Any]:
    """Validate the parameters a stage's notebook declares (picked from the notebook's namespace)."""
    names = STAGE_PARAMS[stage]
    missing = [n for n in names if n not in namespace]
    if missing:
        raise ParameterError(f"notebook for stage {stage!r} does not define {', '.join(missing)}")
    params = validate({n: namespace[n] for n in names})
    if stage == "actors":
        check_focus_actor(params["focus_actor"])
    return params


def check_focus_actor(focus_actor: str) -> None:
    """Refuse a focus actor the knowledge base does not know, suggesting the closest names."""
    if not focus_actor:
        return
    import difflib

    from analysis.kb import load_kb

    actors = load_kb().actors
    known = set(actors["actor"].str.casefold()) | set(actors["actor_id"])
    if focus_actor.casefold() in known:
        return
    close = difflib.get_close_matches(focus_actor, actors["actor"].tolist(), n=5, cutoff=0.5)
    raise ParameterError(f"focus_actor {focus_actor!r} is not in the knowledge base; closest names: "
                         f"{', '.join(close) or 'none'} (or leave it empty for the most named actor)")


def stage_params(stage: str, params: Mapping[str, Any]) -> dict[str, Any]:
    """The subset of ``params`` a stage uses (and its notebook declares)."""
    return {n: params[n] for n in STAGE_PARAMS[stage] if n in params}


def read_tables(out_dir: Path, *names: str) -> dict[str, pd.DataFrame]:
    """Read named tables of a run, with a clear error when an earlier stage has not run."""
    folder = config.tables_dir(out_dir)
    tables = {}
    for name in names:
        path = folder / f"{name}.parquet"
        if not path.is_file():
            raise InputError(f"table {name!r} not found at {path}; run the earlier notebooks (or "
                             f"`python -m analysis tables`) with the same out_dir first")
        tables[name] = io.read_parquet(path)
    return tables


def write_tables(out_dir: Path, tables: Mapping[str, pd.DataFrame]) -> None:
    folder = config.tables_dir(out_dir)
    for name, frame in tables.items():
        io.write_parquet(frame, folder / f"{name}.parquet")


def run_stage(stage: str, params: Mapping[str, Any]) -> dict[str, pd.DataFrame]:
    """Run one stage on validated ``params``; write and return its tables."""
    if stage not in STAGE_PARAMS:
        raise ParameterError(f"unknown stage {stage!r}; valid stages: {', '.join(STAGES)}")
    params = validate(stage_params(stage, params))
    if stage == "actors":
        check_focus_actor(params["focus_actor"])
    out_dir = resolve_out_dir(params["out_dir"])
    io.remove_stale_temporaries(config.tables_dir(out_dir))
    inputs = read_tables(out_dir, *STAGE_INPUTS[stage])
    started = time.perf_counter()
    with local_processes(params.get("processes", 1), modules=STAGE_PROCESS_MODULES[stage]):
        tables = _STAGE_FUNCTIONS[stage](inputs, params, out_dir)
    write_tables(out_dir, tables)
    seconds = time.perf_counter() - started
    _record_stats(out_dir, stage, seconds, {name: len(frame) for name, frame in tables.items()})
    return tables


def _record_stats(out_dir: Path, stage: str, seconds: float, counts: dict[str, int]) -> None:
    path = config.tables_dir(out_dir) / STATS_FILE
    stats = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    stats[stage] = {"seconds": round(seconds, 3), "rows": counts}
    io.write_json(stats, path)


def read_stats(out_dir: Path) -> dict[str, Any]:
    path = config.tables_dir(out_dir) / STATS_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def _ingest(inputs: dict[str, pd.DataFrame], params: dict[str, Any], out_dir: Path) -> dict[str, pd.DataFrame]:
    from analysis.dates import infer_document_dates
    from analysis.ingest import ingest

    corpus = resolve_corpus(params["corpus"])
    documents, report = ingest(
        corpus,
        languages=parse_languages(params["languages"]),
        min_words=params["min_words"],
        near_duplicate_threshold=params["near_duplicate_threshold"],
        boilerplate_min_docs=params["boilerplate_min_docs"],
        progress=params["progress"],
    )
    if documents.empty:
        write_tables(out_dir, {"ingest_report": report})
        reasons = report["reason"].fillna("").value_counts().head(3)
        summary = "; ".join(f"{n} x {r or 'loaded'}" for r, n in reasons.items())
        raise InputError(f"no usable documents in {corpus} ({len(report)} input items: {summary}); "
                         f"see {config.tables_dir(out_dir) / 'ingest_report.parquet'}")
    return {"documents": infer_document_dates(documents), "ingest_report": report}


def _topics(inputs: dict[str, pd.DataFrame], params: dict[str, Any], out_dir: Path) -> dict[str, pd.DataFrame]:
    from analysis.embed import embed_documents
    from analysis.stories import assign_stories
    from analysis.topics import TopicModel

    documents = inputs["documents"]
    embeddings = embed_documents(documents, model=params["embedding_model"], threads=params["threads"] or None,
                                 max_chars=params["embedding_max_chars"], progress=params["progress"])
    model = TopicModel(n_topics=params["n_topics"], backend=params["topic_backend"],
                       random_state=params["random_state"], progress=params["progress"]).fit(documents, embeddings)
    stories = assign_stories(documents, embeddings, threshold=params["story_threshold"], progress=params["progress"])
    documents = documents.assign(story_id=stories.to_numpy())
    return {"documents": documents, "topics": model.topics_, "doc_topics": model.doc_topics_}


def _actors(inputs: dict[str, pd.DataFrame], params: dict[str, Any], out_dir: Path) -> dict[str, pd.DataFrame]:
    from analysis.actors import discover_candidates, extract_mentions, prepare_matcher, summarise_actors
    from analysis.cooccurrence import cooccurrence, to_graph, write_graphml
    from analysis.kb import load_kb

    documents = inputs["documents"]
    kb = load_kb()
    prepare_matcher(kb, fuzzy_threshold=params["fuzzy_threshold"], languages=documents["lang"].dropna().unique())
    mentions, unresolved, sentence_counts = extract_mentions(
        documents, kb=kb, fuzzy_threshold=params["fuzzy_threshold"], unlisted_persons=params["unlisted_persons"],
        unlisted_organizations=params["unlisted_organizations"], progress=params["progress"], return_unresolved=True,
        return_sentence_counts=True)
    actors = summarise_actors(mentions, documents)
    cooc = cooccurrence(mentions, documents, min_count=params["min_cooccurrence"], sentence_counts=sentence_counts)
    write_graphml(to_graph(cooc, actors), config.tables_dir(out_dir) / "cooccurrence.graphml")
    return {"mentions": mentions, "actors": actors, "cooccurrence": cooc, "unresolved_roles": unresolved,
            "actor_candidates": discover_candidates(documents, mentions, kb=kb)}


def _timeline(inputs: dict[str, pd.DataFrame], params: dict[str, Any], out_dir: Path) -> dict[str, pd.DataFrame]:
    from analysis.contacts import extract_contacts
    from analysis.kb import load_kb
    from analysis.quotes import extract_quotes

    documents, mentions = inputs["documents"], inputs["mentions"]
    contacts = extract_contacts(documents, mentions, date_window_days=params["contact_date_window_days"],
                                infer_dates=False, kb=load_kb(), progress=params["progress"])
    quotes = extract_quotes(documents, mentions, progress=params["progress"])
    for name, frame in (("contacts", contacts), ("quotes", quotes)):
        csv_path = config.tables_dir(out_dir) / f"{name}.csv"
        with io.atomic_path(csv_path) as tmp:
            frame.to_csv(tmp, index=False)
    return {"contacts": contacts, "quotes": quotes}


_STAGE_FUNCTIONS: dict[str, Callable[[dict[str, pd.DataFrame], dict[str, Any], Path], dict[str, pd.DataFrame]]] = {
    "ingest": _ingest, "topics": _topics, "actors": _actors, "timeline": _timeline,
}


def run_tables(params: Mapping[str, Any], *, stages: tuple[str, ...] = STAGES) -> dict[str, dict[str, pd.DataFrame]]:
    """Run the stages in order without notebooks (``python -m analysis tables``)."""
    params = validate(params)
    return {stage: run_stage(stage, params) for stage in stages}

