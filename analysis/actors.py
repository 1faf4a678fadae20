"""Who is named: actor mentions in multilingual news, resolved to the knowledge base.

:class:`ActorMatcher` compiles every alias of the knowledge base (plus the case forms that
Russian, Ukrainian, Polish and German build from them) into one token trie, so matching a
document costs one pass over its tokens whatever the size of the KB. On top of the exact and
inflected matches it resolves surname-only mentions inside the document, close spellings of known
full names (rapidfuzz, strict threshold) and role phrases ("il ministro degli Esteri russo") to
the office-holder on the document's date. Every mention records how it was found (``method``).
"""
from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd
from rapidfuzz import fuzz, process
from tqdm.auto import tqdm

from analysis.kb import KnowledgeBase, load_kb
from analysis.sentences import split_sentences

METHODS: tuple[str, ...] = ("alias", "inflection", "fuzzy", "role", "surname")
MENTION_COLUMNS: list[str] = [
    "doc_id", "actor_id", "actor", "actor_type", "surface", "start", "end", "sentence_id", "method", "role", "lang",
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
_FOLD_TABLE: dict[int, str] = {}
for _cp in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
    _base = "".join(c for c in unicodedata.normalize("NFD", chr(_cp)) if not unicodedata.combining(c))
    if len(_base) == 1 and _base != chr(_cp):
        _FOLD_TABLE[_cp] = _base
_FOLD_TABLE.update({ord("ł"): "l", ord("ø"): "o", ord("đ"): "d", ord("ı"): "i", ord("ё"): "е", ord("’"): "'"})


_FOLD_CHARS = re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(_FOLD_TABLE)) + "]")


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
        len(w) > 5 and w.endswith(("ый", "ой", "ий")) and w[-3] in "кгхнстшжч"
    ):
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
    if w[-1] in vowels:
        return set()
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

    def __init__(self, kb: KnowledgeBase, *, languages: Iterable[str] | None = None, fuzzy_threshold: int = 92):
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
        self._given_names: set[str] = set()
        base_tokens: set[str] = set()
        raw_tokens: set[str] = set()
        self._full_aliases: dict[str, list[tuple[str, str]]] = defaultdict(list)  # surname key -> (alias key, id)
        for actor_id, alias in kb.aliases[["actor_id", "alias"]].itertuples(index=False):
            tokens = _TOKEN_RE.findall(alias)
            if not tokens:
                continue
            acronym = alias.isupper() and len(tokens) == 1
            self._insert([fold(t) for t in tokens], _Entry(actor_id, True, acronym))
            base_tokens.update(fold(t) for t in tokens)
            raw_tokens.update(tokens)
            if self._type[actor_id] == "person":
                self._own_tokens[actor_id].update(fold(t) for t in tokens)
            if self._type[actor_id] == "person" and len(tokens) >= 2:
                surname = self._surname_tokens(tokens)
                if surname and len(surname) < len(tokens) and len("".join(surname)) >= 3:
                    self._insert([fold(t) for t in surname], _Entry(actor_id, False, False))
                    self._given_names.add(fold(tokens[0]))
                key = fold(tokens[-1])
                self._full_aliases[key].append((" ".join(fold(t) for t in tokens), actor_id))
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
                    extra[fold(form)].add(fold(token))
            if not extra:
                continue
            forms = dict(base_map)
            for form, bases in extra.items():
                forms[form] = tuple(sorted(set(forms.get(form, ())) | bases))
            self._forms[lang] = forms

        self._tenures: dict[str, list[tuple[pd.Timestamp, pd.Timestamp]]] = defaultdict(list)
        for actor_id, start, end in kb.offices[["actor_id", "start", "end"]].itertuples(index=False):
            self._tenures[actor_id].append((start, end))
        self._demonyms: dict[str, str] = {}
        for country, lang, form in kb.demonyms[["country", "lang", "form"]].itertuples(index=False):
            for variant in _adjective_forms(form, lang):
                self._demonyms.setdefault(fold(variant), country)
        self._role_tries = self._compile_roles(kb.roles)
        self._title_keys = set(_HONORIFICS) | set(self._demonyms) | {
            fold(t) for phrase in kb.roles["phrase"] for t in _TOKEN_RE.findall(phrase)
        } | {fold(t) for words in _CUES.values() for w in words for t in _TOKEN_RE.findall(w)}

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
                or _ROMAN.match(tokens[-1]) or fold(tokens[-1]) in _ORDINALS:
            return []
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
    def match(self, text: str, *, lang: str | None, doc_date=None) -> list[Mention]:
        """Resolved mentions in ``text`` (a document body in language ``lang``), sorted by offset."""
        return self.analyse(text, lang=lang, doc_date=doc_date)[0]

    def analyse(self, text: str, *, lang: str | None, doc_date=None) -> tuple[list[Mention], list[dict]]:
        """Like :meth:`match`, plus the role phrases and surnames that could not be resolved."""
        if not isinstance(text, str):
            raise ValueError(f"text must be a string, got {type(text).__name__}")
        date = _as_date(doc_date)
        folded = _fold_text(text)
        if len(folded) == len(text):
            matches = list(_TOKEN_RE.finditer(folded))
            keys = [m.group() for m in matches]
        else:  # a rare character changed length when lower-cased ("İ"): fold token by token
            matches = list(_TOKEN_RE.finditer(text))
            keys = [fold(m.group()) for m in matches]
        starts = [m.start() for m in matches]
        ends = [m.end() for m in matches]
        raws = [text[a:b] for a, b in zip(starts, ends)]
        doc = _Doc(text, lang, date, starts, ends, raws, keys)
        found = self._exact(doc)
        found = self._fuzzy(doc, found)
        mentions, unresolved = self._resolve(doc, found)
        roles, role_unresolved = self._roles(doc, mentions, found)
        mentions += roles
        unresolved += role_unresolved
        sentence_starts = [s for s, _ in split_sentences(text, lang=lang)] or [0]
        out = []
        for m in sorted(mentions, key=lambda m: (m.start, m.end, m.actor_id)):
            sid = max(bisect.bisect_right(sentence_starts, m.start) - 1, 0)
            out.append(Mention(m.actor_id, self._name[m.actor_id], self._type[m.actor_id], text[m.start:m.end],
                               m.start, m.end, sid, m.method, m.role, lang))
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
        for i in [i for i, key in enumerate(keys) if key in forms]:
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
        raws, keys, n = doc.raws, doc.keys, len(doc.keys)
        new: list[_Raw] = []
        replaced: set[int] = set()
        capitalised = [i for i, raw in enumerate(raws) if raw[0].isupper()]
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
        full, or when exactly one KB person carries it and it is not an ordinary word here; names
        shared by several KB persons fall back to the one holding an office on the document's date.
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
                risk = self._risk(doc, r) if r.last == r.first else None
                if len(persons) == 1 and risk is None:
                    decided.append((r, persons[0], None))
                    continue
                holders = [e for e in persons if self._in_office(e.actor_id, doc.date)] if risk != "word" else []
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
            if doc.keys[i - 1] in self._given_names or (doc.lang != "de" and not doc.token_starts_sentence(i - 1)):
                return True
        k = r.last + 1
        if doc.lang != "de" and k < len(doc.keys) and doc.text[doc.ends[r.last]:doc.starts[k]] == " ":
            if doc.keys[k] in _PARTICLES and k + 1 < len(doc.keys) and doc.joined(k):
                k += 1
            if foreign(k):
                return True
        return False

    def _risk(self, doc: "_Doc", r: _Raw) -> str | None:
        """Why a bare capitalised token may not be the KB person.

        'common': a very common surname (other people carry it); 'word': the same word is written
        in lower case elsewhere in the document ("Conte" and "il conte"), or it is a month/day name.
        """
        key = doc.keys[r.first]
        raw = doc.raws[r.first]
        if key in _COMMON_SURNAMES:
            return "common"
        if (raw.lower() in _CAPITALISED_COMMON and not raw.isupper()) or key in doc.lowercase_keys():
            return "word"
        return None

    def _in_office(self, actor_id: str, date: pd.Timestamp | None) -> bool:
        if date is None:
            return False
        return any(start <= date and (pd.isna(end) or date < end) for start, end in self._tenures.get(actor_id, ()))

    def _roles(self, doc: "_Doc", names: list["_Resolved"], found: list[_Raw]) -> tuple[list["_Resolved"], list[dict]]:
        """Role phrases: apposition with a name -> nothing new; else the office-holder on the document's date."""
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
        out, unresolved = [], []
        for s, e, entries in self._role_phrases_in(doc, trie):
            if any(a < e and s < b for a, b in name_spans):
                continue
            cue_country, left, right, ext_s, ext_e = self._role_country(doc, s, e, by_end, ends_sorted, place_at_start)
            if self._appositive(doc, left, right, person_starts, by_end, ends_sorted):
                continue
            role, of = self._pick_role(entries, cue_country)
            record = {"kind": "role", "surface": text[ext_s:ext_e], "start": ext_s, "end": ext_e, "role": role,
                      "of": of, "candidates": []}
            if self._preceded_by_former(doc, left):
                unresolved.append({**record, "reason": "former office-holder"})
            elif of is None:
                unresolved.append({**record, "reason": "no country"})
            elif doc.date is None:
                unresolved.append({**record, "reason": "no date"})
            else:
                holders = self.kb.office_holders(role, of, doc.date)
                if len(holders) == 1:
                    out.append(_Resolved(ext_s, ext_e, holders[0], "role", role))
                else:
                    unresolved.append({**record, "candidates": holders,
                                       "reason": "no holder in KB" if not holders else "several holders"})
        return out, unresolved

    @staticmethod
    def _role_phrases_in(doc: "_Doc", trie: dict) -> list[tuple[int, int, list]]:
        """Longest role phrases in the document: (start, end, [(role, of), ...])."""
        keys, n = doc.keys, len(doc.keys)
        found = []
        free = 0
        for i in [i for i, key in enumerate(keys) if key in trie]:
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
                two = k + 1 < len(doc.raws) and doc.raws[k + 1][0].isupper() and doc.joined(k)
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


