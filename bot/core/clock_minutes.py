"""The minutes of a time of day bounding a range (times_of_day.py): digits ("9h30"), a fraction after its link ("9
heures et demie", "11h et quart") or before the hour ("9 heures moins le quart", "10h moins 10"), from the words of
knowledge/calculations.yaml (`durations:`)."""

from __future__ import annotations

import re

from .duration_grammar import DurationGrammar
from .french import fold
from .word_patterns import alternation


class ClockMinutes:
    """Reads a range's minutes."""

    def __init__(self, grammar: DurationGrammar) -> None:
        self._fractions = {fold(word): minutes for word, minutes in grammar.fractions.items()}
        fractions = alternation(grammar.fractions)
        # what may follow a range's hours as its minutes (a regex alternative, digits aside)
        self.words = rf"(?:{alternation(grammar.fraction_links)})\s+(?:{fractions})(?![a-z])"
        self._minus = re.compile(rf"(?:{alternation(grammar.minus_links)})\s") if grammar.minus_links else None
        if grammar.minus_links:
            self.words += rf"|(?:{alternation(grammar.minus_links)})\s+(?:{fractions}|\d{{1,2}})(?![a-z\d])"

    def of(self, written: str | None) -> int:
        """The minutes `written` adds to its hours: "30", "et demie" (30), "moins le quart" (-15), none (0)."""
        if not written:
            return 0
        if written.isdigit():
            return int(written)
        said = " ".join(written.split())  # "et  3 quarts": the fraction is the longest word it ends with
        last = said.split()[-1]
        minutes = (
            int(last)
            if last.isdigit()
            else max((minutes for word, minutes in self._fractions.items() if said.endswith(word)), default=0)
        )
        return -minutes if self._minus and self._minus.match(said) else minutes
