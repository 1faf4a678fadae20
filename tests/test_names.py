"""Given-name gazetteer, romanisation of Cyrillic names and ids of persons outside the KB."""
from __future__ import annotations

import pytest

from analysis.names import (
    GIVEN_NAMES_PATH,
    UNLISTED_ID_PREFIX,
    inflected_in,
    person_gender,
    load_given_names,
    person_slug,
    romanise,
    transliterate,
)


def test_romanise_cyrillic_given_names_in_each_convention():
    assert {"Sergey", "Sergej", "Serghei", "Serguei", "Siergiej"} <= romanise("Сергей")  # en de it fr pl
    assert {"Dmitry", "Dmitri", "Dmitrij"} <= romanise("Дмитрий")
    assert {"Yevgeni", "Jewgenij", "Jewgienij", "Evgueni"} <= romanise("Евгений")
    assert romanise("Sergei") == set()  # already Latin


def test_transliterate_and_slug():
    assert transliterate("Сергей Кургинян") == "sergei kurginian"
    assert person_slug("Сергей Кургинян") == "x-sergei-kurginian"
    assert person_slug("Hanna Gill-Piątek") == "x-hanna-gill-piatek"
    assert person_slug("Łukasz Mejza") == "x-lukasz-mejza"
    assert person_slug("Jacek Kurski").startswith(UNLISTED_ID_PREFIX)
    with pytest.raises(ValueError):
        person_slug("—")


def test_gazetteer_has_names_of_the_six_languages_and_no_common_words():
    names = load_given_names()
    for name in ["Jacek", "Małgorzata", "Giuseppe", "Françoise", "Jürgen", "Emily", "Сергей", "Людмила", "Олексій",
                 "Siergiej", "Serghei"]:
        assert name in names, name
    for word in ["May", "Will", "London", "Florida", "President", "Matka", "Don"]:
        assert word not in names, word
    assert "romanised" in names["Siergiej"] and "pl_PL" in names["Jacek"]


def test_gazetteer_has_foreign_names_in_russian_transcription():
    names = load_given_names()
    for name in ["Анджелина", "Илон", "Кейт", "Джорджа", "Анджей", "Ежи", "Матеуш", "Нарендра", "Фумио", "Тайип"]:
        assert "hand" in names[name], name
        assert inflected_in("ru", names[name]) and inflected_in("uk", names[name])
    assert "hand" in names["Роберт"]  # also a Bulgarian name, but it takes Russian case endings ("Роберта Фицо")
    # common words ("весна" is only a Bulgarian name here), case forms of Russian names (Петра, Ивана, Андреа:
    # Андрее), names whose romanisation is a Latin-script word (Шон: schon, Ван: van, Новак: Nowak)
    for word in ["Франс", "Петра", "Ивана", "Николае", "Андреа", "Шон", "Дэн", "Ван", "Новак", "Пол", "Май", "Дон"]:
        assert word not in names, word
    assert not inflected_in("ru", names["Весна"])


def test_gazetteer_file_documents_its_source():
    header = [line for line in GIVEN_NAMES_PATH.read_text(encoding="utf-8").splitlines()[:10] if line.startswith("#")]
    text = " ".join(header)
    assert "Faker" in text and "MIT" in text


def test_which_names_take_case_endings():
    assert inflected_in("pl", frozenset({"pl_PL"})) and inflected_in("pl", frozenset({"en_US"}))
    assert not inflected_in("pl", frozenset({"is_IS"}))  # rare foreign names: no invented case forms
    assert inflected_in("ru", frozenset({"ru_RU"})) and not inflected_in("ru", frozenset({"de_DE"}))
    assert not inflected_in("it", frozenset({"it_IT"}))


def test_missing_gazetteer_is_a_clear_error(tmp_path):
    with pytest.raises(ValueError, match="given-name list not found"):
        load_given_names(tmp_path / "none.tsv")


@pytest.mark.parametrize(("name", "gender"), [
    ("Maria Zakharova", "f"), ("Мария Захарова", "f"), ("Agnieszka Kowalska", "f"), ("Сергей Лавров", "m"),
    ("Andrzej Duda", None),  # neither the surname nor the given name tells
    ("Nikita Chruszczow", "m"), ("Andrea Orlando", "m"),  # given names in -a of men
    ("Emmanuel Macron", None), ("Macron", None), ("", None),
])
def test_person_gender_from_the_name(name, gender):
    assert person_gender(name) == gender
