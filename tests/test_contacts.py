"""Diplomatic contacts in the seeds, written by hand from the seed texts (issue #5's list)."""
import pandas as pd
import pytest

from analysis.actors import extract_mentions
from analysis.contacts import extract_contacts
from analysis.dates import infer_document_dates
from analysis.ingest import ingest

SEED = {"000": "000_ebdf3ec3d4b87653", "001": "001_4c4b7a315de9ba1b", "002": "002_93394e011efbde58",
        "003": "003_2f184f6558ba625a"}


@pytest.fixture(scope="module")
def contacts(seeds_dir) -> pd.DataFrame:
    documents, _ = ingest(seeds_dir)
    documents = infer_document_dates(documents)
    return extract_contacts(documents, extract_mentions(documents))


def find(contacts, parties, mode):
    rows = contacts[(contacts["parties"].map(lambda p: set(parties) <= set(p))) & (contacts["mode"] == mode)]
    assert len(rows) >= 1, f"no {mode} between {parties}"
    return rows


def test_draghi_putin_phone_call_is_one_event_reported_twice(contacts):
    row = find(contacts, {"Mario Draghi", "Vladimir Putin"}, "phone_call").iloc[0]
    assert set(row["doc_ids"]) == {SEED["000"], SEED["001"]}
    assert row["status"] == "happened"


def test_blinken_lavrov_call_planned_in_one_report_happened_in_the_other(contacts):
    rows = find(contacts, {"Antony Blinken", "Sergey Lavrov"}, "phone_call")
    assert len(rows) == 1
    assert set(rows.iloc[0]["doc_ids"]) == {SEED["000"], SEED["001"]}
    assert rows.iloc[0]["status"] == "happened"


def test_biden_putin_video_summit_and_the_later_phone_call(contacts):
    video = find(contacts, {"Joe Biden", "Vladimir Putin"}, "video_call").iloc[0]
    assert (video["date"], video["date_precision"]) == (pd.Timestamp("2021-12-07"), "day")
    call = find(contacts, {"Joe Biden", "Vladimir Putin"}, "phone_call").iloc[0]
    # "ieri" in an article dated only to December 2021: the month is known, the day is not.
    assert (call["date"], call["date_precision"]) == (pd.Timestamp("2021-12-01"), "month")


def test_lavrov_rubio_contacts_of_2025(contacts):
    talks = find(contacts, {"Sergey Lavrov", "Marco Rubio"}, "talks")
    assert pd.Timestamp("2025-02-15") in set(talks["date"])
    night = find(contacts, {"Sergey Lavrov", "Marco Rubio"}, "phone_call").iloc[0]
    assert (night["date"], night["end_date"]) == (pd.Timestamp("2025-04-27"), pd.Timestamp("2025-04-28"))
    riyadh = find(contacts, {"Sergey Lavrov", "Yuri Ushakov", "Marco Rubio", "Mike Waltz", "Steve Witkoff"},
                  "meeting").iloc[0]
    assert riyadh["date"] == pd.Timestamp("2025-02-18") and riyadh["status"] == "happened"


def test_a_meeting_being_prepared_is_planned(contacts):
    # seed 003: "per preparare un incontro tra i presidenti Vladimir Putin e Donald Trump"
    assert find(contacts, {"Vladimir Putin", "Donald Trump"}, "meeting").iloc[0]["status"] == "planned"


def test_evidence_offsets_point_at_the_evidence_sentence(contacts, seeds_dir):
    documents, _ = ingest(seeds_dir)
    text = documents.set_index("doc_id")["text"]
    for row in contacts.itertuples():
        assert text[row.evidence_doc_id][row.evidence_start:row.evidence_end] == row.evidence
