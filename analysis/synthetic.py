"""Synthetic corpora of any size, recombined from the sentences of a real corpus (for benchmarks).

Each synthetic article starts from a *template*: a real article of the source, drawn at random,
so the mix of languages, the number of paragraphs and sentences, the title and the density of
names, dates and quotations follow the source. Every sentence of the template is kept or, with
probability ``replace_share``, replaced by a random sentence of another article in the same
language. Articles are therefore topically coherent (variants of one template resemble each
other the way reports of one event do) yet never identical.

Two guarantees keep the corpus usable by the ingest stage at any size:
- no two documents are identical (checked by SHA-256 of the file content);
- no paragraph line is repeated in more than ``max_line_repeats`` documents, so that the
  corpus-level boilerplate detector (a line repeated in ``boilerplate_min_docs`` documents)
  does not remove recombined paragraphs as boilerplate. A paragraph that would exceed the
  limit is redrawn from random sentences, and grows by one sentence if it still would.

The corpus is written as a folder corpus (``<lang>/synthetic0000001.txt``: title, blank
line, one paragraph per line) into a temporary folder that is renamed into place at the end.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from tqdm.auto import tqdm

from analysis.sentences import split_sentences
from analysis.textclean import normalize_line_key

SOURCE_SUFFIXES = (".txt", ".md")
DEFAULT_REPLACE_SHARE = 0.5
DEFAULT_MAX_LINE_REPEATS = 4
_MAX_ATTEMPTS = 50


@dataclass(frozen=True)
class _Article:
    lang: str
    title: str
    paragraphs: tuple[tuple[str, ...], ...]  # sentences of each paragraph


def synthesize_corpus(
    source: Path,
    n: int,
    *,
    out_dir: Path,
    random_state: int = 0,
    replace_share: float = DEFAULT_REPLACE_SHARE,
    max_line_repeats: int = DEFAULT_MAX_LINE_REPEATS,
    progress: bool = False,
) -> Path:
    """Write ``n`` recombined articles from the folder corpus ``source`` into ``out_dir``; return ``out_dir``.

    ``source`` holds ``.txt``/``.md`` files (first line title, then the body); a file in a folder
    named by a two-letter code (``en/``, ``ru/``) has that language, other files are identified
    with the language detector. ``out_dir`` must not exist or be empty. Same arguments, same files.
    """
    if not isinstance(n, int) or isinstance(n, bool) or n < 1:
        raise ValueError(f"n must be a positive integer (number of articles), got {n!r}")
    if not 0.0 <= replace_share <= 1.0:
        raise ValueError(f"replace_share must be between 0 and 1, got {replace_share!r}")
    if not isinstance(max_line_repeats, int) or max_line_repeats < 1:
        raise ValueError(f"max_line_repeats must be a positive integer, got {max_line_repeats!r}")
    out_dir = Path(out_dir)
    if out_dir.exists() and (not out_dir.is_dir() or any(out_dir.iterdir())):
        raise ValueError(f"out_dir {out_dir} exists and is not an empty folder; give a new folder")
    articles = read_source(Path(source))
    pools = {lang: [s for a in articles if a.lang == lang for p in a.paragraphs for s in p]
             for lang in sorted({a.lang for a in articles})}

    rng = np.random.default_rng(random_state)
    line_uses: dict[int, int] = {}
    seen_documents: set[bytes] = set()
    width = max(7, len(str(n)))
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", suffix=".tmp", dir=out_dir.parent))
    try:
        for lang in pools:
            (staging / lang).mkdir()
        for index in tqdm(range(1, n + 1), desc="synthetic articles", unit="doc", disable=not progress):
            for _ in range(_MAX_ATTEMPTS):
                article = articles[int(rng.integers(len(articles)))]
                content = _recombine(article, pools[article.lang], rng, replace_share=replace_share,
                                     line_uses=line_uses, max_line_repeats=max_line_repeats)
                digest = hashlib.sha256(content.encode("utf-8")).digest()
                if digest not in seen_documents:
                    break
            else:
                raise ValueError(f"source {source} has too few distinct sentences to make {n} distinct articles "
                                 f"(stuck at article {index}); use a larger source corpus")
            seen_documents.add(digest)
            _count_lines(content, line_uses)
            (staging / article.lang / f"synthetic{index:0{width}d}.txt").write_text(content, encoding="utf-8")
        if out_dir.exists():
            out_dir.rmdir()
        os.replace(staging, out_dir)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return out_dir


def read_source(source: Path) -> list[_Article]:
    """The articles of a folder corpus, split into paragraphs (lines) and sentences, in path order."""
    if not source.is_dir():
        raise ValueError(f"source {source} is not a folder; give a folder corpus of .txt/.md files")
    files = sorted(p for p in source.rglob("*") if p.suffix.lower() in SOURCE_SUFFIXES and p.is_file())
    parsed = []
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n")
        title, _, body = text.strip().partition("\n")
        paragraphs = tuple(
            tuple(line[start:end] for start, end in split_sentences(line))
            for line in (raw.strip() for raw in body.split("\n")) if line
        )
        paragraphs = tuple(p for p in paragraphs if p)
        if paragraphs:
            parsed.append((path, title.strip(), paragraphs))
    if not parsed:
        raise ValueError(f"source {source} holds no .txt/.md article with a body (title line, then text)")
    langs = _languages(source, parsed)
    return [_Article(lang, title, paragraphs) for lang, (_, title, paragraphs) in zip(langs, parsed)]


def _languages(source: Path, parsed: list[tuple[Path, str, tuple]]) -> list[str]:
    """Language of each article: its folder's two-letter name, else the language detector's answer."""
    langs: list[str | None] = []
    for path, _, _ in parsed:
        folder = path.parent.name.lower() if path.parent != source else ""
        langs.append(folder if len(folder) == 2 and folder.isalpha() else None)
    unknown = [i for i, lang in enumerate(langs) if lang is None]
    if unknown:
        from analysis.langid import detect_languages

        texts = [" ".join(s for p in parsed[i][2] for s in p) for i in unknown]
        for i, lang in zip(unknown, detect_languages(texts)["lang"]):
            langs[i] = lang or "und"
    return [str(lang) for lang in langs]


def _recombine(article: _Article, pool: list[str], rng: np.random.Generator, *, replace_share: float,
               line_uses: dict[int, int], max_line_repeats: int) -> str:
    lines = [article.title]
    for sentences in article.paragraphs:
        replace = rng.random(len(sentences)) < replace_share
        picks = rng.integers(len(pool), size=len(sentences))
        chosen = [pool[pick] if swap else sentence for sentence, swap, pick in zip(sentences, replace, picks)]
        line = " ".join(chosen)
        attempts = 0
        while line_uses.get(hash(normalize_line_key(line)), 0) >= max_line_repeats:
            attempts += 1
            size = len(sentences) + attempts // 5  # grow when same-size redraws keep colliding
            line = " ".join(pool[int(pick)] for pick in rng.integers(len(pool), size=size))
            if attempts > _MAX_ATTEMPTS:
                break
        lines.append(line)
    return lines[0] + "\n\n" + "\n".join(lines[1:]) + "\n"


def _count_lines(content: str, line_uses: dict[int, int]) -> None:
    body = content.partition("\n\n")[2]
    for key in {hash(normalize_line_key(line)) for line in body.split("\n") if line}:
        line_uses[key] = line_uses.get(key, 0) + 1
