"""Language identification: configured set, confidence, outside languages and mixed documents."""
from __future__ import annotations

import pytest

from analysis.errors import InputError
from analysis.langid import detect_language, detect_languages, supported_languages, validate_languages

EN = ("The foreign ministers spoke on the phone for almost an hour on Tuesday evening and agreed to meet again "
      "next month in Geneva, where their deputies will prepare the details of a possible agreement on security. ")
IT = ("Il presidente del Consiglio ha avuto una lunga conversazione telefonica con il capo del Cremlino, durante la "
      "quale si è parlato della crisi ucraina e delle forniture di gas all'Italia per il prossimo inverno. ")
NL = ("De ministers van Buitenlandse Zaken hebben dinsdagavond bijna een uur met elkaar gebeld en afgesproken "
      "elkaar volgende maand opnieuw te ontmoeten in Genève, waar hun plaatsvervangers de details voorbereiden. ")
DE = ("Die Außenminister haben am Dienstagabend fast eine Stunde lang miteinander telefoniert und vereinbart, "
      "sich im nächsten Monat in Genf wiederzutreffen, wo ihre Stellvertreter die Einzelheiten vorbereiten sollen. ")


def test_validate_languages():
    assert validate_languages(["IT", "en", "en "]) == ("en", "it")
    assert validate_languages("de") == ("de",)
    assert {"en", "it", "fr", "de", "pl", "ru", "uk", "es"} <= set(supported_languages())
    with pytest.raises(InputError, match=r"unknown language code\(s\) \['xx'\].*supported ISO 639-1 codes: af, ar"):
        validate_languages(["en", "xx"])
    with pytest.raises(InputError, match="empty"):
        validate_languages([])


def test_seed_languages(seeds_dir):
    texts = [path.read_text(encoding="utf-8") for path in sorted(seeds_dir.glob("*.txt"))]
    result = detect_languages(texts)
    assert result["lang"].tolist() == ["en", "en", "it", "it", "en"]
    assert (result["lang_confidence"] > 0.9).all()
    assert result["outside_language"].isna().all()
    assert not result["mixed_language"].any()


def test_language_outside_the_set_gets_low_confidence():
    lang, confidence = detect_language(NL * 3, languages=("en", "it", "de"))
    assert lang in {"en", "it", "de"}  # a restricted detector always answers within the set ...
    assert confidence < 0.5  # ... but the confidence says it is not really one of them
    row = detect_languages([NL * 3, DE * 3], languages=("en", "it", "de")).iloc[0]
    assert row["outside_language"] == "nl"
    assert detect_languages([DE * 3], languages=("en", "it")).iloc[0]["outside_language"] == "de"


RU = ("Министры иностранных дел двух стран почти час говорили по телефону во вторник вечером и договорились "
      "снова встретиться в Женеве в следующем месяце, где их заместители подготовят детали соглашения. ")


def test_mixed_language_document():
    text = "\n\n".join([EN * 3, EN, IT, EN, EN])
    row = detect_languages([text], languages=("en", "it")).iloc[0]
    assert row["lang"] == "en"
    assert row["mixed_language"]
    assert row["paragraph_langs"] == ["en", "en", "it", "en", "en"]  # one per paragraph of >= 20 words
    clean = detect_languages(["\n\n".join([EN * 3, EN, EN])], languages=("en", "it")).iloc[0]
    assert not clean["mixed_language"] and clean["paragraph_langs"] == ["en", "en", "en"]


def test_mixed_language_with_another_script_and_short_paragraphs_ignored():
    text = "\n\n".join([RU * 2, RU, EN, "Short English line in the middle.", RU])
    row = detect_languages([text]).iloc[0]
    assert row["lang"] == "ru" and row["mixed_language"]
    assert row["paragraph_langs"] == ["ru", "ru", "en", "ru"]
    quoted = detect_languages(["\n\n".join([RU * 2, "Short English line in the middle.", RU])]).iloc[0]
    assert not quoted["mixed_language"]


def test_single_language_and_empty_text():
    result = detect_languages([IT * 2, "", "12 345 — 678"], languages=["it"])
    assert result["lang"].tolist() == ["it", None, None]
    assert result["lang_confidence"].tolist()[1:] == [0.0, 0.0]
    assert result["lang_confidence"][0] > 0.9


def test_batch_detection_on_all_cores_agrees_with_one_text_at_a_time():
    # lingua scores a batch in parallel (one chunk per call); each row must be what the text gets alone
    texts = [EN * 2, IT * 2, NL * 2, DE * 2, RU * 2, "\n\n".join([EN * 2, IT, EN]), "", EN[:60]] * 3
    batch = detect_languages(texts, languages=("en", "it", "de", "ru"))
    for text, row in zip(texts, batch.itertuples(index=False)):
        alone = detect_languages([text], languages=("en", "it", "de", "ru")).iloc[0]
        assert (row.lang, row.lang_confidence, row.outside_language, row.paragraph_langs, row.mixed_language) == (
            alone["lang"], alone["lang_confidence"], alone["outside_language"], alone["paragraph_langs"],
            alone["mixed_language"])
    assert batch["lang"].tolist()[:5] == ["en", "it", batch["lang"][2], "de", "ru"]
    assert batch["outside_language"][2] == "nl"


def _detect_in_child(queue, texts):
    queue.put(detect_languages(texts)["lang"].tolist())


@pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="needs fork()")
def test_a_forked_child_still_detects_after_the_parent_used_all_cores():
    import multiprocessing

    texts = [EN * 2, IT * 2]
    assert detect_languages(texts)["lang"].tolist() == ["en", "it"]  # the parent's thread pool is now running
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    child = context.Process(target=_detect_in_child, args=(queue, texts))
    child.start()
    child.join(60)
    if child.is_alive():
        child.kill()
        pytest.fail("language detection in a forked child hung")
    assert queue.get(timeout=5) == ["en", "it"]
