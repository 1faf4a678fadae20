"""Quotations and their speakers; expectations read off the texts by hand.

The seed tests run the real actor extraction; the small-text tests build person mentions by hand
(every occurrence of a surface form), so they test the quote rules alone.
"""
import re

import pandas as pd
import pytest

from analysis.actors import extract_mentions
from analysis.dates import infer_document_dates
from analysis.ingest import ingest
from analysis.quotes import QUOTE_COLUMNS, extract_quotes


@pytest.fixture(scope="module")
def seed_quotes(seeds_dir):
    documents, _ = ingest(seeds_dir)
    documents = infer_document_dates(documents)
    return documents, extract_quotes(documents, extract_mentions(documents))


def speaker_of(quotes: pd.DataFrame, start_of_quote: str):
    rows = quotes[quotes["quote"].str.startswith(start_of_quote)]
    assert len(rows) >= 1, start_of_quote
    return rows.iloc[0]["speaker"]


def test_offsets_point_at_the_quotation(seed_quotes):
    documents, quotes = seed_quotes
    text = documents.set_index("doc_id")["text"]
    assert len(quotes) > 10
    for row in quotes.itertuples():
        assert text[row.doc_id][row.start:row.end] == row.quote


@pytest.mark.parametrize(("quote", "speaker"), [
    ("I hope that we will eventually find this solution", "Vladimir Putin"),        # seed 001, "… Putin said"
    ("Siamo, in linea di principio, soddisfatti", "Yuri Ushakov"),                  # seed 002, "Ushakov … ha dichiarato:"
    ("We should aim to guarantee the sovereignty", "Giuseppe Conte"),               # seed 004, "… Conte stated"
    ("a political, humanitarian and military disaster", "Boris Johnson"),           # seed 001, "Boris Johnson said this"
    ("il presidente Biden ha ribadito", "Jen Psaki"),                               # seed 002, "Jen Psaki … dichiarando che"
])
def test_speaker_is_the_subject_of_the_attribution_verb(seed_quotes, quote, speaker):
    assert speaker_of(seed_quotes[1], quote) == speaker


def test_no_person_named_means_no_speaker(seed_quotes):
    # seed 001: "… the embassy wrote on Facebook" — an institution, not a person
    assert pd.isna(speaker_of(seed_quotes[1], "We will not back down"))


# --- small texts with hand-made person mentions ------------------------------------------------

def run(text: str, lang: str, people: dict[str, str | tuple[str, str]] | None = None) -> pd.DataFrame:
    """Quotes of one text; ``people`` maps each surface form to its canonical person name, or to
    (name, actor_type) for organisations and countries."""
    rows = []
    for surface, name in (people or {}).items():
        name, actor_type = (name, "person") if isinstance(name, str) else name
        for match in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            rows.append(dict(doc_id="d1", actor_id=name.lower().replace(" ", "-"), actor=name,
                             actor_type=actor_type, start=match.start(), end=match.end()))
    mentions = pd.DataFrame(rows, columns=["doc_id", "actor_id", "actor", "actor_type", "start", "end"])
    documents = pd.DataFrame({"doc_id": ["d1"], "text": [text], "lang": [lang]})
    quotes = extract_quotes(documents, mentions)
    assert list(quotes.columns) == QUOTE_COLUMNS
    for row in quotes.itertuples():
        assert text[row.start:row.end] == row.quote
    return quotes


def pairs(quotes: pd.DataFrame) -> list[tuple[str, str | None]]:
    return [(q, None if pd.isna(s) else s) for q, s in zip(quotes["quote"], quotes["speaker"])]


@pytest.mark.parametrize(("text", "lang", "people", "expected"), [
    ("« Nous ne permettrons pas une telle situation », a déclaré Dmitri Medvedev.", "fr",
     {"Dmitri Medvedev": "Dmitry Medvedev"}, [("Nous ne permettrons pas une telle situation", "Dmitry Medvedev")]),
    ("Scholz sagte: „Wir werden die Ukraine weiter unterstützen.“", "de", {"Scholz": "Olaf Scholz"},
     [("Wir werden die Ukraine weiter unterstützen.", "Olaf Scholz")]),
    ("»Das ist ein schwerer Fehler gewesen«, erklärte Merz am Montag.", "de", {"Merz": "Friedrich Merz"},
     [("Das ist ein schwerer Fehler gewesen", "Friedrich Merz")]),
    ("„Nie zgadzamy się na takie rozwiązanie” – powiedział Duda.", "pl", {"Duda": "Andrzej Duda"},
     [("Nie zgadzamy się na takie rozwiązanie", "Andrzej Duda")]),
    ("«Мы не допустим этого», — заявил Лавров журналистам.", "ru", {"Лавров": "Sergey Lavrov"},
     [("Мы не допустим этого", "Sergey Lavrov")]),
    ("“Siamo pronti a trattare con tutti”, ha detto Draghi ai giornalisti.", "it", {"Draghi": "Mario Draghi"},
     [("Siamo pronti a trattare con tutti", "Mario Draghi")]),
    ("Harrington suggested: ‘We’re not leaving without a deal, that’s certain’ and left.", "en",
     {"Harrington": "Richard Harrington"}, [("We’re not leaving without a deal, that’s certain", "Richard Harrington")]),
    ("Also on the site: May mocked after claiming 'I wanted Brexit sorted by Christmas,' as Blackford laughs.",
     "en", {"May": "Theresa May", "Blackford": "Ian Blackford"}, [("I wanted Brexit sorted by Christmas", "Theresa May")]),
])
def test_quotation_conventions_and_attribution_verbs(text, lang, people, expected):
    assert pairs(run(text, lang, people)) == expected


