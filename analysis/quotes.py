"""Direct quotations and their speakers, in the quotation conventions of en/it/fr/de/pl/ru.

A quotation is text between paired quotation marks (“…”, "…", «…», „…“, „…”, »…«, ‚…‘, ‘…’,
'…', ”…”, and the mixed pairs "…”, „…" of copied text) or a dash-dialogue line whose
attribution follows a second dash (``— Текст, — заявил Лавров.``; in pl/ru also without the
opening dash, ``Jestem za – zadeklarowała Le Pen.``). Curly marks and guillemets may span line
breaks (not a blank line); straight double quotes stay on one line unless closed by ”. A
quotation inside another one belongs to it and is not a row of its own.

Quotes of one to three words are kept only with an attribution verb right next to them and
punctuation between (“Yes,” she said / he said: “No.”); otherwise they are scare quotes, titles
or names («Большой двадцатки», “so-called”). Longer quotes are kept, with speaker None when
nothing attributes them.

Speaker: the attribution verb ("said", "ha dichiarato", "a déclaré", "sagte", "powiedział",
"заявил", "according to"...) closest to the quotation — after it up to the next quotation
(unless that stretch introduces the next quotation with a colon), before it in the same
sentence, in a previous sentence ending with a colon, or in the next sentence ("X said this")
— and the person mention nearest to that verb in the same clause (no colon or semicolon
between); for a gerund ("saying", "dichiarando") the first person of the sentence. Names inside
quotations and possessives ("May’s deal") are never speakers. A pronoun subject ("he said",
"erklärt er", "a-t-il écrit", "отметил он") is the last person named before the quotation; a
verb before the quotation with no person near it takes the only person named earlier in its
clause ("Le Pen, która …, powiedziała: „…”", "X said … and added “…”"). A quotation that opens
its sentence with no attribution at all continues the previous quotation's speaker when no
other person is named in between. Organisations and bare role nouns ("— подчеркнул дипломат")
are not speakers; no verb or no person: speaker None.
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from analysis.io import iter_texts
from analysis.sentences import split_sentences

QUOTE_COLUMNS = ["doc_id", "speaker", "speaker_id", "quote", "start", "end", "lang"]
# Quotes up to this many words are scare quotes unless an attribution verb is adjacent.
_MAX_SCARE_WORDS = 3
# An adjacent verb: at most this many characters between the quote mark and the verb.
_ADJACENT_VERB = 30
# An attribution verb after the quotation must start this close to its end.
_MAX_VERB_AFTER = 60
# An attribution verb before the quotation (same sentence) must end this close to its start.
_MAX_VERB_BEFORE = 300
# Person mention must be this close (characters) to the attribution verb.
_MAX_SPEAKER_DISTANCE = 80
# A pronoun speaker resolves to a person named at most this far before.
_MAX_PRONOUN_DISTANCE = 1500
# A continued quotation inherits the speaker of a quotation ending at most this far before.
_MAX_CONTINUATION_GAP = 600
_MAX_QUOTE_CHARS = 2000

_ONE_LINE = r"[^\"\n]"
_NO_BLANK_LINE = r"(?:[^{marks}\n]|\n(?![ \t]*\n))"


def _span(open_mark: str, close: str, excluded: str) -> str:
    return rf"{open_mark}(?P<q{{}}>{_NO_BLANK_LINE.format(marks=excluded)}{{{{2,{_MAX_QUOTE_CHARS}}}}}?){close}"


_PAIRS = [
    _span("“", "[”\"]", "“”\""),
    # Straight quotes: an opening mark does not follow a letter, a closing one does not precede one.
    rf"(?<!\w)\"(?P<q{{}}>(?=\S){_ONE_LINE}{{{{2,{_MAX_QUOTE_CHARS}}}}}?)(?<=\S)\"(?!\w)",
    "(?<!\\w)" + _span("\"", "”", "“”\""),
    _span("«", "»", "«»"),
    _span("„", "[“”\"]", "„“”\""),
    _span("»", "«", "»«"),
    r"‚(?P<q{}>[^‚‘’\n]{{2,300}}?)[‘’]",
    # English single quotes: the closing mark is not an apostrophe inside a word (Farage’s).
    r"(?<![\w‘’])‘(?P<q{}>(?=\S)(?:[^‘’\n]|’(?=\w)){{2,600}}?)(?<=\S)’(?!\w)",
    r"(?<![\w'])'(?P<q{}>(?=\w)(?:[^'\n]|'(?=\w)){{2,600}}?)(?<=\S)'(?!\w)",
    _span("”", "”", "“”"),
]
# The lookahead lets the engine skip, with one test, every position that holds no quotation mark.
_QUOTED = re.compile("(?=[“”\"«»„‚‘'])(?:" + "|".join(p.format(i) for i, p in enumerate(_PAIRS)) + ")")
_DASHES = "—–―"

# Verbs of saying, finite and participle forms (the subject is near them).
_SPEECH_VERBS = {
    "en": r"said|says|say|told|tells|added|adds|stated|states|declared|declares|stressed|stresses|noted|notes|"
          r"explained|explains|insisted|insists|warned|warns|argued|argues|wrote|writes|continued|continues|"
          r"remarked|asserted|asserts|claimed|claims|claim|announced|announces|replied|replies|responded|"
          r"responds|emphasi[sz]ed|emphasi[sz]es|underlined|quoted|urged|urges|confirmed|confirms|suggested|"
          r"suggests|admitted|admits|acknowledged|acknowledges|asked|asks|recalled|recalls|concluded|concludes|"
          r"tweeted|tweets|posted|agreed|agrees|pointed out|points out|observed|observes|"
          r"commented|comments|predicted|predicts|promised|promises|vowed|vows|maintained|maintains|conceded|"
          r"complained|complains|lamented|laments|joked|accused|accuses|called|calls|described|describes|"
          r"reiterated|reiterates|cautioned|cautions|testified|boasted|countered|pledged|pledges|mocked|"
          r"slammed|blasted|charged|wondered|shouted|exclaimed|repeated|repeats|revealed|reveals",
    "it": r"dichiarato|detto|affermato|aggiunto|sottolineato|spiegato|ribadito|"
          r"osservato|scritto|precisato|commentato|concluso|annunciato|avvertito|riferito|ricordato|insistito|"
          r"replicato|risposto|evidenziato|rimarcato|puntualizzato|denunciato|attaccato|ammesso|confermato|"
          r"assicurato|chiarito|incalzato|tuonato|twittato|proseguito|raccontato|rivelato|sostenuto|fatto eco|"
          r"dichiara|dice|dicono|afferma|aggiunge|sottolinea|spiega|ribadisce|osserva|scrive|precisa|commenta|"
          r"conclude|annuncia|avverte|riferisce|ricorda|insiste|replica|risponde|evidenzia|rimarca|puntualizza|"
          r"denuncia|attacca|ammette|conferma|assicura|chiarisce|incalza|tuona|prosegue|continua|racconta|"
          r"rivela|sostiene|disse|dichiarò|affermò|aggiunse|scrisse|spiegò|sottolineò|rispose|commentò",
    "fr": r"déclaré|dit|affirmé|ajouté|souligné|expliqué|estimé|assuré|écrit|"
          r"indiqué|martelé|insisté|précisé|averti|lancé|répondu|confié|poursuivi|observé|rappelé|conclu|"
          r"reconnu|prévenu|annoncé|dénoncé|regretté|déploré|confirmé|raconté|répliqué|tweeté|twitté|commenté|"
          r"tranché|résumé|fustigé|ironisé|plaidé|rétorqué|relevé|signalé|constaté|énoncé|"
          r"déclare|dit|affirme|ajoute|souligne|explique|estime|assure|écrit|indique|martèle|insiste|précise|"
          r"avertit|lance|répond|confie|poursuit|observe|rappelle|conclut|reconnaît|prévient|annonce|dénonce|"
          r"regrette|déplore|confirme|raconte|réplique|commente|tranche|résume|fustige|ironise|plaide|"
          r"rétorque|relève|signale|constate|se désole|se félicite|s['’]inquiète|se réjouit|s['’]indigne|"
          r"déclara|affirma|ajouta|expliqua|répondit|écrivit",
    "de": r"sagte|sagt|sagten|sagen|erklärte|erklärt|erklärten|betonte|betont|fügte|fügt|meinte|meint|schrieb|"
          r"schreibt|warnte|warnt|(?<=[,–—] )so|hieß es|heißt es|äußerte|äußert|unterstrich|unterstreicht|"
          r"kritisierte|kritisiert|forderte|fordert|stellte|stellt|gesteht|gestand|räumte|räumt|ergänzte|"
          r"ergänzt|berichtete|berichtet|erzählte|erzählt|antwortete|antwortet|fragte|fragt|versicherte|"
          r"versichert|bekräftigte|bekräftigt|mahnte|mahnt|verwies|kommentierte|kommentiert|twitterte|nannte|"
          r"nennt|bezeichnete|bezeichnet|freut sich|freute sich|ärgert sich|ärgerte sich|zeigte sich|"
          r"zeigt sich|resümierte|kündigte|kündigt|teilte|teilt|verkündete|bestätigte|bestätigt|"
          r"argumentierte|widersprach|beklagte|beklagt|lobte|lobt|appellierte|gab zu|gibt zu",
    "pl": r"powiedział\w*|mówi|mówią|mówił\w*|stwierdził\w*|stwierdza|dodał\w*|dodaje|podkreślił\w*|podkreśla|"
          r"zaznaczył\w*|zaznacza|oświadczył\w*|oświadcza|napisał\w*|pisze|ocenił\w*|ocenia|przekonywał\w*|"
          r"przekonuje|wyjaśnił\w*|wyjaśnia|zapewnił\w*|zapewnia|cytowany|ostrzegł\w*|ostrzega|"
          r"zadeklarował\w*|deklaruje|przyznał\w*|przyznaje|odpowiedział\w*|odpowiada|zauważył\w*|zauważa|"
          r"poinformował\w*|informuje|tłumaczył\w*|tłumaczy|apelował\w*|zaapelował\w*|wskazał\w*|wskazuje|"
          r"ogłosił\w*|ogłasza|argumentował\w*|przypomniał\w*|przypomina|zapowiedział\w*|zapowiada|"
          r"skomentował\w*|komentuje|uznał\w*|uważa|twierdzi|twierdził\w*|wezwał\w*|zapytał\w*|pyta|"
          r"ripostował\w*|relacjonował\w*",
    "ru": r"заяви\w*|заявля\w*|сказа\w*|говори\w*|отмети\w*|отмеча\w*|подчеркну\w*|подчеркива\w*|"
          r"подчёркива\w*|добави\w*|добавля\w*|сообщи\w*|сообща\w*|поясни\w*|поясня\w*|написа\w*|пишет|"
          r"констатирова\w*|указал\w*|указыва\w*|признал\w*|признаёт|признает|цитирует|предупреди\w*|"
          r"предупрежда\w*|считает|уверен\w*|заверил\w*|завери\w*|ответил\w*|отвечает|рассказа\w*|"
          r"рассказыва\w*|уточни\w*|уточня\w*|напомни\w*|напомина\w*|резюмирова\w*|объясни\w*|объясня\w*|"
          r"прокомментирова\w*|призвал\w*|допустил\w*|выразил\w*",
}
# Gerunds: the speaker is the subject of the clause, the first person named before them.
_GERUNDS = {
    "en": r"saying|adding|declaring|stating|noting|warning|telling|claiming|insisting|arguing|explaining|writing",
    "it": r"dichiarando|dicendo|affermando|aggiungendo|sottolineando|spiegando|precisando|ricordando|osservando|"
          r"scrivendo",
    "fr": r"déclarant|affirmant|ajoutant|soulignant|expliquant|estimant|assurant|précisant|indiquant|rappelant|"
          r"disant",
    "de": r"(?!x)x",
    "pl": r"mówiąc|dodając|podkreślając|stwierdzając|zaznaczając|pisząc|przekonując|tłumacząc",
    "ru": r"заявив|сказав|отметив|подчеркнув|добавив|заявляя|отмечая|подчеркивая|добавляя|написав",
}
# Source markers: attribute like a verb, but never introduce dash dialogue.
_SOURCE_MARKERS = {
    "en": r"according to", "it": r"secondo", "fr": r"selon|d['’]après", "de": r"laut|zufolge",
    "pl": r"według", "ru": r"по словам|по мнению",
}
_PRONOUNS = {
    "en": r"he|she|they", "it": r"lui|lei|loro", "fr": r"il|elle|ils|elles", "de": r"er|sie",
    "pl": r"on|ona|oni|one", "ru": r"он|она|они",
}
# Languages whose copied dialogue often lost the opening dash ("Jestem za – zadeklarowała X.").
_BARE_DASH_LANGS = frozenset({"pl", "ru"})


def _words(pattern: str) -> str:
    # The lookahead on the possible first letters spares the alternation at most positions.
    firsts = sorted({re.sub(r"^\(\?<[=!][^)]*\)", "", branch)[:1].lower() for branch in _branches(pattern)})
    # Not after a hyphen either: "so-called" is no verb of saying.
    if not all(c.isalpha() for c in firsts):
        return rf"(?<![\w-])(?:{pattern})(?!\w)"
    initials = re.escape("".join(firsts) + "".join(c.upper() for c in firsts))
    return rf"(?<![\w-])(?=[{initials}])(?:{pattern})(?!\w)"


def _branches(pattern: str) -> list[str]:
    """Top-level alternatives of a regular expression (parentheses and classes respected)."""
    branches, depth, current, in_class = [], 0, "", False
    for char in pattern:
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        elif not in_class and char == "(":
            depth += 1
        elif not in_class and char == ")":
            depth -= 1
        elif char == "|" and depth == 0 and not in_class:
            branches.append(current)
            current = ""
            continue
        current += char
    return branches + [current]


def _all(table: dict[str, str]) -> str:
    return "|".join(table.values())


def _compile_language(lang: str | None) -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern, re.Pattern | None]:
    def pick(table):
        return table[lang] if lang in table else _all(table)

    verbs = pick(_SPEECH_VERBS)
    gerunds = pick(_GERUNDS)
    attribution = re.compile(rf"{_words(verbs)}|(?P<gerund>{_words(gerunds)})|{_words(pick(_SOURCE_MARKERS))}",
                             re.I)
    pronoun = re.compile(rf"(?<!\w)(?:{pick(_PRONOUNS)})(?!\w)", re.I)  # "-t-il" counts
    spoken = rf"(?:{_words(verbs)}|{_words(gerunds)})"
    dash_line = re.compile(rf"(?m)^[ \t]*[{_DASHES}][ \t]*(?P<q>[^\n]+?)[,.!?…]?[ \t]+[{_DASHES}][ \t]+(?={spoken})",
                           re.I)
    bare_dash = None
    if lang in _BARE_DASH_LANGS:
        bare_dash = re.compile(rf"(?m)^[ \t]*(?P<q>[^\n{_DASHES}]+?)[,.!?…]?[ \t]+[{_DASHES}][ \t]+(?={spoken})",
                               re.I)
    dash_verb = re.compile(rf"[{_DASHES}][ \t]+{spoken}", re.I)
    return attribution, pronoun, dash_verb, dash_line, bare_dash


_LANGUAGE_PATTERNS = {lang: _compile_language(lang) for lang in _SPEECH_VERBS}
_ANY_LANGUAGE = _compile_language(None)
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
        patterns = _LANGUAGE_PATTERNS.get(lang, _ANY_LANGUAGE)
        spans = _quotations(text, patterns)
        if not spans:
            continue
        rows.extend(_document_quotes(doc_id, text, lang, spans, patterns, by_doc.get(doc_id)))
    if not rows:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c in ("start", "end") else object) for c in QUOTE_COLUMNS})
    quotes = pd.DataFrame(rows)[QUOTE_COLUMNS]
    return quotes.sort_values(["doc_id", "start"], kind="stable").reset_index(drop=True)


def _quotations(text: str, patterns) -> list[tuple[int, int]]:
    """Outermost quotation spans (without their marks), in text order."""
    _, _, dash_verb, dash_line, bare_dash = patterns
    spans = []
    for match in _QUOTED.finditer(text):
        spans.append((match.start(match.lastgroup), match.end(match.lastgroup)))
    taken = [(s - 1, e + 1) for s, e in spans]
    # Dialogue needs a dash before a verb of saying: one quick scan spares the line patterns.
    dialogue = (dash_line, bare_dash) if dash_verb.search(text) else ()
    for pattern in dialogue:
        for match in pattern.finditer(text) if pattern is not None else ():
            start, end = match.span("q")
            if not any(start < b and end > a for a, b in taken):
                spans.append((start, end))
                taken.append((start, end))
    outermost: list[tuple[int, int]] = []
    for start, end in sorted((_strip(text, s, e) for s, e in spans), key=lambda span: (span[0], -span[1])):
        if end <= start or (outermost and end <= outermost[-1][1]):
            continue
        outermost.append((start, end))
    return outermost


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\n,":
        start += 1
    while end > start and text[end - 1] in " \t\n,":
        end -= 1
    return start, end


def _document_quotes(doc_id, text, lang, spans, patterns, persons: tuple[np.ndarray, ...] | None) -> list[dict]:
    """Quotes of one document; ``persons``: start, end, actor_id and actor arrays of its person mentions."""
    attribution, pronoun = patterns[:2]
    sentences = split_sentences(text, lang=lang) or [(0, len(text))]
    sentence_starts = np.array([s for s, _ in sentences])
    if persons is not None:
        p_start, p_end, p_ids, p_names = persons
        # Names inside quotations, and possessives, are what the speaker talks about, never the speaker.
        starts = np.array([s for s, _ in spans])
        ends = np.array([e for _, e in spans])
        slot = np.searchsorted(starts, p_start, side="right") - 1
        quoted = (slot >= 0) & (p_end <= ends[np.maximum(slot, 0)]) & (p_start >= starts[np.maximum(slot, 0)])
        keep = ~quoted & np.array([not _possessive(text, e) for e in p_end], dtype=bool)
        persons = (p_start[keep], p_end[keep], p_ids[keep], p_names[keep])
    rows = []
    previous: dict | None = None
    for number, (start, end) in enumerate(spans):
        quote = text[start:end]
        if not quote.strip():
            continue
        first = max(int(np.searchsorted(sentence_starts, start, side="right")) - 1, 0)
        last = first
        while last + 1 < len(sentences) and sentences[last][1] < end:
            last += 1
        s_start, s_end = sentences[first][0], max(sentences[first][1], sentences[last][1])
        prev_end = spans[number - 1][1] + 1 if number else 0
        next_start = spans[number + 1][0] - 1 if number + 1 < len(spans) else len(text)
        found = _attribution(text, start, end, s_start, s_end, prev_end, next_start, sentences, first, last,
                             attribution)
        if found is None:
            if len(quote.split()) <= _MAX_SCARE_WORDS:
                continue
            speaker = _continued_speaker(text, start, s_start, previous, persons)
        else:
            (v_start, v_end, gerund), (w_start, w_end), gap = found
            if len(quote.split()) <= _MAX_SCARE_WORDS and not _adjacent(text, start, end, v_start, v_end, gap):
                continue
            speaker = None
            if persons is not None:
                if gerund and v_start < start:
                    w_start = min(w_start, s_start)
                speaker = _nearest_person(text, v_start, v_end, gerund, w_start, w_end, *persons)
                if speaker is None and _has_pronoun_subject(text, v_start, v_end, pronoun):
                    speaker = _last_person_before(text, min(start, v_start), *persons)
                elif speaker is None and v_end <= start:
                    speaker = _sole_person(text, min(s_start, w_start), v_start, *persons)
        row = dict(doc_id=doc_id, speaker=speaker[1] if speaker else None,
                   speaker_id=speaker[0] if speaker else None, quote=quote, start=start, end=end, lang=lang)
        rows.append(row)
        previous = row
    return rows


def _attribution(text, start, end, s_start, s_end, prev_end, next_start, sentences, first, last, attribution):
    """The attribution verb of a quotation: ((start, end, is_gerund), its search window, distance to the quote)."""
    candidates = []
    after_end = min(s_end, next_start)
    after = text[end:after_end]
    # A stretch ending in a colon introduces the next quotation: its verb is not this one's.
    if not after.rstrip().endswith(":"):
        verb = attribution.search(text, end, min(after_end, end + _MAX_VERB_AFTER + 40))
        if verb and verb.start() - end <= _MAX_VERB_AFTER:
            candidates.append((verb.start() - end, verb, (end, after_end)))
    before_start = max(s_start, prev_end)
    before = list(attribution.finditer(text, max(before_start, start - _MAX_VERB_BEFORE), start))
    if before:
        verb = before[-1]
        candidates.append((start - verb.end(), verb, (before_start, start)))
    if not candidates and first > 0:
        p_start, p_end = sentences[first - 1]
        if p_end <= start and text[p_start:p_end].rstrip().endswith(":") and p_start >= prev_end:
            before = list(attribution.finditer(text, p_start, p_end))
            if before:
                candidates.append((start - before[-1].end(), before[-1], (p_start, p_end)))
    if not candidates and last + 1 < len(sentences):
        n_start, n_end = sentences[last + 1]
        if n_end <= next_start:
            verb = attribution.search(text, n_start, n_end)
            if verb:
                candidates.append((verb.start() - end, verb, (n_start, n_end)))
    if not candidates:
        return None
    gap, verb, window = min(candidates, key=lambda c: c[0])
    return (verb.start(), verb.end(), verb.group("gerund") is not None), window, max(gap, 0)


def _adjacent(text: str, start: int, end: int, v_start: int, v_end: int, gap: int) -> bool:
    """A short quote stands next to its verb as speech: “No,” he said / he said: “No.” / «Нет», — сказал он."""
    if gap > _ADJACENT_VERB:
        return False
    between = text[end:v_start] if v_start >= end else text[v_end:start]
    return bool(re.search(r"[,:—–―]", between)) or text[end - 1] in ",.!?…"


def _sole_person(text, w_start, v_start, p_start, p_end, p_ids, p_names):
    """The only person named in the clause before the verb ("X, who …, said: …", "X said … and added")."""
    clause_start = max(w_start, text.rfind(":", w_start, v_start) + 1, text.rfind(";", w_start, v_start) + 1)
    before = np.flatnonzero((p_start >= clause_start) & (p_end <= v_start))
    if len(before) == 0 or len(set(p_ids[before].tolist())) != 1:
        return None
    return p_ids[before[-1]], p_names[before[-1]]


def _possessive(text: str, mention_end: int) -> bool:
    """"Mueller's findings", "May’s deal": the mention names whose something, not a speaker."""
    return text.startswith(("'s", "’s"), mention_end)


def _nearest_person(text, v_start, v_end, gerund, w_start, w_end, p_start, p_end, p_ids, p_names):
    inside = (p_start >= w_start) & (p_end <= w_end)
    if gerund:
        before = np.flatnonzero(inside & (p_end <= v_start))
        if len(before):
            return p_ids[before[0]], p_names[before[0]]
    gaps = np.maximum(np.maximum(p_start - v_end, v_start - p_end), 0)
    for best in np.flatnonzero(inside)[np.argsort(gaps[inside], kind="stable")]:
        if gaps[best] > _MAX_SPEAKER_DISTANCE:
            break
        # A colon or semicolon closes the clause: "Ma su Bakanov …: Radio Free Europe sottolinea"
        between = text[p_end[best]:v_start] if p_end[best] <= v_start else text[v_end:p_start[best]]
        if ":" not in between and ";" not in between:
            return p_ids[best], p_names[best]
    return None


_PRONOUN_BEFORE_GAP = re.compile(r"[ \t]+(?:\w+[ \t]+){0,2}$")  # "he said", "il a déclaré", "he also said"
_PRONOUN_AFTER_GAP = re.compile(r"^(?:[ \t]+|-t-|-)$")          # "erklärt er", "dit-il", "a-t-il"


def _has_pronoun_subject(text: str, v_start: int, v_end: int, pronoun: re.Pattern) -> bool:
    for match in pronoun.finditer(text, max(0, v_start - 25), min(len(text), v_end + 6)):
        if match.end() <= v_start and _PRONOUN_BEFORE_GAP.search(text[match.end():v_start]):
            return True
        if match.start() >= v_end and _PRONOUN_AFTER_GAP.match(text[v_end:match.start()]):
            return True
    return False


def _last_person_before(text, position, p_start, p_end, p_ids, p_names):
    index = int(np.searchsorted(p_start, position, side="left")) - 1
    while index >= 0 and p_end[index] > position:
        index -= 1
    if index < 0 or position - p_end[index] > _MAX_PRONOUN_DISTANCE:
        return None
    return p_ids[index], p_names[index]


def _continued_speaker(text, start, s_start, previous, persons):
    """The previous quotation's speaker, for a quotation opening its sentence with no attribution."""
    if previous is None or previous["speaker_id"] is None or persons is None:
        return None
    if text[s_start:start].strip(" \t\n\"'“”«»„‚‘’" + _DASHES):
        return None
    if start - previous["end"] > _MAX_CONTINUATION_GAP:
        return None
    p_start, p_end, p_ids, _ = persons
    between = (p_start >= previous["end"]) & (p_end <= start)
    if (p_ids[between] != previous["speaker_id"]).any():
        return None
    return previous["speaker_id"], previous["speaker"]
