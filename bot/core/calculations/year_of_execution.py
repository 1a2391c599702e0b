"""What places the liability cap's year of execution (execution_years.py): today, the entry into force and the
damaging event, and the small readings of days the years are computed with."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta

from ..date_mentions import find_dates

YEAR = relativedelta(years=1)


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


Reading = Callable[[], When]  # the message's dates read when first needed (they are slow to read)


def event_said(when: When) -> str:
    """ "l'événement du …" the message dates, or ""."""
    if when.event is None:
        return ""
    first, last = when.event
    if first == last:
        return f"l'événement du {first:%d/%m/%Y}"
    return f"l'événement survenu entre le {first:%d/%m/%Y} et le {last:%d/%m/%Y}"


def describe(when: When) -> str:
    """The year whose amount is the cap, as the answer names it ("l'année d'exécution du … au …, celle de …")."""
    bounds, event = _bounds(when), event_said(when)
    if event and bounds:
        return f"l'année d'exécution {bounds}, celle de {event}"
    if event:
        return f"l'année en cours d'exécution lors de {event}"
    if bounds:
        return f"l'année en cours d'exécution, {bounds}"
    return "l'année en cours d'exécution au moment de l'événement qui a causé le préjudice"


def placed(when: When) -> str:
    """The event placed in its year of execution (a sentence of the answer), or "" when it cannot be."""
    bounds, event = _bounds(when), event_said(when)
    if not (bounds and event and when.entry):
        return ""
    said = f"{event[0].upper()}{event[1:]} tombe dans l'année d'exécution {bounds}"
    return f" {said} (entrée en vigueur le {when.entry:%d/%m/%Y})."


def _bounds(when: When) -> str:
    """ "du … au …": the year of execution holding the event (else today), or "" when it cannot be told."""
    first, last = when.days
    number = when.number(first)
    if number is None or number != when.number(last):
        return ""
    start, end = when.bounds(number)
    return f"du {start:%d/%m/%Y} au {end:%d/%m/%Y}"


def yes(holds: bool) -> str:
    return "current" if holds else "other"


def alone(written: str, today: date) -> date | None:
    """A day written without a year, read alone (no neighbour gives it a year): the last such day up to today."""
    found = find_dates(written, today)
    return found[0].value if len(found) == 1 else None


def month_end(first: date) -> date:
    return first + relativedelta(months=1, days=-1)


def first_role(text: str, patterns: dict[str, re.Pattern[str]]) -> str | None:
    """The role whose cue starts first in `text`, or None."""
    found = [(match.start(), role != "event", role) for role, p in patterns.items() if (match := p.search(text))]
    return min(found)[2] if found else None  # of two at one place, the event


def anniversary_in(entry: date | None, year: int) -> date | None:
    """The day a year of execution starts in the calendar `year` (none without the entry into force)."""
    return entry + relativedelta(years=year - entry.year) if entry and year >= entry.year else None
