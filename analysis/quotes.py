"""Direct quotations and their speakers, in the quotation conventions of en/it/fr/de/pl/ru.

A quotation is text between paired quotation marks (“…”, "…", «…», „…“, „…”, »…«, ‚…‘, ”…”)
or a Russian/Polish dash-dialogue line (``— Текст, — заявил Лавров.``). Scare quotes (one or
two words with no attribution verb) are left out. The speaker is the person mention nearest
to an attribution verb, finite or gerund ("said", "ha dichiarato", "dichiarando", "a déclaré",
"sagte", "powiedział", "заявил", "according to"...) in the text after the quotation up to the end of its sentence,
else before it in the same sentence, else in the next sentence ("X said this") or in a
previous sentence ending with a colon. No verb or no person near it: speaker None (pronoun
subjects like "he said" are not resolved — never guess).
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from analysis.io import iter_texts
from analysis.sentences import split_sentences

QUOTE_COLUMNS = ["doc_id", "speaker", "speaker_id", "quote", "start", "end", "lang"]
_MIN_WORDS_WITHOUT_VERB = 3
# Person mention must be this close (characters) to the attribution verb.
_MAX_SPEAKER_DISTANCE = 80

_QUOTED = re.compile(
    r"“(?P<a>[^“”\n]{2,}?)”|\"(?P<b>[^\"\n]{2,}?)\"|«(?P<c>[^«»\n]{2,}?)»|„(?P<d>[^„“”\n]{2,}?)[“”]"
    r"|»(?P<e>[^»«\n]{2,}?)«|‚(?P<f>[^‚‘’\n]{2,}?)[‘’]|”(?P<g>[^“”\n]{2,}?)”"
)
# A dialogue line: "— Quote, — заявил X." (the second dash starts the attribution).
_DASH_LINE = re.compile(r"(?m)^[ \t]*[—–][ \t]*(?P<q>[^\n]+?)(?=[,.!?…]?[ \t]+[—–][ \t]+\w|[ \t]*$)")

_VERBS = {
    "en": r"said|says|say|added|adds|stated|states|told|tells|declared|stressed|noted|explained|insisted|warned|"
          r"argued|wrote|writes|continued|remarked|asserted|claimed|announced|replied|responded|emphasi[sz]ed|"
          r"underlined|according to|quoted|urged|confirmed|saying|adding|declaring|stating|noting|warning",
    "it": r"ha dichiarato|dichiara|dichiarato|ha detto|dice|detto|ha affermato|afferma|affermato|ha aggiunto|aggiunge|"
          r"ha sottolineato|sottolinea|ha spiegato|spiega|ha ribadito|ribadisce|ha osservato|osserva|ha scritto|scrive|"
          r"ha precisato|ha commentato|commenta|ha concluso|ha annunciato|secondo|ha avvertito|ha riferito|ha ricordato|"
          r"dichiarando|dicendo|affermando|aggiungendo|sottolineando|spiegando|precisando",
    "fr": r"a déclaré|déclare|a dit|dit|a affirmé|affirme|a ajouté|ajoute|a souligné|souligne|a expliqué|explique|"
          r"a estimé|estime|a assuré|assure|a écrit|écrit|a indiqué|indique|a martelé|a insisté|a précisé|précise|"
          r"selon|d'après|a averti|a lancé|lance|a répondu|a confié|déclarant|affirmant|ajoutant|soulignant|expliquant",
    "de": r"sagte|sagt|erklärte|erklärt|betonte|betont|fügte|fügt|meinte|meint|schrieb|schreibt|warnte|warnt|"
          r"sagten|erklärten|so|laut|zufolge|hieß es|äußerte|unterstrich|kritisierte|forderte|stellte",
    "pl": r"powiedział\w*|mówi|mówił\w*|stwierdził\w*|stwierdza|dodał\w*|dodaje|podkreślił\w*|podkreśla|zaznaczył\w*|"
          r"oświadczył\w*|napisał\w*|pisze|ocenił\w*|przekonywał\w*|wyjaśnił\w*|zapewnił\w*|według|cytowany|ostrzegł\w*|"
          r"mówiąc|dodając|podkreślając|stwierdzając|zaznaczając",
    "ru": r"заявил\w*|заявляет|сказал\w*|говорит|отметил\w*|отмечает|подчеркнул\w*|подчеркивает|подчёркивает|"
          r"добавил\w*|сообщил\w*|пояснил\w*|написал\w*|пишет|констатировал\w*|указал\w*|признал\w*|"
          r"по словам|по мнению|цитирует|предупредил\w*|считает|уверен\w*|заявив|сказав|отметив|подчеркнув|добавив",
}
_ALL_VERBS = "|".join(_VERBS.values())
_VERB_PATTERNS = {lang: re.compile(rf"(?<!\w)(?:{p})(?!\w)", re.I) for lang, p in _VERBS.items()}
_ANY_VERB = re.compile(rf"(?<!\w)(?:{_ALL_VERBS})(?!\w)", re.I)
_MENTION_COLUMNS = ("doc_id", "actor_id", "actor", "actor_type", "start", "end")


def extract_quotes(documents: pd.DataFrame, mentions: pd.DataFrame, *, progress: bool = False) -> pd.DataFrame:
    """The quotes table: one row per direct quotation, with its speaker when the text names one."""
    for frame, columns, name in ((documents, ("doc_id", "text", "lang"), "documents"),
                                 (mentions, _MENTION_COLUMNS, "mentions")):
        if not isinstance(frame, pd.DataFrame):
            raise ValueError(f"{name} must be a pandas DataFrame, got {type(frame).__name__}")
        missing = [c for c in columns if c not in frame.columns]
        if missing:
            raise ValueError(f"{name} is missing column(s) {missing}; expected at least {list(columns)}")
    persons = mentions[mentions["actor_type"] == "person"].sort_values(["doc_id", "start"], kind="stable")
    person_docs = persons["doc_id"].astype(str).to_numpy()
    columns = [persons[c].to_numpy() for c in ("start", "end", "actor_id", "actor")]
    bounds = np.flatnonzero(np.r_[True, person_docs[1:] != person_docs[:-1], True]) if len(persons) else []
    # Plain arrays sliced per document: a pandas group per document costs more than the quotes.
    by_doc = {person_docs[lo]: tuple(column[lo:hi] for column in columns) for lo, hi in zip(bounds[:-1], bounds[1:])}
    rows: list[dict] = []
    from tqdm.auto import tqdm

    everyone = range(len(documents))
    for doc_id, text, lang in tqdm(zip(documents["doc_id"].astype(str).tolist(), iter_texts(documents["text"], everyone),
                                       documents["lang"].tolist()),
                                   total=len(documents), desc="quotes", disable=not progress):
        if not text:
            continue
        spans = _quotations(text)
        if not spans:
            continue
        rows.extend(_document_quotes(doc_id, text, lang, spans, by_doc.get(doc_id)))
    if not rows:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c in ("start", "end") else object) for c in QUOTE_COLUMNS})
    quotes = pd.DataFrame(rows)[QUOTE_COLUMNS]
    return quotes.sort_values(["doc_id", "start"], kind="stable").reset_index(drop=True)


def _quotations(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in _QUOTED.finditer(text):
        group = match.lastgroup
        spans.append((match.start(group), match.end(group)))
    taken = [(s - 1, e + 1) for s, e in spans]
    for match in _DASH_LINE.finditer(text):
        start, end = match.span("q")
        if not any(start < b and end > a for a, b in taken):
            spans.append((start, end))
    return sorted(_strip(text, s, e) for s, e in spans)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t,":
        start += 1
    while end > start and text[end - 1] in " \t,":
        end -= 1
    return start, end


def _document_quotes(doc_id, text, lang, spans, persons: tuple[np.ndarray, ...] | None) -> list[dict]:
    """Quotes of one document; ``persons``: start, end, actor_id and actor arrays of its person mentions."""
    verbs = _VERB_PATTERNS.get(lang, _ANY_VERB)
    sentences = split_sentences(text, lang=lang)
    sentence_starts = np.array([s for s, _ in sentences]) if sentences else np.array([0])
    if persons is not None:
        p_start, p_end, p_ids, p_names = persons
    rows = []
    for start, end in spans:
        quote = text[start:end]
        if not quote.strip():
            continue
        index = max(int(np.searchsorted(sentence_starts, start, side="right")) - 1, 0)
        s_start, s_end = sentences[index] if sentences else (0, len(text))
        last = index
        while last + 1 < len(sentences) and sentences[last][1] < end:
            last += 1
        s_end = max(s_end, sentences[last][1] if sentences else s_end)
        windows = [(end, s_end), (s_start, start)]
        if index > 0 and text[sentences[index - 1][0]:sentences[index - 1][1]].rstrip().endswith(":"):
            windows.append(sentences[index - 1])
        if last + 1 < len(sentences) and not _QUOTED.search(text, *sentences[last + 1]):
            windows.append(sentences[last + 1])
        speaker = None
        has_verb = False
        for w_start, w_end in windows:
            segment = text[w_start:w_end]
            for verb in verbs.finditer(segment):
                if start <= w_start + verb.start() < end:
                    continue
                has_verb = True
                if persons is None:
                    break
                speaker = _nearest_person(w_start + verb.start(), w_start + verb.end(), w_start, w_end,
                                          start, end, p_start, p_end, p_ids, p_names)
                if speaker:
                    break
            if has_verb:
                break
        if not has_verb and len(quote.split()) < _MIN_WORDS_WITHOUT_VERB:
            continue
        rows.append(dict(doc_id=doc_id, speaker=speaker[1] if speaker else None,
                         speaker_id=speaker[0] if speaker else None, quote=quote, start=start, end=end, lang=lang))
    return rows


def _nearest_person(v_start, v_end, w_start, w_end, q_start, q_end, p_start, p_end, p_ids, p_names):
    inside = (p_start >= w_start) & (p_end <= w_end) & ~((p_start >= q_start) & (p_end <= q_end))
    if not inside.any():
        return None
    gaps = np.maximum(np.maximum(p_start - v_end, v_start - p_end), 0)
    gaps = np.where(inside, gaps, np.iinfo(np.int64).max)
    best = int(np.argmin(gaps))
    if gaps[best] > _MAX_SPEAKER_DISTANCE:
        return None
    return p_ids[best], p_names[best]
