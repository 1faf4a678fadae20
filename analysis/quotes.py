"""Direct quotations and their speakers, in the quotation conventions of en/it/fr/de/pl/ru.

A quotation is text between paired quotation marks (“…”, "…", «…», „…“, „…”, »…«, ‚…‘, ‘…’,
'…', ”…”, and the mixed pairs "…”, „…" of copied text) or a dash-dialogue line whose
attribution follows a second dash (``— Текст, — заявил Лавров.``; in pl/ru also without the
opening dash, ``Jestem za – zadeklarowała Le Pen.``). Curly marks and guillemets may span line
breaks (not a blank line); straight double quotes stay on one line unless closed by ”. A
quotation inside another one belongs to it and is not a row of its own.

A paragraph left open whose next paragraph opens with the same mark continues the quotation (the
English, Italian, Russian... convention for speeches over several paragraphs): one quote.

Quotes of one to three words are kept only with an attribution verb right next to them and
punctuation between (“Yes,” she said / he said: “No.”); otherwise they are scare quotes, titles
or names («Большой двадцатки», “so-called”). A capitalised quote of up to six words without sentence
punctuation that follows a word of its sentence (in German: an article) and no verb introduces is a
title or a name (“The Lord of the Rings”, der „Zeitung gegen den Krieg“) and is dropped. Longer quotes
are kept, with speaker None when nothing attributes them.

Speaker: the attribution verb ("said", "ha dichiarato", "a déclaré", "sagte", "powiedział",
"заявил", "according to"...) closest to the quotation — after it up to the next quotation
(unless that stretch introduces the next quotation with a colon), before it in the same
sentence, in a previous sentence ending with a colon, or in the next sentence ("X said this")
— and its subject, tried in this order:

- after a source marker, the person, organisation or country named right after it ("according to Reuters",
  "selon l'AP", "laut NATO-Bericht", "по данным ТАСС"; before German "zufolge");
- a person, organisation or country right next to the verb as its subject ("the Kremlin said",
  "“…,” said the White House", "ha fatto eco la Casa Bianca: “…”", "заявили в Кремле"); an
  organisation only when it opens its clause (not "Lider PiS ocenił") and is not inflected;
- a role noun next to the verb ("said the diplomat", "— отметил политолог", "il leader russo ha
  detto") refers back to the last person named in that or the two previous sentences (offices such
  as "the president" are resolved by the actor stage);
- the person mention nearest to the verb in the same clause (no colon or semicolon between); for a
  gerund ("saying", "dichiarando") the first person of the sentence, or the antecedent of a pronoun
  opening it;
- a pronoun subject ("he said", "erklärt er", "a-t-il écrit", "отметил он"): the last person named
  before whose name does not contradict the pronoun's gender (plural pronouns: nobody);
- a verb before the quotation with no person near it takes the only person named earlier in its
  clause ("Le Pen, która …, powiedziała: „…”", "X said … and added “…”");
- a dropped subject in it/pl/ru ("Ha poi aggiunto: «…»", "„…” – powiedziała."): the last person
  named in that or the two previous sentences whom the verb agrees with (pl/ru past tense gender;
  present tense and plural verbs resolve to nobody).

With no verb at all, the person who opens the quotation's line before a colon is the speaker ("Rachida Dati,
députée de Paris : « … »", "Boris Johnson on Brexit: “…”").

Antecedents (pronouns, role nouns, dropped subjects) prefer the first person named in the sentence of
the last compatible mention (its likely subject); a name the actor stage did not resolve standing in
between, or a sentence about an unnamed "политолог", blocks them. Person gender comes only from the
name (Slavic surname endings, given names in -a/-o); unknown gender agrees with anything. Names inside
quotations and possessives ("May’s deal") are never speakers. A quotation that opens its sentence (or
continues one) with no attribution at all continues the previous quotation's speaker when no other
person is named in between or right after it.

When the actor stage names nobody there, further rules apply (speaker as written, ``speaker_id`` "x-" plus
its slug, as the actor stage marks persons absent from the knowledge base):
- a capitalised name standing as the verb's subject ("Kols said", "– mówi Jan Kowalski", "a déclaré François
  Bayrou", "Radio Free Europe sottolinea") or after a source marker ("по словам Колса", "according to X");
  a surname alone when the document names the person in full ("Rihards Kols"), or is capitalised inside
  sentences elsewhere; never function words, pronouns, acronyms, descriptions ("the California Democrat"),
  addressees ("told Reuters", "сказал Путину") or the subject of a plural verb;
- a signature on the next line ("“…”\n— Mollie Hemingway, senior editor");
- an attribution between dashes inside the quotation ("«Ecco perché – prosegue Zan – è…»"; with the subject
  left unsaid, "– ha aggiunto –", the previous quotation's speaker when nobody else is named since);
- the agent of a passive right after it ("qualifié de « … » par l’association Transparency International");
- in German, Konjunktiv I with no verb of saying ("Man werde „…“") goes on reporting the speaker of a verb of
  saying in one of the two previous sentences; Konjunktiv attitude verbs ("Sie hoffe, dass „…“") attribute
  like verbs of saying.
No verb or no subject: speaker None.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.io import iter_texts
from analysis.names import person_gender, person_slug
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


def _paragraphs(open_mark: str, close: str, excluded: str) -> str:
    """A quotation running over paragraphs: each paragraph but the last opens with the mark and stays open."""
    opening = rf"[^{excluded}\n]{{{{2,{_MAX_QUOTE_CHARS}}}}}\n[ \t]*(?:\n[ \t]*)?{open_mark}"
    return (rf"{open_mark}(?P<q{{}}>(?:{opening})+{_NO_BLANK_LINE.format(marks=excluded)}{{{{2,{_MAX_QUOTE_CHARS}}}}}?)"
            rf"{close}")


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
    # Tried only where no closed quotation starts: an opening mark left open at the end of its paragraph.
    _paragraphs("“", "[”\"]", "“”\""),
    _paragraphs("«", "»", "«»"),
    _paragraphs("„", "[“”\"]", "„“”\""),
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
          r"tweeted|tweets|posted|agreed|agrees|pointed out|points out|point out|observed|observes|"
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
          r"rivela|sostiene|disse|dichiarò|affermò|aggiunse|scrisse|spiegò|sottolineò|rispose|commentò|giurato|giura|"
          r"promesso|promette|sbotta|diceva|dichiarava",
    "fr": r"déclaré|dit|affirmé|ajouté|souligné|expliqué|estimé|assuré|écrit|"
          r"indiqué|martelé|insisté|précisé|averti|lancé|répondu|confié|poursuivi|observé|rappelé|conclu|"
          r"reconnu|prévenu|annoncé|dénoncé|regretté|déploré|confirmé|raconté|répliqué|tweeté|twitté|commenté|"
          r"tranché|résumé|fustigé|ironisé|plaidé|rétorqué|relevé|signalé|constaté|énoncé|"
          r"déclare|dit|affirme|ajoute|souligne|explique|estime|assure|écrit|indique|martèle|insiste|précise|"
          r"avertit|lance|répond|confie|poursuit|observe|rappelle|conclut|reconnaît|prévient|annonce|dénonce|"
          r"regrette|déplore|confirme|raconte|réplique|commente|tranche|résume|fustige|ironise|plaide|"
          r"rétorque|relève|signale|constate|se désole|se félicite|s['’]inquiète|se réjouit|s['’]indigne|"
          r"déclara|affirma|ajouta|expliqua|répondit|écrivit|termine|déclarait|disait|affirmait|ajoutait|expliquait|"
          r"juré|jure|lâché|lâche|glissé|glisse|tonné|tonne|promis|promet",
    "de": r"sagte|sagt|sagten|sagen|erklärte|erklärt|erklärten|betonte|betont|fügte|fügt|meinte|meint|schrieb|"
          r"schreibt|warnte|warnt|(?<=[,–—] )so|hieß es|heißt es|äußerte|äußert|unterstrich|unterstreicht|"
          r"kritisierte|kritisiert|forderte|fordert|stellte|stellt|gesteht|gestand|räumte|räumt|ergänzte|"
          r"ergänzt|berichtete|berichtet|erzählte|erzählt|antwortete|antwortet|fragte|fragt|versicherte|"
          r"versichert|bekräftigte|bekräftigt|mahnte|mahnt|verwies|kommentierte|kommentiert|twitterte|nannte|"
          r"nennt|bezeichnete|bezeichnet|freut sich|freute sich|ärgert sich|ärgerte sich|zeigte sich|"
          r"zeigt sich|resümierte|kündigte|kündigt|teilte|teilt|verkündete|bestätigte|bestätigt|"
          r"argumentierte|widersprach|beklagte|beklagt|lobte|lobt|appellierte|gab zu|gibt zu|behauptete|behauptet|"
          r"bestreitet|bestritt|prophezeit|prophezeite|beteuerte|beteuert|"
          # Konjunktiv I of reported speech and attitude ("Sie hoffe, dass der Krieg „…“"): the subject speaks
          r"sage|erkläre|betone|meine|warne|hoffe|wolle|fordere|glaube|befürchte|fürchte|erwarte|wünsche|bedauere|"
          r"begrüße|kritisiere|verlange|bezweifle|bezweifele|versichere|beteuere",
    "pl": r"powiedział\w*|mówi|mówią|mówił\w*|stwierdził\w*|stwierdza|dodał\w*|dodaje|podkreślił\w*|podkreśla|"
          r"zaznaczył\w*|zaznacza|oświadczył\w*|oświadcza|napisał\w*|pisze|ocenił\w*|ocenia|przekonywał\w*|"
          r"przekonuje|wyjaśnił\w*|wyjaśnia|zapewnił\w*|zapewnia|cytowany|ostrzegł\w*|ostrzega|"
          r"zadeklarował\w*|deklaruje|przyznał\w*|przyznaje|odpowiedział\w*|odpowiada|zauważył\w*|zauważa|"
          r"poinformował\w*|informuje|tłumaczył\w*|tłumaczy|apelował\w*|zaapelował\w*|wskazał\w*|wskazuje|"
          r"ogłosił\w*|ogłasza|argumentował\w*|przypomniał\w*|przypomina|zapowiedział\w*|zapowiada|"
          r"skomentował\w*|komentuje|uznał\w*|uważa|twierdzi|twierdził\w*|wezwał\w*|zapytał\w*|pyta|"
          r"ripostował\w*|relacjonował\w*|dodawał\w*|podsumował\w*|wyliczał\w*|wylicza|zwrócił\w* uwagę|"
          r"zwraca uwagę",
    "ru": r"заяви\w*|заявля\w*|сказа\w*|говори\w*|отмети\w*|отмеча\w*|подчеркну\w*|подчеркива\w*|"
          r"подчёркива\w*|добави\w*|добавля\w*|сообщи\w*|сообща\w*|поясни\w*|поясня\w*|написа\w*|пишет|"
          r"констатирова\w*|указал\w*|указыва\w*|признал\w*|признаёт|признает|цитирует|предупреди\w*|"
          r"предупрежда\w*|считает|уверен\w*|заверил\w*|завери\w*|ответил\w*|отвечает|рассказа\w*|"
          r"рассказыва\w*|уточни\w*|уточня\w*|напомни\w*|напомина\w*|резюмирова\w*|объясни\w*|объясня\w*|"
          r"прокомментирова\w*|призвал\w*|допустил\w*|выразил\w*|полагает|полагал\w*|обратил\w* внимание|"
          r"обращает внимание|признался|призналась",
}
# Gerunds: the speaker is the subject of the clause, the first person named before them.
_GERUNDS = {
    "en": r"saying|adding|declaring|stating|noting|warning|telling|claiming|insisting|arguing|explaining|writing|"
          r"announcing|stressing|urging",
    "it": r"dichiarando|dicendo|affermando|aggiungendo|sottolineando|spiegando|precisando|ricordando|osservando|"
          r"scrivendo|annunciando|avvertendo|ribadendo|rispondendo",
    "fr": r"déclarant|affirmant|ajoutant|soulignant|expliquant|estimant|assurant|précisant|indiquant|rappelant|"
          r"disant|annonçant|répondant|avertissant",
    "de": r"(?!x)x",
    "pl": r"mówiąc|dodając|podkreślając|stwierdzając|zaznaczając|pisząc|przekonując|tłumacząc|zapowiadając|"
          r"odpowiadając",
    "ru": r"заявив|сказав|отметив|подчеркнув|добавив|заявляя|отмечая|подчеркивая|добавляя|написав|пояснив|"
          r"напомнив|ответив",
}
# Source markers: attribute like a verb, but never introduce dash dialogue.
_SOURCE_MARKERS = {
    "en": r"according to", "it": r"secondo|stando (?:a|al|alla|allo|all|ai|agli|alle)", "fr": r"selon|d['’]après",
    "de": r"laut|zufolge", "pl": r"według", "ru": r"по словам|по мнению|по данным",
}
# The source named right after a marker: an article at most, or (German) the first part of a compound
# ("laut NATO-Bericht").
_SOURCE_GAP = re.compile(r"(?:\s+|['’]\s*)(?:the\s+|l['’]\s*|la\s+|le\s+|les\s+|il\s+|lo\s+|gli\s+|i\s+|der\s+|die\s+|"
                         r"des\s+|dem\s+|den\s+)?", re.I)
_SOURCE_COMPOUND = re.compile(r"-[^\W\d_]+")
_PRONOUNS = {
    "en": r"he|she|they", "it": r"lui|lei|loro", "fr": r"il|elle|ils|elles", "de": r"er|sie",
    "pl": r"on|ona|oni|one", "ru": r"он|она|они",
}
# Grammatical gender/number of each pronoun: m, f or p (plural; never resolved to one person).
_PRONOUN_GENDER = {"he": "m", "she": "f", "they": "p", "lui": "m", "lei": "f", "loro": "p", "il": "m", "elle": "f",
                   "ils": "p", "elles": "p", "er": "m", "sie": "f", "on": "m", "ona": "f", "oni": "p", "one": "p",
                   "он": "m", "она": "f", "они": "p"}
# Words that may stand between a subject and its verb ("the Kremlin has also said", "il Cremlino ha poi detto").
_SUBJECT_GAP_WORDS = {
    "en": r"has|have|had|also|then|later|again|further|previously|earlier|now|already|once",
    "it": r"ha|hanno|aveva|avevano|avrebbe|poi|anche|già|inoltre|invece|infatti|allora|pure|ieri|oggi",
    "fr": r"a|ont|avait|avaient|aurait|aussi|également|encore|ensuite|alors|déjà|hier|lui|leur",
    "de": r"hat|haben|hatte|hatten|habe|auch|zudem|nun|jedoch|dagegen|indes|bereits|außerdem|ebenfalls|dann|gestern|"
          r"heute",
    "pl": r"też|także|również|natomiast|zaś|już|jednak|wówczas|wtedy|potem|następnie|dodatkowo|wcześniej|wczoraj|"
          r"dziś|zaraz|jeszcze",
    "ru": r"также|тоже|уже|же|однако|затем|ранее|вчера|сегодня|потом|еще|ещё|в свою очередь",
}
# A subject after its verb: "said the Kremlin", "ha fatto eco la Casa Bianca", "заявили в Кремле".
_SUBJECT_AFTER_GAP = {"en": r"the", "it": r"il|lo|la|l['’]|i|gli|le", "fr": r"le|la|l['’]|les",
                      "de": r"der|die|das", "pl": r"w|we", "ru": r"в|во"}
# A word right before a name makes it a complement, not the subject ("the head of NATO said").
_PREPOSITIONS = {
    "en": r"of|in|from|to|with|for|by|at|on|against|about|like|than|and|or",
    "it": r"di|del|della|dello|dei|degli|delle|in|nel|nella|a|al|alla|da|dal|dalla|per|con|su|sul|sulla|tra|fra|e|o",
    "fr": r"de|du|des|d['’]|à|au|aux|en|dans|pour|par|avec|sur|contre|et|ou",
    "de": r"von|vom|aus|in|im|bei|mit|für|gegen|nach|zu|zum|zur|über|und|oder|des",
    "pl": r"z|ze|w|we|na|do|od|dla|przez|przeciw|o|i|oraz|lub|a",
    "ru": r"в|во|из|от|у|с|со|для|по|на|к|о|об|против|и|или",
}
# Nouns naming a person by what they do: with a definite article (in pl/ru: bare) next to the verb they refer
# back to a person already named ("— отметил политолог", "said the diplomat", "il leader russo ha detto").
# Offices of the knowledge base ("the president", "il portavoce del Cremlino") are left to the actor stage,
# which resolves them to their holder when it can.
_ROLE_NOUNS = {
    "en": r"expert|analyst|political scientist|political analyst|scientist|economist|historian|professor|"
          r"politician|lawmaker|legislator|senator|congressman|congresswoman|MP|MEP|diplomat|leader|commentator|"
          r"journalist|lawyer|activist|researcher|campaigner|businessman|businesswoman|billionaire|"
          r"tycoon|ambassador|envoy|mayor|governor|priest|cleric|bishop|patriarch|academic",
    "it": r"esperto|esperta|analista|politologo|politologa|economista|storico|storica|professore|professoressa|"
          r"politico|diplomatico|leader|deputato|deputata|senatore|senatrice|eurodeputato|eurodeputata|giornalista|"
          r"avvocato|avvocata|attivista|imprenditore|imprenditrice|ambasciatore|sindaco|"
          r"governatore|patriarca|primate|arcivescovo|vescovo|accademico|studioso|studiosa|ricercatore|ricercatrice",
    "fr": r"expert|experte|analyste|politologue|économiste|historien|historienne|professeur|professeure|diplomate|"
          r"dirigeant|dirigeante|leader|député|députée|sénateur|sénatrice|eurodéputé|eurodéputée|journaliste|"
          r"avocat|avocate|militant|militante|chercheur|chercheuse|ambassadeur|ambassadrice|"
          r"maire|patriarche|élu|élue|essayiste|philosophe|universitaire",
    "de": r"[\w-]*(?:experte|expertin|analyst|analystin|politologe|politologin|ökonom|ökonomin|historiker|"
          r"historikerin|professor|professorin|politiker|politikerin|diplomat|diplomatin|abgeordnete|abgeordneter|"
          r"journalist|journalistin|anwalt|anwältin|aktivist|aktivistin|botschafter|botschafterin|bürgermeister|"
          r"bürgermeisterin|patriarch|forscher|forscherin|chef|chefin|sprecher|sprecherin)",
    "pl": r"ekspert|ekspertka|analityk|analityczka|politolog|politolożka|ekonomista|ekonomistka|historyk|"
          r"historyczka|profesor|profesorka|polityk|polityczka|dyplomata|lider|liderka|poseł|posłanka|europoseł|"
          r"europosłanka|senator|senatorka|dziennikarz|dziennikarka|prawnik|prawniczka|adwokat|działacz|"
          r"działaczka|aktywista|aktywistka|ambasador|burmistrz|rozmówca|rozmówczyni|współprzewodniczący|"
          r"współprzewodnicząca|przewodniczący|przewodnicząca|publicysta|publicystka|naukowiec|badacz|badaczka|"
          r"prezes|prezeska|szef|szefowa|marszałek|minister|eurodeputowany|eurodeputowana",
    "ru": r"эксперт|аналитик|политолог|экономист|историк|профессор|политик|дипломат|лидер|депутат|сенатор|"
          r"журналист|журналистка|юрист|адвокат|активист|активистка|посол|мэр|губернатор|собеседник|собеседница|"
          r"специалист|председатель|руководитель|глава|публицист|философ|учёный|ученый|"
          r"военкор|блогер|политтехнолог|социолог|востоковед|американист|патриарх|министр|генерал|командующий|"
          r"директор|спикер",
}
_DEFINITE = {"en": r"the", "it": r"il|lo|la|l['’]", "fr": r"le|la|l['’]", "de": r"der|die"}
_FEMININE_ROLE_ENDINGS = ("ka", "yni", "owa", "ąca", "ница", "ка")  # ekspertka, rozmówczyni, собеседница
_ARTICLE_GENDER = {"la": "f", "il": "m", "lo": "m", "le": "m", "der": "m", "die": "f"}
# Clause openings that leave the subject unsaid in pro-drop languages ("Ha poi aggiunto:", "i dodał").
_PRO_DROP_OPENERS = {
    "it": r"e|ed|ma|poi|però|quindi|così|infine|anche|inoltre|ha|aveva|avrebbe|già|allora|ieri|oggi|dunque",
    "pl": r"i|a|ale|oraz|potem|następnie|jednocześnie|ponadto|dodatkowo|wreszcie|także|też|również|jednak|"
          r"natomiast|zaś|wówczas|wtedy|wcześniej|później|już|jeszcze|wczoraj|dziś",
    "ru": r"и|а|но|затем|также|ещё|еще|потом|кроме того|при этом|однако|тогда|ранее|позднее|позже|вчера|сегодня",
}
# What may follow a verb whose subject is dropped: punctuation, a quotation mark, the end, or a word that
# cannot start a subject (a preposition, an adverb, an addressee in the dative).
_PRO_DROP_AFTER = {
    "it": r"[.,:;!?…«»“”\"—–]|$|(?:in|a|al|alla|ai|agli|durante|nel|nella|poi|anche|ieri|oggi|su|sul|sulla|con|"
          r"per|da|dal|dalla|davanti|parlando|rispondendo|secondo)(?!\w)",
    "pl": r"[.,:;!?…«»“”„\"—–]|$|(?:w|we|na|do|podczas|po|przed|dla|o|z|ze|wcześniej|później|też|również|"
          r"także|jeszcze|dziennikarzom|reporterom|mediom|portalowi|stacji|agencji|przy)(?!\w)",
    "ru": r"[.,:;!?…«»“”„\"—–]|$|(?:в|во|на|по|для|с|со|при|после|перед|также|ранее|позже|позднее|журналистам|"
          r"изданию|агентству|корреспонденту|телеканалу|газете|радио)(?!\w)",
}
_INDEFINITE_SLAVIC = r"один|одна|некий|некая|другой|другая|jeden|jedna|pewien|pewna|inny|inna"
# Languages whose past tense tells the subject's gender and number (powiedział/powiedziała, заявил/заявила).
_GENDERED_PAST = {"pl": (("ła", "f"), ("ł", "m"), ("li", "p"), ("ły", "p"), ("ło", "n")),
                  "ru": (("ла", "f"), ("л", "m"), ("ли", "p"), ("ло", "n"))}
# Dropped subjects and role nouns resolve to a person named at most this far before, and at most this many
# sentences before the verb's sentence.
_MAX_ANAPHOR_DISTANCE = 1000
_ANAPHOR_SENTENCES = 2
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
_CLAUSE_BREAK = re.compile(r"[,;:.!?()\n«»“”„\"—–][^,;:.!?()\n«»“”„\"—–]*$")
_CLAUSE_END = re.compile(r"[,;:.!?()\n«»“”„\"—–]")
_OPENS_QUOTE = re.compile(r"\s*:\s*[\"'“”«»„‚‘—–]?\s*")
_ACRONYM = r"[A-ZА-ЯЁ][A-Za-zА-ЯЁа-яё]*[A-ZА-ЯЁ]"  # PiS, MSZ, ЕС
_LOWER_WORD = r"[a-zß-öø-ÿа-яёąćęłńóśźż][\w-]*"


@dataclass(frozen=True)
class _Subjects:
    """Compiled patterns that find the subject of an attribution verb in one language."""

    gap_before: re.Pattern       # between a subject and its verb
    gap_after: re.Pattern        # between a verb and the subject after it
    after_quote: re.Pattern      # between a quotation and a verb right after it: "», ha detto", "“, — заявил"
    preposition: re.Pattern      # a word before a name that makes it a complement
    role_before: re.Pattern      # "the diplomat (has) said", "il leader russo ha detto"
    role_after: re.Pattern       # "said the diplomat", "— отметил политолог"
    role_named: re.Pattern       # what after a role noun names someone else: "the head of NATO", "the expert John"
    opening_pronoun: re.Pattern  # a pronoun opening the sentence: "He has continued …, telling reporters"
    clause_opening: re.Pattern   # words that may open a clause before its subject
    tail_subject: re.Pattern     # a subject later in the clause: a capitalised word or a role noun
    dropped: re.Pattern | None   # a clause opening that leaves the subject unsaid (it, pl, ru)
    dropped_after: re.Pattern | None


def _compile_subjects(lang: str) -> _Subjects:
    nouns = _ROLE_NOUNS[lang]
    article = _DEFINITE.get(lang)
    determiner = rf"(?:(?P<det>{article})\s+|(?P<elided>l['’]))" if article else ""
    optional = "" if article else "?"
    adjectives = rf"(?:(?!(?:{_INDEFINITE_SLAVIC})(?!\w))[\w-]+\s+){{0,2}}?"
    following = rf"(?:\s+(?:{_LOWER_WORD}|{_ACRONYM}))?" if lang in ("it", "fr", "pl", "ru") else ""
    gap = rf"(?:\s+(?:{_SUBJECT_GAP_WORDS[lang]}))*"
    dropped = dropped_after = None
    if lang in _PRO_DROP_OPENERS:
        dropped = re.compile(rf"(?:\s*(?:{_PRO_DROP_OPENERS[lang]})(?!\w))*\s*$", re.I)
        dropped_after = re.compile(rf"\s*(?:{_PRO_DROP_AFTER[lang]})", re.I)
    return _Subjects(
        gap_before=re.compile(rf"{gap}\s*", re.I),
        after_quote=re.compile(rf"[\s,.!?…\"'“”«»„‚‘’{_DASHES}-]*{gap}\s*", re.I),
        gap_after=re.compile(rf"\s*(?:(?:{_SUBJECT_AFTER_GAP[lang]})\s+|l['’])?", re.I),
        preposition=re.compile(rf"(?<!\w)(?:{_PREPOSITIONS[lang]})\s+(?:(?:{_SUBJECT_AFTER_GAP[lang]})\s+|l['’])?$"
                               if lang not in ("pl", "ru") else rf"(?<!\w)(?:{_PREPOSITIONS[lang]})\s+$", re.I),
        role_before=re.compile(rf"(?<![\w-]){determiner}{optional}{adjectives}(?P<noun>{nouns})(?![\w-])"
                               rf"{following}{gap}\s*$", re.I),
        role_after=re.compile(rf"\s*{determiner}{optional}{adjectives}(?P<noun>{nouns})(?![\w-])", re.I),
        role_named=re.compile(rf"\s*(?:,\s*)?(?:{_LOWER_WORD}\s+)?(?:[A-ZÀ-ÖØ-ÞА-ЯЁŁŚŻŹĆŃÓ](?![A-ZА-ЯЁ]+(?!\w))|(?:of|di|del|della|dello|dei|degli|de|du|des|d['’]|"
                              r"von|vom)\s+(?:the\s+|la\s+|le\s+|l['’])?[A-ZÀ-ÖØ-ÞА-ЯЁ])"),
        opening_pronoun=re.compile(rf"[\s\"'“”«»„]*(?:{_PRONOUNS[lang]})\s", re.I),
        clause_opening=re.compile(rf"\s*(?:(?:{_SUBJECT_AFTER_GAP[lang]}|{_SUBJECT_GAP_WORDS[lang]}|"
                                  rf"{_PRO_DROP_OPENERS.get(lang, 'and|but|et|mais|und|aber|also|zaś')})\s+|l['’])*", re.I),
        tail_subject=re.compile(rf"(?<![\w-])(?:[A-ZÀ-ÖØ-ÞА-ЯЁŁŚŻŹĆŃÓ]|(?i:{nouns})(?![\w-]))"),
        dropped=dropped, dropped_after=dropped_after)


_SUBJECT_PATTERNS = {lang: _compile_subjects(lang) for lang in _ROLE_NOUNS}
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
    named = mentions.sort_values(["doc_id", "start"], kind="stable")
    named_docs = named["doc_id"].astype(str).to_numpy()
    # An inflected organisation or country ("МИД России", "Rosji") is a complement, not a subject.
    oblique = (named["method"] == "inflection").to_numpy() if "method" in named.columns else np.zeros(len(named), bool)
    columns = [named[c].to_numpy() for c in ("start", "end", "actor_id", "actor")]
    columns += [(named["actor_type"] == "person").to_numpy(), oblique]
    bounds = np.flatnonzero(np.r_[True, named_docs[1:] != named_docs[:-1], True]) if len(named) else []
    # Plain arrays sliced per document: a pandas group per document costs more than the quotes.
    by_doc = {named_docs[lo]: tuple(column[lo:hi] for column in columns) for lo, hi in zip(bounds[:-1], bounds[1:])}
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


def _document_quotes(doc_id, text, lang, spans, patterns, named: tuple[np.ndarray, ...] | None) -> list[dict]:
    """Quotes of one document; ``named``: start, end, actor_id, actor, is-person and is-inflected arrays of its
    mentions."""
    attribution, pronoun = patterns[:2]
    subjects = _SUBJECT_PATTERNS.get(lang)
    sentences = split_sentences(text, lang=lang) or [(0, len(text))]
    sentence_starts = np.array([s for s, _ in sentences])
    persons = everyone = covered = None
    mention_spans = (named[0], named[1]) if named is not None else (np.zeros(0, int), np.zeros(0, int))
    if named is not None:
        n_start, n_end = named[:2]
        # Names inside quotations, and possessives, are what the speaker talks about, never the speaker.
        starts = np.array([s for s, _ in spans])
        ends = np.array([e for _, e in spans])
        slot = np.searchsorted(starts, n_start, side="right") - 1
        quoted = (slot >= 0) & (n_end <= ends[np.maximum(slot, 0)]) & (n_start >= starts[np.maximum(slot, 0)])
        keep = ~quoted & np.array([not _possessive(text, e) for e in n_end], dtype=bool)
        everyone = tuple(column[keep] for column in named)
        # Spans a name may lie in without being an unknown candidate speaker: mentions and quotations.
        covered = (np.concatenate((n_start, starts)), np.concatenate((n_end, ends)))
        is_person = everyone[4]
        if is_person.any():
            persons = tuple(column[is_person] for column in everyone[:4])
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
        signed = _signature(text, lang, end, named)
        if signed is None and _title_like(text, lang, start, end) and not _introduces(text, start, end, found):
            continue
        if signed is not None:
            speaker = signed
        elif found is None:
            if len(quote.split()) <= _MAX_SCARE_WORDS:
                continue
            speaker = _heading_speaker(text, start, persons) or \
                _inline_speaker(text, lang, start, end, attribution, named, previous, persons, sentence_starts) or \
                _continued_speaker(text, start, end, s_start, s_end, previous, persons)
            if speaker is None and lang == "de" and everyone is not None and _konjunktiv(text, s_start, s_end, start, end):
                speaker = _reported_speech_speaker(text, lang, start, end, first, sentences, sentence_starts,
                                                   attribution, pronoun, subjects, persons, everyone, covered)
        else:
            (v_start, v_end, gerund), window, gap = found
            if len(quote.split()) <= _MAX_SCARE_WORDS and not _adjacent(text, start, end, v_start, v_end, gap):
                continue
            speaker = None
            if everyone is not None:
                speaker = _speaker(text, lang, start, end, (v_start, v_end, gerund), window, s_start, sentence_starts,
                                   pronoun, subjects, persons, everyone, covered)
            if speaker is None and not gerund:
                speaker = _unlisted_speaker(text, lang, start, end, (v_start, v_end), window, mention_spans, subjects,
                                            sentence_starts)
            if speaker is None:
                speaker = _inline_speaker(text, lang, start, end, attribution, named, previous, persons,
                                          sentence_starts)
        if speaker is None:
            speaker = _passive_agent(text, lang, end, named)
        row = dict(doc_id=doc_id, speaker=speaker[1] if speaker else None,
                   speaker_id=speaker[0] if speaker else None, quote=quote, start=start, end=end, lang=lang)
        rows.append(row)
        previous = row
    return rows


# "Rachida Dati, députée LR de Paris : « … »": after the person who opens the line, a description of at most ten
# words, a colon and the opening mark.
_HEADING_TAIL = re.compile(r"(?:,?\s+[^\s.!?:;«»“”„\"]+){0,10}\s*:\s*[«“„\"‘'»]?\s*")


def _heading_speaker(text, start, persons):
    """The person who opens the line of a quotation introduced by a colon and no verb ("Emmanuel Todd : « … »",
    "Natacha Polony, Europe 1 : « … »")."""
    if persons is None:
        return None
    line_start = text.rfind("\n", 0, start) + 1
    p_start, p_end, p_ids, p_names = persons
    k = np.flatnonzero((p_start >= line_start) & (p_end <= start))
    if not len(k) or text[line_start:p_start[k[0]]].strip(" \t-–—•*") or not _HEADING_TAIL.fullmatch(
            text, p_end[k[0]], start):
        return None
    return p_ids[k[0]], p_names[k[0]]


def _speaker(text, lang, start, end, verb, window, s_start, sentence_starts, pronoun, subjects, persons, everyone,
             covered):
    """(actor_id, actor) of the subject of an attribution verb, or None."""
    v_start, v_end, gerund = verb
    w_start, w_end = window
    if gerund and v_start < start:
        w_start = min(w_start, s_start)
        # "He has continued to lash out at McCain, telling reporters “…”": the opening pronoun is the subject.
        if subjects is not None and persons is not None and subjects.opening_pronoun.match(text, s_start):
            return _last_person_before(text, s_start, *persons, sentence_starts=sentence_starts)
    elif _SOURCE_MARKER_WORDS.fullmatch(text, v_start, v_end) and (
            source := _source(text, v_start, v_end, everyone)) is not None:
        return source
    elif subjects is not None:
        direct = _direct_subject(text, lang, start, end, v_start, v_end, w_start, w_end, subjects, everyone)
        if direct is not None:
            return direct
        role = _role_subject(text, lang, start, v_start, v_end, w_start, w_end, subjects)
        if role is not None:
            gender = _verb_gender(text[v_start:v_end], lang) or role
            if persons is None or gender in ("p", "n"):
                return None
            return _last_person_before(text, min(start, v_start), *persons, gender=_known(gender),
                                       limit=_MAX_ANAPHOR_DISTANCE, sentence_starts=sentence_starts,
                                       named=None if lang == "de" else covered, subjects=subjects)
    if persons is None:
        return None
    speaker = _nearest_person(text, v_start, v_end, gerund, w_start, w_end, *persons)
    if speaker is not None:
        return speaker
    subject_pronoun = _pronoun_subject(text, v_start, v_end, pronoun)
    if subject_pronoun is not None:
        gender = _PRONOUN_GENDER.get(subject_pronoun.lower())
        verb_gender = _verb_gender(text[v_start:v_end], lang)
        if gender == "p" or verb_gender in ("p", "n") or (lang == "de" and text[v_end - 2:v_end] == "en"):
            return None
        return _last_person_before(text, min(start, v_start), *persons, gender=gender or verb_gender,
                                   sentence_starts=sentence_starts)
    if v_end <= start:
        speaker = _sole_person(text, min(s_start, w_start), v_start, *persons)
        if speaker is not None:
            return speaker
    if subjects is not None and subjects.dropped is not None and not gerund and _dropped_subject(
            text, lang, start, v_start, v_end, w_start, subjects):
        gender = _verb_gender(text[v_start:v_end], lang)
        # in pl/ru only a past tense says who may be meant: "wyjaśnia" could be anyone
        if gender in ("p", "n") or (gender is None and lang in _GENDERED_PAST):
            return None
        return _last_person_before(text, min(start, v_start), *persons, gender=gender, limit=_MAX_ANAPHOR_DISTANCE,
                                   sentence_starts=sentence_starts, named=covered, subjects=subjects)
    return None


def _source(text, v_start, v_end, everyone):
    """The person, organisation or country named by a source marker: "according to Reuters", "selon l'AP",
    "laut NATO-Bericht", "по данным ТАСС", "der Regierung zufolge"."""
    m_start, m_end, m_ids, m_names, _, _ = everyone
    if text[v_start:v_end].lower() == "zufolge":
        k = np.flatnonzero(m_end <= v_start)
        if len(k) and re.fullmatch(r"\s+", text[m_end[k[-1]]:v_start]):
            return m_ids[k[-1]], m_names[k[-1]]
        return None
    k = np.flatnonzero(m_start >= v_end)
    if not len(k):
        return None
    k = k[0]
    if _SOURCE_GAP.fullmatch(text, v_end, m_start[k]) and (
            _whole_word(text, m_end[k]) or _SOURCE_COMPOUND.match(text, m_end[k])):
        return m_ids[k], m_names[k]
    return None


def _known(gender: str | None) -> str | None:
    return gender if gender in ("m", "f") else None


def _verb_gender(verb: str, lang: str) -> str | None:
    """m, f, p (plural) or n (neuter) from a Polish or Russian past-tense verb ("powiedziała" -> f)."""
    for ending, gender in _GENDERED_PAST.get(lang, ()):
        if verb.lower().endswith(ending):
            return gender
    if lang == "it" and verb.lower().endswith(("ono", "anno")):
        return "p"
    return None


def _direct_subject(text, lang, start, end, v_start, v_end, w_start, w_end, subjects, everyone):
    """A person, organisation or country right next to the verb as its subject: "the Kremlin said",
    "“…,” said the White House", "ha fatto eco la Casa Bianca:", "заявили в Кремле"."""
    m_start, m_end, m_ids, m_names, m_person, m_oblique = everyone
    # Part of a compound is no subject: "so der CDU-Chef", "the Kremlin-backed".
    before = [k for k in np.flatnonzero((m_end <= v_start) & (m_start >= max(w_start, v_start - 60)))
              if _whole_word(text, m_end[k])]
    if len(before):
        k = before[-1]
        if subjects.gap_before.fullmatch(text, m_end[k], v_start) and not subjects.preposition.search(
                text, max(0, m_start[k] - 20), m_start[k]) and (m_person[k] or not m_oblique[k]):
            if m_person[k] or (not _person_follows(text, m_end[k], v_start, m_start, m_person)
                               and _opens_clause(text, max(w_start, m_start[k] - 60), m_start[k], subjects)):
                return m_ids[k], m_names[k]
    after = [k for k in np.flatnonzero((m_start >= v_end) & (m_end <= w_end) & (m_start <= v_end + 30))
             if _whole_word(text, m_end[k])]
    if len(after) and (lang != "en" or v_start >= start):
        k = after[0]
        gap = subjects.gap_after.fullmatch(text, v_end, m_start[k])
        if gap is None or (not m_person[k] and m_oblique[k]):
            return None
        # Before the quotation, a name after the verb is its subject only right before the colon that opens it
        # ("ha fatto eco la Casa Bianca: “…”"); else it is an object ("forderte Russland auf, „…“"). After it,
        # only when the verb follows it directly ("…,” said the Kremlin; not "he will say the UK should").
        if v_end <= start and not _OPENS_QUOTE.fullmatch(text, m_end[k], start):
            return None
        if v_start >= end and not subjects.after_quote.fullmatch(text, end, v_start):
            return None
        if not m_person[k]:
            if lang in ("pl", "ru") and not gap.group().strip() and _verb_gender(text[v_start:v_end], lang) not in (
                    "p", "n"):
                return None  # "заявил ТАСС", "powiedział RMF": the addressee, not the subject
            if _person_follows(text, m_end[k], min(w_end, m_end[k] + 60), m_start, m_person):
                return None  # "said the White House press secretary Jen Psaki"
        return m_ids[k], m_names[k]
    return None


def _whole_word(text: str, end: int) -> bool:
    return end >= len(text) or not (text[end].isalnum() or text[end] in "-‐")


def _opens_clause(text, lo, position, subjects) -> bool:
    """Only an article, conjunction or adverb stands between the clause start and ``position``: "The Kremlin
    said", not "Lider PiS ocenił" (the leader of PiS)."""
    opening = _CLAUSE_BREAK.search(text, lo, position)
    clause_start = opening.start() + 1 if opening is not None else lo
    return subjects.clause_opening.fullmatch(text, clause_start, position) is not None


