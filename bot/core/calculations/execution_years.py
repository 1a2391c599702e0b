"""The years of execution of the convention, for the liability cap (article 5.2): the amount invoiced "au titre de
l'année en cours d'exécution au moment de la survenance de l'événement ayant engendré le préjudice".

Year 1 runs one year from the entry into force (the last signature), year 2 the next… The year that counts holds the
damaging event's date when the message gives one, else today. Each amount of a message is said of a year by words
("cette année"), an ordinal ("la deuxième année", "année 2"), a year in digits, a pair of years ("2025-2026") or two
months or dates ("de septembre 2025 à août 2026", "depuis le 01/07/2026"); `kind` tells whether that year holds the
event: "current", "other", "?" (it cannot be told from what the message gives) or "" (no year named)."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta

from ..cost import alternation
from ..date_mentions import calendar_names, find_dates
from ..french import fold
from .base import Calculator, Context
from .cues import _at_end, cue_pattern
from .date_roles import _SENTENCE_END, DateRoles, _nearest

YEAR = relativedelta(years=1)
# A year in digits that is not an amount ("2 025 €") nor a decimal; a date's year too ("facturé le 15/09/2026").
_DIGIT_YEAR = re.compile(r"(?<![\d,.])(20\d\d)(?!\d|[,.]\d|\s?(?:€|euro))")
_YEAR_PAIR = re.compile(r"(?<![\d,./-])(20\d\d) ?[-/] ?(20\d\d)(?![\d/-])")


@dataclass(frozen=True)
class When:
    """What places the cap's year: today, the entry into force and the damaging event named in the message."""

    today: date
    entry: date | None = None  # the last signature named
    event: tuple[date, date] | None = None  # the event's first and last possible days ("en mars 2026": the month)
    written: tuple[str, ...] = ()  # the event's dates as the message writes them: no year an amount is said of
    ordinals: bool = False  # the message names a year by an ordinal: an ordinal alone is one too ("… et la seconde")

    @property
    def days(self) -> tuple[date, date]:
        """The days the cap's year must hold: the event's, else today."""
        return self.event or (self.today, self.today)

    def number(self, day: date) -> int | None:
        """The year of execution holding `day` (1 for the first), or None before the entry into force or without it."""
        if self.entry is None or day < self.entry:
            return None
        return relativedelta(day, self.entry).years + 1

    def bounds(self, number: int) -> tuple[date, date]:
        """The first and last day of year `number` (the entry is known)."""
        assert self.entry is not None
        start = self.entry + YEAR * (number - 1)
        return start, start + YEAR - relativedelta(days=1)


