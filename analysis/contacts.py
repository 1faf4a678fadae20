"""Diplomatic contacts (calls, meetings, visits, talks, summits, letters) from news text.

Pipeline: per document, a per-language cue lexicon finds contact words; each cue in a sentence
becomes a *report* with parties, mode, status and date; reports of one event (several sentences,
articles or languages) are then merged into one *contact*.

Rules worth knowing (documented choices):
- Parties are the participants of the cue, not every actor of the sentence. Each cue has a kind:
  a *noun* ("meeting", "colloquio", "Treffen"), a *direct* verb whose object is the other party
  ("met", "ha incontrato", "a rencontré", "traf", "odwiedził", "посетил") or a *verb* whose partner
  needs a preposition ("spoke with", "si sono sentiti", "rozmawiał z", "провёл переговоры с").
  The left side is the nearest actor before the cue (the subject; for nouns only through a
  support verb or preposition: "held talks", "during the visit", or as a possessor/compound
  "Trump's meeting", "NATO-Treffen"), extended over coordinated actors ("A and B met"). The right
  side is the actor introduced by a partner preposition ("with", "between", "con", "tra", "avec",
  "mit", "z", "с"; "to/a/à/nach/do/в" for visits, letters and calls), a genitive ("the visit of
  X", bare genitive in de/pl/ru) or the direct object of a direct verb, extended over
  coordination ("between A and B"). Reporting verbs ("said", "ha detto", "a déclaré", "sagte",
  "powiedział", "заявил"), complementisers and hard punctuation end a side, and sources
  ("according to X", "secondo X", "X zufolge", "по словам X") are never parties, so the person
  quoted or reporting stays out. "X said in a letter to Y" keeps X (the report is the contact).
- A fronted adjunct ("In a phone call with A, B said", "Dopo l'incontro ..., A e B") adds the
  main clause's subject; "the delegation was represented by A, B" adds the delegates.
- Co-subjects of a non-reciprocal verb or of a visit ("A and B hosted/visited ...") are not a
  contact between themselves; nor are actors after the cue joined only by "and" ("X will consult
  with A and B") unless introduced by "between" or linked ("встреча A с B").
- A cue with fewer than two parties and a plural back reference ("the two leaders", "i due
  leader", "les deux pays", "beide", "obaj przywódcy", "стороны") takes the actors of that kind
  from the previous sentences; a subject pronoun before the verb ("He met Zelensky", "Barr said he
  would consult with X") stands for the person named earlier in the sentence, else for the only
  person of the previous sentence. Otherwise fewer than two parties means no report: when the
  parties cannot be determined nothing is emitted.
- Journeys: travel verbs ("flew to", "è volato in", "s'est rendu à", "reiste nach", "przyleciał do",
  "прилетел в", "sarà a", "will be in") are visits between the travelling persons or delegations and
  the country of destination (one visit per destination). A capital (``_CAPITALS``) stands for its
  state as the destination of a journey or a visit ("visited Kyiv", "la visita a Kiev"), and as an
  actor at a clause start or after a partner preposition ("Washington and Moscow held talks",
  "Moskwa chciała negocjować z Kijowem": Polish/Russian only in the nominative or, after "z"/"с",
  the instrumental); elsewhere ("met Putin in Moscow", "принял в Москве", "the Washington Post",
  "la Roma") it is not a party. German, Polish and Russian destinations may precede the verb ("ist
  nach Kiew gereist"), and a subject may follow it; "Arriving in Kyiv, Scholz ..." is Scholz's visit.
- Subjects a verb does without: a second verb coordinated with a first ("A met B and visited C")
  takes the first verb's subject, never its object; a reported contact belongs to the reporter
  ("X ha detto di aver parlato con Y", "X a indiqué avoir eu un entretien avec Y", "X powiedział,
  że rozmawiał z Y"); a first-person subject in a quotation is the speaker named at the attribution
  ("'I spoke with Y,' X said", "- Rozmawiałem z Y - powiedział X"); Italian, Polish and Russian
  verbs without any subject word take the previous sentence's subject when its number agrees
  ("Ha poi incontrato Y", "Затем встретился с Y"); "the latter", "quest'ultimo", "ce dernier",
  "letzterer", "ten ostatni", "последний" are the person named last; a partner may precede a
  final verb ("er habe mit Putin telefoniert"); the agent of a passive is the partner ("was
  received by Y", "è stato ricevuto da Y").
- Summits: "A took part in / attended the NATO summit" adds A to the organisation; a summit or
  meeting named with no person or state is joined by two or more persons or states listed as the
  subject of the next sentence with a participation verb ("The G7 summit opened in Elmau. Biden,
  Scholz and Macron agreed ..."); the evidence then spans both sentences.
- Summits across the document: a summit word named by an organisation next to it ("NATO summit", "vertice
  Ue", "sommet de l'Otan", "EU-Gipfel", "szczyt NATO", "саммит G20") or by its event ("COP26"); an unnamed
  "the summit" is the one named last. Everyone the text says attends it (attendance verbs: "attended", "took
  part", "was invited to", "arrived", "ha partecipato", "a assisté", "nahm teil", "wziął udział", "принял
  участие"; with the summit in their clause or, with no complement, "Biden also attended", "y participent",
  the summit named just before), is listed after it ("including A and B", "tra cui", "dont", "darunter",
  "w tym", "в том числе") or makes a contact "on the sidelines of"/"at" it joins one summit report per
  document; "did not attend", "refused to attend", "if X attends", "X could attend" do not. A meeting named by
  a multilateral organisation ("the NATO meeting", "riunione della Nato", "NATO-Treffen") gathers its
  attendees the same way. Summit words meaning "top" ("al vertice della classifica", "na szczycie listy",
  "Berggipfel") are not summits.
- States for their institutions: "the Turkish foreign ministry", "МИД Турции", "the Russian embassy",
  "ambassador", "counterpart", "officials", "lawmakers" of a state are that state; seats of government and
  foreign/defence ministries of the knowledge base ("the Kremlin", "the White House") stand for their state
  unless a person of that state is a party. Summoning an ambassador is a meeting.
- Refusals: "refused to receive the delegation", "si è rifiutato di ricevere", "weigerte sich, ... zu
  empfangen", "odmówił przyjęcia", "отказался принять" (a refusal earlier in the clause governing an
  infinitive cue); "Kiev refused the visit of X" makes the capital the host of the visit. Receiving a state
  ("przyjęcia Szwecji do NATO") is no reception.
- Mediators: "Turkey brokered/mediated talks between A and B", "Turkey-brokered talks", "talks mediated by
  Turkey", "con la mediazione della Turchia", "sous la médiation de", "unter Vermittlung", "при
  посредничестве" add the mediator to the talks.
- Wishes, appeals and conditions are not contacts: "Y should/could talk to Z", "if Y met Z", "called on Y
  to negotiate", "dovrebbe parlare", "solle verhandeln", "powinien rozmawiać", "должен провести переговоры".
- More cues: "received a call/letter from X" (the caller after "from"), meals ("dined with", "ha cenato
  con"), "sat down with", "thrashed out a deal with", "einigte sich mit", "договорился с"; "the visit of X
  to Y" is X's visit to Y; "the invitation of X by Y", "die Einladung X durch Y" adds the agent Y.
- "They", "ils", "sie" (with a plural verb), "они" before a contact verb stand for the two or more actors
  that open the previous sentence ("Biden and Putin arrived. They met ..."); "the Russian and Ukrainian
  delegations" are two states. A verb after a comma and a noun phrase of its own ("..., unser Außenminister
  empfängt X") does not take an actor before the comma as its subject.
- A compound demonym next to a contact noun names both states ("vertice russo-americano",
  "российско-американские переговоры"); "the pair", "la coppia", "das Paar", "para", "пара" refer back.
- Subjects after a reciprocal verb are both parties ("Am Montag telefonierten Scholz und Macron");
  talks "by phone"/"по телефону" are a phone call.
- Word order: a relative clause between commas keeps its actors and its tense to itself ("Macron, qui a
  rencontré Biden, se rendra à Pékin": Macron travels, and the meeting happened); a German main clause
  with a fronted adverbial has its subject after the verb or auxiliary ("Am Montag empfing Scholz
  Macron", "Zuvor hatte Baerbock Selenskyj getroffen", "Dort traf sie Kuleba", "Bei seinem Telefonat mit
  Macron forderte Scholz ..."); a purpose clause takes the main subject (", um Biden zu treffen"); a place
  between subject and partner is where they met ("ist im Weißen Haus mit Biden zusammengetroffen",
  "принял в Кремле президента Белоруссии Лукашенко"); a person right after a named source starts the
  clause ("Laut Kreml haben Putin und Xi ..."); a headline's list opens its sentence ("Putin, Xi hold
  talks").
- Postponed journeys and contacts are planned ("postponed his trip to Kyiv", "отложил поездку").
- A country or organisation written next to a person of the same side ("US Secretary of State
  Blinken", "prezydentem Mongolii X") is a title, not a party.
- Sense filters: "meet the target", German "Entscheidung getroffen"/"trifft auf", "call for", "invite
  X to act" are not contacts; interviews, speeches, press conferences and conversations with media
  are not contacts.
- Status: refused when a refusal is next to the cue (up to four words before, three after:
  "refused to meet", "the visit was cancelled", "bans ... negotiations", "nicht eingeladen"),
  planned when a call for the contact is next to it ("called for talks", "chiede un incontro") or
  the cue's clause has a future/plan marker (will, expected, plans, invited ...), else happened.
  Negated contacts ("did not meet") are dropped.
- Event date: the date mention nearest to the cue in the sentence (relative to the document
  date); else, for a contact that happened, the document date at its precision; planned or
  refused contacts without a date stay undated.
- Generic "talks" cues are absorbed by a specific mode with the same parties in the sentence.
- Recall rules of the second round: about seventy capitals with their Polish and Russian case forms; a journey
  of persons to their own state (knowledge base) is no visit ("Sánchez flew back to Madrid"), nor is a journey
  to a summit named after it ("flew to Madrid for the NATO summit"); a plural possessive before a contact noun
  ("their meeting", "leur rencontre", "il loro incontro", "ich spotkanie", "их встреча") takes the party found
  plus one person, or two persons, of the nearest previous sentence that names any; persons and states listed
  after a participants phrase ("attendees will include", "alla presenza di", "среди участников") join the
  cue; a quoted phrase of up to six words inside a sentence ("« le président rencontrera » X") does not end the
  clause; "visit", "visite", "visita" after a determiner or possessive is the noun ("his visit to Warsaw"); a
  personal pronoun stands for the nearest person before it, not a state; a contact noun after a modal and its
  verb ("should hold talks", "придется начать переговоры") is a wish, like a verb cue.
- Recall rules of the third round: a subject pronoun or possessive stands for the last person before it in its
  sentence whose name agrees with its gender (across a dash or parenthesis, not a quotation or colon), else for
  the one agreeing person of the nearest of the two previous sentences that names any ("Macron and Merkel arrived.
  She met Zelensky"; "Scholz flew to Washington. The trip ... He met Biden"); "Merkel said he would meet X" is not
  Merkel's contact; a dropped singular subject (pl/ru) is the one of the previous sentence's subjects whose name
  agrees with the past tense ("Baerbock i Ławrow przyjechali. Spotkała się z X"). Seats of government after a
  destination or place preposition ("to the White House", "all'Eliseo", "im Kanzleramt", "w Białym Domu", "в
  Кремль") stand for the holder of their office on the document date when the document names that person (no
  date: the one holder of that office named after the seat in the sentence), else for their state as a
  destination; a host named before the seat leaves it a place ("Mattarella ha ricevuto al Quirinale X"); talks,
  a meeting noun or a reception with one party at a seat ("Erdogan held talks at the Kremlin", "è stato ricevuto
  al Cremlino") are with its occupant, but "spoke at the White House" is a speech. Peoples
  after "with"/"between" in de/pl/ru ("mit den Russen", "z Rosjanami", "с русскими") are their states, unless a
  person of that state is named (own people). A meeting/talks noun opening its sentence with only its partner
  ("The talks with Putin lasted five hours") belongs to the single person whose journey the previous sentence
  reports. A visit in a time adjunct ("during a visit to", "lors d'une visite à", "während eines Besuchs in",
  "podczas wizyty w", "во время визита в") with no visitor is the clause subject's (or the pronoun's antecedent).
  "With the participation of" phrases ("при участии", "unter Beteiligung") list organisations too.
- Merging: same party set, compatible mode and dates within ``date_window_days``. An undated
  report joins an event with the same parties and mode from the same document or story
  (``story_id``); when the corpus has no story ids at all, undated reports with identical
  parties and mode are merged corpus-wide (there is no better evidence to separate them).
  Status: happened > refused > planned (a call first announced, then reported, happened); an undated
  planned or refused report does not join an event of another mode that happened ("they met ...
  a resumption of talks is possible").
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import pandas as pd
from tqdm.auto import tqdm

from analysis.dates import find_dates, infer_document_dates
from analysis.kb import KnowledgeBase, load_kb
from analysis.names import person_gender
from analysis.patterns import WordStartFinder, prefix_tree
from analysis.sentences import split_sentences

MODES = ("phone_call", "video_call", "meeting", "visit", "talks", "summit", "letter")
STATUSES = ("happened", "planned", "refused")
CONTACT_LANGUAGES = ("en", "it", "fr", "de", "pl", "ru")
PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
STATUS_RANK = {"happened": 0, "refused": 1, "planned": 2}
# Which mode wins when one sentence has several cues with the same parties.
MODE_RANK = {m: i for i, m in enumerate(("video_call", "phone_call", "summit", "visit", "meeting", "letter", "talks"))}
# Modes whose partner may be introduced by a destination preposition ("visit to", "letter to", "call to").
_DESTINATION_MODES = frozenset({"visit", "letter", "phone_call"})

_W = r"[^\W\d_]*"  # rest of a word (letters only): inflection endings
# Summits named by their event: the UN climate conferences ("COP26", "COP 27").
_EVENT = r"(?-i:COP ?-?\d{1,2})"
# (mode, kind, pattern); kind: noun | direct (transitive verb: object = partner; "A and B met" is
# reciprocal) | host (transitive, not reciprocal: "A and B hosted X" are co-hosts) | verb (partner after a
# preposition) | call (English "call": partner only after "with"/"between", never "call for/on").
_CUES: dict[str, list[tuple[str, str, str]]] = {
    "en": [
        ("video_call", "noun", r"video[- ]?(?:call|conference|link|summit|talks|meeting)s?|videoconferenc\w*|"
                               r"virtual (?:summit|meeting|talks|call)s?|(?:by|via|over) video(?:[- ]?link|conference)?"),
        ("phone_call", "noun", r"(?:tele)?phone (?:call|conversation|talk|discussion)s?|phone talks|conference calls?|"
                               r"(?:by|on the|over the|via) (?:tele)?phone|telephone"),
        ("phone_call", "from", r"(?:received|receives|got|gets|took|takes|had) (?:a |an )?(?:phone |telephone )?call"),
        ("letter", "from", r"(?:received|receives|got|gets) (?:a |an |the )?(?:\w+ )?letters?"),
        ("phone_call", "call", r"calls?"),
        ("phone_call", "called", r"called"),
        ("phone_call", "direct", r"(?:tele)?phon(?:ed|es)"),
        ("summit", "noun", rf"summit(?:s|ry)?|{_EVENT}"),
        ("meeting", "direct", r"meet|meets|met"),
        ("meeting", "direct", r"(?:hosted|hosts|hosting|gave|gives|held|holds|offered|offers) an? (?:state |official |"
                              r"working |private |gala )?(?:dinner|lunch|luncheon|banquet|reception|breakfast) "
                              r"(?:for|in honou?r of)"),
        ("meeting", "host", r"(?<=\bto )(?:host|receive)|(?<=\bwill )(?:host|receive)|(?<=\bwould )(?:host|receive)|"
                            r"hosted|hosting|receiv(?:ed|es)|welcom(?:ed|es)"),
        ("meeting", "noun", r"meetings?|face-to-face|tête-à-tête|one-on-one"),
        ("meeting", "direct", r"summon(?:ed|s|ing)?"),  # an ambassador summoned to the ministry
        ("visit", "direct", r"visit|visits|visited|visiting|state visits?|trips?"),
        ("visit", "noun", r"invitations?"),
        ("visit", "direct", r"invit(?:ed|es|e|ing)"),
        ("visit", "travel", r"(?:is|are|was|were) expected(?= in\b)|fl(?:ew|ies|y|ying|own)|travell?(?:ed|ing|s)?|land(?:ed|s)|arriv(?:ed|es|e|ing)|went|headed|"
                            r"(?:will|would|is to) (?:be|go)"),
        ("talks", "noun", r"talks|negotiations|consultations|mediation|conversations?"),
        ("phone_call", "direct", r"rang"),
        ("meeting", "verb", r"shook hands|shake hands|shakes hands"),
        ("talks", "verb", r"thrash(?:ed|es|ing)? out|hammer(?:ed|s|ing)? out"),
        ("meeting", "verb", r"dined|dines|lunched|breakfasted|had (?:lunch|dinner|breakfast)|"
                            r"sat down|sit down|sits down|sitting down"),
        ("talks", "verb", r"mediat(?:e|es|ed|ing)|broker(?:s|ed|ing)?"),
        ("talks", "verb", r"negotiat(?:ed|es|e|ing)|conferred|consult(?:ed|s|ing)?|discuss(?:ed|es)?|"
                          r"spoke|spoken|speaks|talked|chatted|held talks"),
        ("letter", "noun", r"letters?"),
        ("letter", "verb", r"wrote|written|writes"),
    ],
    "it": [
        ("video_call", "noun", rf"videochiamat{_W}|videoconferenz{_W}|video ?collegamento|collegamento video|in video"),
        ("phone_call", "from", r"ricevut[oa] (?:una |la )?(?:telefonata|chiamata)|riceve (?:una )?(?:telefonata|chiamata)"),
        ("letter", "from", r"(?:ricevut[oa]|riceve) (?:una |la )?letter[ae]"),
        ("phone_call", "noun", rf"telefon{_W}|chiamata telefonica|al telefono|per telefono"),
        ("phone_call", "verb", r"(?:si sono|si erano|si sono poi) (?:sentiti|chiamati)|sentit[oi] al telefono|"
                               r"(?:ha|hanno|aveva|avevano|avrebbe) telefonato|telefonerà|telefona"),
        ("phone_call", "direct", r"(?:ha|aveva|avrebbe) sentito|sentirà|risentirà"),
        ("meeting", "verb", r"(?:si sono|si erano|si sono poi) vist[ie]|si vedranno|si è vist[oa](?= con\b)"),
        ("summit", "noun", rf"vertic{_W}|summit|{_EVENT}"),
        ("meeting", "noun", rf"incontr[oi]|riunion{_W}|faccia a faccia|tête-à-tête|"
                            r"(?:(?<=il )|(?<=un )|(?<=nel )|(?<=del )|(?<=al ))bilaterale"),  # the noun, not "rapporti bilaterali"
        ("meeting", "direct", r"incontr(?:a|ano|ò|arono|at[oaie]|erà|eranno|are|arsi|andosi|ando|ava|avano)"),
        ("meeting", "host", rf"ricev(?:uto|uta|uti|e|ono|erà|eranno|ere)|accolt[oaie]|accogli{_W}|accoglie|"
                            rf"ospitat[oaie]|ospita|ospiterà"),
        ("meeting", "verb", r"riunit[oaie]|riuni(?:rsi|ranno|rà)"),
        ("meeting", "direct", r"convoca(?:to|ta|ti|te|no)(?=\s+(?:\S+\s+){0,2}?(?:l['’])?(?:ambasciat|incaricat|rappresentant))"),
        ("visit", "direct", rf"visit{_W}"),
        ("visit", "noun", r"invit[oi]|viaggio"),
        ("visit", "direct", r"invitat[oaie]|invita|invitano|invitando|inviterà"),
        ("visit", "travel", r"volat[oaie]|vola|volerà|atterrat[oaie]|recat[oaie]|reca|recherà|recarsi|andat[oaie]|andrà|arrivat[oaie]|"
                            r"arriva|arriverà|giunt[oaie]|giungerà|sbarcat[oaie]|sarà|saranno|in viaggio|viaggerà|"
                            r"(?:è|sono|era|erano) attes[oaie](?= (?:a|ad|in)\b)"),
        ("talks", "noun", r"colloqui[oi]?|negoziat[oi]|trattativ[ae]|consultazion[ei]|mediazion[ei]|conversazion[ei]"),
        ("meeting", "verb", r"cenato|pranzato|cena|pranza|cenano|pranzano|ha fatto colazione"),
        ("talks", "verb", r"(?:ha|hanno|aveva|avevano|avrà|avranno) mediato|mediare|mediando|medierà|medieranno"),
        ("talks", "verb", r"(?:ha|hanno|aveva|avevano|avrà|avranno) negoziato|negozia(?:to|no|re|ndo)|(?:hanno|ha|avevano|aveva|avranno|avrà) discusso|discut(?:ono|e|eranno)|"
                          r"parlat[oi]|parlarsi|parlano|parla|parleranno|parlerà|confrontat[oi]|conversat[oi]"),
        ("letter", "noun", r"letter[ae]|missiv[ae]"),
        ("letter", "verb", r"scritt[oa]|scrive|scriverà"),
    ],
    "fr": [
        ("video_call", "noun", rf"visioconférenc{_W}|vidéoconférenc{_W}|(?:par|en) (?:vidéo|visio)"),
        ("phone_call", "from", r"reçu (?:un |l['’])?(?:appel|coup de fil|coup de téléphone)(?: téléphonique)?|"
                               r"reçoit (?:un )?(?:appel|coup de fil)(?: téléphonique)?"),
        ("letter", "from", r"(?:reçu|reçoit) (?:une |la )?lettres?"),
        ("phone_call", "noun", rf"téléphoni{_W}|(?:au|par) téléphone"),
        ("phone_call", "verb", r"téléphon(?:é|e|ent|era|eront|er)"),
        ("phone_call", "called", r"appel(?:é|le|lent|lera|leront|ait)"),
        ("summit", "noun", rf"sommets?|{_EVENT}"),
        ("meeting", "noun", r"rencontres?|réunions?|entrevues?|tête-à-tête|face-à-face"),
        ("meeting", "direct", r"rencontr(?:é|ée|és|ées|e|ent|era|eront|er|ait|aient)"),
        ("meeting", "host", rf"reçu(?:e|s|es)?|reçoit|reçoivent|recevr(?:a|ont)|recevoir|accueilli{_W}|"
                            rf"accueill(?:e|ent|era|eront|ir|ait)"),
        ("meeting", "verb", r"réuni(?:s|e|es|ra|ront|r)?"),
        ("meeting", "direct", r"convoqu(?:é|ée|és|ées|e|ent|era)(?=\s+(?:\S+\s+){0,2}?(?:l['’])?(?:ambassad|chargé|représentant))"),
        ("visit", "direct", rf"visit{_W}"),
        ("visit", "verb", r"(?:rendu(?:e|s|es)?|rendra)(?= (?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|"
                          r"demain)\s+)?(?:à|en|au|aux|dans|chez)\b)"),
        ("visit", "noun", r"invitations?|déplacement|voyage"),
        ("visit", "direct", r"invit(?:é|ée|és|ées|e|ent|era)"),
        ("visit", "travel", r"envolée?s?|envoler|atterri(?:e|s|es|ra)?|arriv(?:é|ée|és|ées|e|ent|era|eront)|allée?s?|ir(?:a|ont)|"
                            r"voyag(?:é|e|ent|era|eront)|déplacée?s?|sera|seront"),
        ("talks", "noun", r"négociations?|pourparlers|consultations|entretiens?|médiation|médiat(?:eur|rice)s?|conversations?|"
                          r"échanges?(?= (?:téléphoniques?|avec)\b)|discussions?(?= (?:entre|avec)\b)"),
        ("phone_call", "noun", r"appels?(?= (?:téléphoniques? )?(?:avec|entre)\b)"),
        ("meeting", "verb", r"dîné|déjeuné|dîne|déjeune|dînent|déjeunent"),
        ("talks", "verb", r"négoci(?:é|e|ent|era|eront|er|ait|aient)|entretenu(?:e|s|es)?|entretiendr(?:a|ont)|entretenir|"
                          r"discut(?:é|ent|era|eront|er)|parl(?:é|ent|era|eront)|échang(?:é|ent|era|eront|er)(?= avec\b)"),
        ("letter", "noun", r"lettres?|courriers?|missives?"),
        ("letter", "verb", r"écrit"),
    ],
    "de": [
        ("video_call", "noun", rf"video(?:schalte|konferenz|gespräch|telefonat|call|gipfel|verbindung){_W}|per video"),
        ("phone_call", "from", r"(?:erhielt|bekam|erhält|bekommt) (?:einen |den )?anruf"),
        ("letter", "from", r"(?:erhielt|bekam|erhält|bekommt) (?:einen |den )?brief"),
        ("phone_call", "noun", rf"telefonat{_W}|telefongespräch{_W}|telefonkonferenz{_W}|am telefon|per telefon"),
        ("phone_call", "verb", rf"telefonier{_W}"),
        ("phone_call", "direct", r"angerufen|r(?:ief|iefen|uft)(?=\s+(?:[^\s.;:!?]+\s+){0,6}?an\b)"),
        ("summit", "noun", rf"{_W}gipfel{_W}|{_EVENT}"),
        ("meeting", "noun", r"zusammenkunft|begegnung(?:en)?|unterredung(?:en)?"),
        ("meeting", "direct", r"treffen|treffens|trifft|traf|trafen|getroffen|zusammengetroffen"),
        ("meeting", "host", r"empf(?:ing|ingen|ängt|angen)"),
        ("meeting", "direct", r"einbestellt|bestellt(?:e|en)?(?=\s+(?:[^\s.;:!?]+\s+){0,6}?ein\b)"),
        ("meeting", "verb", r"(?:kam|kamen|kommt|kommen)(?=\s+(?:[^\s.;:!?]+\s+){0,8}?zusammen\b)|zusammengekommen|"
                            r"zusammentreffen|zusammentrifft"),
        ("visit", "direct", rf"{_W}besuch(?!er){_W}"),
        ("visit", "travel", r"reist(?:e|en)?|reisen|gereist"),
        ("visit", "noun", rf"{_W}einladung(?:en)?|ausladung|reise"),
        ("visit", "direct", r"eingeladen|ausgeladen|l(?:ud|uden|ädt)(?=\s+(?:[^\s.;:!?]+\s+){0,8}?ein\b)"),
        ("visit", "travel", r"fl(?:og|ogen|iegt|iegen)|geflogen|landet(?:e|en)?|gelandet|kam|kamen|kommt|gekommen|angekommen|eingetroffen|"
                            r"f(?:uhr|uhren|ährt)|gefahren"),
        ("talks", "noun", rf"gespräch(?:e|en)?|verhandlung{_W}|konsultation{_W}|beratung(?:en)?|vermittlung|vermittler{_W}"),
        ("talks", "verb", r"einigt(?:e|en)?(?=\s+sich\b)|geeinigt"),  # came to terms with a partner
        # "unterhielt sich mit", "tauschte sich mit X aus", "haben sich ... ausgetauscht" (the cue is "sich")
        ("talks", "verb", r"(?:unterhielt(?:en)?|tauscht(?:e|en)?)(?=\s+sich\b)|sich(?=\s+(?:[^\s.;:!?]+\s+){0,6}?ausgetauscht\b)"),
        ("meeting", "verb", r"speiste(?:n)?|gespeist|aß(?:en)?(?=\s+(?:[^\s.;:!?]+\s+){0,4}?(?:zu abend|zu mittag))"),
        ("talks", "verb", r"vermittel(?:t|te|ten|n)(?=\s+(?:[^\s.;:!?]+\s+){0,3}?zwischen\b)"),
        ("talks", "verb", rf"verhandel{_W}|verhandelt{_W}|sprach|sprachen|gesprochen|beriet(?:en)?|berät|besprochen|bespricht|besprechen|"
                          rf"besprach(?:en)?|diskutiert{_W}|erörtert{_W}"),
        ("letter", "noun", r"brief|briefe|briefes|briefs|briefen|schreiben"),
        ("letter", "verb", r"schrieb|schrieben|geschrieben"),
    ],
    "pl": [
        ("video_call", "noun", rf"wideokonferencj{_W}|telekonferencj{_W}|wideorozmow{_W}|(?:przez|za pośrednictwem) (?:wideo|łącza wideo)"),
        ("phone_call", "from", r"(?:odebrał|odebrała|otrzymał|otrzymała|dostał|dostała) telefon"),
        ("letter", "from", r"(?:otrzymał|otrzymała|dostał|dostała) list"),
        ("phone_call", "noun", rf"telefoniczn{_W}|przez telefon"),
        ("phone_call", "verb", rf"zadzwoni{_W}|dzwoni{_W}"),
        ("summit", "noun", rf"szczyt{_W}|szczycie|{_EVENT}"),
        ("meeting", "verb", r"spotka(?:ł|ła|ło|li|ły|ją|)(?= się\b)|spotyka(?:ł|ła|li|ły|ją|)(?= się\b)"),
        ("meeting", "noun", rf"spotka{_W}|spotkań|narad{_W}"),
        ("meeting", "host", r"przyj(?:ął|ęła|ęli|mie|mą|muje|ęty|ęta|ęci)|gości(?:ł|ła|li|)"),
        ("meeting", "reception", r"przyjęcia|przyjąć|przyjmować"),
        ("meeting", "direct", r"wezwa(?:ł|ła|li|ło|no)(?=\s+(?:\S+\s+){0,2}?(?:ambasador|chargé|przedstawiciel))"),
        ("visit", "noun", rf"wizyt{_W}"),
        ("visit", "direct", rf"odwiedz{_W}|odwiedzi{_W}|odwiedza{_W}"),
        ("visit", "travel", rf"przyjecha{_W}|przyby{_W}|pojecha{_W}|udał(?:a|y)? się|wyjecha(?:ł|ła|li|ły)|"
                            rf"wylecia(?:ł|ła|ł)|wylecieli"),
        ("visit", "noun", rf"zaprosze{_W}|podróż|podróży|podróżą"),
        ("visit", "direct", rf"zaprosi{_W}|zaprasza{_W}"),
        ("visit", "travel", rf"przylecia{_W}|przylecie{_W}|wylądowa{_W}|przyleci|polecia{_W}|polecie{_W}|poleci|dotar{_W}|dotrze|przyjedzie|pojedzie"),
        ("talks", "noun", rf"rozmow{_W}|rozmów|negocjac{_W}|konsultac{_W}|rokowa{_W}|mediacj{_W}|mediator{_W}"),
        ("talks", "verb", r"porozumia(?:ł|ła|li|ły)(?=\s+się\b)|porozumieli(?=\s+się\b)"),  # came to terms with a partner
        ("meeting", "verb", r"zjad(?:ł|ła|li|ły)(?=\s+(?:[\w-]+\s+){0,2}?(?:kolacj|obiad|śniadani|lunch))"),
        ("talks", "verb", rf"pośredniczy{_W}|pośredniczą"),
        ("talks", "verb", r"konsultowa(?:ł|ła|li|ły)(?=\s+się\b)|konsultuj(?:e|ą)(?=\s+się\b)"),
        ("talks", "verb", rf"rozmawia{_W}|porozmawia{_W}|negocjowa{_W}|negocjuj{_W}|negocjuje|omówi{_W}|omawia{_W}|dyskutowa{_W}"),
        ("letter", "noun", r"list|listu|listem|listy|liście|listów"),
        ("letter", "verb", rf"napisa{_W}"),
    ],
    "ru": [
        ("video_call", "noun", rf"видеоконференц{_W}|видеосвяз{_W}|видеоформат{_W}|видеозвон{_W}|"
                               rf"онлайн-(?:встреч|саммит|переговор){_W}"),
        ("phone_call", "from", r"(?:получил|получила|принял|приняла) (?:телефонный )?звонок"),
        ("letter", "from", r"(?:получил|получила) письмо"),
        ("phone_call", "noun", rf"телефон{_W}"),
        ("phone_call", "verb", rf"созвонил{_W}|созвон(?:ятся|ится)"),
        ("phone_call", "direct", rf"позвонил{_W}|позвонит"),
        ("summit", "noun", rf"саммит{_W}|{_EVENT}"),
        ("meeting", "verb", r"встретил(?:ся|ась|ись)|встрет(?:ится|ятся)|встречал(?:ся|ась|ись)|встреча(?:ется|ются)"),
        ("meeting", "noun", rf"встре[чт]{_W}|совещани{_W}"),
        ("meeting", "host", rf"принял|приняла|приняли|примет|принимал{_W}|принят(?:а|ы)?"),
        ("meeting", "reception", r"принять|принимать"),
        ("meeting", "direct", r"вызвал(?:а|и|о)?(?=\s+(?:\S+\s+){0,2}?(?:посла|поверенного|представителя))"),
        ("visit", "noun", rf"визит(?!ер|ёр){_W}|посещени{_W}"),
        ("visit", "direct", rf"посетил{_W}|посетит|посетят|посеща{_W}"),
        ("visit", "travel", rf"прибыл{_W}|приехал{_W}|прилетел{_W}|прилетев|прибыв|приехав|вылетел(?:а|и)?|"
                            rf"направил(?:ся|ась|ись)"),
        ("visit", "noun", rf"приглашени{_W}|поездк{_W}"),
        ("visit", "direct", rf"пригласил{_W}|пригласит|приглаша{_W}"),
        ("visit", "travel", rf"приземлил(?:ся|ась|ись)|прибудет|прибудут|приедет|приедут|прилетит|прилетят|полетел{_W}|полетит|поехал{_W}|"
                            rf"поедет|отправил(?:ся|ась|ись)|отправится|побывал{_W}"),
        ("talks", "noun", rf"переговор{_W}|консультаци{_W}|бесед{_W}|разговор{_W}|посредник{_W}|посредничеств{_W}"),
        ("talks", "verb", r"договорил(?:ся|ась|ись)|договорятся|договорится"),  # came to terms with a partner
        ("meeting", "verb", r"ужинал(?:а|и)?|поужинал(?:а|и)?|обедал(?:а|и)?|пообедал(?:а|и)?|позавтракал(?:а|и)?"),
        ("talks", "verb", rf"посредничал{_W}|посредничает|посредничают|посредничать"),
        ("talks", "verb", r"(?:по)?общал(?:ся|ась|ись)|пообщается|пообщаются|обменял(?:ся|ась|ись)(?=\s+мнениями)"),
        ("meeting", "noun", r"тет-а-тет"),
        ("talks", "verb", rf"говорил(?:а|и)?(?=\s+(?:с|со|по телефону)(?!\w))|разговаривал{_W}|обсудил{_W}|обсужда{_W}|переговорил{_W}|поговорил{_W}|беседовал{_W}"),
        ("letter", "noun", rf"письм{_W}|послани{_W}"),
        ("letter", "verb", rf"написал{_W}"),
    ],
}
_CUE_PATTERNS: dict[str, re.Pattern] = {}
_CUE_KINDS: dict[str, dict[str, tuple[str, str]]] = {}
for _lang, _entries in _CUES.items():
    _groups = {f"c{i}": (mode, kind) for i, (mode, kind, _) in enumerate(_entries)}
    _CUE_KINDS[_lang] = _groups
    # One look-behind for all alternatives: 3-4x faster than one per alternative; the look-ahead skips
    # word starts that are digits (every cue starts with a letter) before trying the alternatives.
    _CUE_PATTERNS[_lang] = re.compile(
        "(?<!\\w)(?=[^\\W\\d_])(?:" + "|".join(rf"(?P<c{i}>{pattern})(?!\w)" for i, (_, _, pattern) in enumerate(_entries)) + ")",
        re.I)


_CUE_FINDERS = {lang: WordStartFinder(pattern) for lang, pattern in _CUE_PATTERNS.items()}


def _words(pattern: str) -> re.Pattern:
    return re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", re.I)


# Per-language function words. link: partner prepositions; destination: "to/in" of visits; addressee:
# "to" of letters and calls;
# genitive: "of" after a noun; block: other prepositions (topic, cause, place...), which end a side;
# coord: coordination; report: reporting verbs; source: "according to" (the next actor is a source);
# source_after: postpositional "zufolge"; comp: complementisers; rel: relative pronouns;
# conj: clause conjunctions; support: support verbs and prepositions between a subject and a noun cue;
# adjunct: words that open a fronted adjunct ("In a call with A, B ..."); place: "in" before a host country.
_LEXICON: dict[str, dict[str, str]] = {
    "en": dict(
        place=r"in|at",
        between=r"between|among",
        addressee=r"to",
        link=r"with|between|among",
        destination=r"to",
        genitive=r"of",
        block=r"on|about|over|regarding|concerning|for|against|from|by|after|before|into|without|at|under|as",
        coord=r"and|as well as|along with|together with|,",
        report=r"said|says|say|told|tells|tell|added|adds|stated|states|claimed|claims|noted|notes|announced|announces|"
               r"reported|declared|insisted|explained|argued|warned|stressed|tweeted|posted|wrote|confirmed|revealed",
        source=r"according to|quoted by|cited by|reported by|confirmed by",
        source_after=r"(?!x)x",
        comp=r"that",
        rel=r"who|which|whom|whose|where",
        conj=r"but|while|whereas|although|because|though|yet|so|even if|if|unless",
        support=r"had|has|have|having|held|hold|holds|holding|attended|attend|attends|attending|joined|join|joins|"
                r"postpon\w*|delay\w*|put off|puts off|"
                r"took part|take part|takes part|participated|participates|made|make|makes|paid|pay|pays|conducted|"
                r"began|begin|started|start|concluded|ended|wrapped up|will have|would have|at|in|during|after|before|"
                r"ahead of|on|via|by|for|to|was|were|is|are|arrived|came|went|travell?ed|headed|flew|"
                r"sent|sends|send|addressed|signed|his|her|their|its|brokered|mediated|facilitated|hosted|organi[sz]ed|arranged|sponsored|"
                r"conduct\w*|lead|leads|leading|led|open\w*|resum\w*|launch\w*|engag\w*|enter\w*|pursu\w*|conven\w*",
        adjunct=r"in|during|after|before|at|on|following|speaking|ahead of|prior to|while|by|via",
    ),
    "it": dict(
        place=r"a|in|ad",
        between=r"tra|fra",
        addressee=r"a|ad|al|alla|allo|ai|agli|alle|all",
        link=r"con|tra|fra|insieme a|insieme con",
        destination=r"a|ad|al|alla|allo|ai|agli|alle|all|in|presso|nel|nella",
        genitive=r"di|del|della|dello|dei|degli|delle|dell|d",
        block=r"su|sul|sulla|sullo|sui|sugli|sulle|sull|riguardo|circa|per|contro|da|dal|dalla|dallo|dai|dagli|dalle|"
              r"dall|senza|dopo|prima|sotto|come",
        coord=r"e|ed|nonché|oltre a|,",
        report=r"detto|dice|dicono|dichiarato|dichiara|dichiarano|affermato|afferma|sostenuto|sostiene|spiegato|spiega|"
               r"aggiunto|aggiunge|riferito|riferisce|annunciato|annuncia|sottolineato|sottolinea|osservato|precisato|"
               r"ribadito|ribadisce|confermato|conferma|twittato|scritto su",
        source=r"secondo|stando a|a detta di|citato da",
        source_after=r"(?!x)x",
        comp=r"che",
        rel=r"cui|il quale|la quale|i quali|le quali",
        conj=r"ma|mentre|però|perché|poiché|sebbene|benché|tuttavia|anche se|se|finché",
        support=r"ha avuto|avuto|hanno avuto|avrà|avranno|aveva|avevano|ha tenuto|tenuto|terrà|terranno|tiene|tengono|"
                r"rinviat\w*|rinvia|rimandat\w*|rimanda|posticipat\w*|"
                r"partecipato|partecipa|partecipano|parteciperà|fatto|effettuato|compiuto|svolto|avviato|concluso|"
                r"in|nel|nella|nei|negli|nelle|durante|dopo|prima|al|alla|all|ai|per|a|è|sono|era|erano|sarà|"
                r"arrivato|arrivata|giunto|giunta|in occasione|nel corso|a margine|inviato|inviata|mandato|firmato|"
                r"sua|suo|suoi|sue|loro|conduc\w*|condott\w*|avvi\w*|riprend\w*|ripres\w*|apert\w*|apr\w*|intrattien\w*|intrattenut\w*|tenendo|tenut\w*|svolg\w*|impegnat\w*|"
                r"mediato|ospitato|organizzato|favorito|convoc\w*|indett\w*|indice|indire",
        adjunct=r"in|nel|nella|nei|durante|dopo|prima|al|alla|all|a|nel corso|in occasione|parlando|a margine|ai margini",
    ),
    "fr": dict(
        place=r"à|a|en|au|aux",
        between=r"entre",
        addressee=r"à|au|aux",
        link=r"avec|entre",
        destination=r"à|a|au|aux|en|chez|auprès|dans|vers",
        genitive=r"de|du|des|d",
        block=r"sur|concernant|pour|contre|par|après|avant|sans|depuis|sous|comme|selon",
        coord=r"et|ainsi que|,",
        report=r"dit|déclaré|déclare|affirmé|affirme|ajouté|ajoute|expliqué|explique|souligné|souligne|annoncé|"
               r"annonce|estimé|estime|indiqué|indique|assuré|assure|rapporté|confirmé|confirme|"
               r"a-t-il|a-t-elle|ont-ils|tweeté|écrit sur",
        source=r"selon|d'après|d’après|cité par",
        source_after=r"(?!x)x",
        comp=r"que|qu",
        rel=r"qui|dont|lequel|laquelle|lesquels|lesquelles",
        conj=r"mais|tandis|alors que|parce|puisque|bien que|cependant|pourtant|même si|si",
        support=r"a eu|eu|eue|aura|ont eu|auront|avait|avaient|tenu|tiendra|tiendront|participé|participe|participera|"
                r"report(?:é|ée|és|ées|e|ent)|repouss(?:é|ée|e|ent)|"
                r"effectué|fait|mené|entamé|conclu|lors|pendant|après|avant|en|à|au|aux|pour|dans|est|sont|était|"
                r"a|ont|sera|arrivé|arrivée|en marge|à l'issue|à l’issue|envoyé|envoyée|adressé|adressée|signé|"
                r"sa|son|ses|leur|leurs|men\w*|conduit\w*|condui\w*|entam\w*|reprend\w*|repris\w*|ouvert\w*|engag\w*|poursui\w*|tenu\w*|accueilli|organisé|parrainé|"
                r"servi de|sert de|convoqu\w*",
        adjunct=r"lors|pendant|après|avant|au|à|en|dans|à l'issue|à l’issue|en marge|s'exprimant|s’exprimant",
    ),
    "de": dict(
        place=r"in|im",
        between=r"zwischen",
        addressee=r"an",
        link=r"mit|zwischen",
        destination=r"nach|in|bei|zu|zum|zur|an",
        genitive=r"von|vom|des|der",
        block=r"über|wegen|gegen|für|durch|ohne|um|aus|seit|unter|als|trotz|statt",
        coord=r"und|sowie|,",
        report=r"sagte|sagten|sagt|sagen|erklärte|erklärten|erklärt|betonte|betont|berichtete|berichtet|meinte|"
               r"meint|teilte|teilt|kündigte|fügte|bestätigte|bestätigt|schrieb auf|twitterte",
        source=r"laut|nach angaben|nach aussage|zitiert von",
        source_after=r"zufolge",
        comp=r"dass|daß|ob",
        rel=r"welche|welcher|welches|welchen|welchem",
        conj=r"aber|während|doch|sondern|weil|obwohl|jedoch|denn|wenn|falls",
        support=r"hatte|hat|haben|hatten|habe|führte|führten|geführt|führt|nahm|nahmen|teilgenommen|nimmt|"
                r"verschob|verschoben|verschiebt|vertagt\w*|"
                r"absolvierte|bei|beim|nach|vor|während|im|in|zu|zum|zur|auf|am|ist|war|sind|waren|wird|werden|"
                r"reiste|reisten|kam|kamen|schickte|sandte|sein|seine|seinem|seinen|seiner|ihr|ihre|ihrem|ihren|ihrer|führt\w*|aufgenommen|begann\w*|begonnen|eröffnet\w*|hält|hielt\w*|gehalten|abgehalten|vermittelt\w*|ausgerichtet\w*|"
                r"organisiert\w*|einberufen|beruft|berief\w*",
        adjunct=r"bei|beim|nach|vor|während|im|in|auf|am|nach dem|nach der",
    ),
    "pl": dict(
        place=r"w|we|na",
        between=r"między|pomiędzy",
        addressee=r"do",
        link=r"z|ze|między|pomiędzy|wraz z",
        destination=r"do|w|we|na",
        genitive=r"(?!x)x",
        block=r"o|w sprawie|dotycząc\w*|przeciw|przeciwko|dla|od|przez|bez|po|za|pod|jako|wobec|u|ze strony|od strony",
        coord=r"i|oraz|a także|,",
        report=r"powiedział\w*|stwierdził\w*|oświadczył\w*|dodał\w*|podkreślił\w*|zaznaczył\w*|poinformował\w*|"
               r"przekazał\w*|ocenił\w*|mówi\w*|napisał\w* na|relacjonował\w*|przyznał\w*|zapowiedział\w*",
        source=r"według|zdaniem|cytowan\w* przez",
        source_after=r"(?!x)x",
        comp=r"że|iż|czy",
        rel=r"któr\w+",
        conj=r"ale|lecz|podczas gdy|ponieważ|bo|chociaż|choć|jednak|jeśli|jeżeli|gdyby",
        support=r"odbył\w*|odbędzie|odbyła|przeprowadził\w*|wziął udział|wzięła udział|wzięli udział|uczestniczył\w*|"
                r"przełożył\w*|przełożon\w*|odłożył\w*|"
                r"miał|miała|mieli|ma|mają|będzie|na|w|we|po|przed|podczas|do|był|była|byli|jest|są|przybył\w*|"
                r"przyjechał\w*|wysłał\w*|skierował\w*|podpisał\w*|swoj\w*|swoim|jego|jej|ich|złożył\w*|prowadz\w*|prowadzi\w*|podj\w*|rozpocz\w*|wznowi\w*|toczy\w*|zorganizowa\w*|"
                r"pośredniczy\w*|zwoła\w*|zwołuje",
        adjunct=r"podczas|po|przed|w|we|na|w trakcie|w czasie|przy|w rozmowie",
    ),
    "ru": dict(
        place=r"в|во|на",
        between=r"между",
        addressee=r"к|ко",
        link=r"с|со|между|вместе с",
        destination=r"в|во|на|к|ко",
        genitive=r"(?!x)x",
        block=r"о|об|обо|по|против|для|от|без|после|через|насчёт|насчет|относительно|за|под|из|как|у|при|со стороны|с стороны",
        coord=r"и|а также|,",
        report=r"заявил\w*|сказал\w*|сообщил\w*|отметил\w*|подчеркнул\w*|добавил\w*|пишет|написал\w* в|"
               r"рассказал\w*|уточнил\w*|считает|заявляет|говорит|признал\w*|объявил\w*",
        source=r"по словам|по данным|согласно|как сообщает|как сообщил\w*|со ссылкой на",
        source_after=r"(?!x)x",
        comp=r"что|чтобы|ли",
        rel=r"котор\w+",
        conj=r"но|однако|пока|потому|хотя|зато|если",
        support=r"провёл|провел|провела|провело|провели|проведёт|проведет|проведут|принял участие|приняла участие|"
                r"отложил\w*|отложен\w*|перенес\w*|перенёс|"
                r"приняли участие|участвовал\w*|имел|имела|состоял\w*|на|в|во|после|до|перед|во время|в ходе|"
                r"был|была|были|будет|прибыл\w*|направил\w*|отправил\w*|подписал\w*|сво\w+|его|её|ее|их|вед\w*|вёл|вела|вели|начал\w*|начать|возобнов\w*|провод\w*|организова\w*|"
                r"выступил\w* посредником|созвал\w*|созов\w*|созыва\w*",
        adjunct=r"во время|в ходе|после|перед|на|в|по итогам|накануне|по завершении",
    ),
}
_LEX: dict[str, dict[str, re.Pattern]] = {
    lang: {name: (_words(p) if name != "coord" else re.compile(rf"(?<!\w)(?:{p})(?!\w)|,", re.I))
           for name, p in entries.items()}
    for lang, entries in _LEXICON.items()
}
for _lang in _LEX:
    _LEX[_lang]["cue"] = _CUE_PATTERNS[_lang]
# Prepositions that may open a fronted adjunct, and the words after a reporting verb that keep
# its subject as a party ("said in a letter to", "ha detto durante la telefonata con").
# Clause-ending punctuation; also a full stop glued to the next sentence ("Simionov.Sadiq Khan").
_HARD_STOP = re.compile(r"[;:!?()\[\]«»“”\"„]|\s[-–—]\s|[–—]|\n|(?<=[^\W\d_]{2})\.(?=[A-ZА-ЯЁ])")
_WORD = re.compile(r"[^\W_]+", re.U)

# A meeting/summit/talks word next to one of these is a video call.
_VIRTUAL = re.compile(r"virtual\w*|virtuel\w*|virtuell\w*|wirtualn\w*|виртуальн\w*|online|онлайн|по видеосвязи|"
                      r"in videoconferenza|en visioconférence|per video", re.I)
# Talks next to one of these were held by phone ("spoke by phone", "по телефону поговорили").
_BY_PHONE = re.compile(r"(?:by|over the|on the) (?:tele)?phone|al telefono|per telefono|telefonicamente|"
                       r"(?:au|par) téléphone|téléphoniquement|telefonisch|am telefon|per telefon|przez telefon|"
                       r"telefonicznie|по телефону", re.I)
_PLANNED = {
    "en": r"will|'ll|’ll|shall|is to|are to|due to|expected|expects?|plans?|planned|planning|scheduled|upcoming|"
          r"postpon\w*|delayed|put off|"
          r"forthcoming|wanted to|next (?:week|month|year)|to be held|would (?:meet|hold|visit|travel|speak|talk)|set to|proposed|"
          r"propose|invited|invitation|invites?|ready to|prepar\w*|hopes? to|wants? to|intends? to|agreed to (?:meet|hold)|"
          r"envisag\w*|considering|possible|potential|future|would|need to|must|should",
    "it": r"\w+(?:erà|eranno|irà|iranno|arà|aranno)|previst\w*|prossim\w*|in programma|programmat\w*|atteso|attesa|"
          r"rinviat\w*|rimandat\w*|posticipat\w*|"
          r"dovrebbe|dovrebbero|si terrà|preparare|invit\w*|pronto a|disponibil\w*|intende|vuole|possibil\w*|"
          r"eventual\w*|futur\w*|riprendere|avviare|dovrà|dovranno|deve|devono|voleva|volevano",
    "fr": r"\w+(?:era|eront|ira|iront)|(?:ren|vien|tien)dr(?:a|ont)|ser(?:a|ont)|fer(?:a|ont)|verr(?:a|ont)|pourr(?:a|ont)|"
          r"report(?:é|ée|és|ées)|repouss(?:é|ée)|aura lieu|prévu\w*|prochain\w*|devrait|devraient|doit|doivent|se tiendra|"
          r"invit\w*|prêt à|prépar\w*|envisag\w*|veut|possible|éventuel\w*|futur\w*|devra|devront|"
          r"entend|entendent|souhaite|souhaitent|projette\w*|voulait|voulaient",
    "de": r"wird|werden|soll|sollen|will|wollen|geplant\w*|plant|planen|nächste\w*|bevorstehend\w*|kommende\w*|"
          r"verschob|verschoben|vertagt\w*|"
          r"anstehend\w*|eingeladen|einladung|lädt|bereit|möglich\w*|künftig\w*|muss|müssen|müsse|sollte|sollten|"
          r"beabsichtig\w*|wollte|wollten|lud|luden",
    "pl": r"będzie|będą|odbędzie|ma się odbyć|mają się|planowan\w*|zaplanowan\w*|planuje|przyszł\w*|spotka się|"
          r"przełożył\w*|przełożon\w*|odłożył\w*|"
          r"spotkają się|pojedzie|odwiedzi|zaprosi\w*|zaproszeni\w*|zaprasza\w*|gotów|gotowy|chce|możliw\w*|ewentualn\w*|musi|muszą|powin\w*|"
          r"zamierza\w*|chciał\w*|chcieli|chciały|weźmie|wezmą|przybędzie|przybędą|przyleci|przylecą|poleci|polecą|"
          r"przyjedzie|przyjadą|pojadą|uda się|udadzą się|odwiedzą|porozmawia|porozmawiają|zadzwoni|zwoła|zwołają",
    "ru": r"будет|будут|состоится|пройд[её]т|планиру\w*|запланирован\w*|предстоящ\w*|намерен\w*|встретится|"
          r"отложил\w*|отложен\w*|перенес\w*|перенёс|"
          r"встретятся|проведут|проведет|проведёт|посетит|посетят|собира\w*|следующ\w*|пригла\w*|готов\w*|хочет|"
          r"возможн\w*|будущ\w*|придется|придётся|должн\w*|хотел\w*|примет|примут|ожида\w*|прилетит|прилетят|прибудет|"
          r"прибудут|приедет|приедут|поедет|поедут|отправится|вылетит|позвонит|поговорит|обсудит|обсудят|созов[её]т|созовут",
}
_REFUSED = {
    "en": r"refus\w*|declin\w*|rejected|cancel\w*|called off|turned down|snubb\w*|ban|bans|banned|banning|"
          r"prohibit\w*|forbid\w*|forbade|rules? out|ruled out|uninvited|disinvited|not (?:been )?invited",
    "it": r"rifiut\w*|respint\w*|annullat\w*|cancellat\w*|declinat\w*|vieta\w*|vietat\w*|esclu\w*|non (?:è stato |sono stati )?invitat\w*|"
          r"pietra tombale|chiude\w* (?:la porta|a)",
    "fr": r"refus\w*|rejet\w*|annul\w*|décliné\w*|interdi\w*|exclu\w*|pas (?:été )?invité\w*",
    "de": r"abgesagt|absage\w*|abgelehnt|lehnt\w*|verweiger\w*|weiger\w*|verbiet\w*|verboten|untersag\w*|ausgeladen|ausladung|"
          r"nicht[- ]einladung|nicht eingeladen|ausgeschlossen|schließt \w+ aus",
    "pl": r"odmówi\w*|odmaw\w*|odrzuci\w*|odwoła\w*|odwołan\w*|zakaz\w*|wyklucz\w*|nie zaprosi\w*|nie zaproszon\w*",
    "ru": r"отказал\w*|отказыва\w*|отказ|отменил\w*|отменен\w*|отменён\w*|отклонил\w*|запрет\w*|запрещ\w*|исключ\w*|"
          r"не пригласил\w*|не приглашен\w*|не приглашён\w*|прекратить",
}
# Calls for a contact ("called for talks", "chiede un incontro", "призвал к переговорам"): planned,
# read only next to the cue.
_REQUESTED = {
    "en": r"call(?:s|ed|ing)? for|urg(?:es|ed|ing)|demand(?:s|ed|ing)?|propos(?:es|ed|ing)",
    "it": r"chied\w*|chiest\w*|appell\w*|invoc\w*|propo\w*",
    "fr": r"appel\w* à|demand\w*|réclam\w*|propos\w*",
    "de": r"aufruf\w*|ruft|riefen|rief|forder\w*|vorgeschlagen|schlägt|schlug",
    "pl": r"wezwa\w*|wzywa\w*|apel\w*|domaga\w*|zaproponowa\w*|proponuj\w*",
    "ru": r"призыва\w*|призвал\w*|призыв\w*|предлож\w*|требу\w*|потребова\w*",
}
_NEGATION_BEFORE = {
    "en": r"\b(?:not|never|no|n't|without)\s+(?:\w+\s+){0,2}$",
    "it": r"\b(?:non|mai|nessun\w*|senza)\s+(?:\w+\s+){0,2}$",
    "fr": r"\b(?:pas|jamais|aucun\w*|sans|ni)\s+(?:\w+\s+){0,2}$",
    "de": r"\b(?:nicht|nie|niemals|kein\w*|ohne)\s+(?:\w+\s+){0,2}$",
    "pl": r"\b(?:nie|nigdy|żadn\w*|bez|niespecjalnie|nieszczególnie)\s+(?:\w+\s+){0,1}$",
    "ru": r"(?<!\w)(?:не|ни|никак\w*|без)\s+(?:\w+\s+){0,1}$",
}
_PLANNED = {lang: _words(p) for lang, p in _PLANNED.items()}
_REQUESTED = {lang: _words(p) for lang, p in _REQUESTED.items()}
_REFUSED = {lang: _words(p) for lang, p in _REFUSED.items()}
_NEGATION_BEFORE = {lang: re.compile(p, re.I) for lang, p in _NEGATION_BEFORE.items()}
_NEGATION_WORD = {lang: _words(p) for lang, p in {
    "en": r"not|never|n't", "it": r"non|mai", "fr": r"pas|jamais", "de": r"nicht|nie|niemals|kein\w*",
    "pl": r"nie|nigdy", "ru": r"не|ни|никогда"}.items()}
# Interviews, speeches, press conferences, conversations with the media: not contacts.
_NOT_A_CONTACT = re.compile(
    r"interview\w*|intervist\w*|entrevue|wywiad\w*|интервью|press conference|conferenza stampa|"
    r"conférence de presse|pressekonferenz|konferencj\w* prasow\w*|пресс-конференц\w*|"
    r"speech|discorso|discours|rede|przemówieni\w*|выступлени\w*", re.I)
# Media as the partner: "w rozmowie z portalem", "im Gespräch mit der Zeitung", "в беседе с журналистами".
_MEDIA_PARTNER = re.compile(
    r"^\W+(?:\w+\W+){0,3}?(?:journalist\w*|giornalist\w*|dziennikar\w*|журналист\w*|reporter\w*|"
    r"portal\w*|gazet\w*|newspaper|zeitung|giornale|quotidiano|journal|газет\w*|издани\w*|телеканал\w*|"
    r"radi[oaue]\w*|telewizj\w*|television|televisione|télévision|fernseh\w*|телевидени\w*|tygodnik\w*|"
    r"podcast\w*|broadcaster|sender|emittente|chaîne|телеканал\w*|корреспондент\w*|correspondent\w*)", re.I)
# Sense filters: "meet the target", "trifft auf", "Entscheidung getroffen".
_MEET_TARGET = re.compile(
    r"^\s+(?:\S+\s+){0,3}?(?:targets?|demands?|requirements?|goals?|needs|expectations?|criteria|obligations?|"
    r"standards?|deadlines?|thresholds?|commitments?|conditions?|pledges?|spending|quotas?|costs?|challenges?)\b", re.I)
_MET_WITH_REACTION = re.compile(
    r"^\s+(?:się\s+|sich\s+)?(?:(?:with|z|ze|с|со|con|avec|mit|auf)\s+)?(?:(?:a|an|the|una|un|une|de|la|le|der|die|den|"
    r"einer|einem|broad|wide|strong|fierce|stiff|ostr\w*|szerok\w*|forte|vive|heftig\w*|resk\w*)\s+)?(?:criticism|"
    r"resistance|opposition|approval|scepticism|skepticism|protests?|anger|outrage|support|praise|silence|indifference|"
    r"critic\w*|resistenz\w*|opposizion\w*|favore|consenso|approvazion\w*|scetticismo|protest\w*|résistance|succès|"
    r"approbation|scepticisme|kritik|widerstand|zustimmung|ablehnung|skepsis|krytyk\w*|sprzeciw\w*|odmow\w*|reakcj\w*|"
    r"aprobat\w*|poparci\w*|uznani\w*|zainteresowani\w*|entuzjazm\w*|оппозици\w*|критик\w*|сопротивлени\w*|"
    r"поддержк\w*|непонимани\w*|отпор\w*|протест\w*|одобрени\w*|понимани\w*)\b", re.I)
# "Summit" words in the sense of "top": "i vertici del partito", "na szczycie listy", "au sommet de l'État",
# "der Gipfel der Frechheit", "the summit of the mountain".
_TOP_OF = {lang: re.compile(p, re.I) for lang, p in {
    "en": r"\s+of\s+(?:the\s+)?(?:mountain|hill|mount|peak|volcano|everest|list|table|rankings?|power|career|pyramid)",
    "it": r"\s+(?:di|del|della|dello|dei|degli|delle|dell['’])\s*(?:partit|classific|aziend|societ|piramid|list|montagn|"
          r"poter|gerarchi|magistratur|procur|polizi|serviz|esercit|forze|banc|club|grupp|sindacat|carriera|gloria|"
          r"vetta|monte|podio|ente|agenzi|istituto|fondazion|redazion|squadr|federazion|lega\b)",
    "fr": r"\s+(?:de\s+l['’](?:État|Etat|entreprise|affiche|échelle)|de\s+la\s+(?:pyramide|hiérarchie|liste|montagne|"
          r"gloire|vague|colline|carrière)|du\s+(?:classement|pouvoir|podium|mont|parti|groupe)|de\s+sa\s+carrière)",
    "de": r"\s+der\s+(?:frechheit|unverschämtheit|heuchelei|absurdität|dreistigkeit|geschmacklosigkeit|macht|karriere)",
    "pl": r"\s+(?:listy|list|sezonu|formy|popularności|władzy|góry|gór|kariery|możliwości|piramidy|hierarchii|tabeli|"
          r"rankingu|kolejki|szczęścia|hipokryzji|bezczelności|głupoty|absurdu|klasyfikacji|drabiny|notowań|sławy)",
}.items()}
_TOP_OF_WORD = {lang: re.compile(p, re.I) for lang, p in {
    "en": r"(?!x)x", "it": r"(?!x)x", "fr": r"(?!x)x", "pl": r"(?!x)x",
    "de": r"\w*berggipfel\w*|gipfel(?:kreuz|sturm|stürmer|punkt|höhe|grat|buch)\w*"}.items()}
_INVITE = re.compile(r"invit\w*", re.I)
# Italian "sentire" is a call ("ha sentito Putin ieri") unless followed by what was heard ("sentito Putin dire").
_HEARD = re.compile(r"^\s+(?:(?!per\s)[^\s.;:!?]+\s+){0,3}?(?:\w+(?:are|ere|ire)|che|parlare|dire)\b", re.I)
# "invite X to/a/à + infinitive" (up to six words of object between).
_INVITED_TO_ACT = {
    "en": re.compile(r"^\s+(?:[^\s.;:!?]+\s+){0,6}?to\s+(?P<verb>(?!the\b|a\b|an\b|his\b|her\b|their\b)[a-z]+)\b"),
    "it": re.compile(r"^\s+(?:[^\s.;:!?]+\s+){0,6}?(?:a|ad)\s+(?P<verb>\w+(?:are|ere|ire|arsi|ersi|irsi))\b", re.I),
    "fr": re.compile(r"^\s+(?:[^\s.;:!?]+\s+){0,6}?à\s+(?:se\s+|s['’])?(?P<verb>\w+(?:er|ir|re))\b", re.I),
}
_INVITED_TO_COME = re.compile(r"visit|come|travel|attend|meet|join|visitare|venire|recarsi|partecipare|incontrare|"
                              r"visiter|venir|participer|rencontrer|assister|se rendre|rendre", re.I)
_DE_MEET_VERB = re.compile(r"trifft|traf|trafen|getroffen|treffen", re.I)
_DE_MEET_SENSE = re.compile(r"\b(?:sich|mit|zusammen)\b", re.I)
_DE_MEET_OTHER = re.compile(r"^\s+auf\b", re.I)
# Plural back references: (quantifier) (group noun).
_GROUPS = {
    "en": (r"two|three|four|both|the|these|those|all", r"leaders|presidents|ministers|heads of state|prime ministers|men",
           r"countries|states|nations|governments|powers", r"sides|parties"),
    "it": (r"due|tre|quattro|entrambi|entrambe|i|gli|le|questi|queste|tutti", r"leader|presidenti|ministri|capi di stato|premier|capi",
           r"paesi|stati|nazioni|governi|potenze", r"parti"),
    "fr": (r"deux|trois|quatre|les|ces|tous", r"dirigeants|présidents|ministres|chefs d'état|chefs d’état|leaders|chefs",
           r"pays|états|nations|gouvernements|puissances", r"parties|camps"),
    "de": (r"beiden|beide|zwei|drei|vier|die|diese|alle", r"staatschefs|präsidenten|minister|regierungschefs|politiker|außenminister|spitzenpolitiker",
           r"länder|staaten|regierungen|mächte", r"seiten"),
    "pl": (r"obaj|obie|oba|obydwaj|dwaj|dwie|dwa|trzej|trzy|obu|dwóch|trzech|te|ci", r"przywódcy|przywódców|prezydenci|prezydentów|ministrowie|ministrów|premierzy|politycy",
           r"kraje|krajów|państwa|państw|rządy", r"strony|stron"),
    "ru": (r"оба|обе|два|две|три|обоих|двух|трёх|трех|эти|все", r"лидеры|лидеров|президенты|президентов|министры|министров|главы|глав|руководители",
           r"страны|стран|государства|государств|правительства", r"стороны|сторон"),
}
_NUMBERS = {"two": 2, "both": 2, "three": 3, "four": 4, "due": 2, "entrambi": 2, "entrambe": 2, "tre": 3, "quattro": 4,
            "deux": 2, "trois": 3, "quatre": 4, "beiden": 2, "beide": 2, "zwei": 2, "drei": 3, "vier": 4, "obaj": 2,
            "obie": 2, "oba": 2, "obydwaj": 2, "dwaj": 2, "dwie": 2, "dwa": 2, "trzej": 3, "trzy": 3, "obu": 2,
            "dwóch": 2, "trzech": 3, "оба": 2, "обе": 2, "два": 2, "две": 2, "три": 3, "обоих": 2, "двух": 2,
            "трёх": 3, "трех": 3}
_BACK_REFERENCE = {
    lang: re.compile(rf"(?<!\w)(?P<quant>(?:(?:{q})\s+){{0,2}}(?:\w+\s+)?)(?:(?P<persons>{p})|(?P<states>{s})|(?P<sides>{d}))(?!\w)"
                     rf"|(?<!\w)(?P<alone>both|entrambi|entrambe|beide|obaj|obie|оба|обе|les deux|i due|le due|"
                     rf"the pair|the duo|la coppia|il duo|la paire|le duo|das paar|das duo|para|пара)(?!\w)", re.I)
    for lang, (q, p, s, d) in _GROUPS.items()
}
_DE_NOT_A_MEETING = re.compile(  # (whole words: not the "ton" of "Washington")
    r"(?<!\w)(?:entscheidung\w*|maßnahme\w*|vereinbarung\w*|abkommen|wahl|auswahl|aussage\w*|feststellung\w*|"
    r"vorkehrung\w*|regelung\w*|absprache\w*|abmachung\w*|vorsorge|annahme\w*|unterscheidung\w*|festlegung\w*|"
    r"anordnung\w*|verfügung\w*|hart\w*|schwer\w*|empfindlich\w*|stark\w*|direkt\w*|tödlich\w*|rakete\w*|"
    r"geschoss\w*|kugel\w*|nerv|ton|kern)(?!\w)", re.I)
# A state named by its side, delegation or government ("the Russian side", "la delegazione ucraina",
# "российская сторона", "strona rosyjska") or by its people ("i russi", "les Russes") is a party.
_STATE_BODIES = {
    "en": r"sides?|delegations?|governments?|authorities|leadership|negotiators|counterparts?|(?:foreign |defen[cs]e )?ministry|"
          r"foreign office|embassy|ambassador|diplomats|officials|envoys?|lawmakers|legislators|congressmen|senators|"
          r"parliamentarians|MPs|congressional delegation",
    "it": r"parte|delegazion[ei]|govern[oi]|autorità|leadership|negoziatori|controparte|"
          r"ministero(?: degli (?:affari )?esteri| della difesa)?|ambasciata|ambasciatore|diplomatici|funzionari|inviat[oi]|"
          r"omolog[oh]i|omologo|parlamentari|deputati|senatori",
    "fr": r"partie|délégations?|gouvernements?|autorités|négociateurs|ministère|diplomatie|ambassade|ambassadeur|diplomates|"
          r"responsables|émissaires?|homologues?|parlementaires|députés|sénateurs",
    "de": r"seite|delegation(?:en)?|regierung(?:en)?|führung|behörden|unterhändler|verhandler|außenministerium|ministerium|"
          r"verteidigungsministerium|botschaft|botschafter|diplomaten|beamten|regierungsvertreter|gesandte[nr]?|"
          r"amtskolleg(?:e|en|in)|abgeordneten?|parlamentarier(?:in|innen)?|senatoren",
    "pl": r"stron[aęyieą]|delegacj\w*|rząd\w*|władz\w*|negocjator\w*|MSZ|ministerstw\w*|dyplomacj\w*|ambasad\w*|"
          r"dyplomac\w*|dyplomat\w*|urzędni\w*|wysłanni\w*|odpowiednik\w*|parlamentarzyś\w*|posłowie|posłów|"
          r"kongresmen\w*|senatorowie|senatorów",
    "ru": r"сторон\w*|делегаци\w*|правительств\w*|власт\w*|руководств\w*|переговорщик\w*|МИД|министерств\w*|"
          r"посольств\w*|посол|посла|послом|дипломат\w*|чиновник\w*|ведомств\w*|эмиссар\w*|коллег(?:а|ой|у|и|ами)|"
          r"визави|депутат\w*|парламентари\w*|сенатор\w*|конгрессмен\w*",
}
_STATE_BODY_WORD = {lang: _words(p) for lang, p in _STATE_BODIES.items()}
_AND = {"en": "and", "it": "e|ed", "fr": "et", "de": "und", "pl": "i|oraz", "ru": "и"}
_STATE_STARTERS = {"en": frozenset({"the"}), "it": frozenset("i gli dei degli ai agli coi con".split()),
                   "fr": frozenset("les des aux".split())}
# "strona rosyjska", "Delegation der USA", "МИД Турции"
_NOUN_FIRST = {"it": True, "fr": True, "pl": True, "de": True, "ru": True}
_PEOPLE_ARTICLE = {"it": r"i|gli|dei|degli|ai|agli|coi|con i", "fr": r"les|des|aux"}
_DELEGATION = re.compile(r"delega[tzc]\w*|délégation\w*|делегаци\w*", re.I)
# Capitals stand for their state, but only as the destination of a visit or journey ("flew to Kyiv",
# "przyleciał do Kijowa", "прилетел в Киев"); elsewhere a capital is a place (or a metonym left alone).
# Forms in the six languages with the Polish and Russian case forms used after "do/w", "в/на".
# Brussels (EU or Belgium) is ambiguous and left out.
_CAPITALS = {
    "UA": "Kyiv|Kiev|Kyïv|Kiew|Kyjiw|Kijów|Kijowa|Kijowie|Киев|Киева|Киеве|Київ",
    "RU": "Moscow|Mosca|Moscou|Moskau|Moskwa|Moskwy|Moskwie|Moskwę|Москва|Москву|Москве|Москвы",
    "US": "Washington|Waszyngton|Waszyngtonu|Waszyngtonie|Вашингтон|Вашингтона|Вашингтоне",
    "IR": "Tehran|Teheran|Téhéran|Teheranu|Teheranie|Тегеран|Тегерана|Тегеране",
    "CN": "Beijing|Pechino|Pékin|Peking|Pekin|Pekinu|Pekinie|Пекин|Пекина|Пекине",
    "TR": "Ankara|Ankary|Ankarze|Ankarę|Анкара|Анкару|Анкаре|Анкары",
    "BY": "Minsk|Mińsk|Mińska|Mińsku|Минск|Минска|Минске",
    "PL": "Warsaw|Varsavia|Varsovie|Warschau|Warszawa|Warszawy|Warszawie|Warszawę|Варшава|Варшаву|Варшаве|Варшавы",
    "DE": "Berlin|Berlino|Berlina|Berlinie|Берлин|Берлина|Берлине",
    "FR": "Paris|Parigi|Paryż|Paryża|Paryżu|Париж|Парижа|Париже",
    "GB": "London|Londra|Londres|Londyn|Londynu|Londynie|Лондон|Лондона|Лондоне",
    "IT": "Rome|Roma|Rom|Rzym|Rzymu|Rzymie|Рим|Рима|Риме",
    "JP": "Tokyo|Tokio|Токио",
    "IN": "New Delhi|Nuova Delhi|Нью-Дели",
    "SA": "Riyadh|Riad|Riyad|Rijad|Rijadu|Rijadzie|Эр-Рияд|Эр-Рияде",
    "EG": "Cairo|Le Caire|Kairo|Kair|Kairu|Kairze|Каир|Каира|Каире",
    "SY": "Damascus|Damasco|Damas|Damaskus|Damaszek|Damaszku|Дамаск|Дамаска|Дамаске",
    "HU": "Budapest|Budapeszt|Budapesztu|Budapeszcie|Будапешт|Будапешта|Будапеште",
    "KZ": "Astana|Astany|Astanie|Астана|Астану|Астане|Астаны|Nur-Sultan|Nur-Sułtan|Нур-Султан|Нур-Султана|Нур-Султане",
    "RS": "Belgrade|Belgrado|Belgrad|Belgradu|Белград|Белграда|Белграде",
    "QA": "Doha|Dausze|Доха|Доху|Дохе",
    "CA": "Ottawa|Ottawy|Ottawie|Оттава|Оттаву|Оттаве",
    "ES": "Madrid|Madryt|Madrytu|Madrycie|Мадрид|Мадрида|Мадриде",
    "AT": "Vienna|Vienne|Wien|Wiedeń|Wiednia|Wiedniu|Вена|Вену|Вене|Вены",
    "PT": "Lisbon|Lisbona|Lisbonne|Lissabon|Lizbona|Lizbony|Lizbonie|Lizbonę|Лиссабон|Лиссабона|Лиссабоне",
    "GR": "Athens|Atene|Athènes|Athen|Ateny|Aten|Atenach|Афины|Афин|Афинах",
    "CZ": "Prague|Praga|Prag|Pragi|Pradze|Pragę|Прага|Прагу|Праге|Праги",
    "SK": "Bratislava|Bratysława|Bratysławy|Bratysławie|Bratysławę|Братислава|Братиславу|Братиславе|Братиславы",
    "RO": "Bucharest|Bucarest|Bukarest|Bukareszt|Bukaresztu|Bukareszcie|Бухарест|Бухареста|Бухаресте",
    "FI": "Helsinki|Хельсинки",
    "SE": "Stockholm|Stoccolma|Sztokholm|Sztokholmu|Sztokholmie|Стокгольм|Стокгольма|Стокгольме",
    "NO": "Oslo|Осло",
    "DK": "Copenhagen|Copenaghen|Copenhague|Kopenhagen|Kopenhaga|Kopenhagi|Kopenhadze|Kopenhagę|Копенгаген|Копенгагена|Копенгагене",
    "EE": "Tallinn|Tallin|Tallina|Tallinie|Таллин|Таллина|Таллине|Таллинн|Таллинна|Таллинне",
    "LV": "Riga|Ryga|Rygi|Rydze|Rygę|Рига|Ригу|Риге|Риги",
    "LT": "Vilnius|Wilno|Wilna|Wilnie|Вильнюс|Вильнюса|Вильнюсе",
    "MD": "Chisinau|Chișinău|Chişinău|Kishinev|Kiszyniów|Kiszyniowa|Kiszyniowie|Кишинёв|Кишинев|Кишинёва|Кишинева|Кишинёве|Кишиневе",
    "GE": "Tbilisi|Tiflis|Тбилиси",
    "AM": "Yerevan|Erevan|Eriwan|Erywań|Erywania|Erywaniu|Ереван|Еревана|Ереване",
    "AZ": "Baku|Баку",
    "KR": "Seoul|Séoul|Seulu|Сеул|Сеула|Сеуле",
    "KP": "Pyongyang|Pjöngjang|Phenian|Phenianu|Phenianie|Пхеньян|Пхеньяна|Пхеньяне",
    "PK": "Islamabad|Islamabadu|Islamabadzie|Исламабад|Исламабада|Исламабаде",
    "AF": "Kabul|Kaboul|Kabulu|Кабул|Кабула|Кабуле",
    "IQ": "Baghdad|Bagdad|Bagdadu|Bagdadzie|Багдад|Багдада|Багдаде",
    "LB": "Beirut|Beyrouth|Bejrut|Bejrutu|Bejrucie|Бейрут|Бейрута|Бейруте",
    "JO": "Amman|Амман|Аммана|Аммане",
    "AE": "Abu Dhabi|Abu Zabi|Абу-Даби",
    "AR": "Buenos Aires|Буэнос-Айрес|Буэнос-Айреса|Буэнос-Айресе",
    "CU": "Havana|Avana|La Havane|Havanna|Hawana|Hawany|Hawanie|Hawanę|Гавана|Гавану|Гаване|Гаваны",
    "VE": "Caracas|Каракас|Каракаса|Каракасе",
    "ZA": "Pretoria|Pretorii|Претория|Преторию|Претории",
    "MN": "Ulaanbaatar|Ulan Bator|Ulan-Bator|Ułan Bator|Улан-Батор|Улан-Батора|Улан-Баторе",
    "VN": "Hanoi|Hanoï|Ханой|Ханоя|Ханое",
    "ID": "Jakarta|Giacarta|Djakarta|Dżakarta|Dżakarty|Dżakarcie|Джакарта|Джакарту|Джакарте|Джакарты",
    "TH": "Bangkok|Bangkoku|Бангкок|Бангкока|Бангкоке",
    "AU": "Canberra|Canberze|Canberry|Канберра|Канберру|Канберре|Канберры",
    "IE": "Dublin|Dublino|Dublina|Dublinie|Дублин|Дублина|Дублине",
    "CH": "Bern|Berne|Berna|Bernie|Берн|Берна|Берне",
    "SI": "Ljubljana|Lubiana|Lublana|Lublany|Lublanie|Любляна|Любляну|Любляне|Любляны",
    "HR": "Zagreb|Zagabria|Zagrzeb|Zagrzebia|Zagrzebiu|Загреб|Загреба|Загребе",
    "BA": "Sarajevo|Sarajewo|Sarajewa|Sarajewie|Сараево",
    "AL": "Tirana|Tirany|Tiranie|Tiranę|Тирана|Тирану|Тиране|Тираны",
    "XK": "Pristina|Prishtina|Priština|Prisztina|Prisztinie|Приштина|Приштину|Приштине|Приштины",
    "CY": "Nicosia|Nicosie|Nikosia|Nikozja|Nikozji|Никосия|Никосию|Никосии",
    "UZ": "Tashkent|Taschkent|Taszkient|Taszkientu|Taszkiencie|Ташкент|Ташкента|Ташкенте",
    "KG": "Bishkek|Bischkek|Biszkek|Biszkeku|Бишкек|Бишкека|Бишкеке",
    "TJ": "Dushanbe|Duschanbe|Duszanbe|Душанбе",
    "TM": "Ashgabat|Aschgabat|Aszchabad|Aszchabadzie|Ашхабад|Ашхабада|Ашхабаде",
    "SD": "Khartoum|Khartum|Chartum|Chartumie|Хартум|Хартума|Хартуме",
    "KE": "Nairobi|Найроби",
    "NG": "Abuja|Абуджа|Абуджу|Абудже",
    "TW": "Taipei|Taipeh|Tajpej|Tajpeju|Тайбэй|Тайбэе",
    "KH": "Phnom Penh|Phnom-Penh|Пномпень|Пномпеня|Пномпене",
    "PH": "Manila|Manille|Manili|Manilę|Манила|Манилу|Маниле|Манилы",
    "MY": "Kuala Lumpur|Куала-Лумпур|Куала-Лумпура|Куала-Лумпуре",
    "BR": "Brasília|Brasilia|Brasílii|Brasilii|Brasílię|Brasilię|Бразилиа",
    "MX": "Mexico City|Città del Messico|Mexiko-Stadt|Мехико",
    "CO": "Bogotá|Bogota|Bogotà|Bogoty|Bogocie|Bogotę|Богота|Боготу|Боготе|Боготы",
    "PE": "Лима|Лиму|Лиме|Лимы",
    "ET": "Addis Ababa|Addis Abeba|Addis-Abeba|Addis Abeby|Addis Abebie|Addis Abebę|Аддис-Абеба|Аддис-Абебу|"
          "Аддис-Абебе|Аддис-Абебы",
    "MA": "Рабат|Рабата|Рабате",
    "DZ": "Algiers|Algeri|Alger|Algier|Algieru|Algierze",
    "TN": "Tunis|Tunisi|Tunisu",
    # Jerusalem: disputed status, but the press uses it as Israel's seat of government.
    "IL": "Jerusalem|Jérusalem|Gerusalemme|Jerozolima|Jerozolimy|Jerozolimie|Jerozolimę|Иерусалим|Иерусалима|"
          "Иерусалиме",
    # Amsterdam is the capital, The Hague the seat of government (a trip there may also be to the ICC or ICJ).
    "NL": "Amsterdam|Amsterdamu|Amsterdamie|Амстердам|Амстердама|Амстердаме|The Hague|the Hague|L'Aia|L’Aia|"
          "La Haye|Den Haag|Haga|Hadze|Hagę|Гаага|Гаагу|Гааге|Гааги|Aia",
    "ME": "Podgorica|Podgoricy|Podgoricę|Подгорица|Подгорицу|Подгорице|Подгорицы",
    "MK": "Skopje|Скопье",
    "MT": "Valletta|La Valletta|Valletty|Valletcie|Vallettę|Валлетта|Валлетту|Валлетте|Валлетты",
    "IS": "Reykjavik|Reykjavík|Reykjaviku|Reykjavíku|Рейкьявик|Рейкьявика|Рейкьявике",
    "NP": "Kathmandu|Katmandou|Katmandu|Катманду",
    "BD": "Dhaka|Dacca|Dhaki|Dhace|Дакка|Дакку|Дакке|Дакки",
    "CD": "Kinshasa|Kinszasa|Kinszasy|Kinszasie|Kinszasę|Киншаса|Киншасу|Киншасе|Киншасы",
    "AO": "Luanda|Luandy|Luandzie|Luandę|Луанда|Луанду|Луанде|Луанды",
    "SN": "Dakar|Dakaru|Dakarze|Дакар|Дакара|Дакаре",
    "GH": "Accra|Аккра|Аккру|Аккре|Аккры",
    "UY": "Montevideo|Монтевидео",
    "PY": "Асунсьон|Асунсьона|Асунсьоне",
    "EC": "Quito|Кито",
    "OM": "Muscat|Mascate|Maskat|Maskatu|Maskacie|Маскат|Маската|Маскате",
    "BH": "Manama|Manamy|Manamie|Manamę|Манама|Манаму|Манаме|Манамы",
    "YE": "Sanaa|Sana'a|Sana’a",
}

REPORT_COLUMNS = [
    "doc_id", "sentence_id", "party_ids", "parties", "mode", "status", "date", "end_date", "date_precision",
    "evidence", "evidence_start", "evidence_end", "cue", "cue_start", "lang", "story_id",
]
CONTACT_COLUMNS = [
    "event_id", "parties", "mode", "status", "date", "date_precision", "doc_ids", "evidence", "lang",
    "party_ids", "end_date", "evidence_doc_id", "evidence_start", "evidence_end", "n_reports", "statuses",
]
_MENTION_COLUMNS = ("doc_id", "actor_id", "actor", "actor_type", "start", "end")


@dataclass(frozen=True)
class _Mention:
    start: int  # offsets in the sentence
    end: int
    actor_id: str
    actor_type: str

    @property
    def is_person(self) -> bool:
        return self.actor_type == "person"


@dataclass
class _Cue:
    mode: str
    kind: str
    start: int
    end: int
    parties: tuple[str, ...] = ()
    # co-objects left out for want of a subject ("consult with A and B"); back when a subject is found
    held_back: tuple = ()
    object_first: bool = False  # the object stands before the verb ("wo er Selenskyj traf")


def extract_contacts(
    documents: pd.DataFrame,
    mentions: pd.DataFrame,
    *,
    languages: list[str] | tuple[str, ...] | None = None,
    date_window_days: int = 3,
    infer_dates: bool = True,
    kb: KnowledgeBase | None = None,
    progress: bool = False,
) -> pd.DataFrame:
    """The contacts table: one row per event, merged over sentences, articles and languages.

    ``infer_dates=False`` skips ``infer_document_dates`` for documents that already went through it.
    ``kb`` (default: ``load_kb()``) supplies the demonyms for "the Russian side"-style state parties.
    """
    kb = kb if kb is not None else load_kb()
    _kb_patterns(kb)  # compiled here, once: worker processes of the pandas engine inherit them
    reports = extract_contact_reports(documents, mentions, languages=languages, infer_dates=infer_dates,
                                      kb=kb, progress=progress)
    return merge_contact_reports(reports, date_window_days=date_window_days)


def extract_contact_reports(
    documents: pd.DataFrame,
    mentions: pd.DataFrame,
    *,
    languages: list[str] | tuple[str, ...] | None = None,
    infer_dates: bool = True,
    kb: KnowledgeBase | None = None,
    progress: bool = False,
) -> pd.DataFrame:
    """One row per contact report: a contact cue in a sentence with its parties, mode, status, date.

    Any mention with ``actor_type == "person"`` counts as a person, whatever its ``method`` (actors
    outside the knowledge base included). Missing document dates are inferred from the text unless
    ``infer_dates=False`` (documents that already went through ``infer_document_dates``).
    """
    languages = _check_languages(languages)
    _check_columns(documents, ("doc_id", "text", "lang", "date"), "documents")
    _check_columns(mentions, _MENTION_COLUMNS, "mentions")
    docs = documents[documents["lang"].isin(languages)]
    cues = [_CUE_FINDERS[lang].finditer(text or "") for text, lang in zip(docs["text"], docs["lang"])]
    has_cue = [bool(found) for found in cues]
    docs = docs[has_cue]
    cues = [found for found in cues if found]
    if not len(docs):
        return _empty(REPORT_COLUMNS)
    if infer_dates:
        docs = infer_document_dates(docs)
    by_doc = _mentions_by_doc(mentions, set(docs["doc_id"]))
    kb = kb if kb is not None else load_kb()
    states, capitals, bodies, seats = _kb_patterns(kb)
    story_ids = docs["story_id"] if "story_id" in docs.columns else pd.Series(None, index=docs.index)
    rows: list[dict] = []
    iterator = zip(docs["doc_id"], docs["text"], docs["lang"], docs["date"],
                   docs.get("date_precision", pd.Series(None, index=docs.index)), story_ids, cues)
    for doc_id, text, lang, doc_date, doc_precision, story_id, doc_cues in tqdm(
        iterator, total=len(docs), desc="contacts", disable=not progress
    ):
        doc_mentions = by_doc.get(doc_id, _NO_MENTIONS)  # states may still be named by demonyms
        for row in _without_journeys_home(_as_states(_document_reports(
                text, lang, doc_mentions, doc_date, doc_precision, doc_cues, states, capitals, bodies[3], seats), bodies),
                bodies):
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


class _DocMentions(NamedTuple):
    starts: np.ndarray
    ends: np.ndarray
    ids: np.ndarray
    actors: np.ndarray
    types: np.ndarray


def _mentions_by_doc(mentions: pd.DataFrame, doc_ids: set) -> dict[str, _DocMentions]:
    """Each document's mentions in text order, as plain arrays (slicing a DataFrame per document costs more)."""
    subset = mentions[mentions["doc_id"].isin(doc_ids)].sort_values(["doc_id", "start", "end"], kind="stable")
    columns = [subset[c].to_numpy(dtype=dtype) for c, dtype in
               (("start", np.int64), ("end", np.int64), ("actor_id", object), ("actor", object), ("actor_type", object))]
    doc_column = subset["doc_id"].to_numpy(dtype=object)
    bounds = np.flatnonzero(doc_column[1:] != doc_column[:-1]) + 1 if len(doc_column) else np.zeros(0, dtype=np.int64)
    firsts = np.concatenate([[0], bounds]) if len(doc_column) else bounds
    lasts = np.concatenate([bounds, [len(doc_column)]]) if len(doc_column) else bounds
    return {doc_column[first]: _DocMentions(*(column[first:last] for column in columns))
            for first, last in zip(firsts, lasts)}


