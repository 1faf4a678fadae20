"""Tests of the actor knowledge base: the real data files and the loader's validation."""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pandas as pd
import pytest

from analysis.errors import InputError
from analysis.kb import ROLE_KEYS, load_kb, slugify

# Written by hand from reading seeds/*.txt.
SEED_PERSONS = [
    "Mario Draghi", "Vladimir Putin", "Antony Blinken", "Sergey Lavrov", "Joe Biden", "Boris Johnson",
    "Volodymyr Zelenskyy", "Yuri Ushakov", "Jen Psaki", "Marco Rubio", "Donald Trump", "Mike Waltz",
    "Steve Witkoff", "Giuseppe Conte", "Guido Crosetto",
]
SEED_ORGANIZATIONS = [
    "NATO", "TASS", "Agence France-Presse", "Five Star Movement", "European Parliament", "Corriere della Sera",
    "European Union", "United States Department of State", "Moscow Kremlin", "White House", "RT (TV network)",
    "Democratic Party (Italy)", "Palazzo Chigi",
]
CORE_LANGUAGES = {"en", "it", "fr", "de", "pl", "ru"}

MINIMAL_ROLES = "- role: foreign_minister\n  phrases: {en: [foreign minister]}\n"


@pytest.fixture(scope="module")
def kb():
    return load_kb()


@pytest.fixture(scope="module")
def matcher(kb):
    from analysis.actors import ActorMatcher

    return ActorMatcher(kb)


def _write_kb(tmp_path: Path, actors: str, roles: str = MINIMAL_ROLES) -> tuple[Path, Path]:
    actors_path = tmp_path / "actors.yaml"
    roles_path = tmp_path / "roles.yaml"
    actors_path.write_text(actors, encoding="utf-8")
    roles_path.write_text(roles, encoding="utf-8")
    return actors_path, roles_path


def _load_error(tmp_path: Path, actors: str, roles: str = MINIMAL_ROLES) -> str:
    actors_path, roles_path = _write_kb(tmp_path, actors, roles)
    with pytest.raises(InputError) as info:
        load_kb(actors_path, roles_path=roles_path)
    message = str(info.value)
    assert "\n" not in message
    return message


# --- the real knowledge base -------------------------------------------------------------------


def test_real_kb_loads_with_expected_shape(kb):
    assert len(kb.actors) >= 200
    assert set(kb.actors["actor_type"]) == {"person", "organization", "country"}
    assert kb.actors["actor_id"].is_unique and kb.actors["actor"].is_unique
    assert list(kb.offices.columns) == ["actor_id", "role", "of", "start", "end"]
    assert str(kb.offices["start"].dtype) == "datetime64[ns]" and str(kb.offices["end"].dtype) == "datetime64[ns]"
    assert set(kb.offices["role"]) <= set(ROLE_KEYS) and set(kb.roles["role"]) <= set(ROLE_KEYS)
    assert set(kb.aliases["actor_id"]) <= set(kb.actors["actor_id"])
    assert set(kb.offices["actor_id"]) <= set(kb.actors["actor_id"])


def test_every_actor_has_aliases_in_the_core_languages(kb):
    langs = kb.aliases.groupby("actor_id")["lang"].agg(set)
    missing = {actor_id: sorted(CORE_LANGUAGES - got) for actor_id, got in langs.items() if not CORE_LANGUAGES <= got}
    assert missing == {}


def test_every_country_has_demonyms_in_the_core_languages(kb):
    countries = set(kb.actors.loc[kb.actors["actor_type"] == "country", "country"])
    langs = kb.demonyms.groupby("country")["lang"].agg(set)
    assert countries == set(langs.index)
    assert all(CORE_LANGUAGES <= got for got in langs)


@pytest.mark.parametrize("name", SEED_PERSONS)
def test_every_seed_person_is_present(kb, name):
    row = kb.actors.loc[kb.actors["actor"] == name]
    assert len(row) == 1 and row["actor_type"].item() == "person"


@pytest.mark.parametrize("name", SEED_ORGANIZATIONS)
def test_every_seed_organization_is_present(kb, name):
    row = kb.actors.loc[kb.actors["actor"] == name]
    assert len(row) == 1 and row["actor_type"].item() == "organization"


