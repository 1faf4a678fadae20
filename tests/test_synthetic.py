"""Synthetic corpora: deterministic, distinct documents, same-language recombination, no mass-repeated lines."""
from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

import pytest

from analysis.sentences import split_sentences
from analysis.synthetic import read_source, synthesize_corpus
from analysis.textclean import normalize_line_key

EN = [
    "Leaders met in Paris on Monday. They discussed energy prices. The talks lasted four hours.\n"
    "Officials said a new round was planned. Nobody gave a date.",
    "The central bank raised rates again. Markets fell sharply after the decision.\n"
    "Analysts expect more increases. Inflation stays high in the region.\nThe currency weakened.",
    "Floods hit the northern province. Thousands of people left their homes.\n"
    "Rescue teams arrived by helicopter. The army sent more trucks on Tuesday.",
]
IT = [
    "Il governo ha approvato la legge. Il voto finale è previsto per giovedì.\n"
    "L'opposizione ha protestato in aula. Il ministro ha risposto alle critiche.",
    "La squadra ha vinto la partita. I tifosi hanno festeggiato in piazza.\n"
    "Il sindaco ha ringraziato i giocatori. La festa è durata tutta la notte.\nDomani si riparte.",
]


def _source(make_corpus) -> Path:
    files = {f"en/article{i}.txt": f"English title {i}\n\n{body}\n" for i, body in enumerate(EN)}
    files.update({f"it/articolo{i}.txt": f"Titolo italiano {i}\n\n{body}\n" for i, body in enumerate(IT)})
    return make_corpus(files, name="source")


def _read_corpus(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.txt"))}


def _sentences(text: str) -> set[str]:
    return {text[a:b] for a, b in split_sentences(text)}


def test_writes_n_distinct_documents_in_language_folders(make_corpus, tmp_path):
    out = synthesize_corpus(_source(make_corpus), 60, out_dir=tmp_path / "synthetic")
    corpus = _read_corpus(out)
    assert len(corpus) == 60
    assert {path.split("/")[0] for path in corpus} == {"en", "it"}
    digests = {hashlib.sha256(text.encode()).hexdigest() for text in corpus.values()}
    assert len(digests) == 60
    assert not list(tmp_path.glob(".synthetic.*"))  # no staging folder left behind


def test_paragraphs_recombine_sentences_of_the_same_language(make_corpus, tmp_path):
    pools = {"en": set().union(*map(_sentences, EN)), "it": set().union(*map(_sentences, IT))}
    titles = {"en": {f"English title {i}" for i in range(len(EN))}, "it": {f"Titolo italiano {i}" for i in range(len(IT))}}
    paragraph_counts = {"en": {len(b.split("\n")) for b in EN}, "it": {len(b.split("\n")) for b in IT}}
    corpus = _read_corpus(synthesize_corpus(_source(make_corpus), 40, out_dir=tmp_path / "synthetic"))
    for path, content in corpus.items():
        lang = path.split("/")[0]
        title, blank, *lines = content.rstrip("\n").split("\n")
        assert title in titles[lang] and blank == ""
        # one line per paragraph of the template article
        assert len(lines) in paragraph_counts[lang]
        for line in lines:
            assert _sentences(line) <= pools[lang], (path, line)


def test_no_line_repeated_in_more_documents_than_allowed(make_corpus, tmp_path):
    corpus = _read_corpus(synthesize_corpus(_source(make_corpus), 80, out_dir=tmp_path / "synthetic",
                                            max_line_repeats=3))
    uses = Counter(key for content in corpus.values()
                   for key in {normalize_line_key(line) for line in content.split("\n\n", 1)[1].split("\n") if line})
    assert max(uses.values()) <= 3


def test_deterministic_and_seed_dependent(make_corpus, tmp_path):
    source = _source(make_corpus)
    first = _read_corpus(synthesize_corpus(source, 25, out_dir=tmp_path / "a", random_state=3))
    again = _read_corpus(synthesize_corpus(source, 25, out_dir=tmp_path / "b", random_state=3))
    other = _read_corpus(synthesize_corpus(source, 25, out_dir=tmp_path / "c", random_state=4))
    assert first == again
    assert first != other


def test_flat_folder_languages_come_from_the_detector(seeds_dir, tmp_path):
    articles = read_source(seeds_dir)
    assert len(articles) == 5
    assert {a.lang for a in articles} <= {"en", "it"}
    corpus = _read_corpus(synthesize_corpus(seeds_dir, 12, out_dir=tmp_path / "synthetic"))
    assert len(corpus) == 12 and {p.split("/")[0] for p in corpus} <= {"en", "it"}


def test_dev_corpus_keeps_its_six_languages(semeval_dir, tmp_path):
    corpus = _read_corpus(synthesize_corpus(semeval_dir, 300, out_dir=tmp_path / "synthetic"))
    assert len(corpus) == 300
    assert {p.split("/")[0] for p in corpus} == {"de", "en", "fr", "it", "pl", "ru"}


def test_bad_arguments_are_named(make_corpus, tmp_path):
    source = _source(make_corpus)
    with pytest.raises(ValueError, match="n must be a positive integer"):
        synthesize_corpus(source, 0, out_dir=tmp_path / "x")
    occupied = tmp_path / "occupied"
    occupied.mkdir()
    (occupied / "keep.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ValueError, match="not an empty folder"):
        synthesize_corpus(source, 5, out_dir=occupied)
    assert (occupied / "keep.txt").read_text(encoding="utf-8") == "mine"
    with pytest.raises(ValueError, match="no .txt/.md article"):
        synthesize_corpus(make_corpus({"notes.csv": "a,b\n"}, name="empty"), 5, out_dir=tmp_path / "y")
    with pytest.raises(ValueError, match="replace_share"):
        synthesize_corpus(source, 5, out_dir=tmp_path / "z", replace_share=1.5)


def test_too_small_a_source_for_distinct_documents_fails_clearly(make_corpus, tmp_path):
    source = make_corpus({"en/a.txt": "Title\n\nOnly one sentence here.\n"}, name="tiny")
    with pytest.raises(ValueError, match="too few distinct sentences"):
        synthesize_corpus(source, 3, out_dir=tmp_path / "out")
    assert not (tmp_path / "out").exists()