_NO_MENTIONS = _DocMentions(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), *(np.zeros(0, dtype=object),) * 3)


def _document_reports(text, lang, doc_mentions, doc_date, doc_precision, cue_matches, states, capitals,
                      multilateral=frozenset(), seats=None) -> list[dict]:
    starts, ends, ids, actors, types = doc_mentions
    names = dict(zip(ids, actors))
    persons_named = frozenset(ids[types == "person"]) if seats is not None else frozenset()
    cue_starts = np.array([m.start() for m in cue_matches])
    reference = None if pd.isna(doc_date) else doc_date
    precision = (doc_precision if isinstance(doc_precision, str) else "day") if reference is not None else None
    rows: list[dict] = []
    history: list[list[_Mention]] = []  # mentions of the previous sentences, nearest last
    previous_text = ""
    spans = split_sentences(text, lang=lang)
    bounds = np.searchsorted(cue_starts, [edge for span in spans for edge in span]).reshape(-1, 2)
    with_cue = np.flatnonzero(bounds[:, 1] > bounds[:, 0])
    # mentions are needed in sentences with a cue and in the two before them (back references)
    needed = set(with_cue) | set(with_cue - 1) | set(with_cue - 2)
    for sentence_id, (s_start, s_end) in enumerate(spans):
        if sentence_id not in needed:
            history.append([])
            previous_text = ""
            continue
        sentence = text[s_start:s_end]
        inside = np.flatnonzero((starts >= s_start) & (ends <= s_end))
        mentions = _sentence_mentions(starts[inside] - s_start, ends[inside] - s_start, ids[inside], types[inside])
        first, last = bounds[sentence_id]
        in_sentence = [m for m in cue_matches[first:last] if m.end() <= s_end]
        if in_sentence and lang in states[0]:
            mentions = _with_state_phrases(sentence, mentions, lang, states, names)
            nouns = [(m.start() - s_start, m.end() - s_start) for m in in_sentence
                     if _CUE_KINDS[lang][m.lastgroup][1] == "noun"]
            if nouns and "-" in sentence:
                mentions = _with_compound_demonyms(sentence, mentions, nouns, lang, states, names)
        if in_sentence and seats is not None and lang in _PARTNER_PEOPLES and _PARTNER_PEOPLES[lang].search(sentence):
            mentions = _with_partner_peoples(sentence, mentions, lang, seats, names)
        if in_sentence and _LATTER[lang].search(sentence):
            mentions = _with_latter(sentence, mentions, history[-1] if history else [], lang)
        if in_sentence and _THIS_COUNTRY[lang].search(sentence):
            mentions = _with_this_country(sentence, mentions, history[-1] if history else [], lang)
        if in_sentence:
            with_capitals = _with_capitals(sentence, mentions, capitals, names)
            if seats is not None and seats[0].search(sentence):
                with_capitals = _with_seats(sentence, with_capitals, lang, seats, reference, persons_named, names)
            def following(sentence_id=sentence_id):
                if sentence_id + 1 >= len(spans):
                    return None
                n_start, n_end = spans[sentence_id + 1]
                within = np.flatnonzero((starts >= n_start) & (ends <= n_end))
                return n_start, text[n_start:n_end], _sentence_mentions(
                    starts[within] - n_start, ends[within] - n_start, ids[within], types[within])

            rows.extend(_sentence_reports(sentence, s_start, sentence_id, lang, with_capitals, history[-2:], names,
                                          reference, precision, in_sentence, previous_text, following, text))
        history.append(mentions)
        previous_text = sentence
    kinds = {_CUE_KINDS[lang][m.lastgroup][::-1] if m.group(0) not in ("Treffen", "Treffens") else ("noun", "meeting")
             for m in cue_matches}
    if ("noun", "summit") in kinds or (("noun", "meeting") in kinds and not multilateral.isdisjoint(ids)):
        cache: dict[int, list[_Mention]] = {}

        def sentence_mentions(sentence_id: int) -> list[_Mention]:
            if sentence_id not in cache:
                s_start, s_end = spans[sentence_id]
                within = np.flatnonzero((starts >= s_start) & (ends <= s_end))
                found = _sentence_mentions(starts[within] - s_start, ends[within] - s_start, ids[within], types[within])
                if lang in states[0]:
                    found = _with_state_phrases(text[s_start:s_end], found, lang, states, names)
                cache[sentence_id] = found
            return cache[sentence_id]

        rows = _with_summit_attendance(rows, text, lang, spans, sentence_mentions, cue_matches, names, reference,
                                       precision, multilateral)
    return rows


