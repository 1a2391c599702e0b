"""A date written in a message, as the readers of dates give it (date_mentions.py, relative_dates.py)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date


@dataclass(frozen=True)
class DateMention:
    """A date written in a question: the date, or why it is not one."""

    text: str
    value: date | None
    problem: str = ""
    start: int = 0
    assumed_year: bool = False  # written without a year: the year was chosen (and the answer says so)
    month_only: bool = False  # "en avril 2025": `value` is the 1st, the day is unknown
    approximate: bool = False  # "il y a 18 mois": counted back from today, the exact day is unknown
    relative: bool = False  # "hier", "dans 10 jours": named from today, never taken for the signature unless said


def mention(text: str, year: int, month: int, day: int, start: int) -> DateMention:
    """The date `day`/`month`/`year` written as `text` at `start`, or why it is no date (31/02)."""
    try:
        value = date(year, month, day)
    except ValueError:
        return DateMention(text, None, f"« {text} » n'est pas une date valide (ce jour n'existe pas)", start)
    return DateMention(text, value, "", start)


def yearless(text: str, month: int, day: int, start: int, today: date, weekday: int | None = None) -> DateMention:
    """A day written without a year ("le 15 mars", "le 22/01"): the last such day up to `today`, its year assumed;
    with its `weekday` (0: Monday; "le mardi 15 décembre"), the year around today where it falls on that day, if one
    does: a signature to come at a meeting is not last year's."""
    around = (today.year - 1, today.year, today.year + 1)
    if weekday is not None and (years := [y for y in around if _weekday_of(y, month, day) == weekday]):
        year = min(years, key=lambda y: abs((date(y, month, day) - today).days))
        return mention(text, year, month, day, start)
    year = today.year if (month, day) <= (today.month, today.day) else today.year - 1
    return replace(mention(text, year, month, day, start), assumed_year=True)


def _weekday_of(year: int, month: int, day: int) -> int | None:
    try:
        return date(year, month, day).weekday()
    except ValueError:
        return None  # 29 February of a common year