@dataclass
class _Resolved:
    start: int
    end: int
    actor_id: str
    method: str
    role: str | None


class _Doc:
    __slots__ = ("text", "lang", "date", "starts", "ends", "raws", "keys", "_lowercase")

    def __init__(self, text, lang, date, starts, ends, raws, keys):
        self.text, self.lang, self.date = text, lang, date
        self.starts, self.ends, self.raws, self.keys = starts, ends, raws, keys
        self._lowercase: set[str] | None = None

    def lowercase_keys(self) -> set[str]:
        """Keys of the tokens written in lower case (computed once, on first use)."""
        if self._lowercase is None:
            self._lowercase = {k for k, r in zip(self.keys, self.raws) if r[0].islower()}
        return self._lowercase

    def joined(self, j: int) -> bool:
        """True when token j and j+1 can belong to one name (space, hyphen, apostrophe or initial's dot)."""
        gap = self.text[self.ends[j]:self.starts[j + 1]]
        if gap in (" ", "-", "\u00a0", "'", "’", "‐", "‑"):
            return True
        return gap == ". " and len(self.raws[j]) == 1

    def token_starts_sentence(self, k: int) -> bool:
        """True when token k is the first word of a sentence, a line or a quotation."""
        return _starts_sentence(self.text, self.starts[k])

    def phrase_joined(self, j: int) -> bool:
        """True when token j and j+1 can belong to one role phrase (white space, hyphen or apostrophe)."""
        gap = self.text[self.ends[j]:self.starts[j + 1]]
        return len(gap) <= 3 and gap.strip() in ("", "-", "'", "’", "‐", "‑") and gap.count("\n") < 2