# --- Summits whose participants are named across the document ---
# Attendance verbs: "attended", "took part", "was invited to", "ha partecipato", "a assisté", "nahm ... teil",
# "wziął udział", "принял участие". The summit they refer to is named in their clause ("attended the NATO
# summit", "Al vertice Ue hanno preso parte ...") or, with no complement ("Biden also attended", "y
# participent", "ci sarà"), the summit named last before.
_ATTENDANCE = {lang: _words(p) for lang, p in {
    "en": r"attend(?:s|ed|ing)?|t(?:ake|akes|ook|aking|aken) part|participat(?:e|es|ed|ing)|"
          r"(?:is|are|was|were|be|been) (?:present|among the (?:participants|guests|leaders))|invited to|"
          r"(?:is|are|was|were)(?: also)? expected|arriv(?:e|es|ed|ing)|travel(?:s|led|ed|ling|ing)? to|fl(?:y|ies|ew) to",
    "it": r"partecip(?:a|ano|ato|ata|ati|ate|erà|eranno|are|ava|avano)|pres[oa] parte|prend(?:e|ono|erà|eranno|ere) parte|"
          r"present[ei]|invitat[oaie]|interverr(?:à|anno)|ci sar(?:à|anno)|c['’]er(?:a|ano)|arriv(?:at[oaie]|a|ano|erà|eranno)|"
          r"giunt[oaie]|atteso|attesa|attesi",
    "fr": r"particip(?:e|ent|é|ée|és|era|eront|er|ait|aient)|assist(?:e|ent|é|era|eront|er|ait|aient)|"
          r"(?:pris|prend|prennent|prendra|prendront|prendre) part|présente?s?|invitée?s?|arriv(?:é|ée|és|ées|e|ent|era|eront)|"
          r"attendue?s?",
    "de": r"teilnehm(?:en|e|en|er)?|teilgenommen|(?:nahm|nahmen|nimmt|nehmen|nehme)(?:\s+[^\s.;:!?,]+){0,6}?\s+teil|"
          r"anwesend|eingeladen|reist(?:e|en)?|gereist|angereist|eingetroffen|erwartet",
    "pl": r"(?:wziął|wzięła|wzięli|wzięły|wezmą|weźmie|biorą|bierze|brał|brała|brali|brały)(?:\s+[^\W\d_]+){0,2}?\s+udział|"
          r"uczestnicz(?:y|ą|ył|yła|yli|yły|yć)|obecn(?:y|a|i|e)|zaproszon(?:y|a|o|e|i)|przyby(?:ł|ła|li|ły|ć)|przybędzie|"
          r"przybędą|przylecia(?:ł|ła|li|ły)|przyleci|przylecą|oczekiwan(?:y|a|i)",
    "ru": r"(?:принял|приняла|приняли|примет|примут|принимает|принимают|принимал|принимали|принять)(?:\s+[^\W\d_]+){0,2}?"
          r"\s+участие|"
          r"участв(?:овал|овала|овали|ует|уют|овать)|присутствова(?:л|ла|ли)|присутству(?:ет|ют)|"
          r"приглаш[её]н(?:а|ы)?|прибыл(?:а|и)?|прибудет|прибудут|прилетел(?:а|и)?|прилетит|прилетят|ожида(?:ется|ются)",
}.items()}
# Words that may follow an attendance verb without naming what was attended: it stays the summit named before.
_ATTENDANCE_REST = {lang: frozenset(words.split()) for lang, words in {
    "en": "it too also as well there in",
    "it": "anche pure",
    "fr": "aussi également",
    "de": "auch ebenfalls daran dort",
    "pl": "też także również w nim tam",
    "ru": "тоже также в нём нем там",
}.items()}
# Organisations next to a summit word name it: "NATO summit", "summit of the G7", "vertice Ue", "sommet de
# l'Otan", "EU-Gipfel", "Gipfel der NATO", "szczyt NATO", "саммит G20".
_SUMMIT_NAME_GAP = re.compile(r"\s*(?:-|['’]s)?\s*|\s+(?:of(?:\s+the)?|del|della|dello|dei|degli|dell['’]|de|du|des|"
                              r"de\s+l['’]|d['’]|der|des|von|vom)\s*", re.I)


