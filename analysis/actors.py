"""Who is named: actor mentions in multilingual news, resolved to the knowledge base.

:class:`ActorMatcher` compiles every alias of the knowledge base (plus the case forms that
Russian, Ukrainian, Polish and German build from them) into one token trie, so matching a
document costs one pass over its tokens whatever the size of the KB. On top of the exact and
inflected matches it resolves surname-only mentions inside the document, close spellings of known
full names (rapidfuzz, strict threshold) and role phrases ("il ministro degli Esteri russo") to
the office-holder on the document's date or, when the date cannot tell, to the holder of that office
the document itself names ("Putin ... the Russian president", "Macron ... le président"). Every
mention records how it was found (``method``).

Persons absent from the knowledge base are reported too (``unlisted_persons``): a capitalised name
that starts with a known given name (``data/given_names.tsv``, with its Russian/Polish case forms) or
follows a person title ("il ministro", "Herr", "министр"), normalised to its nominative form, with
method ``"discovered"``, an ``actor_id`` starting with ``"x-"`` and ``in_kb`` False; its surname alone
later in the document resolves to it (method ``"surname"``). Organisations absent from it are reported too
(``unlisted_organizations``), found by the shape of their names (:mod:`analysis.organizations`).
"""
from __future__ import annotations

import bisect
import functools
import hashlib
import logging
import pickle
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate, compress, repeat
from pathlib import Path

import numpy as np
import pandas as pd
import rapidfuzz
from rapidfuzz import fuzz, process
from tqdm.auto import tqdm

from analysis import config, io
from analysis.kb import KnowledgeBase, load_kb
from analysis.names import GIVEN_NAMES_PATH, inflected_in, load_given_names, person_slug
from analysis.organizations import HEAD_WORDS, find_organizations
from analysis.sentences import split_sentences

log = logging.getLogger(__name__)

METHODS: tuple[str, ...] = ("alias", "inflection", "fuzzy", "role", "surname", "discovered")
MENTION_COLUMNS: list[str] = [
    "doc_id", "actor_id", "actor", "actor_type", "surface", "start", "end", "sentence_id", "method", "role", "lang",
    "in_kb",
]
UNRESOLVED_COLUMNS: list[str] = [
    "doc_id", "kind", "surface", "start", "end", "sentence_id", "role", "of", "candidates", "reason", "lang",
]
CANDIDATE_COLUMNS: list[str] = ["candidate", "variants", "n_docs", "n_mentions", "langs", "cue", "example", "yaml"]

_TOKEN_RE = re.compile(r"\w+")
_CYRILLIC_LANGS = frozenset({"ru", "uk", "be", "bg", "sr", "mk", "kk"})
# Lower-case name particles that may sit inside a capitalised name ("Ursula von der Leyen").
_PARTICLES = frozenset(
    "von der van den de del della di da dos du des la le al el bin ibn ben ter zu y".split()
)
_MAX_CACHED_WORDS = 200_000  # bound of the per-matcher memories of words already tested
_FOLD_TABLE: dict[int, str] = {}
for _cp in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
    _base = "".join(c for c in unicodedata.normalize("NFD", chr(_cp)) if not unicodedata.combining(c))
    if len(_base) == 1 and _base != chr(_cp):
        _FOLD_TABLE[_cp] = _base
_FOLD_TABLE.update({ord("ł"): "l", ord("ø"): "o", ord("đ"): "d", ord("ı"): "i", ord("ё"): "е", ord("’"): "'"})


_FOLD_CHARS = re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(_FOLD_TABLE)) + "]")


_TOKEN_SPLIT = re.compile(r"(\w+)")


def _tokens(text: str) -> tuple[list[int], list[int], list[str], list[str]]:
    """Starts, ends, surfaces and folded keys of the word tokens (``_TOKEN_RE``) of a text.

    Splitting the folded text and summing the piece lengths gives the offsets without a match
    object per token.
    """
    folded = _fold_text(text)
    if len(folded) == len(text):
        pieces = _TOKEN_SPLIT.split(folded)  # separator, token, separator, ..., token, separator
        keys = pieces[1::2]
        bounds = list(accumulate(map(len, pieces)))
        starts, ends = bounds[0:-1:2], bounds[1::2]
    else:  # a rare character changed length when lower-cased ("İ"): fold token by token
        matches = list(_TOKEN_RE.finditer(text))
        keys = [fold(m.group()) for m in matches]
        starts = [m.start() for m in matches]
        ends = [m.end() for m in matches]
    return starts, ends, list(map(text.__getitem__, map(slice, starts, ends))), keys


def _fold_text(text: str) -> str:
    """``fold`` for a whole document; faster than ``str.translate`` when few characters change."""
    lowered = text.lower()
    return _FOLD_CHARS.sub(lambda m: _FOLD_TABLE[ord(m.group())], lowered) if not lowered.isascii() else lowered


def fold(token: str) -> str:
    """Case- and accent-insensitive key of a token: ``"Zełenski"`` -> ``"zelenski"``.

    Keeps the length of almost every text (one character in, one out), so a whole document
    can be folded once and sliced at its token offsets.
    """
    return token.lower().translate(_FOLD_TABLE)


_fold_cached = functools.lru_cache(maxsize=1 << 17)(fold)  # for building matchers, where words repeat


# English surnames so common that a bare surname cannot be trusted to mean the KB person.
_COMMON_SURNAMES = frozenset(
    """smith johnson williams brown jones miller davis wilson anderson taylor thomas moore jackson martin
    lee white harris clark lewis robinson walker young allen king wright scott green baker adams nelson hill
    campbell mitchell roberts carter phillips evans turner parker collins edwards stewart morris murphy cook
    rogers morgan cooper peterson reed bailey bell kelly howard ward cox richardson wood watson brooks bennett
    gray james hughes price sanders myers long ross foster kim wang li zhang chen liu yang huang zhao wu zhou
    müller schmidt schneider fischer weber meyer wagner becker schulz hoffmann nowak kowalski wiśniewski
    wójcik kowalczyk ivanov smirnov kuznetsov popov petrov rossi russo ferrari esposito bianchi romano
    bernard dubois thomas robert richard petit durand leroy moreau simon laurent garcia martinez lopez
    gonzalez rodriguez fernandez sanchez perez""".split()
)
# Capitalised words that are ordinary words in running text (months, days) in the languages covered.
_CAPITALISED_COMMON = frozenset(
    """january february march april may june july august september october november december monday tuesday
    wednesday thursday friday saturday sunday will mark rose grace hope march""".split()
)
# Modifiers that make a role phrase refer to a past holder, not the one on the document's date.
_FORMER = frozenset(
    """former ex then late previous ehemalige ehemaliger ehemaligen ehemaligem früheren frühere früherer
    damalige damaligen damaliger ancien ancienne anciens allora già экс бывший бывшего бывшему бывшим бывшем
    бывшая бывшей były byłego byłemu byłym była byłej eks""".split()
)
# Titles written before a name; names that start with one have no derivable surname.
_HONORIFICS = frozenset(fold(w) for w in """
    mr mrs ms dr sir lord lady dame herr frau signor signora sig sig.ra monsieur madame mme pan pani
    господин госпожа pope pape papa papst papież папа king queen prince princess emperor sheikh sultan emir
    re regina principe roi reine prince princesse könig königin prinz prinzessin kaiser król królowa książę
    король королева принц принцесса император шейх
""".split())
_DE_DETERMINERS = frozenset("""der die das des dem den ein eine einen einem einer eines kein keine keinen keinem
    keiner keines im am zum zur vom beim ins dieser diese dieses diesen diesem""".split())
_INITIALS = re.compile(r"^[A-Z]{2,3}$")
_REGNAL = re.compile(r"^(?:II|III|IV|VI|VII|VIII|IX|XI|XII|XIII|XIV|XV|XVI|XVII|XVIII)$")  # not "I", "V", "X"
_ROMAN = re.compile(r"^[IVXLC]+\.?$")
_ORDINALS = frozenset(fold(w) for w in """
    первый первая второй вторая третий третья четвертый четвёртый четвертая четвёртая
    pierwszy pierwsza drugi druga trzeci trzecia czwarty czwarta premier première second seconde primo prima
    secondo seconda terzo terza quarto quarta erste zweite dritte vierte
""".split())
_ARTICLES = frozenset("the a an il lo la le l i gli der die das des dem den el un une".split())
_APPOSITION_GAP = re.compile(r"^[\s,:(\[–—-]*$")
_LEFT_APPOSITION_GAP = re.compile(
    r"^\s*[,(–—-]\s*(?:(?:the|il|lo|la|le|l'|l’|der|die|das|el|un|une|a|an)\s+)?$", re.IGNORECASE
)
_COUNTRY_GAP = re.compile(r"^(?:['’]s)?\s*$")
# Words after a bare role phrase that make it the office of something that is not a country: prepositions
# ("president of the club", "presidente della Regione", "Präsident des Vereins") and, in Slavic languages, the
# genitive nouns of organisations and towns ("prezydent miasta", "президент компании").
_ROLE_COMPLEMENTS = frozenset(fold(w) for w in """
    of for de du des d di del della dello dei degli delle dell von vom der
    miasta gminy stolicy klubu spółki firmy fundacji stowarzyszenia instytutu związku banku izby sądu rady zarządu
    partii komisji federacji towarzystwa uczelni uniwersytetu organizacji komitetu agencji koncernu grupy akademii
    компании клуба банка фонда ассоциации союза совета правления партии федерации города академии корпорации
    концерна группы организации комитета общества университета института палаты суда фирмы холдинга
    компанії клубу банку фонду асоціації союзу ради правління партії федерації міста академії університету
""".split())
# Prepositions between a role phrase and the person it serves: "secretary of state under Obama", "d'Obama".
_UNDER = frozenset(fold(w) for w in "of under de d sous di sotto von unter pod под при".split())
_NEAREST_SENTENCES = 2  # how many sentences back the nearest of several compatible persons may be named
_FEDERAL_COUNTRIES = frozenset({"DE", "AT", "CH"})  # "Bundespräsident", "Bundeskanzler": a federal office
_SLAVIC_LANGS = frozenset({"ru", "uk", "be", "pl", "cs", "sk", "bg", "sr", "hr", "sl"})
# Definite articles, their contractions and demonstratives: "the president", "del premier", "beim Kanzler".
_DEFINITE: dict[str, frozenset[str]] = {lang: frozenset(fold(w) for w in words.split()) for lang, words in {
    "en": "the this that",
    "fr": "le la l ce cet cette du au",
    "it": """il lo la l questo questa quel quello quella del dello della dell al allo alla all dal dallo dalla dall
             nel nello nella nell sul sullo sulla sull col""",
    "de": "der die das des dem den dieser diese dieses diesen diesem im am zum zur vom beim",
    "es": "el la del al este esta ese esa",
    "pt": "o a do da ao no na este esta",
    "nl": "de het deze",
}.items()}
# Indefinite articles and quantifiers: "a prime minister", "ogni presidente", "каждый президент".
_INDEFINITE: dict[str, frozenset[str]] = {lang: frozenset(fold(w) for w in words.split()) for lang, words in {
    "en": "a an every any each no another some one",
    "fr": "un une chaque tout toute aucun aucune quelque nul nulle",
    "it": "un uno una ogni qualsiasi qualunque nessun nessuno nessuna",
    "de": "ein eine einen einem einer eines jeder jede jeden jedem jedes kein keine keinen keinem keiner keines",
    "es": "un una cada ningun ninguna cualquier",
    "pt": "um uma cada nenhum nenhuma qualquer",
    "nl": "een elke ieder geen",
    "pl": "każdy każdego każdemu każdym żaden żadnego żadnemu jakiś jakiegoś jakikolwiek",
    "ru": "каждый каждого каждому каждым любой любого любому любым никакой никакого некий один одного",
    "uk": "кожен кожний кожного будь жоден жодного один",
}.items()}
# Words before a role phrase that make it another office or another holder than the one in the news.
_OTHER_HOLDER = frozenset(fold(w) for w in """
    deputy vice future next new incoming vize
    futur future prochain prochaine nouveau nouvel nouvelle
    futuro futura prossimo prossima nuovo nuova
    stellvertretende stellvertretender stellvertretenden künftige künftiger künftigen nächste nächster nächsten
    neue neuer neuen designierte designierter designierten
    wice przyszły przyszłego przyszłym przyszła następny następnego nowy nowego nowym nowa nowej kolejny kolejnego
    будущий будущего будущему будущим следующий следующего следующим новый нового новому новым новая новой
    заместитель заместителя заместителю заместителем замглавы вице избранный избранного
    майбутній наступний новий нового нова заступник заступника
""".split())
# Words right after a role phrase that make it the holder-to-be: "President-elect", "presidente eletto".
_FUTURE_AFTER = frozenset(
    fold(w) for w in "elect designate designato designata eletto eletta élu élue elekt designiert".split()
)
# Verbs and "as" right before a bare Slavic role phrase that make it a predicate: "został premierem".
_PREDICATIVE = frozenset(fold(w) for w in """
    został została zostało zostanie zostać był była jest będzie być jako mianowany mianowana wybrany wybrana
    стал стала станет стать был была будет быть является являлся являлась как назначен назначена избран избрана
    став буде був була є як обраний обрана призначений призначена
""".split())
# Possessives before a role phrase: "its president", "il suo presidente", "sein Sprecher", "его пресс-секретарь".
_POSSESSIVES = frozenset(fold(w) for w in """
    its his her their our your suo sua suoi sue loro nostro nostra son sa ses leur notre votre
    sein seine seinen seinem seiner ihr ihre ihren ihrem ihrer unser unsere jego jej ich nasz nasza swój swoja
    swojego jego его её ее их наш наша свой своего своей її їх свій своя
""".split())


def _is_cyrillic(word: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in word)


# --- inflection --------------------------------------------------------------------------------

