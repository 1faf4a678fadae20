"""Language identification with lingua, restricted to the configured languages.

A detector restricted to a set of languages always answers with one of them, even for a
Dutch or Turkish article. To notice such documents, a second, cheap detector (lingua's
low-accuracy mode) sees the configured languages plus widespread "sentinel" languages;
``lang_confidence`` is the restricted detector's confidence multiplied by the sentinel
detector's probability that the text is in the configured set at all. A document in an
outside language therefore keeps the closest configured ``lang`` but gets a low
``lang_confidence`` and an ``outside_language`` code; it is not dropped (the caller decides).

Speed: the document language is decided on a bounded prefix. Each substantial paragraph first
gets a cheap function-word guess (stopwordsiso lists of the configured languages); only
paragraphs that look foreign by that test (at most ``MAX_PARAGRAPHS`` per document) are checked
with lingua, on a short sample confirmed on a longer one. ``mixed_language`` needs lingua's
confident agreement. lingua scores the samples in batches on all cores (``RAYON_NUM_THREADS``
sets the number of threads) and loads only the n-gram models the samples need.
"""
from __future__ import annotations

import os
import re
from collections.abc import Sequence
from functools import lru_cache, partial

import pandas as pd
from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder
from tqdm.auto import tqdm

from analysis import config
from analysis.errors import InputError
from analysis.textclean import paragraphs

# lingua scores texts of 120+ characters on trigrams only, which is much cheaper than the
# 1-to-5-gram scoring of shorter texts: every sample is at least that long when the text allows.
DOC_SAMPLE_CHARS = 400
OUTSIDE_SAMPLE_CHARS = 150
PARAGRAPH_SCREEN_CHARS = 200
PARAGRAPH_CONFIRM_CHARS = 400
MIN_PARAGRAPH_WORDS = 20
MAX_PARAGRAPHS = 3
MIXED_MIN_CONFIDENCE = 0.95
_LINGUA_CHUNK = 2000
_MIN_OWN_SHARE = 0.05
_TOKEN = re.compile(r"\w+")
OUTSIDE_MAX_IN_SET = 0.5
SENTINEL_LANGUAGES: tuple[str, ...] = (
    "en", "de", "fr", "it", "es", "pt", "nl", "pl", "ru", "uk", "sv", "da", "fi", "tr", "ro", "hu",
    "cs", "hr", "bg", "el", "ar", "fa", "hi", "zh", "ja", "id",
)


def supported_languages() -> list[str]:
    """ISO 639-1 codes lingua can detect."""
    return sorted(language.iso_code_639_1.name.lower() for language in Language.all())


def validate_languages(languages: Sequence[str]) -> tuple[str, ...]:
    """Lower-cased, de-duplicated, sorted codes; InputError naming unknown codes and the valid ones."""
    if isinstance(languages, str):
        languages = [languages]
    codes = tuple(sorted({str(code).strip().lower() for code in languages}))
    if not codes:
        raise InputError("languages is empty: give at least one ISO 639-1 code, e.g. ['en', 'it']")
    supported = set(supported_languages())
    unknown = [code for code in codes if code not in supported]
    if unknown:
        raise InputError(
            f"unknown language code(s) {unknown} in languages; supported ISO 639-1 codes: {', '.join(sorted(supported))}"
        )
    return codes


@lru_cache(maxsize=4)
def _detector(languages: tuple[str, ...]) -> LanguageDetector:
    codes = [getattr(IsoCode639_1, code.upper()) for code in languages]
    if len(codes) == 1:  # lingua needs two languages; a constant answer is all we need then
        codes.append(IsoCode639_1.EN if languages[0] != "en" else IsoCode639_1.DE)
    # Models load lazily: samples of 120+ characters need only the trigram models, and loading
    # every n-gram model up front cost more than the detection of a few thousand documents.
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()


@lru_cache(maxsize=4)
def _sentinel_detector(languages: tuple[str, ...]) -> LanguageDetector:
    supported = set(supported_languages())
    codes = sorted(set(languages) | {code for code in SENTINEL_LANGUAGES if code in supported})
    builder = LanguageDetectorBuilder.from_iso_codes_639_1(*(getattr(IsoCode639_1, c.upper()) for c in codes))
    return builder.with_low_accuracy_mode().build()


def _has_letters(text: str) -> bool:
    return any(ch.isalpha() for ch in text[:DOC_SAMPLE_CHARS])


def _sample(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit]


_CODES = {language: language.iso_code_639_1.name.lower() for language in Language.all()}


def _top(values) -> tuple[str | None, float]:
    if not values:
        return None, 0.0
    return _CODES[values[0].language], float(values[0].value)


