"""Unit tests of the text rules: normalisation, dates, header, title and boilerplate."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.textclean import (
    boilerplate_rule,
    count_words,
    line_key_hashes,
    most_common_removed,
    normalize_text,
    paragraphs,
    parse_date,
    remove_boilerplate,
    remove_lines,
    repair_mojibake,
    repeated_line_hashes,
    split_header,
    split_title,
    strip_boilerplate_tail,
)


def _seed(seeds_dir, prefix: str) -> str:
    (path,) = sorted(seeds_dir.glob(f"{prefix}_*.txt"))
    return normalize_text(path.read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- normalisation


def test_normalize_whitespace_keeps_words_and_quotes():
    raw = "\ufeffTitle\r\n\r\n\r\n\r\n  He said\u00a0\u201cyes\u201d,\tshe said \u00abno\u00bb and \u201edoch\u201c 'ok' \"fine\".  \rNext\u200b line\x07"
    assert normalize_text(raw) == (
        "Title\n\nHe said \u201cyes\u201d, she said \u00abno\u00bb and \u201edoch\u201c 'ok' \"fine\".\nNext line"
    )


@pytest.mark.parametrize(("raw", "expected"), [
    ("a\tb", "a b"), ("a\u00a0b", "a b"), ("a\u3000b", "a b"), ("a  b", "a b"),
    ("a\r\nb", "a\nb"), ("a\rb", "a\nb"), ("a\u2028b", "a\nb"), ("a\x0cb", "a\nb"), ("a\x85b", "a\nb"),
    ("a\u200bb", "ab"), ("a\u00adb", "ab"), ("a\x07b", "ab"),
    ("a \n b", "a\nb"), ("a\n\n\n\nb", "a\n\nb"), ("clean text", "clean text"),
])
def test_normalize_each_repair_alone(raw, expected):
    # each repair must happen when its character is the only thing to fix in the text
    assert normalize_text(raw) == expected


def test_normalize_composes_to_nfc():
    assert normalize_text("Cafe\u0301 perche\u0301") == "Caf\u00e9 perch\u00e9"


def test_repair_mojibake_fixes_double_encoding_but_not_quotes():
    assert repair_mojibake("Itâ€™s Moscowâ€™s gas, perchÃ© Ã¨ cosÃ¬") == "It’s Moscow’s gas, perché è così"
    clean = "He said “continue to support” and ‘no’."
    assert repair_mojibake(clean) == clean


def test_count_words_and_paragraphs():
    assert count_words("Moscow-backed separatists didn't stop — ok?") == 5
    assert paragraphs("a b\n\nc d\ne") == ["a b", "c d\ne"]
    assert paragraphs("one line\nother line\n") == ["one line", "other line"]


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("value", "expected", "precision"),
    [
        ("2021", "2021-01-01", "year"),
        ("2021-12", "2021-12-01", "month"),
        ("2021-12-07", "2021-12-07", "day"),
        ("2022-02-24T06:30:00+03:00", "2022-02-24 03:30:00", "day"),
        ("07.12.2021", "2021-12-07", "day"),
        ("7 dicembre 2021", "2021-12-07", "day"),
        ("24 февраля 2022", "2022-02-24", "day"),
        ("March 2022", "2022-03-01", "month"),
    ],
)
def test_parse_date_formats_and_precision(value, expected, precision):
    stamp, got_precision = parse_date(value)
    assert stamp == pd.Timestamp(expected)
    assert got_precision == precision


@pytest.mark.parametrize("value", ["", "not a date", "2021-13", "2021-02-30", None, float("nan"), "0999"])
def test_parse_date_rejects_bad_values(value):
    stamp, precision = parse_date(value)
    assert pd.isna(stamp) and precision is None


# --------------------------------------------------------------------------- header and title


def test_seed_002_inline_date_header(seeds_dir):
    text, header = split_header(_seed(seeds_dir, "002"))
    assert header.date == pd.Timestamp("2021-12-01")
    assert header.precision == "month"
    assert header.removed == "date 2021-12"
    assert text.startswith("Dopo l'incontro (virtuale)")


def test_header_on_its_own_line_and_non_headers():
    text, header = split_header("Published: 7 March 2022\nThe talks began.")
    assert (header.date, header.precision, text) == (pd.Timestamp("2022-03-07"), "day", "The talks began.")
    for plain in ("Data from the ministry show a rise.", "Date palms grow in 2021 gardens of Rome", "Datum"):
        text, header = split_header(plain)
        assert text == plain and header.removed is None


def test_split_title_on_seeds(seeds_dir):
    assert split_title(_seed(seeds_dir, "000"))[0] is None  # long first paragraph, not a title
    title, body = split_title(_seed(seeds_dir, "003"))
    assert title == "Lavrov e Rubio si sono chiamati di notte per colloqui sull'Ucraina"
    assert body.startswith("Notizia")


def test_split_title_with_subtitle_block_and_non_titles():
    title, body = split_title("Mueller's Investigation Lasted 674 Days.\nHere's How That Compares\n\nBody text here.")
    assert title == "Mueller's Investigation Lasted 674 Days."
    assert body.startswith("Here's How That Compares\n\nBody")
    assert split_title("Only one line") == (None, "Only one line")
    assert split_title("Short line\nnext sentence\nthird\nfourth\n\nbody")[0] is None


# --------------------------------------------------------------------------- boilerplate rules


@pytest.mark.parametrize(
    "line",
    [
        "Read more", "READ MORE: Italy to change Ukraine policy – minister", "Read more: Brexit: Why is the backstop so hard?",
        "SEE ALSO: Democrats Prepared To Subpoena Mueller Report", "Leggi anche: Draghi sente Putin", "Lire aussi",
        "À lire aussi : Macron appelle Poutine", "Weiterlesen", "Mehr zum Thema - Wie Russland sich neu erfinden muss",
        "Czytaj także: Rosja grozi", "Zobacz też", "Читайте также: Лавров ответил Блинкену", "Смотрите также",
        "Notizia", "al piano di sopra", "Torna su", "Nach oben", ".", "…", "___", "Share this story!",
        "Think your friends would be interested?", "Condividi", "Partager", "Udostępnij", "Поделиться", "Advertisement",
        "Werbung", "Реклама", "Scroll down for video", "CLICK HERE TO GET THE FOX NEWS APP",
        "Subscribe to our newsletter", "Follow Jeff Poor on Twitter @jeff_poor", "Iscriviti al nostro canale Telegram",
        "Abonnez-vous à notre newsletter", "Folgen Sie uns auf Telegram", "Obserwuj nas na Twitterze",
        "Подписывайтесь на наш Telegram-канал", "Read the Whole Article", "Continue reading",
        "Photo: Reuters", "Foto: ANSA", "Фото: РИА Новости", "© AP Photo / Evan Vucci Trump Supports Making Report Public",
        "President Voladimir Zelensky poses for a photo with Ukrainian servicemen on February 4, 2024",
        "Mueller is pictured arriving at his Washington DC office Thursday night",
        "Views and opinions expressed in this article are those of Alan Sked and do not necessarily reflect those of Sputnik.",
        "RT DE bemüht sich um ein breites Meinungsspektrum. Meinungsartikel müssen nicht die Sichtweise der Redaktion widerspiegeln.",
        "Мнение автора может не совпадать с позицией редакции.",
    ],
)
def test_boilerplate_lines_in_many_languages(line):
    assert boilerplate_rule(line) is not None


@pytest.mark.parametrize(
    "line",
    [
        "Read below a round-up of several candidates' statements on the report.",
        "Readers of the newspaper mocked the meeting.",
        "Notizia di reato: la procura apre un fascicolo sul caso.",
        "He shared the photo of the meeting with reporters on Monday.",
        "The Kremlin said Putin would subscribe to the plan only if NATO stopped expanding.",
        "Il ministro ha pubblicato la lettera sul suo profilo Twitter e su Telegram.",
        "Lavrov e Rubio si sono concentrati sul consolidamento delle premesse per l'avvio dei negoziati.",
        "”", "!”", "'”", "2022", "Outcry",
        "Сторонники мира вышли на улицы, чтобы поддержать переговоры.",
    ],
)
def test_article_lines_are_not_boilerplate(line):
    assert boilerplate_rule(line) is None


def test_promo_tail_is_cut_from_a_real_line():
    line = "Former PM Giuseppe Conte urged respect for Russophiles in Ukraine Read Full Article at RT.com"
    assert strip_boilerplate_tail(line) == (
        "Former PM Giuseppe Conte urged respect for Russophiles in Ukraine", "Read Full Article at RT.com"
    )
    kept, tail = strip_boilerplate_tail("That works for trade in China.READ MORE: UK Finance Chief Bashed — Reports")
    assert (kept, tail) == ("That works for trade in China.", "READ MORE: UK Finance Chief Bashed — Reports")
    plain = "Users should read more about it before they vote."
    assert strip_boilerplate_tail(plain) == (plain, None)


def test_seed_003_boilerplate(seeds_dir):
    title, body = split_title(_seed(seeds_dir, "003"))
    result = remove_boilerplate(body, title=title)
    assert result.removed == ["Notizia", title, ".", "al piano di sopra"]
    assert result.text.startswith("Nella notte tra il 27 e il 28 aprile 2025")
    assert result.text.endswith("Non è specificato chi abbia esattamente avviato la conversazione telefonica.")


def test_seed_004_boilerplate(seeds_dir):
    title, body = split_title(_seed(seeds_dir, "004"))
    assert title == "Russia should get security guarantees – ex-Italian PM"
    result = remove_boilerplate(body, title=title)
    assert result.removed == [
        "Read Full Article at RT.com",
        title,
        "Read more",
        "President Voladimir Zelensky poses for a photo with Ukrainian servicemen on February 4, 2024",
        "Zelensky pledges Ukrainian leadership purge",
        "READ MORE: Italy to change Ukraine policy – minister",
    ]
    assert result.text.startswith(
        "Former PM of Italy Giuseppe Conte has urged that, for the sake of peace, the interests of Russophiles in "
        "Ukraine must be accorded respect\n\nSecuring peace"
    )
    assert "Read" not in result.text and "poses for a photo" not in result.text
    assert "Kiev and Moscow negotiated a draft truce" in result.text


def test_read_more_label_keeps_following_sentences():
    text = "First sentence here.\nRead more\nConsider a few facts.\nIt is one of ten countries."
    result = remove_boilerplate(text)
    assert result.removed == ["Read more"]
    assert result.text == "First sentence here.\nConsider a few facts.\nIt is one of ten countries."


def test_title_repeat_dropped_once_only():
    result = remove_boilerplate("Same title\n\nBody starts.\n\nSame title", title="Same title")
    assert result.removed == ["Same title"]
    assert result.text == "Body starts.\n\nSame title"


def test_repeated_lines_across_documents():
    footer = "Die Tageszeitung junge Welt stört die Herrschenden."
    texts = [f"Artikel {i} über Politik und Wirtschaft.\n{footer}" for i in range(5)] + ["Anderer Text."]
    keys = repeated_line_hashes(map(line_key_hashes, texts), min_docs=5)
    assert keys.tolist() == line_key_hashes(f"  {footer.upper()}").tolist()  # case and spacing ignored
    assert len(repeated_line_hashes(map(line_key_hashes, texts), min_docs=6)) == 0
    assert len(repeated_line_hashes([], min_docs=2)) == 0
    result = remove_lines(texts[0], set(keys.tolist()))
    assert result.text == "Artikel 0 über Politik und Wirtschaft." and result.removed == [footer]
    assert remove_lines(texts[0], set()).text == texts[0]
    answers = [f"Intervista numero {i} sulla guerra.\nYes.\nSponsored content" for i in range(5)]
    repeated = repeated_line_hashes(map(line_key_hashes, answers), min_docs=5)
    assert repeated.tolist() == line_key_hashes("Sponsored content").tolist()  # "Yes." is a sentence, kept
    assert remove_lines(answers[0], set(repeated.tolist())).removed == ["Sponsored content"]
    top = most_common_removed([[footer], [footer.upper()], ["x"]])
    assert top.iloc[0].tolist() == [footer.casefold(), 2]


@pytest.mark.parametrize(("text", "expected"), [
    ("", 0), ("  \n ", 0), ("--", 0), ("a_b", 1),  # "_" is a word character
    ("l'homme d’État", 2), ("x-ray — 12,5 %", 3), ("a--b", 2), ("a-'b", 2),
    ("٣٤ ١٢ ²³ abc", 4),  # digits of other scripts and superscripts are word characters
    ("foo\u00a0bar\u2028baz", 3), ("“Putin,” he said.", 3),
])
def test_count_words_edge_cases(text, expected):
    assert count_words(text) == expected