def _person_follows(text, lo, hi, m_start, m_person) -> bool:
    """A person named between ``lo`` and ``hi`` with no punctuation before them."""
    for k in np.flatnonzero(m_person & (m_start >= lo) & (m_start < hi)):
        if not re.search(r"[,;:.!?()«»“”„\"—–]", text[lo:m_start[k]]):
            return True
    return False


def _role_subject(text, lang, start, v_start, v_end, w_start, w_end, subjects) -> str | None:
    """A role noun next to the verb as its subject ("said the diplomat", "— отметил политолог"): its
    grammatical gender ("m"/"f", from the article) or "" when it names nobody else; None when there is none."""
    clause = max(w_start, v_start - 120)
    if clause < v_start:
        match = subjects.role_before.search(text, clause, v_start)
        if match is not None and not _CLAUSE_BREAK.search(text, match.end("noun"), v_start):
            return _role_gender(match)
    if v_start >= start or lang != "en":  # English puts the subject after the verb only after the quotation
        match = subjects.role_after.match(text, v_end, w_end)
        if match is not None and not subjects.role_named.match(text, match.end()):
            return _role_gender(match)
    return None


def _role_gender(match: re.Match) -> str:
    article = match.groupdict().get("det")
    if article:
        return _ARTICLE_GENDER.get(article.lower(), "")
    noun = match.group("noun").lower()
    return "f" if noun.endswith(_FEMININE_ROLE_ENDINGS) else ""


