"""Faster regular expressions for long alternations of words (contact cues, state names).

Python's ``re`` tries every alternative of ``(?<!\\w)(?:a|b|...)`` at every word start. Two ways
around it, both giving the same matches:

- :func:`prefix_tree` factors a list of literal words by their common prefixes;
- :class:`WordStartFinder` runs a compiled pattern only at the word starts where one of its
  literal prefixes occurs, found by one scan of the lower-cased text.
"""
from __future__ import annotations

import re
from re import _constants as sre_constants  # the parser's node types; stable since Python 3.11
from re import _parser as sre_parser

PREFIX_LENGTH = 5


def prefix_tree(words: list[str]) -> str:
    """An alternation of ``words`` factored by common prefixes, longer continuations first: it matches
    the same strings as ``a|b|...`` sorted longest first, and compiles and runs many times faster."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def branch(node: dict) -> str:
        children = [re.escape(char) + branch(child) for char, child in sorted(node.items()) if char]
        if not children:
            return ""
        body = children[0] if len(children) == 1 else "(?:" + "|".join(children) + ")"
        if "" in node:  # a word ends here: the longer continuation is optional (tried first, greedy)
            return body + "?" if len(children) == 1 and len(body) == 1 else f"(?:{body})?"
        return body

    return branch(tree) or "(?!)"


def literal_prefixes(pattern: str, *, length: int = PREFIX_LENGTH, flags: int = 0) -> set[str] | None:
    """Lower-cased strings of word characters, at most ``length`` long, one of which every match of
    ``pattern`` has in its first word: usually the match's first characters, or for a pattern
    that starts with "any word characters" (``\\w*gipfel``) the characters after them ("gipf").

    None when some alternative starts with a class that is not spelled out (``\\w+``, ``.``), or
    with nothing but zero-width assertions, so that it has no literal prefix.
    """
    found = _sequence(sre_parser.parse(pattern, flags).data, length)
    if found is None:
        return None
    # Cut at the first non-word character ("by v" -> "by"), so that a prefix never spans two words.
    found = {re.match(r"\w*", prefix).group(0) for prefix in found}
    return None if "" in found else found


def _sequence(items, length: int) -> set[str] | None:
    found = {""}
    for position, (op, av) in enumerate(items):
        if all(len(prefix) >= length for prefix in found):
            break
        if found == {""} and _leading_word_chars(op, av):
            continue  # a compound's first part: the prefixes of what follows are looked for inside words
        part = _item(op, av, length)
        if part is None:  # no literal continues the prefixes: they end here (padded, so nothing is added)
            return None if found == {""} else {prefix.ljust(length, "\0") for prefix in found}
        found = {(prefix + more)[:length] if len(prefix) < length else prefix for prefix in found for more in part}
    return found


def _leading_word_chars(op, av) -> bool:
    """``[^\\W...]*``: any number of characters, each of which is a word character."""
    if op not in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT) or av[0] != 0:
        return False
    items = av[2].data
    if len(items) != 1 or items[0][0] is not sre_constants.IN:
        return False
    charset = items[0][1]
    return charset[0][0] is sre_constants.NEGATE and (sre_constants.CATEGORY, sre_constants.CATEGORY_NOT_WORD) in charset


def _item(op, av, length: int) -> set[str] | None:
    if op is sre_constants.LITERAL:
        return {chr(av).lower()}
    if op is sre_constants.IN:
        chars = set()
        for kind, value in av:
            if kind is sre_constants.LITERAL:
                chars.add(chr(value).lower())
            elif kind is sre_constants.RANGE and value[1] - value[0] < 64:
                chars.update(chr(code).lower() for code in range(value[0], value[1] + 1))
            else:
                return None
        return chars
    if op is sre_constants.BRANCH:
        alternatives = [_sequence(alternative.data, length) for alternative in av[1]]
        return None if any(part is None for part in alternatives) else set().union(*alternatives)
    if op is sre_constants.SUBPATTERN:
        return _sequence(av[-1].data, length)
    if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT):
        low, high, sub = av
        once = _sequence(sub.data, length)
        if once is None:
            return None
        out, current = ({""} if low == 0 else set()), {""}
        for times in range(1, min(high, length) + 1):
            current = {(prefix + more)[:length] for prefix in current for more in once}
            if times >= low:
                out |= current
        return out
    if op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT, sre_constants.AT):
        return {""}
    return None


class WordStartFinder:
    """``pattern.finditer`` for a pattern whose matches start at word starts (``(?<!\\w)...``),
    trying the pattern only at the starts of words that contain one of its literal prefixes.

    The matches are the very ``re.Match`` objects ``pattern.finditer`` gives (same spans, groups),
    except that a letter only ``re.IGNORECASE`` folds to a prefix letter, and not ``str.lower``
    (the long s "ſ" for "s"), does not make a candidate. Patterns without literal prefixes
    (see :func:`literal_prefixes`) are run as they are.
    """

    def __init__(self, pattern: re.Pattern, *, length: int = PREFIX_LENGTH):
        self.pattern = pattern
        self.prefixes = literal_prefixes(pattern.pattern, length=length, flags=pattern.flags)
        self._hits = None if self.prefixes is None else re.compile(prefix_tree(sorted(self.prefixes)))

    def finditer(self, text: str) -> list[re.Match]:
        lowered = text.lower()
        if self._hits is None or len(lowered) != len(text):  # lower() changed offsets ("İ" -> "i̇")
            return list(self.pattern.finditer(text))
        matches: list[re.Match] = []
        end = tried = -1
        for hit in self._hits.finditer(lowered):
            start = hit.start()
            while start and (text[start - 1].isalnum() or text[start - 1] == "_"):  # back to the word start (\w)
                start -= 1
            if start < end or start == tried:
                continue
            tried = start
            match = self.pattern.match(text, start)
            if match:
                matches.append(match)
                end = match.end()
        return matches