@pytest.mark.parametrize(("text", "lang", "people", "expected"), [
    ("According to Reuters, the talks were “very difficult and long”.", "en",
     {"Reuters": ("Reuters", "organization")}, [("very difficult and long", "Reuters")]),
    ("Selon l’Associated Press, 20 personnes sont mortes dans les « forêts et tourbières glacées ».", "fr",
     {"Associated Press": ("Associated Press", "organization")}, [("forêts et tourbières glacées", "Associated Press")]),
    ("Russland sei laut NATO-Bericht „nicht in der Lage, auf zwei Konflikte zu reagieren“.", "de",
     {"NATO": ("NATO", "organization")}, [("nicht in der Lage, auf zwei Konflikte zu reagieren", "NATO")]),
    ("Der Regierung zufolge sei Russland „nicht in der Lage, auf zwei Konflikte zu reagieren“.", "de",
     {"Regierung": ("Government of Germany", "organization")},
     [("nicht in der Lage, auf zwei Konflikte zu reagieren", "Government of Germany")]),
    ("Stando all'Istat, \"i prezzi sono saliti del cinque per cento in un anno\".", "it",
     {"Istat": ("Istat", "organization")}, [("i prezzi sono saliti del cinque per cento in un anno", "Istat")]),
    ("Według CBOS „większość Polaków popiera to rozwiązanie od lat”.", "pl",
     {"CBOS": ("CBOS", "organization")}, [("większość Polaków popiera to rozwiązanie od lat", "CBOS")]),
    ("По данным ТАСС, «переговоры прошли в конструктивном ключе».", "ru",
     {"ТАСС": ("TASS", "organization")}, [("переговоры прошли в конструктивном ключе", "TASS")]),
    # a source marker with no actor right after it names nobody
    ("According to the latest figures from Reuters, the talks were “very difficult and long”.", "en",
     {"Reuters": ("Reuters", "organization")}, [("very difficult and long", None)]),
])
def test_an_organisation_after_a_source_marker_is_the_speaker(text, lang, people, expected):
    assert pairs(run(text, lang, people)) == expected


@pytest.mark.parametrize(("text", "lang", "people", "expected"), [
    ("Cinq citations.\n\nRachida Dati, députée LR de Paris : « Macron, je le connais depuis longtemps. »\n\n"
     "Emmanuel Todd : « Permettez-moi de vous démontrer pourquoi. »", "fr",
     {"Rachida Dati": "Rachida Dati", "Emmanuel Todd": "Emmanuel Todd"},
     [("Macron, je le connais depuis longtemps.", "Rachida Dati"), ("Permettez-moi de vous démontrer pourquoi.",
                                                                     "Emmanuel Todd")]),
    ("- Boris Johnson on Brexit: “We will get it done by the end of the year.”", "en",
     {"Boris Johnson": "Boris Johnson"}, [("We will get it done by the end of the year.", "Boris Johnson")]),
    # the person is not the one who opens the line, or a sentence ends in between: nobody
    ("The question for Boris Johnson: “Can we get it done by the end of the year?”", "en",
     {"Boris Johnson": "Boris Johnson"}, [("Can we get it done by the end of the year?", None)]),
    ("Boris Johnson met Macron. The outcome: “We will get it done by the end of the year.”", "en",
     {"Boris Johnson": "Boris Johnson", "Macron": "Emmanuel Macron"},
     [("We will get it done by the end of the year.", None)]),
])
def test_a_person_opening_the_line_before_a_colon_is_the_speaker(text, lang, people, expected):
    assert pairs(run(text, lang, people)) == expected


def test_mixed_marks_from_copied_text():
    # Polish copy with a straight opening and a curly closing mark
    text = 'Le Pen powiedziała, że nie chce, aby "Francuzi ponieśli konsekwencje embarga” na ropę.'
    assert pairs(run(text, "pl", {"Le Pen": "Marine Le Pen"})) == [
        ("Francuzi ponieśli konsekwencje embarga", "Marine Le Pen")]


def test_curly_quote_spans_line_breaks_but_not_a_blank_line():
    text = "Hirono said, “This is the way I look at it.\nThis is the end of the beginning.”\nMore text."
    assert pairs(run(text, "en", {"Hirono": "Mazie Hirono"})) == [
        ("This is the way I look at it.\nThis is the end of the beginning.", "Mazie Hirono")]
    unclosed = "Hirono said, “This is the way I look at it.\n\nA new paragraph with a closing mark” here."
    assert run(unclosed, "en", {"Hirono": "Mazie Hirono"}).empty


def test_straight_quotes_stay_on_their_line():
    text = 'He wrote "first part of it\nsecond line" and "a real quote of five words" later.'
    assert pairs(run(text, "en")) == [("a real quote of five words", None)]


def test_apostrophes_are_not_single_quotes():
    text = "Farage’s party and the leaders' summit aren’t what O'Brien's friends wanted at all."
    assert run(text, "en").empty


