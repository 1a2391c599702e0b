"""Numbers right after some words ("au bout de 4 ans", "arrêter en 2029"), found from the numbers."""

from __future__ import annotations

import re

from ..cost import alternation
from ..word_patterns import folded_words


class After:
    """The numbers a pattern finds right after one of some words and a space: group 1 of each match of
    `(?<![a-z])(?:words) ` + `number`, found from the numbers (the regex engine jumps from digit to digit; the words
    first were tried at every character, 0.2 ms a 4 KB message) and the words then checked right before each.

    The same numbers: `number` starts with a digit and holds no letter before its end's letters, and the words hold
    no digit (Periods checks both). A match of the whole pattern holds its number where the number pattern, scanning on its
    own, stands (what it found before ends with a digit or a letter, never at the space before the words' number), and
    finds it alike; one found there after the words is the whole pattern's match from the words' start (no other word
    at that start reaches the number: it would hold a digit), which no earlier match overlaps (it would end inside the
    words, on its own digits or letters)."""

    def __init__(self, words: list[str], number: str) -> None:
        self._number = re.compile(number)
        self._before = re.compile(rf"(?<![a-z])(?:{alternation(words)}) \Z")
        self._reach = max(map(len, folded_words(words))) + 1  # the words and their space

    def numbers(self, text: str) -> list[str]:
        return [match.group(1) for match in self.matches(text)]

    def matches(self, text: str) -> list[re.Match[str]]:
        return [
            match
            for match in self._number.finditer(text)
            if self._before.search(text, max(0, match.start() - self._reach), match.start())
        ]
