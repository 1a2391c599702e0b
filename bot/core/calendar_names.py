"""The calendar's names the dates are read with (see `CalendarNames`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from .french import fold


@dataclass(frozen=True)
class CalendarNames:
    """French month and weekday names from the CLDR (babel), not from a list kept by hand: "janvier", "janv",
    "fevr"… Read once; the engine cache keeps them, so that a cached `ask` does not load babel's locale data."""

    months: tuple[str, ...]  # wide, January first
    weekdays: tuple[str, ...]  # wide, Monday first
    numbers: dict[str, int]  # folded wide and abbreviated month names -> month number
    # Days named from today (CLDR's relative date fields), folded: "hier" -1, "apres-demain" 2; "mardi dernier" the
    # last Tuesday before today (weekday, -1), "mardi prochain" the next one (weekday, 1); "dans {0} jours" counted
    # forward in days (1), "il y a {0} jours" back (-1), "dans {0} semaines" forward in weeks (7).
    near_days: dict[str, int] = field(default_factory=dict)
    weekday_moves: dict[str, tuple[int, int]] = field(default_factory=dict)
    counted_days: dict[str, int] = field(default_factory=dict)
    # ... and in months: "dans {0} mois" forward a month each (1)
    counted_months: dict[str, int] = field(default_factory=dict)
    # Years named from today's, folded: "l'an dernier" and "l'annee derniere" -1, "cette annee" 0, "l'an prochain" 1.
    year_moves: dict[str, int] = field(default_factory=dict)
    today: str = ""  # folded: "aujourd'hui" (a day named, not a date moved: the dates read no "today" from it)


_names: CalendarNames | None = None


def calendar_names() -> CalendarNames:
    global _names
    if _names is None:
        from babel.dates import get_day_names, get_month_names

        months = tuple(get_month_names("wide", locale="fr")[number] for number in range(1, 13))
        weekdays = tuple(get_day_names("wide", locale="fr")[number] for number in range(7))
        numbers = {
            fold(name).rstrip("."): number
            for width in ("wide", "abbreviated")
            for number, name in get_month_names(width, locale="fr").items()
        }
        _names = CalendarNames(
            months, weekdays, {**_three_letters(months, weekdays), **numbers}, *_relative_names(weekdays)
        )
    return _names


# CLDR's fields for days counted from today: the units read in days, and the weekdays' keys, Monday first.
_COUNTED_UNITS = {"day": 1, "week": 7}
_COUNTED_MONTHS = {"month": 1}  # a unit of no fixed number of days ("dans 2 ans" is a duration more often than a date)
# Counted back, weeks and months are relative_dates.ago's ("il y a 3 semaines", which leaves them to an exact day told
# beside them: "il y a 2 mois, le 28/09/2026"): only their days ahead are read here.
_AGO_UNITS = {"week", "month"}
_WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _relative_names(
    weekdays: tuple[str, ...],
) -> tuple[dict[str, int], dict[str, tuple[int, int]], dict[str, int], dict[str, int], dict[str, int], str]:
    """The days named from today, from CLDR's relative date fields, and today's own name: babel keeps them in its
    locale data (no public getter; `format_timedelta` reads the same). A babel without them gives none: such days are
    then not read."""
    from babel import Locale

    fields = Locale.parse("fr")._data.get("date_fields", {})
    days = fields.get("day", {}).get("relative", {})
    near = {fold(name): offset for offset, name in days.items() if offset}
    moves = {
        fold(name): (index, offset)
        for index, key in enumerate(_WEEKDAY_KEYS[: len(weekdays)])
        for offset, name in fields.get(key, {}).get("relative", {}).items()
        if offset in (-1, 1)
    }
    counted, months = (
        {
            fold(pattern): size * (1 if direction == "future" else -1)
            for unit, size in units.items()
            for direction in ("future", "past")
            for pattern in fields.get(unit, {}).get(direction, {}).values()
            if "{0}" in pattern and not (direction == "past" and unit in _AGO_UNITS)
        }
        for units in (_COUNTED_UNITS, _COUNTED_MONTHS)
    )
    years = {
        fold(name): offset
        for width in ("year", "year-short")  # "l'annee derniere", "l'an dernier"
        for offset, name in fields.get(width, {}).get("relative", {}).items()
    }
    return near, moves, counted, months, years, fold(days.get(0, ""))


def use_calendar_names(names: CalendarNames) -> None:
    """Take the names the engine cache kept (the cache's key covers babel's version)."""
    global _names
    _names = names


def _three_letters(months: tuple[str, ...], weekdays: tuple[str, ...]) -> dict[str, int]:
    """A month's first three letters as written in a hurry ("le 5 fev", "15 dec"): only those that name one month and
    start no weekday ("jui" is June and July, "mar" starts "mardi")."""
    heads = [fold(name)[:3] for name in months]
    days = tuple(fold(day)[:3] for day in weekdays)
    return {head: n for n, head in enumerate(heads, start=1) if heads.count(head) == 1 and head not in days}


@cache
def day_of_month() -> re.Pattern[str]:
    """A day of a month in folded text ("9 decembre", "1er mars 2026")."""
    months = "|".join(re.escape(fold(month)) for month in calendar_names().months)
    return re.compile(rf"(?<!\w)\d{{1,2}}(?:er)?\s+(?:{months})(?!\w)(?:\s+\d{{4}}(?!\d))?")