@pytest.mark.parametrize(
    ("actor", "lang", "alias"),
    [
        # spellings that occur in the seeds
        ("Sergey Lavrov", "it", "Serghei Lavrov"),
        ("Sergey Lavrov", "it", "Sergej Lavrov"),
        ("Volodymyr Zelenskyy", "en", "Volodymyr Zelensky"),
        ("Volodymyr Zelenskyy", "en", "Vladimir Zelensky"),
        ("TASS", "en", "Tass"),
        ("Agence France-Presse", "en", "AFP"),
        ("Five Star Movement", "en", "M5S"),
        ("Moscow Kremlin", "en", "Kremlin"),
        ("United States Department of State", "en", "US State Department"),
        ("White House", "it", "Casa Bianca"),
        # standard transliterations per language
        ("Volodymyr Zelenskyy", "de", "Selenskyj"),
        ("Volodymyr Zelenskyy", "pl", "Zełenski"),
        ("Volodymyr Zelenskyy", "fr", "Zelensky"),
        ("Volodymyr Zelenskyy", "ru", "Зеленский"),
        ("Volodymyr Zelenskyy", "uk", "Зеленський"),
        ("Sergey Lavrov", "de", "Lawrow"),
        ("Sergey Lavrov", "pl", "Ławrow"),
        ("Sergey Lavrov", "ru", "Лавров"),
        ("Sergei Shoigu", "de", "Schoigu"),
        ("Sergei Shoigu", "pl", "Szojgu"),
        ("Vladimir Putin", "fr", "Poutine"),
        ("Vladimir Putin", "pl", "Władimir Putin"),
        ("Russia", "ru", "Россия"),
        ("NATO", "fr", "OTAN"),
    ],
)
def test_known_spellings_are_aliases(kb, actor, lang, alias):
    actor_id = slugify(actor)
    forms = set(kb.aliases.loc[(kb.aliases["actor_id"] == actor_id) & (kb.aliases["lang"] == lang), "alias"])
    assert alias in forms


def test_no_alias_names_two_actors_in_one_language(kb):
    owners = kb.aliases.groupby(["lang", "alias"])["actor_id"].nunique()
    assert owners[owners > 1].empty


def test_role_phrases_and_demonyms(kb):
    us_secretary = kb.roles.loc[(kb.roles["lang"] == "it") & (kb.roles["phrase"] == "segretario di stato")]
    assert us_secretary[["role", "of"]].values.tolist() == [["foreign_minister", "US"]]
    generic = kb.roles.loc[(kb.roles["lang"] == "it") & (kb.roles["phrase"] == "ministro degli esteri")]
    assert generic["role"].tolist() == ["foreign_minister"] and generic["of"].isna().all()
    assert kb.roles["phrase"].str.lower().eq(kb.roles["phrase"]).all()
    russian = kb.demonyms.loc[kb.demonyms["country"] == "RU"]
    expected = [("it", "russo"), ("pl", "Rosji"), ("ru", "российского"), ("de", "russischen"), ("en", "Russian")]
    for lang, form in expected:
        assert form in set(russian.loc[russian["lang"] == lang, "form"])


@pytest.mark.parametrize(
    ("role", "of", "on", "expected"),
    [
        ("foreign_minister", "US", "2022-01-20", ["antony-blinken"]),
        ("foreign_minister", "US", "2025-04-28", ["marco-rubio"]),
        ("foreign_minister", "US", "2021-06-01", ["antony-blinken"]),
        ("prime_minister", "IT", "2022-02-01", ["mario-draghi"]),
        ("prime_minister", "IT", "2019-06-01", ["giuseppe-conte"]),
        ("foreign_minister", "RU", "2025-04-28", ["sergey-lavrov"]),
        ("president", "RU", "2022-01-31", ["vladimir-putin"]),
        ("president", "RU", "2010-01-01", ["dmitry-medvedev"]),
        ("president", "UA", "2022-02-24", ["volodymyr-zelenskyy"]),
        ("president", "US", "2021-12-30", ["joe-biden"]),
        ("prime_minister", "GB", "2022-02-01", ["boris-johnson"]),
        ("prime_minister", "DE", "2023-06-01", ["olaf-scholz"]),
        ("secretary_general", "nato", "2020-06-01", ["jens-stoltenberg"]),
        ("secretary_general", "united-nations", "2022-03-01", ["antonio-guterres"]),
        ("commission_president", "european-commission", "2022-03-01", ["ursula-von-der-leyen"]),
        ("spokesperson", "US", "2021-12-30", ["jen-psaki"]),
        ("national_security_adviser", "US", "2025-02-18", ["mike-waltz"]),
        ("defence_minister", "IT", "2024-03-01", ["guido-crosetto"]),
        # handover days return the incoming holder only
        ("prime_minister", "GB", "2022-09-06", ["liz-truss"]),
        ("prime_minister", "GB", "2022-09-05", ["boris-johnson"]),
        ("president", "US", "2025-01-20", ["donald-trump"]),
        # Rubio's first day; before any office in the KB
        ("foreign_minister", "US", "2025-01-21", ["marco-rubio"]),
        ("prime_minister", "IT", "1990-01-01", []),
    ],
)
def test_office_holders_spot_checks(kb, role, of, on, expected):
    assert kb.office_holders(role, of, dt.date.fromisoformat(on)) == expected