def _starts_sentence(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t\u00a0\"'“”„«»‘’([—–-":
        i -= 1
    return i < 0 or text[i] in ".!?…:;\n"


def _as_date(value) -> pd.Timestamp | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    day = pd.Timestamp(value)
    return (day.tz_localize(None) if day.tzinfo is not None else day).normalize()


# --- documents --------------------------------------------------------------------------------

@functools.lru_cache(maxsize=4)
def _matcher(kb: KnowledgeBase, fuzzy_threshold: int) -> ActorMatcher:
    """One compiled matcher per knowledge base and threshold (the KB is immutable and hashed by identity)."""
    return ActorMatcher(kb, fuzzy_threshold=fuzzy_threshold)


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
    progress: bool = False,
    return_unresolved: bool = False,
) -> pd.DataFrame | tuple[pd.DataFrame, pd.DataFrame]:
    """Mentions table (DESIGN ``mentions`` plus ``role`` and ``lang``), sorted by doc_id and start.

    With ``return_unresolved=True`` also returns the role phrases and bare names that could not be
    resolved (no date, no country, ambiguous surname...), with ``reason``, for the report to warn.
    """
    _check_documents(documents, ("doc_id", "text", "lang"))
    kb = kb if kb is not None else load_kb()
    matcher = _matcher(kb, fuzzy_threshold)
    dates = documents["date"] if "date" in documents.columns else pd.Series(pd.NaT, index=documents.index)
    rows: list[tuple] = []
    unresolved: list[dict] = []
    iterator = zip(documents["doc_id"], documents["text"], documents["lang"], dates)
    for doc_id, text, lang, date in tqdm(iterator, total=len(documents), disable=not progress, desc="actors"):
        text = text if isinstance(text, str) else ""
        lang = lang if isinstance(lang, str) and lang else None
        mentions, missed = matcher.analyse(text, lang=lang, doc_date=date)
        rows += [(doc_id, m.actor_id, m.actor, m.actor_type, m.surface, m.start, m.end, m.sentence_id, m.method,
                  m.role, m.lang) for m in mentions]
        unresolved += [{"doc_id": doc_id, **u} for u in missed]
    frame = pd.DataFrame(rows, columns=MENTION_COLUMNS).astype(
        {"start": "int64", "end": "int64", "sentence_id": "int64"}
    )
    frame = frame.sort_values(["doc_id", "start", "end", "actor_id"], kind="stable").reset_index(drop=True)
    if not return_unresolved:
        return frame
    missed_frame = pd.DataFrame(unresolved, columns=UNRESOLVED_COLUMNS)
    missed_frame = missed_frame.sort_values(["doc_id", "start", "end"], kind="stable").reset_index(drop=True)
    return frame, missed_frame


