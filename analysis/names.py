"""Person names outside the knowledge base: given-name gazetteer, romanisation and stable ids.

The gazetteer (``data/given_names.tsv``, see its header for source and licence) lists given names
in Latin and Cyrillic script. :func:`load_given_names` adds the usual Latin spellings of every
Cyrillic name (English, German, French, Italian and Polish conventions: Сергей -> Sergey, Sergej,
Sergueï, Serghei, Siergiej), so "Serghei Rudskoy" and "Сергей Рудской" both start a name.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

from analysis import config

GIVEN_NAMES_PATH: Path = config.DATA_DIR / "given_names.tsv"
UNLISTED_ID_PREFIX = "x-"  # KB ids are slugs of names and never start with "x-"

_BASE = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g",
}
# per convention: letters that differ from the English one
_SCHEMES: dict[str, dict[str, str]] = {
    "en": {"ё": "yo"},
    "en_uk": {"г": "h", "и": "y", "й": "i"},
    "de": {"в": "w", "ж": "sch", "з": "s", "й": "j", "х": "ch", "ц": "z", "ч": "tsch", "ш": "sch", "щ": "schtsch",
           "ю": "ju", "я": "ja", "ё": "jo", "є": "je", "ї": "ji"},
    "fr": {"ж": "j", "ч": "tch", "ш": "ch", "щ": "chtch", "у": "ou", "й": "i", "ю": "iou", "я": "ia", "ё": "io"},
    "it": {"ж": "j", "й": "i", "ю": "ju", "я": "ja", "ш": "sh", "ё": "jo"},
    "pl": {"в": "w", "ж": "ż", "й": "j", "х": "ch", "ц": "c", "ч": "cz", "ш": "sz", "щ": "szcz", "ю": "ju",
           "я": "ja", "ё": "io", "л": "ł", "є": "je", "ї": "ji"},
}
_VOWELS = set("аеёиоуыэюяіїє")
_CYRILLIC = re.compile("[\u0400-\u04ff]")


def _romanise_word(word: str, scheme: str) -> str:
    table = {**_BASE, **_SCHEMES[scheme]}
    w = word.lower()
    out = []
    for i, ch in enumerate(w):
        prev = w[i - 1] if i else ""
        nxt = w[i + 1] if i + 1 < len(w) else ""
        if ch == "е" and (not prev or prev in _VOWELS or prev in "ьъ"):
            out.append("ye" if scheme.startswith("en") else "je" if scheme in ("de", "pl", "it") else "e")
        elif ch == "е" and scheme == "pl":
            out.append("ie")  # Сергей -> Siergiej
        elif ch == "г" and scheme in ("fr", "it") and nxt in "еиыэ":
            out.append("gu" if scheme == "fr" else "gh")  # Sergueï, Serghei
        elif ch == "л" and scheme == "pl" and nxt in "ьеёиюяі":
            out.append("l")
        elif ch == "ь" and scheme == "pl" and nxt in _VOWELS:
            out.append("i")
        elif ch == "и" and scheme == "pl" and prev in "жцшч":
            out.append("y")
        elif ch == "й" and scheme.startswith("en") and prev == "и" and not nxt:
            out.append("")  # Дмитрий -> Dmitri(y)
        else:
            out.append(table.get(ch, ch))
    return "".join(out)


def romanise(name: str) -> set[str]:
    """Latin spellings of a Cyrillic given name in the conventions of en, de, fr, it and pl (capitalised)."""
    if not _CYRILLIC.search(name):
        return set()
    forms = set()
    soft_ending = name.lower().endswith(("ий", "ій", "ый"))
    for scheme in _SCHEMES:
        latin = _romanise_word(name, scheme)
        variants = {latin}
        if soft_ending:  # Дмитрий: Dmitry, Dmitri, Dmitriy, Dmitrii, Dmitrij
            stem = _romanise_word(name[:-2], scheme)
            variants |= {stem + end for end in ("y", "i", "iy", "ii", "ij")}
        if scheme == "en":  # Евгений: Yevgeny, Evgeny
            variants |= {v[1:] for v in variants if v.startswith("ye")}
        forms |= variants
    return {f[:1].upper() + f[1:] for f in forms if f}


_TRANSLITERATION = str.maketrans({**_BASE, "й": "i", "ы": "y", "ю": "iu", "я": "ia", "х": "kh"})


def transliterate(text: str) -> str:
    """ASCII form of a name in any Latin or Cyrillic script ("Сергей Кургинян" -> "sergei kurginian")."""
    text = text.lower().translate(_TRANSLITERATION)
    text = text.replace("ł", "l").replace("ß", "ss").replace("ø", "o").replace("æ", "ae").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def person_slug(name: str) -> str:
    """Stable id of a person not in the KB: ``"x-"`` plus the ASCII slug of the name."""
    slug = re.sub(r"[^a-z0-9]+", "-", transliterate(name)).strip("-")
    if not slug:
        raise ValueError(f"cannot make an id from name {name!r}")
    return UNLISTED_ID_PREFIX + slug


@functools.lru_cache(maxsize=4)
def load_given_names(path: Path | None = None) -> dict[str, frozenset[str]]:
    """Given name -> the Faker locales listing it ("romanised" for Latin spellings of Russian and
    Ukrainian names)."""
    path = Path(path) if path is not None else GIVEN_NAMES_PATH
    if not path.is_file():
        raise ValueError(f"given-name list not found: {path}")
    names: dict[str, set[str]] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or line.startswith("name\t") or not line.strip():
                continue
            name, _, locales = line.rstrip("\n").partition("\t")
            names.setdefault(name, set()).update(locales.split(","))
            if not {"ru_RU", "uk_UA", "hand"} & set(locales.split(",")):
                continue  # Bulgarian, Macedonian... names romanised give odd words ("Matka")
            for latin in romanise(name):
                names.setdefault(latin, set()).add("romanised")
    return {name: frozenset(names[name]) for name in sorted(names)}


def inflected_in(lang: str, locales: frozenset[str]) -> bool:
    """Whether a given name from these locales takes case endings in ``lang`` texts: Polish and Russian
    inflect their own names and those of the big languages, not rare foreign ones ("Matek" -> "Matka").
    Locale "kb" marks given names taken from the knowledge base or passed by the caller."""
    east_slavic = ("ru_", "uk_", "hand", "kb")
    own = {"pl": ("pl_",), "ru": east_slavic, "uk": east_slavic, "be": east_slavic}
    common = ("en_", "de_", "fr_", "it_", "es_", "hand", "romanised", "kb")
    prefixes = own.get(lang, ()) + (common if lang == "pl" else ())
    return any(loc.startswith(prefixes) for loc in locales)


_FEMALE_SURNAME = re.compile(r"(?:ova|eva|aya|skaya|ska|cka|dzka|owa|ówna|ová|ова|ева|ёва|ина|ая|ская|цкая)$")
_MALE_SURNAME = re.compile(r"(?:ov|ev|sky|skiy|skij|ski|cki|dzki|ов|ев|ёв|ин|ын|ий|ый|ской)$")
_MALE_GIVEN_IN_A = frozenset("""nikita ilya ilia luca luka andrea nicola mattia elia enea mustafa musa joshua ezra elijah
    jonah noah kuba barnaba kosma jarema никита илья лука фома кузьма савва данила""".split())


@functools.lru_cache(maxsize=100_000)
def person_gender(name: str) -> str | None:
    """"m" or "f" when a person's name tells (Slavic surname endings, given names in -a/-o), else None."""
    words = name.replace("-", " ").lower().split()
    if not words:
        return None
    surname, given = words[-1], words[0] if len(words) > 1 else ""
    female = bool(_FEMALE_SURNAME.search(surname)) or (given[-1:] in ("a", "а", "я")
                                                        and given not in _MALE_GIVEN_IN_A)
    male = bool(_MALE_SURNAME.search(surname)) or given[-1:] == "o" or given in _MALE_GIVEN_IN_A
    return "f" if female and not male else "m" if male and not female else None