def _dropped_subject(text, lang, start, v_start, v_end, w_start, subjects) -> bool:
    """The verb's clause names no subject: "Ha poi aggiunto: «…»", "„…” – powiedział.", "i dodała"."""
    clause_start = max(w_start, v_start - 120)
    opening = _CLAUSE_BREAK.search(text, clause_start, v_start)
    if opening is not None:
        # After a comma the subject may stand before it ("Le Pen, która …, powiedziała"), unless the comma
        # closes a quotation ("„…”, powiedział").
        if text[opening.start()] in ",;()" and text[:opening.start()].rstrip()[-1:] not in "\"'“”«»„’" + _DASHES:
            return False
        clause_start = opening.start() + 1
    elif clause_start > w_start:
        return False
    if not subjects.dropped.match(text, clause_start, v_start) or subjects.dropped_after.match(text, v_end) is None:
        return False
    tail = _CLAUSE_END.search(text, v_end, min(len(text), v_end + 120))
    return subjects.tail_subject.search(text, v_end, tail.start() if tail else v_end + 120) is None


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


_PRONOUN_BEFORE_GAP = re.compile(r"[ \t]+(?:\w+[ \t]+){0,2}")  # "he said", "il a déclaré", "he also said"
_PRONOUN_AFTER_GAP = re.compile(r"^(?:[ \t]+|[ \t]?-t-|[ \t]?-)$")          # "erklärt er", "dit-il", "a-t-il"