def _ru_forms(word: str, lang: str) -> set[str]:
    """Case forms of a Russian/Ukrainian name token (lower case)."""
    w = word.lower()
    if len(w) < 3:
        return set()
    forms: set[str] = set()
    if w.endswith(("ский", "цкий", "ской", "цкой", "ський", "цький")) or (
        len(w) > 5 and (w.endswith(("ый", "ой")) and w[-3] in "кгхнстшжч" or w.endswith("ий") and w[-3] in "кгхшжч")
    ):  # adjectival surnames; "Евгений", "Арсений" are nouns (Евгения, Арсения)
        stem = w[:-2]
        forms |= {stem + "ого", stem + "ому", stem + "им", stem + "ым", stem + "ом", stem + "ім"}
    elif w.endswith("ий"):
        stem = w[:-1]
        forms |= {stem + "я", stem + "ю", stem + "ем", stem + "и"}
    elif w.endswith(("й", "ь")):
        stem = w[:-1]
        forms |= {stem + "я", stem + "ю", stem + "ем", stem + "е", stem + "єм", stem + "ю"}
    elif w.endswith(("ова", "ева", "ёва", "ина", "ына")):
        # feminine surnames (Захаровой) and nouns (Украины, Украине) share the ending
        stem = w[:-1]
        forms |= {stem + "ой", stem + "у", stem + "ої", stem + "ы", stem + "е", stem + "ою", stem + "і", stem + "и"}
    elif w.endswith("ая"):
        forms |= {w[:-2] + "ой", w[:-2] + "ую"}
    elif w.endswith("ия"):
        forms |= {w[:-1] + "и", w[:-1] + "ю", w[:-1] + "ей"}
    elif w.endswith("я"):
        forms |= {w[:-1] + "и", w[:-1] + "е", w[:-1] + "ю", w[:-1] + "ей", w[:-1] + "і"}
    elif w.endswith("а"):
        stem = w[:-1]
        forms |= {stem + ("и" if stem[-1] in "кгхжшчщ" else "ы"), stem + "е", stem + "у", stem + "ой", stem + "ою",
                  stem + "ей", stem + "і", stem + "и"}
    elif w[-1] in "еёиоуыэюєії":
        return set()
    else:
        forms |= {w + "а", w + "у", w + "е", w + "ом", w + "ем"}
        if w.endswith(("ин", "ын", "ов", "ев", "ёв")):
            forms.add(w + "ым")
        if lang == "uk" or any(ch in w for ch in "іїєґ"):
            forms |= {w + "ові", w + "і", w + "им"}
    return forms


_PL_SOFTEN = (("st", "ście"), ("sn", "śnie"), ("zd", "ździe"), ("ch", "sze"), ("k", "ce"), ("g", "dze"),
              ("r", "rze"), ("d", "dzie"), ("t", "cie"), ("ł", "le"))


def _pl_locative(stem: str) -> str:
    for end, repl in _PL_SOFTEN:
        if stem.endswith(end):
            return stem[: -len(end)] + repl
    return stem + "ie"


def _pl_forms(word: str) -> set[str]:
    """Case forms of a Polish (or Latin-script foreign) name token in Polish text (lower case)."""
    w = word.lower()
    if len(w) < 3:
        return set()
    vowels = "aeiouyąęó"
    if w.endswith(("ski", "cki", "dzki", "sky", "cky")):
        stem = w[:-1]
        return {stem + "iego", stem + "iemu", stem + "im"}
    if w.endswith(("ska", "cka", "dzka")):
        return {w[:-1] + "iej", w[:-1] + "ą"}
    if w.endswith("y") and w[-2] not in vowels:
        return {w[:-1] + "ego", w[:-1] + "emu", w[:-1] + "ym"}
    if w.endswith("a"):
        stem = w[:-1]
        soft = stem.endswith(("j", "l", "i", "c", "cz", "sz", "rz", "ż"))
        genitive = stem + ("i" if stem.endswith(("k", "g")) or soft else "y")
        locative = stem + "i" if soft else _pl_locative(stem)
        return {genitive, locative, stem + "ę", stem + "ą"}
    if w.endswith("i") and w[-2] not in vowels:  # Draghi -> Draghiego, Draghim; Saakaszwili -> Saakaszwilego
        forms = {w + "ego", w + "emu", w + "m"}
        return forms | {w[:-1] + "ego", w[:-1] + "emu"} if w.endswith("li") else forms
    if w.endswith("e") and w[-2] not in vowels:  # Conte -> Contego, Contemu, Contem
        return {w[:-1] + "ego", w[:-1] + "emu", w[:-1] + "em"}
    if w[-1] in vowels:
        return set()
    if w.endswith("eł") and len(w) > 4:  # mobile e: Paweł -> Pawła, Pawłowi, Pawłem, Pawle
        stem = w[:-2] + "ł"
        return {stem + "a", stem + "owi", stem + "em", w[:-2] + "le"}
    if w.endswith(("ek", "ec")) and len(w) > 4:
        stem = w[:-2] + w[-1]
        return {stem + "a", stem + "owi", stem + ("iem" if w.endswith("k") else "em"), stem + "u"}
    forms = {w + "a", w + "owi", w + "u", _pl_locative(w)}
    forms.add(w + ("iem" if w.endswith(("k", "g")) else "em"))
    return forms


def _de_forms(word: str) -> set[str]:
    w = word.lower()
    return set() if len(w) < 3 or w[-1] in "sßxz" else {w + "s"}


def inflect(word: str, lang: str) -> set[str]:
    """Case forms a name token takes in ``lang`` besides its base form (empty for invariant languages).

    Acronyms (all capitals) never inflect here; ``"Путин"`` -> Путина, Путину, Путиным, Путине ...
    """
    if word.isupper() and len(word) > 1:
        return set()
    if lang in ("ru", "uk", "be"):
        return _ru_forms(word, lang) if _is_cyrillic(word) else set()
    if lang == "pl":
        return set() if _is_cyrillic(word) else _pl_forms(word)
    if lang == "de":
        return set() if _is_cyrillic(word) else _de_forms(word)
    return set()


def _adjective_forms(form: str, lang: str) -> set[str]:
    """Inflected forms of a demonym adjective (russische, российского, rosyjskiego...)."""
    w = form.lower()
    forms = {w}
    if lang in ("ru", "uk") and w.endswith(("ий", "ый", "ой", "кий")):
        stem = w[:-2]
        forms |= {stem + e for e in ("ого", "ому", "им", "ым", "ом", "ая", "ой", "ую", "ое", "ие", "ые", "их", "ых",
                                      "а", "у", "ім", "ої", "ою", "е")}
    elif lang == "pl" and w.endswith(("i", "y")):
        stem = w[:-1] if w.endswith("y") else w[:-1]
        forms |= {stem + e for e in ("iego", "iemu", "im", "a", "iej", "ą", "ie", "ich", "ego", "emu", "ym", "ej")}
        forms |= {w[:-1] + e for e in ("ego", "emu", "ym", "a", "ej", "ą", "e")}
    elif lang == "de":
        stem = w[:-1] if w.endswith("e") else w
        forms |= {stem + e for e in ("e", "en", "er", "es", "em")}
    elif lang in ("it", "es"):
        if w[-1] in "oaie":
            forms |= {w[:-1] + e for e in "oaie"}
    elif lang == "fr":
        forms |= {w + "s", w + "e", w + "es"}
    return forms


# --- matcher ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Mention:
    """One resolved mention of a KB actor in a text."""

    actor_id: str
    actor: str
    actor_type: str
    surface: str
    start: int
    end: int
    sentence_id: int
    method: str
    role: str | None
    lang: str | None
    in_kb: bool = True


@dataclass(frozen=True)
class _Entry:
    actor_id: str
    listed: bool      # the path is a listed alias (not only a surname derived from a full name)
    acronym: bool     # all-capital alias: short surfaces must be all capitals too


@dataclass
class _Raw:
    start: int
    end: int
    first: int        # token indexes, inclusive
    last: int
    entries: tuple[_Entry, ...]
    inflected: bool
    method: str | None = None
    actor_id: str | None = None