def _duplicate_groups(documents: pd.DataFrame) -> pd.Series:
    """doc_id -> duplicate group id (the original's doc_id)."""
    ids = documents["doc_id"]
    if "duplicate_of" not in documents.columns:
        return pd.Series(ids.to_numpy(), index=ids.to_numpy())
    dup = documents["duplicate_of"]
    group = dup.where(dup.notna() & (dup.astype(str) != ""), ids)
    return pd.Series(group.to_numpy(), index=ids.to_numpy())


def summarise_actors(mentions: pd.DataFrame, documents: pd.DataFrame, *, kb: KnowledgeBase | None = None) -> pd.DataFrame:
    """Actors table: one row per mentioned actor with n_docs, n_mentions and languages.

    Duplicate documents count once per group: n_docs counts groups, n_mentions counts the
    mentions of one document per group (the original when present).
    """
    _check_documents(documents, ("doc_id", "lang"))
    missing = [c for c in ("doc_id", "actor_id", "actor", "actor_type") if c not in mentions.columns]
    if missing:
        raise ValueError(f"mentions is missing column(s) {', '.join(missing)}")
    kb = kb if kb is not None else load_kb()
    columns = ["actor_id", "actor", "actor_type", "country", "n_docs", "n_mentions", "langs"]
    if mentions.empty:
        return pd.DataFrame(columns=columns)
    groups = _duplicate_groups(documents)
    lang_of = pd.Series(documents["lang"].to_numpy(), index=documents["doc_id"].to_numpy())
    frame = mentions[["doc_id", "actor_id", "actor", "actor_type"]].copy()
    frame["group"] = frame["doc_id"].map(groups).fillna(frame["doc_id"])
    frame["lang"] = frame["doc_id"].map(lang_of)
    # mentions count in one document per group: the original when it has mentions, else the first copy
    has_original = frame["group"].isin(frame.loc[frame["doc_id"] == frame["group"], "group"])
    first_doc = frame.groupby("group")["doc_id"].transform("min")
    counted = frame[(frame["doc_id"] == frame["group"]) | (~has_original & (frame["doc_id"] == first_doc))]
    out = frame.groupby("actor_id").agg(
        actor=("actor", "first"), actor_type=("actor_type", "first"), n_docs=("group", "nunique"),
    )
    langs = frame[["actor_id", "lang"]].dropna().drop_duplicates().sort_values(["actor_id", "lang"])
    out["langs"] = langs.groupby("actor_id")["lang"].agg(list).reindex(out.index)
    out["langs"] = [v if isinstance(v, list) else [] for v in out["langs"]]
    out["n_mentions"] = counted.groupby("actor_id").size().reindex(out.index).fillna(0).astype("int64")
    out["country"] = out.index.map(kb.actors.set_index("actor_id")["country"].to_dict())
    out = out.reset_index()[columns]
    return out.sort_values(["n_docs", "n_mentions", "actor_id"], ascending=[False, False, True],
                           kind="stable").reset_index(drop=True)


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
_NAME_GAPS = (" ", "\u00a0", "-")
_NAME_TOKEN = re.compile(r"^[A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁЄІЇҐ][a-zß-öø-ÿā-žа-яёєіїґ'’-]+$")


