"""The minutes of a time of day (times_of_day.py): digits ("9h30"), a fraction after its link ("9 heures et demie",
"11h et quart") or before the hour ("9 heures moins le quart", "10h moins 10"), from the words of
knowledge/calculations.yaml (`durations:`); read in a range's bounds, and written as digits everywhere else. Clock
times written with a colon ("09:30") are written with an "h" first (`clock_colons`); the hours between two minutes of
the day (`hours_between`)."""

from __future__ import annotations

import itertools
import re
from decimal import Decimal

from .duration_grammar import DurationGrammar
from .french import fold
from .word_patterns import alternation

# "09:30": a clock's hours and minutes (not a chat's stamp "[14:02]", "1:30:00"), found from the colon, hours after it
_COLON_MINUTES = re.compile(r":[0-5]\d")
_DIGIT = re.compile(r"\d")
_SENTENCE_END = re.compile(r"[.;!?]")
_NOT_BEFORE, _NOT_AFTER = frozenset("0123456789:["), frozenset("0123456789:]")


def clock_colons(text: str) -> str:
    """`text` with each clock time written with a colon ("09:30") written with an "h" ("09h30"): the same length."""
    parts: list[str] = []
    last = 0
    for match in _COLON_MINUTES.finditer(text):
        colon, end = match.start(), match.end()
        start = colon
        while start > max(0, colon - 2) and text[start - 1].isdigit():
            start -= 1
        if start == colon or (end < len(text) and text[end] in _NOT_AFTER) or int(text[start:colon]) > 23:
            continue
        if start and text[start - 1] in _NOT_BEFORE:
            continue  # "[14:02]", "123:45", "1:30:00"
        parts.append(text[last:colon] + "h")
        last = colon + 1
    return "".join(parts) + text[last:] if parts else text


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
        # hours, then their minutes said in words after them ("9 heures et demie", "11h moins le quart")
        hour = alternation(grammar.hour_units)
        self._said = re.compile(rf"(?<![\d.,])(\d{{1,2}})\s*(?:{hour})(?![a-z])\s*((?:{self.words}))")
        links = [*grammar.fraction_links, *grammar.minus_links]
        self._links = re.compile(rf"(?<![a-z])(?:{alternation(links)})\s") if links else None  # none: nothing to read

    def written(self, text: str) -> str:
        """ "9 heures et demie" as "9h30", "11h moins le quart" as "10h45", "midi et demi" (written "12h et demi") as
        "12h30": the same length, so that every reader of hours (stays, ranges, durations) reads their minutes."""
        parts: list[str] = []
        last = 0
        for match in self._said.finditer(text) if self._links and self._links.search(text) else ():
            minute = int(match.group(1)) * 60 + self.of(match.group(2))
            written = f"{minute // 60}h{minute % 60:02d}"
            if minute < 0 or len(written) > match.end() - match.start():
                continue
            parts.append(text[last : match.start()] + written.ljust(match.end() - match.start()))
            last = match.end()
        return "".join(parts) + text[last:] if parts else text

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


# "1015", "0830-1115": clock times written as four digits (a duty roster's, an army's), hours 00 to 23, minutes 00 to 59;
# not a reference's digits ("facture n° 2026-0412", "F-0915", "compte rendu n° 0917"), a decimal, a date or an amount
# ("1200 €", "1200 euros"). The patterns open with digits (fast to scan); what may stand before them is told by `_free`.
_HHMM = r"([01]\d|2[0-3])([0-5]\d)(?!\d|[/.,:]\d|\s?[€%])"
_FOUR_DIGITS = re.compile(_HHMM)
_RANGE_LINK = re.compile(r"\s?[-–]\s?")  # between a range's two times: "0830-1115", "14h00 – 18h00"
_JOINED_BEFORE = frozenset("/:.,°–-_")  # "F-0915", "09/30", "n°0917" (and letters, digits)
# a word right after: "1200 euros", "1200 km" are amounts, unless the time opens with 0 ("0845 puis")
_WORD_AFTER = re.compile(r"\s?[^\W\d_]")
_YEARS = range(1990, 2100)  # "2025-2026", "budget 2026": years, never times (and 1900: 19h00, not a year here)


def military_times(text: str) -> str:
    """`text` with its four-digit clock times written with an "h" ("1015" as "10h15", "0830-1115" as "8h30-11h15"), when
    the writer uses them: a range of two such times, neither a year, or one with a leading zero ("Présence 0830") makes
    every other four-digit number of the message a time too ("départ 1230"), years aside ("2026")."""
    fours = list(_FOUR_DIGITS.finditer(text))  # one scan: most messages hold none
    ranged = {
        index
        for first, (one, two) in enumerate(itertools.pairwise(fours))
        if _RANGE_LINK.fullmatch(text, one.end(), two.start())
        and _free(text, one.start())
        and int(one[0]) not in _YEARS
        and int(two[0]) not in _YEARS
        for index in (first, first + 1)
    }
    if not ranged and not any(m[1][0] == "0" and _free(text, m.start()) for m in fours):
        return text
    parts, last = [], 0
    for index, m in enumerate(fours):
        if index in ranged or not _not_time(m):
            parts.append(f"{text[last : m.start()]}{int(m[1])}h{m[2]}")
            last = m.end()
    return "".join(parts) + text[last:]


def _free(text: str, start: int) -> bool:
    """Whether nothing joined to four digits at `start` makes them a reference, a date or a bigger number."""
    before = text[start - 1] if start else " "
    return not (before.isalnum() or before in _JOINED_BEFORE or text[max(0, start - 2) : start] == "° ")


def _not_time(found: re.Match[str]) -> bool:
    """Whether four digits are no time: joined to a reference (`_free`), a year ("2026"), or an amount said with its unit
    ("1200 euros"; not "0845 puis")."""
    text = found.string
    if not _free(text, found.start()) or int(found[0]) in _YEARS:
        return True
    return found[1][0] != "0" and bool(_WORD_AFTER.match(text, found.end()))


def hours_between(start: int, end: int, overnight: int) -> Decimal | None:
    """The hours from minute `start` to minute `end` of the day ("de 22h à 1h" goes past midnight), None when the end
    comes before the start."""
    end = end if end > start or start - end < 24 * 60 - overnight else end + 24 * 60
    return (Decimal(end - start) / 60).quantize(Decimal("0.0001")) if end > start else None


def clock_minute(match: re.Match[str]) -> int | None:
    """The minute of the day of a time written "14h", "16h30", "9 heures 15", or None when it is not one."""
    hour, extra = match.group(1), match.group(4) or "0"
    if match.group(3) or not hour.isdigit() or not extra.isdigit() or int(hour) > 24 or int(extra) >= 60:
        return None
    return int(hour) * 60 + int(extra)


def trip_there_counts(text: str, clock: list[re.Match[str]], first: int, last: int, skipped: int) -> bool:
    """Whether a visit's trip there counts from its start at `first` (of `clock`) to the departure at `last`: the
    departure's sentence goes on with a figure, the trip back's length ("reparti à 11h30 avec 45 min de route"; with no
    word of it, the stay alone), and none stands between them but the arrival at `skipped` (not "arrivé à 10h après
    45 min de route": that trip is said)."""
    end = _SENTENCE_END.search(text, clock[last].end())
    gaps = ((clock[first].end(), clock[skipped].start()), (clock[skipped].end(), clock[last].start()))
    after = _DIGIT.search(text, clock[last].end(), end.start() if end else len(text))
    return bool(after) and not any(_DIGIT.search(text, start, stop) for start, stop in gaps)