class ExecutionYears(Calculator):
    """Reads the years a message's amounts are said of, and the dates that place them."""

    def __init__(self, context: Context, roles: DateRoles) -> None:
        super().__init__(context)
        self.date_roles = roles
        words = self.words.execution_years
        self._ordinals = ordinals = {" ".join(fold(w).split()): n for w, n in self.words.later_periods.ordinals.items()}
        nouns = alternation(words.nouns)
        # "la deuxième année", "le 1er exercice"; "année 2" (not "année 1 800 €"); an ordinal alone, before no word.
        self._ordinal_year = re.compile(rf"(?<![a-z0-9])({alternation(ordinals)}) (?:{nouns})(?![a-z])")
        self._numbered_year = re.compile(rf"(?<![a-z])(?:{nouns}) (\d{{1,2}})(?![\d,.]| ?\d{{3}}| ?(?:€|euro))")
        self._ordinal_alone = re.compile(rf"(?<![a-z0-9])({alternation(ordinals)})(?= ?(?:[^a-z ]|$))")
        months = alternation(calendar_names().numbers)
        self._month = re.compile(rf"(?<![a-z])({months})\.? (20\d\d)(?!\d)")
        self._range_end = re.compile(rf" ?(?:{alternation(words.range_ends)}) ?")
        self._open_start = _at_end(words.open_starts)
        # "event" first: of two cues ending at one place, `_nearest` keeps the first ("panne" is also an `other` cue)
        self._cues = {"event": cue_pattern(words.event_words), "entry": cue_pattern(words.entry_words)}

    def when(self, folded: str, today: date, signature: date | None = None) -> When:
        """Today, the entry into force (the last signature named, or a date said of it, else `signature`: the one
        recorded by /signature) and the damaging event."""
        event, written, entries = self._read_dates(folded, today)
        roles = self.date_roles.roles(folded, find_dates(folded, today))
        signed = [r.mention.value for r in roles if r.role == "signature" and not r.assumed and r.mention.value]
        entry = max((day for day in signed + entries if not (event and event[0] <= day <= event[1])), default=signature)
        named = bool(self._ordinal_year.search(folded) or self._numbered_year.search(folded))
        if event and entry and event[0] < entry:  # before the convention applied: a date misread, today's reading
            event, written = None, ()
        return When(today, entry, event, written, named)

    def kind(self, text: str, when: When) -> str:
        """Does the year `text` names hold the event (else today)? "current", "other", "?" or "" (no year named)."""
        first, last = when.days
        for written in when.written:  # "une panne le 10/11/2026 nous a fait perdre 4 000 €": not an invoice of 2026
            text = text.replace(written, " ")
        found = {self._holds(text, when, day) for day in (first, last)}
        return "" if "" in found else found.pop() if len(found) == 1 else "?"

    def describe(self, when: When) -> str:
        """The year whose amount is the cap, as the answer names it ("l'année d'exécution du … au …, celle de …")."""
        bounds, event = self._bounds(when), _event(when)
        if event and bounds:
            return f"l'année d'exécution {bounds}, celle de {event}"
        if event:
            return f"l'année en cours d'exécution lors de {event}"
        if bounds:
            return f"l'année en cours d'exécution, {bounds}"
        return "l'année en cours d'exécution au moment de l'événement qui a causé le préjudice"

    def placed(self, when: When) -> str:
        """The event placed in its year of execution (a sentence of the answer), or "" when it cannot be."""
        bounds, event = self._bounds(when), _event(when)
        if not (bounds and event and when.entry):
            return ""
        said = f"{event[0].upper()}{event[1:]} tombe dans l'année d'exécution {bounds}"
        return f" {said} (entrée en vigueur le {when.entry:%d/%m/%Y})."

    def _bounds(self, when: When) -> str:
        """ "du … au …": the year of execution holding the event (else today), or "" when it cannot be told."""
        first, last = when.days
        number = when.number(first)
        if number is None or number != when.number(last):
            return ""
        start, end = when.bounds(number)
        return f"du {start:%d/%m/%Y} au {end:%d/%m/%Y}"

    def _holds(self, text: str, when: When, day: date) -> str:
        """Does the year `text` names hold `day`: "current", "other", "?" or ""."""
        cues, today = self.cues, when.today
        this, then = when.number(today), when.number(day)
        if cues.current_year and cues.current_year.search(text):  # the year in course today
            if when.entry is not None:
                return _yes(this is not None and this == then)
            return "current" if day > today - YEAR else "other"  # without the entry: today's reading
        span = self._span(text, when)
        if number := self._ordinal(text, when):
            if then is not None:
                return _yes(number == then)
            if span:  # "la deuxième (depuis juin 2026)": its dates place it
                return _yes(span[0] <= day <= span[1])
            # without the entry, today's reading: the first year is past (the event of a year ago may be in it)
            return "other" if number == 1 and day > today - YEAR else "?"
        if cues.other_year and cues.other_year.search(text):
            if (when.entry is not None and this == then) or (when.entry is None and day > today - YEAR):
                return "other"
            return "?"  # which other year: not told
        if span:
            return _yes(span[0] <= day <= span[1])
        years = {int(y) for y in _DIGIT_YEAR.findall(text) if int(y) <= today.year}
        return _yes(day.year in years) if years else ""

    def _ordinal(self, text: str, when: When) -> int:
        """The year's number an ordinal of `text` gives ("la deuxième année", "année 2", "la seconde"), or 0."""
        if match := self._ordinal_year.search(text):
            return self._ordinals[match.group(1)]
        if match := self._numbered_year.search(text):
            return int(match.group(1))
        match = self._ordinal_alone.search(text) if when.ordinals else None
        return self._ordinals[match.group(1)] if match else 0

    def _span(self, text: str, when: When) -> tuple[date, date] | None:
        """The days a year named by its dates covers ("de septembre 2025 à août 2026", "depuis le 01/07/2026",
        "2025-2026" once the entry is known), or None when `text` names none."""
        found = self._days(text)
        for (_, end, first, _), (start, _, _, last) in itertools.pairwise(found):
            if self._range_end.fullmatch(text, end, start):
                return first, last
        for start, _, first, _ in found:
            if self._open_start and self._open_start.search(text, 0, start):
                return first, first + YEAR - relativedelta(days=1)
        pair = _YEAR_PAIR.search(text) if when.entry else None  # without the entry: its years in digits (below)
        if pair and when.entry and int(pair.group(2)) == int(pair.group(1)) + 1:
            start = when.entry + YEAR * (int(pair.group(1)) - when.entry.year)
            return start, start + YEAR - relativedelta(days=1)
        return None

    def _days(self, text: str, today: date | None = None) -> list[tuple[int, int, date, date]]:
        """The dates and months of `text` (find_dates', and a month with its year after any word: "de septembre
        2025"), each as (start, end, first day, last day), in order."""
        dates = []
        for m in find_dates(text, today):
            # "la panne du 18 novembre": the last 18 November up to today, not its dated neighbour's year
            value = _alone(m.text, today) if today and m.assumed_year else m.value
            if value:
                dates.append((m.start, m.start + len(m.text), value, _month_end(value) if m.month_only else value))
        numbers = calendar_names().numbers
        months = [
            (m.start(), m.end(), first, _month_end(first))
            for m in self._month.finditer(text)
            if not any(start <= m.start() < end for start, end, _, _ in dates)  # "mars 2025" of "15 mars 2025"
            for first in [date(int(m.group(2)), numbers[m.group(1)], 1)]
        ]
        return sorted(dates + months)

    def _read_dates(self, folded: str, today: date) -> tuple[tuple[date, date] | None, tuple[str, ...], list[date]]:
        """The damaging event's first and last possible days (None when no date is its) and its dates as written, and
        the dates said of the entry into force ("la convention court depuis le 01/10/2025"): the dates, up to today,
        whose nearest cue in their sentence (before them, else after them in their clause, not past another date) is an
        event or entry word ("la panne du 03/11/2026", "Le 03/11/2026, une faute …"), not another role's."""
        cues = {**self._cues, **self.cues.date_cues}
        found = self._days(folded, today)
        days: list[date] = []
        written: list[str] = []
        entries: list[date] = []
        for index, (start, end, first, last) in enumerate(found):
            if first > today:
                continue
            before = _SENTENCE_END.split(folded[found[index - 1][1] if index else 0 : start])[-1]
            # after it, its clause ("Le 03/11/2026, une faute …"; not "Depuis le 01/09/2025, chez eux, et une panne")
            after = folded[end : found[index + 1][0] if index + 1 < len(found) else None]
            opening = len(after) - len(after.lstrip(" ,"))
            after = after[opening : self.reader.clause_end(after, opening)]
            role = _nearest(before, cues) or _first(after, cues)
            if role == "event":
                days += [first, min(last, today)]
                written.append(folded[start:end])
            elif role == "entry":
                entries.append(first)
        return ((min(days), max(days)) if days else None), tuple(written), entries


def _event(when: When) -> str:
    """ "l'événement du …" the message dates, or ""."""
    if when.event is None:
        return ""
    first, last = when.event
    if first == last:
        return f"l'événement du {first:%d/%m/%Y}"
    return f"l'événement survenu entre le {first:%d/%m/%Y} et le {last:%d/%m/%Y}"


def _yes(holds: bool) -> str:
    return "current" if holds else "other"


def _alone(written: str, today: date) -> date | None:
    """A day written without a year, read alone (no neighbour gives it a year): the last such day up to today."""
    found = find_dates(written, today)
    return found[0].value if len(found) == 1 else None


def _month_end(first: date) -> date:
    return first + relativedelta(months=1, days=-1)


def _first(text: str, patterns: dict[str, re.Pattern[str]]) -> str | None:
    """The role whose cue starts first in `text`, or None."""
    found = [(match.start(), role != "event", role) for role, p in patterns.items() if (match := p.search(text))]
    return min(found)[2] if found else None  # of two at one place, the event
