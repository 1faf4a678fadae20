"""Quotations and their speakers on the seeds; expectations read off the seed texts by hand."""
import pandas as pd
import pytest

from analysis.actors import extract_mentions
from analysis.dates import infer_document_dates
from analysis.ingest import ingest
from analysis.quotes import extract_quotes


@pytest.fixture(scope="module")
def seed_quotes(seeds_dir):
    documents, _ = ingest(seeds_dir)
    documents = infer_document_dates(documents)
    return documents, extract_quotes(documents, extract_mentions(documents))


def speaker_of(quotes: pd.DataFrame, start_of_quote: str):
    rows = quotes[quotes["quote"].str.startswith(start_of_quote)]
    assert len(rows) >= 1, start_of_quote
    return rows.iloc[0]["speaker"]


def test_offsets_point_at_the_quotation(seed_quotes):
    documents, quotes = seed_quotes
    text = documents.set_index("doc_id")["text"]
    assert len(quotes) > 10
    for row in quotes.itertuples():
        assert text[row.doc_id][row.start:row.end] == row.quote


@pytest.mark.parametrize(("quote", "speaker"), [
    ("I hope that we will eventually find this solution", "Vladimir Putin"),        # seed 001, "… Putin said"
    ("Siamo, in linea di principio, soddisfatti", "Yuri Ushakov"),                  # seed 002, "Ushakov … ha dichiarato:"
    ("We should aim to guarantee the sovereignty", "Giuseppe Conte"),               # seed 004, "… Conte stated"
    ("a political, humanitarian and military disaster", "Boris Johnson"),           # seed 001, "Boris Johnson said this"
    ("il presidente Biden ha ribadito", "Jen Psaki"),                               # seed 002, "Jen Psaki … dichiarando che"
])
def test_speaker_is_the_subject_of_the_attribution_verb(seed_quotes, quote, speaker):
    assert speaker_of(seed_quotes[1], quote) == speaker


def test_no_person_named_means_no_speaker(seed_quotes):
    # seed 001: "… the embassy wrote on Facebook" — an institution, not a person
    assert pd.isna(speaker_of(seed_quotes[1], "We will not back down"))
