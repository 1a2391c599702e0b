"""The calendar's names the dates are read with (see `CalendarNames`)."""

from __future__ import annotations

from dataclasses import dataclass

from .french import fold


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

        months = tuple(get_month_names("wide", locale="fr")[number] for number in range(1, 13))
        weekdays = tuple(get_day_names("wide", locale="fr")[number] for number in range(7))
        numbers = {
            fold(name).rstrip("."): number
            for width in ("wide", "abbreviated")
            for number, name in get_month_names(width, locale="fr").items()
        }
        _names = CalendarNames(months, weekdays, {**_three_letters(months, weekdays), **numbers})
    return _names


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