# Office holders checked by hand against appointment reports (BelTA, Knesset, government announcements),
# one date inside each tenure; filling the gaps of the 2014-2025 coverage requirement.
@pytest.mark.parametrize(
    ("role", "of", "on", "expected"),
    [
        ("prime_minister", "BY", "2014-06-01", ["mikhail-myasnikovich"]),
        ("prime_minister", "BY", "2016-01-01", ["andrei-kobyakov"]),
        ("prime_minister", "BY", "2019-01-01", ["sergei-rumas"]),
        ("prime_minister", "BY", "2021-01-01", ["roman-golovchenko"]),
        ("prime_minister", "BY", "2025-06-01", ["alexander-turchin"]),
        ("foreign_minister", "BY", "2020-01-01", ["vladimir-makei"]),
        ("foreign_minister", "BY", "2023-06-01", ["sergei-aleinik"]),
        ("foreign_minister", "BY", "2024-06-27", ["maxim-ryzhenkov"]),  # appointed that day
        ("defence_minister", "BY", "2017-01-01", ["andrei-ravkov"]),
        ("defence_minister", "BY", "2022-03-01", ["viktor-khrenin"]),
        ("president", "IL", "2014-01-01", ["shimon-peres"]),
        ("foreign_minister", "IL", "2014-06-01", ["avigdor-lieberman"]),
        ("foreign_minister", "IL", "2017-01-01", ["benjamin-netanyahu"]),
        ("foreign_minister", "IL", "2024-06-01", ["israel-katz"]),
        ("foreign_minister", "IL", "2025-01-15", ["gideon-sa-ar"]),
        ("defence_minister", "IL", "2020-01-01", ["naftali-bennett"]),
        ("defence_minister", "IL", "2023-06-01", ["yoav-gallant"]),
        ("defence_minister", "IL", "2025-01-15", ["israel-katz"]),
        ("prime_minister", "UA", "2014-02-10", ["serhiy-arbuzov"]),
        ("foreign_minister", "UA", "2014-04-01", ["andrii-deshchytsia"]),
        ("defence_minister", "UA", "2014-08-01", ["valeriy-heletey"]),
        ("president", "TR", "2014-03-01", ["abdullah-gul"]),
        ("monarch", "SA", "2014-06-01", ["abdullah-of-saudi-arabia"]),
        ("defence_minister", "SA", "2014-06-01", ["salman-of-saudi-arabia"]),
        ("foreign_minister", "IT", "2014-01-15", ["emma-bonino"]),
        ("defence_minister", "JP", "2015-06-01", ["gen-nakatani"]),
        ("defence_minister", "JP", "2017-01-01", ["tomomi-inada"]),
        ("foreign_minister", "CA", "2014-06-01", ["john-baird-canadian-politician"]),
        ("defence_minister", "CA", "2024-06-01", ["bill-blair"]),
        ("foreign_minister", "HU", "2014-07-01", ["tibor-navracsics"]),
        ("defence_minister", "HU", "2020-01-01", ["tibor-benko"]),
        ("defence_minister", "HU", "2023-01-01", ["kristof-szalay-bobrovniczky"]),
        ("president", "IR", "2024-06-15", ["mohammad-mokhber"]),
        ("defence_minister", "IR", "2019-01-01", ["amir-hatami"]),
        ("defence_minister", "IR", "2025-01-01", ["aziz-nasirzadeh"]),
        ("defence_minister", "FR", "2025-11-01", ["catherine-vautrin"]),
        ("foreign_ministry_spokesperson", "US", "2022-06-01", ["ned-price"]),
        ("foreign_ministry_spokesperson", "US", "2024-06-01", ["matthew-miller-spokesperson"]),
        ("spokesperson", "FR", "2023-06-01", ["olivier-veran"]),
        ("spokesperson", "FR", "2024-03-01", ["prisca-thevenot"]),
        ("spokesperson", "UA", "2023-01-01", ["serhii-nykyforov"]),
        ("defence_minister", "HU", "2016-01-01", ["istvan-simicsko"]),
        ("defence_minister", "TR", "2015-10-01", ["vecdi-gonul"]),
        ("defence_minister", "TR", "2017-01-01", ["fikri-isik"]),
        ("foreign_ministry_spokesperson", "IR", "2021-01-01", ["saeed-khatibzadeh"]),
    ],
)
def test_office_holders_filling_coverage_gaps(kb, role, of, on, expected):
    assert kb.office_holders(role, of, dt.date.fromisoformat(on)) == expected


# Persons the press of the six languages names often, written by hand (issue 4 and the KB brief).
FREQUENTLY_NAMED = [
    "Keith Kellogg", "Vladimir Medinsky", "Rustem Umerov", "Steve Witkoff", "Kirill Dmitriev", "Yuri Ushakov",
    "David Arakhamia", "Andriy Yermak", "Nancy Pelosi", "Chuck Schumer", "Mitch McConnell", "Jerry Nadler",
    "Hakeem Jeffries", "Kevin McCarthy", "Mike Johnson", "Elizabeth Warren", "Alexandria Ocasio-Cortez",
    "Ron DeSantis", "Ivanka Trump", "Wendy Sherman", "Victoria Nuland", "Marine Le Pen", "Jordan Bardella",
    "Alice Weidel", "Markus Söder", "Elly Schlein", "Szymon Hołownia", "Rafał Trzaskowski", "Nigel Farage",
    "Kemi Badenoch", "Yevgeny Prigozhin", "Oleksii Arestovych", "Yulia Navalnaya", "Margarita Simonyan",
    "Tedros Adhanom Ghebreyesus", "Anthony Fauci", "Pope Leo XIV", "Sviatlana Tsikhanouskaya", "Maia Sandu",
]