def _sentinel_summary(values, codes: tuple[str, ...]) -> tuple[str | None, float]:
    """The sentinel detector's top language and its total probability of the configured languages."""
    top = _CODES[values[0].language] if values else None
    return top, sum(value.value for value in values if _CODES[value.language] in codes)


def _confidences(detector: LanguageDetector, samples: list[str], summarise, *, progress: bool = False,
                 desc: str = "") -> list:
    """``summarise(values)`` of lingua's confidence values for each sample.

    lingua's Rust core scores each chunk on all cores (``RAYON_NUM_THREADS`` caps the threads).
    The values are those of one call per text: lingua's own sums vary between calls in the last
    bits (~1e-12 relative) either way, far below the rounding of ``lang_confidence``. Chunks keep
    the confidence objects of only a few thousand texts alive and let the progress bar move.
    """
    results = []
    with tqdm(total=len(samples), desc=desc, disable=not progress, unit="doc") as bar:
        for start in range(0, len(samples), _LINGUA_CHUNK):
            chunk = samples[start : start + _LINGUA_CHUNK]
            results.extend(map(summarise, _score(detector, chunk)))
            bar.update(len(chunk))
    return results


# lingua's thread pool does not survive fork(): a child forked from a process that has used it
# would wait for the pool's threads forever, so such a child scores one text at a time.
_pool_pid: int | None = None


def _score(detector: LanguageDetector, texts: list[str]) -> list:
    global _pool_pid
    if _pool_pid not in (None, os.getpid()):
        return [detector.compute_language_confidence_values(text) for text in texts]
    _pool_pid = os.getpid()
    return detector.compute_language_confidence_values_in_parallel(texts)


@lru_cache(maxsize=4)
def _function_word_table(languages: tuple[str, ...]) -> tuple[dict[str, tuple[int, ...]], frozenset[int]]:
    """Token -> indexes (into ``languages``) of the languages whose stopword list holds it, and
    the indexes of the languages that have a list at all."""
    import stopwordsiso

    table: dict[str, list[int]] = {}
    covered = set()
    for index, code in enumerate(languages):
        if stopwordsiso.has_lang(code):
            covered.add(index)
            for word in stopwordsiso.stopwords(code):
                table.setdefault(word, []).append(index)
    return {word: tuple(indexes) for word, indexes in table.items()}, frozenset(covered)


def _plan_paragraphs(
    text: str, lang: str | None, languages: tuple[str, ...], min_words: int
) -> tuple[list[str], list[str | None]]:
    """Substantial paragraphs of ``text`` and a function-word guess of each one's language.

    A guess of None means "let lingua decide": the paragraph has more function words of another
    configured language than of ``lang``, or almost none of ``lang``. At most MAX_PARAGRAPHS
    (those with the fewest function words of ``lang``) get None; without a stopword list for
    ``lang`` the choice is evenly spaced instead.
    """
    # split() stops after min_words words: enough to tell whether a paragraph has that many
    substantial = [p for p in paragraphs(text) if len(p.split(None, max(min_words, 1) - 1)) >= min_words]
    if not substantial or lang is None:
        return substantial, [lang] * len(substantial)
    table, covered = _function_word_table(languages)
    own = languages.index(lang)
    guesses: list[str | None] = []
    own_shares: list[float] = []
    for paragraph in substantial:
        tokens = _TOKEN.findall(paragraph[:PARAGRAPH_SCREEN_CHARS].casefold())
        counts = [0] * len(languages)
        for indexes in map(table.get, tokens):
            if indexes:
                for index in indexes:
                    counts[index] += 1
        top = max(counts)  # ties go to the document's language, then to the first language
        best = own if counts[own] == top else counts.index(top)
        guesses.append(languages[best])
        own_shares.append(counts[own] / max(1, len(tokens)))
    if own not in covered:
        step = max(1.0, len(substantial) / MAX_PARAGRAPHS)
        checked = {int(i * step) for i in range(min(MAX_PARAGRAPHS, len(substantial)))}
        guesses = [lang] * len(substantial)
    else:
        suspicious = [i for i, guess in enumerate(guesses) if guess != lang or own_shares[i] < _MIN_OWN_SHARE]
        checked = set(sorted(suspicious, key=lambda i: (own_shares[i], i))[:MAX_PARAGRAPHS])
    return substantial, [None if i in checked else guess for i, guess in enumerate(guesses)]


def plan_paragraphs(
    texts_and_langs: list[tuple[str, str | None]], *, languages: tuple[str, ...], min_words: int
) -> list[tuple[list[str | None], list[str]]]:
    """For each ``(text, document language)``: the function-word guess of each substantial paragraph
    (None: lingua decides) and the paragraphs lingua decides, in order (see :func:`_plan_paragraphs`)."""
    plans = []
    for text, lang in texts_and_langs:
        substantial, guesses = _plan_paragraphs(text, lang, languages, min_words)
        plans.append((guesses, [paragraph for paragraph, guess in zip(substantial, guesses) if guess is None]))
    return plans


