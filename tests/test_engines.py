"""Dask engine: same tables as the pandas engine; partitions cover every document once, in order."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from analysis import config, engines
from analysis.engines import _combine, partition_bounds, partitioned, run_tables_dask
from analysis.pipeline import run_stage


@pytest.mark.parametrize("n, workers, max_docs", [(1, 2, 5000), (5, 2, 5000), (17, 3, 5000), (12_001, 2, 5000),
                                                   (100, 1, 7)])
def test_partition_bounds_cover_every_row_once_in_order(n, workers, max_docs):
    bounds = partition_bounds(n, workers=workers, max_partition_docs=max_docs)
    assert bounds[0][0] == 0 and bounds[-1][1] == n
    assert all(a < b for a, b in bounds)
    assert all(prev[1] == cur[0] for prev, cur in zip(bounds, bounds[1:]))
    assert all(b - a <= max_docs for a, b in bounds)
    assert len(bounds) >= min(n, workers * engines.PARTITIONS_PER_WORKER)


def test_partition_bounds_of_nothing():
    assert partition_bounds(0, workers=2) == []


def test_combine_keeps_order_skips_empty_parts_and_handles_tuples():
    empty = pd.DataFrame({"doc_id": pd.Series(dtype=object), "start": pd.Series(dtype="int64")})
    a = pd.DataFrame({"doc_id": ["a", "a"], "start": [1, 5]})
    b = pd.DataFrame({"doc_id": ["c"], "start": [2]})
    combined = _combine([a, empty, b], keep_index=False)
    assert combined.to_dict("list") == {"doc_id": ["a", "a", "c"], "start": [1, 5, 2]}
    assert combined["start"].dtype == "int64"
    assert _combine([empty, empty], keep_index=False).empty
    pair = _combine([(a, b), (b, a)], keep_index=False)
    assert [len(frame) for frame in pair] == [3, 3]
    # a column without values in one partition gets the dtype the whole table would have had
    with_none = pd.DataFrame([{"doc_id": "a", "of": None}])
    with_code = pd.DataFrame([{"doc_id": "b", "of": "RU"}])
    whole = pd.DataFrame([{"doc_id": "a", "of": None}, {"doc_id": "b", "of": "RU"}])
    assert _combine([with_none, with_code], keep_index=False)["of"].dtype == whole["of"].dtype
    rows = _combine([a.set_axis([10, 11]), b.set_axis([12])], keep_index=True)
    assert list(rows.index) == [10, 11, 12]


def test_bad_worker_count_is_named(tmp_path):
    with pytest.raises(ValueError, match="n_workers"):
        run_tables_dask({"out_dir": str(tmp_path)}, n_workers=0)


class _FakeClient:
    def nthreads(self):
        return {"w1": 1}


def test_partitioned_restores_the_library_functions_even_after_an_error():
    from analysis import actors, embed

    before = (actors.extract_mentions, embed._Encoder._run)
    with pytest.raises(RuntimeError):
        with partitioned(_FakeClient()):
            assert actors.extract_mentions is not before[0]
            raise RuntimeError("boom")
    assert (actors.extract_mentions, embed._Encoder._run) == before


def _run_both(corpus: Path, tmp_path: Path) -> tuple[Path, Path]:
    """``python -m analysis tables`` with each engine (Dask: 2 local workers), each with an empty embedding cache."""
    folders = []
    for engine in ("pandas", "dask"):
        out = tmp_path / engine
        env = {**os.environ, "CROSSWIRE_CACHE": str(tmp_path / f"cache-{engine}"),
               "PYTHONPATH": str(config.PROJECT_ROOT)}
        command = [sys.executable, "-m", "analysis", "tables", str(corpus), "--out", str(out), "--engine", engine,
                   "-p", "progress=false", "-p", "threads=2"]
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=1200)
        assert done.returncode == 0, f"{engine} engine failed:\n{done.stderr[-3000:]}"
        folders.append(config.tables_dir(out))
    assert list((tmp_path / "cache-dask").rglob("*.npz")), "the Dask engine should fill its embedding cache"
    return folders[0], folders[1]


def _assert_same_tables(pandas_tables: Path, dask_tables: Path) -> None:
    names = sorted(p.name for p in pandas_tables.glob("*.parquet"))
    assert {"documents.parquet", "mentions.parquet", "contacts.parquet"} <= set(names)
    assert names == sorted(p.name for p in dask_tables.glob("*.parquet"))
    for name in names:
        expected, got = pq.read_table(pandas_tables / name), pq.read_table(dask_tables / name)
        assert got.schema.equals(expected.schema), f"{name}: schema {got.schema} != {expected.schema}"
        differing = [column for column in expected.column_names if not got[column].equals(expected[column])]
        assert not differing, f"{name}: columns {differing} differ between the engines"
    for name in ("cooccurrence.graphml", "contacts.csv", "quotes.csv"):
        if (pandas_tables / name).is_file():
            assert (dask_tables / name).read_bytes() == (pandas_tables / name).read_bytes(), name


def test_dask_engine_gives_the_same_tables_on_the_seeds(seeds_dir, tmp_path):
    _assert_same_tables(*_run_both(seeds_dir, tmp_path))


@pytest.mark.skipif(not os.environ.get("CROSSWIRE_SLOW_TESTS"),
                    reason="1k synthetic corpus through both engines takes minutes; set CROSSWIRE_SLOW_TESTS=1")
def test_dask_engine_gives_the_same_tables_on_a_1k_synthetic_corpus(semeval_dir, tmp_path):
    from analysis.synthetic import synthesize_corpus

    corpus = synthesize_corpus(semeval_dir, 1000, out_dir=tmp_path / "corpus")
    pandas_tables, dask_tables = _run_both(corpus, tmp_path)
    assert len(pd.read_parquet(pandas_tables / "documents.parquet")) > 900
    _assert_same_tables(pandas_tables, dask_tables)


# ---------------------------------------------------------------- local processes (pandas engine)


def test_processes_give_the_same_tables_as_one_process(seeds_dir, tmp_path, monkeypatch):
    # Partitions of at most two documents, so the five seeds are cut into several forked tasks.
    monkeypatch.setattr(engines, "MIN_DOCS_FOR_PROCESSES", 1)
    monkeypatch.setattr(engines, "LOCAL_PARTITION_DOCS", 2)
    if not engines.can_fork():
        pytest.skip("fork is not available on this platform")
    folders = {}
    for processes in (1, 2):
        out = tmp_path / f"processes-{processes}"
        params = {"corpus": str(seeds_dir), "out_dir": str(out), "progress": False, "processes": processes}
        for stage in ("ingest", "actors", "timeline"):
            run_stage(stage, params)
        folders[processes] = config.tables_dir(out)
    _assert_same_tables(folders[1], folders[2])


def test_forked_parts_get_the_mentions_of_their_own_documents(monkeypatch):
    monkeypatch.setattr(engines, "MIN_DOCS_FOR_PROCESSES", 1)
    monkeypatch.setattr(engines, "LOCAL_PARTITION_DOCS", 1)
    if not engines.can_fork():
        pytest.skip("fork is not available on this platform")
    seen = []

    def mentions_per_part(documents, mentions, *, progress=False):
        seen.append(progress)
        return pd.DataFrame({"doc_id": documents["doc_id"].tolist(),
                             "mentioned": [sorted(mentions.loc[mentions["doc_id"] == d, "actor"]) for d in documents["doc_id"]],
                             "rows": [len(mentions)] * len(documents)})

    point = engines._SplitPoint("analysis.quotes", "extract_quotes", "doc_id", with_mentions=True,
                                worker_kwargs=(("progress", False),))
    forked = engines._forked_function(point, mentions_per_part, processes=2)
    documents = pd.DataFrame({"doc_id": ["c", "a", "b"]})
    # unsorted, with a document that is not in the documents table and one document without mentions
    mentions = pd.DataFrame({"doc_id": ["b", "z", "a", "b", "a"], "actor": ["B2", "Z", "A1", "B1", "A2"]})
    result = forked(documents, mentions, progress=True)
    assert result["doc_id"].tolist() == ["a", "b", "c"]
    assert result["mentioned"].tolist() == [["A1", "A2"], ["B1", "B2"], []]
    assert result["rows"].tolist() == [2, 2, 0]  # each part saw only its own document's mentions
    assert not seen  # it ran in the forked children only (their appends never reach this process)
    # sorted like the documents, each part's mentions are one run of rows (a slice)
    in_order = forked(documents, mentions.sort_values(["doc_id", "actor"]), progress=False)
    assert in_order["mentioned"].tolist() == [["A1", "A2"], ["B1", "B2"], []]
    assert in_order["rows"].tolist() == [2, 2, 0]


def test_local_processes_restores_the_functions_and_is_a_no_op_for_one_process():
    from analysis import actors, contacts, dates, quotes

    before = (actors.extract_mentions, contacts.extract_contact_reports, quotes.extract_quotes,
              dates.text_dates)
    with engines.local_processes(1):
        assert actors.extract_mentions is before[0]
    with pytest.raises(RuntimeError):
        with engines.local_processes(2):
            assert actors.extract_mentions is not before[0] or not engines.can_fork()
            raise RuntimeError("boom")
    assert (actors.extract_mentions, contacts.extract_contact_reports, quotes.extract_quotes,
            dates.text_dates) == before
    with pytest.raises(ValueError, match="processes"):
        engines.resolve_processes(-1)
    assert engines.resolve_processes(3) == 3 and engines.resolve_processes(0) >= 1


def test_a_split_function_called_inside_a_worker_runs_in_that_worker(monkeypatch):
    monkeypatch.setattr(engines, "MIN_DOCS_FOR_PROCESSES", 1)
    monkeypatch.setattr(engines, "LOCAL_PARTITION_DOCS", 1)
    if not engines.can_fork():
        pytest.skip("fork is not available on this platform")
    point = engines._SplitPoint("analysis.dates", "text_dates", "rows")
    inner = engines._forked_function(point, lambda rows: rows.assign(inner=os.getpid()), processes=2)
    outer = engines._forked_function(point, lambda rows: inner(rows).assign(outer=os.getpid()), processes=2)
    result = outer(pd.DataFrame({"x": [3, 1, 2, 0]}, index=[7, 5, 6, 4]))
    assert result["x"].tolist() == [3, 1, 2, 0] and result.index.tolist() == [7, 5, 6, 4]
    assert (result["inner"] == result["outer"]).all()
    assert os.getpid() not in set(result["outer"])