def _summit_key(sentence: str, start: int, end: int, mentions: list[_Mention]) -> str | None:
    """What names a summit word: the organisation written next to it, the event ("COP26"), or None."""
    word = sentence[start:end]
    if re.fullmatch(_EVENT, word):
        return "event:" + re.sub(r"[\s-]", "", word)
    for m in mentions:
        if m.actor_type != "organization":
            continue
        gap = sentence[m.end:start] if m.end <= start else sentence[end:m.start] if m.start >= end else None
        if gap is not None and _SUMMIT_NAME_GAP.fullmatch(gap) and (m.end <= start or "'s" not in gap):
            return m.actor_id
    # "the summit of foreign ministers of the G20", "саммит на уровне министров стран G20"
    following = [m for m in mentions if m.start >= end]
    if following and following[0].actor_type == "organization":
        gap = sentence[end:following[0].start]
        if _n_words(gap) <= 6 and "," not in gap and not _HARD_STOP.search(gap) and _MEMBERS_OF.search(gap):
            return following[0].actor_id
    return None


# Who meets at an organisation's summit: "of the foreign ministers of", "dei leader del", "министров стран".
_MEMBERS_OF = re.compile(r"(?<!\w)(?:minist\w*|leaders?|heads? of|chefs?|capi|staats\w*|regierungschef\w*|außenminist\w*|"
                         r"przywódc\w*|szef\w*|министр\w*|лидер\w*|глав\w*|стран)(?!\w)", re.I)


_TEMPORAL = {lang: _words(p) for lang, p in {
    "en": r"after|before|ahead of|following|since|until", "it": r"dopo|prima|fino|da quando",
    "fr": r"après|avant|depuis|jusqu", "de": r"nach|vor|seit|bis", "pl": r"po|przed|od|do czasu",
    "ru": r"после|перед|до|с тех пор"}.items()}
# Days named in a journey's gap ("przyjechał w środę do Kijowa", "è arrivato ieri a Kiev"): left out of it.
_WHEN = {lang: _words(p) for lang, p in {
    "en": r"(?:on |last |this |next )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|yesterday|today|tomorrow",
    "it": r"lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|ieri|oggi|domani|stamattina|stasera",
    "fr": r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)(?: (?:matin|soir|après-midi))?|hier|aujourd['’]hui|demain",
    "de": r"(?:am )?(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)|gestern|heute|morgen",
    "pl": r"(?:w|we) (?:poniedziałek|wtorek|środę|czwartek|piątek|sobotę|niedzielę)|wczoraj|dziś|dzisiaj|jutro",
    "ru": r"(?:в|во) (?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)|вчера|сегодня|завтра|накануне",
}.items()}
# "including", "such as", "tra cui", "dont", "darunter", "w tym", "в том числе": a list of attendees follows.
_INCLUDING = {lang: re.compile(rf"\s*,?\s*(?:{p})\s+(?:[^\W\d_]+\s+){{0,3}}?$", re.I) for lang, p in {
    "en": r"including|among them|such as|among whom", "it": r"tra cui|fra cui|tra i quali|fra i quali|compres[oi]",
    "fr": r"dont|parmi lesquels|parmi eux|notamment", "de": r"darunter|unter ihnen|einschließlich|wie",
    "pl": r"w tym|m\.in\.|między innymi|wśród nich|takich jak", "ru": r"в том числе|включая|среди них|среди которых|таких как"}.items()}
# "at/during/on the sidelines of" before a summit word: a contact there was made by attendees.
_AT_EVENT = {lang: re.compile(rf"(?<!\w)(?:{p})\s+(?:[\w'’]+[\s-]+){{0,3}}$", re.I) for lang, p in {
    "en": r"at|during|on the sidelines of|on the margins of",
    "it": r"al|alla|durante il|durante la|nel corso del|a margine del|a margine della|ai margini del",
    "fr": r"au|lors du|lors de|pendant le|en marge du|en marge de",
    "de": r"beim|auf dem|während des|am rande des|am rande der|bei",
    "pl": r"na|podczas|w trakcie|na marginesie|przy okazji",
    "ru": r"на|во время|в ходе|на полях|в рамках"}.items()}


def _listed_after(sentence: str, position: int, mentions: list[_Mention], lang: str) -> list[_Mention]:
    """Persons and states listed after "including"/"tra cui"/"dont"/"darunter"/"w tym"/"в том числе" that
    follows a summit word within a few words."""
    after = [m for m in mentions if m.start >= position]
    for index, first in enumerate(after):
        gap = sentence[position:first.start]
        if _n_words(gap) > 10 or _HARD_STOP.search(gap):
            return []
        if _INCLUDING[lang].search(gap):
            side = _side(sentence, first, after[index + 1:], _LEX[lang], leftwards=False, compound=False)
            return side if len(side) > 1 or _n_words(gap) <= 8 else []
    return []


def _attendees(sentence: str, cue: _Cue, mentions: list[_Mention], previous: list[_Mention], lang: str) -> list[_Mention]:
    """The persons and states that attend: the subject before the verb ("Biden and Scholz attended"), after
    it ("Al vertice hanno preso parte Biden e Scholz"), or a pronoun for the one person named just before."""
    lex = _LEX[lang]
    eligible = [m for m in mentions if m.is_person or m.actor_type == "country"]
    inside = [m for m in eligible if cue.start < m.start and m.end <= cue.end]
    if inside:  # "nahmen Scholz und Biden teil": the subject inside a separable verb
        return _side(sentence, inside[0], inside[1:], lex, leftwards=False, compound=False)
    before = [m for m in eligible if m.end <= cue.start]
    if before and _left_ok(sentence[before[-1].end:cue.start], cue, lex, lang) and not any(
            m.start >= before[-1].end and m.end <= cue.start for m in mentions if m not in eligible):
        side = _side(sentence, before[-1], reversed(before[:-1]), lex, leftwards=True, compound=False)
        return [m for m in side if m.is_person or not any(_is_title_of(sentence, m, p, lex) for p in side if p.is_person)]
    after = [m for m in mentions if m.start >= cue.end]
    if after and after[0] in eligible:
        gap = sentence[cue.end:after[0].start]
        words = _WORD.findall(gap)
        plain = len(words) <= 3 and not _has_stop(gap, lex, side="right") and "," not in gap and not any(
            lex[k].fullmatch(w) for w in words for k in ("link", "block", "place", "destination", "genitive"))
        if plain or _PASSIVE_AGENT[lang].match(gap):  # "hanno preso parte Biden e Scholz", "attended by X"
            side = _side(sentence, after[0], after[1:], lex, leftwards=False, compound=False)
            return [m for m in side if m in eligible]
    head = sentence[max(0, cue.start - 30):cue.start]
    pronoun = None
    for pronoun in _SUBJECT_PRONOUN[lang].finditer(head):
        pass
    if pronoun is not None and _n_words(head[pronoun.end():]) <= 3 and not before:
        persons = list({m.actor_id: m for m in previous if m.is_person}.values())
        return persons if len(persons) == 1 else []
    return []


def _with_summit_attendance(rows: list[dict], text: str, lang: str, spans, sentence_mentions, cue_matches,
                            names: dict, reference, precision, multilateral=frozenset()) -> list[dict]:
    """One summit report per summit named in the document, with everyone said to attend it; a meeting
    named by a multilateral organisation ("the NATO meeting", "NATO-Treffen") is gathered the same way
    (mode meeting).

    Sentence reports of that summit (its organisation among the parties, or parties the summit report
    covers) are folded into it."""
    span_starts = np.array([s for s, _ in spans])
    references = []  # (sentence_id, start, end, key): every summit word, in text order
    summit_words: set = set()  # keys named with a summit word (the others are meetings)
    for match in cue_matches:
        mode_kind = _CUE_KINDS[lang][match.lastgroup]
        if lang == "de" and match.group(0) in ("Treffen", "Treffens"):
            mode_kind = ("meeting", "noun")  # the noun ("das NATO-Treffen"), not the verb
        if mode_kind not in (("summit", "noun"), ("meeting", "noun")):
            continue
        sid = int(np.searchsorted(span_starts, match.start(), side="right")) - 1
        s_start = spans[sid][0]
        key = _summit_key(text[s_start:spans[sid][1]], match.start() - s_start, match.end() - s_start,
                          sentence_mentions(sid))
        if mode_kind[0] == "meeting" and key not in multilateral:
            continue
        if mode_kind[0] == "summit":
            summit_words.add(key)
        references.append((sid, match.start(), match.end(), key))
    if not references:
        return rows
    # an unnamed "the summit" is the summit named last before it
    named = [r for r in references if r[3] is not None]
    references = [r if r[3] is not None else (*r[:3], next((n[3] for n in reversed(named) if n[1] < r[1]), None))
                  for r in references]
    summits: dict[str, dict] = {}

    def add(key: str, sid: int, attendees: list[_Mention], status: str, cue_text: str, cue_start: int) -> None:
        attendees = [m for m in attendees if m.actor_id != key and (m.is_person or m.actor_type == "country")]
        if not attendees:
            return
        summit = summits.setdefault(key, dict(parties={}, statuses=set(), sentence_id=sid, cue=cue_text,
                                              cue_start=cue_start))
        for m in attendees:
            summit["parties"].setdefault(m.actor_id, m)
        summit["statuses"].add(status)

    for sid, start, end, key in references:
        if key is None:
            continue
        s_start, s_end = spans[sid]
        sentence, r_start, r_end = text[s_start:s_end], start - s_start, end - s_start
        cue = _Cue("summit", "noun", r_start, r_end)
        status = _status(_clause_window(sentence, cue, lang), lang, _near(sentence, cue), sentence[r_start:r_end])
        if status == "refused":
            continue
        # "leaders at the G7 summit, including Biden, Scholz and Macron"
        add(key, sid, _listed_after(sentence, r_end, sentence_mentions(sid), lang), status, sentence[r_start:r_end], start)
        # "the summit of G20 ministers, held in Indonesia": the host
        named = [m for m in sentence_mentions(sid) if m.actor_id == key and m.start >= r_end]
        if named:
            add(key, sid, _host(sentence, named[0].end, sentence_mentions(sid), _LEX[lang]), status,
                sentence[r_start:r_end], start)
        # "On the sidelines of the G20 summit, Biden met Xi": whoever met there attended
        if _AT_EVENT[lang].search(sentence, max(0, r_start - 40), r_start):
            for row in rows:
                if row["sentence_id"] == sid and row["mode"] in ("meeting", "talks") and row["status"] != "refused":
                    add(key, sid, [m for m in sentence_mentions(sid) if m.actor_id in row["party_ids"]], row["status"],
                        sentence[r_start:r_end], start)
    for verb in _ATTENDANCE[lang].finditer(text):
        sid = int(np.searchsorted(span_starts, verb.start(), side="right")) - 1
        s_start, s_end = spans[sid]
        if verb.end() > s_end:
            continue
        sentence = text[s_start:s_end]
        v_start, v_end = verb.start() - s_start, verb.end() - s_start
        clause_start = max([0] + [m.end() for m in _HARD_STOP.finditer(sentence, 0, v_start)])
        stop = _HARD_STOP.search(sentence, v_end)
        clause_end = stop.start() if stop else len(sentence)
        in_clause = [r for r in references if r[0] == sid and clause_start <= r[1] - s_start < clause_end]
        # (not "flew to Kyiv after the NATO summit", "After the summit, Biden flew to Kyiv")
        after = [r for r in in_clause if r[1] - s_start >= v_start and _n_words(sentence[v_end:r[1] - s_start]) <= 6
                 and not _TEMPORAL[lang].search(sentence, v_end, r[1] - s_start)]
        fronted = [r for r in in_clause if r[2] - s_start <= v_start and _n_words(sentence[r[2] - s_start:v_start]) <= 6
                   and not _TEMPORAL[lang].search(sentence, max(clause_start, r[1] - s_start - 30), r[1] - s_start)]
        if after or fronted:
            key = (after or fronted[::-1])[0][3]
        else:
            blanked = sentence[:clause_end]
            for m in sentence_mentions(sid):
                blanked = blanked[:m.start] + " " * (m.end - m.start) + blanked[m.end:]
            rest = re.split(r"[,.]|\s(?:and|e|et|und|i|и)\s", blanked[v_end:], maxsplit=1)[0]
            if any(w.lower() not in _ATTENDANCE_REST[lang] for w in _WORD.findall(rest)):
                continue  # something else is attended
            earlier = [r for r in references if r[1] < verb.start() and sid - r[0] <= 3]
            key = earlier[-1][3] if earlier else None
        if key is None:
            continue
        window = sentence[max(0, v_start - 40):v_start]
        cue = _Cue("summit", "verb", v_start, v_end)
        if _NEGATION_BEFORE[lang].search(window) or _hypothetical(sentence, cue, lang):
            continue  # "did not attend", "if Putin attends", "Xi could attend"
        status = _status(_clause_window(sentence, cue, lang), lang, _near(sentence, cue), sentence[v_start:v_end])
        if status == "refused":
            continue
        attendees = _attendees(sentence, cue, sentence_mentions(sid), sentence_mentions(sid - 1) if sid else [], lang)
        add(key, sid, attendees, status, verb.group(0), verb.start())
    for key, summit in summits.items():
        parties = list(summit["parties"])
        if not key.startswith("event:"):
            parties = [key] + parties
        mode = "summit" if key in summit_words else "meeting"
        folded = [r for r in rows if r["mode"] == mode and r["status"] != "refused" and (
            key in r["party_ids"] or set(r["party_ids"]) <= set(parties))]
        for r in folded:
            parties += [p for p in r["party_ids"] if p not in parties]
        if len(set(parties)) < 2:
            continue
        rows = [r for r in rows if r not in folded]
        sid = summit["sentence_id"]
        s_start, s_end = spans[sid]
        sentence = text[s_start:s_end]
        # the evidence starts at the sentence naming the summit when it comes shortly before ("The EU summit
        # of 23-24 June ... Macron and Scholz are expected to attend.")
        named_in = max((r[0] for r in references if r[3] == key and sid - 3 <= r[0] <= sid), default=sid)
        status = "happened" if "happened" in summit["statuses"] or any(r["status"] == "happened" for r in folded) \
            else "planned"
        dated = [r for r in folded if not pd.isna(r["date"]) and r["date_precision"] is not None]
        dates = find_dates(sentence, lang=lang, reference=reference, reference_precision=precision) or (
            find_dates(text[spans[named_in][0]:spans[named_in][1]], lang=lang, reference=reference,
                       reference_precision=precision) if named_in != sid else [])
        if dates:
            date, end_date, date_precision = dates[0].date, dates[0].end_date, dates[0].precision
        elif dated:
            date, end_date, date_precision = dated[0]["date"], dated[0]["end_date"], dated[0]["date_precision"]
        elif status == "happened" and reference is not None:
            date, end_date, date_precision = reference, reference, precision
        else:
            date, end_date, date_precision = pd.NaT, pd.NaT, None
        party_ids = sorted(dict.fromkeys(parties), key=lambda actor_id: (names[actor_id], actor_id))
        rows.append(dict(
            sentence_id=sid, party_ids=party_ids, parties=[names[p] for p in party_ids], mode=mode,
            status=status, date=date, end_date=end_date, date_precision=date_precision,
            evidence=text[spans[named_in][0]:s_end], evidence_start=spans[named_in][0], evidence_end=s_end,
            cue=summit["cue"], cue_start=summit["cue_start"],
        ))
    return rows


# "the latter" stands for the person named last before it.
_LATTER = {lang: re.compile(p, re.I) for lang, p in {
    "en": r"(?<!\w)the latter(?!\w)",
    "it": r"(?<!\w)quest['’]ultim[oa](?!\w)",
    "fr": r"(?<!\w)(?:ce dernier|cette dernière)(?!\w)",
    "de": r"(?<!\w)letzterer(?!\w)",
    "pl": r"(?<!\w)(?:ten ostatni|ta ostatnia)(?!\w)",
    "ru": r"(?:^|(?<=[,;:]\s))последн(?:ий|яя)(?=\s+[а-яё]+(?:л|ла|лся|лась|ет|ит)(?!\w))",
}.items()}


# "this country", "questo paese", "ce pays", "dieses Land", "tego kraju", "эту страну": the country named last.
_THIS_COUNTRY = {lang: _words(p) for lang, p in {
    "en": r"(?:this|that) country", "it": r"(?:questo|quel) paese", "fr": r"(?:ce|cet) pays",
    "de": r"(?:dieses|diesem|dieser|jenes|jenem) land(?:es)?", "pl": r"(?:ten|tego|tym|temu) kraj(?:u|em|owi)?",
    "ru": r"(?:эта|эту|этой|этот|этом|этого|этому) стран\w*"}.items()}


def _with_this_country(sentence: str, mentions: list[_Mention], previous: list[_Mention], lang: str) -> list[_Mention]:
    """"this country" as a mention of the country named last before it in the sentence, else of the only
    country of the previous sentence ("offended India by cutting short his visit to this country")."""
    added = []
    for match in _THIS_COUNTRY[lang].finditer(sentence):
        if any(m.start < match.end() and match.start() < m.end for m in mentions):
            continue
        before = [m for m in mentions if m.end <= match.start() and m.actor_type == "country"]
        earlier = list({m.actor_id for m in previous if m.actor_type == "country"})
        actor_id = before[-1].actor_id if before else earlier[0] if len(earlier) == 1 else None
        if actor_id is not None:
            added.append(_Mention(match.start(), match.end(), actor_id, "country"))
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


def _with_latter(sentence: str, mentions: list[_Mention], previous: list[_Mention], lang: str) -> list[_Mention]:
    """"Ce dernier a reçu X", "quest'ultimo ha incontrato X": a mention of the person named last before it."""
    added = []
    for match in _LATTER[lang].finditer(sentence):
        persons = [m for m in mentions if m.end <= match.start() and m.is_person] or [
            m for m in previous if m.is_person]
        if persons and not any(m.start < match.end() and match.start() < m.end for m in mentions):
            added.append(_Mention(match.start(), match.end(), persons[-1].actor_id, "person"))
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


_KB_PATTERNS: dict[int, tuple] = {}  # id(kb) -> (kb, state phrases, capitals): built once per knowledge base


def _kb_patterns(kb: KnowledgeBase) -> tuple:
    """The state-phrase, capital and government-body tables of ``kb`` (compiling them takes over a second)."""
    cached = _KB_PATTERNS.get(id(kb))
    if cached is None or cached[0] is not kb:
        if len(_KB_PATTERNS) >= 4:
            _KB_PATTERNS.clear()
        cached = _KB_PATTERNS[id(kb)] = (kb, _state_phrases(kb), _capital_forms(kb), _government_bodies(kb),
                                         _seat_table(kb))
    return cached[1], cached[2], cached[3], cached[4]


# Organisations that act for their state in foreign relations: seats of government and foreign or defence
# ministries ("the Kremlin", "the White House", "the Russian Foreign Ministry"); not parties, courts, agencies.
_GOVERNMENT_BODY = re.compile(r"(?:.*-)?(?:kremlin|white-house|palazzo-chigi|elysee-palace|downing-street|"
                              r"chancellery|ministry-of-foreign-affairs|ministry-of-defen[cs]e|department-of-state|"
                              r"department-of-defense|foreign-office)(?:-.*)?")


def _government_bodies(kb: KnowledgeBase) -> tuple[dict[str, str], dict[str, str], dict[str, str], frozenset]:
    """Government body actor_id -> its state's actor_id; person actor_id -> its state's actor_id; state names;
    the multilateral organisations (no state of their own: NATO, G7, EU, OSCE ...)."""
    actors = kb.actors
    countries = actors[actors["actor_type"] == "country"]
    by_code = dict(zip(countries["country"], countries["actor_id"]))
    organizations = actors[(actors["actor_type"] == "organization") & actors["country"].isin(set(by_code))]
    bodies = {actor_id: by_code[code] for actor_id, code in zip(organizations["actor_id"], organizations["country"])
              if _GOVERNMENT_BODY.fullmatch(actor_id)}
    persons = actors[(actors["actor_type"] == "person") & actors["country"].notna()]
    person_states = {actor_id: by_code.get(code) for actor_id, code in zip(persons["actor_id"], persons["country"])}
    multilateral = frozenset(actors.loc[(actors["actor_type"] == "organization") & actors["country"].isna(), "actor_id"])
    return bodies, person_states, dict(zip(countries["actor_id"], countries["actor"])), multilateral


def _without_journeys_home(rows: list[dict], bodies) -> list[dict]:
    """A journey of persons to their own state ("Sánchez flew back to Madrid", "Лавров прибыл в Москву") is no
    visit: a visit whose only state is the home state (knowledge base) of every travelling person is dropped."""
    person_states = bodies[1]
    kept = []
    for row in rows:
        if row["mode"] == "visit":
            homes = {person_states.get(p) for p in row["party_ids"] if p in person_states}
            others = [p for p in row["party_ids"] if p not in person_states]
            if len(homes) == 1 and None not in homes and others == list(homes):
                continue
        kept.append(row)
    return kept


def _as_states(rows: list[dict], bodies) -> list[dict]:
    """A government body stands for its state ("the Kremlin" is Russia) unless a person of that state is a
    party (then the person speaks for it: "Peskov and the Kremlin", or a domestic visit to the White House)."""
    body_states, person_states, state_names, _ = bodies
    kept = []
    for row in rows:
        if not any(p in body_states for p in row["party_ids"]):
            kept.append(row)
            continue
        represented = {person_states.get(p) for p in row["party_ids"]} - {None}
        ids = list(dict.fromkeys(body_states.get(p, p) for p in row["party_ids"]
                                 if body_states.get(p) not in represented))
        if len(ids) < 2:
            continue
        names = dict(zip(row["party_ids"], row["parties"]), **{body_states[p]: state_names[body_states[p]]
                                                                for p in row["party_ids"] if p in body_states})
        ids.sort(key=lambda actor_id: (names[actor_id], actor_id))
        kept.append({**row, "party_ids": ids, "parties": [names[p] for p in ids]})
    return kept


def _state_phrases(kb: KnowledgeBase) -> tuple[dict[str, re.Pattern], dict[tuple[str, str], str], dict[str, str],
                                                dict[str, frozenset]]:
    """Per language: a pattern for "the Russian side"/"i russi" phrases, (lang, demonym) -> actor_id,
    actor_id -> canonical name, and per language the first words of the demonyms (a quick pre-check)."""
    countries = kb.actors[kb.actors["actor_type"] == "country"]
    by_code = dict(zip(countries["country"], countries["actor_id"]))
    names = dict(zip(countries["actor_id"], countries["actor"]))
    forms: dict[tuple[str, str], str] = {}
    for code, lang, form in zip(kb.demonyms["country"], kb.demonyms["lang"], kb.demonyms["form"]):
        if code in by_code and lang in _STATE_BODIES and re.fullmatch(r"[^\W\d_]+(?:[ -][^\W\d_]+)*", form):
            forms.setdefault((lang, form.lower()), by_code[code])
    patterns = {}
    for lang, bodies in _STATE_BODIES.items():
        words = sorted({f for (lg, f) in forms if lg == lang}, key=len, reverse=True)
        if not words:
            continue
        dem = prefix_tree(words)
        # "the Russian and Ukrainian delegations": two states sharing one body
        options = [rf"(?P<dem5>{dem})\s+(?:{_AND[lang]})\s+(?:(?:the|die|der|den|dem|la|le|les)\s+)?(?P<dem6>{dem})"
                   rf"\s+(?:{bodies})", rf"(?P<dem>{dem})\s+(?:{bodies})"]
        if lang in _NOUN_FIRST:  # "le delegazioni russa e ucraina"
            options.insert(1, rf"(?:{bodies})\s+(?P<dem7>{dem})\s+(?:{_AND[lang]})\s+(?P<dem8>{dem})")
        if lang in _NOUN_FIRST:
            options.append(rf"(?:{bodies})\s+(?P<dem2>{dem})")
        if lang in _PEOPLE_ARTICLE:  # "i russi", "les Russes": plural forms only
            plural = prefix_tree([w for w in words if w.endswith("i" if lang == "it" else "s")])
            options.append(rf"(?:{_PEOPLE_ARTICLE[lang]})\s+(?P<dem3>{plural})")
        if lang == "en":
            options.append(rf"the\s+(?P<dem4>(?:{dem})s)")
        patterns[lang] = re.compile(rf"(?<!\w)(?:{'|'.join(options)})(?!\w)", re.I)
    # first words of the forms: a sentence without any of them needs no search with the large pattern
    first_words = {lang: frozenset(_WORD.findall(f)[0] for (lg, f) in forms if lg == lang) for lang in patterns}
    return patterns, forms, names, first_words


def _with_state_phrases(sentence: str, mentions: list[_Mention], lang: str, states, names: dict) -> list[_Mention]:
    patterns, forms, state_names, first_words = states
    first = first_words[lang]
    words = [(w.start(), w.group(0).lower()) for w in _WORD.finditer(sentence)]
    if not any(w in first or w[:-1] in first for _, w in words):
        return mentions
    # A phrase starts with a demonym, a body ("strona rosyjska") or an article ("i russi", "the Russians"):
    # trying the large pattern only there is several times faster than searching the whole sentence.
    starters = _STATE_STARTERS.get(lang, frozenset())
    candidates = sorted({start for start, w in words if w in first or w in starters}
                        | {m.start() for m in _STATE_BODY_WORD[lang].finditer(sentence)})
    added, last_end = [], 0
    for start in candidates:
        match = None if start < last_end else patterns[lang].match(sentence, start)
        if match is None:
            continue
        last_end = match.end()
        group = next(k for k in ("dem5", "dem7", "dem", "dem2", "dem3", "dem4") if k in match.re.groupindex and match.group(k))
        if group in ("dem5", "dem7"):
            pair = ([(match.span("dem5"), match.group("dem5")), ((match.start("dem6"), match.end()), match.group("dem6"))]
                    if group == "dem5" else [((match.start(), match.end("dem7")), match.group("dem7")),
                                             (match.span("dem8"), match.group("dem8"))])
            if not any(m.start < match.end() and match.start() < m.end for m in mentions):
                for (start, end), form in pair:
                    actor_id = forms[(lang, form.lower())]
                    names.setdefault(actor_id, state_names[actor_id])
                    added.append(_Mention(start, end, actor_id, "country"))
            continue
        # the whole phrase ("the Russian side"), or only the people ("i [russi]", "the [Russians]")
        start, end = match.span() if group in ("dem", "dem2") else match.span(group)
        if any(m.start < end and start < m.end for m in mentions):
            continue
        form = match.group(group).lower()
        actor_id = forms[(lang, form[:-1] if group == "dem4" else form)]
        names.setdefault(actor_id, state_names[actor_id])
        # "the Ukrainians" may be refugees or soldiers: a "people" party only where a partner is expected
        added.append(_Mention(start, end, actor_id, "country" if group in ("dem", "dem2") else "people"))
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


# Peoples as partners in German, Polish and Russian, whose demonyms in the knowledge base are adjectives: the plural
# noun after "with"/"between" ("mit den Russen", "z Rosjanami", "с русскими", "zwischen Russen und Ukrainern").
# Italian, French and English peoples ("con i russi", "avec les Russes", "with the Russians") are state phrases.
_PEOPLE_NOUNS = {
    "de": {"RU": "Russen", "UA": "Ukrainern", "US": "Amerikanern|US-Amerikanern", "CN": "Chinesen", "TR": "Türken",
           "FR": "Franzosen", "GB": "Briten", "DE": "Deutschen", "PL": "Polen", "IL": "Israelis", "IR": "Iranern",
           "PS": "Palästinensern", "IT": "Italienern", "JP": "Japanern"},
    "pl": {"RU": "Rosjanami", "UA": "Ukraińcami", "US": "Amerykanami", "CN": "Chińczykami", "TR": "Turkami",
           "FR": "Francuzami", "GB": "Brytyjczykami", "DE": "Niemcami", "PL": "Polakami", "IL": "Izraelczykami",
           "IR": "Irańczykami", "PS": "Palestyńczykami", "IT": "Włochami", "JP": "Japończykami"},
    "ru": {"RU": "русскими|россиянами", "UA": "украинцами", "US": "американцами", "CN": "китайцами", "TR": "турками",
           "FR": "французами", "GB": "британцами|англичанами", "DE": "немцами", "PL": "поляками",
           "IL": "израильтянами", "IR": "иранцами", "PS": "палестинцами", "IT": "итальянцами", "JP": "японцами"},
}
_PEOPLE_LINK = {"de": r"mit|zwischen", "pl": r"z|ze|między", "ru": r"с|со|между"}
_PEOPLE_AND = {"de": r"und", "pl": r"i|a|oraz", "ru": r"и"}
_PARTNER_PEOPLES = {lang: re.compile(
    rf"(?<!\w)(?:{_PEOPLE_LINK[lang]})\s+(?:den\s+)?(?P<first>{'|'.join(nouns.values())})"
    rf"(?:\s+(?:{_PEOPLE_AND[lang]})\s+(?:den\s+)?(?P<second>{'|'.join(nouns.values())}))?(?!\w)", re.I)
    for lang, nouns in _PEOPLE_NOUNS.items()}
_PEOPLE_STATE = {(lang, form.lower()): code for lang, nouns in _PEOPLE_NOUNS.items() for code, forms in nouns.items()
                 for form in forms.split("|")}