def _pronoun_subject(text: str, v_start: int, v_end: int, pronoun: re.Pattern) -> str | None:
    """The pronoun subject of the verb ("he said", "erklärt er", "a-t-il écrit"), or None."""
    for match in pronoun.finditer(text, max(0, v_start - 25), min(len(text), v_end + 6)):
        if match.end() <= v_start and _PRONOUN_BEFORE_GAP.fullmatch(text[match.end():v_start]):
            return match.group()
        if match.start() >= v_end and _PRONOUN_AFTER_GAP.match(text[v_end:match.start()]):
            return match.group()
    return None


def _last_person_before(text, position, p_start, p_end, p_ids, p_names, *, gender: str | None = None,
                        limit: int = _MAX_PRONOUN_DISTANCE, sentence_starts: np.ndarray | None = None,
                        named: tuple[np.ndarray, ...] | None = None, subjects: _Subjects | None = None):
    """The last person named before ``position`` (at most ``limit`` characters before) whose name does not
    contradict ``gender``. With ``named`` (all mention spans) the weaker anaphors (a role noun, a dropped
    subject) also need that person in the same or one of the two previous sentences, and no name the actor
    stage left unresolved in between ("powiedział ze sceny" after "komik Nurłan Saburow")."""
    index = int(np.searchsorted(p_start, position, side="left")) - 1
    while index >= 0:
        if position - p_end[index] > limit:
            return None
        if p_end[index] <= position and (gender is None or person_gender(p_names[index]) in (None, gender)):
            break
        index -= 1
    else:
        return None
    if named is not None and sentence_starts is not None:
        own = int(np.searchsorted(sentence_starts, position, side="right")) - 1
        theirs = int(np.searchsorted(sentence_starts, p_start[index], side="right")) - 1
        if own - theirs > _ANAPHOR_SENTENCES or _unresolved_name(text, p_end[index], position, *named):
            return None
    if named is not None and sentence_starts is not None and subjects is not None:
        opening = sentence_starts[max(int(np.searchsorted(sentence_starts, p_start[index], side="right")) - 1, 0)]
        role = subjects.role_after.match(text, opening)
        if role is not None and not subjects.role_named.match(text, role.end()):
            return None  # "Политолог напомнил о … Обамы. «…», — добавил собеседник": the political scientist
    if sentence_starts is not None:
        # The subject of that sentence, usually named first, is the likelier antecedent than an object named
        # after it ("Bastani, a writer with links to Corbyn, tweeted …. “…,” he tweeted").
        opening = sentence_starts[max(int(np.searchsorted(sentence_starts, p_start[index], side="right")) - 1, 0)]
        for first in range(int(np.searchsorted(p_start, opening, side="left")), index):
            # a name glued to the next one is a part of it the actor stage split ("Michel-Édouard Leclerc")
            glued = not text[p_end[first]:p_start[first + 1]].strip(" -‐")
            if not glued and (gender is None or person_gender(p_names[first]) in (None, gender)):
                return p_ids[first], p_names[first]
    return p_ids[index], p_names[index]


