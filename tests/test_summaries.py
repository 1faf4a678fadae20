import pandas as pd
import pytest

from analysis import summaries


def test_status_counts_lists_every_reason():
    report = pd.DataFrame({"path": list("abcd"), "status": ["loaded", "skipped", "skipped", "duplicate"],
                           "reason": [None, "empty", "empty", "duplicate of a"]})
    table = summaries.status_counts(report)
    assert table.to_dict("records") == [
        {"status": "duplicate", "reason": "duplicate of a", "items": 1},
        {"status": "loaded", "reason": "—", "items": 1},
        {"status": "skipped", "reason": "empty", "items": 2},
    ]


def test_focus_actor_by_name_or_id_or_slug_when_absent():
    actors = pd.DataFrame({"actor_id": ["vladimir-putin", "nato"], "actor": ["Vladimir Putin", "NATO"],
                           "n_docs": [3, 5], "n_mentions": [9, 5]})
    assert summaries.focus_actor(actors, "") == "nato"
    assert summaries.focus_actor(actors, "vladimir putin") == "vladimir-putin"
    assert summaries.focus_actor(actors, "nato") == "nato"
    assert summaries.focus_actor(actors, "Boris Yeltsin") == "boris-yeltsin"
    with pytest.raises(ValueError, match="no actors were found"):
        summaries.focus_actor(actors.iloc[:0], "")


def test_date_range_keeps_undated_rows_only_without_limits():
    frame = pd.DataFrame({"date": pd.to_datetime(["2022-01-01", None, "2025-04-28"])})
    assert len(summaries.in_date_range(frame, "", "")) == 3
    assert summaries.in_date_range(frame, "2023-01-01", "")["date"].tolist() == [pd.Timestamp("2025-04-28")]
    assert summaries.in_date_range(frame, "", "2022-12-31")["date"].tolist() == [pd.Timestamp("2022-01-01")]