class ActorMatcher:
    """Find KB actors in texts. Built once from a :class:`KnowledgeBase`, then reused per document."""

    def __init__(self, kb: KnowledgeBase, *, languages: Iterable[str] | None = None, fuzzy_threshold: int = 92,
                 given_names: Iterable[str] | None = None):
        """``given_names``: the given-name gazetteer (default :func:`analysis.names.load_given_names`)."""
        if not 0 <= fuzzy_threshold <= 100:
            raise ValueError(f"fuzzy_threshold must be between 0 and 100, got {fuzzy_threshold}")
        self.kb = kb
        self.fuzzy_threshold = fuzzy_threshold
        actors = kb.actors.set_index("actor_id")
        self._name = actors["actor"].to_dict()
        self._type = actors["actor_type"].to_dict()
        self._country = actors["country"].to_dict()
        alias_langs = sorted(set(kb.aliases["lang"]) | set(kb.roles["lang"]) | set(kb.demonyms["lang"]))
        self.languages = tuple(sorted(set(languages))) if languages is not None else tuple(alias_langs)

        self._trie: dict = {}
        self._own_tokens: dict[str, set[str]] = defaultdict(set)
        self._spellings: dict[str, set[str]] = defaultdict(set)  # folded alias token -> its spellings
        self._given_names: set[str] = set()
        gazetteer = load_given_names() if given_names is None else dict.fromkeys(given_names, frozenset({"kb"}))
        given_locales: dict[str, frozenset[str]] = dict(gazetteer)
        base_tokens: set[str] = set()
        raw_tokens: set[str] = set()
        self._full_aliases: dict[str, list[tuple[str, str]]] = defaultdict(list)  # surname key -> (alias key, id)
        alias_rows = list(zip(kb.aliases["actor_id"].tolist(), kb.aliases["alias"].tolist()))
        for actor_id, alias in alias_rows:
            tokens = _TOKEN_RE.findall(alias)
            if not tokens:
                continue
            acronym = alias.isupper() and len(tokens) == 1
            self._insert([_fold_cached(t) for t in tokens], _Entry(actor_id, True, acronym))
            if self._type[actor_id] == "person" and any(_INITIALS.match(t) for t in tokens[:-1]):
                # "JD Vance" is also written "J.D. Vance", "J. D. Vance"
                split = [_fold_cached(c) for t in tokens[:-1] for c in (t if _INITIALS.match(t) else [t])] \
                    + [_fold_cached(tokens[-1])]
                self._insert(split, _Entry(actor_id, True, False))
            for t in tokens:
                self._spellings[_fold_cached(t)].add(t.lower())
            base_tokens.update(_fold_cached(t) for t in tokens)
            raw_tokens.update(tokens)
            if self._type[actor_id] == "person":
                self._own_tokens[actor_id].update(_fold_cached(t) for t in tokens)
            if self._type[actor_id] == "person" and len(tokens) >= 2:
                surname = self._surname_tokens(tokens)
                if surname and len(surname) < len(tokens) and len("".join(surname)) >= 3:
                    self._insert([_fold_cached(t) for t in surname], _Entry(actor_id, False, False))
                    self._given_names.add(_fold_cached(tokens[0]))
                    given_locales[tokens[0]] = given_locales.get(tokens[0], frozenset()) | {"kb"}
                key = _fold_cached(tokens[-1])
                self._full_aliases[key].append((" ".join(_fold_cached(t) for t in tokens), actor_id))
        self._full_aliases = {k: sorted(set(v)) for k, v in self._full_aliases.items()}
        # surnames by (first letter, length) for the fuzzy look-up; results cached per token
        self._surname_blocks: dict[tuple[str, int], list[str]] = defaultdict(list)
        for key in sorted(self._full_aliases):
            if len(key) >= 4:
                self._surname_blocks[key[0], len(key)].append(key)
        self._close_cache: dict[str, list[str]] = {}

        base_map = {t: (t,) for t in base_tokens}
        self._forms: dict[str | None, dict[str, tuple[str, ...]]] = {None: base_map}
        for lang in set(self.languages) | {"ru", "uk", "pl", "de"}:
            extra: dict[str, set[str]] = defaultdict(set)
            for token in raw_tokens:
                for form in inflect(token, lang):
                    extra[_fold_cached(form)].add(_fold_cached(token))
            if not extra:
                continue
            forms = dict(base_map)
            for form, bases in extra.items():
                forms[form] = tuple(sorted(set(forms.get(form, ())) | bases))
            self._forms[lang] = forms

        self._tenures: dict[str, list[tuple[pd.Timestamp, pd.Timestamp]]] = defaultdict(list)
        self._holders: dict[tuple[str, str], set[str]] = defaultdict(set)  # (role, of) -> everyone who held it
        self._offices: dict[str, list[tuple[str, str, pd.Timestamp, pd.Timestamp]]] = defaultdict(list)
        for actor_id, role, of, start, end in kb.offices[["actor_id", "role", "of", "start", "end"]].itertuples(
                index=False):
            self._tenures[actor_id].append((start, end))
            self._holders[role, of].add(actor_id)
            self._offices[actor_id].append((role, of, start, end))
        self._demonyms: dict[str, str] = {}
        for country, lang, form in zip(*(kb.demonyms[c].tolist() for c in ("country", "lang", "form"))):
            for variant in _adjective_forms(form, lang):
                self._demonyms.setdefault(_fold_cached(variant), country)
        self._role_tries = self._compile_roles(kb.roles)
        self._title_keys = set(_HONORIFICS) | set(self._demonyms) | {
            _fold_cached(t) for phrase in kb.roles["phrase"].tolist() for t in _TOKEN_RE.findall(phrase)
        } | {_fold_cached(t) for words in _CUES.values() for w in words for t in _TOKEN_RE.findall(w)}
        # persons outside the KB
        person_tokens = {k for tokens in self._own_tokens.values() for k in tokens}
        place_tokens = {_fold_cached(t) for actor_id, alias in alias_rows
                        if self._type[actor_id] != "person" for t in _TOKEN_RE.findall(alias)} - person_tokens
        self._not_name = set(_NOT_NAME_WORDS) | _ORG_WORDS | _CAPITALISED_COMMON | self._title_keys | place_tokens
        self._cue_keys = _cue_keys(kb)
        self._compound_titles = tuple(sorted(k for k in self._cue_keys.get("de", ()) | self._title_keys if len(k) >= 4))
        self._de_title_suffixes = tuple(sorted(k for k in self._cue_keys.get("de", ()) if len(k) >= 5))
        self._de_titled_words: set[str] = set()
        self._de_untitled_words: set[str] = set()
        self._given_locales = given_locales
        self._given_cache: dict[str | None, dict[str, tuple[str, ...]]] = {}
        self._trigger_cache: dict[str | None, frozenset[str]] = {}
        self._case_forms_cache: dict[str, dict[str, frozenset[str]]] = {}

    # ----- construction helpers
    def _insert(self, keys: list[str], entry: _Entry) -> None:
        node = self._trie
        for key in keys:
            node = node.setdefault(key, {})
        leaf = node.setdefault(None, [])
        for i, old in enumerate(leaf):
            if old.actor_id == entry.actor_id:
                leaf[i] = _Entry(entry.actor_id, old.listed or entry.listed, old.acronym and entry.acronym)
                return
        leaf.append(entry)

    @staticmethod
    def _surname_tokens(tokens: list[str]) -> list[str]:
        """Surname part of a full name: the last token plus the particles before it ("von der Leyen").

        Empty for names that have no surname: titled names ("pape François", "Queen Elizabeth")
        and regnal names ("Elizabeth II", "Елизавета Вторая").
        """
        if tokens[0][0].islower() or fold(tokens[0]) in _HONORIFICS or any(ch.isdigit() for ch in tokens[-1]) \
                or _ROMAN.match(tokens[-1]) or fold(tokens[-1]) in _ORDINALS or "of" in tokens[1:-1]:
            return []  # "Patriarch Kirill of Moscow", "Elizabeth II": no surname
        i = len(tokens) - 1
        while i > 1 and tokens[i - 1].lower() in _PARTICLES:
            i -= 1
        return tokens[i:]

    @staticmethod
    def _compile_roles(roles: pd.DataFrame) -> dict[str, dict]:
        """Per language, a token trie of the role phrases and their case forms; leaves hold (role, of)."""
        tries: dict[str, dict] = defaultdict(dict)
        for role, of, lang, phrase in roles[["role", "of", "lang", "phrase"]].itertuples(index=False):
            words = phrase.lower().split()
            variants = {tuple(words)}
            if lang in ("ru", "uk", "pl", "de") and words:
                head_forms = inflect(words[0], lang) | (
                    {words[0] + e for e in ("en", "n", "in", "innen")} if lang == "de" else set()
                )
                variants |= {(form, *words[1:]) for form in head_forms}
            target = of if isinstance(of, str) else None
            for variant in variants:
                node = tries[lang]
                for token in _TOKEN_RE.findall(" ".join(variant)):
                    node = node.setdefault(fold(token), {})
                leaf = node.setdefault(None, [])
                if (role, target) not in leaf:
                    leaf.append((role, target))
                    leaf.sort(key=lambda rv: (rv[0], rv[1] or ""))
        return dict(tries)

    # ----- public
    def match(self, text: str, *, lang: str | None, doc_date=None, unlisted_persons: bool = True,
              unlisted_organizations: bool = True, date_precision: str | None = None,
              date_source: str | None = None) -> list[Mention]:
        """Resolved mentions in ``text`` (a document body in language ``lang``), sorted by offset.

        ``unlisted_persons``: also report persons not in the KB (method "discovered"/"surname", in_kb False).
        ``unlisted_organizations``: also report organisations not in the KB (:mod:`analysis.organizations`;
        method "discovered", in_kb False).
        ``date_precision`` ("day", "month", "year"): a role resolves only if one holder held it the whole period.
        ``date_source``: where ``doc_date`` comes from (documents column); "text" marks a date guessed from the
        body, which a person named in the text outweighs when a role phrase is resolved.
        """
        return self.analyse(text, lang=lang, doc_date=doc_date, unlisted_persons=unlisted_persons,
                            unlisted_organizations=unlisted_organizations, date_precision=date_precision,
                            date_source=date_source)[0]

    def analyse(self, text: str, *, lang: str | None, doc_date=None, unlisted_persons: bool = True,
                unlisted_organizations: bool = True, date_precision: str | None = None,
                date_source: str | None = None) -> tuple[list[Mention], list[dict]]:
        """Like :meth:`match`, plus the role phrases and surnames that could not be resolved."""
        rows, unresolved = self._analyse_rows(text, lang=lang, doc_date=doc_date, unlisted_persons=unlisted_persons,
                                              unlisted_organizations=unlisted_organizations,
                                              date_precision=date_precision, date_source=date_source)
        return [Mention(*row) for row in rows], unresolved

    def _analyse_rows(self, text: str, *, lang: str | None, doc_date, unlisted_persons: bool,
                      date_precision: str | None, date_source: str | None = None, unlisted_organizations: bool = True,
                      sentences: list[tuple[int, int]] | None = None) -> tuple[list[tuple], list[dict]]:
        """:meth:`analyse` with each mention as a tuple of the :class:`Mention` fields (cheaper to build);
        ``sentences``: the spans of ``split_sentences(text, lang=lang)`` when the caller has them."""
        if not isinstance(text, str):
            raise ValueError(f"text must be a string, got {type(text).__name__}")
        if date_precision not in _DATE_WINDOWS:
            raise ValueError(f"date_precision must be one of day, month, year or None, got {date_precision!r}")
        date = _as_date(doc_date)
        doc = _Doc(text, lang, date, *_tokens(text))
        doc.date_window = _date_window(date, date_precision)
        doc.date_from_text = date_source == "text"
        found = self._exact(doc)
        found = self._fuzzy(doc, found)
        mentions, unresolved = self._resolve(doc, found)
        roles, pending = self._roles(doc, mentions, found)
        mentions += roles
        names: dict[str, str] = {}
        if unlisted_persons:
            mentions, names = self._unlisted(doc, mentions)
        if pending:
            if sentences is None:
                sentences = split_sentences(text, lang=lang)
            roles, role_unresolved = self._roles_from_context(doc, mentions, pending, sentences)
            mentions += roles
            unresolved += role_unresolved
        organizations: dict[str, str] = {}
        if unlisted_organizations:  # after the roles, whose antecedents they are not
            found_organizations, organizations = self._unlisted_organizations(doc, mentions)
            mentions += found_organizations
        sentence_starts = [0]
        if mentions or unresolved:  # sentences only number what was found
            if sentences is None:
                sentences = split_sentences(text, lang=lang)
            sentence_starts = [s for s, _ in sentences] or [0]
        out = []
        for m in sorted(mentions, key=lambda m: (m.start, m.end, m.actor_id)):
            sid = max(bisect.bisect_right(sentence_starts, m.start) - 1, 0)
            if m.actor_id in names:
                out.append((m.actor_id, names[m.actor_id], "person", text[m.start:m.end], m.start, m.end, sid,
                            m.method, None, lang, False))
                continue
            if m.actor_id in organizations:
                out.append((m.actor_id, organizations[m.actor_id], "organization", text[m.start:m.end], m.start, m.end,
                            sid, m.method, None, lang, False))
                continue
            out.append((m.actor_id, self._name[m.actor_id], self._type[m.actor_id], text[m.start:m.end],
                        m.start, m.end, sid, m.method, m.role, lang, True))
        for u in unresolved:
            u["sentence_id"] = max(bisect.bisect_right(sentence_starts, u["start"]) - 1, 0)
            u["lang"] = lang
        unresolved.sort(key=lambda u: (u["start"], u["end"]))
        return out, unresolved

    # ----- matching passes
    def _exact(self, doc: "_Doc") -> list[_Raw]:
        forms = self._forms.get(doc.lang, self._forms[None])
        keys, raws, n = doc.keys, doc.raws, len(doc.keys)
        trie = self._trie
        found: list[_Raw] = []
        free = 0  # first token not inside an earlier match
        for i in doc.positions(forms.keys() & doc.key_set):
            if i < free or (raws[i][0].islower() and keys[i] not in _PARTICLES):
                continue
            best: tuple[int, list[_Entry], bool] | None = None
            stack = [(i, trie, False)]
            while stack:
                j, node, inflected = stack.pop()
                for base in forms.get(keys[j], ()):
                    child = node.get(base)
                    if child is None:
                        continue
                    infl = inflected or base != keys[j]
                    leaf = child.get(None)
                    # A name may end in a lower-case word when it starts capitalised and spans several
                    # tokens ("Arabie saoudite", "Unione europea", "Parlement européen").
                    if leaf and (not raws[j][0].islower() or (j > i and not raws[i][0].islower())):
                        entries = [e for e in leaf if not (e.acronym and len(raws[j]) <= 3 and not raws[j].isupper())]
                        if entries and (best is None or j > best[0] or (j == best[0] and best[2] and not infl)):
                            best = (j, entries, infl)
                    if j + 1 < n and len(child) > (1 if None in child else 0) and doc.joined(j):
                        stack.append((j + 1, child, infl))
            if best is None:
                continue
            j, entries, infl = best
            found.append(_Raw(doc.starts[i], doc.ends[j], i, j, tuple(entries), infl))
            free = j + 1
        return found

    def _fuzzy(self, doc: "_Doc", found: list[_Raw]) -> list[_Raw]:
        """Replace or add full-name mentions for capitalised runs close to a known full name."""
        if self.fuzzy_threshold >= 100 or not self._full_aliases:
            return found
        covered_multi = set()
        single_at: dict[int, _Raw] = {}
        for r in found:
            if r.last > r.first:
                covered_multi.update(range(r.first, r.last + 1))
            else:
                single_at[r.first] = r
        keys = doc.keys
        new: list[_Raw] = []
        replaced: set[int] = set()
        capitalised = compress(range(len(keys)), map(str.isupper, doc.initials))
        runs: list[tuple[int, int]] = []  # maximal runs of joined capitalised tokens
        for i in capitalised:
            if runs and runs[-1][1] == i - 1 and doc.joined(i - 1):
                runs[-1] = (runs[-1][0], i)
            else:
                runs.append((i, i))
        for i, j in runs:
            if j > i and not any(k in covered_multi for k in range(i, j + 1)):
                best = None
                for last in range(i + 1, j + 1):
                    candidates = self._close_surnames(keys[last])
                    if not candidates:
                        continue
                    for first in range(max(i, last - 2), last):
                        window = " ".join(keys[first:last + 1])
                        for surname in candidates:
                            match = process.extractOne(window, [a for a, _ in self._full_aliases[surname]],
                                                       scorer=fuzz.ratio, score_cutoff=self.fuzzy_threshold)
                            if match is None:
                                continue
                            actor_id = self._full_aliases[surname][match[2]][1]
                            score = (match[1], last - first)
                            if best is None or score > best[0]:
                                best = (score, first, last, actor_id)
                if best is not None:
                    _, first, last, actor_id = best
                    exact = [single_at[k] for k in range(first, last + 1) if k in single_at]
                    if all(any(e.actor_id == actor_id for e in r.entries) for r in exact):
                        replaced.update(r.first for r in exact)
                        new.append(_Raw(doc.starts[first], doc.ends[last], first, last,
                                        (_Entry(actor_id, True, False),), False, "fuzzy", actor_id))
        if not new:
            return found
        kept = [r for r in found if not (r.first == r.last and r.first in replaced)]
        return sorted(kept + new, key=lambda r: r.start)

    def _close_surnames(self, key: str) -> list[str]:
        if key in self._full_aliases:
            return [key]
        if len(key) < 4:
            return []
        cached = self._close_cache.get(key)
        if cached is None:
            block = [s for n in range(len(key) - 2, len(key) + 3) for s in self._surname_blocks.get((key[0], n), ())]
            match = process.extractOne(key, block, scorer=fuzz.ratio, score_cutoff=self.fuzzy_threshold - 8)
            cached = [match[0]] if match else []
            if len(self._close_cache) < 200_000:
                self._close_cache[key] = cached
        return cached

    def _resolve(self, doc: "_Doc", found: list[_Raw]) -> tuple[list["_Resolved"], list[dict]]:
        """Pick the actor of each match.

        A bare name (one token) of a person is kept when the document also names that person in
        full, or when the KB lists it as an alias of exactly one person and it is not an ordinary
        word here; names shared by several KB persons fall back to the one holding an office on the
        document's date. A surname the KB does not list alone needs the full name in the document
        or an office held on its date.
        """
        full_names: set[str] = set()
        for r in found:
            if r.method == "fuzzy":
                full_names.add(r.actor_id)
            elif r.last > r.first and len(r.entries) == 1:
                full_names.add(r.entries[0].actor_id)
        decided: list[tuple[_Raw, _Entry | None, str | None]] = []
        covered = {k for r in found for k in range(r.first, r.last + 1)}
        for r in found:
            if r.method == "fuzzy":
                decided.append((r, _Entry(r.actor_id, True, False), None))
                continue
            persons = [e for e in r.entries if self._type[e.actor_id] == "person"]
            others = [e for e in r.entries if self._type[e.actor_id] != "person" and e.listed]
            if persons and r.last == r.first and not self._marks_fit(doc, r):
                persons = []  # "Völker" is not "Volker"
                if not others:
                    decided.append((r, None, "different diacritics"))
                    continue
            in_doc = [e for e in persons if e.actor_id in full_names]
            if persons and r.last == r.first and not r.method \
                    and self._inside_longer_name(doc, r, covered, {e.actor_id for e in persons}):
                decided.append((r, None, "part of a longer name"))
            elif len(in_doc) == 1:
                decided.append((r, in_doc[0], None))
            elif len(others) == 1 and not in_doc:
                decided.append((r, others[0], None))
            elif r.last > r.first and len(r.entries) == 1:
                decided.append((r, r.entries[0], None))
            elif persons and not others:
                if r.last == r.first and not any(e.listed for e in persons):
                    # A surname derived from a full name ("Müller" of Piotr Müller) names that person
                    # only where the document names them in full or they held an office on its date.
                    holders = [e for e in persons if self._in_office(e.actor_id, doc.date)] \
                        if self._risk(doc, r) != "word" else []
                    decided.append((r, holders[0], None) if len(holders) == 1
                                   else (r, None, "surname without the full name"))
                    continue
                risk = self._risk(doc, r) if r.last == r.first else None
                if len(persons) == 1 and risk is None:
                    decided.append((r, persons[0], None))
                    continue
                holders = [e for e in persons if self._in_office(e.actor_id, doc.date)] if risk != "word" else []
                if not holders and risk is None:
                    # a family name listed as an alias, without a date: the one who held an office
                    # ("Biden" is Joe, not Hunter or Jill)
                    holders = [e for e in persons if e.listed and self._tenures.get(e.actor_id)]
                if len(holders) == 1:
                    decided.append((r, holders[0], None))
                else:
                    decided.append((r, None, f"ambiguous name ({risk or 'several KB persons'})"))
            else:
                decided.append((r, None, "several KB actors"))
        resolved, unresolved = [], []
        for r, choice, note in decided:
            if choice is None:
                unresolved.append({"kind": "name", "surface": doc.text[r.start:r.end], "start": r.start, "end": r.end,
                                   "role": None, "of": None, "candidates": sorted(e.actor_id for e in r.entries),
                                   "reason": note or "ambiguous name"})
                continue
            if r.method == "fuzzy":
                method = "fuzzy"
            elif not choice.listed:
                method = "surname"
            else:
                method = "inflection" if r.inflected else "alias"
            resolved.append(_Resolved(r.start, r.end, choice.actor_id, method, None))
        return resolved, unresolved

    def _inside_longer_name(self, doc: "_Doc", r: _Raw, covered: set[int], actor_ids: set[str]) -> bool:
        """True when a bare name is part of a longer capitalised name of someone else.

        "Hillary Clinton" is not Bill Clinton, "Jean-Michel Darrois" is not Charles Michel and
        "François de Rugy" is not Pope François. Titles ("President Putin"), a neighbouring KB
        mention ("Trump-Putin") and the person's own name tokens, even misspelt ("Путин Владимир",
        "Barach Obama"), do not count.
        In German every noun is capitalised, so there only a known given name before counts.
        """
        own = set().union(*(self._own_tokens.get(a, set()) for a in actor_ids))
        i = r.first

        def foreign(k: int) -> bool:
            raw, key = doc.raws[k], doc.keys[k]
            if not raw[0].isupper() or raw.isupper() or k in covered or key in self._title_keys \
                    or key in _CAPITALISED_COMMON:
                return False
            # the person's own name, possibly misspelt ("Barach Obama")
            return process.extractOne(key, own, scorer=fuzz.ratio, score_cutoff=80) is None

        if i > 0 and doc.joined(i - 1) and foreign(i - 1):
            # A known given name always counts; other capitalised words only inside a sentence
            # (at its start "Yesterday Putin said" is ordinary) and not in German.
            key = doc.keys[i - 1]
            if key in self._given_names or (key in self._given_forms(doc.lang) and not any(
                    t[:1] == key[:1] and fuzz.ratio(key, t) >= 60 for t in own)):  # "Pjotr" for Petro Poroshenko
                return True
            if doc.lang != "de" and not doc.token_starts_sentence(i - 1):
                return True
        k = r.last + 1
        if doc.lang != "de" and k < len(doc.keys) and doc.text[doc.ends[r.last]:doc.starts[k]] == " ":
            if doc.keys[k] in _PARTICLES and k + 1 < len(doc.keys) and doc.joined(k):
                k += 1
            if foreign(k):
                return True
        return False

    def _marks_fit(self, doc: "_Doc", r: _Raw) -> bool:
        """True when every accented letter of a one-word match is also in a KB spelling of that word."""
        raw = doc.raws[r.first].lower()
        marks = {c for c in raw if ord(c) in _FOLD_TABLE and c not in "ё’"}
        if not marks:
            return True
        bases = self._forms.get(doc.lang, self._forms[None]).get(doc.keys[r.first], ())
        allowed = {c for base in bases for spelling in self._spellings.get(base, ()) for c in spelling}
        return marks <= allowed

    def _risk(self, doc: "_Doc", r: _Raw) -> str | None:
        """Why a bare capitalised token may not be the KB person.

        'common': a very common surname (other people carry it); 'word': the same word is written
        in lower case elsewhere in the document ("Conte" and "il conte"), or it is a month/day name.
        """
        key = doc.keys[r.first]
        raw = doc.raws[r.first]
        if key in _COMMON_SURNAMES:
            return "common"
        if (raw.lower() in _CAPITALISED_COMMON and not raw.isupper()) or key in doc.lowercase_keys() \
                or key in _stopwords(doc.lang):
            return "word"
        if doc.lang == "de" and r.first > 0 and doc.keys[r.first - 1] in _DE_DETERMINERS and \
                doc.raws[r.first - 1].islower() and not doc.text.startswith("-", doc.ends[r.first]):
            return "word"  # German nouns are capitalised: "der Kohl", "die Völker"
        if doc.lang == "de" and r.first > 0 and doc.text[doc.ends[r.first - 1]:doc.starts[r.first]] == " " \
                and not any(self._tenures.get(e.actor_id) for e in r.entries) \
                and doc.raws[r.first - 1][0].isupper() and not doc.token_starts_sentence(r.first - 1) \
                and not self._introduces_name(doc.keys[r.first - 1], doc.lang):
            return "word"  # a noun after a noun ("meine Propeller Salami"), not after a title ("CDU-Chef Merz")
        if doc.lang in ("ru", "uk", "pl") and doc.lang in self._forms:
            forms_of = self._case_forms(doc.lang)
            if any(not forms_of[base].isdisjoint(doc.lowercase_keys())
                   for base in self._forms[doc.lang].get(key, ())):
                return "word"  # another case form of it is written in lower case: a common noun
        return None

    def _case_forms(self, lang: str) -> dict[str, frozenset[str]]:
        """Folded KB name token -> all its case forms in ``lang`` (the inverse of ``self._forms[lang]``)."""
        cached = self._case_forms_cache.get(lang)
        if cached is None:
            collected: dict[str, set[str]] = defaultdict(set)
            for form, bases in self._forms[lang].items():
                for base in bases:
                    collected[base].add(form)
            cached = self._case_forms_cache[lang] = {base: frozenset(forms) for base, forms in collected.items()}
        return cached

    def _de_titled(self, keys: set[str]) -> set[str]:
        """The German words among ``keys`` that end in a title ("Innenminister", "CDU-Chef"); each word is
        tested once per matcher (while the memory of tested words is below a bound)."""
        titled = keys & self._de_titled_words
        for key in keys - self._de_untitled_words - self._de_titled_words:
            if key.endswith(self._de_title_suffixes):
                titled.add(key)
                if len(self._de_titled_words) < _MAX_CACHED_WORDS:
                    self._de_titled_words.add(key)
            elif len(self._de_untitled_words) < _MAX_CACHED_WORDS:
                self._de_untitled_words.add(key)
        return titled

    def _introduces_name(self, key: str, lang: str | None) -> bool:
        """A given name or a title word, also at the end of a German compound ("Innenminister", "Parteichef")."""
        return key in self._title_keys or key in self._given_names or key in self._given_forms(lang) \
            or key.endswith(self._compound_titles)

    def _in_office(self, actor_id: str, date: pd.Timestamp | None) -> bool:
        if date is None:
            return False
        return any(start <= date and (pd.isna(end) or date < end) for start, end in self._tenures.get(actor_id, ()))

    def _roles(self, doc: "_Doc", names: list["_Resolved"], found: list[_Raw]) -> tuple[list["_Resolved"], list[dict]]:
        """Role phrases: apposition with a name -> nothing new; else the office-holder on the document's date.

        The phrases the date cannot resolve come back as records for :meth:`_roles_from_context`: the
        unresolved-table row plus ``former`` (a "former"/"then" phrase), ``refers`` (see
        :meth:`_refers_to_one_holder`) and ``within`` (the countries a bare phrase implies, or None).
        """
        trie = self._role_tries.get(doc.lang or "")
        if trie is None:
            return [], []
        text = doc.text
        by_end = sorted(((r.end, r.start, r) for r in names), key=lambda t: (t[0], t[1]))
        by_end = [(end, r) for end, _, r in by_end]
        ends_sorted = [e for e, _ in by_end]
        person_starts = {r.start: r for r in names if self._type[r.actor_id] == "person"}
        place_at_start = {r.start: r for r in names if self._type[r.actor_id] != "person"}
        name_spans = [(r.start, r.end) for r in found]
        named = {r.actor_id for r in names}
        out, unresolved = [], []
        for s, e, entries in self._role_phrases_in(doc, trie):
            if any(a < e and s < b for a, b in name_spans):
                continue
            cue_country, left, right, ext_s, ext_e = self._role_country(doc, s, e, by_end, ends_sorted, place_at_start)
            if self._appositive(doc, left, right, person_starts, by_end, ends_sorted):
                continue
            role, of = self._pick_role(entries, cue_country)
            former = self._preceded_by_former(doc, left)
            record = {"kind": "role", "surface": text[ext_s:ext_e], "start": ext_s, "end": ext_e, "role": role,
                      "of": of, "candidates": [], "former": former,
                      "refers": self._refers_to_one_holder(doc, left, right, person_starts, by_end, ends_sorted,
                                                           bare=of is None),
                      "within": _FEDERAL_COUNTRIES if of is None and doc.lang == "de" and
                      doc.keys[bisect.bisect_left(doc.starts, s)].startswith("bundes") else None}
            if former:
                unresolved.append({**record, "reason": "former office-holder"})
            elif of is None:
                unresolved.append({**record, "reason": "no country"})
            elif doc.date is None:
                unresolved.append({**record, "reason": "no date"})
            else:
                first, last = doc.date_window
                holders = self.kb.office_holders(role, of, first)
                others_named = (named & self._holders.get((role, of), set())) - set(holders)
                if last != first and self.kb.office_holders(role, of, last) != holders:
                    unresolved.append({**record, "candidates": holders,
                                       "reason": "office changed hands in the date's period"})
                elif len(holders) == 1 and others_named and holders[0] not in named:
                    # the date says one holder, the text names another: trust neither (unless the date was
                    # only guessed from the text, see _roles_from_context)
                    unresolved.append({**record, "candidates": holders + sorted(others_named),
                                       "reason": "another holder named in the document"})
                elif len(holders) == 1:
                    out.append(_Resolved(ext_s, ext_e, holders[0], "role", role))
                else:
                    unresolved.append({**record, "candidates": holders,
                                       "reason": "no holder in KB" if not holders else "several holders"})
        return out, unresolved

    def _roles_from_context(self, doc: "_Doc", mentions: list["_Resolved"], pending: list[dict],
                            sentences: list[tuple[int, int]]) -> tuple[list["_Resolved"], list[dict]]:
        """Role phrases the date could not resolve, resolved to a person the document names who held the office.

        A person is *compatible* with a phrase when the KB gives them the phrase's office (of its country or
        organisation; of any, for a bare "the president"): during the document's date period when the date is
        known and not guessed from the text, at any time otherwise; for "former"/"then" phrases, an office they
        had left by the end of that period. The phrase refers to:

        - the compatible person named before it, when there is only one;
        - when several are named before it, the nearest one, if it is named in the phrase's sentence or the
          two before it and no other compatible person is named in the sentence of that nearest mention
          (otherwise two antecedents are equally plausible);
        - when none is named before it, the only compatible person of the whole document, for a phrase with
          a country or organisation ("il premier ungherese ... Orbán"), never for a bare one;
        - never when a person whose offices the KB does not know is named between that mention and the phrase
          in the phrase's own sentence.

        Undated, a person who moved on from the office to a later one of the same country is compatible only
        with "former" phrases (Biden is no longer "the vice-president"). Phrases that do not point at one
        holder are left alone (:meth:`_refers_to_one_holder`). Everything else stays unresolved with its
        reason and the compatible persons as candidates.
        """
        persons = sorted((m.start, m.actor_id) for m in mentions if m.method != "role" and m.actor_id in self._offices)
        # persons whose offices the KB does not know (unlisted ones included): any of them may be the one meant
        unknown = sorted(m.start for m in mentions if m.method != "role" and m.actor_id not in self._offices
                         and self._type.get(m.actor_id, "person") == "person")
        out, unresolved = [], []
        sentence_starts = [s for s, _ in sentences] or [0]
        compatible_cache: dict[tuple, set[str]] = {}
        for record in pending:
            former, refers, within = record.pop("former"), record.pop("refers"), record.pop("within")
            role, of, start = record["role"], record["of"], record["start"]
            if not refers or not persons:
                unresolved.append(record)
                continue
            key = (role, of, former, within)
            compatible = compatible_cache.get(key)
            if compatible is None:
                compatible = {a for _, a in persons if self._compatible(a, role, of, doc, former=former, within=within)}
                compatible_cache[key] = compatible
            before = [(p, a) for p, a in persons if a in compatible and p < start]
            chosen = None
            if not before:
                if of is not None and len(compatible) == 1:
                    chosen = next(iter(compatible))
            else:
                last, chosen = before[-1]
                last_sentence = max(bisect.bisect_right(sentence_starts, last) - 1, 0)
                own_sentence = max(bisect.bisect_right(sentence_starts, start) - 1, 0)
                several = any(a != chosen for _, a in before)
                k = max(bisect.bisect_right(unknown, last), bisect.bisect_left(unknown, sentence_starts[own_sentence]))
                if (several and (own_sentence - last_sentence > _NEAREST_SENTENCES or any(
                        a != chosen and p >= sentence_starts[last_sentence] for p, a in before))) \
                        or (k < len(unknown) and unknown[k] < start):
                    chosen = None
            if chosen is None:
                unresolved.append({**record, "candidates": record["candidates"] or sorted(compatible)})
            else:
                out.append(_Resolved(record["start"], record["end"], chosen, "role", role))
        return out, unresolved

    def _compatible(self, actor_id: str, role: str, of: str | None, doc: "_Doc", *, former: bool,
                    within: frozenset[str] | None = None) -> bool:
        """``actor_id`` held ``role`` (of ``of``; of anything when None, or of one of ``within``) at the time
        the document speaks of: during its date period (a "former" office: left by its end) when the date is
        known and not guessed from the text; otherwise at any time, but no longer the office of someone who
        moved on to a later office of the same country ("former": any tenure that ended)."""
        offices = self._offices.get(actor_id, ())
        first, last = (None, None) if doc.date is None or doc.date_from_text else doc.date_window
        for office_role, office_of, start, end in offices:
            if office_role != role or (of is not None and office_of != of) or (within and office_of not in within):
                continue
            if first is not None:
                if former and not pd.isna(end) and end < last:
                    return True
                if not former and start <= last and (pd.isna(end) or first <= end):
                    return True
            elif pd.isna(end):
                if not former:
                    return True
            elif former or not any(o_of == office_of and o_role != role and o_start >= end
                                   for o_role, o_of, o_start, _ in offices):
                return True
        return False

    def _refers_to_one_holder(self, doc: "_Doc", left: int, right: int, person_starts, by_end, ends_sorted, *,
                              bare: bool) -> bool:
        """False for role phrases that do not name one office-holder of the context:

        generic or counted ("a prime minister", "ogni presidente", "31 Regierungschefs"), another office or
        holder ("deputy prime minister", "the next president", "President-elect"), the office under another
        person ("la secrétaire d'État de Biden", "Obama's secretary of state"), and, for a bare phrase
        (no country), one that belongs to something that is not a country ("president of the club",
        "prezydent miasta", "its president", "prezes PiS"), a predicate ("został premierem") or, in languages
        with articles, one without a definite article or demonstrative ("appointed prime minister",
        "als Präsident").
        """
        text, keys, starts, ends = doc.text, doc.keys, doc.starts, doc.ends
        lang = doc.lang or ""
        k = bisect.bisect_left(starts, right)
        if k < len(starts) and keys[k] in _FUTURE_AFTER and text[right:starts[k]].strip(" -‐‑") == "":
            return False
        if k + 1 < len(starts) and keys[k] in _UNDER and starts[k + 1] in person_starts \
                and text[right:starts[k]].strip() == "" and text[ends[k]:starts[k + 1]].strip(" '’") == "":
            return False
        p = bisect.bisect_right(ends_sorted, left) - 1
        if p >= 0 and self._type[by_end[p][1].actor_id] == "person" and \
                text[by_end[p][1].end:left].strip() in ("'s", "’s", "'", "’"):
            return False
        if bare and k < len(starts) and text[right:starts[k]].strip() == "" and (
                keys[k] in _ROLE_COMPLEMENTS or (doc.raws[k].isupper() and len(doc.raws[k]) >= 2)):
            return False
        definite = _DEFINITE.get(lang)
        indefinite = _INDEFINITE.get(lang, frozenset())
        k = bisect.bisect_left(starts, left) - 1
        gap_end = left
        for step in range(3):
            if k < 0 or text[ends[k]:gap_end].strip(" \u00a0'’") != "":
                break
            key = keys[k]
            if key in _OTHER_HOLDER or key in indefinite or key.isdigit():
                return False
            if bare and (key in _POSSESSIVES or (key == "s" and k > 0 and text[ends[k - 1]:starts[k]] in ("'", "’"))):
                return False
            if bare and step == 0 and lang in _SLAVIC_LANGS and key in _PREDICATIVE:
                return False
            if definite is not None and key in definite:
                return True
            if doc.raws[k][0].isupper():
                break
            gap_end = starts[k]
            k -= 1
        return not bare or definite is None

    @staticmethod
    def _role_phrases_in(doc: "_Doc", trie: dict) -> list[tuple[int, int, list]]:
        """Longest role phrases in the document: (start, end, [(role, of), ...])."""
        keys, n = doc.keys, len(doc.keys)
        found = []
        free = 0
        for i in doc.positions(trie.keys() & doc.key_set):
            if i < free:
                continue
            node = trie[keys[i]]
            best = None
            j = i
            while True:
                if None in node:
                    best = (j, node[None])
                if j + 1 >= n or not doc.phrase_joined(j):
                    break
                node = node.get(keys[j + 1])
                if node is None:
                    break
                j += 1
            if best is None:
                continue
            found.append((doc.starts[i], doc.ends[best[0]], best[1]))
            free = best[0] + 1
        return found

    @staticmethod
    def _pick_role(entries: list[tuple[str, str | None]], cue: str | None) -> tuple[str, str | None]:
        if cue is not None:
            for role, of in entries:
                if of == cue:
                    return role, of
            for role, of in entries:
                if of is None:
                    return role, cue
        for role, of in entries:
            if of is not None:
                return role, of
        return entries[0][0], cue

    def _role_country(self, doc, s, e, by_end, ends_sorted, place_at_start):
        """Country/organisation next to a role phrase and the phrase span extended over adjacent demonyms."""
        text, starts = doc.text, doc.starts
        ext_s, ext_e, cue = s, e, None
        left, right = s, e
        # before: "Russian foreign minister", "der russische Außenminister", "Russia's ..."
        k = bisect.bisect_left(starts, s) - 1
        if k >= 0 and doc.keys[k] in self._demonyms and text[doc.ends[k]:s].strip() == "":
            cue, ext_s, left = self._demonyms[doc.keys[k]], starts[k], starts[k]
        else:
            p = bisect.bisect_right(ends_sorted, s) - 1
            if p >= 0:
                place = by_end[p][1]
                if self._type[place.actor_id] != "person" and _COUNTRY_GAP.match(text[place.end:s]):
                    cue, left = self._of_key(place.actor_id), place.start
        # after: "ministro degli Esteri russo", "министр иностранных дел России", "President of the Russian Federation"
        k = bisect.bisect_left(starts, e)
        steps = 0
        while cue is None and k < len(starts) and steps < 3:
            gap = text[ext_e if steps == 0 else doc.ends[k - 1]:starts[k]]
            if gap.strip(" \u00a0") not in ("", "'", "’"):
                break
            place = place_at_start.get(starts[k])
            if place is not None:
                cue, right = self._of_key(place.actor_id), place.end
                break
            if doc.keys[k] in self._demonyms:
                if steps == 0:
                    cue, ext_e, right = self._demonyms[doc.keys[k]], doc.ends[k], doc.ends[k]
                break
            if not (doc.raws[k].islower() and len(doc.raws[k]) <= 5):
                break
            k += 1
            steps += 1
        return cue, left, right, ext_s, ext_e

    def _of_key(self, actor_id: str) -> str | None:
        if self._type[actor_id] == "country":
            return self._country.get(actor_id)
        return actor_id

    def _appositive(self, doc, left, right, person_starts, by_end, ends_sorted) -> bool:
        """True when the role phrase names the person next to it ("Foreign Minister Sergei Lavrov",
        "Lavrov, the Russian foreign minister") or an unknown capitalised name follows it."""
        text = doc.text
        k = bisect.bisect_left(doc.starts, right)
        if k < len(doc.starts) and _APPOSITION_GAP.match(text[right:doc.starts[k]]) and \
                "\n\n" not in text[right:doc.starts[k]]:
            if doc.starts[k] in person_starts:
                return True
            raw = doc.raws[k]
            if raw[0].isupper() and not raw.isupper() and doc.keys[k] not in _ARTICLES \
                    and doc.keys[k] not in _CAPITALISED_COMMON:
                has_comma = "," in text[right:doc.starts[k]]
                two = k + 1 < len(doc.keys) and doc.raws[k + 1][0].isupper() and doc.joined(k)
                if two or not has_comma:
                    return True
        p = bisect.bisect_right(ends_sorted, left) - 1
        if p >= 0:
            name = by_end[p][1]
            if self._type[name.actor_id] == "person" and _LEFT_APPOSITION_GAP.match(text[name.end:left]):
                return True
        return False

    def _preceded_by_former(self, doc, left) -> bool:
        k = bisect.bisect_left(doc.starts, left) - 1
        while k >= 0 and doc.keys[k] in _ARTICLES:
            k -= 1
        return k >= 0 and doc.keys[k] in _FORMER and left - doc.ends[k] <= 3

    # ----- persons outside the KB
    def _given_forms(self, lang: str | None) -> dict[str, tuple[str, ...]]:
        """Folded given name or case form (Сергея, Jacka) -> its nominative spellings, per language."""
        forms = self._given_cache.get(lang)
        if forms is None:
            collected: dict[str, set[str]] = defaultdict(set)
            for name, locales in self._given_locales.items():
                collected[_fold_cached(name)].add(name)
                if lang in ("ru", "uk", "be", "pl") and inflected_in(lang, locales):
                    for form in inflect(name, lang):
                        collected[fold(form)].add(name)
            forms = {k: tuple(sorted(v)) for k, v in collected.items() if k not in self._not_name}
            self._given_cache[lang] = forms
        return forms

    def _unlisted(self, doc: "_Doc", mentions: list["_Resolved"]) -> tuple[list["_Resolved"], dict[str, str]]:
        """Add persons that are not in the KB; returns all mentions and the names of the new ids."""
        keys, raws, text, n = doc.keys, doc.raws, doc.text, len(doc.keys)
        starts = doc.starts
        blocked = doc.tokens_of(mentions)
        places = doc.tokens_of([m for m in mentions if self._type.get(m.actor_id) != "person"])  # countries, orgs
        given = self._given_forms(doc.lang)
        lowercase = doc.lowercase_keys()
        not_name = self._not_name

        def name_like(k: int) -> bool:
            raw = raws[k]
            if k in blocked or not raw[0].isupper() or keys[k] in not_name:
                return False
            if len(raw) == 1:  # an initial ("John F. Kennedy")
                return k + 1 < n and text[doc.ends[k]:starts[k + 1]] in (".", ". ")
            if not raw.isalpha() or raw.isupper():
                return False
            # capitals inside a word only in "McCullough", "DiCaprio"...; not in "JoKim" (words run together)
            return raw[1:].islower() or raw.startswith(_INNER_CAPITAL_PREFIXES)

        def given_at(k: int) -> bool:
            """A given name here: listed, not a common word of this document, accents as listed."""
            if keys[k] not in given or keys[k] in lowercase or not name_like(k):
                return False
            marks = {c for c in raws[k].lower() if ord(c) in _FOLD_TABLE}
            # a case form may add letters ("Annę" of Anna), a listed spelling may not ("Völker" is no Volker)
            return not marks or any(fold(name) != keys[k] or marks <= set(name.lower()) for name in given[keys[k]])

        spans: list[list[int]] = []  # token indexes of each name
        taken: set[int] = set()
        honorific_only: set[int] = set()  # "Mr Smith": a surname seen only after an honorific
        cue_keys = self._cue_keys.get(doc.lang or "", set())
        triggers = self._trigger_cache.get(doc.lang)
        if triggers is None:
            triggers = self._trigger_cache[doc.lang] = frozenset(given) | cue_keys | _SURNAME_HONORIFICS
        candidates = doc.positions(triggers & doc.key_set)
        cues = [k for k in candidates if keys[k] in cue_keys or keys[k] in _SURNAME_HONORIFICS]
        if doc.lang == "de":  # compound titles: "Innenminister", "CDU-Chef", "Bundeskanzlerin"
            cues = sorted(set(cues) | set(doc.positions(self._de_titled(doc.key_set))))
        for c in cues:
            honorific = keys[c] in _SURNAME_HONORIFICS
            if (len(raws[c]) == 1 and raws[c] != "M") or c in blocked:
                continue
            a = c + 1  # the name may follow after title words: "il ministro degli Esteri ucraino Dmytro Kuleba"
            while a < n and a <= c + 6:
                gap = text[doc.ends[a - 1]:starts[a]]
                if "\n" in gap or any(p in gap for p in ",;:!?()[]\"«»“”") or ("." in gap and not (
                        honorific and a == c + 1)):
                    a = n
                    break
                if name_like(a):
                    break
                if not ((keys[a] in self._title_keys and len(keys[a]) >= 4) or keys[a] in _ARTICLES or a in places):
                    a = n
                    break
                a += 1
            if a >= n or a in taken:
                continue
            tokens = self._name_span(doc, a, name_like)
            later_given = [i for i, t in enumerate(tokens) if i and keys[t] in given]
            if tokens and keys[a] not in given and later_given:
                # "президента Гаити Франсуа Дювалье": the name starts at the given name
                tokens = tokens[later_given[0]:] if len(tokens) - later_given[0] >= 2 else []
                a = tokens[0] if tokens else a
            if not tokens or any(t in taken for t in tokens):
                continue
            if len(tokens) == 1:
                # "Herr Müller", "pana Kurskiego"; not "pani Agnieszka" (a given name). After a title
                # ("Innenminister Karner") only where no genitive follows titles, and when the name recurs.
                adjacent = a == c + 1 and (doc.lang == "de" or doc.lang not in _GENITIVE_LANGS)
                followed = a + 1 < n and doc.joined(a) and raws[a + 1][0].isupper()  # "President Barach Obama"
                if keys[a] in given or followed or not (honorific or (
                        adjacent and self._recurs(doc, a, tokens) and keys[a] not in lowercase)):
                    continue
                if honorific:
                    honorific_only.add(a)
            elif not given_at(a) and not honorific and doc.lang in _GENITIVE_LANGS \
                    and not self._recurs(doc, tokens[-1], tokens):
                continue  # "президента Египта Хосни ...": there an unknown first word needs its surname again
            spans.append(tokens)
            taken.update(tokens)
        for a in candidates:
            if a in taken or not given_at(a):
                continue
            tokens = self._name_span(doc, a, name_like)
            if tokens == [a] and a + 1 < n and _REGNAL.match(raws[a + 1]) and doc.text[doc.ends[a]:starts[a + 1]] == " " \
                    and a + 1 not in blocked:
                tokens = [a, a + 1]  # "George III", "Louis XIV"
            if len(tokens) < 2 or any(t in taken for t in tokens):
                continue
            spans.append(tokens)
            taken.update(tokens)
        if not spans:
            return mentions, {}
        return self._group_unlisted(doc, mentions, spans, given, name_like, honorific_only)

    def _recurs(self, doc: "_Doc", k: int, span: list[int]) -> bool:
        """True when token k (a surname) or a case form of it occurs again outside ``span``."""
        stem = doc.keys[k][:max(4, len(doc.keys[k]) - 3)]
        return any(abs(len(doc.keys[j]) - len(doc.keys[k])) <= 3 and j not in span and doc.raws[j][0].isupper()
                   for j in compress(range(len(doc.keys)), map(str.startswith, doc.keys, repeat(stem))))

    def _name_span(self, doc: "_Doc", a: int, name_like) -> list[int]:
        """Tokens of the name starting at token a: up to 4 joined name-like tokens and particles."""
        keys, raws, text, n = doc.keys, doc.raws, doc.text, len(doc.keys)
        stopwords = _stopwords(doc.lang)
        tokens = [a]
        particle_at: set[int] = set()
        j = a
        while len([t for t in tokens if not raws[t].islower()]) < 4 and j + 1 < n:
            gap = text[doc.ends[j]:doc.starts[j + 1]]
            if not (gap in _NAME_GAPS_ALL or (len(raws[j]) == 1 and gap in (".", ". "))):
                break
            if doc.lang == "de" and len(tokens) >= 2 and raws[j].endswith("s") and gap == " ":
                break  # a genitive ends the name: "Simon Piranis Artikel"
            k = j + 1
            particles = _particles_after(keys[j] if j in particle_at else None)
            # capitalised particles only right after the given name ("Luigi Di Maio", "Bruno Le Maire")
            if keys[k] in particles and k + 1 < n and (raws[k].islower() or (raws[k].istitle() and len(tokens) == 1)):
                follow = text[doc.ends[k]:doc.starts[k + 1]]
                if follow in _NAME_GAPS_ALL and (name_like(k + 1) or keys[k + 1] in _particles_after(keys[k])):
                    tokens.append(k)  # "von der Leyen", "de Gaulle", "Di Maio", "Le Maire"
                    particle_at.add(k)
                    j = k
                    continue
                if raws[k].islower():
                    break
            if not name_like(k) or (len(raws[k]) > 1 and keys[k] in stopwords):
                break
            tokens.append(k)
            j = k
            if tokens[-2] in particle_at:
                break  # the surname after particles ends the name ("Ursula von der Leyen")
        while tokens and (len(raws[tokens[-1]]) == 1 or tokens[-1] in particle_at):
            tokens.pop()
        if not tokens or (len(tokens) > 1 and not any(
                " " in text[doc.ends[t]:doc.starts[t + 1]] or "\u00a0" in text[doc.ends[t]:doc.starts[t + 1]]
                for t in tokens[:-1])):
            return []  # "Emilia-Romagna": a hyphenated word, not a given name and a surname
        last = tokens[-1]
        k = last + 1
        if k < n and text[doc.ends[last]:doc.starts[k]] in (" ", "-") and keys[k] in _ORG_WORDS \
                and raws[k][0].isupper():
            return []  # named after a person: "Konrad-Adenauer-Stiftung", "John Hopkins University"
        if a > 0 and keys[a - 1] in _PLACE_BEFORE and text[doc.ends[a - 1]:doc.starts[a]].strip(" .") == "":
            return []  # "via Giuseppe Garibaldi", "улица Ленина"
        return tokens

    def _group_unlisted(self, doc: "_Doc", mentions: list["_Resolved"], spans: list[list[int]],
                        given: dict[str, tuple[str, ...]], name_like,
                        honorific_only: set[int]) -> tuple[list["_Resolved"], dict[str, str]]:
        """One person per name and its surname mentions; the fullest base form names the person.

        A name seen only after an honorific ("Mr. Brexit") is not looked for bare: honorifics also
        make nicknames of common nouns, and the press repeats the honorific with a real surname.
        """
        keys, raws, text, lang = doc.keys, doc.raws, doc.text, doc.lang
        doc_keys = doc.key_set
        persons: list[dict] = []  # names (base forms as written), given name key, spans, surname case forms
        by_surname: dict[str, list[int]] = defaultdict(list)
        for tokens in sorted(spans, key=lambda span: (len(span) == 1, span[0])):
            words = [raws[t] for t in tokens]
            after = tokens[-1] + 1
            if lang == "de" and len(words) > 1 and words[-1].endswith("s") and after < len(keys) and \
                    raws[after][0].isupper() and text[doc.ends[tokens[-1]]:doc.starts[after]] == " ":
                words[-1] = words[-1][:-1]  # genitive before its noun: "Leo Gabriels Bericht"
            if len(tokens) == 1:  # "Mr Swadling", "pana Kurskiego": the surname of a full name if there is one
                owners = [p for p in persons if keys[tokens[0]] in p["surname_forms"]]
                if len(owners) == 1:
                    owners[0]["spans"].append((doc.starts[tokens[0]], doc.ends[tokens[0]], "surname"))
                    continue
            base = _base_name(words, [keys[t] for t in tokens], lang, given, doc_keys, self._given_locales)
            display = _join_name(text, doc, tokens, base)
            surname = fold(base[-1])
            match = [p for p in by_surname.get(surname, ()) if persons[p]["given"] in (None, fold(base[0]))
                     or len(tokens) == 1]
            if match and len(set(match)) == 1:
                p = match[0]
            else:
                p = len(persons)
                persons.append({"names": [], "given": None, "spans": [], "surname_forms": {surname},
                                "honorific_only": True})
                by_surname[surname].append(p)
            person = persons[p]
            person["honorific_only"] &= len(tokens) == 1 and tokens[0] in honorific_only
            if len(base) > 1 and person["given"] is None:
                person["given"] = fold(base[0])
                for q in list(by_surname[surname]):
                    # a surname-only person ("Herr Müller") joins the full name
                    if q != p and persons[q]["given"] is None and persons[q]["spans"]:
                        person["spans"] += persons[q]["spans"]
                        person["names"] += persons[q]["names"]
                        persons[q]["spans"] = []
            person["names"].append(display)
            person["spans"].append((doc.starts[tokens[0]], doc.ends[tokens[-1]],
                                    "discovered" if len(tokens) > 1 else "surname"))
            person["surname_forms"] |= {fold(f) for f in inflect(base[-1], lang or "")} | {keys[tokens[-1]]}
            if lang == "de":
                person["surname_forms"].add(surname + "s")
        persons = [p for p in persons if p["spans"]]
        form_owner: dict[str, set[int]] = defaultdict(set)
        for i, p in enumerate(persons):
            for form in p["surname_forms"]:
                form_owner[form].add(i)
        in_span = {s for p in persons for s, _, _ in p["spans"]}
        covered = [(s, e) for p in persons for s, e, _ in p["spans"]]
        lowercase = doc.lowercase_keys()
        multi_token_kb = {m.actor_id for m in mentions if " " in text[m.start:m.end] or m.method in ("fuzzy", "role")}
        kept = []
        for m in mentions:
            # A KB person's bare surname when the document names only an unlisted person with it ("Leo Gabriel
            # ... Gabriel"): always for a surname derived from a full name, for one the KB lists as an alias
            # ("Medvedev") only after the unlisted person's full name.
            if self._type.get(m.actor_id) == "person" and m.actor_id not in multi_token_kb and m.method != "role":
                k = bisect.bisect_left(doc.starts, m.start)
                owners = form_owner.get(keys[k], set()) if k < len(keys) and doc.ends[k] == m.end else set()
                if len(owners) == 1:
                    owner = persons[next(iter(owners))]
                    first = min(s for s, _, method in owner["spans"] if method == "discovered") \
                        if any(method == "discovered" for _, _, method in owner["spans"]) else len(text)
                    if m.method == "surname" or first < m.start:
                        owner["spans"].append((m.start, m.end, "surname"))
                        continue
            kept.append(m)
        for k in doc.positions(form_owner.keys() & doc.key_set):
            owners = form_owner[keys[k]]
            if len(owners) != 1 or doc.starts[k] in in_span or not name_like(k) or keys[k] in lowercase \
                    or persons[next(iter(owners))]["honorific_only"]:
                continue
            if any(s <= doc.starts[k] < e for s, e in covered):
                continue
            if k + 1 < len(keys) and doc.joined(k) and name_like(k + 1):
                continue  # part of another name
            if k > 0 and doc.joined(k - 1) and keys[k - 1] in given and not raws[k - 1].isupper():
                continue  # another given name: another person
            persons[next(iter(owners))]["spans"].append((doc.starts[k], doc.ends[k], "surname"))
        names: dict[str, str] = {}
        for p in persons:
            counts = Counter(p["names"])
            actor = max(counts, key=lambda name: (len(name.split()), len(name), counts[name], name))
            actor_id = person_slug(actor)
            names[actor_id] = actor
            kept += [_Resolved(s, e, actor_id, method, None) for s, e, method in p["spans"]]
        return kept, names

    @staticmethod
    def _unlisted_organizations(doc: "_Doc", mentions: list["_Resolved"]) -> tuple[list["_Resolved"], dict[str, str]]:
        """Organisations that are not in the KB (:mod:`analysis.organizations`), outside the mentions found;
        returns their mentions and the names of their ids."""
        heads = _ORGANIZATION_HEAD_KEYS.get(doc.lang)
        heads_at = [k for k in doc.positions(heads & doc.key_set) if doc.raws[k].lower() in HEAD_WORDS[doc.lang]] \
            if heads else []
        if not heads_at:
            return [], {}
        found = find_organizations(doc.text, doc.lang, doc.starts, doc.ends, doc.raws, heads_at=heads_at,
                                   taken=doc.tokens_of(mentions).__contains__, starts_sentence=doc.token_starts_sentence)
        names = {person_slug(name): name for _, _, name in found}
        return [_Resolved(s, e, person_slug(name), "discovered", None) for s, e, name in found], names


