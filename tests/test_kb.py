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
