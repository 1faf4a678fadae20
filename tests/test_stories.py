"""Tests for analysis.stories."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis import stories
from analysis.embed import embed_documents
from analysis.errors import ParameterError
from analysis.stories import assign_stories
from tests.conftest import load_folder_corpus

CALL_EN = ("Draghi and Putin discuss gas by phone",
           "Italian Prime Minister Mario Draghi had a phone call with Russian President Vladimir Putin on Tuesday. "
           "They discussed gas supplies to Italy and the crisis in Ukraine, Palazzo Chigi said.")
CALL_IT = ("Draghi e Putin parlano di gas al telefono",
           "Il presidente del Consiglio Mario Draghi ha avuto martedì una telefonata con il presidente russo Vladimir "
           "Putin. Hanno discusso delle forniture di gas all'Italia e della crisi in Ucraina, ha detto Palazzo Chigi.")
CALL_DE = ("Draghi und Putin sprechen am Telefon über Gas",
           "Der italienische Ministerpräsident Mario Draghi hat am Dienstag mit dem russischen Präsidenten Wladimir "
           "Putin telefoniert. Sie sprachen über Gaslieferungen nach Italien und die Krise in der Ukraine, teilte der "
           "Palazzo Chigi mit.")
FOOTBALL = ("Striker signs new contract",
            "The club's top striker signed a new contract until 2027. He scored thirty goals this season.")
VACCINE = ("Neuer Impfstoff zugelassen",
           "Die Gesundheitsbehörden haben einen neuen Impfstoff gegen das Virus zugelassen. Die Impfkampagne beginnt.")


def documents(items, dates=None) -> pd.DataFrame:
    rows = [{"doc_id": doc_id, "lang": lang, "title": title, "text": text, "duplicate_of": None}
            for doc_id, lang, (title, text) in items]
    frame = pd.DataFrame(rows)
    frame["date"] = pd.to_datetime(dates) if dates is not None else pd.NaT
    return frame


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    docs = documents([("d1", "en", CALL_EN), ("d2", "it", CALL_IT), ("d3", "de", CALL_DE),
                      ("d4", "en", FOOTBALL), ("d5", "de", VACCINE)])
    return docs, embed_documents(docs, cache_dir=tmp_path_factory.mktemp("emb"))


def test_reports_of_one_event_share_a_story_across_languages(corpus):
    docs, vectors = corpus
    story = assign_stories(docs, vectors, language_centering="none")
    assert story.iloc[0] == story.iloc[1] == story.iloc[2]
    assert story.nunique() == 3
    assert story.tolist() == ["s0001", "s0001", "s0001", "s0002", "s0003"]  # numbered by first doc_id
    assert story.name == "story_id"


def test_index_is_kept_and_ids_do_not_depend_on_row_order(corpus):
    docs, vectors = corpus
    shuffled = docs.iloc[[4, 2, 0, 3, 1]].set_index(pd.Index([10, 11, 12, 13, 14]))
    story = assign_stories(shuffled, vectors[[4, 2, 0, 3, 1]], language_centering="none")
    assert story.index.tolist() == [10, 11, 12, 13, 14]
    assert dict(zip(shuffled["doc_id"], story)) == dict(zip(docs["doc_id"], assign_stories(docs, vectors, language_centering="none")))


def test_dates_far_apart_split_a_story(corpus):
    docs, vectors = corpus
    docs = docs.assign(date=pd.to_datetime(["2022-03-01", "2022-03-02", "2022-05-01", None, None]))
    story = assign_stories(docs, vectors, max_days=7, language_centering="none")
    assert story.iloc[0] == story.iloc[1] and story.iloc[2] != story.iloc[0]


def test_actors_must_overlap_when_both_documents_name_some(corpus):
    docs, vectors = corpus
    mentions = pd.DataFrame({"doc_id": ["d1", "d1", "d2", "d3"],
                             "actor_id": ["mario-draghi", "vladimir-putin", "vladimir-putin", "olaf-scholz"]})
    story = assign_stories(docs, vectors, mentions=mentions, language_centering="none")
    assert story.iloc[0] == story.iloc[1]
    assert story.iloc[2] != story.iloc[0]


def test_duplicates_take_their_originals_story(corpus):
    docs, vectors = corpus
    copy = docs.iloc[[3]].assign(doc_id="d0-copy", duplicate_of="d1")
    story = assign_stories(pd.concat([docs, copy], ignore_index=True), np.vstack([vectors, vectors[3:4]]),
                           language_centering="none")
    assert story.iloc[-1] == story.iloc[0]
    assert story.iloc[-1] != story.iloc[3]


def test_blocked_search_matches_brute_force(monkeypatch):
    rng = np.random.default_rng(0)
    centres = rng.normal(size=(20, 32))
    X = np.repeat(centres, 5, axis=0) + 0.15 * rng.normal(size=(100, 32))
    X = (X / np.linalg.norm(X, axis=1, keepdims=True)).astype(np.float32)
    full_pairs, full_sims = stories._mutual_neighbours(X, threshold=0.8, n_neighbors=6, progress=False)
    monkeypatch.setattr(stories, "_BLOCK_ROWS", 3)
    monkeypatch.setattr(stories, "_BLOCK_CELLS", 3 * 7)  # tiles of 3 x 7 similarities
    block_pairs, block_sims = stories._mutual_neighbours(X, threshold=0.8, n_neighbors=6, progress=False)
    assert np.array_equal(full_pairs, block_pairs) and np.array_equal(full_sims, block_sims)
    S = X @ X.T
    np.fill_diagonal(S, -np.inf)
    top = np.argsort(-S, axis=1, kind="stable")[:, :6]
    expected = [(i, j) for i in range(len(X)) for j in top[i] if i < j and i in top[j] and S[i, j] >= 0.8]
    assert sorted(map(tuple, full_pairs.tolist())) == sorted(expected) and len(expected) > 50
    assert np.allclose(full_sims, [S[i, j] for i, j in full_pairs], atol=1e-4)


def test_each_document_keeps_its_n_most_similar_neighbours_however_many_clear_the_threshold(monkeypatch):
    # Ten copies of one direction: every pair clears the threshold, but only the first two of
    # the equally similar others count as each document's neighbours, even when the block's
    # candidates must be cut down to the best ones several times on the way.
    monkeypatch.setattr(stories, "_BLOCK_ROWS", 4)
    monkeypatch.setattr(stories, "_BLOCK_CELLS", 4 * 3)
    X = np.tile(np.eye(4, dtype=np.float32)[0], (10, 1))
    pairs, sims = stories._mutual_neighbours(X, threshold=0.9, n_neighbors=2, progress=False)
    assert pairs.tolist() == [[0, 1], [0, 2], [1, 2]]
    assert sims.tolist() == [1.0, 1.0, 1.0]


def test_average_linkage_prevents_chaining():
    # a ~ b and b ~ c above threshold, but a and c far apart: only the stronger link holds.
    a, c = np.array([1.0, 0.0]), np.array([0.0, 1.0])
    b = (a + c) / np.linalg.norm(a + c)
    X = np.stack([a, b, c])
    groups = stories._average_link_merge(X, np.array([[0, 1], [1, 2]]), np.array([0.71, 0.70]), min_average=0.7)
    assert groups[0] == groups[1] and groups[2] != groups[1]


def test_bad_input_raises(corpus):
    docs, vectors = corpus
    with pytest.raises(ParameterError, match="one row per document"):
        assign_stories(docs, vectors[:2])
    with pytest.raises(ParameterError, match="threshold"):
        assign_stories(docs, vectors, threshold=1.5)
    with pytest.raises(ParameterError, match="actor_id"):
        assign_stories(docs, vectors, mentions=pd.DataFrame({"doc_id": ["d1"]}))


def test_dev_corpus_translations_share_stories(semeval_dir, translations_dir):
    from analysis import config

    docs = pd.concat([load_folder_corpus(semeval_dir), load_folder_corpus(translations_dir, "en_from_pl_*.txt")],
                     ignore_index=True)
    vectors = embed_documents(docs, cache_dir=config.CACHE_DIR / "embeddings")
    story = dict(zip(docs["doc_id"], assign_stories(docs, vectors)))
    pairs = [(d, "pl/" + d.removeprefix("en/en_from_pl_")) for d in docs["doc_id"] if d.startswith("en/en_from_pl_")]
    assert sum(story[a] == story[b] for a, b in pairs) >= 9
    sizes = pd.Series(story).value_counts()
    assert sizes.iloc[0] <= 0.1 * len(docs)  # stories stay tight, no topic-sized blobs


@pytest.mark.parametrize("block_rows, block_cells", [(1024, 1 << 22), (16, 16 * 5)])
def test_neighbours_are_looked_for_within_each_documents_own_date_window(monkeypatch, block_rows, block_cells):
    # A's nearest document B is 100 days away, so it must not take A's only neighbour slot
    # from C (a day away), however many rows are compared at once.
    monkeypatch.setattr(stories, "_BLOCK_ROWS", block_rows)
    monkeypatch.setattr(stories, "_BLOCK_CELLS", block_cells)
    e = np.eye(8)
    a, b, c = e[0], e[0] + 0.1 * e[2], e[0] + 0.45 * e[1]
    rng = np.random.default_rng(0)
    fillers = np.hstack([np.zeros((40, 3)), rng.normal(size=(40, 5))])
    vectors = np.vstack([a, b, c, fillers])
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    days = [0, 100, 1] + list(np.linspace(2, 60, 40).round())
    frame = pd.DataFrame({"doc_id": [f"d{i:02d}" for i in range(len(days))], "lang": "en",
                          "date": pd.Timestamp("2022-03-01") + pd.to_timedelta(days, unit="D")})
    story = assign_stories(frame, vectors.astype(np.float32), threshold=0.8, n_neighbors=1, max_days=7)
    assert story[0] == story[2] != story[1]