def test_frequently_named_persons_are_present(kb):
    persons = set(kb.actors.loc[kb.actors["actor_type"] == "person", "actor"])
    assert sorted(set(FREQUENTLY_NAMED) - persons) == []


@pytest.mark.parametrize(
    ("actor", "lang", "alias"),
    [
        ("Szymon Hołownia", "pl", "Hołownia"),
        ("Szymon Hołownia", "ru", "Шимон Головня"),
        ("Oleksii Arestovych", "ru", "Арестович"),
        ("Oleksii Arestovych", "de", "Arestowytsch"),
        ("Maxim Ryzhenkov", "ru", "Рыженков"),
        ("Yulia Navalnaya", "de", "Julija Nawalnaja"),
        ("Markus Söder", "ru", "Зёдер"),
        ("Jerry Nadler", "en", "Jerrold Nadler"),
    ],
)
def test_added_spellings(kb, actor, lang, alias):
    forms = set(kb.aliases.loc[(kb.aliases["actor_id"] == slugify(actor)) & (kb.aliases["lang"] == lang), "alias"])
    assert alias in forms


@pytest.mark.parametrize(
    ("lang", "text", "surface", "actor"),
    [
        # legislatures, government bodies, agencies and companies added in 2026-11, in case forms of the press
        ("pl", "Projekt ustawy trafił do Sejmu w środę.", "Sejmu", "Sejm"),
        ("ru", "Член Совета Федерации выступил с заявлением.", "Совета Федерации", "Federation Council (Russia)"),
        ("it", "Il Senato americano ha approvato le sanzioni.", "Senato americano", "United States Senate"),
        ("it", "Il decreto passa ora al Senato.", "Senato", "Senate of the Republic (Italy)"),
        ("de", "Die Abgeordneten des Bundestages stimmten zu.", "Bundestages", "Bundestag"),
        ("fr", "Le débat à l'Assemblée nationale a duré toute la nuit.", "Assemblée nationale", "National Assembly (France)"),
        ("en", "The Foreign Office summoned the ambassador.", "Foreign Office",
         "Foreign, Commonwealth and Development Office"),
        ("de", "Das Auswärtige Amt warnte vor Reisen.", "Auswärtige Amt", "Federal Foreign Office"),
        ("it", "La Farnesina ha convocato l'ambasciatore.", "Farnesina", "Ministry of Foreign Affairs (Italy)"),
        ("ru", "Банк России сохранил ключевую ставку.", "Банк России", "Central Bank of Russia"),
        ("pl", "Prezes Narodowego Banku Polskiego zabrał głos.", "Narodowego Banku Polskiego", "National Bank of Poland"),
        ("fr", "Le président a reçu les syndicats à l'Élysée.", "Élysée", "Élysée Palace"),
        ("ru", "Акции Сбербанка упали на бирже.", "Сбербанка", "Sberbank"),
        ("de", "Die Europäische Arzneimittel-Agentur prüft den Impfstoff.", "Europäische Arzneimittel-Agentur",
         "European Medicines Agency"),
    ],
)
def test_added_organisations_are_found_in_their_case_forms(matcher, lang, text, surface, actor):
    found = [(m.surface, m.actor) for m in matcher.match(text, lang=lang)]
    assert (surface, actor) in found


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # place, company and common words that are also surnames: no KB person may claim them
        ("The court in The Hague ruled on Monday.", "en"),
        ("Bloomberg reported that oil prices fell.", "en"),
        ("The Royal Navy sent a frigate.", "en"),
        ("Die Salami ist teuer geworden.", "de"),
        ("Die Bar am Bahnhof schloss.", "de"),
        ("Il presidente parlò nella Sala stampa.", "it"),
        ("Жители Крайнего Севера получили выплаты.", "ru"),
        ("Это было давно.", "ru"),
        ("Allah akbar, riefen sie.", "de"),
        ("Les Pays-Bas ont voté.", "fr"),
    ],
)
def test_common_words_are_not_person_names(matcher, text, lang):
    mentions = matcher.match(text, lang=lang)
    assert [m.actor for m in mentions if m.actor_type == "person" and not m.actor_id.startswith("x-")] == []


def test_office_holders_accepts_timestamps_and_unknown_dates(kb):
    assert kb.office_holders("foreign_minister", "us", pd.Timestamp("2022-01-20 15:30", tz="UTC")) == ["antony-blinken"]
    assert kb.office_holders("foreign_minister", "US", None) == []
    assert kb.office_holders("foreign_minister", "US", pd.NaT) == []
    with pytest.raises(ValueError, match="foreign_minister"):
        kb.office_holders("foreign minister", "US", "2022-01-20")
    with pytest.raises(ValueError, match="country code"):
        kb.office_holders("foreign_minister", None, "2022-01-20")


