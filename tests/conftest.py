"""Shared fixtures: the seed corpus, the optional shared dev corpus, small corpora built in tmp_path."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from analysis import config

RUN_PARAMETERS = ("-p", "min_words=5", "-p", "n_topics=2", "-p", "top_n=5", "-p", "focus_actor=Vladimir Putin",
                  "-p", "progress=false")
# Corpus text that must render as text, never run, in every report page.
XSS_PAYLOADS = ('<script>window.__xss = 1</script>', '<img src=x onerror="window.__xss = 2">',
                '<a href="javascript:window.__xss = 3">click</a>', '[link](javascript:window.__xss=4)')


def load_folder_corpus(root: Path, pattern: str = "*/*.txt") -> pd.DataFrame:
    """A minimal documents frame from ``lang/name.txt`` files (title line, then body), without ingest."""
    rows = []
    for path in sorted(root.glob(pattern)):
        title, _, body = path.read_text(encoding="utf-8").partition("\n")
        lang = path.parent.name if path.parent.name != root.name else "en"
        rows.append({"doc_id": f"{lang}/{path.stem}", "title": title.strip(), "text": body.strip(), "lang": lang,
                     "duplicate_of": None})
    return pd.DataFrame(rows)


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return config.SEEDS_DIR


@pytest.fixture(scope="session")
def semeval_dir() -> Path:
    if not config.SEMEVAL_DEV_DIR.is_dir():
        pytest.skip(f"shared dev corpus not found at {config.SEMEVAL_DEV_DIR}")
    return config.SEMEVAL_DEV_DIR


@pytest.fixture(scope="session")
def translations_dir() -> Path:
    if not config.SEMEVAL_TRANSLATIONS_DIR.is_dir():
        pytest.skip(f"shared translations not found at {config.SEMEVAL_TRANSLATIONS_DIR}")
    return config.SEMEVAL_TRANSLATIONS_DIR


@pytest.fixture
def make_corpus(tmp_path: Path):
    """Write ``{relative_path: str | bytes}`` into a fresh folder and return it."""

    def _make(files: dict[str, str | bytes], name: str = "corpus") -> Path:
        root = tmp_path / name
        for rel, content in files.items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        root.mkdir(parents=True, exist_ok=True)
        return root

    return _make


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    # cwd is a temporary folder on purpose: nothing may depend on the working directory.
    return subprocess.run([sys.executable, "-m", "analysis", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=900)


@pytest.fixture(scope="session")
def small_corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    (root / "it").mkdir()
    (root / "en").mkdir()
    (root / "en" / "call.txt").write_text(
        "Putin and Draghi spoke by phone\n\n"
        "Russian President Vladimir Putin and Italian Prime Minister Mario Draghi spoke by phone on Tuesday about "
        "gas supplies and the crisis in Ukraine, the Kremlin said. Draghi stressed the need for de-escalation.\n",
        encoding="utf-8")
    (root / "it" / "telefonata.txt").write_text(
        "Telefonata tra Draghi e Putin\n\n"
        "Il presidente del Consiglio Mario Draghi ha avuto una conversazione telefonica con il presidente russo "
        "Vladimir Putin. Al centro del colloquio la crisi in Ucraina e le forniture di gas all'Italia.\n",
        encoding="utf-8")
    (root / "en" / "nato.txt").write_text(
        "NATO ministers meet in Brussels\n\n"
        "NATO Secretary General Jens Stoltenberg met foreign ministers in Brussels to discuss support for Ukraine "
        "and the security of the eastern flank of the alliance, according to a statement.\n",
        encoding="utf-8")
    (root / "en" / "payload.txt").write_text(
        f"Lavrov {XSS_PAYLOADS[0]} answers\n\n"
        f"Russian Foreign Minister Sergey Lavrov {XSS_PAYLOADS[1]} said talks with NATO were possible. "
        f"He posted {XSS_PAYLOADS[2]} and {XSS_PAYLOADS[3]} on the ministry website on Monday, "
        "according to the Russian news agency TASS, before meeting Turkish officials in Ankara.\n",
        encoding="utf-8")
    (root / "en" / "empty.txt").write_text("", encoding="utf-8")
    (root / "en" / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (root / "metadata.csv").write_text("path,date,source\nen/call.txt,2022-02-01,Agency\n"
                                       "it/telefonata.txt,2022-02-01,Agenzia\n", encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def notebook_run(small_corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("run")
    # Relative paths, as a user types them: they are relative to the working directory, not to notebooks/.
    result = run_cli("run", os.path.relpath(small_corpus, out.parent), "--out", out.name, *RUN_PARAMETERS,
                     cwd=out.parent)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "index.html" in result.stdout
    return out
