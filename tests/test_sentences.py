"""Sentence spans in Latin and Cyrillic scripts."""
from __future__ import annotations

import pytest

from analysis.sentences import split_sentences


def sentences(text, lang=None):
    return [text[s:e] for s, e in split_sentences(text, lang=lang)]


def test_abbreviations_and_initials_do_not_split():
    assert sentences("The U.S. and the U.K. agreed. Then Mr. Putin left.", "en") == [
        "The U.S. and the U.K. agreed.", "Then Mr. Putin left."]
    assert sentences("Spotkanie odbyło się ok. 5 km dalej. Potem np. Tusk.", "pl") == [
        "Spotkanie odbyło się ok. 5 km dalej.", "Potem np. Tusk."]


def test_ordinal_dots_depend_on_language():
    assert sentences("Es war am 15. März. Dann kam er.", "de") == ["Es war am 15. März.", "Dann kam er."]
    assert sentences("Il vertice è finito alle 10. Poi Draghi ha parlato.", "it") == [
        "Il vertice è finito alle 10.", "Poi Draghi ha parlato."]


def test_closing_quotes_stay_with_their_sentence():
    assert sentences("He said “no.” Then he left.", "en") == ["He said “no.”", "Then he left."]
    assert sentences("Он сказал: «Нет». Потом ушёл.", "ru") == ["Он сказал: «Нет».", "Потом ушёл."]


def test_paragraph_breaks_and_spans_are_stripped():
    text = "  Title without stop\n\nBody one. Body two!  "
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["Title without stop", "Body one.", "Body two!"]
    assert all(not text[s].isspace() and not text[e - 1].isspace() for s, e in spans)


@pytest.mark.parametrize("text", ["", "   ", "\n\n"])
def test_empty_text(text):
    assert split_sentences(text) == []
