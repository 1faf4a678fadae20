"""Diplomatic contacts (calls, meetings, visits, talks, summits, letters) from news text.

Pipeline: per document, a per-language cue regex finds contact words; each cue in a
sentence becomes a *report* with parties (actor mentions), mode, status and date; reports of
one event (several sentences, articles or languages) are then merged into one *contact*.

Rules worth knowing (documented choices):
- Parties: persons in the cue's clause, else in the sentence; with fewer than two, a back
  reference ("the two leaders", "le parti", pronouns) adds the previous sentence's persons;
  states/organisations are parties only when no person is named (a visit may pair one person
  with the place visited). Fewer than two parties: no report.
- A definite re-mention ("the call", "la telefonata") with no "with/between" and no date is a
  reference to an event already reported, not a new report (this keeps bystanders such as a
  spokesperson who "summarised the call" out of the parties).
- Generic "talks" cues are absorbed by a specific mode (phone call, meeting...) with the same
  parties in the same sentence and, when merging, in the same date window.
- Interviews, speeches and statements are not contacts; negated contacts ("did not meet") are
  dropped, refusals/cancellations are kept with status ``refused``.
- Event date: the date mention nearest to the cue in the sentence (relative to the document
  date); else, for a contact that happened, the document date at its precision; planned or
  refused contacts without a date stay undated.
- Merging: same party set, compatible mode and dates within ``date_window_days``. An undated
  report joins an event with the same parties and mode from the same document or story
  (``story_id``); when the corpus has no story ids at all, undated reports with identical
  parties and mode are merged corpus-wide (there is no better evidence to separate them).
  Status: happened > refused > planned (a call first announced, then reported, happened).
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd
from tqdm.auto import tqdm

from analysis.dates import find_dates, infer_document_dates
from analysis.sentences import split_sentences

MODES = ("phone_call", "video_call", "meeting", "visit", "talks", "summit", "letter")
STATUSES = ("happened", "planned", "refused")
CONTACT_LANGUAGES = ("en", "it", "fr", "de", "pl", "ru")
PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
STATUS_RANK = {"happened": 0, "refused": 1, "planned": 2}
# Which mode wins when one sentence has several cues with the same parties.
MODE_RANK = {m: i for i, m in enumerate(("video_call", "phone_call", "summit", "visit", "meeting", "letter", "talks"))}

_W = r"[^\W\d_]*"  # rest of a word (letters only): inflection endings
_CUES: dict[str, dict[str, str]] = {
    "en": {
        "video_call": r"video[- ]?(?:call|conference|link|summit|talks)s?|videoconferenc\w*|virtual (?:summit|meeting|talks|call)s?|"
                      r"(?:by|via|over) video",
        "phone_call": r"(?:tele)?phone (?:call|conversation|talk|discussion)s?|(?:tele)?phoned|phone talks|"
                      r"(?:spoke|speaks|speak|talked|talks|spoken|conversation)\s+(?:\w+\s+){0,5}?(?:by|on the|over the) (?:tele)?phone|"
                      r"(?:a|the|in|during) call with|telephone",
        "summit": r"summit(?:s|ry)?",
        "meeting": r"meet|meets|met|meeting|meetings|hosted|sat down with",
        "visit": r"visit|visits|visited|visiting|state visit",
        "talks": r"talks|held talks|negotiations|negotiated|consultations|discussed|conferred|informed",
        "letter": r"letter|letters|wrote to|written to",
    },
    "it": {
        "video_call": rf"videochiamat{_W}|videoconferenz{_W}|video ?collegamento|collegamento video|in video",
        "phone_call": rf"telefon{_W}|si sono (?:sentiti|chiamati)|chiamata telefonica|sentit[oi] al telefono",
        "summit": rf"vertic{_W}|summit",
        "meeting": rf"incontr{_W}|riunion{_W}",
        "visit": rf"visit{_W}",
        "talks": rf"colloqui[oi]?|negoziat{_W}|trattativ{_W}|consultazion{_W}|(?:hanno|ha|avevano|aveva) discusso|"
                 rf"(?:ha|hanno) informato",
        "letter": r"letter[ae]",
    },
    "fr": {
        "video_call": rf"visioconférenc{_W}|vidéoconférenc{_W}|(?:par|en) (?:vidéo|visio)",
        "phone_call": rf"téléphon{_W}|appel{_W} téléphonique{_W}",
        "summit": rf"sommet{_W}",
        "meeting": rf"rencontr{_W}|réunion{_W}|réuni{_W}",
        "visit": rf"visit{_W}",
        "talks": rf"négociation{_W}|négocié{_W}|pourparlers|consultations|(?:s'est|se sont|s’est) entretenu{_W}|"
                 rf"entretien{_W} avec|(?:ont|a) discuté",
        "letter": rf"lettre{_W}|courrier",
    },
    "de": {
        "video_call": rf"video{_W}|per video",
        "phone_call": rf"telefon{_W}",
        "summit": rf"{_W}gipfel{_W}",
        "meeting": rf"treffen|trifft|traf|trafen|getroffen|treffens|zusammengetroffen|zusammenkunft",
        "visit": rf"besuch(?!er){_W}",
        "talks": rf"gespräche|gesprächen|verhandlung{_W}|verhandelt{_W}|konsultation{_W}|beratungen|sprach mit|sprachen",
        "letter": r"brief|briefe|briefes|briefs",
    },
    "pl": {
        "video_call": rf"wideokonferencj{_W}|telekonferencj{_W}|wideorozmow{_W}|(?:przez|za pośrednictwem) (?:wideo|łącza wideo)",
        "phone_call": rf"telefoniczn{_W}|przez telefon|zadzwoni{_W}|rozmawia{_W} telefonicznie|telefonicznie",
        "summit": rf"szczyt{_W}",
        "meeting": rf"spotka{_W}|spotkań|spotkani{_W}",
        "visit": rf"wizyt{_W}|odwiedzi{_W}|odwiedza{_W}",
        "talks": rf"rozmow{_W}|rozmawia{_W}|negocjac{_W}|negocjowa{_W}|konsultac{_W}",
        "letter": r"list|listu|listem|listy|liście",
    },
    "ru": {
        "video_call": rf"видеоконференц{_W}|видеосвяз{_W}|видеоформат{_W}|видеозвон{_W}|онлайн-(?:встреч|саммит|переговор){_W}",
        "phone_call": rf"телефон{_W}|созвонил{_W}|созвонятся|позвонил{_W}",
        "summit": rf"саммит{_W}",
        "meeting": rf"встре[чт]{_W}",
        "visit": rf"визит(?!ер|ёр){_W}|посетил{_W}|посетит|посетят|посещени{_W}",
        "talks": rf"переговор{_W}|консультаци{_W}|обсудил{_W}|бесед{_W}",
        "letter": rf"письм{_W}|письмо",
    },
}
# A meeting/summit/talks word next to one of these is a video call.
_VIRTUAL = re.compile(r"virtual\w*|virtuel\w*|virtuell\w*|wirtualn\w*|виртуальн\w*|online|онлайн|по видеосвязи|"
                      r"in videoconferenza|en visioconférence|per video", re.I)
_CUE_PATTERNS = {
    lang: re.compile(
        "|".join(rf"(?P<{mode}>(?<!\w)(?:{pattern})(?!\w))" for mode, pattern in cues.items()), re.I
    )
    for lang, cues in _CUES.items()
}
# "the call", "la telefonata": a definite noun phrase that refers back to a reported event.
_DEFINITE_BEFORE = {
    "en": r"(?:the|this|that|their|his|her|its)\s+(?:\w+\s+){0,2}$",
    "it": r"(?:il|lo|la|l'|l’|i|gli|le|del|della|dello|dei|degli|delle|nel|nella|nello|al|alla|dal|dalla|sul|sulla|"
          r"questa|questo|quella|quello|tale)\s*(?:\w+\s+){0,2}$",
    "fr": r"(?:le|la|l'|l’|les|du|des|au|aux|cette|ce|cet|leur|son|sa)\s*(?:\w+\s+){0,2}$",
    "de": r"(?:der|die|das|dem|den|des|beim|im|vom|zum|zur|diese\w*|dieses)\s+(?:\w+\s+){0,2}$",
    "pl": r"(?:ta|tej|tę|tym|tego|te|tych|tą)\s+(?:\w+\s+){0,2}$",
    "ru": r"(?:эт\w+|данн\w+|указанн\w+)\s+(?:\w+\s+){0,2}$",
}
_DEFINITE_BEFORE = {lang: re.compile(p, re.I) for lang, p in _DEFINITE_BEFORE.items()}
_LINK_AFTER = re.compile(
    r"^\W{0,3}(?:\w+\W+){0,3}?(?:with|between|to|con|tra|fra|avec|entre|mit|zwischen|z|ze|między|pomiędzy|с|со|между)\b",
    re.I,
)
_PLANNED = {
    "en": r"will|'ll|’ll|shall|is to|are to|due to|expected|plans?|planned|planning|scheduled|upcoming|forthcoming|"
          r"next (?:week|month|year)|to be held|would (?:meet|hold|visit|travel|speak|talk)|set to|proposed|propose|"
          r"invited|invitation|ready to|prepar\w*|hopes? to|wants? to|intends? to|agreed to (?:meet|hold)",
    "it": r"\w+(?:erà|eranno|irà|iranno|arà|aranno)|previst\w*|prossim\w*|in programma|programmat\w*|atteso|attesa|"
          r"dovrebbe|dovrebbero|si terrà|preparare|invit\w*|pronto a|disponibil\w*|intende|vuole",
    "fr": r"\w+(?:era|eront|ira|iront)|aura lieu|prévu\w*|prochain\w*|devrait|devraient|doit|doivent|se tiendra|"
          r"invit\w*|prêt à|prépar\w*|envisag\w*|veut",
    "de": r"wird|werden|soll|sollen|will|wollen|geplant\w*|nächste\w*|bevorstehend\w*|kommende\w*|anstehend\w*|"
          r"eingeladen|einladung|bereit",
    "pl": r"będzie|będą|odbędzie|ma się odbyć|mają się|planowan\w*|zaplanowan\w*|przyszł\w*|spotka się|spotkają się|"
          r"pojedzie|odwiedzi|zaprosi\w*|zaproszeni\w*|gotów|gotowy|chce",
    "ru": r"будет|будут|состоится|пройд[её]т|планиру\w*|запланирован\w*|предстоящ\w*|намерен\w*|встретится|"
          r"встретятся|проведут|проведет|проведёт|посетит|посетят|собира\w*|следующ\w*|пригла\w*|готов\w*|хочет",
}
_REFUSED = {
    "en": r"refus\w*|declin\w*|rejected|cancel\w*|called off|turned down|snubb\w*",
    "it": r"rifiut\w*|respint\w*|annullat\w*|cancellat\w*|declinat\w*",
    "fr": r"refus\w*|rejet\w*|annul\w*|décliné\w*",
    "de": r"abgesagt|absage\w*|abgelehnt|lehnt\w*|verweiger\w*",
    "pl": r"odmówi\w*|odmaw\w*|odrzuci\w*|odwoła\w*|odwołan\w*",
    "ru": r"отказал\w*|отказыва\w*|отказ|отменил\w*|отменен\w*|отменён\w*|отклонил\w*",
}
_NEGATION_BEFORE = {
    "en": r"\b(?:not|never|no|n't|without)\s+(?:\w+\s+){0,2}$",
    "it": r"\b(?:non|mai|nessun\w*|senza)\s+(?:\w+\s+){0,2}$",
    "fr": r"\b(?:pas|jamais|aucun\w*|sans|ni)\s+(?:\w+\s+){0,2}$",
    "de": r"\b(?:nicht|nie|niemals|kein\w*|ohne)\s+(?:\w+\s+){0,2}$",
    "pl": r"\b(?:nie|nigdy|żadn\w*|bez)\s+(?:\w+\s+){0,1}$",
    "ru": r"(?<!\w)(?:не|ни|никак\w*|без)\s+(?:\w+\s+){0,1}$",
}
_PLANNED = {lang: re.compile(rf"(?<!\w)(?:{p})(?!\w)", re.I) for lang, p in _PLANNED.items()}
_REFUSED = {lang: re.compile(rf"(?<!\w)(?:{p})(?!\w)", re.I) for lang, p in _REFUSED.items()}
_NEGATION_BEFORE = {lang: re.compile(p, re.I) for lang, p in _NEGATION_BEFORE.items()}
# Interviews, speeches, press conferences: generic "talks" words there are not contacts.
_NOT_A_CONTACT = re.compile(
    r"interview\w*|intervist\w*|entrevue|wywiad\w*|интервью|press conference|conferenza stampa|"
    r"conférence de presse|pressekonferenz|konferencj\w* prasow\w*|пресс-конференц\w*|journalist\w*|giornalist\w*|"
    r"dziennikar\w*|журналист\w*|reporter\w*|speech|discorso|discours|rede\b|przemówieni\w*|выступлени\w*",
    re.I,
)
_BACK_REFERENCE = {
    "en": r"he|she|they|him|them|his|her|their|the two|both|the sides|the leaders|the presidents|the ministers|"
          r"counterpart\w*|the premier|the president|the minister|the chancellor",
    "it": r"i due|entrambi|entrambe|le parti|le due parti|il premier|il presidente|il ministro|omolog\w*|lui|lei|loro",
    "fr": r"les deux|il|elle|ils|elles|homologue\w*|les parties|le président|le premier ministre|le ministre",
    "de": r"die beiden|beide|er|sie|ihm|ihn|amtskolleg\w*|der präsident|der kanzler|der minister",
    "pl": r"obaj|obie|obydwaj|strony|on|ona|oni|jego|jej|ich|mu|nim|niej|odpowiednik\w*|prezydent\w*|premier\w*",
    "ru": r"оба|обе|стороны|сторон|он|она|они|его|её|ее|их|ему|ним|ней|коллег\w*|президент\w*|премьер\w*",
}
_BACK_REFERENCE = {lang: re.compile(rf"(?<!\w)(?:{p})(?!\w)", re.I) for lang, p in _BACK_REFERENCE.items()}
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]—–]|\s-\s")

REPORT_COLUMNS = [
    "doc_id", "sentence_id", "party_ids", "parties", "mode", "status", "date", "end_date", "date_precision",
    "evidence", "evidence_start", "evidence_end", "cue", "cue_start", "lang", "story_id",
]
CONTACT_COLUMNS = [
    "event_id", "parties", "mode", "status", "date", "date_precision", "doc_ids", "evidence", "lang",
    "party_ids", "end_date", "evidence_doc_id", "evidence_start", "evidence_end", "n_reports", "statuses",
]
_MENTION_COLUMNS = ("doc_id", "actor_id", "actor", "actor_type", "start", "end")


@dataclass
class _Cue:
    mode: str
    start: int
    end: int
    clause: tuple[int, int]
    noun_reference: bool
    parties: tuple[str, ...] = ()


def extract_contacts(
    documents: pd.DataFrame,
    mentions: pd.DataFrame,
    *,
    languages: list[str] | tuple[str, ...] | None = None,
    date_window_days: int = 3,
    infer_dates: bool = True,
    progress: bool = False,
) -> pd.DataFrame:
    """The contacts table: one row per event, merged over sentences, articles and languages.

    ``infer_dates=False`` skips ``infer_document_dates`` for documents that already went through it.
    """
    reports = extract_contact_reports(documents, mentions, languages=languages, infer_dates=infer_dates,
                                      progress=progress)
    return merge_contact_reports(reports, date_window_days=date_window_days)


def extract_contact_reports(
    documents: pd.DataFrame,
    mentions: pd.DataFrame,
    *,
    languages: list[str] | tuple[str, ...] | None = None,
    infer_dates: bool = True,
    progress: bool = False,
) -> pd.DataFrame:
    """One row per contact report: a contact cue in a sentence with its parties, mode, status, date.

    Missing document dates are inferred from the text unless ``infer_dates=False`` (documents
    that already went through ``infer_document_dates``, as in the pipeline).
    """
    languages = _check_languages(languages)
    _check_columns(documents, ("doc_id", "text", "lang", "date"), "documents")
    _check_columns(mentions, _MENTION_COLUMNS, "mentions")
    docs = documents[documents["lang"].isin(languages)]
    has_cue = [bool(_CUE_PATTERNS[lang].search(text or "")) for text, lang in zip(docs["text"], docs["lang"])]
    docs = docs[has_cue]
    if not len(docs):
        return _empty(REPORT_COLUMNS)
    if infer_dates:
        docs = infer_document_dates(docs)
    by_doc = _mentions_by_doc(mentions, set(docs["doc_id"]))
    story_ids = docs["story_id"] if "story_id" in docs.columns else pd.Series(None, index=docs.index)
    rows: list[dict] = []
    iterator = zip(docs["doc_id"], docs["text"], docs["lang"], docs["date"],
                   docs.get("date_precision", pd.Series(None, index=docs.index)), story_ids)
    for doc_id, text, lang, doc_date, doc_precision, story_id in tqdm(
        iterator, total=len(docs), desc="contacts", disable=not progress
    ):
        doc_mentions = by_doc.get(doc_id)
        if doc_mentions is None:
            continue
        for row in _document_reports(text, lang, doc_mentions, doc_date, doc_precision):
            row.update(doc_id=doc_id, lang=lang, story_id=None if pd.isna(story_id) else story_id)
            rows.append(row)
    if not rows:
        return _empty(REPORT_COLUMNS)
    reports = pd.DataFrame(rows)[REPORT_COLUMNS]
    reports["date"] = pd.to_datetime(reports["date"])
    reports["end_date"] = pd.to_datetime(reports["end_date"])
    return reports.sort_values(["doc_id", "evidence_start", "cue_start"], kind="stable").reset_index(drop=True)


def _check_languages(languages) -> tuple[str, ...]:
    if languages is None:
        return CONTACT_LANGUAGES
    languages = tuple(languages)
    unknown = sorted(set(languages) - set(CONTACT_LANGUAGES))
    if unknown:
        raise ValueError(f"no contact cues for language(s) {unknown}; supported: {list(CONTACT_LANGUAGES)}")
    return languages


def _check_columns(frame: pd.DataFrame, columns, name: str) -> None:
    if not isinstance(frame, pd.DataFrame):
        raise ValueError(f"{name} must be a pandas DataFrame, got {type(frame).__name__}")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{name} is missing column(s) {missing}; expected at least {list(columns)}")


def _empty(columns) -> pd.DataFrame:
    frame = pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    for column in ("date", "end_date"):
        if column in frame.columns:
            frame[column] = pd.Series(dtype="datetime64[ns]")
    return frame


def _mentions_by_doc(mentions: pd.DataFrame, doc_ids: set) -> dict[str, pd.DataFrame]:
    subset = mentions[mentions["doc_id"].isin(doc_ids)]
    subset = subset.sort_values(["doc_id", "start", "end"], kind="stable")
    return {doc_id: group for doc_id, group in subset.groupby("doc_id", sort=False)}


def _document_reports(text, lang, doc_mentions, doc_date, doc_precision) -> list[dict]:
    starts = doc_mentions["start"].to_numpy()
    ends = doc_mentions["end"].to_numpy()
    ids = doc_mentions["actor_id"].to_numpy()
    names = dict(zip(doc_mentions["actor_id"], doc_mentions["actor"]))
    is_person = (doc_mentions["actor_type"] == "person").to_numpy()
    cue_pattern = _CUE_PATTERNS[lang]
    reference = None if pd.isna(doc_date) else doc_date
    precision = (doc_precision if isinstance(doc_precision, str) else "day") if reference is not None else None
    sentences = split_sentences(text, lang=lang)
    rows: list[dict] = []
    previous_persons: tuple[str, ...] = ()
    for sentence_id, (s_start, s_end) in enumerate(sentences):
        sentence = text[s_start:s_end]
        in_sentence = (starts >= s_start) & (ends <= s_end)
        persons = _unique(ids[in_sentence & is_person])
        if cue_pattern.search(sentence):
            rows.extend(_sentence_reports(
                text, sentence, s_start, sentence_id, lang, cue_pattern, starts, ends, ids, is_person,
                names, previous_persons, reference, precision, reported_before=bool(rows),
            ))
        previous_persons = persons
    return rows


def _unique(values) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


def _sentence_reports(text, sentence, offset, sentence_id, lang, cue_pattern, starts, ends, ids, is_person,
                      names, previous_persons, reference, precision, *, reported_before: bool) -> list[dict]:
    clauses = _clauses(sentence)
    cues: list[_Cue] = []
    for match in cue_pattern.finditer(sentence):
        mode = match.lastgroup
        start, end = match.span()
        if _NEGATION_BEFORE[lang].search(sentence[max(0, start - 40):start]) and not _REFUSED[lang].search(sentence):
            continue
        if mode == "talks" and _NOT_A_CONTACT.search(sentence):
            continue
        if mode in ("meeting", "summit", "talks") and _VIRTUAL.search(sentence[max(0, start - 20):end + 25]):
            mode = "video_call"
        clause = next(c for c in clauses if c[0] <= start < c[1] or c[1] == len(sentence))
        definite = bool(_DEFINITE_BEFORE[lang].search(sentence[max(0, start - 40):start]))
        linked = bool(_LINK_AFTER.search(sentence[end:end + 60]))
        cues.append(_Cue(mode, start, end, clause, noun_reference=definite and not linked))
    if not cues:
        return []
    in_sentence = (starts >= offset) & (ends <= offset + len(sentence))
    back_reference = bool(_BACK_REFERENCE[lang].search(sentence))
    for cue in cues:
        cue.parties = _parties(cue, offset, starts, ends, ids, is_person, in_sentence, back_reference, previous_persons)
    cues = [c for c in cues if len(c.parties) >= 2]
    cues = _absorb_generic(cues)
    if not cues:
        return []
    dates = find_dates(sentence, lang=lang, reference=reference, reference_precision=precision)
    owned = _assign_dates(cues, dates)
    rows = []
    for cue, date in zip(cues, owned):
        status = _status(sentence[cue.clause[0]:cue.clause[1]], lang)
        if cue.noun_reference and date is None and reported_before:
            continue
        if date is not None:
            event_date, end_date, date_precision = date.date, date.end_date, date.precision
        elif status == "happened" and reference is not None:
            event_date, end_date, date_precision = reference, reference, precision
        else:
            event_date, end_date, date_precision = pd.NaT, pd.NaT, None
        parties = sorted(cue.parties, key=lambda actor_id: (names[actor_id], actor_id))
        rows.append(dict(
            sentence_id=sentence_id, party_ids=parties, parties=[names[p] for p in parties], mode=cue.mode,
            status=status, date=event_date, end_date=end_date, date_precision=date_precision, evidence=sentence,
            evidence_start=offset, evidence_end=offset + len(sentence), cue=sentence[cue.start:cue.end],
            cue_start=offset + cue.start,
        ))
    return rows


def _clauses(sentence: str) -> list[tuple[int, int]]:
    bounds = [0] + [m.end() for m in _CLAUSE_BREAK.finditer(sentence)] + [len(sentence)]
    return [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a] or [(0, len(sentence))]


def _parties(cue, offset, starts, ends, ids, is_person, in_sentence, back_reference, previous_persons):
    in_clause = (starts >= offset + cue.clause[0]) & (ends <= offset + cue.clause[1])
    persons = _unique(ids[in_clause & is_person])
    if len(persons) < 2:
        persons = _unique(ids[in_sentence & is_person])
    if len(persons) < 2 and back_reference and previous_persons:
        persons = _unique(list(persons) + list(previous_persons))
    if len(persons) >= 2:
        return persons
    others = in_sentence & ~is_person
    if not persons:
        clause_others = _unique(ids[others & in_clause])
        return clause_others if len(clause_others) >= 2 else _unique(ids[others])
    if cue.mode == "visit":
        visited = _unique(ids[others & (starts >= offset + cue.end)])
        return persons + visited[:1] if visited else persons
    return persons


def _absorb_generic(cues: list[_Cue]) -> list[_Cue]:
    """Keep one cue per (parties, mode); generic talks give way to a specific mode with the same parties."""
    best: dict[tuple, _Cue] = {}
    for cue in sorted(cues, key=lambda c: (MODE_RANK[c.mode], c.noun_reference, c.start)):
        key = frozenset(cue.parties)
        if (key, cue.mode) in best:
            continue
        if cue.mode == "talks" and any(k == key for k, _ in best):
            continue
        if cue.mode == "meeting" and (key, "visit") in best:
            continue
        best[(key, cue.mode)] = cue
    return sorted(best.values(), key=lambda c: c.start)


def _assign_dates(cues: list[_Cue], dates) -> list:
    """Each date goes to the nearest cue; each cue takes the nearest date it owns."""
    owned: list = [None] * len(cues)
    distance = [np.inf] * len(cues)
    for date in dates:
        gaps = [max(date.start - c.end, c.start - date.end, 0) for c in cues]
        index = int(np.argmin(gaps))
        if gaps[index] < distance[index]:
            owned[index], distance[index] = date, gaps[index]
    return owned


def _status(clause: str, lang: str) -> str:
    if _REFUSED[lang].search(clause):
        return "refused"
    if _PLANNED[lang].search(clause):
        return "planned"
    return "happened"


def merge_contact_reports(reports: pd.DataFrame, *, date_window_days: int = 3) -> pd.DataFrame:
    """Merge reports of one event (same parties, compatible mode, dates within the window) into contacts."""
    if not isinstance(date_window_days, (int, np.integer)) or date_window_days < 0:
        raise ValueError(f"date_window_days must be a non-negative int, got {date_window_days!r}")
    _check_columns(reports, ("doc_id", "party_ids", "parties", "mode", "status", "date", "date_precision",
                             "evidence", "lang"), "reports")
    if not len(reports):
        return _empty(CONTACT_COLUMNS)
    reports = reports.reset_index(drop=True).copy()
    if "end_date" not in reports.columns:
        reports["end_date"] = reports["date"]
    if "story_id" not in reports.columns:
        reports["story_id"] = None
    no_story_ids = reports["story_id"].isna().all()
    reports["_key"] = [tuple(p) for p in reports["party_ids"]]
    reports["_lo"], reports["_hi"] = zip(*(_interval(d, e, p) for d, e, p in
                                           zip(reports["date"], reports["end_date"], reports["date_precision"])))
    window = pd.Timedelta(days=int(date_window_days))
    groups: list[list[int]] = []
    for _, frame in reports.groupby("_key", sort=True):
        groups.extend(_cluster(frame, window, no_story_ids))
    return _contacts_table(reports, groups)


def _interval(date, end_date, precision):
    if pd.isna(date):
        return pd.NaT, pd.NaT
    date = pd.Timestamp(date)
    end = pd.Timestamp(end_date) if not pd.isna(end_date) else date
    if precision == "month":
        return date.replace(day=1), (date + pd.offsets.MonthEnd(0)).normalize()
    if precision == "year":
        return date.replace(month=1, day=1), date.replace(month=12, day=31)
    return date, max(end, date)


def _compatible(mode_a: str, mode_b: str) -> bool:
    return mode_a == mode_b or "talks" in (mode_a, mode_b)


def _cluster(frame: pd.DataFrame, window: pd.Timedelta, no_story_ids: bool) -> list[list[int]]:
    """Clusters of report indices for one party set."""
    clusters: list[dict] = []
    dated = frame[frame["_lo"].notna()].sort_values(["_lo", "_hi", "doc_id"], kind="stable")
    # Specific modes first so that generic talks attach to them.
    for is_generic in (False, True):
        part = dated[(dated["mode"] == "talks") == is_generic]
        for index, row in part.iterrows():
            target = next((c for c in clusters if _compatible(c["mode"], row["mode"])
                           and row["_lo"] <= c["hi"] + window and c["lo"] <= row["_hi"] + window), None)
            if target is None:
                clusters.append(dict(mode=row["mode"], lo=row["_lo"], hi=row["_hi"], members=[index],
                                     docs={row["doc_id"]}, stories={row["story_id"]} - {None}))
            else:
                target["lo"], target["hi"] = min(target["lo"], row["_lo"]), max(target["hi"], row["_hi"])
                target["members"].append(index)
                target["docs"].add(row["doc_id"])
                if row["story_id"] is not None:
                    target["stories"].add(row["story_id"])
    undated = frame[frame["_lo"].isna()].sort_values(["mode", "doc_id"], kind="stable")
    for index, row in undated.iterrows():
        def related(c) -> bool:
            return (row["doc_id"] in c["docs"] or (row["story_id"] is not None and row["story_id"] in c["stories"])
                    or (no_story_ids and c["lo"] is pd.NaT))
        target = next((c for c in clusters if c["mode"] == row["mode"] and related(c)), None)
        target = target or next((c for c in clusters if _compatible(c["mode"], row["mode"]) and related(c)), None)
        if target is None:
            clusters.append(dict(mode=row["mode"], lo=pd.NaT, hi=pd.NaT, members=[index], docs={row["doc_id"]},
                                 stories={row["story_id"]} - {None}))
        else:
            target["members"].append(index)
            target["docs"].add(row["doc_id"])
            if row["story_id"] is not None:
                target["stories"].add(row["story_id"])
    return [c["members"] for c in clusters]


def _contacts_table(reports: pd.DataFrame, groups: list[list[int]]) -> pd.DataFrame:
    rows = []
    for members in groups:
        group = reports.loc[members]
        specific = group[group["mode"] != "talks"]
        modes = (specific if len(specific) else group)["mode"]
        counts = modes.value_counts()
        mode = min(counts.index, key=lambda m: (-counts[m], MODE_RANK[m]))
        dated = group[group["date"].notna()].copy()
        if len(dated):
            dated["_rank"] = dated["date_precision"].map(PRECISION_RANK)
            best_rank = dated["_rank"].min()
            candidates = dated[dated["_rank"] == best_rank]
            date_counts = candidates["date"].value_counts()
            chosen_date = min(date_counts.index, key=lambda d: (-date_counts[d], d))
            chosen = candidates[candidates["date"] == chosen_date].sort_values(["doc_id", "evidence_start"]).iloc[0]
            date, end_date, precision = chosen["date"], chosen["end_date"], chosen["date_precision"]
        else:
            chosen = group.sort_values(["doc_id", "evidence_start"]).iloc[0]
            date, end_date, precision = pd.NaT, pd.NaT, None
        evidence_row = group[group["mode"] == mode].sort_values(
            ["date_precision", "doc_id", "evidence_start"], key=lambda s: s.map(PRECISION_RANK) if s.name ==
            "date_precision" else s, na_position="last").iloc[0]
        statuses = sorted(set(group["status"]), key=STATUS_RANK.get)
        party_ids = list(group.iloc[0]["party_ids"])
        event_key = "|".join(party_ids) + f"|{mode}|{date}|{evidence_row['doc_id']}|{evidence_row['evidence_start']}"
        rows.append(dict(
            event_id="c" + hashlib.sha1(event_key.encode("utf-8")).hexdigest()[:12],
            parties=list(group.iloc[0]["parties"]), mode=mode, status=statuses[0], date=date,
            date_precision=precision, doc_ids=sorted(set(group["doc_id"])), evidence=evidence_row["evidence"],
            lang=evidence_row["lang"], party_ids=party_ids, end_date=end_date,
            evidence_doc_id=evidence_row["doc_id"], evidence_start=int(evidence_row.get("evidence_start", -1)),
            evidence_end=int(evidence_row.get("evidence_end", -1)), n_reports=len(group), statuses=statuses,
        ))
    contacts = pd.DataFrame(rows)[CONTACT_COLUMNS]
    contacts["date"] = pd.to_datetime(contacts["date"])
    contacts["end_date"] = pd.to_datetime(contacts["end_date"])
    contacts["_parties"] = contacts["parties"].map(" | ".join)
    contacts = contacts.sort_values(["date", "_parties", "mode", "event_id"], na_position="last", kind="stable")
    return contacts.drop(columns="_parties").reset_index(drop=True)
