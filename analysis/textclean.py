"""Text repair and cleaning: Unicode/whitespace normalisation, title and header
splitting, date parsing and boilerplate removal (rule based and corpus based).

Every function works on one string (or a list of lines) so it can be tested alone;
:mod:`analysis.ingest` chains them. Removed material is always returned to the
caller so that nothing disappears without a trace.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from itertools import filterfalse

import ftfy
import numpy as np
import pandas as pd

# --------------------------------------------------------------------------- normalisation

_FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    uncurl_quotes=False,  # quotation marks are part of the text (quote extraction relies on them)
    fix_latin_ligatures=False,
    fix_character_width=False,
    fix_line_breaks=False,
    normalization="NFC",
    explain=False,
)
# Characters that only show up in text decoded with the wrong code page.
_MOJIBAKE_HINT = re.compile("[ÃÂâÐÑÅÄ][\u0080-\u00bf\u2018-\u203a\u20ac\u0152\u0153\u0160\u0161\u017d\u017e\u0178\u02c6\u02dc]")
_LINE_BREAKS = re.compile("\r\n|[\r\u2028\u2029\x0b\x0c\x85]")
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad]")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
# Runs of spaces, or any other horizontal space (single plain spaces are left alone: cheaper).
_HORIZONTAL_SPACE = re.compile("[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]{2,}|[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_MANY_BLANK_LINES = re.compile(r"\n{3,}")
# Any character that one of the four substitutions above would change (line breaks, invisible and
# control characters, horizontal space other than a plain space).
_NEEDS_REPAIR = re.compile(
    "[\r\u2028\u2029\x0b\x0c\x85\u200b\u2060\ufeff\u00ad\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f"
    "\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]"
)
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def repair_mojibake(text: str) -> str:
    """Undo double-encoding damage (``â€™`` -> ``’``) with ftfy; quotes are left as they are."""
    if not _MOJIBAKE_HINT.search(text):
        return text
    return ftfy.fix_text(text, config=_FTFY_CONFIG)


def normalize_text(text: str) -> str:
    """NFC, one kind of line break, single spaces, stripped lines, at most one blank line in a row.

    Words and punctuation (including every kind of quotation mark) are not changed;
    invisible characters (zero-width space, BOM, soft hyphen) and control characters are removed.
    """
    text = unicodedata.normalize("NFC", text)
    # One scan finds whether any of the rarer repairs is needed; most texts need none of them.
    if "  " in text or _NEEDS_REPAIR.search(text):
        text = _LINE_BREAKS.sub("\n", text)
        text = _INVISIBLE.sub("", text)
        text = _CONTROL.sub("", text)
        text = _HORIZONTAL_SPACE.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _collapse_blank_lines(text).strip()


def _collapse_blank_lines(text: str) -> str:
    return _MANY_BLANK_LINES.sub("\n\n", text) if "\n\n\n" in text else text


def count_words(text: str) -> int:
    # Words never span whitespace, and a whitespace-free chunk of letters and digits is one word:
    # only the other chunks go through the regular expression (joined by spaces, in one call).
    chunks = text.split()
    return sum(map(str.isalnum, chunks)) + len(_WORD.findall(" ".join(filterfalse(str.isalnum, chunks))))


def normalize_line_key(line: str) -> str:
    """Key under which two lines count as 'the same line' (case and spacing ignored)."""
    return " ".join(line.casefold().split())


# --------------------------------------------------------------------------- dates

_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
_DMY_DATE = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")
_YEAR_RANGE = range(1800, 2200)


_FREE_TEXT_YEAR = re.compile(r"\b(?:1[89]|2[01])\d{2}\b")
# Free-text dates are read in these languages (restricting dateparser keeps it fast and avoids
# misreading words of other languages as month names).
DATE_LANGUAGES: tuple[str, ...] = ("en", "it", "fr", "de", "pl", "ru", "es", "uk", "pt", "nl")


@lru_cache(maxsize=1)
def _date_parser():
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=list(DATE_LANGUAGES),
        settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False},
    )


def parse_date(value: object) -> tuple[pd.Timestamp, str | None]:
    """Parse a metadata or header date; return ``(timestamp, precision)`` or ``(NaT, None)``.

    Understands ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, ISO datetimes (converted to UTC and
    made naive), ``DD.MM.YYYY``/``DD/MM/YYYY`` and free text in many languages (dateparser),
    e.g. ``"7 dicembre 2021"`` (day) or ``"March 2022"`` (month); free text needs a four-digit
    year and one of :data:`DATE_LANGUAGES`.
    """
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NaT:
        return pd.NaT, None
    if isinstance(value, datetime | date):
        stamp = pd.Timestamp(value)
        if stamp.tzinfo is not None:
            stamp = stamp.tz_convert("UTC").tz_localize(None)
        return stamp.as_unit("ns"), "day"
    text = str(value).strip()
    if not text or len(text) > 100:
        return pd.NaT, None
    match = _ISO_DATE.match(text)
    if match:
        year, month, day = (int(g) if g else None for g in match.groups())
        return _checked(year, month, day)
    match = _DMY_DATE.match(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        return _checked(year, month, day)
    if _ISO_DATETIME.match(text):
        try:
            stamp = pd.Timestamp(text)
        except ValueError:
            return pd.NaT, None
        if stamp.tzinfo is not None:
            stamp = stamp.tz_convert("UTC").tz_localize(None)
        return stamp.as_unit("ns"), "day"
    if not _FREE_TEXT_YEAR.search(text):
        return pd.NaT, None
    data = _date_parser().get_date_data(text)
    if data.date_obj is None or data.date_obj.year not in _YEAR_RANGE:
        return pd.NaT, None
    precision = {"year": "year", "month": "month"}.get(data.period, "day")
    stamp = pd.Timestamp(data.date_obj)
    if stamp.tzinfo is not None:
        stamp = stamp.tz_convert("UTC").tz_localize(None)
    if precision == "month":
        stamp = stamp.replace(day=1)
    elif precision == "year":
        stamp = stamp.replace(month=1, day=1)
    return stamp.normalize().as_unit("ns"), precision


def _checked(year: int, month: int | None, day: int | None) -> tuple[pd.Timestamp, str | None]:
    if year not in _YEAR_RANGE:
        return pd.NaT, None
    try:
        stamp = pd.Timestamp(year=year, month=month or 1, day=day or 1)
    except ValueError:
        return pd.NaT, None
    precision = "day" if day else "month" if month else "year"
    return stamp.as_unit("ns"), precision


# --------------------------------------------------------------------------- header and title

# A leading "date 2021-12", "Data: 7 dicembre 2021", "Datum: 01.03.2022", "Дата: ..." header.
_DATE_LABEL = (
    r"(?:date|dated|published|publication date|posted|updated|data|pubblicato|date de publication|publié le|publié|"
    r"datum|veröffentlicht|data publikacji|opublikowano|дата|опубликовано|fecha|publicado)"
)
_DATE_VALUE = r"(?:\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?|\d{4}-\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{4}|\d{4})"
_HEADER_INLINE = re.compile(rf"^\s*{_DATE_LABEL}\s*[:=\-–]?\s*({_DATE_VALUE})(?=\s|$)\s*", re.IGNORECASE)
_HEADER_LINE = re.compile(rf"^\s*{_DATE_LABEL}\s*[:=\-–]?\s*(.{{3,60}})$", re.IGNORECASE)


@dataclass
class Header:
    date: pd.Timestamp = pd.NaT
    precision: str | None = None
    removed: str | None = None


def split_header(text: str) -> tuple[str, Header]:
    """Remove a leading date header (inline, as in ``" date 2021-12 Dopo l'incontro..."``, or a
    whole first line such as ``"Published: 7 March 2022"``) and return it parsed."""
    match = _HEADER_INLINE.match(text)
    if match:
        stamp, precision = parse_date(match.group(1))
        if precision:
            return text[match.end():].lstrip(), Header(stamp, precision, match.group(0).strip())
    first_line, _, rest = text.partition("\n")
    if count_words(first_line) <= 8:
        match = _HEADER_LINE.match(first_line)
        if match and len(match.group(1).split()) <= 5:
            stamp, precision = parse_date(match.group(1))
            if precision:
                return rest.lstrip("\n"), Header(stamp, precision, first_line.strip())
    return text, Header()


_TITLE_MAX_WORDS = 60
_TITLE_MAX_CHARS = 500
_SENTENCE_LIKE_TITLE_WORDS = 20
_TITLE_BLOCK_MAX_LINES = 3


def _title_like(line: str, *, max_words: int) -> bool:
    n_words = count_words(line)
    if n_words == 0 or n_words > max_words or len(line) > _TITLE_MAX_CHARS:
        return False
    return not (line.rstrip()[-1] in ":;," or (n_words > _SENTENCE_LIKE_TITLE_WORDS and line.rstrip()[-1] == "."))


def split_title(text: str) -> tuple[str | None, str]:
    """Split off a title line; returns ``(title or None, body)``.

    The first line is the title when the text looks like ``title\\n\\nbody`` (a blank line after a
    line of at most 60 words; a line of more than 20 words ending with a period is a paragraph,
    not a title) or ``title\\nsubtitle\\n\\nbody`` (a first block of two or three lines whose first
    line has at most 20 words; the subtitle stays in the body).
    """
    blocks = text.split("\n\n", 1)
    if len(blocks) < 2 or not blocks[1].strip():
        return None, text
    head_lines = blocks[0].split("\n")
    first_line = head_lines[0].strip()
    if len(head_lines) == 1 and _title_like(first_line, max_words=_TITLE_MAX_WORDS):
        return first_line, blocks[1].strip("\n")
    if 1 < len(head_lines) <= _TITLE_BLOCK_MAX_LINES and _title_like(first_line, max_words=_SENTENCE_LIKE_TITLE_WORDS):
        return first_line, text.split("\n", 1)[1].strip("\n")
    return None, text


# --------------------------------------------------------------------------- boilerplate rules

_SEP = r"\s*(?:[:\-–—|»›>]+|\.{3}|…)"
# Labels that introduce a link to another article ("Read more", "Leggi anche", "Читайте также").
_READ_MORE_LABELS = (
    r"read more|read also|also read|more reading|see also|related|related articles?|related stories|related news|"
    r"related content|more on this( story| topic)?|more from \S+|recommended|you may also like|you might also like|"
    r"must read|trending|"
    r"leggi anche|leggi pure|leggi tutto|leggi di più|leggi l'articolo|potrebbe interessarti|ti potrebbe interessare|"
    r"articoli correlati|vedi anche|approfondisci|"
    r"lire aussi|à lire aussi|a lire aussi|lire la suite|lire plus|voir aussi|sur le même sujet|à voir aussi|"
    r"weiterlesen|lesen sie auch|lesen sie mehr|mehr zum thema|mehr dazu|auch interessant|das könnte sie auch interessieren|"
    r"siehe auch|"
    r"czytaj także|czytaj też|czytaj również|czytaj więcej|czytaj dalej|zobacz też|zobacz także|zobacz również|"
    r"polecamy|przeczytaj też|przeczytaj także|"
    r"читайте также|читайте тоже|читать далее|читать также|смотрите также|см\. также|подробнее|по теме|"
    r"читайте також|дивіться також|детальніше|"
    r"leer más|lee también|lea también|ver también|te puede interesar|noticias relacionadas"
)
_READ_MORE_ONLY = re.compile(rf"^(?:{_READ_MORE_LABELS})\s*[:.!…»›>]*$", re.IGNORECASE)
_READ_MORE_LINK = re.compile(rf"^(?:{_READ_MORE_LABELS}){_SEP}\s*\S", re.IGNORECASE)
# The same label glued to the end of a sentence: "...in China.READ MORE: UK Finance Chief Bashed".
_TAIL_LABELS = (
    r"read more|read also|also read|see also|leggi anche|lire aussi|à lire aussi|weiterlesen|lesen sie auch|mehr zum thema|"
    r"czytaj także|czytaj też|czytaj również|czytaj więcej|zobacz też|zobacz także|читайте также|смотрите также|"
    r"читайте також|leer más|lee también"
)
_READ_MORE_TAIL = re.compile(rf"(?<=[.!?\"”»’'])\s*(?:{_TAIL_LABELS})\s*[:\-–—]\s*[^\n]{{1,250}}$", re.IGNORECASE)
# "Read Full Article at RT.com", "Continue reading on example.com", "(Read the full story)".
_FULL_ARTICLE = (
    r"(?:read|see|view|continue reading|keep reading)\s+(?:the\s+)?(?:full|whole|entire|complete|original)\s+"
    r"(?:article|story|report|text|interview)(?:\s+(?:at|on|here|in)(?:\s+\S+)?)?|continue reading(?:\s+(?:at|on)\s+\S+)?|"
    r"leggi l'articolo (?:completo|integrale)(?:\s+su\s+\S+)?|lire l'article (?:complet|en entier)(?:\s+sur\s+\S+)?|"
    r"den ganzen artikel lesen|ganzen artikel lesen|zum vollständigen artikel|czytaj cały artykuł|"
    r"читать (?:полностью|статью полностью|далее на\s+\S+)"
)
_FULL_ARTICLE_LINE = re.compile(rf"^[(\[]?(?:{_FULL_ARTICLE})[)\].!]*$", re.IGNORECASE)
_FULL_ARTICLE_TAIL = re.compile(rf"\s*[(\[]?(?:{_FULL_ARTICLE})[)\].!]*$", re.IGNORECASE)

# Whole lines that are navigation, sharing, subscription or advertising furniture.
_PROMO_LINE = re.compile(
    r"^(?:"
    # section labels and navigation
    r"news|breaking news|latest news|notizia|notizie|ultime notizie|ultim'ora|actualités?|info|infos|nachrichten|"
    r"meldung|aktuell|wiadomości|aktualności|новости|новина|новини|noticias|noticia|home|homepage|menu|"
    r"back to top|to top|top|torna su|torna all'inizio|al piano di sopra|retour en haut|haut de page|nach oben|"
    r"zurück nach oben|do góry|na górę|powrót do góry|наверх|вверх|на початок|arriba|volver arriba|"
    # sharing and social
    r"share|share this|share this (?:story|article|post|page)|share on \w+|tweet|email|print|comments?|"
    r"think your friends would be interested\??|"
    r"condividi|condividi (?:su \w+|questo articolo)|stampa|commenti|partager|partager (?:sur \w+|cet article)|imprimer|"
    r"teilen|artikel teilen|drucken|kommentare|udostępnij|podziel się|drukuj|komentarze|"
    r"поделиться|поделитесь|распечатать|комментарии|поділитися|compartir|"
    r"advertisement|advertising|sponsored|sponsored content|ad|ads|werbung|anzeige|pubblicità|publicité|reklama|"
    r"реклама|publicidad|"
    r"scroll down for video|watch the video|video|click here|"
    r"(?:[^\w\"'«»“”„‟‘’‚‹›]|_)*"  # a lone ".", "___", "***", "•" (but not a lone closing quotation mark)
    r")[.!:]*$",
    re.IGNORECASE,
)
# Lines whose subject is subscribing/following/the app, in any of the languages.
_SOCIAL_ACTION = re.compile(
    r"\b(?:subscribe|sign up|follow (?:us|me|\w+(?: \w+)? on)|join us|download (?:the|our) app|get the [\w ]{1,30}app|"
    r"click here|iscriviti|seguici|scarica l'app|abonnez-vous|abonnez vous|suivez-nous|inscrivez-vous|"
    r"abonnieren|abonnieren sie|folgen sie|melden sie sich|newsletter bestellen|"
    r"subskrybuj|zasubskrybuj|obserwuj nas|zapisz się|dołącz do nas|"
    r"подпис(?:ывайтесь|аться|уйтесь|ка)|присоединяйтесь|подпишіться|suscríbete|síguenos)",
    re.IGNORECASE,
)
_SOCIAL_TARGET = re.compile(
    r"(?:newsletter|telegram|twitter|facebook|instagram|youtube|tiktok|whatsapp|vk\.com|вконтакте|\bvk\b|"
    r"rss|podcast|app\b|channel|canale|chaîne|kanal|канал|notifications?|notifiche|@\w+)",
    re.IGNORECASE,
)
_CHANNEL_PROMO = re.compile(
    r"(?:canale telegram|telegram channel|telegram-kanal|kanał na telegram|telegram-канал|канал в telegram|"
    r"canal telegram|chaîne telegram)",
    re.IGNORECASE,
)
# "The views expressed ... do not necessarily reflect ..." in the supported languages.
_DISCLAIMER = re.compile(
    r"(?:do not necessarily reflect|don't necessarily reflect|does not necessarily reflect|"
    r"non (?:riflettono|rispecchiano) necessariamente|ne reflètent pas nécessairement|n'engagent que leurs? auteurs?|"
    r"nicht (?:unbedingt|notwendigerweise) die (?:sichtweise|meinung|ansicht)|müssen nicht die sichtweise|"
    r"nie muszą odzwierciedlać|nie (?:zawsze |muszą )?odzwierciedla(?:ją)? (?:stanowiska|poglądów)|"
    r"не обязательно отражают|может не совпадать с (?:позицией|мнением) редакции|"
    r"не завжди збігається з позицією редакції|no reflejan necesariamente)",
    re.IGNORECASE,
)
# Photo credits and captions: "Photo: Reuters", "Foto: ANSA", "Фото: РИА Новости", "© AP Photo / ...".
_CAPTION_START = re.compile(
    r"^(?:©|\(c\)\s|copyright\b|photo(?:graph)?s?\b\s*(?:[:/|©-]|by\b|credit)|file photo\b|foto\b\s*[:/|©-]|"
    r"fot\.|фото\b\s*[:/|©-]|bild\b\s*[:/|©-]|zdjęcie\s*[:/|©-]|image\s*[:/|©-]|picture\s*[:/|©-]|"
    r"immagine\s*[:/|©-]|crédits? photo|photo credit|credit\s*:|quelle\s*:\s*(?:getty|imago|dpa|afp|reuters|ap\b)|"
    r"\[?(?:getty images|reuters|afp|ap photo|sputnik|ria novosti|ansa|epa|dpa|pap|tass)\]?\s*[/|]\s)",
    re.IGNORECASE,
)
_CAPTION_PHRASE = re.compile(
    r"\b(?:pose[sd]? for (?:a |the )?(?:photo|picture|photograph|selfie|portrait)s?|pictured (?:here|above|below|left|right|with|in|at|during|on)|"
    r"\(pictured\)|is pictured|are pictured|in this (?:file |handout )?(?:photo|picture|image)|"
    r"posa per una foto|posano per una foto|posa per (?:i |le )?fotografi|pose pour une photo|posiert für|pozuje do zdjęcia|позирует)\b",
    re.IGNORECASE,
)
_CAPTION_CREDIT_END = re.compile(
    r"(?:[(\[]\s*(?:photo|foto|фото|image|picture|bild|zdjęcie|credit)\s*[:©][^)\]]{1,80}[)\]]|"
    r"(?:/|©)\s*(?:getty images|reuters|afp|ap|ap photo|epa|ansa|dpa|pap|tass|sputnik|ria novosti|imago|shutterstock)[\w ]{0,30})$",
    re.IGNORECASE,
)
_ENDS_LIKE_SENTENCE = re.compile(r"[.!?…:;\"”»“’']\s*$")

# Rules only look at short lines; a long line is article text whatever words it contains.
_MAX_RULE_WORDS = 45
_MAX_RULE_CHARS = 400
_MAX_CAPTION_WORDS = 40
_RELATED_BLOCK_LINES = 2
_RELATED_HEADLINE_WORDS = 25


@dataclass
class CleanResult:
    text: str
    removed: list[str] = field(default_factory=list)


# Cheap substring tests (on the case-folded line) that gate the costlier searches below.
_DISCLAIMER_HINTS = ("necessar", "unbedingt", "notwendigerweise", "widerspiegeln", "odzwierciedla", "обязательно",
                     "совпадать", "збігається", "n'engagent")
_SOCIAL_HINTS = ("newsletter", "telegram", "twitter", "facebook", "instagram", "youtube", "tiktok", "whatsapp", "vk",
                 "вконтакте", "rss", "podcast", "app", "channel", "canale", "chaîne", "kanal", "канал", "notif", "@")
_CAPTION_HINTS = ("pose", "pictur", "photo", "image", "posa", "posiert", "pozuje", "позиру")
_TAIL_HINTS = ("read", "leggi", "lire", "weiter", "lesen", "mehr zum", "czytaj", "zobacz", "читай", "смотри", "leer",
               "lee ", "continue", "keep reading", "see also", "artikel", "artykuł", "статью", "полностью", "article",
               "articolo")
_CREDIT_TAIL_CHARS = 120
# Every match of _CAPTION_CREDIT_END holds one of these characters.
_CREDIT_MARKS = ("(", "[", "/", "©")
# Every match of _FULL_ARTICLE_TAIL holds one of these words (same case rules as the pattern).
_FULL_ARTICLE_WORDS = re.compile(
    r"full|whole|entire|complete|original|continue reading|leggi l'articolo|lire l'article|ganzen artikel lesen|"
    r"zum vollständigen artikel|czytaj cały artykuł|читать",
    re.IGNORECASE,
)


def _has_any(text: str, hints: tuple[str, ...]) -> bool:
    for hint in hints:  # a plain loop: cheaper than any() over a generator on this hot path
        if hint in text:
            return True
    return False


def boilerplate_rule(line: str) -> str | None:
    """Name of the rule that makes a whole ``line`` boilerplate, or None."""
    stripped = line.strip()
    if not stripped or len(stripped) > _MAX_RULE_CHARS:
        return None
    if _PROMO_LINE.match(stripped):
        return "promo"
    if _READ_MORE_ONLY.match(stripped):
        return "read-more"
    n_words = len(stripped.split())
    if n_words > _MAX_RULE_WORDS:
        return None
    if _READ_MORE_LINK.match(stripped) or _FULL_ARTICLE_LINE.match(stripped):
        return "related-link"
    folded = stripped.casefold()
    if _has_any(folded, _DISCLAIMER_HINTS) and _DISCLAIMER.search(stripped):
        return "disclaimer"
    if n_words <= 30 and _has_any(folded, _SOCIAL_HINTS):
        if (_SOCIAL_ACTION.search(stripped) and _SOCIAL_TARGET.search(stripped)) or _CHANNEL_PROMO.search(stripped):
            return "social"
    if n_words <= _MAX_CAPTION_WORDS:
        credit_tail = stripped[-_CREDIT_TAIL_CHARS:]
        if _CAPTION_START.match(stripped) or (_has_any(credit_tail, _CREDIT_MARKS) and _CAPTION_CREDIT_END.search(credit_tail)):
            return "caption"
        if not stripped.endswith(".") and _has_any(folded, _CAPTION_HINTS) and _CAPTION_PHRASE.search(stripped):
            return "caption"
    return None


def strip_boilerplate_tail(line: str) -> tuple[str, str | None]:
    """Cut promo text glued to the end of a real line ("... Read Full Article at RT.com",
    "...in China.READ MORE: headline"); return ``(kept, removed tail or None)``."""
    return _strip_tail(line, _TAIL_HINTS)


def _strip_tail(line: str, hints: tuple[str, ...]) -> tuple[str, str | None]:
    """:func:`strip_boilerplate_tail` with the tail hints narrowed to those present in the document."""
    if len(line) < 8:
        return line, None
    window_start = max(0, len(line) - _MAX_RULE_CHARS)
    window = line[window_start:]
    if not _has_any(window.casefold(), hints):
        return line, None
    for pattern in (_FULL_ARTICLE_TAIL, _READ_MORE_TAIL):
        if pattern is _FULL_ARTICLE_TAIL and not _FULL_ARTICLE_WORDS.search(window):
            continue
        match = pattern.search(window)
        if match and match.start() > 0:
            cut = window_start + match.start()
            kept = line[:cut].rstrip()
            if kept:
                return kept, line[cut:].strip()
    return line, None


def _looks_like_headline(line: str) -> bool:
    return 0 < len(line.split()) <= _RELATED_HEADLINE_WORDS and not _ENDS_LIKE_SENTENCE.search(line)


def remove_boilerplate(text: str, *, title: str | None = None) -> CleanResult:
    """Drop boilerplate lines by rule, cut promo tails, and drop the title when the body repeats it.

    A standalone "Read more"-type label also takes with it up to two directly following lines of
    its block that look like a related headline or a caption (short, no final punctuation), which is
    how related-article boxes end up in plain text.
    """
    removed: list[str] = []
    kept: list[str] = []
    lines = text.split("\n")
    title_key = normalize_line_key(title) if title else None
    title_dropped = False
    nonblank_seen = 0
    # casefold works character by character, so a hint in a line is also in the whole text
    folded = text.casefold()
    tail_hints = tuple(hint for hint in _TAIL_HINTS if hint in folded)
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if not line:
            kept.append(line)
            continue
        rule = boilerplate_rule(line)
        if rule:
            removed.append(line)
            if rule == "read-more":
                taken = 0
                while (
                    taken < _RELATED_BLOCK_LINES
                    and index < len(lines)
                    and lines[index]
                    and (_looks_like_headline(lines[index]) or boilerplate_rule(lines[index]))
                ):
                    removed.append(lines[index])
                    index += 1
                    taken += 1
            continue
        nonblank_seen += 1
        if title_key and not title_dropped and nonblank_seen <= 3 and normalize_line_key(line) == title_key:
            removed.append(line)
            title_dropped = True
            continue
        if tail_hints:
            line, tail = _strip_tail(line, tail_hints)
            if tail:
                removed.append(tail)
        kept.append(line)
    return CleanResult(_collapse_blank_lines("\n".join(kept)).strip(), removed)


# --------------------------------------------------------------------------- corpus boilerplate

_MAX_REPEATED_LINE_CHARS = 500


def _may_be_boilerplate(line: str) -> bool:
    # Short sentences ("Yes.", "Why?") recur in many articles without being furniture; a line of
    # one or two words only counts when it does not end like a sentence ("Sponsored content").
    return len(line) <= _MAX_REPEATED_LINE_CHARS and (len(line.split()) >= 3 or not _ENDS_LIKE_SENTENCE.search(line))


def _key_hash(key: str) -> int:
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")


def line_key_hashes(text: str) -> np.ndarray:
    """Sorted distinct 64-bit hashes of the keys (see :func:`normalize_line_key`) of the lines of ``text``
    that may be boilerplate: what :func:`repeated_line_hashes` counts, computable in parallel."""
    keys = {normalize_line_key(line) for line in text.split("\n") if line and _may_be_boilerplate(line)}
    keys.discard("")
    return np.sort(np.fromiter(map(_key_hash, keys), dtype=np.uint64, count=len(keys)))


def repeated_line_hashes(key_hashes: Iterable[np.ndarray], *, min_docs: int) -> np.ndarray:
    """The line-key hashes found in at least ``min_docs`` documents, given each document's
    :func:`line_key_hashes`.

    Pass one document per group of duplicates so that syndicated copies of one article do not
    make its sentences look like boilerplate.
    """
    arrays = list(key_hashes)
    if not arrays:
        return np.zeros(0, dtype=np.uint64)
    values, counts = np.unique(np.concatenate(arrays), return_counts=True)
    return values[counts >= min_docs]


def remove_lines(text: str, key_hashes: Collection[int]) -> CleanResult:
    """Remove the lines of ``text`` whose key hash is in ``key_hashes`` (see :func:`repeated_line_hashes`)."""
    if not key_hashes:
        return CleanResult(text)
    kept: list[str] = []
    removed: list[str] = []
    for line in text.split("\n"):
        if line and len(line) <= _MAX_REPEATED_LINE_CHARS and _key_hash(normalize_line_key(line)) in key_hashes:
            removed.append(line)
        else:
            kept.append(line)
    return CleanResult(_collapse_blank_lines("\n".join(kept)).strip(), removed)


def paragraphs(text: str) -> list[str]:
    """Blank-line separated paragraphs; a text without blank lines gives one paragraph per line."""
    blocks = [block.strip() for block in text.split("\n\n") if block.strip()]
    if len(blocks) <= 1:
        return [line for line in text.split("\n") if line.strip()]
    return blocks


def most_common_removed(removed_lines: Sequence[Sequence[str]], *, top: int = 20) -> pd.DataFrame:
    """The removed lines seen most often across documents (``line``, ``n_docs``)."""
    counts: Counter[str] = Counter()
    for lines in removed_lines:
        counts.update({normalize_line_key(line) for line in lines})
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:top]
    return pd.DataFrame(rows, columns=["line", "n_docs"])
