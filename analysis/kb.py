"""The actor knowledge base: human-editable YAML in ``data/`` loaded into tidy DataFrames.

``data/actors.yaml`` lists persons, organisations and countries with their aliases per language,
demonyms (countries) and dated offices (persons); ``data/roles.yaml`` lists the phrases that name
an office ("foreign minister", "министр иностранных дел"). Both are read with ``yaml.safe_load``
only and validated; every problem is reported as one :class:`~analysis.errors.InputError` line
naming the file, the entry and the fix.
"""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import logging
import pickle
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from analysis import config, io
from analysis.errors import InputError

log = logging.getLogger(__name__)

ACTOR_TYPES: tuple[str, ...] = ("person", "organization", "country")

# Office keys shared by actors.yaml (offices) and roles.yaml (phrases); documented in roles.yaml.
ROLE_KEYS: tuple[str, ...] = (
    "president",
    "vice_president",
    "prime_minister",
    "monarch",
    "supreme_leader",
    "foreign_minister",
    "defence_minister",
    "spokesperson",
    "foreign_ministry_spokesperson",
    "secretary_general",
    "commission_president",
    "council_president",
    "parliament_president",
    "high_representative",
    "national_security_adviser",
    "security_council_secretary",
    "chief_of_staff",
    "presidential_adviser",
    "special_envoy",
    "chief_negotiator",
)

_ACTOR_KEYS = {"name", "type", "country", "wikidata", "aliases", "demonyms", "offices", "note", "match_name"}
_OFFICE_KEYS = {"role", "of", "start", "end", "note"}
_ROLE_ENTRY_KEYS = {"role", "of", "phrases", "note"}

# ISO 639-1 language codes.
LANGUAGE_CODES: frozenset[str] = frozenset(
    "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy "
    "da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu "
    "hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb "
    "lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om "
    "or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw "
    "ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu".split()
)

# ISO 3166-1 alpha-2 country codes (officially assigned). XK (Kosovo) is user-assigned but
# universally used, so it is accepted too.
COUNTRY_CODES: frozenset[str] = frozenset(
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR "
    "BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ "
    "EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW "
    "GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY "
    "KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV "
    "MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY "
    "QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG "
    "TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM "
    "ZW XK".split()
)
_COMMON_COUNTRY_MISTAKES = {"UK": "GB", "EN": "GB", "EL": "GR"}