@dataclass
class _Resolved:
    start: int
    end: int
    actor_id: str
    method: str
    role: str | None


class _Doc:
    __slots__ = ("text", "lang", "date", "date_window", "date_from_text", "starts", "ends", "raws", "keys", "key_set",
                 "initials", "_lowercase")

    def __init__(self, text, lang, date, starts, ends, raws, keys):
        self.text, self.lang, self.date = text, lang, date
        self.date_window = (date, date)
        self.date_from_text = False
        self.starts, self.ends, self.raws, self.keys = starts, ends, raws, keys
        self.key_set = set(keys)
        self.initials = list(map(text.__getitem__, starts))  # first character of each token
        self._lowercase: set[str] | None = None

    def positions(self, wanted: set[str]) -> list[int]:
        """Indexes of the tokens whose key is in ``wanted`` (best a small subset of ``key_set``)."""
        return list(compress(range(len(self.keys)), map(wanted.__contains__, self.keys))) if wanted else []

    def tokens_of(self, mentions: Iterable["_Resolved"]) -> set[int]:
        """Indexes of the tokens inside the given mentions."""
        starts, n = self.starts, len(self.starts)
        inside: set[int] = set()
        for m in mentions:
            k = bisect.bisect_left(starts, m.start)
            while k < n and starts[k] < m.end:
                inside.add(k)
                k += 1
        return inside

    def lowercase_keys(self) -> set[str]:
        """Keys of the tokens written in lower case (computed once, on first use)."""
        if self._lowercase is None:
            self._lowercase = set(compress(self.keys, map(str.islower, self.initials)))
        return self._lowercase

    def joined(self, j: int) -> bool:
        """True when token j and j+1 can belong to one name (space, hyphen, apostrophe or initial's dot)."""
        gap = self.text[self.ends[j]:self.starts[j + 1]]
        if gap in (" ", "-", "\u00a0", "'", "’", "‐", "‑"):
            return True
        return gap in (". ", ".") and len(self.raws[j]) == 1 and self.raws[j].isupper()

    def token_starts_sentence(self, k: int) -> bool:
        """True when token k is the first word of a sentence, a line or a quotation."""
        return _starts_sentence(self.text, self.starts[k])

    def phrase_joined(self, j: int) -> bool:
        """True when token j and j+1 can belong to one role phrase (white space, hyphen or apostrophe)."""
        gap = self.text[self.ends[j]:self.starts[j + 1]]
        return len(gap) <= 3 and gap.strip() in ("", "-", "'", "’", "‐", "‑") and gap.count("\n") < 2