@pytest.mark.parametrize(("text", "lang", "people", "expected_speaker"), [
    ("Kolb hat Nudeln gegessen. „Man muss nur etwas kreativ sein“, erklärt er.", "de", {"Kolb": "Peter Kolb"},
     "Peter Kolb"),
    ("Dmitri Medvedev a visité Sarov. « Nous sommes en mesure de répondre », a-t-il écrit sur Telegram.", "fr",
     {"Dmitri Medvedev": "Dmitry Medvedev"}, "Dmitry Medvedev"),
    ("Mazie Hirono spoke on Friday. She added, “It seems the president is very concerned.”", "en",
     {"Mazie Hirono": "Mazie Hirono"}, "Mazie Hirono"),
    ("Боррель выступил в блоге. «Многие не хотят принимать чью-либо сторону», — отметил он.", "ru",
     {"Боррель": "Josep Borrell"}, "Josep Borrell"),
])
def test_pronoun_speaker_is_the_last_named_person(text, lang, people, expected_speaker):
    assert pairs(run(text, lang, people))[0][1] == expected_speaker


def test_pronoun_without_an_earlier_person_has_no_speaker():
    assert pairs(run("“We will not give up on this,” he said.", "en")) == [("We will not give up on this", None)]
    text = "« Nous ne reculerons pas sur ce point », a-t-elle affirmé. Puis Macron est arrivé."
    assert pairs(run(text, "fr", {"Macron": "Emmanuel Macron"})) == [("Nous ne reculerons pas sur ce point", None)]


def test_names_inside_quotes_are_not_speakers():
    text = "Dazu ein Berater: „Wenn Marine Le Pen in fünf Jahren die Macht übernimmt, wird man sich erinnern.“"
    assert pairs(run(text, "de", {"Marine Le Pen": "Marine Le Pen"}))[0][1] is None


def test_nested_quote_belongs_to_the_outer_quote():
    text = ("« Je lis que Nigel Farage crée un parti appelé “Brexit” et à leur place je le regarderais », "
            "a dit Harrington.")
    quotes = pairs(run(text, "fr", {"Harrington": "Richard Harrington", "Nigel Farage": "Nigel Farage"}))
    assert quotes == [("Je lis que Nigel Farage crée un parti appelé “Brexit” et à leur place je le regarderais",
                       "Richard Harrington")]


@pytest.mark.parametrize(("text", "lang"), [
    ("Per i comunisti non era un problema sapere “se”, ma solo “quando”, e la “scienza” era dogma.", "it"),
    ("Боррель заявил, что позиция G7 не является ключевой среди «Большой двадцатки».", "ru"),
    ("Военный аналитик в беседе с «Украиной.ру» допустил применение оружия.", "ru"),
    ("Nous accepterons la ruine « pour sauver Gaïa » sans rien dire.", "fr"),
    ("Friday on MSNBC’s “All In,” Sen. Hirono seemed to push aside the report.", "en"),
])
def test_scare_quotes_names_and_titles_are_not_quotations(text, lang):
    assert run(text, lang, {"Боррель": "Josep Borrell", "Hirono": "Mazie Hirono"}).empty


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("“No,” Biden said.", "en", ("No", "Joe Biden")),
    ("«Нет», — сказал Путин.", "ru", ("Нет", "Vladimir Putin")),
    ("Duda odpowiedział: „Nigdy”.", "pl", ("Nigdy", "Andrzej Duda")),
])
def test_short_quote_next_to_its_verb_is_kept(text, lang, expected):
    people = {"Biden": "Joe Biden", "Путин": "Vladimir Putin", "Duda": "Andrzej Duda"}
    assert pairs(run(text, lang, people)) == [expected]


def test_dash_dialogue_with_and_without_opening_dash():
    ru = "— Мы готовы к переговорам с любыми партнёрами, — заявил Лавров.\n"
    assert pairs(run(ru, "ru", {"Лавров": "Sergey Lavrov"})) == [
        ("Мы готовы к переговорам с любыми партнёрами", "Sergey Lavrov")]
    pl = "Jestem absolutnie za wszystkimi innymi sankcjami – zadeklarowała Le Pen.\n"
    assert pairs(run(pl, "pl", {"Le Pen": "Marine Le Pen"})) == [
        ("Jestem absolutnie za wszystkimi innymi sankcjami", "Marine Le Pen")]


def test_dash_lines_without_attribution_are_not_quotes():
    bullets = "Program:\n– obniżka podatków dla rodzin z dziećmi\n– nowe drogi w całym regionie – wkrótce\n"
    assert run(bullets, "pl").empty
    # a dash followed by a non-verb is an aside, not dialogue
    assert run("Rosja zaatakowała Kijów – miasto liczące trzy miliony mieszkańców.\n", "pl").empty
    # outside pl/ru a bare sentence before a dash is not taken for dialogue
    assert run("The sanctions are not working at all – said nobody in Brussels.\n", "en").empty