def _with_partner_peoples(sentence: str, mentions: list[_Mention], lang: str, seats, names: dict) -> list[_Mention]:
    """"verhandelte mit den Russen", "rozmawiał z Rosjanami", "переговоры с русскими": the people after a partner
    preposition as a "people" mention of its state (a party only where a partner is expected)."""
    _, _, by_code, kb, person_states, _ = seats
    homes = {person_states.get(m.actor_id) for m in mentions if m.is_person}
    added = []
    for match in _PARTNER_PEOPLES[lang].finditer(sentence):
        for group in ("first", "second"):
            if not match.group(group):
                continue
            start, end = match.span(group)
            actor_id = by_code.get(_PEOPLE_STATE[(lang, match.group(group).lower())])
            if actor_id is None or actor_id in homes or any(m.start < end and start < m.end for m in mentions):
                continue  # (a person meeting their own people, "Duda spotkał się z Polakami", is no state contact)
            names.setdefault(actor_id, kb.actor_name(actor_id))
            added.append(_Mention(start, end, actor_id, "people"))
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


_COMPOUND = re.compile(r"(?<![\w-])([^\W\d_]{2,})-([^\W\d_]{3,})(?![\w-])")


def _with_compound_demonyms(sentence: str, mentions: list[_Mention], nouns: list[tuple[int, int]], lang: str,
                            states, names: dict) -> list[_Mention]:
    """Both states of a compound adjective next to a contact noun: "vertice russo-americano",
    "Russian-American talks", "russisch-amerikanische Gespräche", "российско-американские переговоры"."""
    _, forms, state_names, _ = states
    added = []
    for match in _COMPOUND.finditer(sentence):
        if not any(sentence[match.end():start].isspace() or sentence[end:match.start()].isspace()
                   for start, end in nouns):
            continue
        if any(m.start < match.end() and match.start() < m.end for m in mentions):
            continue
        parts = [(_demonym_country(match.group(k), lang, forms), match.span(k)) for k in (1, 2)]
        if None in (parts[0][0], parts[1][0]) or parts[0][0] == parts[1][0]:
            continue
        for actor_id, (start, end) in parts:
            names.setdefault(actor_id, state_names[actor_id])
            added.append(_Mention(start, end, actor_id, "country"))
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


def _demonym_country(word: str, lang: str, forms: dict[tuple[str, str], str]) -> str | None:
    """The state of a demonym or of its combining form ("russo-", "rosyjsko-", "российско-"), if unique."""
    word = word.lower()
    if (lang, word) in forms:
        return forms[(lang, word)]
    stem = word[:-1]
    if len(stem) < 4:
        return None
    found = {actor_id for (lg, form), actor_id in forms.items() if lg == lang and form.startswith(stem)}
    return found.pop() if len(found) == 1 else None  # "austro-": Austria or Australia, unknown


def _capital_forms(kb: KnowledgeBase) -> tuple[re.Pattern, dict[str, str], dict[str, str]]:
    """A pattern for the capitals of ``_CAPITALS``, form -> country actor_id, actor_id -> name."""
    countries = kb.actors[kb.actors["actor_type"] == "country"]
    by_code = dict(zip(countries["country"], countries["actor_id"]))
    names = dict(zip(countries["actor_id"], countries["actor"]))
    forms = {form: by_code[code] for table in (_CAPITALS, _CAPITAL_INSTRUMENTAL) for code, options in table.items()
             if code in by_code for form in options.split("|")}
    return re.compile(rf"(?<![\w-])(?:{prefix_tree(sorted(forms))})(?![\w-])"), forms, names


def _with_capitals(sentence: str, mentions: list[_Mention], capitals, names: dict) -> list[_Mention]:
    """Capitals as "capital" mentions of their state (parties only as a visit's destination)."""
    pattern, forms, country_names = capitals
    added = []
    for match in pattern.finditer(sentence):
        start, end = match.span()
        if any(m.start < end and start < m.end for m in mentions):
            continue
        actor_id = forms[match.group(0)]
        names.setdefault(actor_id, country_names[actor_id])
        added.append(_Mention(start, end, actor_id, "capital"))
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


# Seats of government in the six languages -> (state, office of its occupant). "Received at the Élysée",
# "la visita alla Casa Bianca", "ins Kanzleramt", "w Białym Domu", "визит в Кремль": the visit is to the person
# holding that office on the document date (when the document names that person), else to the state.
_SEATS = {
    ("US", "president"): r"White House|Casa Bianca|Maison[- ]Blanche|Weiße[nm]? Haus(?:es)?|Biał(?:y|ego|ym) Dom(?:u|em)?|"
                         r"Бел(?:ый|ого|ом|ым) дом(?:а|е|ом)?",
    ("RU", "president"): r"Kremlin|Cremlino|Kreml(?:s|u|a|em)?|Кремл(?:ь|я|е|ю|ём|ем)",
    ("FR", "president"): r"[ÉE]lys[ée]e(?:-Palast|palast)?|Eliseo|Pałac(?:u|em)? Elizejski(?:m|ego)?|"
                         r"Елисейск(?:ий|ого|ом|им) двор(?:ец|ца|це|цом)",
    ("FR", "prime_minister"): r"Matignon",
    ("GB", "prime_minister"): r"Downing Street",
    ("IT", "prime_minister"): r"Palazzo Chigi",
    ("IT", "president"): r"Quirinale|Quirinal",
    ("DE", "prime_minister"): r"(?:Bundesk|K)anzleramt(?:s|es)?",
    ("PL", "president"): r"Belwede(?:r|rze|ru)|Pałac(?:u|em)? Prezydencki(?:m|ego)?",
}
# The first letters of the seats' names (a look-ahead on them skips other positions before trying the alternatives).
_SEAT_INITIALS = "BCDEKMPQWÉБЕК"
# What puts a seat in the position of a destination or a place: a destination/place preposition with its article.
_SEAT_BEFORE = {lang: re.compile(rf"(?<!\w)(?:{p})\s*$", re.I) for lang, p in {
    "en": r"(?:to|at|in|into|inside) the", "it": r"a|al|alla|all['’]|in|nel|nella|nell['’]|presso",
    "fr": r"(?:à|a) (?:la |l['’])|au|à|a", "de": r"im|ins|in (?:das|dem|den)|ans|zum|am",
    "pl": r"w|we|do|na", "ru": r"в|во"}.items()}


def _seat_table(kb: KnowledgeBase) -> tuple:
    """One pattern for ``_SEATS`` (a group per seat), the (state, office) of each group, state code -> state
    actor_id, the knowledge base, person actor_id -> state actor_id, and (state, office) -> all its holders."""
    countries = kb.actors[kb.actors["actor_type"] == "country"]
    by_code = dict(zip(countries["country"], countries["actor_id"]))
    persons = kb.actors[(kb.actors["actor_type"] == "person") & kb.actors["country"].notna()]
    person_states = {actor_id: by_code.get(code) for actor_id, code in zip(persons["actor_id"], persons["country"])}
    keys = [key for key in _SEATS if key[0] in by_code]
    holders = {key: frozenset(kb.offices.loc[(kb.offices["of"] == key[0]) & (kb.offices["role"] == key[1]), "actor_id"])
               for key in keys}
    pattern = re.compile(f"(?<![\\w-])(?=[{_SEAT_INITIALS}])(?:" + "|".join(f"(?P<s{i}>{_SEATS[key]})" for i, key in enumerate(keys))
                         + ")(?![\\w-])")
    return pattern, keys, by_code, kb, person_states, holders


def _with_seats(sentence: str, mentions: list[_Mention], lang: str, seats, reference, doc_ids, names: dict
                ) -> list[_Mention]:
    """A seat of government after a destination or place preposition as a mention of the holder of its office on
    the document date, when the document names that person ("la visita di Obama alla Casa Bianca" in 2022 is a
    visit to Biden; with no document date, the one holder of that office named after the seat in the sentence);
    else as its state, a destination like a capital."""
    pattern, keys, by_code, kb, _, ever = seats
    replaced, added = set(), []
    for match in pattern.finditer(sentence):
        start, end = match.span()
        if not _SEAT_BEFORE[lang].search(sentence, max(0, start - 12), start):
            continue
        code, role = keys[int(match.lastgroup[1:])]
        if reference is not None:
            holders = [h for h in kb.office_holders(role, code, reference) if h in doc_ids]
            if any(m.actor_id in holders for m in mentions if m.end <= start):
                continue  # the host is named: "Mattarella ha ricevuto al Quirinale X", the seat is just where
        else:  # no date: the one holder of the office (at any time) named after the seat in its sentence
            holders = sorted({m.actor_id for m in mentions if m.start >= end and m.actor_id in ever[(code, role)]})
        overlapping = {m for m in mentions if m.start < end and start < m.end}
        if len(holders) == 1:
            names.setdefault(holders[0], kb.actor_name(holders[0]))
            added.append(_Mention(start, end, holders[0], "seat"))
        elif overlapping:
            continue  # the knowledge base's seat ("the Kremlin") stands for its state already
        else:
            names.setdefault(by_code[code], kb.actor_name(by_code[code]))
            added.append(_Mention(start, end, by_code[code], "capital"))
        replaced |= overlapping
    if not added:
        return mentions
    return sorted([m for m in mentions if m not in replaced] + added, key=lambda m: m.start)


# Polish and Russian forms of the capitals: nominative (a subject) and instrumental (after "z", "с": with).
_CAPITAL_NOMINATIVE = frozenset(
    "Kijów Moskwa Waszyngton Teheran Pekin Ankara Mińsk Warszawa Berlin Paryż Londyn Rzym Tokio Rijad Kair Damaszek "
    "Budapeszt Astana Belgrad Doha Ottawa Киев Москва Вашингтон Тегеран Пекин Анкара Минск Варшава Берлин Париж Лондон "
    "Рим Токио Эр-Рияд Каир Дамаск Будапешт Астана Белград Доха Оттава "
    "Madryt Wiedeń Lizbona Ateny Praga Bratysława Bukareszt Helsinki Sztokholm Oslo Kopenhaga Tallin Ryga Wilno "
    "Kiszyniów Tbilisi Erywań Baku Phenian Islamabad Kabul Bagdad Bejrut Hawana Dżakarta Bangkok Dublin Zagrzeb "
    "Мадрид Вена Лиссабон Афины Прага Братислава Бухарест Хельсинки Стокгольм Осло Копенгаген Таллин Рига Вильнюс "
    "Кишинёв Кишинев Тбилиси Ереван Баку Сеул Пхеньян Исламабад Кабул Багдад Бейрут Гавана Каракас Улан-Батор "
    "Ханой Джакарта Бангкок Канберра Дублин Берн Любляна Загреб Сараево Тирана Приштина Никосия Ташкент Бишкек "
    "Душанбе Ашхабад Хартум Найроби Тайбэй".split()) | frozenset(  # forms of several words too
    "Accra|Addis Abeba|Algier|Amsterdam|Bogota|Brasilia|Brasília|Dakar|Dhaka|Haga|Jerozolima|Katmandu|"
    "Kinszasa|Kuala Lumpur|Luanda|Manama|Manila|Maskat|Montevideo|Nur-Sułtan|Phnom Penh|Podgorica|Quito|"
    "Reykjavik|Reykjavík|Skopje|Tunis|Valletta|Аддис-Абеба|Аккра|Амстердам|Асунсьон|Богота|Бразилиа|"
    "Валлетта|Гаага|Дакар|Дакка|Иерусалим|Катманду|Киншаса|Кито|Куала-Лумпур|Лима|Луанда|Манама|Манила|"
    "Маскат|Мехико|Монтевидео|Нур-Султан|Пномпень|Подгорица|Рабат|Рейкьявик|Скопье".split("|"))
_CAPITAL_INSTRUMENTAL = {
    "UA": "Kijowem|Киевом", "RU": "Moskwą|Москвой", "US": "Waszyngtonem|Вашингтоном", "IR": "Teheranem|Тегераном",
    "CN": "Pekinem|Пекином", "TR": "Ankarą|Анкарой", "BY": "Mińskiem|Минском", "PL": "Warszawą|Варшавой",
    "DE": "Berlinem|Берлином", "FR": "Paryżem|Парижем", "GB": "Londynem|Лондоном", "IT": "Rzymem|Римом",
    "SA": "Rijadem|Эр-Риядом", "EG": "Kairem|Каиром", "SY": "Damaszkiem|Дамаском", "HU": "Budapesztem|Будапештом",
    "KZ": "Astaną|Астаной", "RS": "Belgradem|Белградом", "QA": "Dohą|Дохой", "CA": "Ottawą|Оттавой",
    "ES": "Madrytem|Мадридом", "AT": "Wiedniem|Веной", "PT": "Lizboną|Лиссабоном", "GR": "Atenami|Афинами",
    "CZ": "Pragą|Прагой", "SK": "Bratysławą|Братиславой", "RO": "Bukaresztem|Бухарестом", "SE": "Sztokholmem|Стокгольмом",
    "DK": "Kopenhagą|Копенгагеном", "EE": "Tallinem|Таллином", "LV": "Rygą|Ригой", "LT": "Wilnem|Вильнюсом",
    "MD": "Kiszyniowem|Кишинёвом|Кишиневом", "AM": "Erywaniem|Ереваном", "KR": "Seulem|Сеулом",
    "KP": "Phenianem|Пхеньяном", "PK": "Islamabadem|Исламабадом", "AF": "Kabulem|Кабулом", "IQ": "Bagdadem|Багдадом",
    "LB": "Bejrutem|Бейрутом", "CU": "Hawaną|Гаваной", "ID": "Dżakartą|Джакартой", "IE": "Dublinem|Дублином",
    "HR": "Zagrzebiem|Загребом", "UZ": "Taszkientem|Ташкентом",
    "KH": "Пномпенем",
    "PH": "Manilą|Манилой",
    "MY": "Куала-Лумпуром",
    "BR": "Brasílią|Brasilią",
    "CO": "Bogotą|Боготой",
    "PE": "Лимой",
    "ET": "Addis Abebą|Аддис-Абебой",
    "MA": "Рабатом",
    "DZ": "Algierem",
    "TN": "Tunisem",
    "IL": "Jerozolimą|Иерусалимом",
    "NL": "Amsterdamem|Hagą|Амстердамом|Гаагой",
    "ME": "Podgoricą|Подгорицей",
    "MT": "Vallettą|Валлеттой",
    "IS": "Reykjavikiem|Reykjavíkiem|Рейкьявиком",
    "BD": "Dhaką|Даккой",
    "CD": "Kinszasą|Киншасой",
    "AO": "Luandą|Луандой",
    "SN": "Dakarem|Дакаром",
    "GH": "Аккрой",
    "PY": "Асунсьоном",
    "OM": "Maskatem|Маскатом",
    "BH": "Manamą|Манамой",
}
_CAPITAL_INSTRUMENTAL_FORMS = frozenset(f for forms in _CAPITAL_INSTRUMENTAL.values() for f in forms.split("|"))
_CASE_LANGS = frozenset({"pl", "ru"})
_ARTICLE = {lang: re.compile(rf"(?<!\w)(?:{p})['’]?\s*$", re.I) for lang, p in {
    "en": "the|a|an", "it": "il|la|le|lo|l|i|gli", "fr": "le|la|les|l", "de": "der|die|das|dem|den|des",
    "pl": "(?!x)x", "ru": "(?!x)x"}.items()}


def _capital_is_actor(sentence: str, capital: _Mention, mentions: list[_Mention], lex, lang: str) -> bool:
    """A capital standing for its state as an actor: a subject or a partner after "with"
    ("Washington and Moscow held talks", "Moskwa chciała negocjować z Kijowem", "Berlino e Parigi"),
    not a place ("in Moscow", "a Mosca", "w Moskwie"), a name part ("Washington Post") or a club ("la Roma")."""
    form = sentence[capital.start:capital.end]
    after = sentence[capital.end:capital.end + 3]
    if re.match(r"\s+[A-ZА-ЯЁ]|-|['’](?!s\b)", after):
        return False  # "Washington Post", "Moscow-based"; but "Moscow's talks with Beijing"
    head = sentence[max(0, capital.start - 30):capital.start]
    words = _WORD.findall(head)
    if not words or _HARD_STOP.search(head[head.rfind(words[-1]):]):
        return lang not in _CASE_LANGS or form in _CAPITAL_NOMINATIVE  # sentence or clause start
    last = words[-1]
    if _ARTICLE[lang].search(head):
        return False
    if lex["link"].fullmatch(last) or lex["between"].fullmatch(last):
        return lang not in _CASE_LANGS or form in _CAPITAL_INSTRUMENTAL_FORMS or lex["between"].fullmatch(last)
    if lex["coord"].fullmatch(last) or head.rstrip().endswith(",") or (lang == "pl" and last == "a"):
        previous = [m for m in mentions if m.end <= capital.start]
        if previous and previous[-1].actor_type == "capital" and previous[-1] is not capital:
            return _capital_is_actor(sentence, previous[-1], mentions, lex, lang) and (
                lang not in _CASE_LANGS or form in _CAPITAL_NOMINATIVE | _CAPITAL_INSTRUMENTAL_FORMS)
        return lang not in _CASE_LANGS or form in _CAPITAL_NOMINATIVE
    if lex["comp"].fullmatch(last) or lex["conj"].fullmatch(last):  # "il fatto che Berlino abbia invitato"
        return lang not in _CASE_LANGS or form in _CAPITAL_NOMINATIVE
    clause = re.split(r"[,;:]", sentence[:capital.start])[-1]
    if _n_words(clause) <= 1 and not any(
            lex[k].fullmatch(last) for k in ("place", "destination", "block", "genitive", "addressee", "source")):
        return lang not in _CASE_LANGS or form in _CAPITAL_NOMINATIVE  # "Intanto Mosca ...", ", Berlin ..."
    return False  # an object or a place: "visitano Kiev", "посещают Киев"


def _sentence_mentions(starts, ends, ids, types) -> list[_Mention]:
    """Mentions in text order; of overlapping mentions the longest is kept."""
    order = sorted(range(len(starts)), key=lambda i: (starts[i], -(ends[i] - starts[i])))
    kept: list[_Mention] = []
    for i in order:
        if kept and starts[i] < kept[-1].end:
            continue
        kept.append(_Mention(int(starts[i]), int(ends[i]), str(ids[i]), str(types[i])))
    return kept


def _mask_parentheticals(sentence: str, mentions: list[_Mention], lex) -> str:
    """Blank out short parentheses without actors ("(virtuale)", "(R-SC)") and the marks of short quoted phrases,
    so they do not cut a clause."""
    def blank(match: re.Match) -> str:
        if not any(match.start() <= m.start < match.end() for m in mentions):
            return " " * len(match.group(0))
        if lex["link"].match(match.group(0)[1:]) or lex["coord"].match(match.group(0)[1:]):
            return " " + match.group(0)[1:-1] + " "  # "(insieme a Draghi)", "(and X)"
        return match.group(0)
    masked = re.sub(r"\([^()]{0,40}\)", blank, sentence)
    if not _QUOTE_MARK.search(masked):
        return masked
    return _PARTIAL_QUOTE.sub(lambda m: f" {m.group(0)[1:-1]} " if _n_words(m.group(0)) <= 6 else m.group(0), masked)


# A quoted phrase of at most six words that the sentence continues after ("« le président rencontrera » ben Salman",
# "a “productive” meeting with"): its quotation marks do not end the clause.
_QUOTE_MARK = re.compile(r"[«“„\"]")
_PARTIAL_QUOTE = re.compile(r"[«“„\"](?=\s*[^\W\d_])[^«»“”„\"\n.,;:!?]{1,60}[»”“\"](?=\s+[^\W\d_])")


def _sentence_reports(sentence, offset, sentence_id, lang, mentions, history, names, reference,
                      precision, cue_matches, previous_text="", following=None, text="") -> list[dict]:
    lex = _LEX[lang]
    masked = _mask_parentheticals(sentence, mentions, lex)
    starts = {m.start for m in mentions}
    candidates = [m for m in mentions if not _is_source(masked, m, lex, mentions)
                  and (m.end + 1 in starts or not _is_modifier(masked, m))]  # "russo-americano": both parts
    actors = [m if m.actor_type != "capital" else _Mention(m.start, m.end, m.actor_id, "country")
              for m in candidates if m.actor_type != "capital" or _capital_is_actor(masked, m, candidates, lex, lang)]
    cues: list[_Cue] = []
    evidence_ends: dict[int, int] = {}  # cue start -> end of the evidence when it spans the next sentence
    clauses = _relative_clauses(masked, actors, lang)
    for match in cue_matches:
        mode, kind = _CUE_KINDS[lang][match.lastgroup]
        cue = _Cue(mode, kind, match.start() - offset, match.end() - offset)
        if masked[cue.start:cue.end] != match.group(0):
            continue  # inside a blanked parenthesis
        if lang == "de" and match.group(0) in ("Treffen", "Treffens"):
            cue.kind = "noun"  # the noun: "das Treffen von Scholz mit Erdoğan"
        elif cue.mode == "visit" and ((lang in _VISIT_NOUN and match.group(0).lower() in _VISIT_NOUN[lang][0]
                                       and _VISIT_NOUN[lang][1].search(masked, max(0, cue.start - 40), cue.start))
                                      or _DURING_VISIT[lang].search(masked, max(0, cue.start - 40), cue.start)):
            cue.kind = "noun"  # "his visit to India", "sa visite dans ce pays", "lors d'une visite à Kiev": the noun
        if not _contact_sense(masked, cue, lang) or _hypothetical(masked, cue, lang):
            continue
        window = _clause_window(masked, cue)
        if _NEGATION_BEFORE[lang].search(masked[max(0, cue.start - 40):cue.start]) and not _REFUSED[lang].search(window):
            continue
        if mode == "talks" and kind == "noun" and _reported_in_conversation(masked, cue, lex):
            continue
        if mode in ("meeting", "talks") and (_NOT_A_CONTACT.search(masked[max(0, cue.start - 30):cue.end + 40])
                                             or _MEDIA_PARTNER.match(masked[cue.end:cue.end + 60])):
            continue
        if mode in ("meeting", "summit", "talks") and _VIRTUAL.search(sentence[max(0, cue.start - 20):cue.end + 25]):
            cue.mode = "video_call"
        elif mode == "talks" and _BY_PHONE.search(sentence[max(0, cue.start - 25):cue.end + 25]):
            cue.mode = "phone_call"
        # "Macron, qui a rencontré Biden, se rendra à Pékin": Macron travels, not Biden
        closed = [(a, b) for a, b in clauses if b <= cue.start]
        frame_text = _blank(masked, closed)
        frame_actors = [m for m in actors if not any(a <= m.start < b for a, b in closed)]
        frame_candidates = [m for m in candidates if not any(a <= m.start < b for a, b in closed)]
        if mode == "visit":  # capitals are destinations; one before the cue may be its subject ("Kiev ha rifiutato")
            subjects = {m for m in frame_actors if m.actor_type == "country" and m.end <= cue.start}
            parties = _frame(frame_text, cue, [m if m.actor_type != "capital" or m.end > cue.start else next(
                (a for a in subjects if a.start == m.start), m) for m in frame_candidates], lex, lang)
        else:
            parties = _frame(frame_text, cue, frame_actors, lex, lang)
        if cue.kind == "noun" and _POSSESSIVE_BEFORE[lang].search(masked, max(0, cue.start - 40), cue.start):
            # "offended India by cutting short his visit to India": "his" is a person, not the state before it
            before = [m for m in parties if m.end <= cue.start]
            if before and not any(m.is_person for m in before):
                parties = [m for m in parties if m.start >= cue.end]
        if cue.kind == "reception":
            # "odmówił przyjęcia delegacji", "отказался принять Штайнмайера": guests, not "przyjęcia Szwecji do NATO"
            guests = [m for m in parties if m.start >= cue.end]
            if not guests or not all(m.is_person or _DELEGATION.search(masked, m.start, m.end) for m in guests):
                continue
        if len({m.actor_id for m in parties}) < 2:
            parties = parties + _back_reference(masked, cue, parties, history, lang)
        if len({m.actor_id for m in parties}) < 2:
            parties = parties + _possessive_pair(masked, cue, parties, history, lang)
        if len({m.actor_id for m in parties}) < 2 and history and previous_text:
            parties = _plural_pronoun_subject(masked, cue, actors, history[-1], previous_text, lang) + parties
        for find_subject in (_pronoun_subject, _first_person_subject, _addresser, _implicit_subject, _arrived_before,
                             _visitor_of_adjunct, _purpose_subject):
            if len({m.actor_id for m in parties}) != 1:
                break
            subject = find_subject(masked, cue, parties, actors, history, previous_text, lang, names=names)
            if subject:
                parties = parties + subject + list(cue.held_back)
        if (cue.kind == "noun" and cue.mode in ("summit", "meeting") and following is not None
                and all(m.actor_type == "organization" for m in actors)):
            # "The G7 summit opened in Elmau. Biden, Scholz and Macron agreed ...": the participants follow
            found = following()
            participants = _next_participants(found[1], found[2], lang) if found else []
            if participants:
                evidence_ends[cue.start] = found[0] - offset + len(found[1])
        else:
            participants = []
        parties = _drop_titles(masked, parties, lex, cue) + participants
        if cue.mode in ("meeting", "talks") and len({m.actor_id for m in parties}) == 1 and (
                cue.kind in ("noun", "host") or masked[cue.start:cue.end].lower() == "held talks"):
            parties += _seat_host(masked, cue, actors, parties)  # (not "spoke at the White House": a speech)
        if cue.mode != "visit" and cue.mode != "letter":
            parties += [m for m in _listed_participants(masked, cue, actors, lex, lang) if m not in parties]
        if (cue.mode not in ("visit", "letter") and len({m.actor_id for m in parties}) >= 2
                and _MEDIATOR_HINT[lang].search(masked)):
            parties += [m for m in _mediators(masked, actors, lang) if m not in parties]
        if cue.mode == "visit" and any(m.actor_type == "capital" for m in parties) or cue.kind == "travel":
            # one visit per destination, all travellers in each
            verb_final = _destination_before(masked, cue, candidates, lex, lang) if cue.kind == "travel" else None
            destinations = [m for m in parties if m.actor_type in ("capital", "seat") or m == verb_final
                            or (m.actor_type == "country" and m.start >= cue.end)]
            travellers = [m for m in parties if m not in destinations]
            if cue.kind == "travel":  # persons and delegations travel; "Russia went to Ukraine" is no visit
                travellers = [m for m in travellers if m.is_person or _DELEGATION.search(masked, m.start, m.end)]
            groups = [travellers + [place] for place in destinations]
        else:
            groups = [parties]
        for group in groups:
            ids = list(dict.fromkeys(m.actor_id for m in group))
            if len(ids) >= 2:
                cues.append(_Cue(cue.mode, cue.kind, cue.start, cue.end, tuple(ids)))
    cues = _absorb_generic(_without_journeys_to_summits(cues))
    if not cues:
        return []
    dates = find_dates(sentence, lang=lang, reference=reference, reference_precision=precision)
    rows = []
    for cue, date in zip(cues, _assign_dates(cues, dates)):
        # a relative clause has its own tense: "Draghi, che ieri ha incontrato Macron, oggi sarà a Berlino"
        inside = [(a, b) for a, b in clauses if a <= cue.start < b]
        status_text = (_blank(masked, [(0, inside[0][0]), (inside[0][1], len(masked))]) if inside
                       else _blank(masked, [(a, b) for a, b in clauses if b <= cue.start]))
        status = _status(_clause_window(status_text, cue, lang), lang, _near(status_text, cue), masked[cue.start:cue.end])
        if status != "refused" and _refused_infinitive(masked, cue, lang):
            status = "refused"
        if date is not None:
            event_date, end_date, date_precision = date.date, date.end_date, date.precision
        elif status == "happened" and reference is not None:
            event_date, end_date, date_precision = reference, reference, precision
        else:
            event_date, end_date, date_precision = pd.NaT, pd.NaT, None
        parties = sorted(cue.parties, key=lambda actor_id: (names[actor_id], actor_id))
        evidence_end = evidence_ends.get(cue.start, len(sentence))
        rows.append(dict(
            sentence_id=sentence_id, party_ids=parties, parties=[names[p] for p in parties], mode=cue.mode,
            status=status, date=event_date, end_date=end_date, date_precision=date_precision,
            evidence=text[offset:offset + evidence_end] if evidence_end > len(sentence) else sentence,
            evidence_start=offset, evidence_end=offset + evidence_end, cue=sentence[cue.start:cue.end],
            cue_start=offset + cue.start,
        ))
    return rows


# A relative clause between commas right after its antecedent (the main clause must go on with a lower-case word).
_RELATIVE_CLAUSE = {lang: re.compile(rf"\s*,\s*(?:{p})(?!\w)[^,;:()«»“”\"]{{3,160}},") for lang, p in {
    "en": r"who|whom|whose|which", "it": r"che|cui|il quale|la quale|i quali|le quali", "fr": r"qui|que|qu['’]|lequel|laquelle",
    "de": r"der|die|das|den|dem|deren|dessen|welche[rsnm]?", "pl": r"któr\w+", "ru": r"котор\w+"}.items()}


