"""Dates in six languages, relative to the document date; expected values worked out by hand."""
import pandas as pd
import pytest

from analysis.dates import find_dates, infer_document_dates, text_dates

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


def _as_tuples(mentions):
    return [(d.start, d.end, d.surface, d.date, d.end_date, d.precision) for d in mentions]


@pytest.mark.parametrize(("text", "lang"), [
    ("Il 15 febbraio 2025 Lavrov e Rubio, poi nella notte tra il 27 e il 28 aprile 2025.", "it"),
    ("Am 3. März 2022 und am 24.02.2022 " + "x " * 80 + "im Mai 2023.", "de"),
    ("15 lutego 2024 roku, wczoraj, w 1999 r.", "pl"),
    ("12 АПРЕЛЯ 2021 ГОДА и 3 мая", "ru"),
    ("March 2022, then on 4 July 2023; no year on 5 May.", "en"),
])
def test_year_window_scan_finds_what_the_full_scan_finds(text, lang):
    from analysis.dates import _dates_with_year

    assert _as_tuples(_dates_with_year(text, lang=lang)) == _as_tuples(find_dates(text, lang=lang, reference=None,
                                                                                  reference_precision=None))


def test_year_window_scan_matches_the_full_scan_on_the_dev_corpus(semeval_dir):
    from analysis.dates import _dates_with_year

    for path in sorted(semeval_dir.glob("*/*.txt")):
        text, lang = path.read_text(encoding="utf-8"), path.parent.name
        assert _as_tuples(_dates_with_year(text, lang=lang)) == _as_tuples(
            find_dates(text, lang=lang, reference=None, reference_precision=None)), path.name


def test_upper_case_and_accented_month_words_with_years():
    text = "MONDAY, MARCH 7, 2022 and the 3–4 May 2021 talks; le 1er Décembre 2020."
    assert spans(text, "en", reference=None, precision=None) == [
        ("MONDAY, MARCH 7, 2022", "2022-03-07", "2022-03-07", "day"),
        ("3–4 May 2021", "2021-05-03", "2021-05-04", "day"),
        ("le 1er Décembre 2020", "2020-12-01", "2020-12-01", "day"),
    ]


def test_years_are_not_read_inside_longer_numbers():
    from analysis.dates import _years

    text = "12019 and 2019, x2020, ٣2021 (an Arabic-Indic digit before it), ²2022, 2023a, 20245"
    assert [m.group() for m in _years(text)] == ["2019", "2020", "2022", "2023"]


def test_document_dates_land_on_their_rows_whatever_the_index():
    documents = pd.DataFrame({
        "title": ["", "", ""], "lang": ["en", "en", "it"],
        "text": ["No date here.", "Talks were held on 3 March 2022 in Minsk.", "Il 7 dicembre 2021 a Roma."],
        "date": pd.to_datetime([None, None, None]), "date_precision": [None, None, None],
        "date_source": [None, None, None],
    }, index=["z", "a", "m"])
    dated = infer_document_dates(documents)
    assert list(dated.index) == ["z", "a", "m"]
    assert pd.isna(dated.loc["z", "date"]) and dated.loc["z", "date_source"] is None
    assert (dated.loc["a", "date"], dated.loc["a", "date_precision"], dated.loc["a", "date_source"]) == (
        pd.Timestamp("2022-03-03"), "day", "text")
    assert dated.loc["m", "date"] == pd.Timestamp("2021-12-07")


def test_text_dates_give_only_the_found_dates_of_undated_documents():
    documents = pd.DataFrame({
        "title": ["", "", ""], "lang": ["en", "en", "en"],
        "text": ["Talks were held on 3 March 2022 in Minsk.", "Talks were held on 3 March 2022 in Minsk.",
                 "No date here."],
        "date": pd.to_datetime(["2021-12-01", None, None]),
    }, index=[5, 3, 9])
    found = text_dates(documents)
    assert list(found.columns) == ["date", "date_precision"] and list(found.index) == [5, 3, 9]
    assert pd.isna(found.loc[5, "date"]) and pd.isna(found.loc[5, "date_precision"])  # dated already: untouched
    assert (found.loc[3, "date"], found.loc[3, "date_precision"]) == (pd.Timestamp("2022-03-03"), "day")
    assert pd.isna(found.loc[9, "date"]) and pd.isna(found.loc[9, "date_precision"])
    with pytest.raises(ValueError, match="lang"):
        text_dates(documents.drop(columns="lang"))