def test_actor_name(kb):
    assert kb.actor_name("volodymyr-zelenskyy") == "Volodymyr Zelenskyy"
    with pytest.raises(KeyError):
        kb.actor_name("nobody")


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Volodymyr Zelenskyy", "volodymyr-zelenskyy"),
        ("Władysław Kosiniak-Kamysz", "wladyslaw-kosiniak-kamysz"),
        ("Recep Tayyip Erdoğan", "recep-tayyip-erdogan"),
        ("Robert C. O'Brien", "robert-c-o-brien"),
        ("RT (TV network)", "rt-tv-network"),
        ("Greens–European Free Alliance", "greens-european-free-alliance"),
    ],
)
def test_slugify(name, slug):
    assert slugify(name) == slug


def test_slugify_refuses_names_without_latin_letters():
    with pytest.raises(ValueError, match="ASCII"):
        slugify("Путин")


# --- validation of hand-edited files -----------------------------------------------------------

VALID_PERSON = """\
- name: Ann Example
  type: person
  country: GB
  aliases: {en: [Ann Example], ru: [Энн Экзампл]}
  offices:
    - {role: foreign_minister, of: GB, start: 2020-01-01, end: 2021-01-01}
"""


def test_small_valid_file_loads(tmp_path):
    actors_path, roles_path = _write_kb(tmp_path, VALID_PERSON)
    kb = load_kb(actors_path, roles_path=roles_path)
    assert kb.actors["actor_id"].tolist() == ["ann-example"]
    assert kb.office_holders("foreign_minister", "GB", "2020-06-01") == ["ann-example"]
    assert kb.office_holders("foreign_minister", "GB", "2021-01-02") == []


def test_yaml_syntax_error_names_the_line(tmp_path):
    broken = VALID_PERSON.replace("{en: [Ann Example], ru: [Энн Экзампл]}", "{en: [Ann Example, ru: [x]}")
    message = _load_error(tmp_path, broken)
    assert "actors.yaml:" in message and "YAML syntax error" in message
    assert any(f"actors.yaml:{line}:" in message for line in (4, 5))


def test_unsafe_tag_is_refused(tmp_path):
    message = _load_error(tmp_path, "- !!python/object/apply:os.system ['echo pwned']\n")
    assert "safe_load" in message and "actors.yaml:1" in message


@pytest.mark.parametrize(
    ("value", "where"),
    [
        ("2020-13-01", "actors.yaml:6:"),  # impossible date: PyYAML's own date parsing fails
        ("2020-02", "office 1"),
        ("yesterday", "office 1"),
    ],
)
def test_bad_dates(tmp_path, value, where):
    message = _load_error(tmp_path, VALID_PERSON.replace("start: 2020-01-01", f"start: {value}"))
    assert "YYYY-MM-DD" in message and value in message and where in message


def test_start_after_end(tmp_path):
    message = _load_error(tmp_path, VALID_PERSON.replace("end: 2021-01-01", "end: 2019-01-01"))
    assert "after end" in message and "Ann Example" in message


def test_duplicate_names(tmp_path):
    message = _load_error(tmp_path, VALID_PERSON + VALID_PERSON)
    assert "duplicate name 'Ann Example'" in message and "entry 2" in message


def test_duplicate_actor_ids(tmp_path):
    twin = VALID_PERSON.replace("name: Ann Example", "name: Ann  Exämple")
    message = _load_error(tmp_path, VALID_PERSON + twin)
    assert "ann-example" in message


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("type: person", "type: politician", "unknown type 'politician'"),
        ("ru: [Энн Экзампл]", "rus: [Энн Экзампл]", "unknown language code 'rus'"),
        ("role: foreign_minister", "role: foreign_secretary", "unknown role 'foreign_secretary'"),
        ("of: GB", "of: UK", "use GB"),
        ("of: GB", "of: mystery-org", "'of: mystery-org'"),
        ("country: GB", "country: UK", "use GB"),
        ("country: GB", "country: NO", "'NO' in quotes"),
        ("  aliases:", "  alias_list:", "unknown key(s) alias_list"),
    ],
)
def test_field_errors(tmp_path, old, new, expected):
    message = _load_error(tmp_path, VALID_PERSON.replace(old, new))
    assert expected in message and "Ann Example" in message


def test_organization_ids_are_valid_office_targets(tmp_path):
    org = "- name: Example Alliance\n  type: organization\n  country: null\n"
    actors_path, roles_path = _write_kb(tmp_path, org + VALID_PERSON.replace("of: GB", "of: example-alliance"))
    assert load_kb(actors_path, roles_path=roles_path).office_holders(
        "foreign_minister", "example-alliance", "2020-05-05"
    ) == ["ann-example"]


@pytest.mark.parametrize(
    ("roles", "expected"),
    [
        ("- role: top_dog\n  phrases: {en: [top dog]}\n", "unknown role 'top_dog'"),
        ("- role: foreign_minister\n  phrases: {xx: [foreign minister]}\n", "unknown language code 'xx'"),
        ("- role: foreign_minister\n  of: XY\n  phrases: {en: [foreign minister]}\n", "'of: XY'"),
        ("- role: foreign_minister\n  phrases: {en: [Foreign Minister]}\n", "lower-case"),
    ],
)
def test_roles_file_errors(tmp_path, roles, expected):
    message = _load_error(tmp_path, VALID_PERSON, roles)
    assert expected in message and "roles.yaml" in message