# Head nouns of organisation names by language, folded like token keys (to find them with a set intersection).
_ORGANIZATION_HEAD_KEYS = {lang: frozenset(map(fold, words)) for lang, words in HEAD_WORDS.items()}
# Nouns of organisations and places that are capitalised next to a person's name
# ("Konrad-Adenauer-Stiftung", "John Hopkins University") or that are no name at all ("Christian Democrats").
_ORG_WORDS = frozenset(fold(w) for w in """
    foundation institute university college school hospital street square avenue road bridge station airport
    prize award cup league club fund trust journal review magazine radio channel center centre museum hotel
    church cathedral palace castle tower park hall island islands river lake valley forest gate media holdings
    airlines motors democrats democratic republicans socialists conservatives liberals greens labour tories
    administration doctrine plan act law treaty report memorial stadium arena street avenue jr sr
    fondazione istituto scuola ospedale via piazza premio coppa museo teatro stadio aeroporto ponte
    fondation institut école hôpital rue place avenue boulevard prix coupe musée théâtre stade aéroport pont
    lycée collège stiftung institut schule klinik krankenhaus straße strasse platz allee preis pokal museum
    theater stadion flughafen brücke gymnasium haus kaserne fundacja instytut szkoła szpital ulica plac aleja
    nagroda puchar muzeum teatr stadion lotnisko most liceum фонд институт школа больница улица площадь проспект
    премия кубок музей театр стадион аэропорт мост
    militare militaire militär military harbour harbor agreement eye rising show district authority chor
    north south east west nord sud est ovest ost süd west północ południe wschód zachód север юг восток запад
    sociedad limitada decreto rep reps sen gov gen col lt sgt capt atty
""".split())
# Words before a name that make it the name of a street, prize or saint
_PLACE_BEFORE = frozenset(fold(w) for w in """
    via piazza corso viale largo rue place avenue boulevard quai ulica ul plac aleja osiedle улица ул проспект
    площадь переулок saint sankt san santa santo st ste sainte aeroporto aéroport lotnisko fondazione fondation
    stiftung fundacja institut istituto premio prix preis nagroda
""".split())
# Titles after which a surname alone is a person ("Herr Müller", "Mr Swadling", "pani Nowak")
_SURNAME_HONORIFICS = frozenset(fold(w) for w in """
    mr mrs ms miss dr herr frau signor signora sig monsieur madame mme mlle m pan pani panią panem pana
    господин госпожа господина госпожи
""".split())
_NAME_GAPS_ALL = (" ", "\u00a0", "-", "‐", "‑", "'", "’")
# Languages where capitalised genitives (of places, parties) follow titles: "президента Египта", "Präsident Frankreichs"
_GENITIVE_LANGS = frozenset({"de", "ru", "uk", "be", "pl", "cs", "sk", "bg", "sr", "hr", "sl"})
_INNER_CAPITAL_PREFIXES = ("Mc", "Mac", "Fitz", "De", "Di", "Da", "Del", "La", "Le", "Van", "Von", "O", "D", "L")
# Lower-case particles inside a name, by the word before them (None: after a capitalised word).
_NAME_PARTICLES = {
    None: frozenset("von van de di da del della dos du bin ibn al el ter ten".split()),
    "von": frozenset("der dem den zu".split()), "van": frozenset("der den de".split()),
    "de": frozenset("la los las".split()), "zu": frozenset(), "al": frozenset(), "el": frozenset(),
}