def _relative_clauses(sentence: str, mentions: list[_Mention], lang: str) -> list[tuple[int, int]]:
    """Spans of relative clauses after an actor that hold another actor ("Zelensky, who met Biden last week, is in
    Ottawa"): actors inside are not the main verb's subject or object, and the clause has its own tense."""
    spans = []
    for m in mentions:
        clause = _RELATIVE_CLAUSE[lang].match(sentence, m.end)
        if clause and sentence[clause.end():].lstrip()[:1].islower() and any(
                m.end < x.start < clause.end() for x in mentions):
            spans.append((m.end, clause.end()))
    return spans


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the spans replaced by spaces (offsets kept)."""
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


# "attendees will include A, B and C", "tra i partecipanti", "parmi les participants", "unter den Teilnehmern",
# "wśród uczestników", "среди участников", "in the presence of", "alla presenza di"
_PARTICIPANTS = {lang: _words(p) for lang, p in {
    "en": r"(?:attendees|participants)\s+(?:will\s+)?(?:include[ds]?|are|were|will be)|among (?:the )?(?:attendees|participants)|"
          r"in the presence of",
    "it": r"tra i partecipanti|fra i partecipanti|partecipanti (?:sono|erano|saranno)|alla presenza di|presenti anche",
    "fr": r"parmi les participants|participants (?:sont|étaient|seront)|en présence de",
    "de": r"unter den teilnehmern|teilnehmer (?:sind|waren|werden)|in anwesenheit von|im beisein von|"
          r"unter (?:beteiligung|teilnahme|mitwirkung)(?: von| der| des)?",
    "pl": r"wśród uczestników|uczestnikami (?:są|byli|będą)|w obecności",
    "ru": r"среди участников|участниками (?:стали|были|станут|будут)|в присутствии|при участии|с участием",
}.items()}


def _listed_participants(sentence: str, cue: _Cue, mentions: list[_Mention], lex, lang: str) -> list[_Mention]:
    """The persons, states and organisations listed after a participants phrase that follows the cue in its
    sentence ("Jeffries will host the call, and attendees will include Nadler, Cummings and Schiff", "переговоры
    при участии ООН и Турции", "unter Beteiligung der UNO")."""
    marker = _PARTICIPANTS[lang].search(sentence, cue.end)
    if marker is None or _HARD_STOP.search(sentence, cue.end, marker.start()):
        return []
    after = [m for m in mentions if m.start >= marker.end() and m.actor_type in ("person", "country", "organization")]
    # an organisation in the title of the person after it is no participant: "Judiciary Committee Chairman X"
    after = [m for m, following in zip(after, after[1:] + [None]) if m.is_person or following is None
             or not following.is_person or not _is_title_of(sentence, m, following, lex)]
    if not after or _n_words(sentence[marker.end():after[0].start]) > 4 or _HARD_STOP.search(
            sentence, marker.end(), after[0].start):
        return []
    listed = [after[0]]
    for m in after[1:]:  # a list: actors separated by commas/"and" and at most a short title
        gap = sentence[listed[-1].end:m.start]
        if _HARD_STOP.search(gap) or not lex["coord"].search(gap) or _n_words(gap) > 6 or any(
                lex[k].search(gap) for k in ("report", "comp", "rel", "conj", "link", "block")) or (
                m.actor_type == "organization" and lex["genitive"].search(gap)):
            break  # (an organisation after "of" is a title: "Nadler, chairman of the Judiciary Committee")
        listed.append(m)
    return listed


def _n_words(text: str) -> int:
    return len(_WORD.findall(text))


def _is_source(sentence: str, mention: _Mention, lex, mentions: list[_Mention] = ()) -> bool:
    """"according to X", "secondo X", "X zufolge", "по словам X": X reports, it is not a party. A person right after
    the named source starts the clause ("Według Kremla Putin i Xi rozmawiali", "Laut Kreml haben Putin und Xi ...")."""
    offset = max(0, mention.start - 60)
    before = sentence[offset:mention.start]
    for match in lex["source"].finditer(before):
        between = before[match.end():]
        if _n_words(between) <= 4 and not _HARD_STOP.search(between) and "," not in between:
            named = [m for m in mentions if offset + match.end() <= m.start and m.end <= mention.start]
            if named and mention.is_person and (_after_source(
                    sentence[offset + match.end():named[0].start], named[0], sentence[named[0].end:mention.start], lex)
                    or any(m.is_person and not _is_source(sentence, m, lex, mentions) for m in named[1:])):
                return False
            return True
    after = sentence[mention.end:mention.end + 30]
    found = lex["source_after"].search(after)
    return bool(found and _n_words(after[:found.start()]) <= 1)


def _after_source(head: str, source: _Mention, gap: str, lex) -> bool:
    """Whether a person after a named source begins a new phrase: (German) a lower-case word, a verb, stands
    between them, or the source is a state or organisation right after its marker (an article at most) and nothing
    joins the person to it ("Według Kremla Putin i Xi rozmawiali"; not "według rzecznika Kremla Pieskowa")."""
    if lex is _LEX["de"] and any(w.islower() and not lex["coord"].fullmatch(w) for w in _WORD.findall(gap)):
        return True
    return (not source.is_person and all(w.lower() in _ARTICLES for w in _WORD.findall(head))
            and not _WORD.search(gap) and "'" not in gap and "’" not in gap)


_ARTICLES = frozenset("the il lo la l i gli le les der die das dem den des".split())


def _reported_in_conversation(sentence: str, cue: _Cue, lex) -> bool:
    """"powiedział w rozmowie z X", "said in a conversation with X": an interview, not talks."""
    before = sentence[max(0, cue.start - 60):cue.start]
    return any(_n_words(before[m.end():]) <= 3 and "," not in before[m.end():]
               and lex["adjunct"].match(before[m.end():].lstrip()) for m in lex["report"].finditer(before))


def _is_modifier(sentence: str, mention: _Mention) -> bool:
    """"Kremlin-linked", "US-led", "Russia-backed": the actor qualifies another noun (but "Turkey-brokered
    talks" names the mediator)."""
    if not (re.match(r"-[^\W\d_]", sentence[mention.end:mention.end + 2]) and sentence[mention.end + 1].islower()):
        return False
    return not _MEDIATED_COMPOUND.match(sentence, mention.end)


_MEDIATOR_HINT = {lang: re.compile(p, re.I) for lang, p in {
    "en": r" by |mediation|good offices", "it": r"mediat|mediazion|ospitat", "fr": r"médiation|égide| par ",
    "de": r"vermittl|vermittelt|ausgerichtet", "pl": r"mediacj|pośrednictw", "ru": r"посредничеств|содействии"}.items()}
_MEDIATED_COMPOUND = re.compile(r"-(?:brokered|mediated|hosted|sponsored|facilitated)\b", re.I)
# Phrases that introduce the mediator or host of talks between others: "mediated by X", "con la mediazione
# della X", "sous la médiation de X", "unter Vermittlung von X", "przy mediacji X", "при посредничестве X".
_MEDIATOR = {lang: re.compile(rf"(?<!\w)(?:{p})\s*$", re.I) for lang, p in {
    "en": r"(?:mediated|brokered|hosted|facilitated|sponsored) by(?: the)?|(?:with|through|under|via|thanks to) the "
          r"(?:mediation|good offices) of(?: the)?",
    "it": r"mediat[oaie] (?:da|dal|dalla|dallo|dai|dagli|dalle|dall['’])|(?:con|grazie alla|sotto) la mediazione "
          r"(?:di|del|della|dello|dei|degli|delle|dell['’])|ospitat[oaie] (?:da|dal|dalla|dallo|dall['’])",
    "fr": r"(?:sous|grâce à|avec) la médiation (?:de|du|des|de la|de l['’]|d['’])|(?:sous|grâce à) l['’]égide "
          r"(?:de|du|des|de la|de l['’]|d['’])|(?:médiée?s?|parrainée?s?|accueillie?s?) par(?: la| le| l['’])?",
    "de": r"unter (?:der )?vermittlung (?:von|vom|der|des|durch)?(?: der| des| dem)?|(?:vermittelt|ausgerichtet) "
          r"(?:von|vom|durch)(?: der| des| dem| die)?",
    "pl": r"(?:przy|dzięki|z) mediacji|(?:przy|dzięki) pośrednictwie|(?:przy|dzięki) pośrednictwu",
    "ru": r"при посредничестве|благодаря посредничеству|при содействии",
}.items()}


def _mediators(sentence: str, mentions: list[_Mention], lang: str) -> list[_Mention]:
    """Actors named as the mediator or host of talks right after a mediation phrase (a title at most between)."""
    found = []
    for m in mentions:
        head = sentence[max(0, m.start - 60):m.start]
        words = list(_WORD.finditer(head))
        for skip in range(0, 3):  # "mediated by (Turkish President) Erdogan"
            cut = head[:words[-skip].start()] if skip and len(words) >= skip else head
            if _MEDIATOR[lang].search(cut):
                found.append(m)
                break
    return found


def _contact_sense(sentence: str, cue: _Cue, lang: str) -> bool:
    word = sentence[cue.start:cue.end]
    after = sentence[cue.end:cue.end + 80]
    if lang == "en" and cue.mode == "meeting" and word.lower() in ("meet", "meets", "met") and _MEET_TARGET.match(after):
        return False
    if lang == "de" and _DE_MEET_VERB.fullmatch(word) and not word[0].isupper():
        if _DE_MEET_OTHER.match(after):
            return False
        window = sentence[max(0, cue.start - 80):cue.end + 80]
        return bool(_DE_MEET_SENSE.search(window)) or not _DE_NOT_A_MEETING.search(window)
    if lang == "de" and word == "Treffen" and _DE_MEET_OTHER.match(after):
        return False
    if lang == "it" and cue.mode == "phone_call" and cue.kind == "direct" and _HEARD.match(after):
        return False  # "ha sentito Putin dire ...": heard, not a call
    if cue.mode == "visit" and cue.kind == "direct" and _INVITE.fullmatch(word):
        action = _INVITED_TO_ACT[lang].match(after) if lang in _INVITED_TO_ACT else None
        if action and not _INVITED_TO_COME.fullmatch(action.group("verb")):
            return False  # "invita l'Ue a prepararsi", "invited Congress to act": a call, not a visit
    if cue.mode == "meeting" and _MET_WITH_REACTION.match(after):
        return False  # "met with criticism", "spotkał się z krytyką", "встретил сопротивление"
    if cue.mode == "summit" and lang in _TOP_OF and (_TOP_OF[lang].match(after) or _TOP_OF_WORD[lang].fullmatch(word)):
        return False  # "al vertice della classifica", "na szczycie listy", "au sommet de l'État", "Berggipfel"
    return True


# Contacts that are only wished, urged or supposed: "Y should talk to Z", "if Y met Z", "called on Y to
# negotiate with Z", "powinien rozmawiać", "должен провести переговоры". (Not "would"/"will": reported plans.)
_MODALS = {
    "en": r"should|could|might|(?-i:may)|must|ought to|needs? to|(?:has|have) to",
    "it": r"dovrebbe|dovrebbero|potrebbe|potrebbero|deve|devono|dovesse|dovessero|possa|possano",
    "fr": r"devrait|devraient|pourrait|pourraient|doit|doivent",
    "de": r"solle|sollte|sollten|müsse|müsste|müssten|könnte|könnten",
    "pl": r"powinien|powinna|powinno|powinni|powinny|mógłby|mogłaby|mogliby|musi|muszą|należy|trzeba",
    "ru": r"должен|должна|должны|следует|стоит|мог бы|могла бы|могли бы|нужно|надо|придется|придётся",
}
_MODAL_BEFORE = {lang: re.compile(rf"(?<!\w)(?:{p})\s+(?:[^\W\d_]+\s+){{0,2}}$", re.I) for lang, p in _MODALS.items()}
# A noun cue after a modal and its verb ("should hold talks", "dovrebbe avviare negoziati", "придется начать с
# Россией переговоры"): a modal among the two to four words before the noun (a set lookup, cheaper than a regex
# search on every noun cue). English "may" only in lower case ("Theresa May").
_MODAL_WORDS = {lang: frozenset(w for w in re.sub(r"\(\?-i:may\)", "may", p).replace("(?:has|have) to", "has to|have to")
                                .replace("needs? to", "need to|needs to").split("|"))
                for lang, p in _MODALS.items()}
_GERMAN_MODAL = re.compile(r"(?<!\w)(?:solle|sollte|sollten|müsse|müsste|müssten|könnte|könnten)(?!\w)", re.I)
_CONDITIONAL = {lang: _words(p) for lang, p in {
    "en": r"if|unless", "it": r"qualora|nel caso in cui|se(?! (?:ne|stess\w*|la|lo|li|le)\b)", "fr": r"si|s['’]il|s['’]ils",
    "de": r"wenn|falls|sofern", "pl": r"jeśli|jeżeli|gdyby|o ile", "ru": r"если|если бы"}.items()}
_APPEAL = {lang: _words(p) for lang, p in {
    "en": r"call(?:s|ed)? on|urg(?:es|ed)|ask(?:s|ed)|appeal(?:s|ed) to|press(?:es|ed)|encourag(?:es|ed)|told|tells",
    "it": r"chiesto|chiede|esortato|esorta|sollecitato|sollecita|spinto|spinge|appello a",
    "fr": r"appel(?:é|le|lent) (?:à|a)|exhort(?:é|e|ent)|demand(?:é|e|ent)|press(?:é|e|ent)|encourag(?:é|e|ent)",
    "de": r"forderte|fordert|aufgefordert|drängte|drängt|bat|bittet|appellierte|appelliert",
    "pl": r"(?!x)x", "ru": r"(?!x)x"}.items()}


def _hypothetical(sentence: str, cue: _Cue, lang: str) -> bool:
    """A contact that is only wished, urged, supposed or conditional (a verb cue; a noun cue after a modal)."""
    clause_start = max([0] + [m.end() for m in _HARD_STOP.finditer(sentence, 0, cue.start)])
    head = sentence[clause_start:cue.start]
    if cue.kind == "noun":
        words = _WORD.findall(head[-80:])[-5:]
        # the word right before the noun is its verb; "May" with a capital is Theresa May, not the modal
        before = [w if w == "May" else w.lower() for w in words[:-1]]
        return any(w in _MODAL_WORDS[lang] or f"{w} {v.lower()}" in _MODAL_WORDS[lang]
                   for w, v in zip(before, words[1:]))
    if cue.kind not in _VERB_KINDS and cue.kind != "reception":
        return False
    if _MODAL_BEFORE[lang].search(head):
        return True
    if lang == "de" and any(_n_words(head[m.end():]) <= 6 and "," not in head[m.end():] for m in _GERMAN_MODAL.finditer(head)):
        return True  # verb-final: "Putin solle mit Selenskyj verhandeln"
    conditions = list(_CONDITIONAL[lang].finditer(head))
    if conditions and "," not in head[conditions[-1].end():]:
        return True
    if _INFINITIVE_BEFORE[lang].search(head):
        appeals = list(_APPEAL[lang].finditer(head))
        return bool(appeals) and _n_words(head[appeals[-1].end():]) <= 8 and not _HARD_STOP.search(head, appeals[-1].end())
    return False


def _clause_window(sentence: str, cue: _Cue, lang: str | None = None) -> str:
    """Text around the cue up to hard punctuation: where its status and negation are read. With
    ``lang``, a reported clause after the cue is left out ("told X in a call that the war will go
    on": "will" is not the call's)."""
    start = max(cue.start - 80, 0)
    stops = list(_HARD_STOP.finditer(sentence, start, cue.start))
    if stops:
        start = stops[-1].end()
    end = min(cue.end + 60, len(sentence))
    stop = _HARD_STOP.search(sentence, cue.end, end)
    if stop:
        end = stop.start()
    if lang is not None:
        complement = _LEX[lang]["comp"].search(sentence, cue.end, end)
        # "that"/"che"/"que" may open a relative clause ("the talks that will be held"): only after
        # a verb of saying or telling; "dass", "że", "что" always open a reported clause
        if complement and (lang in ("de", "pl", "ru") or _ADDRESSING[lang].search(sentence, start, cue.start)
                           or _LEX[lang]["report"].search(sentence, start, cue.start)):
            end = complement.start()
    return sentence[start:end]


def _near(sentence: str, cue: _Cue) -> str:
    """The cue with up to four words before and three after: where a refusal must be ("refused to
    meet", "cancelled his visit", "the meeting was cancelled"), not in the rest of the clause."""
    before = re.search(r"(?:[^\W_]+\W+){0,4}$", sentence[:cue.start])
    after = re.match(r"(?:\W+[^\W_]+){0,3}", sentence[cue.end:])
    return sentence[before.start():cue.end + after.end()]


def _has_stop(gap: str, lex, *, side: str) -> bool:
    """Whether a gap between a cue and an actor (or two actors) crosses a clause or a report."""
    if _HARD_STOP.search(gap) or (gap.startswith(".") and not gap[1:2].isspace()):
        return True  # (a full stop right after the previous actor: "Simionov.Sadiq Khan")
    for match in lex["report"].finditer(gap):
        rest = gap[match.end():]
        # "said in a letter to", "ha detto durante la telefonata con": the reporter is a party.
        if side == "left" and _n_words(rest) <= 3 and lex["adjunct"].match(rest.lstrip()):
            continue
        return True
    for match in lex["comp"].finditer(gap):
        if side == "left" and gap[:match.start()].rstrip().endswith(","):
            continue  # relative "che/qui/который" right after its antecedent
        return True
    if side != "left" and (lex["rel"].search(gap) or lex["conj"].search(gap)):
        return True
    return side == "left" and any(m.group(0).lower() not in _PARTICIPIAL_CONJ for m in lex["conj"].finditer(gap))


# "Biden, while visiting Kyiv, met ...": these conjunctions do not separate a subject from its verb.
_PARTICIPIAL_CONJ = frozenset({"while", "mentre", "tandis", "während", "podczas gdy", "пока"})


def _right_ok(gap: str, cue: _Cue, lex, lang: str, sentence_after: str = "", person: bool = False) -> bool:
    """Whether the first actor after the cue is its partner (object, complement, genitive)."""
    if lang == "pl":
        gap = _SIE.sub("", gap)  # the reflexive of "spotkał się": "Z Bidenem spotkał się Duda"
    if _has_stop(gap, lex, side="right"):
        return False
    if "," in gap.rstrip()[:-1] or ("," in gap and _n_words(gap) > 6):
        return False  # only an apposition comma right before the actor: "met the defence secretary, X"
    if "," in gap and lex["report"].match(sentence_after.lstrip()):
        return False  # "A met B yesterday, Putin said": the reporter
    if cue.kind in ("direct", "host") and _PASSIVE_AGENT[lang].match(gap):
        return True  # "was received by X", "è stato ricevuto da X", "a été reçu par X", "przyjęty przez X"
    if cue.kind in ("direct", "host", "called") and _SECOND_VERB_START[lang].match(gap):
        return False  # "A and B met and discussed Ukraine": no object, a second verb follows
    if cue.kind in ("direct", "host") and re.match(r"['’]s\b", sentence_after):
        return False  # "hosted Biden's envoy", "meet NATO's target": a possessor is not the object
    words = _WORD.findall(gap)
    if cue.kind == "from":
        return bool(_CALLER[lang].fullmatch(gap))
    if cue.kind == "called":  # "called Putin on Monday", not "called Putin a killer", "called on Putin"
        return not words and bool(_CALLED_OBJECT_END[lang].match(sentence_after))
    if cue.kind == "travel":  # "flew to Israel", "è volato in Israele", "sarà sabato a Teheran", "nach Kiew"
        gap = _WHEN[lang].sub(" ", gap)  # "przyjechał w środę do Kijowa", "arrived on Monday in Kyiv"
        first = min((m for k in ("destination", "place") for m in lex[k].finditer(gap)), key=lambda m: m.start(),
                    default=None)  # not "went to the polls in Washington"
        return first is not None and _n_words(gap[:first.start()]) <= 2 and _n_words(gap[first.end():]) <= 1
    if not words and "," in gap:
        return False  # "After the NATO summit, Biden flew to Kyiv": a comma ends the noun's phrase
    if not words and cue.kind != "call" and not (cue.kind == "verb" and lang == "en"):
        # "negoziati USA-Russia", "vertice Nato", "telefonierten Scholz und Macron"; not "discussed Ukraine"
        return True
    links = [m.start() for m in lex["link"].finditer(gap)]
    if cue.mode in _DESTINATION_MODES and cue.kind != "call":
        destination = lex["destination"] if cue.mode == "visit" else lex["addressee"]
        links += [m.start() for m in destination.finditer(gap)]
    elif cue.mode == "talks" and cue.kind == "verb" and lang in ("en", "fr") and words and words[0] in ("to", "à"):
        links.append(gap.index(words[0]))  # "spoke to X", "a parlé à X"
    blocks = [m.start() for m in lex["block"].finditer(gap)]
    last_link, last_block = max(links, default=-1), max(blocks, default=-1)
    if last_link > last_block:
        return _n_words(gap[last_link:]) <= 7 and len(words) <= 12
    if last_block >= 0 or cue.kind in ("verb", "call"):
        return False
    if (words and lex["genitive"].fullmatch(words[0]) and len(words) <= 6
            and (cue.kind == "noun" or (cue.mode == "visit" and cue.kind == "direct"))):
        return True  # "the meeting of X", "la visita di X" (visit\w* is also the noun); not "accueilli des réfugiés d'X"
    places = [m for k in ("destination", "place") for m in lex[k].finditer(gap)]
    if places and cue.kind in ("direct", "host") and person and len(words) <= 7 and _n_words(
            gap[max(m.end() for m in places):]) >= (1 if lang in _CASE_LANGS else 2) and not lex["genitive"].search(gap):
        return True  # "ha ricevuto al Quirinale il presidente X": a place phrase, then the object
    if places:
        return False  # "Gespräche in der Türkei", "ricevuto in Russia": a place, not a partner
    if cue.kind in ("direct", "host"):
        return len(words) <= 4 and not lex["genitive"].search(gap)  # not "received the praise of X"
    return lang in ("de", "pl", "ru") and len(words) <= 5


# What may follow the person called: the sentence's end, a date, a reporter, the call's purpose; not "called
# Putin a killer", "a appelé Poutine à cesser" (urged).
_SIE = re.compile(r"^\s*się(?=\s)")
_CALLED_OBJECT_END = {lang: re.compile(p, re.I) for lang, p in {
    "en": r"\s*(?:[.;]|$|,\s+(?:\w+\s+){0,3}(?:said|says|according)|(?:on|last|this|late|early) (?:monday|tuesday|"
          r"wednesday|thursday|friday|saturday|sunday|week|night|month|\d)|yesterday|today|to (?:discuss|express|offer|"
          r"congratulate|talk|thank|ask|urge|warn|convey|inform|brief|reassure)\b|and (?:discussed|talked|spoke|asked|told)\b)",
    "fr": r"\s*(?:[.;]|$|,\s+(?:\w+\s+){0,3}(?:a dit|a déclaré|selon|a indiqué|a annoncé)|(?:ce |le )?(?:lundi|mardi|mercredi|"
          r"jeudi|vendredi|samedi|dimanche)\b|(?:le |ce )?(?:\d|\w+ soir\b|matin\b)|hier|aujourd|au téléphone|"
          r"par téléphone|pour (?:discuter|évoquer|parler|lui|le|la|l['’]|s['’]entretenir|faire le point|exprimer|"
          r"présenter|féliciter|remercier|demander|condamner)\b|et (?:a|ont) (?:discuté|évoqué|parlé|demandé)\b)",
}.items()}


# A determiner and a noun right before a verb, after a comma: the verb's own subject.
_OWN_SUBJECT = {lang: re.compile(rf"\s*(?:{p})\s+[^\W\d_]+\s+(?:[^\W\d_]+\s+)?$", re.I) for lang, p in {
    "en": r"the|a|an|his|her|their|our|its|this|that|these|those",
    "it": r"il|lo|la|i|gli|le|un|una|uno|l['’]|il suo|la sua|il nostro|la nostra|questo|questa|quel|quella",
    "fr": r"le|la|les|l['’]|un|une|son|sa|ses|notre|nos|leur|ce|cet|cette|ces",
    "de": r"der|die|das|den|dem|ein|eine|einen|sein|seine|unser|unsere|dieser|diese|ihr|ihre",
    "pl": r"nasz|nasza|nasi|jego|jej|ich|ten|ta|ci|ów|owa", "ru": r"наш|наша|наши|его|её|их|этот|эта|эти|тот|та"}.items()}


def _left_ok(gap: str, cue: _Cue, lex, lang: str) -> bool:
    """Whether the nearest actor before the cue is its subject (or possessor, for nouns)."""
    if _has_stop(gap, lex, side="left"):
        return False
    words = _WORD.findall(gap)
    if len(words) > (8 if cue.kind in ("noun", "call") else 10):
        return False
    if "," in gap and lex["block"].match(gap.lstrip()):
        return False  # the actor sits in a phrase that ends before the cue's clause
    if "," in gap and cue.kind not in ("noun", "call") and _OWN_SUBJECT[lang].match(gap[gap.rindex(",") + 1:]):
        return False  # "..., unser Außenminister empfängt Elton John": the verb has its own (unnamed) subject
    if cue.kind in ("noun", "call"):
        if not words or re.fullmatch(r"\s*['’]s?(?:\s+[^\W\d_][\w-]*){0,2}\s*", gap):
            return True  # "Trump's meeting", "Biden's first meeting", "NATO-Treffen", "Putins Besuch"
        # "held talks", "during the visit", "refused a meeting", "proposed talks"
        return bool(lex["support"].search(gap) or any(p[lang].search(gap) for p in (_REFUSED, _PLANNED, _REQUESTED)))
    return True


def _chain_ok(gap: str, first: _Mention, second: _Mention, lex) -> int:
    """How two neighbouring actors belong to one side: 4 linked ("A mit B", "A-B"), 2 coordinated
    ("A and B"), 1 listed or titled ("A, B", "US President B"), 0 not at all."""
    if _has_stop(gap, lex, side="chain") or lex["block"].search(gap) or lex["cue"].search(gap):
        return 0  # (a further contact word: "met Putin and discussed Ukraine", "and visited Germany")
    words = _WORD.findall(gap)
    if not words:
        return 1 if "," in gap else 4
    if lex is _LEX["pl"] and gap == " a ":
        return 2  # "między Moskwą a Kijowem"
    if (len(words) == 2 and "," not in gap and lex["coord"].fullmatch(words[0])
            and (lex["link"].fullmatch(words[1]) or lex["addressee"].fullmatch(words[1]))):
        return 2  # the partner preposition repeated: "ha telefonato a Putin e a Zelensky", "with A and with B"
    link_spans = [m.span() for m in lex["link"].finditer(gap)]
    links = [start for start, _ in link_spans]
    places = [m.start() for k in ("destination", "place") for m in lex[k].finditer(gap)
              if not any(start <= m.start() < end for start, end in link_spans)]  # the "a" of "insieme a"
    if links and max(links) > max(places, default=-1) and len(words) <= 8:
        return 4
    if places:
        return 0  # "A with the president in Ulan Bator": a place follows
    if any(m.group(0) != "," for m in lex["coord"].finditer(gap)) and len(words) <= 6:
        return 2
    if "," in gap and len(words) <= 3:
        return 1
    return 1 if not first.is_person and second.is_person and len(words) <= 4 else 0


def _side(sentence: str, nearest: _Mention, others, lex, *, leftwards: bool, compound: bool) -> list[_Mention]:
    """The nearest actor and those chained to it; listed/titled actors count only next to a coordination.

    Two persons joined by a hyphen are a pair only as a compound next to the cue ("Biden-Putin
    summit"); elsewhere they are one double name the actor matcher split ("Pierre-Henri Dumont").
    """
    side, strengths = [nearest], []
    for m in others:
        a, b = (m, side[-1]) if leftwards else (side[-1], m)
        gap = sentence[a.end:b.start]
        if not compound and a.is_person and b.is_person and gap.strip() in ("-", "‐"):
            break
        strength = _chain_ok(gap, a, b, lex)
        if not strength or not _place_chain_ok(gap, a, b, strength, lex):
            break
        side.append(m)
        # A country/organisation before a person is the person's title ("US Secretary of State A").
        strengths.append(3 if strength == 1 and not a.is_person and b.is_person else strength)
    if 2 in strengths or 4 in strengths:
        return side
    if (leftwards and 1 < len(side) <= 3 and all(sentence[b.end:a.start].strip() == "," for a, b in zip(side, side[1:]))
            and not _WORD.search(sentence[:side[-1].start])):
        return side  # a headline's list opening the sentence: "Putin, Xi hold talks in Moscow"
    kept = [nearest]
    for m, strength in zip(side[1:], strengths):
        if strength != 3:
            break
        kept.append(m)
    return kept


# At most an article and a capitalised title before a German subject ("der Bundeskanzler Scholz").
_DE_TITLE = r"(?:(?:der|die)\s+)?(?:[A-ZÄÖÜ][^\W\d_]*\s+)?"
# The subject right after the verb of a German main clause with a fronted adverbial ("Am Montag empfing (der
# Bundeskanzler) Scholz ...", "Dann telefonierte Scholz mit ...").
_DE_V2_SUBJECT_GAP = re.compile(rf"\s+{_DE_TITLE}")


def _de_v2_object(sentence: str, cue: _Cue, subject: _Mention, after: list[_Mention], lex) -> list[_Mention]:
    """The object after a German subject that follows its verb: "Am Montag empfing Scholz den französischen
    Präsidenten Macron", "Dann telefonierte Scholz mit Macron"."""
    following = [m for m in after if m.start >= subject.end]
    if not following:
        return []
    first = following[0]
    gap = sentence[subject.end:first.start]
    if not _right_ok(gap, cue, lex, "de", sentence[first.end:first.end + 40], first.is_person):
        return []
    return _side(sentence, first, following[1:], lex, leftwards=False, compound=not _WORD.search(gap))


def _place_chain_ok(gap: str, a: _Mention, b: _Mention, strength: int, lex) -> bool:
    """A capital joins only other destinations ("Kyiv and Warsaw") or a companion introduced by a bare
    partner preposition ("a Kiev (insieme a Draghi)"), not the object of a further verb."""
    if "capital" not in (a.actor_type, b.actor_type):
        return True
    if a.actor_type in _PLACE_TYPES and b.actor_type in _PLACE_TYPES:
        return strength in (1, 2)
    return strength == 4 and not lex["link"].sub("", gap).strip(" ,()")


def _frame(sentence: str, cue: _Cue, mentions: list[_Mention], lex, lang: str) -> list[_Mention]:
    """The actors that fill the cue's participant positions."""
    before = [m for m in mentions if m.end <= cue.start and m.actor_type != "capital"]
    after = [m for m in mentions if m.start >= cue.end]
    left: list[_Mention] = []
    verb_final_object: list[_Mention] = []
    if cue.kind == "travel":
        destination = _destination_before(sentence, cue, mentions, lex, lang)
        if destination is not None:  # verb-final: "ist nach Kiew gereist", "do Kijowa przyleciał"
            before = [m for m in before if m.end <= destination.start]
            verb_final_object = [destination]
            after = []
    shared = _shared_subject(sentence, cue, before, lex, lang)
    link_start = _after_link(sentence, before[-1], lex) if before and cue.kind in ("verb", "direct", "called") else 0
    if shared is not None:  # "A met B and visited C": A visited C, not B
        left = shared
    elif link_start and lang in _VERB_FINAL_TRAVEL and not after:
        # a partner before the verb: "er habe mit Putin telefoniert", "z Putinem rozmawiał", "с Путиным говорил";
        # a place between subject and partner is where they met ("ist im Weißen Haus mit Biden zusammengetroffen")
        verb_final_object = [before[-1]]
        before = [m for m in before if m.end <= link_start and not _at_place(sentence, m, lex)]
        if before and "," not in sentence[before[-1].end:link_start] and _left_ok(
                sentence[before[-1].end:link_start], cue, lex, lang):
            left = [before[-1]]
    elif (lang == "de" and cue.kind in ("direct", "host") and before and not after
          and _DE_PRONOUN_BEFORE.search(sentence, max(0, before[-1].start - 25), before[-1].start)):
        # verb-final subordinate clause with a pronoun subject: "wo er Selenskyj traf", "als sie Macron empfing"
        verb_final_object, cue.object_first = [before[-1]], True
    elif before and _left_ok(sentence[before[-1].end:cue.start], cue, lex, lang):
        if (lang == "de" and cue.kind in ("direct", "host") and len(before) > 2 and _at_place(sentence, before[-1], lex)
                and not any(_at_place(sentence, m, lex) for m in before[-3:-1])):
            before = before[:-1]  # "X wurde von Y im Weißen Haus empfangen": the place is where, Y the partner
        left = _side(sentence, before[-1], reversed(before[:-1]), lex, leftwards=True,
                     compound=not _WORD.search(sentence[before[-1].end:cue.start]))
        juxtaposed = len(left) == 2 and left[1] is before[-2] and not sentence[before[-2].end:before[-1].start].strip()
        if lang == "de" and (len(left) == 1 or juxtaposed) and len(before) > 1 and cue.kind != "noun" and (
                _DE_AUXILIARY_GAP.fullmatch(sentence[before[-2].end:before[-1].start])
                or (_DE_AUXILIARY_BEFORE.search(sentence, max(0, before[-2].start - 40), before[-2].start)
                    and _n_words(sentence[before[-2].end:before[-1].start]) <= 5
                    and not _HARD_STOP.search(sentence, before[-2].end, before[-1].start)
                    and "," not in sentence[before[-2].end:before[-1].start])):
            # verb-final clause: "Scholz wird Macron treffen", "Zahawi, der Johnson besuchte", "Zuvor hatte Baerbock
            # in Kiew Selenskyj getroffen" (the auxiliary before its subject)
            verb_final_object, left = [before[-1]], [before[-2]]
    right: list[_Mention] = []
    for index, first in enumerate(after[:3]):
        if cue.kind == "host" and first.actor_type == "people":
            break  # "accueille les Ukrainiens", "hosted the Syrians": refugees, not a state
        if cue.kind == "travel" and first.actor_type not in _PLACE_TYPES:
            if not index and not left and first.is_person:  # "reiste der Generalbundesanwalt X ... in die Türkei"
                right = _inverted_traveller(sentence, cue, first, after[1:], lex)
            break  # a journey's partner is the place it goes to
        gap = sentence[cue.end:first.start]
        # A later actor only when a partner preposition comes after the earlier ones ("parlé de X avec Y"), or
        # after a place ("принял в Кремле Эрдогана", "received at the Elysee Palace Scholz").
        if index and not _ends_with_link(gap, lex) and not (
                cue.kind in ("direct", "host") and _after_preposition(sentence, after[0], lex)
                and not after[0].is_person and not any(m.is_person for m in after[1:index])
                and _is_title_gap(sentence[after[0].end:first.start], lex)):
            continue
        if _right_ok(gap, cue, lex, lang, sentence[first.end:first.end + 40], first.is_person):
            right = _side(sentence, first, after[index + 1:], lex, leftwards=False, compound=not _WORD.search(gap))
            break
    if cue.kind == "noun" and cue.mode in ("summit", "meeting", "talks") and left and all(
            m.actor_type == "organization" for m in left):
        left = left + _participants_before(sentence, left[-1], before, lex, lang)  # "A attended the NATO summit"
    if (lang == "de" and not left and not verb_final_object and len(right) == 1 and cue.kind in ("direct", "host", "verb")
            and _DE_V2_SUBJECT_GAP.fullmatch(sentence[cue.end:right[0].start])):
        right = right + _de_v2_object(sentence, cue, right[0], after, lex)
    right = verb_final_object + right
    subject = _adjunct_subject(sentence, cue, right, mentions, lex, lang) + _delegates(sentence, cue, mentions, lex)
    if not right and not subject and (cue.kind in ("host", "called") or cue.mode == "visit"):
        left = left[:1]  # "A and B hosted / visited ...": co-hosts and fellow travellers are not a contact
    inverted = cue.kind == "verb" and not _WORD.search(sentence[cue.end:right[0].start]) if right else False
    if (not left and not subject and len(right) > 1 and cue.kind != "travel" and not inverted
            and not _pairs_right(sentence, cue, right, lex)
            and not (lang == "de" and _DE_V2_SUBJECT_GAP.fullmatch(sentence[cue.end:right[0].start]))):
        # "X will consult with A and B": A and B do not contact each other; but subjects after the verb
        # do ("Am Montag telefonierten Scholz und Macron", "si sono sentiti Draghi e Putin")
        right, cue.held_back = right[:1], tuple(right[1:])
    if cue.mode == "visit" and not left and right and right[-1].is_person:
        right = right + _destination_after(sentence, right[-1], mentions, lex)  # "la visita di X a Washington"
    if (cue.kind == "noun" or cue.mode == "visit") and cue.mode in ("visit", "meeting") and not left and right:
        right = right + _noun_agent(sentence, right[-1], mentions, lang)  # "die Einladung X durch die Regierung"
    parties = left[::-1] + right + subject
    if cue.mode in ("summit", "meeting") and len(parties) == 1 and parties[0].actor_type == "organization":
        parties += _host(sentence, max(cue.end, parties[0].end), mentions, lex)
    return parties


# "Visit" words that are nouns or verbs, and the determiners or possessives that make them nouns ("his visit to",
# "Biden's first visit", "sa visite", "la sua visita"); not across a modal or "to" ("the president will visit").
_VISIT_NOUN = {lang: (frozenset(words.split()), re.compile(
    rf"(?:(?<![\w'’])(?:{determiners})|\w['’]s)\s+(?:(?!(?:{verbal})\s)[\w-]+\s+){{0,2}}$", re.I))
    for lang, (words, determiners, verbal) in {
        "en": ("visit visits", "a|an|the|his|her|their|its|this|that|whose|our|my",
               "will|would|to|must|can|could|should|may|might|did|does|do|not|also|and|or"),
        "fr": ("visite visites", "sa|son|ses|leur|leurs|la|une|cette|les|des|du|de la",
               "va|vont|doit|doivent|pourrait|veut|ne|et|ou|à"),
        "it": ("visita visite", "la|una|sua|loro|questa|della|alla|nella|dalla|sulla|le|delle|alle|nelle",
               "va|vanno|deve|devono|potrebbe|vuole|non|e|o|a"),
    }.items()}
_DE_PRONOUN_BEFORE = re.compile(r"(?<!\w)(?:er|sie)\s+(?:[^\W\d_]+\s+){0,2}$", re.I)
_VERB_KINDS = frozenset({"direct", "host", "verb", "called", "travel", "from"})
# "received a call from X": the caller after "from".
_CALLER = {lang: re.compile(rf"\s+(?:{p})\s*(?:[^\W\d_]+\s+){{0,3}}", re.I) for lang, p in {
    "en": r"from(?: the)?", "it": r"da|dal|dalla|dallo|dai|dagli|dall['’]", "fr": r"de|du|des|d['’]|de la|de l['’]",
    "de": r"von|vom", "pl": r"od", "ru": r"от"}.items()}
# A second verb coordinated with a first one: "and", then at most three adverbs/auxiliaries.
_SECOND_VERB = {lang: re.compile(rf"^\s*,?\s*(?:{c})\s+(?:[^\W\d_]+['’]?\s*){{0,3}}$", re.I) for lang, c in {
    "en": "and", "it": "e|ed", "fr": "et", "de": "und", "pl": "i|a", "ru": "и|а"}.items()}

# The agent of a passive participle, right after it (at most a title between): "received by (President) X".
_PASSIVE_AGENT = {lang: re.compile(rf"^\s+(?:{p})\s+(?:[^\W\d_]+\s+){{0,2}}$", re.I) for lang, p in {
    "en": "by", "it": "da|dal|dalla|dallo|dai|dagli|dalle|dall['’]", "fr": "par", "de": "von|vom",
    "pl": "przez", "ru": "(?!x)x"}.items()}
_SECOND_VERB_START = {lang: re.compile(rf"^\s*,?\s*(?:{c})\s", re.I) for lang, c in {
    "en": "and", "it": "e|ed", "fr": "et", "de": "und", "pl": "i|a", "ru": "и|а"}.items()}


def _shared_subject(sentence: str, cue: _Cue, before: list[_Mention], lex, lang: str) -> list[_Mention] | None:
    """"A met B and visited C", "A ha incontrato B e ha visitato C": the second verb's subject is the
    first verb's subject (possibly unnamed: []), never the first verb's object B. None when the cue
    does not follow a coordinated verb."""
    if not before or cue.kind == "call":
        return None
    gap = sentence[before[-1].end:cue.start]
    if not _SECOND_VERB[lang].match(gap) or lex["cue"].search(gap):
        return None
    if cue.kind == "noun" and not lex["support"].search(gap):
        return None  # "talks between A and B" is no second clause
    clause_start = max([0] + [m.end() for m in _HARD_STOP.finditer(sentence, 0, before[-1].start)])
    earlier = [m for m in lex["cue"].finditer(sentence, clause_start, before[-1].start)
               if _CUE_KINDS[lang][m.lastgroup][1] in _VERB_KINDS]
    if earlier:
        verb = earlier[-1]
        if _n_words(sentence[verb.end():before[-1].start]) > 8:
            return None
        first = _Cue(*_CUE_KINDS[lang][verb.lastgroup], verb.start(), verb.end())
        subjects = [m for m in before if m.end <= first.start]
        if subjects and _left_ok(sentence[subjects[-1].end:first.start], first, lex, lang):
            return _side(sentence, subjects[-1], reversed(subjects[:-1]), lex, leftwards=True,
                         compound=not _WORD.search(sentence[subjects[-1].end:first.start]))
        return []
    # "A thanked B and met C": a non-contact first verb; its subject is the clause's first actor
    clause = [m for m in before if m.start >= clause_start]
    if len(clause) >= 2 and clause[0].is_person and _n_words(sentence[clause_start:clause[0].start]) <= 4:
        gap = sentence[clause[0].end:clause[1].start]
        if 1 <= _n_words(gap) <= 4 and not _chain_ok(gap, clause[0], clause[1], lex) and not _has_stop(
                gap, lex, side="left"):
            return [clause[0]]
    return []


_PLACE_TYPES = frozenset({"country", "capital", "seat"})
_VERB_FINAL_TRAVEL = frozenset({"de", "pl", "ru"})


def _destination_before(sentence: str, cue: _Cue, mentions: list[_Mention], lex, lang: str) -> _Mention | None:
    """The country or capital right before a verb-final travel verb, after a destination preposition
    (German, Polish, Russian word order: "nach Kiew gereist", "do Kijowa przyleciał")."""
    before = [m for m in mentions if m.end <= cue.start]
    if lang not in _VERB_FINAL_TRAVEL:
        return None
    if not before or before[-1].actor_type not in _PLACE_TYPES:
        return None
    place = before[-1]
    gap = sentence[place.end:cue.start]
    if _n_words(gap) > 2 or _HARD_STOP.search(gap) or "," in gap:
        return None
    return place if _after_preposition(sentence, place, lex) else None


def _inverted_traveller(sentence: str, cue: _Cue, person: _Mention, following: list[_Mention], lex) -> list[_Mention]:
    """A subject after the travel verb (V2 or inversion) and the destination that follows it."""
    if _n_words(sentence[cue.end:person.start]) > 4 or _has_stop(sentence[cue.end:person.start], lex, side="right"):
        return []
    for place in following:
        gap = sentence[person.end:place.start]
        if _n_words(gap) > 12 or _has_stop(gap, lex, side="right"):
            return []
        if place.actor_type in _PLACE_TYPES and _after_preposition(sentence, place, lex):
            return [person, place]
    return []


def _at_place(sentence: str, mention: _Mention, lex) -> bool:
    """A place or institution named as where something happens: "im Weißen Haus", "в Кремле", "in der Türkei"."""
    return not mention.is_person and mention.actor_type != "people" and _after_preposition(
        sentence, mention, lex, kinds=("place",))


def _is_title_gap(gap: str, lex) -> bool:
    """At most a title (three words) between a place and the object after it: "принял в Кремле президента
    Белоруссии Лукашенко", "received at the Élysée the German chancellor Scholz"."""
    return (_n_words(gap) <= 3 and "," not in gap and not _HARD_STOP.search(gap)
            and not any(lex[k].search(gap) for k in ("link", "coord", "block", "cue", "comp", "rel", "report")))


def _after_preposition(sentence: str, mention: _Mention, lex, *, kinds=("destination", "place")) -> bool:
    """Whether a preposition of ``kinds`` (destination, place; at most an article after it) comes right before the
    mention."""
    head = sentence[max(0, mention.start - 25):mention.start]
    if not re.search(r"['’\s]$", head):
        return False
    words = _WORD.findall(head)[-2:]
    if len(words) == 2 and len(words[1]) > 3:
        words = words[1:]  # only an article may stand between ("in die Türkei", "to the UK")
    return any(lex[kind].fullmatch(w) for kind in kinds for w in words)


# The agent of a contact noun after its object: "the invitation of X by Y", "die Einladung von X durch Y",
# "la visita di X da parte di Y", "l'invitation de X par Y", "zaproszenie X przez Y", "приглашение X со стороны Y".
_NOUN_AGENT = {lang: re.compile(rf"\s*,?\s+(?:{p})(?:\s+[^\W\d_]+)?\s+", re.I) for lang, p in {
    "en": r"by", "it": r"da parte (?:di|del|della|dello|dei|degli|delle|dell['’])", "fr": r"par|de la part (?:de|du|des)",
    "de": r"durch|seitens", "pl": r"przez|ze strony", "ru": r"со стороны"}.items()}


def _noun_agent(sentence: str, last: _Mention, mentions: list[_Mention], lang: str) -> list[_Mention]:
    following = [m for m in mentions if m.start >= last.end]
    if following and _NOUN_AGENT[lang].fullmatch(sentence, last.end, following[0].start):
        return [following[0]]
    return []


def _destination_after(sentence: str, visitor: _Mention, mentions: list[_Mention], lex) -> list[_Mention]:
    """The country or capital right after a visitor, behind a destination preposition: "the visit of X to Y",
    "la visita di X a Y", "der Besuch von X in Y", "wizyta X w Y", "визит X в Y"."""
    following = [m for m in mentions if m.start >= visitor.end]
    if not following or following[0].actor_type not in _PLACE_TYPES:
        return []
    gap = sentence[visitor.end:following[0].start]
    if _n_words(gap) > 2 or _HARD_STOP.search(gap) or "," in gap or not _after_preposition(sentence, following[0], lex):
        return []
    return [following[0]]


def _participants_before(sentence: str, organization: _Mention, before: list[_Mention], lex,
                         lang: str) -> list[_Mention]:
    """"Biden took part in the NATO summit", "Scholz nahm am NATO-Gipfel teil": the subject of a
    participation or support verb before an organisation's meeting takes part in it (not "did not attend")."""
    earlier = [m for m in before if m.end <= organization.start]
    if not earlier or not (earlier[-1].is_person or earlier[-1].actor_type == "country"):
        return []
    gap = sentence[earlier[-1].end:organization.start]
    if _n_words(gap) > 6 or _has_stop(gap, lex, side="left") or "," in gap or not _has_support_verb(gap, lex):
        return []
    if _NEGATION_WORD[lang].search(gap) or _REFUSED[lang].search(gap) or _TEMPORAL[lang].search(gap):
        return []  # "did not attend", "refused to attend", "flew to Kyiv after the summit": no participant
    return _side(sentence, earlier[-1], reversed(earlier[:-1]), lex, leftwards=True, compound=False)


def _has_support_verb(gap: str, lex) -> bool:
    """A support verb ("held", "took part", "ha avuto", "nahm", "wziął udział", "провёл") in the gap, not
    just a preposition or a possessive."""
    return any(not any(lex[k].fullmatch(m.group(0)) for k in ("adjunct", "destination", "place", "genitive", "addressee"))
               and m.group(0).lower() not in _POSSESSIVES for m in lex["support"].finditer(gap))


def _after_link(sentence: str, mention: _Mention, lex) -> int:
    """The offset of a partner preposition right before the mention ("mit Putin", "z prezydentem X"), else 0."""
    start = max(0, mention.start - 40)
    links = list(lex["link"].finditer(sentence, start, mention.start))
    if not links:
        return 0
    rest = sentence[links[-1].end():mention.start]
    if _n_words(rest) > 2 or _HARD_STOP.search(rest) or "," in rest or lex["coord"].search(rest):
        return 0
    return links[-1].start()


def _host(sentence: str, start: int, mentions: list[_Mention], lex) -> list[_Mention]:
    """"the G7 summit in Germany": the host country of an organisation's meeting is a party."""
    following = [m for m in mentions if m.start >= start]
    if not following or following[0].actor_type != "country":
        return []
    gap = sentence[start:following[0].start]
    place = lex["place"].search(gap)
    if not place or _has_stop(gap, lex, side="right") or _n_words(gap[place.end():]) > 1:
        return []
    if "," in gap and not _HELD.search(gap):
        return []  # (but "summit ..., held in Indonesia")
    return [following[0]]


# "held in", "tenutosi a", "qui s'est tenu à", "in ... stattfand", "który odbył się w", "состоявшегося в".
_HELD = re.compile(r"(?<!\w)(?:held|hosted|tenut[oa]si|svolt[oa]si|tenu|tenue|organisé|stattfand|stattgefunden|odbył\w*|"
                   r"zorganizowan\w*|состоявш\w*|прошедш\w*|проходивш\w*|организованн\w*)(?!\w)", re.I)


def _ends_with_link(gap: str, lex) -> bool:
    links = [m.start() for m in lex["link"].finditer(gap)]
    others = [m.start() for k in ("block", "destination", "place", "genitive") for m in lex[k].finditer(gap)]
    return bool(links) and max(links) > max(others, default=-1) and _n_words(gap[max(links):]) <= 5


_DE_AUXILIARY_BEFORE = re.compile(
    r"(?<!\w)(?:hat|haben|hatte|hatten|wird|werden|würde|würden|will|wollte|soll|sollte|kann|könnte|muss|musste|ist|"
    rf"sind|war|waren|wurde|wurden)\s+{_DE_TITLE}$")
_DE_AUXILIARY_GAP = re.compile(
    r"(?:(?:\s+[^\W\d_]+){0,3},\s+(?:der|die|den|dem|welcher|welche|welchen)|\s+(?:hat|haben|hatte|hatten|wird|werden|würde|würden|will|wollen|wollte|wollten|soll|sollen|sollte|möchte|"
    r"kann|könnte|muss|ist|sind|war|waren|wurde|wurden))(?:\s+[^\W\d_]+){0,4}\s+", re.I)


def _pairs_right(sentence: str, cue: _Cue, right: list[_Mention], lex) -> bool:
    """Whether actors after the cue are the participants themselves: "between A and B", "A-B",
    "встреча A с B" (a link inside the side)."""
    gap = sentence[cue.end:right[0].start]
    if lex["between"].search(gap):
        return True
    if cue.kind == "noun" and not any(lex[k].search(gap) for k in ("link", "destination", "addressee", "block")):
        # "the meeting of A and B", "встреча Зеленского и Стиллера"; not "l'incontro di A e di B con il
        # presidente turco": one side of a meeting whose partner is not named
        partner = lex["link"].search(sentence, right[-1].end, right[-1].end + 40)
        return not (partner and _n_words(sentence[right[-1].end:partner.start()]) <= 1
                    and not _HARD_STOP.search(sentence, right[-1].end, partner.start()))
    return any(_chain_ok(sentence[a.end:b.start], a, b, lex) == 4 for a, b in zip(right, right[1:]))


def _adjunct_subject(sentence, cue, right, mentions, lex, lang="en") -> list[_Mention]:
    """"In a phone call with A, B said ...": B, the subject after a fronted adjunct holding the cue."""
    head_start = 0
    stops = list(_HARD_STOP.finditer(sentence, 0, cue.start))
    if stops:
        head_start = stops[-1].end()
    head = sentence[head_start:cue.start]
    fronted_participle = cue.kind == "travel" and not _WORD.search(head)  # "Arriving in Kyiv, Scholz met ..."
    if cue.mode == "summit" and _TEMPORAL[lang].match(head.strip()):
        return []  # "After the NATO summit, Biden flew to Kyiv": not said to have attended
    if not fronted_participle and (_n_words(head) > 5 or not lex["adjunct"].match(head.strip()) or "," in head):
        return []
    from_ = max([cue.end] + [m.end for m in right if "," not in sentence[cue.end:m.start]])
    if lang == "de" and not fronted_participle:
        # "Bei seinem Gespräch mit Putin forderte Scholz ...": no comma; the finite verb, then the subject
        following = [m for m in mentions if m.start >= from_]
        if following and _DE_VERB_THEN_SUBJECT.fullmatch(sentence, from_, following[0].start):
            return _side(sentence, following[0], following[1:], lex, leftwards=False, compound=False)
    comma = sentence.find(",", from_)
    if comma < 0 or _HARD_STOP.search(sentence, from_, comma) or _n_words(sentence[from_:comma]) > 12:
        return []
    following = [m for m in mentions if m.start > comma]
    if not following or _n_words(sentence[comma:following[0].start]) > 4 or _has_stop(
            sentence[comma + 1:following[0].start], lex, side="right"):
        return []
    if fronted_participle:  # the subject right after the comma (a title at most), and those joined to it by "and"
        if lex["cue"].search(sentence, comma, following[0].start) or _n_words(sentence[comma:following[0].start]) > 3:
            return []
        subject = [following[0]]
        for m in following[1:]:
            gap = sentence[subject[-1].end:m.start]
            if not re.fullmatch(rf"\s*,?\s*(?:(?:{_LEXICON[lang]['coord']})\s+)?", gap, re.I) or not gap.strip():
                break
            subject.append(m)
        return subject
    return _side(sentence, following[0], following[1:], lex, leftwards=False, compound=False)


# After a fronted German adjunct: its lower-case finite verb, then (an article and a title) the subject.
_DE_VERB_THEN_SUBJECT = re.compile(r"\s+(?!(?:und|oder|in|im|am|an|auf|aus|bei|beim|mit|nach|von|vom|zu|zum|zur|über|für|"
                                   r"gegen|sowie|der|die|das|den|dem|des|ein|eine|einem|einer)\s)[a-zäöüß]+\s+"
                                   rf"{_DE_TITLE}")


def _delegates(sentence, cue, mentions, lex) -> list[_Mention]:
    """"a meeting ..., in which the delegation was represented by A and B, ...": the persons named."""
    found = _DELEGATION.search(sentence, cue.end)
    if not found or _n_words(sentence[cue.end:found.start()]) > 15 or _HARD_STOP.search(sentence, cue.end, found.start()):
        return []
    delegates, last = [], found.end()
    for m in mentions:
        if m.start < found.end():
            continue
        gap = sentence[last:m.start]
        if _n_words(gap) > 10 or _HARD_STOP.search(gap) or lex["report"].search(gap) or lex["cue"].search(gap):
            break  # (not the partner of a further contact: "the delegation met X")
        if m.is_person:
            delegates.append(m)
        last = m.end
    return delegates


def _back_reference(sentence, cue, parties, history, lang) -> list[_Mention]:
    """"the two leaders", "i due paesi", "les deux parties", "beide", "obaj przywódcy", "стороны"."""
    start, end = max(0, cue.start - 60), min(len(sentence), cue.end + 60)
    window_matches = [m for m in _BACK_REFERENCE[lang].finditer(sentence, start, end)
                      if (m.group("alone") or m.group("sides") or any(  # not "sono stati" (have been)
                          w in _NUMBERS or w in _DEMONSTRATIVES for w in (m.group("quant") or "").lower().split()))
                      and not _has_stop(sentence[min(m.end(), cue.end):max(m.start(), cue.start)], _LEX[lang],
                                        side="left" if m.end() <= cue.start else "right")]
    if not window_matches:
        return []
    match = min(window_matches, key=lambda m: abs(m.start() - cue.start))
    quant = (match.group("quant") or "").lower().split()
    alone = match.group("alone")
    count = next((_NUMBERS[w] for w in quant if w in _NUMBERS), None) or (2 if alone else None)
    have = {m.actor_id for m in parties}
    for previous in reversed(history):
        persons = list({m.actor_id: m for m in previous if m.is_person and m.actor_id not in have}.values())
        others = list({m.actor_id: m for m in previous if not m.is_person and m.actor_id not in have}.values())
        if match.group("states"):
            options = [others]
        elif match.group("persons"):
            options = [persons, others]
        else:
            options = [persons, others]
        for group in options:
            if len(group) >= 2 and (count is None or len(group) + len(have) == count or len(group) == count):
                return group
    return []


# "their (last) meeting", "il loro (primo) incontro", "leur (première) rencontre", "ich (ostatnie) spotkanie", "их
# (последняя) встреча"; German "ihr" is also "her" and is left out.
_PLURAL_POSSESSIVE = {lang: re.compile(rf"(?<!\w)(?:{p})\s+(?:(?P<adjective>[^\W\d_]{{4,}})\s+)?$", re.I) for lang, p in {
    "en": "their", "it": "loro", "fr": "leurs?", "pl": "ich", "ru": "их"}.items()}


def _possessive_pair(sentence, cue, parties, history, lang) -> list[_Mention]:
    """"Minc tells of their first meeting": a plural possessive before a contact noun refers to the party found
    and one more person (or state) of the nearest previous sentence that names any, or to the two of that
    sentence when none is found; nothing when the count does not fit."""
    possessive = _PLURAL_POSSESSIVE.get(lang)
    if possessive is None or cue.kind != "noun":
        return []
    match = possessive.search(sentence, max(0, cue.start - 40), cue.start)
    lex = _LEX[lang]
    if match is None or (match.group("adjective") and any(
            lex[k].fullmatch(match.group("adjective")) for k in ("link", "destination", "block", "support"))):
        return []
    have = {m.actor_id: m for m in parties}
    if len(have) > 1:
        return []
    persons = not have or next(iter(have.values())).is_person
    for previous in reversed(history):
        found = list({m.actor_id: m for m in previous if m.actor_id not in have and (
            m.is_person if persons else m.actor_type == "country")}.values())
        if found:
            return found if len(found) + len(have) == 2 else []
    return []


def _pronoun_subject(sentence, cue, parties, mentions, history, previous_text, lang, names=None) -> list[_Mention]:
    """"Macron arrived in Kyiv. He met Zelensky": a subject pronoun right before the verb (or a possessive before
    a noun: "his meeting with Xi") stands for the last person named before it in the sentence whose name agrees with
    the pronoun's gender (across a dash or a parenthesis, not a quotation), else for the one person of the
    nearest of the two previous sentences that names one whose name agrees, else for that sentence's subject."""
    if cue.kind not in ("direct", "host", "verb", "called", "noun"):
        return []
    head = sentence[max(0, cue.start - 40):cue.start]
    pronoun = None
    if cue.kind == "noun":  # "his meeting with Xi", "la sua telefonata con Putin", "его встреча с Си"
        pronoun = _POSSESSIVE_BEFORE[lang].search(head)
        if pronoun is None or (lang == "en" and pronoun.group(0).lower() == "her" and re.search(
                rf"(?:{_CUE_PATTERNS[lang].pattern})\s+her\s*\S*\s*$", head, re.I)):
            return []  # (not "met her ...")
        gap = sentence[cue.end:parties[0].start]
        if parties[0].start < cue.end or "," in gap or not any(
                _LEX[lang][k].fullmatch(w) for w in _WORD.findall(gap)[:3] for k in ("link", "addressee", "destination")):
            return []  # the party is the noun's partner ("his meeting with X"), not a subject ("In his letter, X")
    for pronoun in ([] if cue.kind == "noun" else _SUBJECT_PRONOUN[lang].finditer(head)):
        pass
    inverted = _DE_INVERTED_PRONOUN.match(sentence, cue.end) if lang == "de" and cue.kind != "noun" else None
    if inverted and not any(m.end <= cue.start for m in parties) and (
            pronoun is None or _n_words(head[pronoun.end():]) > 4):
        pronoun_start = cue.start  # "Dort traf sie Kuleba": the subject right after the verb of a main clause
        pronoun = inverted
    else:
        if pronoun is None or _n_words(head[pronoun.end():]) > 4 or _has_stop(head[pronoun.end():], _LEX[lang], side="left"):
            return []
        if not cue.object_first and any(m.end <= cue.start and m.start >= cue.start - 40 + pronoun.start() for m in parties):
            return []
        pronoun_start = max(0, cue.start - 40) + pronoun.start()
    have = {m.actor_id for m in parties}
    gender = _PRONOUN_GENDER.get(pronoun.group(0).split()[-1].lower()) if names is not None else None

    def agrees(m: _Mention) -> bool:
        return _agrees(names, m.actor_id, gender)

    # "Barr said he would consult with X": the person earlier in the sentence, else the previous ones'.
    earlier = [m for m in mentions if m.end <= pronoun_start and m.actor_id not in have
               and not _QUOTE_STOP.search(sentence, m.end, pronoun_start)]
    if earlier:  # a personal pronoun stands for a person, not for a state named after him ("Obama offended India
        return [m for m in earlier if m.is_person and agrees(m)][-1:]  # by cutting short his visit to India")
    for back, previous in enumerate(reversed(history)):
        persons = list({m.actor_id: m for m in previous if m.is_person and m.actor_id not in have}.values())
        if not persons:
            continue
        agreeing = [m for m in persons if agrees(m)]
        marked = [m for m in agreeing if gender == "f" and _gender_of(names, m.actor_id) == "f"]
        if len(agreeing) == 1 or len(marked) == 1:  # female names are marked ("Angela"), male ones mostly not
            return agreeing if len(agreeing) == 1 else marked
        # several persons: the previous sentence's subject, if it is one person ("Barr said in a letter to A, B ...")
        subject = _previous_subject(previous_text, previous, have, _LEX[lang]) if previous_text and not back else []
        return subject if len(subject) == 1 and subject[0].is_person and agrees(subject[0]) else []
    return []


_DE_INVERTED_PRONOUN = re.compile(r"\s+(?:er|sie)(?=\s+[^\W\d_])")
# Gender of the singular personal pronouns and possessives (possessives that agree with the noun are left out).
_PRONOUN_GENDER = {"he": "m", "she": "f", "his": "m", "her": "f", "lui": "m", "lei": "f", "egli": "m", "il": "m",
                   "elle": "f", "er": "m", "sie": "f", "sein": "m", "seine": "m", "seinem": "m", "seinen": "m",
                   "seiner": "m", "seines": "m", "on": "m", "ona": "f", "jego": "m", "jej": "f", "он": "m", "она": "f",
                   "его": "m", "её": "f", "ее": "f"}
# A quotation mark or a colon ends what a pronoun may refer back to in its sentence (a dash or a parenthesis does not).
_QUOTE_STOP = re.compile(r"[;:«»“”\"„\n]")


def _arrived_before(sentence, cue, parties, mentions, history, previous_text, lang, names=None) -> list[_Mention]:
    """"Macron arrived in Moscow. The talks with Putin lasted five hours": a meeting or talks noun opening its
    sentence with only its partner ("with Putin") is held by the one person whose journey the previous sentence
    reports as its subject ("Draghi è volato a Washington. L'incontro con Biden ...")."""
    lex = _LEX[lang]
    if cue.kind != "noun" or cue.mode not in ("meeting", "talks") or not history or not previous_text:
        return []
    partner = parties[0]
    if partner.start < cue.end or any(m.end <= cue.start for m in mentions):
        return []
    head, gap = sentence[:cue.start], sentence[cue.end:partner.start]
    if _n_words(head) > 4 or _HARD_STOP.search(head) or "," in head or _n_words(gap) > 3 or not any(
            lex["link"].fullmatch(w) for w in _WORD.findall(gap)):
        return []
    journey = any(_CUE_KINDS[lang][m.lastgroup][1] == "travel" or _CUE_KINDS[lang][m.lastgroup][0] == "visit"
                  for m in _CUE_PATTERNS[lang].finditer(previous_text))
    if not journey:
        return []
    subject = _previous_subject(previous_text, history[-1], {partner.actor_id}, lex)
    return subject if len(subject) == 1 and subject[0].is_person else []


def _seat_host(sentence: str, cue: _Cue, mentions: list[_Mention], parties: list[_Mention]) -> list[_Mention]:
    """"Erdogan held talks at the Kremlin", "Erdogan è stato ricevuto al Cremlino": a meeting or talks noun, or a
    reception, with one party, at a seat of government right after the cue, is with the seat's occupant (see
    ``_with_seats``)."""
    have = {m.actor_id for m in parties}
    for m in mentions:
        if m.actor_type == "seat" and m.start >= cue.end and m.actor_id not in have:
            gap = sentence[cue.end:m.start]
            return [m] if _n_words(gap) <= 6 and not _HARD_STOP.search(gap) and "," not in gap else []
    return []


# "during a visit to", "durante una visita a", "lors d'une visite à", "während eines Besuchs in", "podczas wizyty w",
# "во время визита в": a visit named as the time of what its clause tells.
_DURING_VISIT = {lang: re.compile(rf"(?<!\w)(?:{p})\s+(?:[^\W\d_]+\s+)?$", re.I) for lang, p in {
    "en": r"(?:during|on|while on|in the course of)\s+(?:a|an|the|one|this)", "it": r"(?:durante|nel corso di|in)\s+(?:una|la)",
    "fr": r"(?:lors|au cours)\s+d['’]une|(?:lors|au cours)\s+de\s+la|pendant\s+(?:une|la)",
    "de": r"(?:während|bei)\s+(?:eines|einem|des|dem)|beim", "pl": r"podczas|w czasie|w trakcie",
    "ru": r"во время|в ходе"}.items()}


def _visitor_of_adjunct(sentence, cue, parties, mentions, history, previous_text, lang, names=None) -> list[_Mention]:
    """"Trump met Putin during a visit to Helsinki", "the claim that he ... during a visit to Moscow": a visit noun
    in a time adjunct, with only its destination, is the visit of its clause's subject: the first person of the
    clause (after a complementiser or a reporting verb), or the person a subject pronoun opening it stands for."""
    lex = _LEX[lang]
    if cue.mode != "visit" or cue.kind != "noun" or any(m.start < cue.end for m in parties):
        return []
    if not _DURING_VISIT[lang].search(sentence, max(0, cue.start - 40), cue.start):
        return []
    clause_start = max([0] + [m.end() for m in _HARD_STOP.finditer(sentence, 0, cue.start)]
                       + [m.end() for k in ("comp", "report", "rel") for m in lex[k].finditer(sentence, 0, cue.start)])
    persons = [m for m in mentions if clause_start <= m.start and m.end <= cue.start and m.is_person]
    pronoun = _SUBJECT_PRONOUN[lang].search(sentence, clause_start, cue.start)
    if pronoun and (not persons or pronoun.start() < persons[0].start) and _n_words(
            sentence[clause_start:pronoun.start()]) <= 2:
        gender = _PRONOUN_GENDER.get(pronoun.group(0).lower())
        before = [m for m in mentions if m.end <= clause_start and m.is_person and not _QUOTE_STOP.search(
            sentence, m.end, clause_start) and _agrees(names, m.actor_id, gender)]
        return before[-1:]
    if not persons or _n_words(sentence[clause_start:persons[0].start]) > 3:
        return []  # (the subject opens the clause: not "Protests erupted in Paris during a visit of ...")
    return persons[:1]


_PLURAL_PRONOUN = {lang: _words(p) for lang, p in {
    "en": "they", "it": "essi|loro", "fr": "ils|elles", "de": "sie", "pl": "oni|one", "ru": "они"}.items()}


def _plural_pronoun_subject(sentence, cue, mentions, previous, previous_text, lang) -> list[_Mention]:
    """"Biden and Putin arrived in Geneva. They met for three hours": a plural subject pronoun at the start
    of the clause stands for the two or more actors that were the previous sentence's subject."""
    if not _PLURAL_PRONOUN[lang].search(sentence, max(0, cue.start - 40), cue.start):
        return []
    lex = _LEX[lang]
    clause_start = max([0] + [m.end() for m in _HARD_STOP.finditer(sentence, 0, cue.start)])
    pronoun = _PLURAL_PRONOUN[lang].search(sentence, clause_start, cue.start)
    if pronoun is None or _n_words(sentence[clause_start:pronoun.start()]) > 2 or any(
            clause_start <= m.start < cue.start for m in mentions):
        return []
    between = sentence[pronoun.end():cue.start]
    if _n_words(between) > 3 or _has_stop(between, lex, side="left") or (
            cue.kind == "noun" and not _has_support_verb(between, lex)) or (cue.kind not in _VERB_KINDS and cue.kind != "noun"):
        return []
    if lang == "de" and not re.match(r"\s+\w+(?:en|ten)\b", sentence[pronoun.end():]):
        return []  # "sie traf" (she), not "sie trafen" (they)
    subject = _previous_subject(previous_text, previous, set(), lex)
    if len({m.actor_id for m in subject}) < 2 or _n_words(previous_text[:subject[0].start]) > 1:
        return []  # (not "The sanctions hurt Russia and China. They met ...": objects)
    return subject


def _addresser(sentence, cue, parties, mentions, history, previous_text, lang, names=None) -> list[_Mention]:
    """"Putin told Macron in a phone call", "Putin ha assicurato a Draghi in una telefonata", "Poutine a
    assuré à Macron lors d'un entretien", "Putin sagte Scholz in einem Telefonat", "Putin powiedział
    Macronowi w rozmowie": the speaker addressing the partner during the contact is the other party."""
    lex = _LEX[lang]
    if cue.kind != "noun" or cue.mode == "letter" or parties[0].end > cue.start:
        return []
    partner = parties[0]
    gap = sentence[partner.end:cue.start]
    adjunct = gap.strip() or sentence[cue.start:cue.end]  # the cue may hold its preposition: "au téléphone", "am Telefon"
    if _n_words(gap) > 4 or not lex["adjunct"].match(adjunct) or _has_stop(gap, lex, side="left"):
        return []
    verb = None
    for verb in _ADDRESSING[lang].finditer(sentence, max(0, partner.start - 40), partner.start):
        pass
    if verb is None:
        return []
    between = sentence[verb.end():partner.start]
    if not _ADDRESSEE_GAP[lang].fullmatch(between) or lex["comp"].search(between) or (
            lang == "en" and any(w.islower() and w not in ("the", "his", "her") for w in _WORD.findall(between))):
        return []  # (English titles are capitalised: "told French President Macron", not "told reporters X")
    before = [m for m in mentions if m.end <= verb.start() and m.actor_id != partner.actor_id]
    if not before or _n_words(sentence[before[-1].end:verb.start()]) > 2 or _has_stop(
            sentence[before[-1].end:verb.start()], lex, side="left") or "," in sentence[before[-1].end:verb.start()]:
        return []
    return [before[-1]]


# Verbs of telling and assuring, and what may stand between them and the addressee (a dative preposition).
_ADDRESSING = {lang: _words(p) for lang, p in {
    "en": r"told|tells|assured|assures|reassured|informed|informs|warned|warns|urged|urges|asked|asks|briefed|"
          r"thanked|promised|congratulated|stressed to|said to|explained to",
    "it": r"detto|dice|assicurato|assicura|spiegato|spiega|chiesto|chiede|promesso|ribadito|ribadisce|confermato|"
          r"conferma|comunicato|annunciato|sottolineato|sottolinea|garantito",
    "fr": r"dit|assuré|assure|expliqué|explique|demandé|demande|promis|réaffirmé|confirmé|annoncé|souligné|indiqué",
    "de": r"sagte|sagt|versicherte|versichert|erklärte|erklärt|betonte|bekräftigte|bat|dankte|warnte",
    "pl": r"powiedział\w*|zapewnił\w*|przekazał\w*|oświadczył\w*|podziękował\w*|obiecał\w*|wyjaśnił\w*",
    "ru": r"сказал\w*|заявил\w*|заверил\w*|сообщил\w*|пообещал\w*|подчеркнул\w*|поблагодарил\w*|пояснил\w*",
}.items()}
_ADDRESSEE_GAP = {lang: re.compile(p, re.I) for lang, p in {
    "en": r"\s+(?:the\s+)?(?:[^\W\d_]+\s+){0,2}", "it": r"\s+(?:a|ad|al|alla|allo|all['’])\s*(?:[^\W\d_]+\s+){0,2}",
    "fr": r"\s+(?:à|au)\s+(?:[^\W\d_]+\s+){0,2}", "de": r"\s+(?:dem\s+)?(?:[^\W\d_]+\s+){0,2}",
    "pl": r"\s+(?:[^\W\d_]+\s+){0,2}", "ru": r"\s+(?:[^\W\d_]+\s+){0,2}"}.items()}


def _first_person_subject(sentence, cue, parties, mentions, history, previous_text, lang, names=None) -> list[_Mention]:
    """"'I spoke with Macron this morning,' Biden said", "- Rozmawiałem z X - powiedział Y", "Biden said:
    'We met Xi'": a first-person subject is the speaker named at the attribution verb."""
    lex = _LEX[lang]
    if cue.kind not in _VERB_KINDS and not (cue.kind == "noun" and _has_support_verb(
            sentence[max(0, cue.start - 30):cue.start], lex)):
        return []
    head = sentence[max(0, cue.start - 40):cue.start]
    marker = None
    for marker in _FIRST_PERSON[lang].finditer(head):
        pass
    verb_form = _FIRST_PERSON_VERB.get(lang)
    if not ((marker and _n_words(head[marker.end():]) <= 4 and not _has_stop(head[marker.end():], lex, side="left"))
            or (verb_form and verb_form.search(sentence, cue.start, cue.end + 5))):
        return []
    have = {m.actor_id for m in parties}
    for report in lex["report"].finditer(sentence, cue.end):
        following = [m for m in mentions if m.start >= report.end()]
        preceding = [m for m in mentions if cue.end <= m.end <= report.start() and m.actor_id not in have]
        if _SUBJECT_PRONOUN[lang].match(sentence, report.end() + 1) or re.search(
                rf"(?:{_SUBJECT_PRONOUN[lang].pattern})\s*$", sentence[max(0, report.start() - 8):report.start()], re.I):
            # "..., he added": the previous sentence's subject or only person
            return _pronoun_subject(sentence, _Cue(cue.mode, "verb", report.start(), report.end()), parties, [],
                                    history, previous_text, lang) if history else []
        if preceding and not _WORD.search(sentence[preceding[-1].end:report.start()]):
            speaker = preceding[-1]  # "..., Biden said"
        elif following and _n_words(sentence[report.end():following[0].start]) <= 6:
            speaker = following[0]  # "... said Biden", "- powiedział prezydent X"
        else:
            continue
        return [speaker] if speaker.is_person and speaker.actor_id not in have else []
    before = [m for m in mentions if m.end <= cue.start and m.actor_id not in have]
    report = None
    for report in lex["report"].finditer(sentence, before[-1].end if before else 0, cue.start):
        pass
    if before and report and _n_words(sentence[before[-1].end:report.start()]) <= 1 and before[-1].is_person:
        return [before[-1]]  # "Biden said: 'We met Xi'"
    return []


_FIRST_PERSON = {lang: _words(p) for lang, p in {
    "en": "I|we", "it": "io|noi|ho|abbiamo|avevo|avevamo|avrò|avremo", "fr": "je|j['’]ai|nous", "de": "ich|wir",
    "pl": "ja|my", "ru": "я|мы"}.items()}
_FIRST_PERSON_VERB = {"pl": re.compile(r"(?:łem|łam|liśmy|łyśmy)(?!\w)", re.I)}


def _next_participants(text: str, mentions: list[_Mention], lang: str) -> list[_Mention]:
    """Two or more persons or states listed as the subject at the start of a sentence and followed by
    a participation or contact verb ("Biden, Scholz and Macron took part", "Draghi e Macron hanno discusso")."""
    lex = _LEX[lang]
    mentions = [m for m in mentions if m.is_person or m.actor_type == "country"]
    if len(mentions) < 2 or _n_words(text[:mentions[0].start]) > 4 or _HARD_STOP.search(text, 0, mentions[0].start):
        return []
    if _is_source(text, mentions[0], lex) or any(lex[k].search(text, 0, mentions[0].start) for k in (
            "place", "destination", "link", "genitive", "block", "between", "report", "comp", "conj")):
        return []
    listed = _side(text, mentions[0], mentions[1:], lex, leftwards=False, compound=False)
    if len({m.actor_id for m in listed}) < 2:
        return []
    after = text[listed[-1].end:listed[-1].end + 60]
    verb = _PARTICIPATION[lang].search(after) or lex["cue"].search(after)
    if not verb or _n_words(after[:verb.start()]) > 3 or _HARD_STOP.search(after, 0, verb.start()):
        return []
    return listed


_PARTICIPATION = {lang: _words(p) for lang, p in {
    "en": r"took part|take part|takes part|participated|participate|participates|attended|attend|attends|joined|"
          r"gathered|discussed|agreed|signed|arrived|were (?:present|there|among)",
    "it": r"hanno partecipato|partecipano|parteciperanno|hanno preso parte|prendono parte|erano presenti|sono presenti|"
          r"hanno discusso|discutono|si sono riuniti|hanno firmato|hanno concordato|sono arrivati|hanno concordato",
    "fr": r"ont participé|participent|participeront|ont pris part|prennent part|étaient présents|sont présents|"
          r"ont assisté|assistent|ont discuté|discutent|se sont réunis|ont signé|sont arrivés|ont convenu",
    "de": r"nahmen|nehmen|diskutierten|berieten|unterzeichneten|einigten sich|kamen|waren dabei|sind dabei",
    "pl": r"wzięli udział|wezmą udział|biorą udział|uczestniczyli|uczestniczą|byli obecni|dyskutowali|podpisali|"
          r"uzgodnili|przybyli|omówili",
    "ru": r"приняли участие|примут участие|принимают участие|участвовали|участвуют|присутствовали|обсудили|обсуждали|"
          r"подписали|договорились|прибыли",
}.items()}


def _implicit_subject(sentence, cue, parties, mentions, history, previous_text, lang, names=None) -> list[_Mention]:
    """The subject a verb does without: the reporter of reported contacts ("X ha detto di aver parlato
    con Y", "X a indiqué avoir eu un entretien avec Y", "X powiedział, że rozmawiał z Y", "X заявил, что
    провёл переговоры с Y"), or in Italian, Polish and Russian, which drop subjects, the subject of
    the previous sentence ("Ha poi incontrato Y", "Spotkał się też z Y", "Затем встретился с Y")."""
    lex = _LEX[lang]
    if cue.kind not in _VERB_KINDS and cue.kind != "noun":
        return []
    clause_start = max([0] + [m.end() for m in _HARD_STOP.finditer(sentence, 0, cue.start)])
    head = sentence[clause_start:cue.start]
    for m in parties:  # a partner before a verb-final verb: "er habe mit Putin telefoniert"
        if clause_start <= m.start and m.end <= cue.start and _after_link(sentence, m, lex):
            head = head[:m.start - clause_start] + " " * (m.end - m.start) + head[m.end - clause_start:]
    words = list(_WORD.finditer(head))
    fillers = _FILLERS[lang]
    supported = cue.kind != "noun" or bool(_REFLEXIVE_AFTER.match(sentence, cue.end))
    index = len(words)
    while index:
        word = words[index - 1].group(0)
        if not (word.lower() in fillers or lex["comp"].fullmatch(word) or lex["support"].fullmatch(word)
                or lex["link"].fullmatch(word) or _SUBJECT_PRONOUN[lang].fullmatch(word)):
            break
        supported = supported or _has_support_verb(word, lex)
        index -= 1
    if not supported:
        return []  # "X said that talks with Y ...": the reporter did not necessarily take part
    if any(clause_start + (words[index - 1].end() if index else 0) <= m.start < cue.start
           for m in mentions if m not in parties):
        return []
    have = {m.actor_id for m in parties}
    if index:
        reported_to = words[index - 1].end()
        report = None
        for report in lex["report"].finditer(head, 0, reported_to):
            pass
        if report is None or report.end() != reported_to or len(words) - index > 5:
            return []
        before = [m for m in mentions if m.end <= clause_start + report.start()]
        if not before or before[-1].actor_id in have:
            return []
        gap = sentence[before[-1].end:clause_start + report.start()]
        if _n_words(gap) > 3 or _has_stop(gap, lex, side="left") or "," in gap:
            return []
        pronouns = {_PRONOUN_GENDER.get(w.group(0).lower()) for w in words[index:]} - {None}
        if before[-1].is_person and _gender_of(names, before[-1].actor_id) in (
                {"m", "f"} - pronouns if len(pronouns) == 1 else ()):
            return []  # "Merkel said he would meet X": not Merkel
        return [before[-1]] if before[-1].is_person or before[-1].actor_type in ("country", "organization") else []
    if lang not in _PRO_DROP or clause_start or not history or not previous_text:
        return []
    subject = _previous_subject(previous_text, history[-1], have, lex)
    others = {m.actor_id for m in history[-1] if m.is_person} - {m.actor_id for m in subject} - have
    gender = _past_gender(sentence[cue.start:cue.end], lang) if names is not None else None
    if others:  # another person there may be the subject ("Putina skrytykował Biden": object first) ...
        if gender is None or not subject or not all(_agrees(names, m.actor_id, gender) for m in subject) or any(
                _agrees(names, other, gender) for other in others):
            return []  # ... unless the verb's gender fits the subject alone ("Baerbock i Ławrow ... Spotkała się")
    number = _verb_number(sentence[:cue.end], lang)
    if number == "singular" and len(subject) > 1 and gender is not None:
        # "Baerbock i Ławrow przyjechali do Moskwy. Spotkała się z X": the one whose name agrees with the verb
        subject = [m for m in subject if _gender_of(names, m.actor_id) == gender][:2]
    if (number == "singular" and len(subject) != 1) or (number == "plural" and len(subject) < 2):
        return []
    return subject


_DE_PURPOSE = re.compile(r",\s+um\s+")


def _purpose_subject(sentence, cue, parties, mentions, history, previous_text, lang, names=None) -> list[_Mention]:
    """German purpose clauses: "Scholz reist nach Washington, um Biden zu treffen": the main clause's subject, a
    person opening the sentence, meets the partner."""
    if lang != "de" or cue.kind not in ("direct", "verb", "host"):
        return []
    purpose = None
    for purpose in _DE_PURPOSE.finditer(sentence, 0, cue.start):
        pass
    if (purpose is None or not re.search(r"(?<!\w)zu\s*$", sentence[:cue.start], re.I)
            or any(m.start < purpose.start() for m in parties) or _HARD_STOP.search(sentence, 0, cue.start)):
        return []
    subject = [m for m in mentions if m.end <= purpose.start()][:1]
    if not subject or not subject[0].is_person or _n_words(sentence[:subject[0].start]) > 2:
        return []
    return subject


def _gender_of(names: dict | None, actor_id: str) -> str | None:
    """"m" or "f" when the person's name (``names``: actor_id -> name) tells, else None."""
    return person_gender(names.get(actor_id, "")) if names else None


def _agrees(names: dict | None, actor_id: str, gender: str | None) -> bool:
    """Whether a pronoun or verb of ``gender`` (None: unknown) can stand for the person."""
    return gender is None or _gender_of(names, actor_id) in (None, gender)


def _past_gender(verb: str, lang: str) -> str | None:
    """m or f from a Polish or Russian singular past-tense verb ("spotkała", "встретилась" -> f), else None."""
    word = re.sub(r"(?:ся|сь)$", "", verb.split()[0].lower())
    if lang == "pl":
        return "f" if word.endswith("ła") else "m" if word.endswith("ł") else None
    if lang == "ru":
        return "f" if word.endswith("ла") else "m" if word.endswith("л") else None
    return None


_REFLEXIVE_AFTER = re.compile(r"\s+(?:się|sich|si)\b", re.I)  # "spotkał się", "getroffen sich"
_SINGULAR = {"it": re.compile(r"\b(?:ha|è|aveva|era|avrà|sarà)\s+(?:\w+\s+){0,2}\w+$", re.I),
             "pl": re.compile(r"(?:ł|ła|ło)(?:\s+się)?$|\w+(?:ał|ała|ił|iła|ył|yła)\s+(?:się\s+)?\w+$", re.I),
             "ru": re.compile(r"(?:л|ла|лся|лась)$", re.I)}
_PLURAL = {"it": re.compile(r"\b(?:hanno|sono|avevano|erano|avranno|saranno)\s+(?:\w+\s+){0,2}\w+$", re.I),
           "pl": re.compile(r"(?:li|ły)(?:\s+się)?$", re.I),
           "ru": re.compile(r"(?:ли|лись)$", re.I)}


def _verb_number(text: str, lang: str) -> str | None:
    """Singular or plural from the verb's ending or auxiliary (Italian, Polish, Russian), if visible."""
    if lang not in _SINGULAR:
        return None
    if _PLURAL[lang].search(text):
        return "plural"
    return "singular" if _SINGULAR[lang].search(text) else None


def _previous_subject(text: str, mentions: list[_Mention], have: set, lex) -> list[_Mention]:
    """The subject of the previous sentence: its first actor(s), near the start and before any clause break."""
    mentions = [m for m in mentions if m.actor_type not in ("capital", "people")]
    if not mentions or _n_words(text[:mentions[0].start]) > 5 or _HARD_STOP.search(text, 0, mentions[0].start):
        return []
    if _is_source(text, mentions[0], lex) or lex["block"].search(text, 0, mentions[0].start) or any(
            lex[k].search(text, 0, mentions[0].start) for k in ("place", "destination", "link", "genitive")):
        return []  # "Secondo X", "In Russia ...", "Z Putinem ...": not the subject
    subject = _side(text, mentions[0], mentions[1:], lex, leftwards=False, compound=False)
    return [m for m in subject if m.actor_id not in have]


_PRO_DROP = frozenset({"it", "pl", "ru"})
_POSSESSIVES = frozenset("his her their its sua suo suoi sue loro sa son ses leur leurs sein seine seinem seinen seiner "
                         "ihr ihre ihrem ihren ihrer jego jej ich его её ее их".split())
# Words that may stand between a clause start or a reporting verb and a verb without its own subject:
# auxiliaries, reflexives, adverbs of time and sequence, infinitive markers, articles.
_FILLERS = {lang: frozenset(words.split()) for lang, words in {
    "en": "he she they had has have would will was were been also already recently just then later to a an the "
          "earlier previously yesterday today",
    "it": "ha hanno aveva avevano avrà avranno avrebbe avrebbero è sono era erano sarà saranno si ci poi quindi inoltre "
          "anche ieri oggi già successivamente infine invece intanto di aver avere essere stato stata stati un una uno "
          "lo la il l gli le stamattina stasera nel pomeriggio mattina sera giorno stesso recentemente",
    "fr": "il elle ils elles a ont avait avaient aurait auraient avoir eu été être s se est sont était aussi déjà "
          "ensuite puis récemment hier un une le la l d de avoir",
    "de": "er sie habe hatte hat haben hätten sei seien wäre sich auch bereits schon zuvor gestern heute dann",
    "pl": "się też także również wczoraj dziś dzisiaj potem następnie później już ponadto jeszcze natomiast rano "
          "wieczorem w we poniedziałek wtorek środę czwartek piątek sobotę niedzielę był była byli",
    "ru": "также тоже вчера сегодня затем потом позже уже ещё еще кроме того в во понедельник вторник среду четверг "
          "пятницу субботу воскресенье утром вечером днём днем накануне он она они",
}.items()}


# A possessive right before a contact noun (an adjective or a numeral at most between).
_POSSESSIVE_BEFORE = {lang: re.compile(rf"(?<!\w)(?:{p})\s+(?:[^\W\d_]+\s+)?$", re.I) for lang, p in {
    "en": "his|her", "it": "(?:il|la|i|le)\s+(?:suo|sua|suoi|sue)", "fr": "son|sa|ses",
    "de": "sein|seine|seinem|seinen|seiner|seines", "pl": "jego|jej|swoj\w*|swym|swego|swej",
    "ru": "его|её|свою|своей|своём|своем|свой|своя|своих|своего"}.items()}
_SUBJECT_PRONOUN = {lang: _words(p) for lang, p in {
    "en": "he|she", "it": "lui|lei|egli", "fr": "il|elle", "de": "er|sie", "pl": "on|ona", "ru": "он|она"}.items()}
_DEMONSTRATIVES = frozenset({"these", "those", "questi", "queste", "ces", "diese", "te", "ci", "эти"})


def _drop_titles(sentence: str, parties: list[_Mention], lex, cue: _Cue) -> list[_Mention]:
    """A country or organisation written as part of a person's title is not a party of its own
    (never across a travel verb: "Biden arrived in Germany")."""
    persons = [m for m in parties if m.is_person]
    kept = []
    for m in parties:
        if cue.mode == "visit" and m.start >= cue.end and _after_preposition(sentence, m, lex):
            kept.append(m)  # "on a visit to Singapore, Mr Hunt": the destination, not Hunt's title
            continue
        if not m.is_person and any(_is_title_of(sentence, m, p, lex) and not (
                cue.kind == "travel" and min(m.end, p.end) <= cue.start and cue.end <= max(m.start, p.start))
                for p in persons):
            continue
        kept.append(m)
    return kept


def _is_title_of(sentence: str, other: _Mention, person: _Mention, lex) -> bool:
    gap = sentence[other.end:person.start] if other.end <= person.start else sentence[person.end:other.start]
    if _HARD_STOP.search(gap) or _n_words(gap) > 4 or lex["cue"].search(gap):
        return False  # (not across the contact word: "Scholz nahm am Gipfel der NATO teil")
    if other.start > person.end and _WORD.search(gap) and not (gap.lstrip().startswith(",") or lex["genitive"].match(
            gap.lstrip())):
        return False  # after the person only as an apposition ("Lavrov, Russia's ...", "X of the EU"), not "X attended G7"
    return not any(lex[k].search(gap) for k in ("link", "destination")) and all(
        m.group(0) == "," for m in lex["coord"].finditer(gap))


def _without_journeys_to_summits(cues: list[_Cue]) -> list[_Cue]:
    """"Biden flew to Madrid for the NATO summit": the journey to a summit named after it, by travellers who
    are the summit's parties, is that summit, not a visit to the host state."""
    summits = [c for c in cues if c.mode == "summit"]
    if not summits:
        return cues
    return [c for c in cues if not (c.kind == "travel" and any(
        s.start > c.end and len(set(c.parties) - set(s.parties)) == 1 for s in summits))]


def _absorb_generic(cues: list[_Cue]) -> list[_Cue]:
    """Keep one cue per (parties, mode); generic talks give way to a specific mode with the same parties;
    a cue whose parties are a strict subset of another cue's in the sentence is the same event
    ("A and B travelled to Kyiv and met C")."""
    cues = [c for c in cues if not any(set(c.parties) < set(other.parties) for other in cues)]
    best: dict[tuple, _Cue] = {}
    for cue in sorted(cues, key=lambda c: (MODE_RANK[c.mode], c.start)):
        key = frozenset(cue.parties)
        if (key, cue.mode) in best:
            continue
        if cue.mode == "talks" and any(k == key for k, _ in best):
            continue
        if cue.mode == "meeting" and ((key, "visit") in best or (key, "summit") in best):
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


def _status(window: str, lang: str, near: str, cue_text: str = "") -> str:
    if _REFUSED[lang].search(near):
        return "refused"
    if any(m.group(0) not in cue_text for m in _REQUESTED[lang].finditer(near)):  # not the cue: "rief Putin an"
        return "planned"
    if _PLANNED[lang].search(window):
        return "planned"
    return "happened"


# An infinitive contact after a refusal earlier in its clause: "weigerte sich, die Delegation zu empfangen",
# "refused even to receive X", "si è rifiutato di ricevere", "a refusé de recevoir", "odmówił przyjęcia".
_INFINITIVE_BEFORE = {lang: re.compile(rf"(?<!\w)(?:{p})\s*$", re.I) for lang, p in {
    "en": "to", "it": "di|a", "fr": "de|d['’]|à", "de": "zu", "pl": "(?!x)x", "ru": "(?!x)x"}.items()}
_INFINITIVE_CUE = {"pl": re.compile(r"\w+(?:ć|ia|cia|nia)$", re.I), "ru": re.compile(r"\w+(?:ть|ться|тись)$", re.I)}


def _refused_infinitive(sentence: str, cue: _Cue, lang: str) -> bool:
    """Whether the cue is an infinitive governed by a refusal earlier in its clause."""
    start = max([cue.start - 80, 0] + [m.end() for m in _HARD_STOP.finditer(sentence, max(cue.start - 80, 0), cue.start)])
    head = sentence[start:cue.start]
    word = sentence[cue.start:cue.end]
    if not (_INFINITIVE_BEFORE[lang].search(head) or (lang in _INFINITIVE_CUE and _INFINITIVE_CUE[lang].match(word))):
        return False
    refusals = list(_REFUSED[lang].finditer(head))
    return bool(refusals) and _n_words(head[refusals[-1].end():]) <= 8


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
    records = reports.to_dict("records")  # plain dicts: per-group pandas calls dominate the run time
    by_key: dict[tuple, list[int]] = {}
    for index, record in enumerate(records):
        by_key.setdefault(record["_key"], []).append(index)
    groups: list[list[int]] = []
    for key in sorted(by_key):
        groups.extend(_cluster([(i, records[i]) for i in by_key[key]], window, no_story_ids))
    return _contacts_table(records, groups)


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


def _cluster(items: list[tuple[int, dict]], window: pd.Timedelta, no_story_ids: bool) -> list[list[int]]:
    """Clusters of report indices for one party set."""
    clusters: list[dict] = []

    def add(target: dict, index: int, row: dict) -> None:
        target["members"].append(index)
        target["docs"].add(row["doc_id"])
        target["statuses"].add(row["status"])
        if row["story_id"] is not None:
            target["stories"].add(row["story_id"])

    def new(index: int, row: dict, lo, hi) -> None:
        clusters.append(dict(mode=row["mode"], lo=lo, hi=hi, members=[index], docs={row["doc_id"]}, statuses={row["status"]},
                             stories={row["story_id"]} - {None}))

    dated = sorted((x for x in items if not pd.isna(x[1]["_lo"])),
                   key=lambda x: (x[1]["_lo"], x[1]["_hi"], x[1]["doc_id"]))
    # Specific modes first so that generic talks attach to them.
    for is_generic in (False, True):
        for index, row in (x for x in dated if (x[1]["mode"] == "talks") == is_generic):
            target = next((c for c in clusters if _compatible(c["mode"], row["mode"])
                           and row["_lo"] <= c["hi"] + window and c["lo"] <= row["_hi"] + window), None)
            if target is None:
                new(index, row, row["_lo"], row["_hi"])
            else:
                target["lo"], target["hi"] = min(target["lo"], row["_lo"]), max(target["hi"], row["_hi"])
                add(target, index, row)
    undated = sorted((x for x in items if pd.isna(x[1]["_lo"])), key=lambda x: (x[1]["mode"], x[1]["doc_id"]))
    for index, row in undated:
        def related(c) -> bool:
            return (row["doc_id"] in c["docs"] or (row["story_id"] is not None and row["story_id"] in c["stories"])
                    or (no_story_ids and c["lo"] is pd.NaT))
        target = next((c for c in clusters if c["mode"] == row["mode"] and related(c)), None)
        # a planned or refused generic report is not the same event as a contact of another mode that
        # happened ("the meeting took place ... a possible resumption of talks")
        target = target or next((c for c in clusters if _compatible(c["mode"], row["mode"]) and related(c) and (
            row["status"] == "happened" or row["status"] in c["statuses"])), None)
        if target is None:
            new(index, row, pd.NaT, pd.NaT)
        else:
            add(target, index, row)
    return [c["members"] for c in clusters]


def _contacts_table(records: list[dict], groups: list[list[int]]) -> pd.DataFrame:
    rows = []
    for members in groups:
        group = [records[i] for i in members]
        specific = [r["mode"] for r in group if r["mode"] != "talks"]
        counts = Counter(specific or [r["mode"] for r in group])
        mode = min(counts, key=lambda m: (-counts[m], MODE_RANK[m]))
        dated = [r for r in group if not pd.isna(r["date"])]
        if dated:
            best_rank = min(PRECISION_RANK[r["date_precision"]] for r in dated)
            candidates = [r for r in dated if PRECISION_RANK[r["date_precision"]] == best_rank]
            date_counts = Counter(r["date"] for r in candidates)
            chosen_date = min(date_counts, key=lambda d: (-date_counts[d], d))
            chosen = min((r for r in candidates if r["date"] == chosen_date),
                         key=lambda r: (r["doc_id"], r["evidence_start"]))
            date, end_date, precision = chosen["date"], chosen["end_date"], chosen["date_precision"]
        else:
            date, end_date, precision = pd.NaT, pd.NaT, None
        evidence_row = min((r for r in group if r["mode"] == mode), key=lambda r: (
            PRECISION_RANK.get(r["date_precision"], len(PRECISION_RANK)), r["doc_id"], r["evidence_start"]))
        statuses = sorted({r["status"] for r in group}, key=STATUS_RANK.get)
        party_ids = list(group[0]["party_ids"])
        event_key = "|".join(party_ids) + f"|{mode}|{date}|{evidence_row['doc_id']}|{evidence_row['evidence_start']}"
        rows.append(dict(
            event_id="c" + hashlib.sha1(event_key.encode("utf-8")).hexdigest()[:12],
            parties=list(group[0]["parties"]), mode=mode, status=statuses[0], date=date,
            date_precision=precision, doc_ids=sorted({r["doc_id"] for r in group}), evidence=evidence_row["evidence"],
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
