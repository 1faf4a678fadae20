"""Sentence boundaries as character spans, for any of the supported languages."""
from __future__ import annotations

import re

# A sentence ends at . ! ? … (optionally followed by closing quotes/brackets) before
# whitespace and an opening capital, digit, quote or dash; at a paragraph break; or at a line
# break not followed by a lower-case letter (captions, headings and list items have no final
# punctuation; a lower-case next line continues the sentence, as in "'...'\nhe said").
_LOWER = "a-zß-öø-ÿа-яёєіїґąćęłńóśźżčďěňřšťůž"
# Each alternative starts with a literal character, so that ``re`` skips quickly to candidates; the
# final punctuation is inside the match, and spaces before a line break are stripped with the span.
_BOUNDARY = re.compile(
    r"""[.!?…](["'”»’)\]]*)\s+(?=["'“«„‚(\[—–-]?\s*[A-ZÀ-ÖØ-ÞА-ЯЁЄІЇҐŁŚŻŹĆŃÓ0-9])|\n\s*\n|"""
    rf"""\n(?!\s*[{_LOWER}])\s*"""
)
# Tokens ending in a period that do not end a sentence: initials and common abbreviations.
_ABBREVIATION = re.compile(
    r"""(?:\b[A-ZА-Я]\.|\b(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Col|Lt|Sgt|Capt|Gov|Sen|Rep|Jr|Sr|No|Nr|Vol|vs|etc|"""
    r"""approx|Sig|Dott|On|Avv|Ing|Mme|Mlle|MM|Me|Hr|Fr|Dipl|z\.B|bzw|ca|vgl|ul|tzw|np|dr|hab|prof|"""
    r"""gen|płk|ppłk|im|św|тов|г|гг|им|ст|ул|пр|т\.е|т\.д|т\.п|см|др|ok|tj|tys|mln|mld|ds|pt|Art|Abs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|"""
    r"""gen|feb|mar|apr|mag|giu|lug|ago|set|ott|nov|dic|janv|févr|avr|juil|sept|oct|déc|jan|aug|dez|"""
    r"""янв|фев|мар|апр|авг|сент|окт|нояб|дек|stycz|lut|kwi|lip|sierp|wrz|paźdz|list|gru)\.)$"""
)
# "15. März", "1. miejsce": a period after a day or ordinal number, in languages that write ordinals so.
_ORDINAL = re.compile(r"\b\d{1,2}\.$")
_ORDINAL_DOT_LANGS = frozenset({"de", "pl", "cs", "sk", "sl", "hr", "sr", "bs", "hu", "fi", "et", "lv", "lt", "da", "no", "nb",
                                "nn", "is", "fo", "tr"})


def split_sentences(text: str, *, lang: str | None = None) -> list[tuple[int, int]]:
    """Return ``(start, end)`` spans of the sentences of ``text``, stripped of surrounding space.

    Closing quotes and brackets after the final punctuation belong to the sentence. ``lang``
    (ISO 639-1) decides whether "15. März" style ordinals end a sentence; unknown: they do not.
    """
    ordinals = lang is None or lang in _ORDINAL_DOT_LANGS
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        punctuation = 0 if match.group(0)[0] == "\n" else 1
        end = match.start() + punctuation + len(match.group(1) or "")
        head = text[start:end]
        if not head.strip():
            continue
        if "\n" not in match.group(0):
            tail = text[start:match.start() + 1][-12:]
            if _ABBREVIATION.search(tail) or (ordinals and _ORDINAL.search(tail)):
                continue
        spans.append(_strip_span(text, start, end))
        start = match.end()
    if text[start:].strip():
        spans.append(_strip_span(text, start, len(text)))
    return [s for s in spans if s[1] > s[0]]


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