def _particles_after(previous: str | None) -> frozenset[str]:
    """Particles that may follow ``previous`` (a particle, or None after a capitalised name word)."""
    return _NAME_PARTICLES.get(previous, frozenset())
_BASE_ENDINGS = {
    "ru": ("", "а", "я", "й", "ь", "ий", "ый", "ой", "ая", "ия"),
    "pl": ("", "a", "i", "y", "ek", "ec", "k", "g", "d", "t", "r", "ł", "da", "ta", "ra", "ka", "ga", "ła", "sa",
           "za", "na", "ch", "st", "sn", "zd", "cha"),
}
_IMPOSSIBLE_RU = re.compile("[ьъ][ьъй]")
_MALE_OBLIQUE = {"pl": r"(?:[^aeiouyąęó]a|iego|ego|owi|em)$", "ru": r"(?:[^аеёиоуыэюя]а|ого|ому|ым|ом)$"}
_FEMALE_SURNAME = {"ru": ("ая", "ова", "ева", "ёва", "ина", "ына"), "pl": ("ska", "cka", "dzka", "owa", "ówna", "ewa")}
# Endings only a case form of a man's surname has (instrumental, genitive/dative of adjectival surnames): never a
# nominative, unlike a consonant plus -a ("Летта", "Solana").
_CLEAR_MALE_OBLIQUE = {"ru": ("ом", "ым", "ого", "его", "ому", "ему"), "pl": ("owi", "ego")}
# Foreign surnames ending in these vowels do not decline ("Анджелиной Джоли", "Angeliny Jolie").
_INVARIANT_ENDINGS = {"ru": ("и", "е", "о", "у", "ю", "э"), "pl": ("i", "e", "o", "u")}


