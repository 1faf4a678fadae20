"""Exact and near-duplicate detection."""
from __future__ import annotations

import random

import pytest

from analysis.dedup import (
    duplicate_groups,
    find_duplicates,
    match_signatures,
    minhash,
    shingle_hashes,
    text_fingerprint,
    text_signature,
)
from analysis.errors import ParameterError

WORDS = ("government minister talks sanction border energy price summit army report agency week city "
         "president crisis agreement parliament vote economy gas military peace").split()


def _article(seed: int, n_words: int = 300) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) + str(rng.randrange(50)) for _ in range(n_words)) + "."


def _edit(text: str, n_changes: int, seed: int = 0) -> str:
    words = text.split()
    rng = random.Random(seed)
    for index in rng.sample(range(len(words)), n_changes):
        words[index] = "changed"
    return " ".join(words)


def test_fingerprint_ignores_case_spacing_and_punctuation():
    assert text_fingerprint("Putin called  Draghi.\n\nThey talked!") == text_fingerprint("putin called draghi they talked")
    assert text_fingerprint("Putin called Draghi") != text_fingerprint("Draghi called Putin")


def test_shingles_and_minhash_are_stable():
    assert len(shingle_hashes("a b c d e", size=3)) == 3
    assert len(shingle_hashes("a b", size=3)) == 1
    assert len(shingle_hashes("", size=3)) == 0
    text = _article(1)
    assert (minhash(text).hashvalues == minhash(text).hashvalues).all()
    assert minhash(text).jaccard(minhash(_article(2))) < 0.2


def test_exact_and_near_duplicates_point_at_first_doc_id():
    original = _article(1)
    frame = find_duplicates(
        ["c", "b", "a", "d"],
        [original.upper(), _edit(original, 3), original, _article(2)],
        threshold=0.8,
    ).set_index("doc_id")
    assert frame.loc["a"].isna().all()  # "a" comes first in doc_id order: the original
    assert (frame.loc["c", "duplicate_of"], frame.loc["c", "kind"], frame.loc["c", "similarity"]) == ("a", "exact", 1.0)
    assert (frame.loc["b", "duplicate_of"], frame.loc["b", "kind"]) == ("a", "near")
    assert 0.8 <= frame.loc["b", "similarity"] < 1.0
    assert frame.loc["d", "duplicate_of"] is None
    assert list(frame.index) == ["a", "b", "c", "d"]


def test_threshold_decides_near_duplicates():
    original = _article(5)
    edited = _edit(original, 30)  # ~10% of the words changed: Jaccard of 3-shingles far below 0.9
    assert find_duplicates(["a", "b"], [original, edited], threshold=0.9)["duplicate_of"].tolist() == [None, None]
    assert find_duplicates(["a", "b"], [original, edited], threshold=0.5)["duplicate_of"].tolist() == [None, "a"]


def test_copies_of_copies_point_at_the_original():
    original = _article(9)
    first = _edit(original, 2, seed=1)
    second = _edit(first, 2, seed=2)
    frame = find_duplicates(["a", "b", "c"], [original, first, second], threshold=0.85)
    assert frame["duplicate_of"].tolist() == [None, "a", "a"]


def test_deterministic_and_validated():
    texts = [_article(i) for i in range(20)] + [_edit(_article(3), 1)]
    ids = [f"d{i:02d}" for i in range(21)]
    assert find_duplicates(ids, texts).equals(find_duplicates(ids, texts))
    for bad in (0, -0.1, 1.5):
        with pytest.raises(ParameterError, match="near_duplicate_threshold"):
            find_duplicates(ids, texts, threshold=bad)


def test_duplicate_groups_table():
    import pandas as pd

    documents = pd.DataFrame({
        "doc_id": ["a", "b", "c", "d", "e"],
        "title": ["A", "B", "C", "D", "E"],
        "duplicate_of": [None, "a", None, "a", "c"],
    })
    groups = duplicate_groups(documents)
    assert groups.to_dict("records") == [
        {"original": "a", "title": "A", "n_copies": 2, "copies": ["b", "d"]},
        {"original": "c", "title": "C", "n_copies": 1, "copies": ["e"]},
    ]
    assert duplicate_groups(documents.assign(duplicate_of=None)).empty


def test_lsh_index_finds_what_datasketch_finds():
    # find_duplicates keeps its own band tables; datasketch's MinHashLSH with the same bands is the reference
    from datasketch import MinHashLSH

    from analysis.dedup import _lsh_bands

    base = [_article(i) for i in range(12)]
    texts = base + [_edit(base[i], n, seed=i) for i, n in ((0, 1), (1, 4), (2, 12), (3, 25), (0, 2))] + [base[5].upper()]
    ids = [f"d{i:02d}" for i in range(len(texts))]
    for threshold in (0.5, 0.8, 0.9):
        lsh = MinHashLSH(num_perm=128, params=_lsh_bands(threshold, 128))
        sketches, expected = {}, []
        for doc_id, text in zip(ids, texts):
            sketch = minhash(text)
            near = [c for c in sorted(lsh.query(sketch)) if sketch.jaccard(sketches[c]) >= threshold]
            exact = [c for c in sketches if text_fingerprint(texts[ids.index(c)]) == text_fingerprint(text)]
            original = (exact or near or [None])[0]
            expected.append(original)
            if original is None:
                sketches[doc_id] = sketch
                lsh.insert(doc_id, sketch)
        assert find_duplicates(ids, texts, threshold=threshold)["duplicate_of"].tolist() == expected
        assert any(expected)


def test_signatures_made_apart_give_the_same_duplicates():
    original = _article(3)
    texts = [_edit(original, 2), original, _article(4), original.lower()]
    signatures = [text_signature(text) for text in texts]
    assert signatures[1][0] == text_fingerprint(original)
    assert (signatures[1][1] == minhash(original).hashvalues).all()
    frame = match_signatures(["b", "a", "c", "d"], signatures, threshold=0.8)
    assert frame["doc_id"].tolist() == ["a", "b", "c", "d"]
    assert frame["duplicate_of"].tolist() == [None, "a", None, "a"]
    assert frame["kind"].tolist() == [None, "near", None, "exact"]
    with pytest.raises(ParameterError, match="same length"):
        match_signatures(["a"], signatures)