_NAME_PAIR = re.compile(r"(?<=[a-zß-öø-ÿа-яёąćęłńóśźż,] )[A-ZÀ-ÖØ-ÞА-ЯЁŁŚŻŹĆŃÓ][\w-]+\s+[A-ZÀ-ÖØ-ÞА-ЯЁŁŚŻŹĆŃÓ][\w-]+")


def _unresolved_name(text, lo, hi, m_start, m_end) -> bool:
    """Two capitalised words inside a sentence between ``lo`` and ``hi`` that no mention covers: a name the
    actor stage does not know, who may be the one meant."""
    for match in _NAME_PAIR.finditer(text, lo, hi):
        covered = (m_start < match.end()) & (m_end > match.start())
        if not covered.any():
            return True
    return False


def _continued_speaker(text, start, end, s_start, s_end, previous, persons):
    """The previous quotation's speaker, for a quotation opening its sentence with no attribution."""
    if previous is None or previous["speaker_id"] is None or persons is None:
        return None
    # An earlier quotation of the same sentence: "zaapelował „do …” o zjednoczenie się „na rzecz …”"
    if text[s_start:start].strip(" \t\n\"'“”«»„‚‘’" + _DASHES) and previous["end"] < s_start:
        return None
    if start - previous["end"] > _MAX_CONTINUATION_GAP:
        return None
    p_start, p_end, p_ids, _ = persons
    # nobody else named since, nor right after it in its sentence ("« … » déclarait hier … Ursula von der Leyen")
    between = (p_start >= previous["end"]) & ((p_end <= start) | ((p_start >= end) & (p_end <= s_end)))
    if (p_ids[between] != previous["speaker_id"]).any():
        return None
    return previous["speaker_id"], previous["speaker"]