def test_unhashable_key_is_a_syntax_error_not_a_tag_error(tmp_path):
    message = _load_error(tmp_path, "- {[a, b]: 1}\n")
    assert "YAML syntax error" in message and "actors.yaml:1" in message


def test_not_utf8(tmp_path):
    actors_path, roles_path = _write_kb(tmp_path, VALID_PERSON)
    actors_path.write_bytes("- name: Zoë\n".encode("latin-1"))
    with pytest.raises(InputError, match="UTF-8"):
        load_kb(actors_path, roles_path=roles_path)


def test_not_a_list(tmp_path):
    assert "expected a YAML list" in _load_error(tmp_path, "name: Ann Example\ntype: person\n")


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="not found"):
        load_kb(tmp_path / "nope.yaml", roles_path=tmp_path / "nope-roles.yaml")


def test_cache_returns_same_object_until_the_file_changes(tmp_path):
    actors_path, roles_path = _write_kb(tmp_path, VALID_PERSON)
    first = load_kb(actors_path, roles_path=roles_path)
    assert load_kb(actors_path, roles_path=roles_path) is first
    actors_path.write_text(VALID_PERSON.replace("Ann Example", "Bea Example"), encoding="utf-8")
    stat = actors_path.stat()
    os.utime(actors_path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert load_kb(actors_path, roles_path=roles_path).actors["actor"].tolist() == ["Bea Example"]


# --- countries and organisations (checked by hand on these sentences) --------------------------

UN_MEMBERS_AND_OBSERVERS = 193 + 2  # + Vatican City and the State of Palestine (observer states)


def test_every_un_member_state_kosovo_and_taiwan_are_countries(kb):
    countries = kb.actors.loc[kb.actors["actor_type"] == "country"]
    assert len(countries) == UN_MEMBERS_AND_OBSERVERS + 2
    assert countries["country"].is_unique
    for code, name in [("NO", "Norway"), ("XK", "Kosovo"), ("TW", "Taiwan"), ("PS", "State of Palestine"),
                       ("VA", "Vatican City"), ("CI", "Ivory Coast"), ("SG", "Singapore"), ("MN", "Mongolia")]:
        assert countries.loc[countries["country"] == code, "actor"].tolist() == [name]


@pytest.mark.parametrize(
    ("lang", "text", "surface", "actor"),
    [
        ("pl", "Polska rozmawiała z Niemcami o gazie.", "Niemcami", "Germany"),
        ("pl", "Szczyt odbył się we Francji.", "Francji", "France"),
        ("pl", "Delegacja z Indii przyleciała wczoraj.", "Indii", "India"),
        ("pl", "Ambasador Stanów Zjednoczonych wyjechał.", "Stanów Zjednoczonych", "United States"),
        ("pl", "Premier Wielkiej Brytanii przyjechał.", "Wielkiej Brytanii", "United Kingdom"),
        ("pl", "Wybory na Węgrzech i we Włoszech.", "Węgrzech", "Hungary"),
        ("ru", "Россия подписала соглашение с Германией.", "Германией", "Germany"),
        ("ru", "Выборы во Франции прошли спокойно.", "Франции", "France"),
        ("ru", "Переговоры прошли в Сингапуре.", "Сингапуре", "Singapore"),
        ("ru", "Президент Египта прибыл в Москву.", "Египта", "Egypt"),
        ("de", "Die Haltung Frankreichs ist klar.", "Frankreichs", "France"),
        ("de", "Der Botschafter der Vereinigten Staaten sprach.", "Vereinigten Staaten", "United States"),
        ("de", "Die Regierung der Mongolei schwieg.", "Mongolei", "Mongolia"),
        ("it", "L'India e la Mongolia hanno votato.", "India", "India"),
        ("fr", "Le président s'est rendu à Singapour.", "Singapour", "Singapore"),
        ("en", "The BRICS summit opened in Kazan.", "BRICS", "BRICS"),
        ("ru", "Саммит ШОС открылся в Астане.", "ШОС", "Shanghai Cooperation Organisation"),
        ("de", "Die CDU und die SPD verhandeln.", "SPD", "Social Democratic Party of Germany"),
        ("it", "Papua Nuova Guinea ha votato contro.", "Papua Nuova Guinea", "Papua New Guinea"),
    ],
)
def test_country_and_organisation_case_forms_are_found(matcher, lang, text, surface, actor):
    found = [(m.surface, m.actor) for m in matcher.match(text, lang=lang)]
    assert (surface, actor) in found


@pytest.mark.parametrize(
    ("lang", "text", "country"),
    [
        ("it", "Il ministro degli Esteri indiano è arrivato.", "IN"),
        ("en", "The Mongolian foreign minister arrived.", "MN"),
        ("ru", "Министр иностранных дел Индии прибыл в Москву.", "IN"),
        ("pl", "Minister spraw zagranicznych Indii przyleciał.", "IN"),
        ("de", "Der indische Außenminister kam an.", "IN"),
    ],
)
def test_demonyms_and_genitives_give_the_country_of_a_role(matcher, lang, text, country):
    # no Indian or Mongolian office holder is in the KB: the role stays unresolved, but with its country
    _, unresolved = matcher.analyse(text, lang=lang, doc_date="2024-05-01")
    assert [u["of"] for u in unresolved if u["kind"] == "role"] == [country]


def test_state_demonym_phrases_are_contact_parties():
    from analysis.contacts import extract_contact_reports

    text = "La delegazione indiana ha incontrato la delegazione mongola a Ulan Bator."
    documents = pd.DataFrame(dict(doc_id=["d1"], text=[text], lang=["it"], date=[pd.Timestamp("2024-05-01")],
                                  date_precision=["day"]))
    mentions = pd.DataFrame(columns=["doc_id", "actor_id", "actor", "actor_type", "surface", "start", "end", "method"])
    found = extract_contact_reports(documents, mentions, infer_dates=False)
    assert [set(parties) for parties in found["parties"]] == [{"India", "Mongolia"}]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Chad Pergram reported from Capitol Hill."),            # a given name, not the country
        ("it", "Alla Conferenza sulla sicurezza di Monaco ha parlato."),  # Monaco = Munich in Italian
        ("fr", "François Hollande a parlé hier."),                      # not the Netherlands
        ("fr", "Dominique de Villepin a parlé hier."),                  # not Dominica
        ("fr", "Salvador Illa a gagné."),                                # not El Salvador
        ("en", "The Congo river floods every year."),                    # two Congos: no bare 'Congo'
    ],
)
def test_ambiguous_country_words_are_not_countries(matcher, lang, text):
    assert [m.actor for m in matcher.match(text, lang=lang) if m.actor_type == "country"] == []


