"""Dates in six languages, relative to the document date; expected values worked out by hand."""
import pandas as pd
import pytest

from analysis.dates import find_dates, infer_document_dates

MONDAY = pd.Timestamp("2025-04-28")  # a Monday


def spans(text, lang, reference=MONDAY, precision="day"):
    return [(d.surface, str(d.date.date()), str(d.end_date.date()), d.precision)
            for d in find_dates(text, lang=lang, reference=reference, reference_precision=precision)]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Il 15 febbraio Lavrov e Rubio", "it", ("Il 15 febbraio", "2025-02-15", "2025-02-15", "day")),
    ("am 15. Februar 2025 traf", "de", ("am 15. Februar 2025", "2025-02-15", "2025-02-15", "day")),
    ("le 3 mars 2022, Macron", "fr", ("le 3 mars 2022", "2022-03-03", "2022-03-03", "day")),
    ("15 lutego 2024 roku", "pl", ("15 lutego 2024 roku", "2024-02-15", "2024-02-15", "day")),
    ("In March 2022 the talks", "en", ("March 2022", "2022-03-01", "2022-03-31", "month")),
])
def test_absolute_dates_in_each_language(text, lang, expected):
    assert spans(text, lang) == [expected]


def test_relative_words_and_weekdays_count_back_from_the_document_date():
    assert spans("вчера Путин провел", "ru") == [("вчера", "2025-04-27", "2025-04-27", "day")]
    assert spans("on Tuesday, Biden", "en") == [("on Tuesday", "2025-04-22", "2025-04-22", "day")]


def test_night_between_two_days_is_a_range():
    assert spans("nella notte tra il 27 e il 28 aprile 2025", "it") == [
        ("27 e il 28 aprile 2025", "2025-04-27", "2025-04-28", "day")]


def test_relative_words_without_a_document_date_stay_unknown():
    assert find_dates("ieri Putin ha parlato", lang="it", reference=None, reference_precision=None) == []


def test_document_dates_keep_metadata_and_never_invent_today():
    documents = pd.DataFrame({
        "doc_id": ["a", "b"], "title": ["", ""], "lang": ["en", "en"],
        "text": ["Talks were held on 3 March 2022 in Minsk.", "No date here at all, only words."],
        "date": pd.to_datetime(["2021-12-01", None]), "date_precision": ["month", None],
        "date_source": ["header", None],
    })
    dated = infer_document_dates(documents).set_index("doc_id")
    assert dated.loc["a", "date"] == pd.Timestamp("2021-12-01") and dated.loc["a", "date_source"] == "header"
    assert pd.isna(dated.loc["b", "date"]) and pd.isna(dated.loc["b", "date_source"])