# --- Speakers the actor stage does not know: a capitalised name standing where the verb's subject stands ---
_NAME_TOKEN = re.compile(r"[^\W\d_][\w'’‐-]*(?:\.(?:pl|ru|com|de|fr|it|org|net)(?!\w))?")  # "Money.pl"
# Lowercase words inside a name: "Ursula von der Leyen", "Luigi Di Maio" is capitalised anyway.
_NAME_PARTICLES = frozenset("von van der den de di da del della le la du des bin ibn al el dos das ter".split())
# Verbs after which a name is an object or addressee, not the subject ("told Reuters", "accused Corbyn").
_OBJECT_VERBS = re.compile(r"told|tells|asked|asks|urged|urges|accused|accuses|called|calls|described|describes|"
                           r"quoted|mocked|slammed|blasted|charged|warned|warns|promised|promises|attaccato|attacca|"
                           r"denunciato|denuncia|accusé|accuse|fustigé|fustige|dénoncé|dénonce|kritisierte|"
                           r"kritisiert|lobte|lobt|nannte|nennt|bezeichnete|bezeichnet|fragte|fragt|zapytał\w*|"
                           r"pyta|wezwał\w*|призвал\w*|спросил\w*", re.I)
# Dative endings: "сказал Путину", "powiedział Kowalskiemu" name the addressee.
_DATIVE_NAME = {"pl": ("owi", "emu", "om"), "ru": ("у", "ю", "ому", "ему", "ой", "ей")}
_ARTICLES_BEFORE_DESCRIPTIONS = {"en": frozenset(("the", "a", "an")),
                                 "de": frozenset("der die das den dem des ein eine einer einem einen eines".split())}
_SOURCE_MARKER_WORDS = re.compile(_all(_SOURCE_MARKERS), re.I)
# At most this many capitalised words make a name ("Radio Free Europe sottolinea", "— сказал Рихардс Колс").
_MAX_NAME_TOKENS = 3


@functools.lru_cache(maxsize=16)
def _stopwords(lang: str | None) -> frozenset[str]:
    import stopwordsiso

    return frozenset(stopwordsiso.stopwords(lang)) if lang and stopwordsiso.has_lang(lang) else frozenset()