@functools.lru_cache(maxsize=65536)
def _surname_bases(word: str, lang: str) -> tuple[str, ...]:
    """Nominative forms of which ``word`` (a case form of a surname) is an inflection, closest first."""
    family = "ru" if lang in ("ru", "uk", "be") else lang
    endings = _BASE_ENDINGS.get(family)
    if not endings:
        return ()
    lower = word.lower()
    found: dict[str, tuple[int, int]] = {}
    for cut in range(1, min(4, len(lower) - 2) + 1):
        for add in endings:
            candidate = lower[:-cut] + add
            if family == "pl" and candidate.endswith("e"):
                continue  # Batorego, Augustem are Batory, August far more often than a foreign Batore, Auguste
            if candidate != lower and not _IMPOSSIBLE_RU.search(candidate) and lower in inflect(candidate, lang):
                # the bare stem first (Кляйном: Кляйн), then the usual adjectival surname (Сатановского:
                # Сатановский rather than Сатановской; Петровскую: Петровская, not Петровскуя)
                rank = 0 if not add else 1 if add in ("ий", "ый", "ая", "i", "y") else 2
                found.setdefault(word[:-cut] + add, (rank, cut))
    return tuple(sorted(found, key=lambda shown: found[shown]))


def _base_name(words: list[str], keys: list[str], lang: str | None, given: dict[str, tuple[str, ...]],
               doc_keys: set[str], locales: dict[str, frozenset[str]]) -> list[str]:
    """Nominative form of a name's tokens in Russian, Ukrainian and Polish ("Сергея Кургиняна" -> "Сергей
    Кургинян", "Jacka Kurskiego" -> "Jacek Kurski"); German genitive -s dropped when the bare form occurs."""
    out = list(words)
    if lang == "de":
        if len(words) > 1 and words[-1].endswith("s") and fold(words[-1][:-1]) in doc_keys:
            out[-1] = words[-1][:-1]
        return out
    if lang not in ("ru", "uk", "be", "pl") or len(words) < 2:
        return out
    family = "ru" if lang != "pl" else "pl"
    own = ("pl_",) if family == "pl" else ("ru_", "uk_", "hand")

    def native(name: str) -> bool:
        return any(loc.startswith(own) for loc in locales.get(name, ()))

    def preferred(names, surface: str) -> list[str]:
        """Own language first, then the spelling closest to the document's (Mikołaja: Mikołaj, not Mikolaj)."""
        def shared(b: str) -> int:
            return next((i for i, (x, y) in enumerate(zip(b.lower(), surface.lower())) if x != y), len(b))
        return sorted(names, key=lambda b: (not native(b), -shared(b), -len(b), b))

    bases = given.get(keys[0], ())
    nominative = [b for b in bases if fold(b) == keys[0]]
    inflected = preferred((b for b in bases if fold(b) != keys[0]), words[0])
    if inflected and not nominative and all(w.isupper() for w in words[1:]):
        return [_spelt_as(inflected[0], words[0]), *words[1:]]  # "Piotra II" -> "Piotr II"
    last_bases = _surname_bases(words[-1], lang)
    if not inflected and nominative and last_bases and all(w[:1].isupper() for w in words[1:]):
        # a given name that does not decline ("Хью", "Ежи", "Харуки") leaves only the surname to go back to its
        # nominative: the form the document also uses ("Ежи Бузека", "Ежи Бузек"), else one a clear case ending gives
        in_doc = [c for c in last_bases if fold(c) in doc_keys]
        if in_doc or words[-1].lower().endswith(_CLEAR_MALE_OBLIQUE[family]):
            out[-1] = (in_doc or last_bases)[0]
        return out
    if not inflected or not last_bases:
        return out
    if nominative and any(native(b) for b in nominative) and not any(native(b) for b in inflected):
        return out  # "Helena Dalli", not the genitive of "Helen"
    if nominative and not any(fold(b) in doc_keys for b in last_bases) and (
            words[-1].lower().endswith(_FEMALE_SURNAME[family])
            or not re.search(_MALE_OBLIQUE[family], words[-1].lower())):
        return out  # without evidence, "Helena Dalli" stays; "Adriana Zandberga" is Adrian Zandberg's genitive
    first = next((b for b in inflected if fold(b) in doc_keys), inflected[0])
    female = fold(first).endswith(("a", "а", "я"))
    out[0] = _spelt_as(first, words[0])
    for i in range(1, len(words)):
        if words[i].islower() or words[i].isupper():  # particles, initials, regnal numbers ("Piotra II")
            continue
        middle = preferred((b for b in given.get(keys[i], ()) if fold(b) != keys[i]), words[i])
        if middle and i < len(words) - 1:
            out[i] = _spelt_as(middle[0], words[i])  # a second given name: "Jana Pawła" -> "Jan Paweł"
            continue
        candidates = _surname_bases(words[i], lang)
        if not candidates:
            continue
        in_doc = [c for c in candidates if fold(c) in doc_keys]
        fitting = [c for c in candidates if fold(c).endswith(("a", "а", "я")) == female]
        # no base of the given name's gender: a clear case ending still goes ("Nikicie Paninowi": Nikita is
        # male), other words are invariant ("Джона Донохью")
        oblique = re.search(_MALE_OBLIQUE[family], words[i].lower())
        if female and not in_doc and not oblique and words[i].lower().endswith(_INVARIANT_ENDINGS[family]) and not any(
                c.lower().endswith(_FEMALE_SURNAME[family]) for c in fitting):
            continue  # "Анджелиной Джоли": no "Джоля"; "Анну Смирнову" still goes to "Смирнова"
        out[i] = (in_doc or fitting or (candidates if oblique else [words[i]]))[0]
    return out


def _spelt_as(base: str, surface: str) -> str:
    """``base`` with the letters of the document's ``surface`` when it begins with it ("Boleslaw",
    "Bolesława" -> "Bolesław")."""
    head = surface[:len(base)]
    return head if len(head) == len(base) and fold(head) == fold(base) else base


def _join_name(text: str, doc: "_Doc", tokens: list[int], words: list[str]) -> str:
    """Name written with the document's separators between its (base form) words."""
    parts = [words[0]]
    for (a, b), word in zip(zip(tokens, tokens[1:]), words[1:]):
        parts.append(text[doc.ends[a]:doc.starts[b]].replace("\u00a0", " "))
        parts.append(word)
    return "".join(parts)


@functools.lru_cache(maxsize=None)
def _stopwords(lang: str | None) -> frozenset[str]:
    """Folded stopwords of a language (stopwordsiso); empty for an unknown language."""
    if not lang:
        return frozenset()
    import stopwordsiso

    return frozenset(fold(w) for w in stopwordsiso.stopwords(lang)) if stopwordsiso.has_lang(lang) else frozenset()