def test_match_name_false_keeps_the_title_out_of_the_aliases(tmp_path):
    actors = ("- name: Chad\n  type: country\n  country: TD\n  match_name: false\n"
              "  aliases: {en: [Republic of Chad], fr: [Tchad]}\n")
    actors_path, roles_path = _write_kb(tmp_path, actors)
    kb = load_kb(actors_path, roles_path=roles_path)
    assert sorted(kb.aliases["alias"]) == ["Republic of Chad", "Tchad"]
    assert kb.actors["actor"].tolist() == ["Chad"]
    message = _load_error(tmp_path, actors.replace("match_name: false", "match_name: no way"))
    assert "match_name must be true or false" in message


def test_parsed_kb_is_cached_by_content(tmp_path, monkeypatch):
    from analysis import config
    from analysis.kb import _load_cached

    monkeypatch.setattr(config, "CACHE_DIR", tmp_path / "cache")
    actors_path, roles_path = _write_kb(tmp_path, "- name: Ada Example\n  type: person\n")
    first = load_kb(actors_path, roles_path=roles_path)
    assert len(list((tmp_path / "cache" / "kb").glob("*.pickle"))) == 1
    _load_cached.cache_clear()  # a new process: the pickle is read
    again = load_kb(actors_path, roles_path=roles_path)
    assert again is not first and again.actors.equals(first.actors) and again.aliases.equals(first.aliases)
    actors_path.write_text("- name: Bea Example\n  type: person\n", encoding="utf-8")
    _load_cached.cache_clear()
    assert load_kb(actors_path, roles_path=roles_path).actors["actor"].tolist() == ["Bea Example"]
    assert len(list((tmp_path / "cache" / "kb").glob("*.pickle"))) == 2


