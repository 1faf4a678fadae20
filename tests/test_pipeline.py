"""The stages without notebooks: determinism, interruptions and reruns."""
from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from analysis import config
from analysis.errors import InputError
from analysis.pipeline import read_tables, run_tables

SEED_TABLES = ("ingest_report", "documents", "topics", "doc_topics", "mentions", "actors", "cooccurrence",
               "contacts", "quotes")


@pytest.fixture(scope="module")
def seed_runs(tmp_path_factory) -> tuple[Path, Path]:
    first, second = tmp_path_factory.mktemp("first"), tmp_path_factory.mktemp("second")
    for out in (first, second):
        run_tables({"out_dir": str(out), "progress": False})
    return first, second


def test_two_runs_on_the_seeds_give_byte_identical_tables(seed_runs):
    first, second = seed_runs
    for name in SEED_TABLES:
        assert (first / "tables" / f"{name}.parquet").read_bytes() == \
            (second / "tables" / f"{name}.parquet").read_bytes(), name


def test_a_stage_needs_the_earlier_tables(tmp_path):
    with pytest.raises(InputError, match="run the earlier notebooks"):
        read_tables(tmp_path, "documents")


def test_killed_runs_leave_only_whole_tables_and_a_rerun_completes(seed_runs, tmp_path):
    out = tmp_path / "out"
    command = [sys.executable, "-m", "analysis", "tables", str(config.SEEDS_DIR), "--out", str(out),
               "-p", "progress=false"]
    for delay in (1.0, 4.0, 8.0):
        process = subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        for table in (out / "tables").glob("*.parquet"):
            pd.read_parquet(table)  # a truncated file would not read
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    assert not list((out / "tables").glob(".*.tmp*"))
    reference = seed_runs[0] / "tables"
    for name in SEED_TABLES:
        assert (out / "tables" / f"{name}.parquet").read_bytes() == (reference / f"{name}.parquet").read_bytes()
