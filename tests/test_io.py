import os

import pandas as pd
import pytest

from analysis import io
from analysis.topics import as_dict


def test_parquet_is_byte_identical_for_identical_frames(tmp_path):
    frame = pd.DataFrame({"doc_id": ["b", "a"], "terms": [["x", "y"], []], "n": [1, 2],
                          "date": pd.to_datetime(["2021-12-07", None])})
    first, second = tmp_path / "1.parquet", tmp_path / "2.parquet"
    io.write_parquet(frame, first)
    io.write_parquet(frame.copy(), second)
    assert first.read_bytes() == second.read_bytes()
    assert io.read_parquet(first)["terms"].map(list).tolist() == [["x", "y"], []]


def test_failed_write_leaves_the_previous_file_intact(tmp_path):
    target = tmp_path / "table.txt"
    io.write_text("old", target)
    with pytest.raises(RuntimeError), io.atomic_path(target) as tmp:
        tmp.write_text("half-writ")
        raise RuntimeError("killed")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["table.txt"]


def test_written_files_are_readable_by_others_like_any_new_file(tmp_path):
    target = io.write_text("shared", tmp_path / "page.html")
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask


def test_parquet_written_in_slices_keeps_one_schema(tmp_path, monkeypatch):
    monkeypatch.setattr(io, "PARQUET_ROWS_PER_WRITE", 3)
    frame = pd.DataFrame({
        "doc_id": [f"d{i}" for i in range(8)],
        "note": [None] * 4 + ["a", None, "b", "c"],  # all missing in the first slice
        "words": [["x"], [], ["y", "z"], ["x"], [], ["w"], ["v"], []],
        "terms": [{"en": ["gas"]}] * 4 + [{"it": ["gas"]}] * 4,
        "n": range(8),
    })
    path = io.write_parquet(frame, tmp_path / "t.parquet")
    back = io.read_parquet(path)
    assert back["note"].fillna("-").tolist()[4:] == ["a", "-", "b", "c"] and back["note"].isna().sum() == 5
    assert [list(w) for w in back["words"]] == frame["words"].tolist()
    assert as_dict(back["terms"].iloc[5]) == {"it": ["gas"]} and as_dict(back["terms"].iloc[0]) == {"en": ["gas"]}
    assert back["n"].tolist() == list(range(8))
    assert path.read_bytes() == io.write_parquet(frame, tmp_path / "u.parquet").read_bytes()


def test_text_values_cut_and_fill_in_any_column_type():
    for column in (pd.Series(["abcdef", None, "xy"], dtype="str"), pd.Series(["abcdef", None, 7], dtype=object)):
        assert io.text_values(column) == ["abcdef", "", "xy" if column.dtype != object else "7"]
        assert io.text_values(column, max_chars=3) == ["abc", "", "xy" if column.dtype != object else "7"]
    assert list(io.iter_texts(pd.Series(["a", "b", "c", "d"]), [3, 0, 2], chunk_size=2)) == ["d", "a", "c"]


def test_rows_of_a_chunked_arrow_column_are_taken_in_the_order_asked(tmp_path, monkeypatch):
    monkeypatch.setattr(io, "PARQUET_ROWS_PER_WRITE", 3)  # one Arrow chunk per three rows when read back
    texts = [f"text {i}" if i % 4 else None for i in range(10)]
    column = io.read_parquet(io.write_parquet(pd.DataFrame({"text": texts}), tmp_path / "t.parquet"))["text"]
    assert column.array.__arrow_array__().num_chunks == 4
    taken = io.take_rows(column, [9, 0, 4, 5, 5, -1, 3])
    assert taken.dtype == column.dtype and taken.index.tolist() == list(range(7))
    assert taken.fillna("-").tolist() == ["text 9", "-", "-", "text 5", "text 5", "text 9", "text 3"]
    assert io.take_rows(column, []).tolist() == []
    with pytest.raises(IndexError):
        io.take_rows(column, [10])
    assert list(io.iter_texts(column, range(10), chunk_size=4)) == [text or "" for text in texts]
    assert io.take_rows(pd.Series(["a", "b"], index=[7, 8], dtype=object), [1]).tolist() == ["b"]
