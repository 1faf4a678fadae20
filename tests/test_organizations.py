"""Organisations missing from the knowledge base, found by the shape of their names."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.actors import ActorMatcher, extract_mentions
from analysis.kb import load_kb


@pytest.fixture(scope="module")
def matcher():
    return ActorMatcher(load_kb())


def organizations(matcher, text: str, lang: str) -> list[tuple[str, str]]:
    """(surface, name) of the organisations found outside the knowledge base, in text order."""
    return [(m.surface, m.actor) for m in matcher.match(text, lang=lang)
            if m.actor_type == "organization" and not m.in_kb]


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "The House Intelligence Committee asked the Brookings Institution for advice.",
     [("House Intelligence Committee", "House Intelligence Committee"), ("Brookings Institution", "Brookings Institution")]),
    ("en", "Physicists of the Institute of Theoretical and Mathematical Physics met on Monday.",
     [("Institute of Theoretical and Mathematical Physics", "Institute of Theoretical and Mathematical Physics")]),
    ("it", "Il ministro ha convocato il Comitato Tecnico Scientifico (CTS). Il CTS si riunirà domani.",
     [("Comitato Tecnico Scientifico", "Comitato Tecnico Scientifico"), ("CTS", "Comitato Tecnico Scientifico"),
      ("CTS", "Comitato Tecnico Scientifico")]),
    ("fr", "Le Conseil d'État a rejeté le recours de l'Université du Texas.",
     [("Conseil d'État", "Conseil d'État"), ("Université du Texas", "Université du Texas")]),
    ("de", "Das Institut für Weltwirtschaft warnte vor einer Rezession.",
     [("Institut für Weltwirtschaft", "Institut für Weltwirtschaft")]),
    # Polish case forms: the head noun and the adjectives agreeing with it in the nominative, complements as written
    ("pl", "Według Polskiego Instytutu Ekonomicznego (PIE) to zasługa młodszych pokoleń. Analitycy PIE dodali.",
     [("Polskiego Instytutu Ekonomicznego", "Polski Instytut Ekonomiczny"), ("PIE", "Polski Instytut Ekonomiczny"),
      ("PIE", "Polski Instytut Ekonomiczny")]),
    ("pl", "Orzeczenie Sądu Najwyższego i opinia Polskiego Instytutu Spraw Międzynarodowych.",
     [("Sądu Najwyższego", "Sąd Najwyższy"),
      ("Polskiego Instytutu Spraw Międzynarodowych", "Polski Instytut Spraw Międzynarodowych")]),
    ("pl", "Sprawa Izby Dyscyplinarnej wróciła.", [("Izby Dyscyplinarnej", "Izba Dyscyplinarna")]),
])
def test_names_around_a_head_noun(matcher, lang, text, expected):
    assert organizations(matcher, text, lang) == expected


@pytest.mark.parametrize("lang, text, expected", [
    # a title after the name is the person's, not the organisation's
    ("en", "Judiciary Committee Chairman Jerrold Nadler said no.", [("Judiciary Committee", "Judiciary Committee")]),
    # two names joined by "and" stay two names
    ("en", "The Dublin Unionist Party and the European Research Group disagree.",
     [("Dublin Unionist Party", "Dublin Unionist Party"), ("European Research Group", "European Research Group")]),
    # a sentence's first word is no part of the name ("Wyrok" = the judgment; "Czy" = whether)
    ("pl", "Wyrok Sądu Najwyższego zapadł wczoraj.", [("Sądu Najwyższego", "Sąd Najwyższy")]),
    ("pl", "Czy Trybunał Konstytucyjny orzeknie?", [("Trybunał Konstytucyjny", "Trybunał Konstytucyjny")]),
    # nor is a noun capitalised out of reverence ("before the Majesty of the Office")
    ("pl", "Nie przyszli bić pokłonów przed Majestatem Urzędu.", []),
    ("en", "They reached a Center-Left consensus.", []),
])
def test_name_boundaries(matcher, lang, text, expected):
    assert organizations(matcher, text, lang) == expected


@pytest.mark.parametrize("lang, text", [
    ("en", "The committee met the bank on Monday."),  # lower case: no name
    ("en", "The Committee met again."),  # one capitalised word is no name
    ("de", "Das Institut und die Kommission der Stadt schwiegen."),  # German nouns are capitalised anyway
    ("ru", "Институт теоретической и математической физики сообщил."),  # Russian: only the first word is capitalised
])
def test_no_name_without_two_capitalised_words(matcher, lang, text):
    assert organizations(matcher, text, lang) == []


def test_knowledge_base_organisations_are_not_rediscovered(matcher):
    found = matcher.match("The European Central Bank and the Bank of England raised rates.", lang="en")
    assert [(m.actor, m.in_kb) for m in found if m.actor_type == "organization"] == [
        ("European Central Bank", True), ("Bank of England", True)]


def test_unlisted_organisations_in_the_mentions_table_and_switched_off():
    docs = pd.DataFrame(dict(doc_id=["a", "b"], lang=["en", "fr"], text=[
        "The Brookings Institution published a report. Analysts of the Brookings Institution disagree.",
        "Le Conseil d'État a rejeté le recours."]))
    kb = load_kb()
    mentions = extract_mentions(docs, kb=kb)
    found = mentions[~mentions["in_kb"]]
    assert found[["doc_id", "actor_id", "actor", "actor_type", "method"]].values.tolist() == [
        ["a", "x-brookings-institution", "Brookings Institution", "organization", "discovered"],
        ["a", "x-brookings-institution", "Brookings Institution", "organization", "discovered"],
        ["b", "x-conseil-d-etat", "Conseil d'État", "organization", "discovered"],
    ]
    without = extract_mentions(docs, kb=kb, unlisted_organizations=False)
    assert without["in_kb"].all()