def discover_candidates(
    documents: pd.DataFrame,
    mentions: pd.DataFrame,
    *,
    min_count: int = 2,
    kb: KnowledgeBase | None = None,
    max_distance: int = 4,
    progress: bool = False,
) -> pd.DataFrame:
    """Capitalised person names not in the KB, after a title cue ("President", "il ministro",
    "министр"...; ``cue`` names it) or starting with a first name known to the KB and whose
    surname recurs alone in the document (``cue`` "surname repeated").

    Variants (case forms, spellings) are grouped with rapidfuzz; groups seen in fewer than
    ``min_count`` mentions are dropped. ``yaml`` holds an entry to review and paste into actors.yaml.
    """
    _check_documents(documents, ("doc_id", "text", "lang"))
    if min_count < 1:
        raise ValueError(f"min_count must be >= 1, got {min_count}")
    covered: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    if not mentions.empty:
        for doc_id, start, end, kind in mentions[["doc_id", "start", "end", "actor_type"]].itertuples(index=False):
            covered[doc_id].append((start, end, kind))
    cue_keys = _cue_keys(kb)
    title_keys = set().union(*cue_keys.values()) | _HONORIFICS
    compound_titles = {k for k in title_keys if len(k) >= 6}  # endings of "Innenminister", "Vizepremier"
    not_names = set(_NOT_NAME_WORDS) | _CAPITALISED_COMMON
    given_names: set[str] = set()
    if kb is not None:
        for lang, form in kb.demonyms[["lang", "form"]].itertuples(index=False):
            not_names |= {fold(v) for v in _adjective_forms(form, lang)}
        persons = set(kb.actors.loc[kb.actors["actor_type"] == "person", "actor_id"])
        for actor_id, alias in kb.aliases[["actor_id", "alias"]].itertuples(index=False):
            tokens = _TOKEN_RE.findall(alias)
            if actor_id in persons and len(tokens) >= 2:
                given_names.add(fold(tokens[0]))
    found: list[tuple[str, str, str, str, str]] = []  # (surface, doc_id, lang, cue, example)
    iterator = zip(documents["doc_id"], documents["text"], documents["lang"])
    for doc_id, text, lang in tqdm(iterator, total=len(documents), disable=not progress, desc="candidates"):
        lang_cues = cue_keys.get(lang) if isinstance(lang, str) else None
        if not isinstance(text, str) or not lang_cues:
            continue
        spans = covered.get(doc_id, [])
        tokens = list(_TOKEN_RE.finditer(text))
        words = [t.group() for t in tokens]
        keys = [fold(w) for w in words]
        lowercase = {k for k, w in zip(keys, words) if w[0].islower()}

        def name_like(k: int) -> bool:
            key = keys[k]
            return bool(_NAME_TOKEN.match(words[k])) and key not in lowercase and key not in title_keys \
                and key not in not_names and not any(key[i:] in compound_titles for i in range(1, len(key) - 5))

        n = len(tokens)
        cued: set[int] = set()
        for c in range(n):
            if keys[c] not in lang_cues:
                continue
            for a in range(c + 1, min(c + 2 + max_distance, n - 1)):
                b = a + 1
                if not (name_like(a) and name_like(b) and text[tokens[a].end():tokens[b].start()] in _NAME_GAPS):
                    continue
                start, end = tokens[a].start(), tokens[b].end()
                if b + 1 < n and name_like(b + 1) and text[end:tokens[b + 1].start()] in _NAME_GAPS:
                    end = tokens[b + 1].end()
                if "\n" in text[tokens[c].end():start]:
                    break
                overlap = [kind for s, e, kind in spans if s < end and start < e]
                if "person" in overlap:
                    break
                if overlap:
                    continue
                example = text[max(0, tokens[c].start() - 40):min(len(text), end + 60)].replace("\n", " ")
                found.append((text[start:end], doc_id, lang, words[c].lower(), example))
                cued.add(start)
                break
        # Without a title: a full name whose surname recurs alone in the document ("Emily Burns ... Burns").
        by_prefix: dict[str, list[int]] = defaultdict(list)
        for k in range(n):
            if words[k][0].isupper() and len(keys[k]) >= 4:
                by_prefix[keys[k][:4]].append(k)
        a = 0
        while a < n - 1:
            b = a + 1
            if not (name_like(a) and name_like(b) and text[tokens[a].end():tokens[b].start()] in _NAME_GAPS):
                a += 1
                continue
            if b + 1 < n and name_like(b + 1) and text[tokens[b].end():tokens[b + 1].start()] in _NAME_GAPS:
                b += 1
            first = next((k for k in range(a, b) if keys[k] in given_names), None)
            if first is None:  # a first name the KB knows keeps places and titles ("Northern Ireland") out
                a = b + 1
                continue
            start, end, surname = tokens[first].start(), tokens[b].end(), keys[b]
            stem = surname[:max(4, len(surname) - 2)]
            # the surname alone elsewhere: not after a capitalised word inside a sentence
            # ("Nord Stream ... Nord Stream" is no repeat, "Poi Rudskoy ha detto" is)
            recurs = any(
                (t < a or t > b) and keys[t].startswith(stem) and abs(len(keys[t]) - len(surname)) <= 3
                and not (t > 0 and words[t - 1][0].isupper() and not _starts_sentence(text, tokens[t - 1].start())
                         and text[tokens[t - 1].end():tokens[t].start()] in _NAME_GAPS)
                for t in by_prefix.get(surname[:4], ())
            )
            if recurs and start not in cued and not any(s < end and start < e for s, e, _ in spans):
                example = text[max(0, start - 40):min(len(text), end + 60)].replace("\n", " ")
                found.append((text[start:end], doc_id, lang, "surname repeated", example))
            a = b + 1
    columns = CANDIDATE_COLUMNS
    if not found:
        return pd.DataFrame(columns=columns)
    reps, groups, group_of = _group_variants(Counter(f[0] for f in found))
    members: list[list[tuple[str, str, str, str, str]]] = [[] for _ in groups]
    variant_langs: dict[str, set[str]] = defaultdict(set)
    for f in found:
        members[group_of[f[0]]].append(f)
        variant_langs[f[0]].add(f[2])
    rows = []
    for i, (variants, items) in enumerate(zip(groups, members)):
        if len(items) < min_count:
            continue
        langs = sorted({f[2] for f in items})
        cue = Counter(f[3] for f in items).most_common(1)[0][0]
        by_lang = defaultdict(list)
        for v in sorted(variants):
            for lang in sorted(variant_langs[v]):
                by_lang[lang].append(v)
        alias_yaml = ", ".join(f"{lang}: [{', '.join(vs)}]" for lang, vs in sorted(by_lang.items()))
        rows.append((reps[i], sorted(variants), len({f[1] for f in items}), len(items), langs, cue, items[0][4],
                     f"- name: {reps[i]}\n  type: person\n  country: null\n  aliases: {{{alias_yaml}}}"))
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values(["n_docs", "n_mentions", "candidate"], ascending=[False, False, True],
                             kind="stable").reset_index(drop=True)


def _cue_keys(kb: KnowledgeBase | None) -> dict[str, set[str]]:
    """Per language, folded words that introduce a name: titles, role words and their case forms."""
    # the last word of a title is the one a name follows ("secretary of state Antony Blinken")
    words: dict[str, set[str]] = {lang: {_TOKEN_RE.findall(w)[-1] for w in cues} for lang, cues in _CUES.items()}
    if kb is not None:
        names = {fold(t) for alias in kb.aliases["alias"] for t in _TOKEN_RE.findall(alias)}
        for lang, phrase in kb.roles[["lang", "phrase"]].itertuples(index=False):
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