def _name_tokens(text: str, lo: int, hi: int, *, backwards: bool, limit: int = _MAX_NAME_TOKENS
                 ) -> list[tuple[int, int]]:
    """Capitalised words next to each other (only spaces between) that end at ``hi`` (backwards) or start at
    ``lo``: at most ``limit`` plus the particles inside the name."""
    words = [(m.start(), m.end()) for m in _NAME_TOKEN.finditer(text, lo, hi)]
    if backwards:
        words.reverse()
    run: list[tuple[int, int]] = []
    for index, (a, b) in enumerate(words):
        if run:
            gap = text[b:run[-1][0]] if backwards else text[run[-1][1]:a]
            if gap.strip(" \t") or not gap:
                break
        elif backwards and text[b:hi].strip(" \t") or not backwards and text[lo:a].strip(" \t"):
            break
        word = text[a:b]
        inside = 0 < index + 1 < len(words) and text[words[index + 1][0]].isupper()
        if word[0].isupper():
            run.append((a, b))
        elif word.lower() in _NAME_PARTICLES and run and inside:
            run.append((a, b))
        else:
            break
        if sum(text[s].isupper() for s, _ in run) >= limit:
            break
    if backwards:
        run.reverse()
    while run and not text[run[0][0]].isupper():
        run.pop(0)
    while run and not text[run[-1][0]].isupper():
        run.pop()
    return run


def _plausible(text: str, run: list[tuple[int, int]], lang: str | None) -> list[tuple[int, int]]:
    """The run without leading function words and titles, or [] when nothing name-like is left."""
    stops = _stopwords(lang)
    run = list(run)
    # function words and a title in capitals open no name: "Dann", "Il", "Он", "MP Rihards Kols"
    while run and (text[run[0][0]:run[0][1]].lower() in stops or len(run) > 1 and text[run[0][0]:run[0][1]].isupper()):
        run.pop(0)
    if not run or any(text[a:b].lower() in stops for a, b in run):
        return []
    if len(run) == 1 and text[run[0][0]:run[0][1]].isupper():
        return []  # an acronym: a medium or an organisation the actor stage would know ("ТАСС", "RMF")
    return run


def _same_stem(a: str, b: str, lang: str | None) -> bool:
    if a == b:
        return True
    if lang not in ("pl", "ru", "de"):  # case endings: "Палмера" ~ "Палмер", "Kolsa" ~ "Kols"
        return False
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and long_.startswith(short[:-1] if len(short) > 4 else short) and len(long_) - len(short) <= 3


def _full_name(text: str, surname: str, lang: str | None) -> str | None:
    """The first two-word name in the document whose last word is ``surname`` (possibly inflected)."""
    stem = surname[:-2] if lang in ("pl", "ru") and len(surname) > 5 else surname[:-1] if len(surname) > 4 else surname
    position = text.find(stem)
    while position >= 0:
        word = _NAME_TOKEN.match(text, position)
        if word is not None and (position == 0 or not text[position - 1].isalnum()) and _same_stem(
                word.group(), surname, lang):
            run = _plausible(text, _name_tokens(text, max(0, position - 60), word.end(), backwards=True), lang)
            # given name and surname only: "университета Сучжоу Гао Чжикай", "Democrat Mark Warner"
            while len(run) > 2 and text[run[1][0]].isupper():
                run.pop(0)
            if len(run) >= 2 and _one_script(text[run[0][0]:run[-1][1]]):
                return text[run[0][0]:run[-1][1]]
        position = text.find(stem, position + 1)
    return None


def _unlisted_speaker(text, lang, start, end, verb, window, mention_spans, subjects, sentence_starts):
    """(x-slug, name) of a capitalised name the actor stage did not resolve standing as the subject of the
    attribution verb ("Kols said", "– mówi Jan Kowalski", "a déclaré François Bayrou", "по словам Палмера"),
    or None. A single word counts only when the document names the person in full somewhere ("Rihards Kols")."""
    v_start, v_end = verb
    w_start, w_end = window
    verb_text = text[v_start:v_end]
    marker = _SOURCE_MARKER_WORDS.fullmatch(verb_text) is not None
    candidates = []
    if not marker:
        gap = _gap_before_verb(lang).search(text, max(w_start, v_start - 40), v_start)
        before_end = gap.start() if gap is not None else v_start
        # German capitalises the noun before a name: "Abgeordnete Rolf Mützenich sagte"
        run = _name_tokens(text, max(w_start, before_end - 80), before_end, backwards=True,
                           limit=2 if lang == "de" else _MAX_NAME_TOKENS)
        if run and not (subjects and subjects.preposition.search(text, max(0, run[0][0] - 20), run[0][0])):
            candidates.append(("before", run))
    if marker or not _OBJECT_VERBS.fullmatch(verb_text):
        run = _name_tokens(text, v_end, min(w_end, v_end + 80), backwards=False)
        if run and (marker or _subject_after_ok(text, lang, start, end, v_start, v_end, run, subjects)):
            candidates.append(("after", run))
    for side, run in candidates:
        run = _plausible(text, run, lang)
        if not run or any(((mention_spans[0] < b) & (mention_spans[1] > a)).any() for a, b in run):
            continue
        # "the California Democrat said", "der CDU-Chef sagte": a description, not a name ("The Times" is one)
        if side == "before" and _previous_word(text, run[0][0]) in _ARTICLES_BEFORE_DESCRIPTIONS.get(lang, ()):
            continue
        if side == "after" and not marker and text[run[-1][0]:run[-1][1]].lower().endswith(_DATIVE_NAME.get(lang, ())):
            continue
        if _verb_gender(verb_text, lang) == "p":
            continue
        name = text[run[0][0]:run[-1][1]]
        if not _one_script(name):
            continue
        sentence_start = sentence_starts[max(int(np.searchsorted(sentence_starts, run[0][0], side="right")) - 1, 0)]
        opens_sentence = not text[sentence_start:run[0][0]].strip(" \t\n\"'“”«»„‚‘’" + _DASHES)
        if len(run) == 1 or lang in ("pl", "ru") or (lang == "de" and opens_sentence):
            full = _full_name(text, text[run[-1][0]:run[-1][1]], lang)
            if full is not None:
                name = full
            elif (lang == "de" and opens_sentence) or (len(run) == 1 and not (
                    lang != "de" and _capitalised_inside_sentences(text, text[run[0][0]:run[0][1]]))):
                continue
        return person_slug(name), name
    return None


@functools.lru_cache(maxsize=16)
def _auxiliaries(lang: str | None) -> re.Pattern:
    """Words that may open a clause before its verb: "– ha poi aggiunto –"."""
    words = _SUBJECT_GAP_WORDS.get(lang) or _all(_SUBJECT_GAP_WORDS)
    return re.compile(rf"(?:(?:{words})\s+)*", re.I)


@functools.lru_cache(maxsize=16)
def _gap_before_verb(lang: str | None) -> re.Pattern:
    words = _SUBJECT_GAP_WORDS.get(lang) or _all(_SUBJECT_GAP_WORDS)
    return re.compile(rf"(?:\s+(?:{words}))*\s*$", re.I)


def _capitalised_inside_sentences(text: str, word: str) -> bool:
    """``word`` stands capitalised after a lowercase word somewhere in the document, as names do and common
    words opening a sentence ("Officials said") do not: "Einstein a simplement répondu" after "…Einstein est"."""
    for match in re.finditer(rf"(?<=[^\W\d_] ){re.escape(word)}(?!\w)", text):
        if text[match.start() - 2].islower():
            return True
    return False


def _one_script(name: str) -> bool:
    """Latin or Cyrillic letters, not both ("Affairs Бэрри Позен" is a title glued to a name)."""
    cyrillic = re.search("[А-яЁё]", name) is not None
    return not (cyrillic and re.search("[A-Za-z]", name))


def _previous_word(text: str, position: int) -> str:
    match = re.search(r"(\w+)\W*$", text[max(0, position - 30):position])
    return match.group(1) if match else ""


def _subject_after_ok(text, lang, start, end, v_start, v_end, run, subjects) -> bool:
    """A name after its verb is the subject right after the quotation ("», ha detto Conte") or right before
    the colon that opens it ("ha dichiarato Conte: «…»"), and ends its clause."""
    if subjects is None:
        return False
    if not subjects.gap_after.fullmatch(text, v_end, run[0][0]) and text[v_end:run[0][0]].strip():
        return False
    if v_end <= start:
        return _OPENS_QUOTE.fullmatch(text, run[-1][1], start) is not None
    if lang == "en" and v_start < end:
        return False
    if not subjects.after_quote.fullmatch(text, end, v_start):
        return False
    return re.match(r"[ \t]*(?:[,.;:!?()\n—–]|$)", text[run[-1][1]:]) is not None



_SIGNATURE = re.compile(rf"[\"'“”«»„’.!?…]*[ \t]*\n[ \t]*[{_DASHES}-][ \t]*(?=[^\W\d_])")


