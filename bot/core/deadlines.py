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
from functools import cache, lru_cache

from dateutil.relativedelta import relativedelta

from .french import fold

PERIOD = relativedelta(years=2)
NOTICE = relativedelta(months=3)
EARLIEST_YEAR = 2000  # the parties' authorizations date from 2024-2025; older is a typo

_NUMERIC = re.compile(r"(?<![\d.,/-])(\d{1,4})([/.-])(\d{1,2})\2(\d{2,4})(?![\d/.-]*\d)")
# "il y a 18 mois", "il y a deux ans": counted back from today, an approximate day (the answer says so).
_AGO = re.compile(r"\bil y a (\d{1,3}|[a-z]+(?:[ -][a-z]+)?) (ans?|annees?|mois|semaines?)( et demie?)?\b")
_AGO_UNITS = {"an": "years", "ans": "years", "annee": "years", "annees": "years", "mois": "months"}


@dataclass(frozen=True)
class CalendarNames:
    """French month and weekday names from the CLDR (babel), not from a list kept by hand: "janvier", "janv",
    "fevr"… Read once; the engine cache keeps them, so that a cached `ask` does not load babel's locale data."""

    months: tuple[str, ...]  # wide, January first
    weekdays: tuple[str, ...]  # wide, Monday first
    numbers: dict[str, int]  # folded wide and abbreviated month names -> month number


_names: CalendarNames | None = None


def calendar_names() -> CalendarNames:
    global _names
    if _names is None:
        from babel.dates import get_day_names, get_month_names

        _names = CalendarNames(
            tuple(get_month_names("wide", locale="fr")[number] for number in range(1, 13)),
            tuple(get_day_names("wide", locale="fr")[number] for number in range(7)),
            {
                fold(name).rstrip("."): number
                for width in ("wide", "abbreviated")
                for number, name in get_month_names(width, locale="fr").items()
            },
        )
    return _names


def use_calendar_names(names: CalendarNames) -> None:
    """Take the names the engine cache kept (the cache's key covers babel's version)."""
    global _names
    _names = names


@cache
def _month_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """ "15 mars 2025", "le 3 fevrier dernier"; "en avril 2025": built from the month names."""
    month = "(" + "|".join(sorted(calendar_names().numbers, key=len, reverse=True)) + r")\b"
    written = re.compile(r"(?<!\d)(\d{1,2}) ?(?:er|e)? " + month + r"\.? ?(\d{4})?(?!\d)( dernier)?")
    return written, re.compile(r"\b(?:en|d'|courant|fin|debut|mi-?) ?" + month + r" (\d{4})(?!\d)")


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


def find_dates(question: str, today: date | None = None) -> list[DateMention]:
    """Every date written in `question` (15/03/2025, 2025-03-15, 15 mars 2025, 1er juin 2025).

    Given `today`, also the dates written without a year ("le 15 mars", "le 3 février dernier":
    the last such day up to today) and months without a day ("en avril 2025")."""
    return list(_find_dates(question, today))


@lru_cache(maxsize=8)  # the calculators of one question read its dates in turn (deadlines, interest): once
def _find_dates(question: str, today: date | None) -> tuple[DateMention, ...]:
    folded = " ".join(fold(question).split())
    written, month_year = _month_patterns()
    months = calendar_names().numbers
    found: list[DateMention] = []
    for match in _NUMERIC.finditer(folded):
        first, _, middle, last = match.groups()
        if len(first) == 4:
            year, month, day = int(first), int(middle), int(last)
        else:
            day, month, year = int(first), int(middle), int(last)
            year += 2000 if len(last) == 2 else 0
        found.append(_mention(match.group(0), year, month, day, match.start()))
    for match in written.finditer(folded):
        day, month = int(match.group(1)), months[match.group(2)]
        if match.group(3):
            found.append(_mention(match.group(0).strip(), int(match.group(3)), month, day, match.start()))
        elif today is not None:
            year = today.year if (month, day) <= (today.month, today.day) else today.year - 1
            mention = _mention(match.group(0), year, month, day, match.start())
            found.append(DateMention(mention.text.strip(), mention.value, mention.problem, mention.start, True))
    if today is not None:
        for match in month_year.finditer(folded):
            if not any(m.start <= match.start() < m.start + len(m.text) + 8 for m in found):
                month, year = months[match.group(1)], int(match.group(2))
                found.append(DateMention(match.group(0), date(year, month, 1), "", match.start(), month_only=True))
        found.extend(_ago(folded, today))
    found.sort(key=lambda mention: mention.start)
    return tuple(_years_from_neighbours(found, today) if today is not None else found)


def _ago(folded: str, today: date) -> list[DateMention]:
    """ "il y a 18 mois" → today minus 18 months, flagged approximate."""
    found = []
    for match in _AGO.finditer(folded):
        number = match.group(1)
        try:
            if number.isdigit():
                count = int(number)
            else:
                from text_to_num import text2num  # rarely needed: not loaded by every answer

                count = int(text2num(number, "fr"))
        except ValueError:
            continue  # "il y a quelques mois": no number, no date
        unit = _AGO_UNITS.get(match.group(2), "weeks")
        if match.group(3):  # "il y a un an et demi": 18 months; half a month or week is too vague to count
            if unit != "years":
                continue
            unit, count = "months", count * 12 + 6
        if 0 < count <= 30 * (12 if unit == "months" else 52 if unit == "weeks" else 1):
            value = today - relativedelta(**{unit: count})
            found.append(DateMention(match.group(0), value, "", match.start(), approximate=True))
    return found


def _years_from_neighbours(found: list[DateMention], today: date) -> list[DateMention]:
    """A date without a year takes its nearest dated neighbour's ("le 2 octobre 2025, le CDG le 14 octobre"),
    unless that would put it after today (then it stays the last such day up to today)."""
    dated = [m for m in found if m.value and not m.assumed_year and not m.month_only]
    if not dated:
        return found
    result = []
    for mention in found:
        if mention.assumed_year and mention.value:
            year = min(dated, key=lambda m: abs(m.start - mention.start)).value.year  # type: ignore[union-attr]
            try:
                moved = mention.value.replace(year=year)
            except ValueError:  # 29 February of a common year
                moved = None
            if moved is not None and moved <= today:
                mention = DateMention(mention.text, moved, "", mention.start, True)
        result.append(mention)
    return result


def _mention(text: str, year: int, month: int, day: int, start: int) -> DateMention:
    try:
        value = date(year, month, day)
    except ValueError:
        return DateMention(text, None, f"« {text} » n'est pas une date valide (ce jour n'existe pas)", start)
    return DateMention(text, value, "", start)


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
    names = calendar_names()
    return f"{names.weekdays[value.weekday()]} {day} {names.months[value.month - 1]} {value.year} ({value:%d/%m/%Y})"
