"""Ranges of two times of day ("de 9h à 12h", "entre 14h et 16h"), and those whose hour unit is written once ("de 9 à
11h30", "entre 14 et 15 h 45", "de 14h à 16"): one unit stands for both bounds when the range cannot be read as two
durations ("de 2 à 3 h" may be hours spent, "entre 9 et 11h" an approximation; "de 9 à 11h30" is a morning). Words:
calculations.yaml (`durations:`)."""

from __future__ import annotations

import re

from .duration_grammar import DurationGrammar
from .word_patterns import alternation

OPENER_REACH = 12  # characters before a range's start where its opener ("de", "entre") stands


def range_pattern(hours: list[str], fraction: str, links: list[str]) -> re.Pattern[str]:
    """Two times and the link between them, each time's unit optional (`ranges` of times_of_day.py checks them)."""
    hour = alternation(hours)
    # A digit first, the character before it checked just after (the same matches as "(?<!\d)(\d{1,2})",
    # date_mentions._NUMERIC): the regex engine jumps from digit to digit.
    return re.compile(
        rf"(?P<sh>\d(?<!\d\d)\d?)(?:\s*(?P<su>{hour})\s*(?P<sm>\d{{2}}|{fraction})?)?\s*"
        rf"(?P<link>{alternation(links)})\s*"
        rf"(?P<eh>\d{{1,2}})(?:\s*(?P<eu>{hour})\s*(?P<em>\d{{2}}|{fraction})?)?(?!\d)"
    )


def time_pattern(hours: list[str], fraction: str) -> re.Pattern[str]:
    """One time of day with its unit ("17h", "17 heures 30", "9h et demie"), read as a bound of `range_pattern` is."""
    return re.compile(rf"(?P<h>\d(?<!\d\d)\d?)\s*(?:{alternation(hours)})\s*(?P<m>\d{{2}}|{fraction})?(?!\d)")


class LooseRanges:
    """Which ranges written with one unit are ranges of times of day."""

    def __init__(self, grammar: DurationGrammar) -> None:
        openers = grammar.loose_range_openers
        self._opener = re.compile(rf"(?<![a-z])(?:{alternation(openers)})\s*$") if openers else None
        # after a bound written without its unit, no number, share or other unit ("de 14h à 16 €", "à 16 min")
        units = alternation([*grammar.minute_units, *grammar.currency])
        self._not_an_hour = re.compile(rf"\s*(?:[.,]?\d|%|/|(?:{units})(?![a-z]))")
        self._dashes = {link for link in grammar.range_links if not link[0].isalpha()}  # "9-11h30": no opener needed
        self._approximate = set(grammar.range_openers)  # "entre 9 et 11h": said roughly, a range only with minutes
        self._min_hour = grammar.loose_range_min_hour

    def holds(self, text: str, match: re.Match[str]) -> bool:
        """Is `match` (of `range_pattern`) a range of times: both units written, or one, its start opened ("de",
        "entre") or dashed, its end after its start, and when only the end has a unit, its start from `min_hour` on
        and, after an approximate link ("entre … et"), its minutes written ("entre 14 et 15 h 45")?"""
        start, end = int(match.group("sh")), int(match.group("eh"))
        if match.group("su") and match.group("eu"):
            return True
        if not (match.group("su") or match.group("eu")) or not start < end <= 24:
            return False
        link = " ".join(match.group("link").split())
        before = text[max(0, match.start() - OPENER_REACH) : match.start()]
        if link not in self._dashes and not (self._opener and self._opener.search(before)):
            return False
        if match.group("eu"):  # "de 9 à 11h30", not "de 2 à 3 h" (hours spent, perhaps) nor "entre 9 et 11h"
            return start >= self._min_hour and (link not in self._approximate or bool(match.group("em")))
        return not self._not_an_hour.match(text, match.end())  # "de 14h à 16.", not "de 14h à 16 €"
