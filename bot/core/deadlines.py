"""The convention's calendar (Articles 3 and 6); the dates of a question are read by date_mentions.py.

The convention runs two years from the last signature and renews tacitly for two-year
periods; a party that wants out sends a registered letter (LRAR) at least three months
before the anniversary. Month arithmetic follows relativedelta: 29 February plus two
years is 28 February, and three months before 31 May is 28 (or 29) February.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from dateutil.relativedelta import relativedelta

from .calendar_names import calendar_names

PERIOD = relativedelta(years=2)
NOTICE = relativedelta(months=3)
EARLIEST_YEAR = 2000  # the parties' authorizations date from 2024-2025; older is a typo
# The calendars and dates written of the last days asked: each question of a message reads its dates again.
DAYS_KEPT = 256


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
    def open_notice(self) -> date:
        """The notice deadline still ahead (or today): the one that matters now."""
        return self.next_notice_deadline if self.notice_passed else self.notice_deadline

    @property
    def open_end(self) -> date:
        """The period end that the open notice deadline leads to."""
        return self.next_period_end if self.notice_passed else self.period_end

    @property
    def days_left(self) -> int:
        """Days from today to the notice deadline that is still open."""
        return (self.open_notice - self.today).days


def from_anniversary(anniversary: date, today: date) -> Deadlines:
    """The calendar when the anniversary (échéance) is what the user knows, not the signature."""
    signature = anniversary - PERIOD
    while signature > today:
        signature -= PERIOD
    return compute_deadlines(signature, today)


def alarm_day(deadline: date, today: date, before: relativedelta) -> tuple[date, bool]:
    """When a calendar alarm `before` `deadline` should ring, and whether it had to move:
    an alarm already past rings tomorrow instead (or on the day itself when that is sooner)."""
    wanted = deadline - before
    if wanted > today:
        return wanted, False
    return min(today + relativedelta(days=1), deadline), True


@lru_cache(maxsize=DAYS_KEPT)
def period_end(signature: date, number: int) -> date:
    """The end of the `number`-th two-year period of a convention signed on `signature` (0: the signature itself)."""
    return signature + PERIOD * number


@lru_cache(maxsize=DAYS_KEPT)
def plausibility_problem(signature: date, today: date) -> str:
    """Why a signature date cannot be the convention's, or "" if it can."""
    if signature.year < EARLIEST_YEAR:
        return f"la date du {format_date(signature)} est antérieure à la convention (qui date de 2024-2025)"
    if signature > today + relativedelta(years=1):
        return f"la date du {format_date(signature)} est trop loin dans l'avenir pour une signature"
    return ""


@lru_cache(maxsize=DAYS_KEPT)  # relativedelta's month arithmetic is slow; a Deadlines is frozen
def compute_deadlines(signature: date, today: date) -> Deadlines:
    """The current two-year period of a convention signed on `signature`, and its deadlines."""
    number = 1
    while period_end(signature, number) < today:
        number += 1
    end = period_end(signature, number)
    following = period_end(signature, number + 1)
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


@lru_cache(maxsize=DAYS_KEPT)
def format_date(value: date) -> str:
    """French long and short forms: "vendredi 1er janvier 2027 (01/01/2027)"."""
    day = "1er" if value.day == 1 else str(value.day)
    names = calendar_names()
    return f"{names.weekdays[value.weekday()]} {day} {names.months[value.month - 1]} {value.year} ({value:%d/%m/%Y})"