def test_verb_introducing_the_next_quote_is_not_this_quotes_verb():
    text = ("Leslie agreed with Berger, saying that Labour had been “hijacked by the machine politics of the hard "
            "left,” while Mike Gapes declared angrily: “I am sickened that Labour is now perceived as racist.”")
    people = {"Leslie": "Chris Leslie", "Berger": "Luciana Berger", "Mike Gapes": "Mike Gapes"}
    assert pairs(run(text, "en", people)) == [
        ("hijacked by the machine politics of the hard left", "Chris Leslie"),   # gerund: the clause's subject
        ("I am sickened that Labour is now perceived as racist.", "Mike Gapes"),
    ]


def test_subject_separated_from_its_verb_by_a_relative_clause():
    text = ("Le Pen, która za dwa tygodnie w drugiej turze wyborów będzie rywalizowała z urzędującym prezydentem "
            "o najwyższy urząd, powiedziała: „Nie chcę embarga na rosyjski gaz i ropę”.")
    assert pairs(run(text, "pl", {"Le Pen": "Marine Le Pen"})) == [
        ("Nie chcę embarga na rosyjski gaz i ropę", "Marine Le Pen")]
    # two people far before the verb: no guess
    two_people = text.replace("za dwa tygodnie w drugiej turze wyborów", "z Macronem za dwa tygodnie w drugiej turze")
    assert pairs(run(two_people, "pl", {"Le Pen": "Marine Le Pen", "Macronem": "Emmanuel Macron"}))[0][1] is None


def test_unattributed_quote_opening_its_sentence_continues_the_previous_speaker():
    text = ("«Dès qu’on baisse la garde, le naturel revient au galop», poursuit Carole Besse. "
            "«Les rôles proposés sont moins stéréotypés dans les fictions.»")
    assert [s for _, s in pairs(run(text, "fr", {"Carole Besse": "Carole Besse"}))] == ["Carole Besse"] * 2
    text_de = ("„Das hat aber lange gedauert“, sagt Kolb. Nicht nur die Nudeln ist Kolb los. "
               "„Das Zeug find ich aber immer noch ok.“")
    assert [s for _, s in pairs(run(text_de, "de", {"Kolb": "Peter Kolb"}))] == ["Peter Kolb"] * 2


def test_no_continuation_across_another_person_or_after_an_introducer():
    other = ("„Das hat aber lange gedauert“, sagt Kolb. Dann kam Müller dazu. "
             "„Das Zeug find ich aber immer noch ok.“")
    assert [s for _, s in pairs(run(other, "de", {"Kolb": "Peter Kolb", "Müller": "Anna Müller"}))] == [
        "Peter Kolb", None]
    introduced = ("Le Pen nannte dies „einen großen Moment der Demokratie“. Dazu der Berater eines Ministers: "
                  "„Man wird sich an diese Woche erinnern.“")
    assert [s for _, s in pairs(run(introduced, "de", {"Le Pen": "Marine Le Pen"}))] == ["Marine Le Pen", None]


def test_output_is_deterministic_and_sorted():
    text = "“Second quote with many words,” said Biden. “Third quote with more words,” he added."
    first, second = run(text, "en", {"Biden": "Joe Biden"}), run(text, "en", {"Biden": "Joe Biden"})
    pd.testing.assert_frame_equal(first, second)
    assert first["start"].is_monotonic_increasing


def test_bad_input_is_rejected():
    with pytest.raises(ValueError, match="documents is missing"):
        extract_quotes(pd.DataFrame({"doc_id": ["a"]}), pd.DataFrame(columns=list(
            ["doc_id", "actor_id", "actor", "actor_type", "start", "end"])))
    with pytest.raises(ValueError, match="mentions must be a pandas DataFrame"):
        extract_quotes(pd.DataFrame({"doc_id": ["a"], "text": ["x"], "lang": ["en"]}), None)


def test_a_colon_separates_a_person_from_the_verb_of_another_clause():
    text = ("Ma su Bakanov pendeva un’altra questione: Radio Free Europe sottolinea: "
            "«L’ex funzionario ha ricoperto la carica di amministratore unico dal 2015».")
    # the speaker is the medium right before the verb, which the actor stage did not resolve, not Bakanov
    assert pairs(run(text, "it", {"Bakanov": "Ivan Bakanov"}))[0][1] == "Radio Free Europe"
    same_clause = "Bakanov sottolinea: «L’ex funzionario ha ricoperto la carica di amministratore dal 2015»."
    assert pairs(run(same_clause, "it", {"Bakanov": "Ivan Bakanov"}))[0][1] == "Ivan Bakanov"


def test_a_possessive_is_not_the_antecedent_of_a_pronoun():
    text = ("Trump said he had no objection to the release of Mueller's findings.\n"
            "'I don't mind it at all,' he said.")
    assert pairs(run(text, "en", {"Trump": "Donald Trump", "Mueller": "Robert Mueller"})) == [
        ("I don't mind it at all", "Donald Trump")]


def test_so_called_is_not_a_verb_of_saying():
    text = "Biden spoke about the so-called “special military operation in Ukraine” on Monday."
    assert pairs(run(text, "en", {"Biden": "Joe Biden"})) == [("special military operation in Ukraine", None)]


def test_a_possessive_is_not_the_subject_of_a_gerund():
    text = ("MPs debate Prime Minister Theresa May’s deal, with one Cabinet source saying “no-one at the moment "
            "thinks she will win the vote.”")
    assert pairs(run(text, "en", {"Theresa May": "Theresa May"}))[0][1] is None


# --- organisations, role nouns, pronoun agreement and dropped subjects --------------------------------

