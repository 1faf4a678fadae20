"""Dates in news text: absolute, year-less, relative and ranges, in en/it/fr/de/pl/ru (+ es, uk).

Own regular expressions cover the supported languages (they are fast and predictable);
``dateparser`` is only a fallback for other languages, behind a digit pre-filter.

Rules worth knowing:
- A date without a year takes the year that puts it nearest to the reference (document)
  date; with a year-precision reference it takes that year. Without a reference it is dropped.
- Relative words ("yesterday", "ieri", "вчера", weekdays) need a reference; with a month- or
  year-precision reference they resolve to that month/year at that precision.
- A weekday alone ("on Tuesday", "martedì") is the most recent such day on or before the
  reference date: wire stories dated Tuesday say "on Tuesday" for the same day.
- ``infer_document_dates`` never uses the clock: unknown stays unknown.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date as _date, timedelta

import numpy as np
import pandas as pd

PRECISIONS = ("day", "month", "year")
SUPPORTED_LANGUAGES = ("en", "it", "fr", "de", "pl", "ru", "es", "uk")

_MONTH_FORMS: dict[int, str] = {
    # en | it | fr | de | pl (nom, gen, loc) | ru (nom, gen, prep) | es | uk (nom, gen)
    1: "january jan gennaio janvier janv januar jänner jan styczeń stycznia styczniu январь января январе enero січень січня",
    2: "february feb febbraio février fevrier févr februar feber luty lutego lutym февраль февраля феврале febrero лютий лютого",
    3: "march mar marzo mars märz maerz marzec marca marcu март марта марте березень березня",
    4: "april apr aprile avril kwiecień kwietnia kwietniu апрель апреля апреле abril квітень квітня",
    5: "may maggio mai maj maja maju май мая мае mayo травень травня",
    6: "june jun giugno juin juni czerwiec czerwca czerwcu июнь июня июне junio червень червня",
    7: "july jul luglio juillet juil juli lipiec lipca lipcu июль июля июле julio липень липня",
    8: "august aug agosto août aout sierpień sierpnia sierpniu август августа августе серпень серпня",
    9: "september sep sept settembre septembre wrzesień września wrześniu сентябрь сентября сентябре septiembre setiembre вересень вересня",
    10: "october oct ottobre octobre oktober październik października październiku октябрь октября октябре octubre жовтень жовтня",
    11: "november nov novembre listopad listopada listopadzie ноябрь ноября ноябре noviembre листопад листопада",
    12: "december dec dicembre décembre decembre dezember dez grudzień grudnia grudniu декабрь декабря декабре diciembre грудень грудня",
}
MONTHS: dict[str, int] = {form: month for month, forms in _MONTH_FORMS.items() for form in forms.split()}
# English month names are always capitalised; lower-case "may"/"march"/"jan" are ordinary words.
_ABBREVIATIONS = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "dez", "janv", "févr", "juil"}
_LOWERCASE_NOT_MONTH = {"may", "march", "mar", "jan", "dec", "sep", "aug", "jun", "jul", "apr", "nov", "oct", "feb", "dez"}

_WEEKDAY_FORMS: dict[int, str] = {
    0: "monday lunedì lunedi lundi montag poniedziałek poniedziałku понедельник lunes понеділок понеділка",
    1: "tuesday martedì martedi mardi dienstag wtorek wtorku вторник вторника martes вівторок вівторка",
    2: "wednesday mercoledì mercoledi mercredi mittwoch środa środę środy среда среду среды miércoles середа середу",
    3: "thursday giovedì giovedi jeudi donnerstag czwartek czwartku четверг четверга jueves четвер четверга",
    4: "friday venerdì venerdi vendredi freitag piątek piątku пятница пятницу пятницы viernes пʼятниця пʼятницю п'ятницю",
    5: "saturday sabato samedi samstag sonnabend sobota sobotę soboty суббота субботу субботы sábado субота суботу",
    6: "sunday domenica dimanche sonntag niedziela niedzielę niedzieli воскресенье воскресенья domingo неділя неділю",
}
WEEKDAYS: dict[str, int] = {form: day for day, forms in _WEEKDAY_FORMS.items() for form in forms.split()}

# Relative expressions -> (unit, offset). unit: day | week | month | year.
_RELATIVE_FORMS: dict[tuple[str, int], str] = {
    ("day", 0): "today|this morning|this afternoon|this evening|tonight|earlier today|"
    "oggi|stamattina|stamane|stasera|questa mattina|questo pomeriggio|"
    "aujourd'hui|aujourd’hui|ce matin|cet après-midi|ce soir|"
    "heute|heute morgen|heute früh|"
    "dziś|dzisiaj|dziś rano|"
    "сегодня|сегодня утром|"
    "hoy|esta mañana|сьогодні",
    ("day", -1): "yesterday|last night|ieri|ieri sera|ieri mattina|hier|hier soir|gestern|gestern abend|"
    "wczoraj|вчера|накануне|ayer|anoche|вчора",
    ("day", -2): "the day before yesterday|l'altro ieri|l’altro ieri|altroieri|avant-hier|vorgestern|przedwczoraj|позавчера|anteayer",
    ("day", 1): "tomorrow|domani|demain|jutro|завтра",
    ("week", -1): "last week|la settimana scorsa|la scorsa settimana|la semaine dernière|letzte woche|vergangene woche|"
    "w zeszłym tygodniu|w ubiegłym tygodniu|на прошлой неделе|la semana pasada|минулого тижня",
    ("week", 0): "this week|questa settimana|cette semaine|diese woche|diesen woche|w tym tygodniu|на этой неделе|esta semana",
    ("week", 1): "next week|la prossima settimana|la settimana prossima|la semaine prochaine|nächste woche|"
    "w przyszłym tygodniu|на следующей неделе|la próxima semana",
    ("month", -1): "last month|il mese scorso|lo scorso mese|le mois dernier|letzten monat|vergangenen monat|"
    "w zeszłym miesiącu|w ubiegłym miesiącu|в прошлом месяце|el mes pasado",
    ("month", 0): "this month|questo mese|ce mois-ci|diesen monat|w tym miesiącu|в этом месяце|este mes",
    ("month", 1): "next month|il mese prossimo|il prossimo mese|le mois prochain|nächsten monat|"
    "w przyszłym miesiącu|в следующем месяце|el próximo mes",
    ("year", -1): "last year|l'anno scorso|l’anno scorso|lo scorso anno|l'année dernière|l’année dernière|letztes jahr|"
    "vergangenes jahr|im vergangenen jahr|w zeszłym roku|w ubiegłym roku|в прошлом году|el año pasado",
    ("year", 0): "this year|quest'anno|quest’anno|cette année|dieses jahr|in diesem jahr|w tym roku|в этом году|este año",
    ("year", 1): "next year|l'anno prossimo|l’anno prossimo|l'année prochaine|l’année prochaine|nächstes jahr|"
    "w przyszłym roku|в следующем году|el próximo año",
}
_RELATIVE: dict[str, tuple[str, int]] = {
    form: key for key, forms in _RELATIVE_FORMS.items() for form in forms.split("|")
}
# German "Morgen" (morning) is not "morgen" (tomorrow); only the lower-case form is relative.
_CASE_SENSITIVE_RELATIVE = {"morgen": ("day", 1)}


@dataclass(frozen=True)
class DateMention:
    """A date found in text; ``end_date`` is set for ranges ("27–28 April"), else equals ``date``."""

    start: int
    end: int
    surface: str
    date: pd.Timestamp
    end_date: pd.Timestamp
    precision: str
    explicit_year: bool = True
    relative: bool = False


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_MON = rf"(?P<mon>{_alternation(MONTHS)})\.?"
_WD = rf"(?:(?P<wd>{_alternation(WEEKDAYS)}),?\s+)?"
_ORD = r"(?:\.|er|st|nd|rd|th|º|°|-?го|-?е)?"
_YEAR_SUFFIX = r"(?:\s*(?:года|году|г\.|roku|r\.|року))?"
_YEAR = r"(?P<y>(?:1[89]|20)\d{2})(?!\d)"
_RANGE_LINK = (
    r"(?:\s*[-–—/]\s*|\s+(?:and|to|until|through|till|e|ed|al|a|fino al|et|au|und|bis|zum|i|do|и|по|до|y)"
    r"\s+(?:(?:il|l'|l’|le|the|dem|den|el)\s*)?)"
)


def _starts_with(words, extra: str = "") -> str:
    """Lookahead for the first characters of ``words`` (plus the class items ``extra``): lets the
    scan skip positions where none of the long case-insensitive alternations after it can start."""
    return "(?=[" + extra + "".join(re.escape(c) for c in sorted({w[0] for w in words})) + "])"


_DAY_START = _starts_with(WEEKDAYS, r"\d")  # a weekday or the day number
_DAY_OR_ARTICLE_START = _starts_with(WEEKDAYS, r"\dtliade")  # ... or an article (the, le, il, l', am, den, el)
_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("dmy_range", re.compile(
        rf"\b{_DAY_START}{_WD}(?P<d1>\d{{1,2}}){_ORD}{_RANGE_LINK}(?P<d2>\d{{1,2}}){_ORD}\s+(?:of\s+|de\s+)?{_MON}"
        rf"(?:\s*,?\s*{_YEAR})?{_YEAR_SUFFIX}", re.I)),
    ("dmy", re.compile(
        rf"\b{_DAY_OR_ARTICLE_START}{_WD}(?:(?:the|le|il|l'|l’|am|den|dem|el)\s+)?(?P<d>\d{{1,2}}){_ORD}\s*(?:of\s+|de\s+)?{_MON}(?!\w)"
        rf"(?:\s*,?\s*{_YEAR})?{_YEAR_SUFFIX}", re.I)),
    ("mdy", re.compile(
        rf"\b{_starts_with([*WEEKDAYS, *MONTHS])}{_WD}{_MON}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*[-–]\s*(?P<d2>\d{{1,2}}))?(?![\d.:])"
        rf"(?:,?\s+{_YEAR})?", re.I)),
    ("my", re.compile(rf"\b{_starts_with(MONTHS)}{_MON}\s+(?:of\s+|de\s+)?{_YEAR}{_YEAR_SUFFIX}", re.I)),
    ("m_prep", re.compile(
        r"\b(?:in|early|late|mid|since|until|a|ad|nel|di|da|entro|inizio|fine|metà|en|début|fin|mi-|depuis|"
        r"im|anfang|ende|mitte|seit|bis|w|we|od|do|в|во|с|до|к|в конце|в начале|в середине)"
        rf"\s+(?:(?:the\s+)?month of\s+|(?:il\s+)?mese di\s+|le mois de\s+|(?:de\s+)?)?{_MON}(?!\w)", re.I)),
    ("iso", re.compile(rf"\b{_YEAR}-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})\b")),
    ("numeric", re.compile(rf"\b(?P<a>\d{{1,2}})(?P<sep>[./])(?P<b>\d{{1,2}})(?P=sep){_YEAR}")),
    ("year", re.compile(
        r"\b(?:in|since|nel|dal|del|entro|en|depuis|im jahr|im jahre|seit|w|od|в|с|year|anno|année|jahr)\s+"
        rf"{_YEAR}{_YEAR_SUFFIX}", re.I)),
    ("relative", re.compile(rf"(?<!\w)(?P<rel>{_alternation(_RELATIVE)})(?!\w)", re.I)),
    ("relative_cs", re.compile(r"(?<!\w)(?P<rel>morgen)(?!\w)")),
    ("weekday", re.compile(
        rf"(?<!\w)(?:(?:on|il|di|le|am|w|we|в|во)\s+)?(?:(?:last|scorso|dernier|vergangenen|letzten|zeszły|прошлый|прошлую)\s+)?"
        rf"(?P<wd>{_alternation(WEEKDAYS)})(?!\w)", re.I)),
]
# Cheap pre-filter: a text without digits, month, weekday or relative words has no dates.
_PREFILTER = re.compile(
    rf"\d|(?<!\w)(?:{_alternation(list(MONTHS) + list(WEEKDAYS) + [f.split()[0] for f in _RELATIVE])})", re.I
)
_DOT_SEPARATED = {"de", "pl", "ru", "uk", "it", "fr", "es"}


def find_dates(
    text: str,
    *,
    lang: str,
    reference: pd.Timestamp | None = None,
    reference_precision: str | None = None,
) -> list[DateMention]:
    """Dates mentioned in ``text``, sorted by position; overlapping candidates keep the longest.

    ``reference`` is the document date used for year-less and relative dates, at
    ``reference_precision`` (day | month | year; default day when a reference is given).
    Unresolvable mentions (no year and no reference) are left out.
    """
    if not isinstance(text, str):
        raise ValueError(f"text must be a str, got {type(text).__name__}")
    reference, reference_precision = _check_reference(reference, reference_precision)
    if not text or not _PREFILTER.search(text):
        return []
    if lang not in SUPPORTED_LANGUAGES:
        return _dateparser_fallback(text, lang=lang)
    candidates: list[tuple[int, int, str, re.Match]] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            candidates.append((match.start(), -(match.end() - match.start()), kind, match))
    return _select_mentions(candidates, lang, reference, reference_precision)


def _select_mentions(candidates: list[tuple[int, int, str, re.Match]], lang: str, reference,
                     reference_precision) -> list[DateMention]:
    """Resolve candidates longest first; a candidate overlapping an already resolved one is dropped."""
    candidates.sort(key=lambda c: (c[1], c[0]))
    mentions: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for start, _, kind, match in candidates:
        if any(start < end and match.end() > begin for begin, end in taken):
            continue
        mention = _resolve(kind, match, lang, reference, reference_precision)
        if mention is not None:
            mentions.append(mention)
            taken.append((match.start(), match.end()))
    return sorted(mentions, key=lambda m: m.start)


def _check_reference(reference, precision) -> tuple[pd.Timestamp | None, str | None]:
    if reference is None or pd.isna(reference):
        return None, None
    reference = pd.Timestamp(reference)
    if reference.tzinfo is not None:
        reference = reference.tz_localize(None)
    precision = precision or "day"
    if precision not in PRECISIONS:
        raise ValueError(f"reference_precision must be one of {PRECISIONS}, got {precision!r}")
    return reference.normalize(), precision


def _month_of(match: re.Match) -> int | None:
    word = match.group("mon")
    if word in _LOWERCASE_NOT_MONTH:
        return None
    return MONTHS.get(word.lower())


def _mention(match, start_date, end_date, precision, *, explicit_year=True, relative=False) -> DateMention:
    end = match.end()
    month_word = match.groupdict().get("mon")
    if match.group(0).endswith(".") and month_word and match.end("mon") == end - 1 and month_word.lower() not in _ABBREVIATIONS:
        end -= 1  # a sentence-final period, not an abbreviation's
    return DateMention(
        start=match.start(), end=end, surface=match.string[match.start():end], date=start_date,
        end_date=end_date if end_date is not None else start_date, precision=precision,
        explicit_year=explicit_year, relative=relative,
    )


def _safe_date(year: int, month: int, day: int) -> pd.Timestamp | None:
    try:
        return pd.Timestamp(_date(year, month, day))
    except ValueError:
        return None


def _month_end(ts: pd.Timestamp) -> pd.Timestamp:
    return (ts + pd.offsets.MonthEnd(0)).normalize()


def _nearest_year(month: int, day: int | None, reference, reference_precision) -> int | None:
    """Year for a year-less date: the one nearest to the reference, ties going to the past."""
    if reference is None:
        return None
    if reference_precision == "year":
        return reference.year
    anchor = reference if reference_precision == "day" else reference.replace(day=15)
    best: tuple[float, int] | None = None
    for year in (reference.year - 1, reference.year, reference.year + 1):
        candidate = _safe_date(year, month, day or 15)
        if candidate is None:
            continue
        distance = abs((candidate - anchor).days) + (0.5 if candidate > anchor else 0.0)
        if best is None or distance < best[0]:
            best = (distance, year)
    return best[1] if best else None


def _resolve(kind, match, lang, reference, reference_precision) -> DateMention | None:
    if kind in ("dmy", "dmy_range", "mdy", "my", "m_prep"):
        month = _month_of(match)
        if month is None:
            return None
        groups = match.groupdict()
        year_text = groups.get("y")
        first = groups.get("d1") or groups.get("d")
        last = groups.get("d2")
        day = int(first) if first else None
        explicit = year_text is not None
        year = int(year_text) if explicit else _nearest_year(month, day, reference, reference_precision)
        if year is None:
            return None
        if day is None:
            start = pd.Timestamp(_date(year, month, 1))
            return _mention(match, start, _month_end(start), "month", explicit_year=explicit)
        start = _safe_date(year, month, day)
        end = _safe_date(year, month, int(last)) if last else start
        if start is None or end is None or end < start:
            return None
        return _mention(match, start, end, "day", explicit_year=explicit)
    if kind == "iso":
        day = _safe_date(int(match.group("y")), int(match.group("m")), int(match.group("d")))
        return _mention(match, day, None, "day") if day is not None else None
    if kind == "numeric":
        a, b, year = int(match.group("a")), int(match.group("b")), int(match.group("y"))
        if match.group("sep") == "/" and lang == "en":
            day = _safe_date(year, a, b) or _safe_date(year, b, a)
        else:
            day = _safe_date(year, b, a) or (_safe_date(year, a, b) if match.group("sep") == "/" else None)
        return _mention(match, day, None, "day") if day is not None else None
    if kind == "year":
        start = pd.Timestamp(_date(int(match.group("y")), 1, 1))
        return _mention(match, start, pd.Timestamp(_date(start.year, 12, 31)), "year")
    if reference is None:
        return None
    if kind in ("relative", "relative_cs"):
        word = match.group("rel")
        unit, offset = _CASE_SENSITIVE_RELATIVE[word] if kind == "relative_cs" else _RELATIVE[word.lower()]
        return _relative(match, unit, offset, reference, reference_precision)
    if kind == "weekday":
        if _is_capitalised_name(match, lang):
            return None
        weekday = WEEKDAYS[match.group("wd").lower()]
        if reference_precision != "day":
            return _coarse(match, reference, reference_precision)
        day = reference - timedelta(days=(reference.weekday() - weekday) % 7)
        return _mention(match, day, None, "day", explicit_year=False, relative=True)
    return None


def _is_capitalised_name(match: re.Match, lang: str) -> bool:
    # Italian "Domenica"/"Sabato" mid-sentence are usually names, not weekdays.
    word = match.group("wd")
    return lang == "it" and word[0].isupper() and word.lower() in ("domenica", "sabato") and match.start("wd") > 0


def _coarse(match, reference, precision) -> DateMention:
    if precision == "month":
        start = reference.replace(day=1)
        return _mention(match, start, _month_end(start), "month", explicit_year=False, relative=True)
    start = reference.replace(month=1, day=1)
    return _mention(match, start, start.replace(month=12, day=31), "year", explicit_year=False, relative=True)


def _relative(match, unit, offset, reference, precision) -> DateMention:
    if unit == "year":
        start = pd.Timestamp(_date(reference.year + offset, 1, 1))
        return _mention(match, start, start.replace(month=12, day=31), "year", explicit_year=False, relative=True)
    if unit == "month" and precision in ("day", "month"):
        start = (reference.replace(day=1) + pd.DateOffset(months=offset)).normalize()
        return _mention(match, start, _month_end(start), "month", explicit_year=False, relative=True)
    if precision != "day":
        return _coarse(match, reference, precision)
    if unit == "week":
        monday = reference - timedelta(days=reference.weekday()) + timedelta(weeks=offset)
        return _mention(match, monday, monday + timedelta(days=6), "day", explicit_year=False, relative=True)
    return _mention(match, reference + timedelta(days=offset), None, "day", explicit_year=False, relative=True)


def _dateparser_fallback(text: str, *, lang: str) -> list[DateMention]:
    """Absolute dates for languages without own rules (slow; only reached for other languages)."""
    if not re.search(r"\d", text):
        return []
    from dateparser.search import search_dates

    try:
        found = search_dates(text, languages=[lang], settings={"REQUIRE_PARTS": ["day", "month", "year"]})
    except (ValueError, KeyError):
        return []
    mentions, cursor = [], 0
    for surface, value in found or []:
        start = text.find(surface, cursor)
        if start < 0:
            continue
        cursor = start + len(surface)
        day = pd.Timestamp(value.date())
        mentions.append(DateMention(start, cursor, surface, day, day, "day"))
    return mentions


_DATELINE_CHARS = 250
# A year not preceded by a digit (checked after matching: without a lookbehind in front, the
# regex engine jumps straight to the next "1" or "2", several times faster on long texts).
_YEAR_CANDIDATE = re.compile(r"(?:1[89]|20)\d{2}(?!\d)")
_YEAR_PATTERNS = [(kind, pattern) for kind, pattern in _PATTERNS if "(?P<y>" in pattern.pattern]
_MONTH_KINDS = {"dmy_range", "dmy", "mdy", "my"}
# One scan for any month word is cheaper than the four month patterns' scans. It runs on the
# lower-cased text, unless the text holds a character that re.I matches to a month-word letter
# although str.lower() does not map it there (Turkish dotted/dotless i, long s, old Cyrillic forms).
_MONTH_WORD = re.compile(_alternation(MONTHS), re.I)
_MONTH_WORD_LOWER = re.compile(_alternation(MONTHS))
_CASELESS_ONLY = re.compile("[\u0130\u0131\u017f\u1c80-\u1c85]")
# Margins around a year for the patterns to match in: the longest mentions reach ~60 characters
# before their year and ~10 after (more only with long runs of spaces inside a date).
_BEFORE_YEAR, _AFTER_YEAR = 100, 100


def _dates_with_year(text: str, *, lang: str) -> list[DateMention]:
    """``find_dates(text, lang=lang)`` without a reference, scanning only the text around years.

    Without a reference only mentions containing a year resolve, and unresolved candidates never
    block others, so matching the year-bearing patterns near each year gives the same result
    as scanning the whole text (which is ~20x slower on long articles).
    """
    if lang not in SUPPORTED_LANGUAGES:
        return find_dates(text, lang=lang)
    windows: list[list[int]] = []
    for year in _years(text):
        start, end = max(0, year.start() - _BEFORE_YEAR), min(len(text), year.end() + _AFTER_YEAR)
        if windows and start <= windows[-1][1]:
            windows[-1][1:] = end, year.start()
        else:
            windows.append([start, end, year.start()])
    candidates: list[tuple[int, int, str, re.Match]] = []
    for start, end, last_year_start in windows:
        # In every month pattern the month word comes before the year.
        has_month = _has_month_word(text[start:last_year_start])
        for kind, pattern in _YEAR_PATTERNS:
            if kind in _MONTH_KINDS and not has_month:
                continue
            for match in pattern.finditer(text, start, end):
                candidates.append((match.start(), -(match.end() - match.start()), kind, match))
    return _select_mentions(candidates, lang, None, None)


def _years(text: str) -> Iterator[re.Match]:
    """Four-digit years 1800-2099 not inside a longer number."""
    for year in _YEAR_CANDIDATE.finditer(text):
        # str.isdecimal is what \d matches in a str pattern
        if not (year.start() and text[year.start() - 1].isdecimal()):
            yield year


def _has_month_word(text: str) -> bool:
    if _CASELESS_ONLY.search(text):
        return _MONTH_WORD.search(text) is not None
    return _MONTH_WORD_LOWER.search(text.lower()) is not None


def infer_document_dates(documents: pd.DataFrame, *, dateline_chars: int = _DATELINE_CHARS) -> pd.DataFrame:
    """Fill ``date``/``date_precision``/``date_source`` from the text where ``date`` is missing.

    Rule (documented choice): (1) a dateline — the first date with an explicit year in the
    title or the first ``dateline_chars`` characters of the text — gives the date at its own
    precision (the end of a range); (2) otherwise the latest date with an explicit year and
    day or month precision in the body, kept at month precision only, because an article is
    written on or after the latest past date it reports, usually within weeks. Year-only
    mentions ("since 2014") are too weak and are ignored. Dates already set (metadata or an
    inline header) are never changed; unknown stays NaT/None.
    """
    _check_documents(documents)
    out = documents.copy()
    out["date"] = pd.to_datetime(out["date"])
    for column in ("date_precision", "date_source"):
        if column not in out.columns:
            out[column] = None
        out[column] = out[column].astype(object)
    found = text_dates(out, dateline_chars=dateline_chars)
    positions = np.flatnonzero(found["date"].notna().to_numpy())
    if len(positions):  # one assignment per column: row-by-row assignment cost more than finding the dates
        out.iloc[positions, out.columns.get_loc("date")] = found["date"].to_numpy()[positions]
        out.iloc[positions, out.columns.get_loc("date_precision")] = found["date_precision"].to_numpy()[positions]
        out.iloc[positions, out.columns.get_loc("date_source")] = "text"
    return out


def text_dates(documents: pd.DataFrame, *, dateline_chars: int = _DATELINE_CHARS) -> pd.DataFrame:
    """For each document without a date, the date its title and text give (rule of :func:`infer_document_dates`).

    Columns ``date`` and ``date_precision``, indexed like ``documents``; missing where the
    document has a date already or the text gives none.
    """
    _check_documents(documents)
    titles = documents["title"] if "title" in documents.columns else pd.Series("", index=documents.index)
    undated = pd.isna(documents["date"]).to_numpy()
    dates = np.full(len(documents), np.datetime64("NaT"), dtype="datetime64[ns]")
    precisions = np.full(len(documents), None, dtype=object)
    rows = zip(np.flatnonzero(undated), titles.to_numpy()[undated], documents["text"].to_numpy()[undated],
               documents["lang"].to_numpy()[undated])
    for position, title, text, lang in rows:
        found = _date_from_text(str(title or ""), str(text or ""), str(lang or ""), dateline_chars)
        if found is not None:
            dates[position] = found[0].to_datetime64()
            precisions[position] = found[1]
    return pd.DataFrame({"date": dates, "date_precision": precisions}, index=documents.index)


def _check_documents(documents: pd.DataFrame) -> None:
    missing = [c for c in ("text", "lang", "date") if c not in documents.columns]
    if missing:
        raise ValueError(f"documents is missing column(s) {missing}; expected the documents table")


def _date_from_text(title: str, text: str, lang: str, dateline_chars: int) -> tuple[pd.Timestamp, str] | None:
    for head in (title, text[:dateline_chars]):
        for mention in _dates_with_year(head, lang=lang):
            if mention.explicit_year and mention.precision in ("day", "month"):
                return mention.end_date if mention.precision == "day" else mention.date, mention.precision
    body = [m for m in _dates_with_year(text, lang=lang) if m.explicit_year and m.precision in ("day", "month")]
    if not body:
        return None
    latest = max(m.end_date for m in body)
    return latest.replace(day=1), "month"