def _starts_sentence(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t\u00a0\"'“”„«»‘’([—–-":
        i -= 1
    return i < 0 or text[i] in ".!?…:;\n"


_DATE_WINDOWS = {None: None, "day": None, "month": pd.offsets.MonthEnd(0), "year": pd.offsets.YearEnd(0)}


@functools.lru_cache(maxsize=4096)
def _date_window(date: pd.Timestamp | None, precision: str | None) -> tuple:
    """First and last day the document's date may stand for ("month": the whole month)."""
    offset = _DATE_WINDOWS.get(precision)
    if date is None or offset is None:
        return date, date
    first = date.replace(day=1) if precision == "month" else date.replace(month=1, day=1)
    return first, first + offset


def _as_date(value) -> pd.Timestamp | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    day = pd.Timestamp(value)
    return (day.tz_localize(None) if day.tzinfo is not None else day).normalize()


# --- documents --------------------------------------------------------------------------------

_CACHED_GIVEN_FORMS: tuple[str, ...] = config.DEFAULT_LANGUAGES  # given-name forms stored with a cached matcher
_KEPT_MATCHERS = 8


@functools.lru_cache(maxsize=4)
def _matcher(kb: KnowledgeBase, fuzzy_threshold: int) -> ActorMatcher:
    """One compiled matcher per knowledge base and threshold (the KB is immutable and hashed by identity).

    A matcher of a KB read from files is kept as a pickle in the cache folder, keyed by the KB's
    content, the threshold, the package's code and the given-name list: each stage runs in a
    fresh process, and loading takes a fifth of the building time.
    """
    cached = _matcher_cache_file(kb, fuzzy_threshold)
    if cached is not None:
        try:
            matcher = pickle.loads(cached.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
            pass  # not cached yet, or written by an incompatible version of a library
        else:
            matcher.kb = kb
            return matcher
    matcher = ActorMatcher(kb, fuzzy_threshold=fuzzy_threshold)
    if cached is not None:
        for lang in _CACHED_GIVEN_FORMS:
            matcher._given_forms(lang)
        try:
            io.write_bytes(pickle.dumps(matcher, protocol=pickle.HIGHEST_PROTOCOL), cached)
            _remove_old_matchers(cached.parent, keep=_KEPT_MATCHERS)
        except OSError as error:
            log.debug("actor matcher not cached: %s", error)
    return matcher


def _remove_old_matchers(folder: Path, *, keep: int) -> None:
    """Matchers of earlier versions of the code or the KB are never read again (9 MB each): keep the newest."""
    files = sorted(folder.glob("*.pickle"), key=lambda path: path.stat().st_mtime_ns, reverse=True)
    for old in files[keep:]:
        old.unlink(missing_ok=True)


def _matcher_cache_file(kb: KnowledgeBase, fuzzy_threshold: int) -> Path | None:
    if kb.fingerprint is None:
        return None
    digest = hashlib.sha256(f"{kb.fingerprint}\0{fuzzy_threshold}\0{sys.version}\0{rapidfuzz.__version__}".encode())
    for source in [*sorted(Path(__file__).parent.glob("*.py")), GIVEN_NAMES_PATH]:
        digest.update(source.read_bytes())
    return config.CACHE_DIR / config.MATCHER_CACHE_FOLDER / f"{digest.hexdigest()[:24]}.pickle"


def prepare_matcher(kb: KnowledgeBase, *, fuzzy_threshold: int = 92, languages: Iterable[str] = ()) -> None:
    """Compile the matcher of :func:`extract_mentions` now, with the given-name forms of ``languages``:
    worker processes forked afterwards share it instead of each compiling its own (seconds per worker)."""
    matcher = _matcher(kb, fuzzy_threshold)
    for lang in languages:
        matcher._given_forms(lang)


def _check_documents(documents: pd.DataFrame, required: Iterable[str]) -> None:
    if not isinstance(documents, pd.DataFrame):
        raise ValueError(f"documents must be a pandas DataFrame, got {type(documents).__name__}")
    missing = [c for c in required if c not in documents.columns]
    if missing:
        raise ValueError(f"documents is missing column(s) {', '.join(missing)}; expected the documents table "
                         "(doc_id, text, lang, date, duplicate_of, ...)")


def extract_mentions(
    documents: pd.DataFrame,
    *,
    kb: KnowledgeBase | None = None,
    fuzzy_threshold: int = 92,
    unlisted_persons: bool = True,
    unlisted_organizations: bool = True,
    progress: bool = False,
    return_unresolved: bool = False,
    return_sentence_counts: bool = False,
) -> pd.DataFrame | tuple[pd.DataFrame, ...]:
    """Mentions table (DESIGN ``mentions`` plus ``role``, ``lang`` and ``in_kb``), sorted by doc_id and start.

    ``unlisted_persons``: also report persons absent from the KB (``in_kb`` False, ``actor_id`` "x-<slug>",
    ``method`` "discovered" for the name, "surname" for its surname alone); ``unlisted_organizations``: also
    organisations absent from the KB, by the shape of their names (:mod:`analysis.organizations`; ``method``
    "discovered"). Role phrases use ``date`` and,
    when present, ``date_precision`` (a month-precise date resolves only if one holder held the office
    all month); when the date cannot tell (none, a bare "the president", a change of hands), a holder of the
    office that the document names resolves them (rules: ``ActorMatcher._roles_from_context``), and a
    ``date_source`` of "text" (a date guessed from the body) gives way to such a named holder.
    With ``return_unresolved=True`` also returns the role phrases and bare names that could not be
    resolved (no date, no country, ambiguous surname...), with ``reason``, for the report to warn.
    With ``return_sentence_counts=True`` also returns the number of sentences of each document
    (doc_id, n_sentences; sorted by doc_id), which :func:`analysis.cooccurrence.cooccurrence` then
    need not count again. The tables come in that order: mentions, unresolved, sentence counts.
    """
    _check_documents(documents, ("doc_id", "text", "lang"))
    kb = kb if kb is not None else load_kb()
    matcher = _matcher(kb, fuzzy_threshold)
    dates = documents["date"] if "date" in documents.columns else pd.Series(pd.NaT, index=documents.index)
    precisions = documents["date_precision"] if "date_precision" in documents.columns else \
        pd.Series(None, index=documents.index, dtype=object)
    sources = documents["date_source"] if "date_source" in documents.columns else \
        pd.Series(None, index=documents.index, dtype=object)
    rows: list[tuple] = []
    unresolved: list[dict] = []
    counts: list[tuple[str, int]] = []
    iterator = zip(*(column.tolist() for column in (documents["doc_id"], documents["text"], documents["lang"], dates,
                                                      precisions, sources)))
    for doc_id, text, lang, date, precision, source in tqdm(iterator, total=len(documents), disable=not progress,
                                                            desc="actors"):
        text = text if isinstance(text, str) else ""
        sentences = None
        # counted as cooccurrence counts them, which reads an empty language code as a language
        if return_sentence_counts and not (isinstance(lang, str) and not lang):
            sentences = split_sentences(text, lang=lang if isinstance(lang, str) else None)
            counts.append((doc_id, len(sentences)))
        lang = lang if isinstance(lang, str) and lang else None
        precision = precision if isinstance(precision, str) and precision in _DATE_WINDOWS else None
        mentions, missed = matcher._analyse_rows(text, lang=lang, doc_date=date, unlisted_persons=unlisted_persons,
                                                 unlisted_organizations=unlisted_organizations,
                                                 date_precision=precision,
                                                 date_source=source if isinstance(source, str) else None,
                                                 sentences=sentences)
        rows += [(doc_id, *m) for m in mentions]
        unresolved += [{"doc_id": doc_id, **u} for u in missed]
    frame = pd.DataFrame(rows, columns=MENTION_COLUMNS).astype(
        {"start": "int64", "end": "int64", "sentence_id": "int64", "in_kb": "bool"}
    )
    frame = frame.sort_values(["doc_id", "start", "end", "actor_id"], kind="stable").reset_index(drop=True)
    tables = [frame]
    if return_unresolved:
        missed_frame = pd.DataFrame(unresolved, columns=UNRESOLVED_COLUMNS)
        tables.append(missed_frame.sort_values(["doc_id", "start", "end"], kind="stable").reset_index(drop=True))
    if return_sentence_counts:
        count_frame = pd.DataFrame(counts, columns=["doc_id", "n_sentences"]).astype({"n_sentences": "int64"})
        tables.append(count_frame.sort_values("doc_id", kind="stable").reset_index(drop=True))
    return tables[0] if len(tables) == 1 else tuple(tables)


def _duplicate_groups(documents: pd.DataFrame) -> pd.Series:
    """doc_id -> duplicate group id (the original's doc_id)."""
    ids = documents["doc_id"]
    if "duplicate_of" not in documents.columns:
        return pd.Series(ids.to_numpy(), index=ids.to_numpy())
    dup = documents["duplicate_of"]
    group = dup.where(dup.notna() & (dup.astype(str) != ""), ids)
    return pd.Series(group.to_numpy(), index=ids.to_numpy())


def summarise_actors(mentions: pd.DataFrame, documents: pd.DataFrame, *, kb: KnowledgeBase | None = None) -> pd.DataFrame:
    """Actors table: one row per mentioned actor with n_docs, n_mentions, languages and ``in_kb``
    (False for persons found outside the knowledge base, whose ``country`` is unknown).

    Duplicate documents count once per group: n_docs counts groups, n_mentions counts the
    mentions of one document per group (the original when present).
    """
    _check_documents(documents, ("doc_id", "lang"))
    missing = [c for c in ("doc_id", "actor_id", "actor", "actor_type") if c not in mentions.columns]
    if missing:
        raise ValueError(f"mentions is missing column(s) {', '.join(missing)}")
    kb = kb if kb is not None else load_kb()
    columns = ["actor_id", "actor", "actor_type", "country", "n_docs", "n_mentions", "langs", "in_kb"]
    if mentions.empty:
        return pd.DataFrame(columns=columns)
    # per distinct document of the mentions: its group, language and whether its mentions are counted
    doc_codes, doc_ids = pd.factorize(mentions["doc_id"])
    docs = pd.Series(doc_ids)
    doc_group = docs.map(_duplicate_groups(documents)).fillna(docs)
    doc_lang = docs.map(pd.Series(documents["lang"].to_numpy(), index=documents["doc_id"].to_numpy()))
    group_codes, group_ids = pd.factorize(doc_group)
    is_original = (docs == doc_group).to_numpy()
    has_original = np.zeros(len(group_ids), dtype=bool)
    has_original[group_codes[is_original]] = True
    # mentions count in one document per group: the original when it has mentions, else the first copy
    is_first = (docs == docs.groupby(group_codes).transform("min")).to_numpy()
    counted = (is_original | (~has_original[group_codes] & is_first))[doc_codes]
    actor_codes, actor_ids = pd.factorize(mentions["actor_id"], sort=True)
    n_actors = len(actor_ids)
    pairs = np.unique(actor_codes.astype(np.int64) * len(group_ids) + group_codes[doc_codes])
    n_docs = np.bincount(pairs // len(group_ids), minlength=n_actors)
    n_mentions = np.bincount(actor_codes[counted], minlength=n_actors)
    lang_codes, lang_ids = pd.factorize(doc_lang, sort=True)
    mention_langs = lang_codes[doc_codes]
    known = mention_langs >= 0
    actor_langs = np.unique(actor_codes[known].astype(np.int64) * len(lang_ids) + mention_langs[known])
    langs: list[list[str]] = [[] for _ in range(n_actors)]
    for actor, lang in zip(*divmod(actor_langs, max(len(lang_ids), 1))):
        langs[actor].append(lang_ids[lang])
    out = pd.DataFrame({"actor_id": actor_ids, "actor": _first_per_code(mentions["actor"], actor_codes, n_actors),
                        "actor_type": _first_per_code(mentions["actor_type"], actor_codes, n_actors)})
    out["country"] = out["actor_id"].map(kb.actors.set_index("actor_id")["country"].to_dict())
    out["n_docs"] = n_docs.astype("int64")
    out["n_mentions"] = n_mentions.astype("int64")
    out["langs"] = langs
    out["in_kb"] = out["actor_id"].isin(kb.actors["actor_id"])
    out = out[columns]
    return out.sort_values(["n_docs", "n_mentions", "actor_id"], ascending=[False, False, True],
                           kind="stable").reset_index(drop=True)


def _first_per_code(values: pd.Series, codes: np.ndarray, n: int) -> pd.Series:
    """The first non-missing value of each code (0..n-1), like ``groupby(...).first()``."""
    present = values.notna().to_numpy()
    codes_present, first_rows = np.unique(codes[present], return_index=True)
    out = values.iloc[:0].reindex(range(n))
    out.iloc[codes_present] = values[present].iloc[first_rows].to_numpy()
    return out


# --- discovery --------------------------------------------------------------------------------

_CUES: dict[str, tuple[str, ...]] = {
    "en": ("president", "prime minister", "minister", "counsel", "attorney", "spokesman", "correspondent", "chancellor", "spokesman", "spokeswoman", "spokesperson",
           "adviser", "advisor", "ambassador", "senator", "governor", "mayor", "general", "leader", "premier",
           "secretary", "chairman", "chairwoman", "director", "head", "envoy", "commander", "king", "queen",
           "mr", "mrs", "ms", "dr", "analyst", "professor", "deputy", "mp", "lawmaker", "official", "colonel"),
    "it": ("presidente", "premier", "ministro", "ministra", "portavoce", "consigliere", "ambasciatore", "senatore",
           "sindaco", "generale", "leader", "segretario", "cancelliere", "inviato", "capo", "direttore", "deputato",
           "deputata", "comandante", "professore", "analista", "vicepremier", "governatore", "sottosegretario"),
    "fr": ("président", "présidente", "premier ministre", "ministre", "porte-parole", "conseiller", "ambassadeur",
           "sénateur", "maire", "général", "chef", "secrétaire", "chancelier", "envoyé", "directeur", "député",
           "dirigeant", "leader", "commandant", "professeur", "m", "mme"),
    "de": ("präsident", "präsidentin", "kanzler", "kanzlerin", "minister", "ministerin", "sprecher", "sprecherin",
           "berater", "botschafter", "bürgermeister", "general", "chef", "chefin", "vorsitzende", "vorsitzender",
           "außenminister", "außenministerin", "verteidigungsminister", "abgeordnete", "abgeordneter", "gesandte",
           "generalsekretär", "regierungschef", "premier", "premierminister", "politiker", "experte", "professor"),
    "pl": ("prezydent", "premier", "minister", "rzecznik", "rzeczniczka", "doradca", "ambasador", "senator",
           "burmistrz", "generał", "szef", "szefowa", "przewodniczący", "przewodnicząca", "poseł", "posłanka",
           "wicepremier", "kanclerz", "sekretarz", "lider", "prezes", "dowódca", "ekspert", "profesor", "marszałek",
           "europoseł", "wiceminister"),
    "ru": ("президент", "премьер", "премьер-министр", "министр", "глава", "представитель", "советник", "посол",
           "сенатор", "депутат", "мэр", "генерал", "руководитель", "лидер", "политолог", "председатель", "спикер",
           "пресс-секретарь", "канцлер", "госсекретарь", "генсек", "генеральный секретарь", "помощник", "эксперт",
           "губернатор", "замминистра", "вице-премьер", "директор", "командующий", "аналитик"),
}
# Capitalised words of organisation and place names, which follow title cues as often as persons do.
_NOT_NAME_WORDS = frozenset(fold(w) for w in """
    commission committee council union party ministry department office house senate parliament congress
    republic federation kingdom states nations bank agency news times post press court army forces police
    government administration university institute foundation association national european international
    federal united general state city county region world group company corporation
    commissione consiglio unione partito ministero parlamento senato camera repubblica governo stati europea
    europeo nazionale nazioni corte esercito banca agenzia università
    commission conseil parti ministère parlement sénat assemblée république gouvernement européenne européen
    nationale unies cour armée banque agence université
    kommission rat union partei ministerium parlament bundestag senat republik regierung europäische
    europäischen bundesregierung vereinten nationen gericht armee bank agentur universität
    komisja rada unia partia ministerstwo parlament sejm senat rzeczpospolita rząd europejska europejskiej
    narodów sąd armia bank agencja uniwersytet
    комиссия совет союз партия министерство парламент дума сенат республика правительство европейский
    европейского наций суд армия банк агентство университет
""".split())


def discover_candidates(
    documents: pd.DataFrame,
    mentions: pd.DataFrame,
    *,
    min_count: int = 2,
    kb: KnowledgeBase | None = None,
    progress: bool = False,
) -> pd.DataFrame:
    """Persons and organisations not in the KB, for review: the unlisted actors of ``mentions`` (``in_kb``
    False) grouped across documents, or, when ``mentions`` has none, those the recognisers of
    :func:`extract_mentions` find in ``documents``.

    Spellings are grouped with rapidfuzz; groups with fewer than ``min_count`` mentions are dropped.
    ``cue`` is the title before a person's name ("ministro", "Herr"), "given name", or "organisation name";
    ``yaml`` holds an entry to review and paste into actors.yaml.
    """
    _check_documents(documents, ("doc_id", "text", "lang"))
    if min_count < 1:
        raise ValueError(f"min_count must be >= 1, got {min_count}")
    missing = [c for c in ("doc_id", "actor", "surface", "start", "method") if c not in mentions.columns]
    if missing:
        raise ValueError(f"mentions is missing column(s) {', '.join(missing)}")
    unlisted = mentions[~mentions["in_kb"].astype(bool)] if "in_kb" in mentions.columns else mentions.iloc[:0]
    if unlisted.empty:
        found = extract_mentions(documents, kb=kb, unlisted_persons=True, progress=progress)
        unlisted = found[~found["in_kb"]]
    if unlisted.empty:
        return pd.DataFrame(columns=CANDIDATE_COLUMNS)
    texts = dict(zip(documents["doc_id"], documents["text"]))
    langs = dict(zip(documents["doc_id"], documents["lang"]))
    cue_words = set().union(*_cue_keys(kb).values()) | _SURNAME_HONORIFICS | _HONORIFICS
    reps, groups, group_of = _group_variants(Counter(unlisted["actor"]))
    members: list[list[tuple]] = [[] for _ in groups]
    types = unlisted["actor_type"] if "actor_type" in unlisted.columns else pd.Series("person", index=unlisted.index)
    for row, actor_type in zip(unlisted[["doc_id", "actor", "surface", "start", "method"]].itertuples(index=False),
                               types):
        members[group_of[row.actor]].append((row, actor_type))
    rows = []
    for i, items in enumerate(members):
        if len(items) < min_count:
            continue
        actor_type = Counter(t for _, t in items).most_common(1)[0][0]
        items = [r for r, _ in items]
        names = [r for r in items if r.method == "discovered"] or items
        variants_by_lang: dict[str, set[str]] = defaultdict(set)
        for r in names:
            lang = langs.get(r.doc_id)
            variants_by_lang[lang if isinstance(lang, str) and lang else "und"].add(r.surface)
        first = names[0]
        text = texts.get(first.doc_id) or ""
        before = _TOKEN_RE.findall(text[max(0, first.start - 30):first.start])
        cue = "organisation name" if actor_type == "organization" else \
            before[-1].lower() if before and fold(before[-1]) in cue_words else "given name"
        example = text[max(0, first.start - 40):first.start + len(first.surface) + 60].replace("\n", " ")
        doc_langs = sorted({langs[r.doc_id] for r in items if isinstance(langs.get(r.doc_id), str)})
        alias_yaml = ", ".join(f"{lang}: [{', '.join(sorted(vs))}]" for lang, vs in sorted(variants_by_lang.items()))
        rows.append((reps[i], sorted(set().union(*variants_by_lang.values())),
                     len({r.doc_id for r in items}), len(items), doc_langs, cue, example,
                     f"- name: {reps[i]}\n  type: {actor_type}\n  country: null\n  aliases: {{{alias_yaml}}}"))
    frame = pd.DataFrame(rows, columns=CANDIDATE_COLUMNS)
    return frame.sort_values(["n_docs", "n_mentions", "candidate"], ascending=[False, False, True],
                             kind="stable").reset_index(drop=True)


def _cue_keys(kb: KnowledgeBase | None) -> dict[str, set[str]]:
    """Per language, folded words that introduce a name: titles, role words and their case forms."""
    # the last word of a title is the one a name follows ("secretary of state Antony Blinken")
    words: dict[str, set[str]] = {lang: {_TOKEN_RE.findall(w)[-1] for w in cues} for lang, cues in _CUES.items()}
    if kb is not None:
        names = {_fold_cached(t) for alias in kb.aliases["alias"].tolist() for t in _TOKEN_RE.findall(alias)}
        for lang, phrase in zip(kb.roles["lang"].tolist(), kb.roles["phrase"].tolist()):
            tokens = _TOKEN_RE.findall(phrase.lower())
            if tokens and fold(tokens[-1]) not in names:  # not "... of Ukraine"
                words.setdefault(lang, set()).add(tokens[-1])
    out: dict[str, set[str]] = {}
    for lang, items in words.items():
        keys: set[str] = set()
        for word in items:
            forms = {word} | inflect(word, lang) | ({word + e for e in ("en", "n", "s", "in")} if lang == "de" else set())
            keys |= {fold(f) for f in forms}
        out[lang] = keys
    return out


def _group_variants(counts: Counter[str]) -> tuple[list[str], list[list[str]], dict[str, int]]:
    """Greedy grouping of surfaces, most frequent first: a surface joins the closest representative
    (``fuzz.ratio`` >= 85) whose surname starts with the same three letters if they share a surname
    (``_same_surname``), else it starts a group.

    Returns the representatives, the variants of each group and the group index of each surface.
    """
    reps: list[str] = []
    groups: list[list[str]] = []
    group_of: dict[str, int] = {}
    # _same_surname needs a shared surname prefix of 3+ letters, so only representatives whose folded
    # surname starts with the same 3 letters are compared, not every representative found so far.
    buckets: dict[str, tuple[list[str], list[int]]] = defaultdict(lambda: ([], []))
    for surface, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        key = fold(surface)
        rep_keys, rep_groups = buckets[key.split()[-1][:3]]
        match = process.extractOne(key, rep_keys, scorer=fuzz.ratio, score_cutoff=85)
        if match is not None and _same_surname(key, match[0]):
            group = rep_groups[match[2]]
            groups[group].append(surface)
        else:
            group = len(groups)
            reps.append(surface)
            groups.append([surface])
            rep_keys.append(key)
            rep_groups.append(group)
        group_of[surface] = group
    return reps, groups, group_of


def _same_surname(a: str, b: str) -> bool:
    """Two folded names share a surname up to a case ending (Кургинян / Кургиняна)."""
    sa, sb = a.split()[-1], b.split()[-1]
    common = min(len(sa), len(sb)) - 3
    return common >= 3 and sa[:common] == sb[:common]