KREMLIN = ("Moscow Kremlin", "organization")


@pytest.mark.parametrize(("text", "lang", "people", "speaker"), [
    ("“We will respond to any provocation,” the Kremlin said on Monday.", "en", {"Kremlin": KREMLIN},
     "Moscow Kremlin"),
    ("“We will respond to any provocation,” said the Kremlin.", "en", {"Kremlin": KREMLIN}, "Moscow Kremlin"),
    ("Il Cremlino ha poi detto: «Risponderemo a qualsiasi provocazione».", "it", {"Cremlino": KREMLIN},
     "Moscow Kremlin"),
    ("A queste dichiarazioni ha fatto eco la Casa Bianca: “gli Stati Uniti agiranno di conseguenza”.", "it",
     {"Casa Bianca": ("White House", "organization")}, "White House"),
    ("«Мы ответим на любую провокацию», — заявили в Кремле.", "ru", {"Кремле": KREMLIN}, "Moscow Kremlin"),
    # a person right next to the verb still wins over an organisation named in the same clause
    ("“We will respond to any provocation,” Kremlin spokesman Dmitry Peskov said.", "en",
     {"Kremlin": KREMLIN, "Dmitry Peskov": "Dmitry Peskov"}, "Dmitry Peskov"),
])
def test_an_organisation_next_to_the_verb_is_the_speaker(text, lang, people, speaker):
    assert pairs(run(text, lang, people))[0][1] == speaker


@pytest.mark.parametrize(("text", "lang", "people"), [
    # object, not subject
    ("Guterres forderte Russland auf, „die sichere Ausfuhr von Getreide zu ermöglichen“.", "de",
     {"Russland": ("Russia", "country")}),
    # "the leader of PiS", a complement
    ("Lider PiS ocenił, że opozycja „niszczy życie publiczne w Polsce”.", "pl",
     {"PiS": ("Law and Justice", "organization")}),
    # the addressee of the verb: "told TASS"
    ("«Мы ответим на любую провокацию», — заявил ТАСС источник.", "ru", {"ТАСС": ("TASS", "organization")}),
    # a part of a compound noun
    ("\"Überall stehen die mit ihren Daumen rum\", so der CDU-Chef gereizt.", "de",
     {"CDU": ("Christian Democratic Union of Germany", "organization")}),
    # the subject of another clause after a verb that does not follow the quotation
    ("'We have immense reserves of soft power and influence.'\nHunt will say the UK should not underestimate it.",
     "en", {"UK": ("United Kingdom", "country")}),
])
def test_an_organisation_that_is_not_the_subject_is_not_the_speaker(text, lang, people):
    assert pairs(run(text, lang, people))[0][1] is None


@pytest.mark.parametrize(("text", "lang", "people", "speaker"), [
    ("Политолог Никита Донцов уверен, что Украину вгоняют в долговую яму. «На Украине земля до недавних пор "
     "была в государственной собственности», — отметил политолог.", "ru", {"Никита Донцов": "Никита Донцов"},
     "Никита Донцов"),
    ("Wiśniewska mówiła o syndromie poaborcyjnym. Europosłanka PiS stwierdziła: „Aborcja nie jest prawem "
     "człowieka i nigdy nie będzie”.", "pl",
     {"Wiśniewska": "Jadwiga Wiśniewska", "PiS": ("Law and Justice", "organization")}, "Jadwiga Wiśniewska"),
    ("Il presidente russo Vladimir Putin ha parlato ai Brics. \"Il sistema di pagamento MIR sta espandendo la "
     "sua presenza\", ha dichiarato il leader russo.", "it", {"Vladimir Putin": "Vladimir Putin"},
     "Vladimir Putin"),
    ("Lavrov spoke on Monday. “The talks went nowhere at all,” the veteran diplomat said.", "en",
     {"Lavrov": "Sergey Lavrov"}, "Sergey Lavrov"),
    ("Orban a invité les conservateurs à s’unir. « Nous devons coordonner le mouvement de nos troupes », "
     "a lancé le dirigeant nationaliste.", "fr", {"Orban": "Viktor Orbán"}, "Viktor Orbán"),
])
def test_a_role_noun_refers_back_to_the_person_named_before(text, lang, people, speaker):
    assert pairs(run(text, lang, people))[0][1] == speaker


@pytest.mark.parametrize(("text", "lang", "people"), [
    # an unnamed diplomat
    ("Lavrov spoke on Monday. “The talks went nowhere at all,” a diplomat said.", "en", {"Lavrov": "Sergey Lavrov"}),
    # the role noun names someone the actor stage does not know
    ("Лавров выступил в понедельник. «Переговоры зашли в тупик совсем», — сказал политолог Иван Петров.", "ru",
     {"Лавров": "Sergey Lavrov"}),
    # the person is named too long before (more than two sentences)
    ("Донцов выступил. Потом был перерыв. Затем выступили другие. Потом снова перерыв. "
     "«Переговоры зашли в тупик совсем», — отметил политолог.", "ru", {"Донцов": "Никита Донцов"}),
    # the sentence naming the last person is about an unnamed political scientist
    ("Политолог напомнил о визите Барака Обамы в Белый дом. «И он ходит по сцене совсем один», — добавил "
     "собеседник.", "ru", {"Барака Обамы": "Barack Obama"}),
])
def test_a_role_noun_without_a_clear_antecedent_has_no_speaker(text, lang, people):
    assert pairs(run(text, lang, people))[0][1] is None


