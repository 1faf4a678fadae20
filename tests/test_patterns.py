import re

import pytest

from analysis.contacts import _CUE_FINDERS
from analysis.patterns import WordStartFinder, literal_prefixes, prefix_tree


def test_prefix_tree_matches_the_words_longest_first():
    pattern = re.compile(rf"(?<!\w)(?:{prefix_tree(['visit', 'visits', 'visited', 'vis', 'meet'])})(?!\w)")
    assert pattern.findall("visits visited vis visit meet meeting") == ["visits", "visited", "vis", "visit", "meet"]
    assert prefix_tree([]) == "(?!)"


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"(?:tele)?phone calls?", {"telep", "phone"}),
    (r"[^\W\d_]*gipfel[^\W\d_]*", {"gipfe"}),  # German compounds: looked for inside the word
    (r"(?<=\bto )(?:host|receive)", {"host", "recei"}),
    (r"(?:by|via) video", {"by", "via"}),  # cut at the space: a prefix stays in one word
    (r"(?-i:COP ?-?\d{1,2})", {"cop"}),
    (r"Met|MEETS?", {"met", "meet", "meets"}),
    (r"визит(?!ер)", {"визит"}),
])
def test_literal_prefixes(pattern, expected):
    assert literal_prefixes(pattern, length=5, flags=re.I) == expected


@pytest.mark.parametrize("pattern", [r"\w+ed", r"(?=a)", r"meet|.", r"[^,]+"])
def test_literal_prefixes_none_without_a_literal_start(pattern):
    assert literal_prefixes(pattern) is None


def test_word_start_finder_gives_the_same_matches_as_finditer():
    pattern = re.compile(r"(?<!\w)(?:(?P<a>by video|video ?calls?)|(?P<b>visit(?:ed|s)?|[^\W\d_]*gipfel)|(?P<c>met))(?!\w)",
                         re.I)
    finder = WordStartFinder(pattern)
    assert finder.prefixes == {"by", "video", "visit", "gipfe", "met"}
    texts = [
        "Met by visiting envoys, they visited Kyiv by video. VIDEO CALLS and a Video call.",
        "Der EU-Gipfel und das Gipfeltreffen: Krisengipfel, gipfel.",
        "Visit met",  # matches at the very start and the very end
        "İstanbul visit: lower() makes this text longer, so the plain scan runs",
        "unmet demands, revisited plans, metal",  # prefixes inside words that do not match
        "",
    ]
    for text in texts:
        expected = [(m.span(), m.lastgroup) for m in pattern.finditer(text)]
        assert [(m.span(), m.lastgroup) for m in finder.finditer(text)] == expected
    assert [m.group(0) for m in finder.finditer(texts[1])] == ["Gipfel", "Krisengipfel", "gipfel"]


def test_word_start_finder_without_prefixes_runs_the_pattern():
    pattern = re.compile(r"(?<!\w)\w+ed(?!\w)")
    finder = WordStartFinder(pattern)
    assert finder.prefixes is None
    assert [m.group(0) for m in finder.finditer("he visited and called")] == ["visited", "called"]


def test_every_contact_cue_language_has_literal_prefixes():
    assert all(finder.prefixes for finder in _CUE_FINDERS.values())