def _signature(text, lang, end, named):
    """The author of a quotation signed on the next line: "“…”\n— Mollie Hemingway, senior editor": (id, name)
    of the person the actor stage found there, else of a capitalised name ending at a comma or the line end."""
    dash = _SIGNATURE.match(text, end)
    if dash is None:
        return None
    if named is not None:
        n_start, n_end, ids, names, is_person = named[:5]
        here = np.flatnonzero((n_start == dash.end()) & is_person)
        if len(here):
            return ids[here[0]], names[here[0]]
    run = _plausible(text, _name_tokens(text, dash.end(), min(len(text), dash.end() + 80), backwards=False), lang)
    if len(run) < 2 or re.match(r"[ \t]*(?:[,(]|\n|$)", text[run[-1][1]:]) is None:
        return None
    name = text[run[0][0]:run[-1][1]]
    return (person_slug(name), name) if _one_script(name) else None


# Titles and names in quotation marks are short, carry no sentence punctuation and stand inside a sentence
# after a word: "the book “The Lord of the Rings” again", "projekt „Legalna aborcja bez kompromisów”".
_MAX_TITLE_WORDS = 6
_SENTENCE_PUNCTUATION = re.compile(r"[.!?…;:]")
# After "that", "aby", "что" a quotation is a clause of reported speech: "aby „Francuzi ponieśli konsekwencje”".
_COMPLEMENTIZER_BEFORE = re.compile(r"(?<!\w)(?:that|che|que|qu|dass|ob|że|iż|aby|żeby|что|чтобы)$", re.I)
_GERMAN_ARTICLE_BEFORE = re.compile(r"(?<!\w)(?:der|die|das|den|dem|des|ein|eine|einer|einem|einen|eines)\s*$", re.I)


def _introduces(text: str, start: int, end: int, found) -> bool:
    """The attribution verb stands right before the quotation or next to it as speech: "said “We will win”"."""
    if found is None:
        return False
    (v_start, v_end, _), _, gap = found
    if v_end <= start:
        return not text[v_end:start].strip(" \t\n:,\"'“”«»„‚‘’" + _DASHES)
    return _adjacent(text, start, end, v_start, v_end, gap)


def _title_like(text: str, lang: str | None, start: int, end: int) -> bool:
    """A capitalised quotation of at most _MAX_TITLE_WORDS words, without sentence punctuation, that follows a
    word of its sentence: a title or a name, not speech. German capitalises every noun: there it must also
    follow an article ("der „Zeitung gegen den Krieg“")."""
    if not text[start].isupper() or end - start > 80:
        return False
    quote = text[start:end]
    if len(quote.split()) > _MAX_TITLE_WORDS or _SENTENCE_PUNCTUATION.search(quote):
        return False
    before = text[max(0, start - 40):start].rstrip(" \t\"'“”«»„‚‘’")
    if not before[-1:].isalpha() or _COMPLEMENTIZER_BEFORE.search(before):
        return False
    return lang != "de" or _GERMAN_ARTICLE_BEFORE.search(before) is not None


_INLINE_DASHES = re.compile(rf"[ \t][{_DASHES}][ \t]+")
_MAX_INLINE_OFFSET = 300  # the interruption stands after the first words of the quotation


def _inline_speaker(text, lang, start, end, attribution, named, previous, persons, sentence_starts):
    """The speaker named in an attribution between dashes inside the quotation: "«Ecco perché – prosegue Zan –
    è inaccettabile»", "„To błąd – mówi Kowalski – i trzeba go naprawić”"; with the subject left unsaid
    ("“Mi spiace – ha aggiunto – per…”"), the previous quotation's speaker when nobody else is named since."""
    for dash in _INLINE_DASHES.finditer(text, start, min(end, start + _MAX_INLINE_OFFSET)):
        closing = _INLINE_DASHES.search(text, dash.end(), min(end, dash.end() + 80))
        if closing is None:
            return None
        verb = attribution.search(text, dash.end(), closing.start())
        if verb is None or verb.group("gerund") is not None or not _auxiliaries(lang).fullmatch(
                text, dash.end(), verb.start()):
            continue
        v_start, v_end = verb.span()
        if named is not None:
            n_start, n_end, ids, names, is_person = named[:5]
            inside = np.flatnonzero((n_start >= v_end) & (n_end <= closing.start()))
            if len(inside):
                best = next((k for k in inside if is_person[k]), inside[0])  # "il senatore FdI Alberto Balboni"
                return ids[best], names[best]
        if text[v_end:closing.start()].strip():
            return _unlisted_speaker(text, lang, v_start, v_start, (v_start, v_end), (v_start, closing.start() + 1),
                                     (named[0], named[1]) if named is not None else (np.zeros(0), np.zeros(0)),
                                     _SUBJECT_PATTERNS.get(lang), sentence_starts)
        if previous is None or previous["speaker_id"] is None or start - previous["end"] > _MAX_CONTINUATION_GAP:
            return None
        if _verb_gender(text[v_start:v_end], lang) in ("p", "n"):
            return None
        if persons is not None:
            between = (persons[0] >= previous["end"]) & (persons[1] <= start)
            if (persons[2][between] != previous["speaker_id"]).any():
                return None
        return previous["speaker_id"], previous["speaker"]
    return None


# "qualifié de « … » par l'association Transparency International", "dubbed “…” by Mr Farage"
_AGENT = {"en": r"by", "fr": r"par", "it": r"da|dal|dallo|dalla|dai|dagli|dalle|dall['’]", "de": r"von|vom",
          "pl": r"przez"}
_AGENT_PATTERNS = {lang: re.compile(rf"[ \t]*[\"'”»“«„’]*[ \t]+(?:{words})(?:[ \t]+|(?<=['’]))", re.I)
                   for lang, words in _AGENT.items()}
_AGENT_WORDS = re.compile(r"(?:[^\W\d_]+['’]|[^\W\d_][\w-]*[ \t]+)")  # "l’", "the ", "association "


def _passive_agent(text, lang, end, named):
    """The agent of a passive right after the quotation ("… » par l'association Transparency International"):
    a person or organisation the actor stage found there, else a name of two or more capitalised words."""
    pattern = _AGENT_PATTERNS.get(lang)
    match = pattern.match(text, end) if pattern is not None else None
    if match is None:
        return None
    position = match.end()
    for _ in range(3):  # an article or a description before the name: "par l’association", "by the NGO"
        word = _AGENT_WORDS.match(text, position)
        if word is None or text[position].isupper():
            break
        position = word.end()
    run = _plausible(text, _name_tokens(text, position, min(len(text), position + 80), backwards=False), lang)
    if named is not None and run:
        n_start, _, ids, names, is_person, oblique = named[:6]
        here = np.flatnonzero((n_start == position) | (n_start == run[0][0]))  # "by Mr Farage"
        if len(here):
            k = here[0]
            return (ids[k], names[k]) if is_person[k] or not oblique[k] else None
    if len(run) < 2:
        return None
    name = text[run[0][0]:run[-1][1]]
    return (person_slug(name), name) if _one_script(name) else None


# Konjunktiv I, the mood of German reported speech: "Man werde „alles Notwendige tun“", "sei dies: „…“".
_KONJUNKTIV = re.compile(r"(?<![\w-])(?:sei|seien|habe|werde|könne|müsse|solle|dürfe|wolle|möge|gebe|wisse|stehe|"
                         r"gehe|komme|liege|bleibe|brauche|lasse|sehe)(?!\w)")


def _konjunktiv(text: str, s_start: int, s_end: int, start: int, end: int) -> bool:
    """The sentence of the quotation reports speech in Konjunktiv I outside the quotation itself."""
    return _KONJUNKTIV.search(text, s_start, start) is not None or _KONJUNKTIV.search(text, end, s_end) is not None


def _reported_speech_speaker(text, lang, start, end, first, sentences, sentence_starts, attribution, pronoun,
                             subjects, persons, everyone, covered):
    """The speaker of the verb of saying of one of the two previous sentences, which the Konjunktiv goes on
    reporting ("„…“, sagte Scholz. Man werde „alles Notwendige tun“")."""
    for index in (first - 1, first - 2):
        if index < 0:
            return None
        p_start, p_end = sentences[index]
        verbs = list(attribution.finditer(text, p_start, p_end))
        if verbs:
            verb = verbs[-1]
            if verb.group("gerund") is not None:
                return None
            return _speaker(text, lang, start, end, (verb.start(), verb.end(), False), (p_start, p_end), p_start,
                            sentence_starts, pronoun, subjects, persons, everyone, covered)
    return None