@pytest.mark.parametrize(
    ("lang", "text", "surface", "actor"),
    [
        # media, parties, security services, armed forces and historical states added 2026-11-22,
        # in the case forms of the press
        ("ru", "Это произошло ещё в СССР.", "СССР", "Soviet Union"),
        ("ru", "После распада Советского Союза всё изменилось.", "Советского Союза", "Soviet Union"),
        ("pl", "Granice ustalono jeszcze w ZSRR.", "ZSRR", "Soviet Union"),
        ("pl", "Upadek Związku Radzieckiego zmienił Europę.", "Związku Radzieckiego", "Soviet Union"),
        ("de", "Die Sowjetunion zerfiel 1991.", "Sowjetunion", "Soviet Union"),
        ("it", "L'Unione Sovietica non esiste più.", "Unione Sovietica", "Soviet Union"),
        ("fr", "Il est né en Allemagne de l'Est.", "Allemagne de l'Est", "East Germany"),
        ("ru", "Власти ДНР заявили об обстреле.", "ДНР", "Donetsk People's Republic"),
        ("pl", "Przywódca Donieckiej Republiki Ludowej przemówił.", "Donieckiej Republiki Ludowej",
         "Donetsk People's Republic"),
        ("ru", "Выборы в Южной Осетии прошли в воскресенье.", "Южной Осетии", "South Ossetia"),
        ("pl", "Wywiad ukazał się w TVP i w Polsacie.", "Polsacie", "Polsat"),
        ("pl", "Według sondażu CBOS poparcie spadło.", "CBOS", "Centre for Public Opinion Research"),
        ("pl", "Dziennikarz Gazety Wyborczej zadał pytanie.", "Gazety Wyborczej", "Gazeta Wyborcza"),
        ("ru", "Об этом сообщил Первый канал.", "Первый канал", "Channel One Russia"),
        ("ru", "Об этом пишет «Новая газета».", "Новая газета", "Novaya Gazeta"),
        ("en", "The former head of MI6 told the BBC on Tuesday.", "BBC", "BBC"),
        ("en", "The Guardian Council vetoed the law.", "The Guardian Council", "Guardian Council"),
        ("en", "Bloomberg reported that oil prices fell.", "Bloomberg", "Bloomberg News"),
        ("de", "Er sagte der Süddeutschen Zeitung, er sei zuversichtlich.", "Süddeutschen Zeitung",
         "Süddeutsche Zeitung"),
        ("it", "Lo riferisce l'Ansa citando fonti della Rai.", "Rai", "RAI"),
        ("fr", "Il l'a dit au Figaro et à BFM TV.", "BFM TV", "BFM TV"),
        ("pl", "Adrian Zandberg z Partii Razem skrytykował rząd.", "Partii Razem", "Partia Razem"),
        ("pl", "Posłowie Nowej Lewicy i Polski 2050 głosowali przeciw.", "Polski 2050", "Poland 2050"),
        ("en", "The EPP may expel Fidesz.", "EPP", "European People's Party"),
        ("de", "Die Abgeordneten von Bündnis 90/Die Grünen stimmten zu.", "Bündnis 90", "Alliance 90/The Greens"),
        ("de", "Die Soldaten der Bundeswehr kehrten zurück.", "Bundeswehr", "Bundeswehr"),
        ("ru", "Подразделения ВСУ отошли от города.", "ВСУ", "Armed Forces of Ukraine"),
        ("ru", "Об этом заявили в штабе Вооружённых сил Украины.", "Вооружённых сил Украины",
         "Armed Forces of Ukraine"),
        ("pl", "Żołnierze Sił Zbrojnych Ukrainy odparli atak.", "Sił Zbrojnych Ukrainy", "Armed Forces of Ukraine"),
        ("ru", "Сотрудники Росгвардии задержали его.", "Росгвардии", "National Guard of Russia"),
        ("ru", "Он служил в КГБ.", "КГБ", "KGB"),
        ("en", "Talks with HMRC and the DNC went on.", "HMRC", "HM Revenue and Customs"),
    ],
)
def test_added_media_parties_forces_and_states_are_found(matcher, lang, text, surface, actor):
    found = [(m.surface, m.actor) for m in matcher.match(text, lang=lang)]
    assert (surface, actor) in found


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # words that are also names of parties, papers or agencies: no organisation may be found
        ("pl", "Jedziemy razem do Krakowa."),
        ("pl", "Razem możemy więcej."),
        ("pl", "Lewica w Europie słabnie."),
        ("de", "Die Welt kann nicht länger warten."),
        ("de", "Die Zeit drängt."),
        ("de", "Das Bild zeigt einen Hafen."),
        ("de", "Wir haben im Grünen gefeiert."),
        ("it", "La stampa occidentale tace."),
        ("it", "Il giornale ha pubblicato la notizia."),
        ("it", "Politico di lungo corso, non ha commentato."),
        ("fr", "Le monde entier regarde."),
        ("fr", "La Renaissance italienne a changé l'art."),
        ("en", "Scientists launched Sputnik in 1957 and the Sputnik V vaccine later."),
        ("en", "The Sun rose over the city and the Mail arrived late."),
        ("ru", "Последние известия пришли с фронта."),
    ],
)
def test_ambiguous_media_and_party_words_are_not_organisations(matcher, lang, text):
    assert [m.actor for m in matcher.match(text, lang=lang) if m.actor_type == "organization"] == []


def test_surnames_inside_organisation_names_still_name_persons(matcher):
    # "Bloomberg" and "Spiegel" are also in organisation names: with the full name they are persons
    found = [(m.surface, m.actor) for m in matcher.match(
        "Michael Bloomberg met Anne Spiegel. Bloomberg said little.", lang="en")]
    assert ("Michael Bloomberg", "Michael Bloomberg") in found and ("Anne Spiegel", "Anne Spiegel") in found
    assert ("Bloomberg", "Michael Bloomberg") in found


def test_historical_and_breakaway_states_have_no_country_code(kb):
    actors = kb.actors.set_index("actor")
    for name in ["Soviet Union", "Yugoslavia", "East Germany", "Czechoslovakia", "Donetsk People's Republic",
                 "Luhansk People's Republic", "Transnistria", "Abkhazia", "South Ossetia"]:
        assert actors.loc[name, "actor_type"] == "organization"
        assert pd.isna(actors.loc[name, "country"])