_NORWAY_HINT = "is read as false: YAML 1.1 reads a bare NO as a boolean; write 'NO' in quotes"
_WIKIDATA_RE = re.compile(r"^Q[1-9][0-9]*$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Letters that Unicode decomposition does not reduce to ASCII.
_SLUG_TRANSLATION = str.maketrans(
    {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe",
     "Œ": "OE", "đ": "d", "Đ": "D", "ı": "i", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D"}
)


def slugify(name: str) -> str:
    """Stable ASCII id of a canonical name: ``"Volodymyr Zelenskyy"`` -> ``"volodymyr-zelenskyy"``.

    Accents are dropped, every run of other characters becomes one hyphen. Raises ``ValueError``
    when nothing ASCII is left (canonical names are English Wikipedia titles, so Latin script).
    """
    decomposed = unicodedata.normalize("NFKD", str(name).translate(_SLUG_TRANSLATION))
    letters = "".join(char for char in decomposed if not unicodedata.combining(char))
    slug = re.sub(r"[^a-z0-9]+", "-", letters.lower()).strip("-")
    if not slug:
        raise ValueError(f"cannot make an ASCII id from {name!r}: use the English Wikipedia title")
    return slug


@dataclass(frozen=True, eq=False)
class KnowledgeBase:
    """Parsed knowledge base. Treat the frames as read-only: ``load_kb`` caches and shares them.

    - ``actors``: actor_id, actor, actor_type, country, wikidata
    - ``aliases``: actor_id, lang, alias (the canonical name is an ``en`` alias unless the entry says
      ``match_name: false``: a title that is also a given name, "Chad", "Jordan")
    - ``offices``: actor_id, role, of, start, end (datetime64; ``end`` NaT = still in office)
    - ``roles``: role, of (NA when the phrase does not imply a country/organisation), lang, phrase
    - ``demonyms``: country, lang, form

    Missing values (null country, no wikidata id, no ``of``) are NA: test them with ``pd.isna``.
    """

    actors: pd.DataFrame
    aliases: pd.DataFrame
    offices: pd.DataFrame
    roles: pd.DataFrame
    demonyms: pd.DataFrame
    fingerprint: str | None = None  # the content key of the files it was parsed from (None: built in code)
    _names: dict[str, str] = field(init=False, repr=False)
    _tenures: dict[tuple[str, str], list[tuple[pd.Timestamp, pd.Timestamp, str]]] = field(
        init=False, repr=False
    )

    def __post_init__(self) -> None:
        object.__setattr__(self, "_names", dict(zip(self.actors["actor_id"], self.actors["actor"])))
        tenures: dict[tuple[str, str], list[tuple[pd.Timestamp, pd.Timestamp, str]]] = {}
        for row in self.offices.itertuples(index=False):
            tenures.setdefault((row.role, row.of), []).append((row.start, row.end, row.actor_id))
        object.__setattr__(self, "_tenures", tenures)

    def office_holders(self, role: str, of: str, on: Any) -> list[str]:
        """actor_ids holding ``role`` of ``of`` (country code or organisation id) on date ``on``.

        Dates are inclusive, as in Wikipedia infoboxes (``start <= on <= end``); on a handover day,
        where one tenure ends and the next starts, only the incoming holder is returned. Returns
        ``[]`` when nobody in the KB held the office then, or when ``on`` is None/NaT (unknown
        date: nothing to resolve against).
        """
        if role not in ROLE_KEYS:
            raise ValueError(f"unknown role {role!r}; valid roles: {', '.join(ROLE_KEYS)}")
        if not isinstance(of, str) or not of:
            raise ValueError(f"'of' must be a country code (RU) or an organisation id (nato), got {of!r}")
        if on is None or pd.isna(on):
            return []
        day = pd.Timestamp(on)
        if day.tzinfo is not None:
            day = day.tz_localize(None)
        day = day.normalize()
        key = (role, of.upper() if len(of) == 2 else of)
        current = [
            (start, end, actor_id)
            for start, end, actor_id in self._tenures.get(key, [])
            if start <= day and (pd.isna(end) or day <= end)
        ]
        if any(start == day for start, _, _ in current):
            current = [tenure for tenure in current if not (tenure[1] == day and tenure[0] < day)]
        return sorted({actor_id for _, _, actor_id in current})

    def actor_name(self, actor_id: str) -> str:
        """Canonical name (English Wikipedia title) of ``actor_id``; ``KeyError`` if unknown."""
        try:
            return self._names[actor_id]
        except KeyError:
            raise KeyError(f"unknown actor_id {actor_id!r}") from None


def load_kb(path: Path | None = None, *, roles_path: Path | None = None) -> KnowledgeBase:
    """Load and validate the actor KB (default ``config.ACTORS_KB_PATH``) and role phrases
    (default ``config.ROLES_PATH``). Cached per path and modification time."""
    actors_file = Path(path if path is not None else config.ACTORS_KB_PATH).resolve()
    roles_file = Path(roles_path if roles_path is not None else config.ROLES_PATH).resolve()
    for file, what in ((actors_file, "actor knowledge base"), (roles_file, "role phrases file")):
        if not file.is_file():
            raise InputError(f"{file}: {what} not found; pass an existing YAML file")
    return _load_cached(actors_file, actors_file.stat().st_mtime_ns, roles_file, roles_file.stat().st_mtime_ns)


@functools.lru_cache(maxsize=8)
def _load_cached(actors_file: Path, _actors_mtime: int, roles_file: Path, _roles_mtime: int) -> KnowledgeBase:
    """The parsed KB, from a pickle in the cache folder when the same YAML was parsed by the same code
    before (a tenth of the parsing time: each stage of a run loads the KB in a fresh process)."""
    key = hashlib.sha256(b"\0".join(f.read_bytes() for f in (actors_file, roles_file, Path(__file__)))).hexdigest()
    cached = config.CACHE_DIR / config.KB_CACHE_FOLDER / f"{key[:24]}.pickle"
    try:
        return pickle.loads(cached.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        pass  # not cached yet, or written by an incompatible version of a library
    kb = _parse_files(actors_file, roles_file, fingerprint=key)
    try:
        io.write_bytes(pickle.dumps(kb, protocol=pickle.HIGHEST_PROTOCOL), cached)
    except OSError as error:
        log.debug("knowledge base not cached: %s", error)
    return kb


def _parse_files(actors_file: Path, roles_file: Path, *, fingerprint: str) -> KnowledgeBase:
    actor_entries = _read_yaml_list(actors_file)
    role_entries = _read_yaml_list(roles_file)
    actors, aliases, offices, demonyms = _parse_actors(actor_entries, actors_file)
    org_ids = set(actors.loc[actors["actor_type"] == "organization", "actor_id"])
    roles = _parse_roles(role_entries, roles_file, org_ids)
    return KnowledgeBase(actors=actors, aliases=aliases, offices=offices, roles=roles, demonyms=demonyms,
                         fingerprint=fingerprint)


def _read_yaml_list(file: Path) -> list[Any]:
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{file}: not UTF-8 text ({exc.reason} at byte {exc.start}); save the file as UTF-8") from None
    try:
        data = _safe_load(text)
    except yaml.constructor.ConstructorError as exc:
        if "constructor for the tag" not in str(exc.problem):
            raise _syntax_error(file, exc) from None
        line = exc.problem_mark.line + 1 if exc.problem_mark else "?"
        raise InputError(
            f"{file}:{line}: tag not allowed ({exc.problem}); the knowledge base is read with "
            "yaml.safe_load, which refuses !!python/... and other custom tags: remove the tag"
        ) from None
    except ValueError as exc:
        # PyYAML turns anything shaped like YYYY-MM-DD into a date and fails on impossible ones.
        line, value = _first_impossible_date(text)
        raise InputError(
            f"{file}:{line}: {value!r} is not a valid date ({exc}); write a full date as YYYY-MM-DD"
        ) from None
    except yaml.YAMLError as exc:
        raise _syntax_error(file, exc) from None
    if data is None:
        return []
    if not isinstance(data, list):
        raise InputError(f"{file}: expected a YAML list of entries ('- name: ...'), got {type(data).__name__}")
    return data


def _safe_load(text: str) -> Any:
    """``yaml.safe_load`` through libyaml when available (five times faster on actors.yaml); any
    problem is re-read by the pure-Python loader, so errors and their messages stay the same."""
    if not yaml.__with_libyaml__:
        return yaml.safe_load(text)
    try:
        return yaml.load(text, Loader=yaml.CSafeLoader)
    except Exception:
        return yaml.safe_load(text)


def _syntax_error(file: Path, exc: yaml.YAMLError) -> InputError:
    mark = getattr(exc, "problem_mark", None)
    where = f"{file}:{mark.line + 1}:{mark.column + 1}" if mark else str(file)
    problem = getattr(exc, "problem", None) or str(exc)
    return InputError(f"{where}: YAML syntax error: {problem}; fix the indentation/quoting there")


def _first_impossible_date(text: str) -> tuple[int | str, str]:
    for number, line in enumerate(text.splitlines(), start=1):
        for value in re.findall(r"\b\d{4}-\d{1,2}-\d{1,2}\b", line):
            try:
                dt.date(*map(int, value.split("-")))
            except ValueError:
                return number, value
    return "?", "a date"


def _entry_label(entry: Any, index: int, key: str) -> str:
    if isinstance(entry, dict) and isinstance(entry.get(key), str):
        return f"entry {index + 1} ({key}: {entry[key]!r})"
    return f"entry {index + 1}"


def _check_keys(mapping: dict, allowed: set[str], where: str) -> None:
    unknown = sorted(set(map(str, mapping)) - allowed)
    if unknown:
        raise InputError(f"{where}: unknown key(s) {', '.join(unknown)}; allowed: {', '.join(sorted(allowed))}")


def _country_code(value: Any, where: str, *, allow_null: bool) -> str | None:
    if value is None and allow_null:
        return None
    if value is False:
        raise InputError(f"{where}: country {_NORWAY_HINT}")
    if not isinstance(value, str) or value not in COUNTRY_CODES:
        hint = _COMMON_COUNTRY_MISTAKES.get(str(value).upper())
        fix = f"use {hint}" if hint else "use an upper-case ISO 3166-1 alpha-2 code such as RU, US, GB"
        if allow_null:
            fix += " (or null)"
        raise InputError(f"{where}: country {value!r} is not an ISO 3166-1 alpha-2 code; {fix}")
    return value


def _lang_lists(value: Any, where: str, what: str, *, lowercase: bool = False) -> list[tuple[str, str]]:
    """Validate ``{lang: [str, ...]}`` and return (lang, item) pairs in file order."""
    if not isinstance(value, dict):
        raise InputError(f"{where}: {what} must be a mapping of language code to a list of strings")
    pairs: list[tuple[str, str]] = []
    for lang, items in value.items():
        if lang not in LANGUAGE_CODES:
            raise InputError(
                f"{where}: unknown language code {lang!r} in {what}; use a lower-case ISO 639-1 code such as en, ru, uk"
            )
        if isinstance(items, str):
            items = [items]
        if not isinstance(items, list) or not all(isinstance(item, str) and item.strip() for item in items):
            raise InputError(f"{where}: {what}.{lang} must be a list of non-empty strings, e.g. [Putin, Vladimir Putin]")
        for item in items:
            item = " ".join(item.split())
            if lowercase and item != item.lower():
                raise InputError(f"{where}: {what}.{lang} {item!r} must be lower-case (matching ignores case)")
            pairs.append((lang, item))
    return pairs


def _parse_date(value: Any, where: str, what: str) -> pd.Timestamp:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return pd.Timestamp(value)
    if isinstance(value, str) and _DATE_RE.match(value):
        try:
            return pd.Timestamp(dt.date.fromisoformat(value))
        except ValueError:
            pass
    raise InputError(f"{where}: {what} {value!r} is not a valid date; write a full date as YYYY-MM-DD")


def _parse_actors(
    entries: list[Any], file: Path
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    org_ids = _organization_ids(entries)
    actor_rows, alias_rows, office_rows, demonym_rows = [], [], [], []
    seen_names: dict[str, int] = {}
    seen_ids: dict[str, str] = {}
    for index, entry in enumerate(entries):
        where = f"{file}: {_entry_label(entry, index, 'name')}"
        if not isinstance(entry, dict):
            raise InputError(f"{where}: each entry must be a mapping with at least 'name' and 'type'")
        _check_keys(entry, _ACTOR_KEYS, where)
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            raise InputError(f"{where}: 'name' is missing; give the English Wikipedia article title")
        name = " ".join(name.split())
        if name in seen_names:
            raise InputError(f"{where}: duplicate name {name!r} (also entry {seen_names[name]}); merge the two entries")
        seen_names[name] = index + 1
        try:
            actor_id = slugify(name)
        except ValueError as exc:
            raise InputError(f"{where}: {exc}") from None
        if actor_id in seen_ids:
            raise InputError(
                f"{where}: actor_id {actor_id!r} is also the id of {seen_ids[actor_id]!r}; "
                "make the names distinguishable (e.g. add the Wikipedia disambiguation in parentheses)"
            )
        seen_ids[actor_id] = name
        actor_type = entry.get("type")
        if actor_type not in ACTOR_TYPES:
            raise InputError(f"{where}: unknown type {actor_type!r}; use one of {', '.join(ACTOR_TYPES)}")
        country = _country_code(entry.get("country"), where, allow_null=actor_type != "country")
        wikidata = entry.get("wikidata")
        if wikidata is not None and not (isinstance(wikidata, str) and _WIKIDATA_RE.match(wikidata)):
            raise InputError(f"{where}: wikidata {wikidata!r} is not a Wikidata id like Q7747; fix it or omit it")
        actor_rows.append((actor_id, name, actor_type, country, wikidata))

        match_name = entry.get("match_name", True)
        if not isinstance(match_name, bool):
            raise InputError(f"{where}: match_name must be true or false, got {match_name!r}")
        aliases = [("en", name)] if match_name else []
        if entry.get("aliases") is not None:
            aliases += _lang_lists(entry["aliases"], where, "aliases")
        alias_rows += [(actor_id, lang, alias) for lang, alias in aliases]

        if entry.get("demonyms") is not None:
            if actor_type != "country":
                raise InputError(f"{where}: only countries have demonyms; remove them or set type: country")
            demonym_rows += [(country, lang, form) for lang, form in _lang_lists(entry["demonyms"], where, "demonyms")]

        offices = entry.get("offices") or []
        if offices and actor_type != "person":
            raise InputError(f"{where}: only persons hold offices; remove 'offices' or set type: person")
        if not isinstance(offices, list):
            raise InputError(f"{where}: 'offices' must be a list of {{role, of, start, end}} mappings")
        for number, office in enumerate(offices, start=1):
            office_where = f"{where}, office {number}"
            if not isinstance(office, dict):
                raise InputError(
                    f"{office_where}: write the office as {{role: ..., of: ..., start: YYYY-MM-DD, end: ...}}"
                )
            _check_keys(office, _OFFICE_KEYS, office_where)
            role = _role_key(office.get("role"), office_where)
            target = office.get("of")
            if target is False:
                raise InputError(f"{office_where}: 'of' {_NORWAY_HINT}")
            if not isinstance(target, str) or not target:
                raise InputError(f"{office_where}: 'of' is missing; give a country code (RU) or an organisation id (nato)")
            _check_target(target, org_ids, office_where)
            if "start" not in office or office["start"] is None:
                raise InputError(f"{office_where}: 'start' is missing; give the first day in office as YYYY-MM-DD")
            start = _parse_date(office["start"], office_where, "start")
            end = pd.NaT if office.get("end") is None else _parse_date(office["end"], office_where, "end")
            if not pd.isna(end) and start > end:
                raise InputError(
                    f"{office_where}: start {start.date()} is after end {end.date()}; swap or correct the dates"
                )
            office_rows.append((actor_id, role, target, start, end))

    actors = pd.DataFrame(actor_rows, columns=["actor_id", "actor", "actor_type", "country", "wikidata"])
    aliases = pd.DataFrame(alias_rows, columns=["actor_id", "lang", "alias"]).drop_duplicates()
    offices = pd.DataFrame(office_rows, columns=["actor_id", "role", "of", "start", "end"])
    offices["start"] = pd.to_datetime(offices["start"]).astype("datetime64[ns]")
    offices["end"] = pd.to_datetime(offices["end"]).astype("datetime64[ns]")
    demonyms = pd.DataFrame(demonym_rows, columns=["country", "lang", "form"]).drop_duplicates()
    return (
        actors.sort_values("actor_id", kind="stable").reset_index(drop=True),
        aliases.sort_values(["actor_id", "lang", "alias"], kind="stable").reset_index(drop=True),
        offices.sort_values(["actor_id", "start", "role", "of"], kind="stable").reset_index(drop=True),
        demonyms.sort_values(["country", "lang", "form"], kind="stable").reset_index(drop=True),
    )


def _organization_ids(entries: list[Any]) -> set[str]:
    """Ids usable as office targets; known before the entries are checked one by one."""
    ids = set()
    for entry in entries:
        if isinstance(entry, dict) and entry.get("type") == "organization" and isinstance(entry.get("name"), str):
            try:
                ids.add(slugify(entry["name"]))
            except ValueError:
                pass  # reported with its entry label when that entry is parsed
    return ids


def _role_key(value: Any, where: str) -> str:
    if value not in ROLE_KEYS:
        raise InputError(f"{where}: unknown role {value!r}; use one of {', '.join(ROLE_KEYS)}")
    return value


def _check_target(target: str, org_ids: set[str], where: str) -> None:
    if target in COUNTRY_CODES or target in org_ids:
        return
    hint = _COMMON_COUNTRY_MISTAKES.get(target.upper())
    fix = f"use {hint}" if hint else "use an ISO 3166-1 alpha-2 code (RU) or the id of an organisation in actors.yaml"
    raise InputError(f"{where}: 'of: {target}' is neither a country code nor a known organisation id; {fix}")


def _parse_roles(entries: list[Any], file: Path, org_ids: set[str]) -> pd.DataFrame:
    rows = []
    for index, entry in enumerate(entries):
        where = f"{file}: {_entry_label(entry, index, 'role')}"
        if not isinstance(entry, dict):
            raise InputError(f"{where}: each entry must be a mapping with 'role' and 'phrases'")
        _check_keys(entry, _ROLE_ENTRY_KEYS, where)
        role = _role_key(entry.get("role"), where)
        target = entry.get("of")
        if target is False:
            raise InputError(f"{where}: 'of' {_NORWAY_HINT}")
        if target is not None:
            if not isinstance(target, str):
                raise InputError(f"{where}: 'of' must be a country code or organisation id, got {target!r}")
            _check_target(target, org_ids, where)
        if entry.get("phrases") is None:
            raise InputError(f"{where}: 'phrases' is missing; give {{lang: [phrase, ...]}}")
        phrases = _lang_lists(entry["phrases"], where, "phrases", lowercase=True)
        rows += [(role, target, lang, phrase) for lang, phrase in phrases]
    roles = pd.DataFrame(rows, columns=["role", "of", "lang", "phrase"]).drop_duplicates()
    return roles.sort_values(["role", "lang", "phrase", "of"], kind="stable", na_position="first").reset_index(drop=True)