def test_pronouns_agree_in_gender_and_plural_pronouns_are_nobody():
    text = ("Aaron Bastani, a writer with links to Corbyn, tweeted that Alexandria Ocasio-Cortez got into office "
            "through a primary.\n“We need the best leaders in parliament,” he tweeted.")
    people = {"Aaron Bastani": "Aaron Bastani", "Corbyn": "Jeremy Corbyn",
              "Alexandria Ocasio-Cortez": "Alexandria Ocasio-Cortez"}
    # not the woman named last, and the subject of that sentence rather than the man named after it
    assert pairs(run(text, "en", people))[0][1] == "Aaron Bastani"
    both = "Schumer and Pelosi met on Friday.\n“The White House must not interfere in any way,” they said."
    assert pairs(run(both, "en", {"Schumer": "Chuck Schumer", "Pelosi": "Nancy Pelosi"}))[0][1] is None
    she = "Maria Zakharova spoke after Sergey Lavrov. «Мы ответим на любую провокацию», — сказала она."
    assert pairs(run(she, "ru", {"Maria Zakharova": "Maria Zakharova", "Sergey Lavrov": "Sergey Lavrov"}))[0][1] \
        == "Maria Zakharova"


def test_an_opening_pronoun_is_the_subject_of_a_gerund():
    text = ("Trump renewed his attacks on McCain last weekend.\nHe has continued to lash out at McCain, telling "
            "reporters on Tuesday, \"I was never a fan of John McCain, and I never will be.\"")
    assert pairs(run(text, "en", {"Trump": "Donald Trump", "McCain": "John McCain",
                                  "John McCain": "John McCain"}))[0][1] == "Donald Trump"


@pytest.mark.parametrize(("text", "lang", "people", "speaker"), [
    ("Renzi ha presentato il suo libro ieri a Roma. Ha poi aggiunto: «Il veto delle correnti era chiaro a tutti».",
     "it", {"Renzi": "Matteo Renzi"}, "Matteo Renzi"),
    # the past tense says a woman spoke: not the man named last
    ("Anna Nowak rozmawiała z Janem Kowalskim. „Nie zgadzamy się na takie rozwiązanie” – powiedziała.", "pl",
     {"Anna Nowak": "Anna Nowak", "Janem Kowalskim": "Jan Kowalski"}, "Anna Nowak"),
    ("Maria Zakharova spoke after Sergey Lavrov.\n«Мы ответим на любую провокацию», — заявил.", "ru",
     {"Maria Zakharova": "Maria Zakharova", "Sergey Lavrov": "Sergey Lavrov"}, "Sergey Lavrov"),
    # plural verb: nobody in particular
    ("Anna Nowak rozmawiała z Janem Kowalskim. „Nie zgadzamy się na takie rozwiązanie” – powiedzieli.", "pl",
     {"Anna Nowak": "Anna Nowak", "Janem Kowalskim": "Jan Kowalski"}, None),
    # the subject comes after the verb, as a name the actor stage does not know
    ("Saburow występował w USA. Navalny siedział. „Też mam swoje lęki i rodzinę” – powiedział ze sceny komik "
     "Nurłan Saburow.", "pl", {"Navalny": "Alexei Navalny"}, None),
    # present tense in Polish tells nothing about the speaker
    ("Putin mówił o wojnie. „Rosyjskie władze jeszcze nie wszystko kontrolują”, podkreśla.", "pl",
     {"Putin": "Vladimir Putin"}, None),
])
def test_a_dropped_subject_is_the_last_person_the_verb_agrees_with(text, lang, people, speaker):
    assert pairs(run(text, lang, people))[0][1] == speaker


def test_a_later_quote_of_the_same_sentence_continues_its_speaker_unless_someone_else_is_named():
    text = ('Biedroń mówił o pandemii. Jednocześnie zaapelował "do całej demokratycznej opozycji" o zjednoczenie '
            'się "na rzecz zdrowia i bezpieczeństwa Polek i Polaków".')
    assert [s for _, s in pairs(run(text, "pl", {"Biedroń": "Robert Biedroń"}))] == ["Robert Biedroń"] * 2
    other = ("« Le cancer de Vladimir Poutine est un message d’espoir », avait déclaré McConnell.\n\n"
             "« Fin de la guerre en Ukraine, retour à la normale » : tel est le vœu d’Ursula von der Leyen.")
    assert [s for _, s in pairs(run(other, "fr", {"McConnell": "Mitch McConnell",
                                                  "Ursula von der Leyen": "Ursula von der Leyen"}))] == [
        "Mitch McConnell", None]


def test_an_introducer_ending_the_previous_paragraph_with_a_colon():
    text = "Lavrov told reporters on Friday:\n\n«The talks went nowhere, and nobody expected anything else.»"
    assert pairs(run(text, "en", {"Lavrov": "Sergey Lavrov"}))[0][1] == "Sergey Lavrov"


# --- speakers the actor stage does not know, signatures, titles, paragraphs, Konjunktiv ------------------------