def _paragraph_languages(
    detector: LanguageDetector, paragraphs_: list[str], doc_langs: list[str | None]
) -> list[tuple[str | None, float]]:
    """Screen each paragraph on a short sample; confirm the ones that differ from their document."""
    if not paragraphs_:
        return []
    results = _confidences(detector, [_sample(p, PARAGRAPH_SCREEN_CHARS) for p in paragraphs_], _top)
    suspects = [i for i, (lang, _) in enumerate(results) if lang != doc_langs[i]]
    if suspects:
        confirmed = _confidences(detector, [_sample(paragraphs_[i], PARAGRAPH_CONFIRM_CHARS) for i in suspects], _top)
        for i, top in zip(suspects, confirmed):
            results[i] = top
    return results


def detect_language(text: str, *, languages: Sequence[str] = config.DEFAULT_LANGUAGES) -> tuple[str | None, float]:
    """``(lang, confidence)`` of one text (see :func:`detect_languages`)."""
    row = detect_languages([text], languages=languages).iloc[0]
    return row["lang"], row["lang_confidence"]


def detect_languages(
    texts: Sequence[str],
    *,
    languages: Sequence[str] = config.DEFAULT_LANGUAGES,
    min_paragraph_words: int = MIN_PARAGRAPH_WORDS,
    progress: bool = False,
) -> pd.DataFrame:
    """Language of each text, one row per text in input order.

    Columns: ``lang`` (None for a text without letters), ``lang_confidence`` (0..1),
    ``outside_language`` (code of a language outside ``languages`` the text seems to be in, or
    None), ``paragraph_langs`` (language of each paragraph of at least ``min_paragraph_words``
    words, in text order: lingua's answer for the paragraphs it checked, the function-word guess
    for the others) and ``mixed_language`` (lingua is confident that a substantial paragraph is
    in another configured language).
    """
    codes = validate_languages(languages)
    detector = _detector(codes)
    texts = list(texts)
    doc_tops = _confidences(
        detector, [_sample(text, DOC_SAMPLE_CHARS) for text in texts], _top, progress=progress, desc="language"
    )
    sentinel_tops = _confidences(
        _sentinel_detector(codes), [_sample(text, OUTSIDE_SAMPLE_CHARS) for text in texts],
        partial(_sentinel_summary, codes=codes), progress=progress, desc="outside-language check",
    )
    doc_langs = [top[0] if _has_letters(text) else None for top, text in zip(doc_tops, texts)]
    if len(codes) == 1:
        doc_langs = [codes[0] if lang else None for lang in doc_langs]
    _function_word_table(codes)  # built here once, not in each worker process
    plans = plan_paragraphs(list(zip(texts, doc_langs)), languages=codes, min_words=min_paragraph_words)
    to_check = [(d, p) for d, (guesses, _) in enumerate(plans) for p, guess in enumerate(guesses) if guess is None]
    checked = _paragraph_languages(
        detector, [paragraph for _, unsure in plans for paragraph in unsure], [doc_langs[d] for d, _ in to_check]
    )
    lingua_answers = dict(zip(to_check, checked))

    rows = []
    for index, lang in enumerate(doc_langs):
        confidence, outside = 0.0, None
        if lang is not None:
            confidence = 1.0 if len(codes) == 1 else doc_tops[index][1]
            sentinel_top, in_set = sentinel_tops[index]
            if sentinel_top not in codes and in_set < OUTSIDE_MAX_IN_SET:
                outside = sentinel_top
            confidence *= in_set
        paragraph_langs: list[str] = []
        mixed = False
        for position, guess in enumerate(plans[index][0]):
            if guess is not None:
                paragraph_langs.append(guess)
                continue
            p_lang, p_confidence = lingua_answers[(index, position)]
            p_lang = codes[0] if len(codes) == 1 else p_lang
            paragraph_langs.append(p_lang or lang)
            mixed = mixed or (p_lang is not None and p_lang != lang and p_confidence >= MIXED_MIN_CONFIDENCE)
        rows.append(
            {
                "lang": lang,
                "lang_confidence": round(float(confidence), 4),
                "outside_language": outside,
                "paragraph_langs": paragraph_langs,
                "mixed_language": bool(mixed),
            }
        )
    frame = pd.DataFrame(rows, columns=["lang", "lang_confidence", "outside_language", "paragraph_langs", "mixed_language"], dtype=object)
    return frame.astype({"lang_confidence": "float64", "mixed_language": "bool"})
