"""Dates in French questions, and the convention's calendar (Articles 3 and 6).

The convention runs two years from the last signature and renews tacitly for two-year
periods; a party that wants out sends a registered letter (LRAR) at least three months
before the anniversary. Month arithmetic follows relativedelta: 29 February plus two
years is 28 February, and three months before 31 May is 28 (or 29) February.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta

from .french import fold

PERIOD = relativedelta(years=2)
NOTICE = relativedelta(months=3)
EARLIEST_YEAR = 2000  # the parties' authorizations date from 2024-2025; older is a typo

MONTHS = {
    "janvier": 1,
    "janv": 1,
    "fevrier": 2,
    "fevr": 2,
    "fev": 2,
    "mars": 3,
    "avril": 4,
    "avr": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "juil": 7,
    "aout": 8,
    "septembre": 9,
    "sept": 9,
    "octobre": 10,
    "oct": 10,
    "novembre": 11,
    "nov": 11,
    "decembre": 12,
    "dec": 12,
}
MONTH_NAMES = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]

_NUMERIC = re.compile(r"(?<![\d.,/-])(\d{1,4})([/.-])(\d{1,2})\2(\d{2,4})(?![\d/.-]*\d)")
_WRITTEN = re.compile(
    r"(?<!\d)(\d{1,2})\s*(?:er|e)?\s+(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?\s+(\d{4})(?!\d)"
)


@dataclass(frozen=True)
class DateMention:
    """A date written in a question: the date, or why it is not one."""

    text: str
    value: date | None
    problem: str = ""


def find_dates(question: str) -> list[DateMention]:
    """Every date written in `question` (15/03/2025, 2025-03-15, 15 mars 2025, 1er juin 2025)."""
    folded = fold(question)
    found: list[tuple[int, DateMention]] = []
    for match in _NUMERIC.finditer(folded):
        first, _, middle, last = match.groups()
        if len(first) == 4:
            year, month, day = int(first), int(middle), int(last)
        else:
            day, month, year = int(first), int(middle), int(last)
            year += 2000 if len(last) == 2 else 0
        found.append((match.start(), _mention(match.group(0), year, month, day)))
    for match in _WRITTEN.finditer(folded):
        day, month, year = int(match.group(1)), MONTHS[match.group(2)], int(match.group(3))
        found.append((match.start(), _mention(match.group(0), year, month, day)))
    return [mention for _, mention in sorted(found, key=lambda item: item[0])]


def _mention(text: str, year: int, month: int, day: int) -> DateMention:
    try:
        value = date(year, month, day)
    except ValueError:
        return DateMention(text, None, f"« {text} » n'est pas une date valide (ce jour n'existe pas)")
    return DateMention(text, value)


@dataclass(frozen=True)
class Deadlines:
    """The convention's calendar for one signature date, seen on `today`."""

    signature: date
    today: date
    period_number: int  # the two-year period that contains today (1 = the first)
    period_end: date
    notice_deadline: date  # last day to send the LRAR so as not to renew at period_end
    notice_passed: bool
    next_period_end: date
    next_notice_deadline: date

    @property
    def days_left(self) -> int:
        """Days from today to the notice deadline that is still open."""
        target = self.next_notice_deadline if self.notice_passed else self.notice_deadline
        return (target - self.today).days


def plausibility_problem(signature: date, today: date) -> str:
    """Why a signature date cannot be the convention's, or "" if it can."""
    if signature.year < EARLIEST_YEAR:
        return f"la date du {format_date(signature)} est antérieure à la convention (qui date de 2024-2025)"
    if signature > today + relativedelta(years=1):
        return f"la date du {format_date(signature)} est trop loin dans l'avenir pour une signature"
    return ""


def compute_deadlines(signature: date, today: date) -> Deadlines:
    """The current two-year period of a convention signed on `signature`, and its deadlines."""
    number = 1
    while signature + PERIOD * number < today:
        number += 1
    end = signature + PERIOD * number
    following = signature + PERIOD * (number + 1)
    # Periods are counted from the signature, not chained, so 31 May never drifts to 28 May.
    notice = end - NOTICE
    return Deadlines(
        signature=signature,
        today=today,
        period_number=number,
        period_end=end,
        notice_deadline=notice,
        notice_passed=notice < today,
        next_period_end=following,
        next_notice_deadline=following - NOTICE,
    )


def format_date(value: date) -> str:
    """French long and short forms: "vendredi 1er janvier 2027 (01/01/2027)"."""
    day = "1er" if value.day == 1 else str(value.day)
    return f"{WEEKDAYS[value.weekday()]} {day} {MONTH_NAMES[value.month - 1]} {value.year} ({value:%d/%m/%Y})"