@pytest.mark.parametrize(("text", "lang", "speaker"), [
    ("“We will never accept this proposal,” said John Hartley.", "en", "John Hartley"),
    ("«Non accetteremo mai questa proposta», ha detto Giorgio Tedeschi.", "it", "Giorgio Tedeschi"),
    ("« Nous n’accepterons jamais cette proposition », a affirmé Jean Dupuis.", "fr", "Jean Dupuis"),
    ("„Nie zgodzimy się nigdy na taką propozycję” – mówi Jan Kowalski.", "pl", "Jan Kowalski"),
    ("«Мы никогда не согласимся на это предложение», — сказал Иван Петров.", "ru", "Иван Петров"),
    ("Der Abgeordnete Rolf Mützenich sagte: „Die Lage ist ernster als je zuvor.“", "de", "Rolf Mützenich"),
    ("Labour MP Chuka Umunna said: “Politics is broken and we will change it.”", "en", "Chuka Umunna"),
    # source markers
    ("According to John Hartley, “we will never accept this proposal at all”.", "en", "John Hartley"),
    ("Selon Jean Dupuis, « nous n’accepterons jamais cette proposition du gouvernement ».", "fr", "Jean Dupuis"),
    ("Secondo Giorgio Tedeschi, «non accetteremo mai questa proposta del governo».", "it", "Giorgio Tedeschi"),
    ("Laut Rolf Mützenich ist „die Lage ernster als je zuvor gewesen“.", "de", "Rolf Mützenich"),
    # a surname alone counts when the document names the person in full, in any case form
    ("Rihards Kols is a Latvian MP. “Both countries have long moved closer to NATO,” Kols said.", "en",
     "Rihards Kols"),
    ("Депутат Рихардс Колс выступил в Риге. По словам Колса, «обе страны давно приближались к НАТО».", "ru",
     "Рихардс Колс"),
])
def test_a_name_the_actor_stage_does_not_know_is_the_speaker(text, lang, speaker):
    quotes = run(text, lang)
    assert pairs(quotes)[0][1] == speaker
    assert quotes["speaker_id"].iloc[0].startswith("x-")


def test_unknown_name_speaker_id_is_the_slug_of_the_name():
    quotes = run("“We will never accept this proposal,” said John Hartley.", "en")
    assert quotes["speaker_id"].tolist() == ["x-john-hartley"]


@pytest.mark.parametrize(("text", "lang"), [
    ("“We will never accept this proposal,” Hartley said.", "en"),              # a surname never named in full
    ("“We will never accept this proposal,” the California Democrat said.", "en"),  # a description
    ("„Wir werden diesen Vorschlag nie akzeptieren“, sagte der CDU-Chef.", "de"),
    ("Dann sagte er: „Wir werden diesen Vorschlag niemals akzeptieren.“", "de"),    # function words, a pronoun
    ("Poi ha detto: «Non accetteremo mai questa proposta del governo».", "it"),
    ("„Nie zgodzimy się nigdy na taką propozycję” – powiedział Janowi Kowalskiemu.", "pl"),  # the addressee
    ("«Мы никогда не согласимся на это предложение», — сказали Иван Петров и Анна Петрова.", "ru"),  # plural
    ("«Мы никогда не согласимся на это предложение», — заявил ТАСС источник.", "ru"),  # an acronym: the medium
])
def test_capitalised_words_that_are_not_the_subject_are_not_speakers(text, lang):
    assert pairs(run(text, lang))[0][1] is None


def test_an_addressee_after_told_is_not_the_speaker():
    text = "“We will never accept this proposal,” Mary Hartley told John Smith."
    assert pairs(run(text, "en")) == [("We will never accept this proposal", "Mary Hartley")]


@pytest.mark.parametrize(("text", "lang", "speaker"), [
    ("“The people who spread this theory need to be held accountable.”\n— Mollie Hemingway, senior editor\n",
     "en", "Mollie Hemingway"),
    ("«Мы никогда не согласимся на это предложение»\n— Иван Петров, политолог\n", "ru", "Иван Петров"),
])
def test_a_signature_on_the_next_line_is_the_speaker(text, lang, speaker):
    assert pairs(run(text, lang))[0][1] == speaker


def test_a_known_person_in_the_signature_is_resolved():
    text = "„Wir werden die Ukraine weiter unterstützen.“\n– Scholz, Bundeskanzler\n"
    assert pairs(run(text, "de", {"Scholz": "Olaf Scholz"}))[0][1] == "Olaf Scholz"


@pytest.mark.parametrize(("text", "lang"), [
    ("He read “The Lord of the Rings” again and watched “Gone with the Wind” twice.", "en"),
    ("Il a lu « Le Rouge et le Noir » hier soir avec ses enfants.", "fr"),
    ("Die Beilage der „Zeitung gegen den Krieg“ erschien im März.", "de"),
    ("Zwiększeniu kompetencji służy „Konferencja o Przyszłości Europy” od roku.", "pl"),
    ("Ha scritto il libro “Il nome della rosa” negli anni Ottanta.", "it"),
    ("Он прочитал роман «Война и мир русского народа» за неделю.", "ru"),
])
def test_titles_and_names_in_quotation_marks_are_not_quotations(text, lang):
    assert run(text, lang).empty


def test_a_capitalised_quote_right_after_its_verb_is_still_a_quotation():
    text = "Trump said “We will win this election very easily” and left."
    assert pairs(run(text, "en", {"Trump": "Donald Trump"})) == [
        ("We will win this election very easily", "Donald Trump")]
    # a partial quotation starting in lower case is not a title
    text = "He described the talks as “a useful exchange of views” on Monday."
    assert pairs(run(text, "en")) == [("a useful exchange of views", None)]


@pytest.mark.parametrize(("text", "lang", "quote"), [
    ("Smith said: “The first paragraph of the statement ends here.\n\n“The second paragraph ends it.”\nNext.",
     "en", "The first paragraph of the statement ends here.\n\n“The second paragraph ends it."),
    ("Петров сказал: «Первый абзац заявления здесь.\n\n«Второй абзац заявления здесь».\nДальше.",
     "ru", "Первый абзац заявления здесь.\n\n«Второй абзац заявления здесь"),
    ("Duda powiedział: „Pierwszy akapit oświadczenia.\n„Drugi akapit oświadczenia”.\nDalej.",
     "pl", "Pierwszy akapit oświadczenia.\n„Drugi akapit oświadczenia"),
])
def test_a_quotation_running_over_paragraphs_is_one_quote(text, lang, quote):
    people = {"Smith": "John Smith", "Петров": "Ivan Petrov", "Duda": "Andrzej Duda"}
    quotes = pairs(run(text, lang, people))
    assert len(quotes) == 1 and quotes[0][0] == quote and quotes[0][1] is not None


def test_german_konjunktiv_of_an_attitude_verb_attributes_to_its_subject():
    text = "Olaf Scholz sprach in Berlin. Er hoffe, dass der Krieg „so schnell wie möglich zu Ende“ gehe."
    assert pairs(run(text, "de", {"Olaf Scholz": "Olaf Scholz"})) == [
        ("so schnell wie möglich zu Ende", "Olaf Scholz")]


@pytest.mark.parametrize(("text", "lang", "people", "speaker"), [
    ("Alessandro Zan era a Milano. “Ecco perché – prosegue Zan – è inaccettabile questo atteggiamento”.", "it",
     {"Zan": "Alessandro Zan", "Alessandro Zan": "Alessandro Zan"}, "Alessandro Zan"),
    ("„To jest poważny błąd – mówi Jan Kowalski – i trzeba go szybko naprawić”.", "pl", {}, "Jan Kowalski"),
    ("«Это серьёзная ошибка — сказала Анна Петрова — и её надо исправить».", "ru", {}, "Анна Петрова"),
    # a person wins over the party named before him
    ("“Se lo propone FdI è un atto di guerra. – ha incalzato il senatore FdI Alberto Balboni – Ora basta”.", "it",
     {"FdI": ("Brothers of Italy", "organization"), "Alberto Balboni": "Alberto Balboni"}, "Alberto Balboni"),
])
def test_an_attribution_between_dashes_inside_the_quotation(text, lang, people, speaker):
    assert pairs(run(text, lang, people))[0][1] == speaker


def test_an_inline_verb_without_subject_continues_the_previous_speaker_unless_someone_else_is_named():
    text = ("Luigi Di Maio ha detto: “Il governo deve restare in carica fino alla fine”.\n\n"
            "“Mi spiace – ha aggiunto – per la caccia alle streghe dentro il partito”.")
    people = {"Luigi Di Maio": "Luigi Di Maio", "Conte": "Giuseppe Conte"}
    assert [s for _, s in pairs(run(text, "it", people))] == ["Luigi Di Maio", "Luigi Di Maio"]
    other = text.replace("\n\n", " Ha chiesto le dimissioni di Conte.\n\n")
    assert [s for _, s in pairs(run(other, "it", people))] == ["Luigi Di Maio", None]


@pytest.mark.parametrize(("text", "lang", "people", "speaker"), [
    ("Le pays est qualifié de « hub mondial pour le blanchiment d’argent » par l’association Transparency "
     "International, dit-on.", "fr", {}, "Transparency International"),
    ("Dubbed “the worst deal in history” by Mr Farage, it was voted down.", "en", {"Farage": "Nigel Farage"},
     "Nigel Farage"),
    ("Il piano, definito “una follia senza precedenti” da Matteo Salvini, è stato ritirato.", "it", {},
     "Matteo Salvini"),
    # a place or a time after the preposition is no agent
    ("Il piano, definito “una follia senza precedenti” da Roma, è stato ritirato.", "it", {}, None),
    ("“We will finish the work on this” by the end of the year, he said.", "en", {}, None),
])
def test_the_agent_of_a_passive_after_the_quotation_is_the_speaker(text, lang, people, speaker):
    assert pairs(run(text, lang, people))[0][1] == speaker


def test_german_konjunktiv_goes_on_reporting_the_previous_speaker():
    text = ("„Wir stehen an der Seite der Ukraine“, sagte Scholz am Montag in Berlin. Man werde „alles Notwendige "
            "tun, um dem Land zu helfen“.")
    people = {"Scholz": "Olaf Scholz"}
    assert [s for _, s in pairs(run(text, "de", people))] == ["Olaf Scholz", "Olaf Scholz"]
    # the indicative is the author's own voice
    indicative = text.replace("Man werde", "Man wird")
    assert [s for _, s in pairs(run(indicative, "de", people))] == ["Olaf Scholz", None]
