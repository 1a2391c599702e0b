"""Hours dated after the day a message is asked ("2h30 le 3 novembre, 1h30 le 17 novembre, 2h le 8 décembre", asked on
28 November): a visit to come, not due yet, when hours of a day already passed are billed beside them; alone, the visit
asked is priced ("il vient le 8 décembre pour 2 h, combien ?"). A date without its year is read as its nearest
occurrence, at most a month ahead: "le 8 décembre" asked on 28 November is to come, "le 15 décembre" asked on 10
January is past, "le 5 janvier" asked on 20 December to come, "le 3 février" asked on 28 November past."""

from __future__ import annotations

from datetime import date, timedelta

from ..cost import Duration
from .asked import BILLED, Day

# A day without its year is at most a month ahead (a visit told is more often past than to come): "le 3 février" asked on
# 28 November is last February's, not next year's. Narrower than relative_dates.NEAR_FUTURE (a quarter, for a day
# after a dated one; the same window here lost a February and March list asked in November). The dates come from
# AskedMonths (tuples of the hours' days), not date_mentions' DateMention, whose `yearless` reads every such day as
# past and `years_from_neighbours` is the same idea as the year carried forward in `to_come`, over other objects.
AHEAD, YEAR = timedelta(days=31), timedelta(days=365)


def dated(day: Day | None, today: date) -> date | None:
    """The date of `day` (a month, its day, its year if said); not said, its year the nearest to `today`, the date at
    most a month ahead."""
    if day is None or day[1] is None:
        return None
    month, number, year = day
    try:
        found = date(year or today.year, month, number)
        if year is None and found - today > AHEAD:  # "le 15 décembre" asked on 10 January: last year's
            found = found.replace(year=today.year - 1)
        elif year is None and today - found > YEAR - AHEAD:  # "le 5 janvier" asked on 20 December: next year's
            found = found.replace(year=today.year + 1)
    except ValueError:  # "le 31 novembre", "le 29 février" of a common year: no day to place
        return None
    return found


def to_come(
    roles: list[tuple[Duration, str]], days: list[Day | None], done: list[bool], today: date
) -> list[tuple[Duration, str]]:
    """`roles` (with each one's day, `days`), the billed hours dated after `today` given the role "to_come" when billed
    hours of a day already passed stand beside them, unless said `done` ("le CDG a fait … 3 h le 9 décembre"). A day
    without its year takes the one written last before it ("Visite du 26/01/2027 … le 2 février": 2027's)."""
    when, year = [], None
    for day in days:
        year = day[2] if day and day[2] else year
        when.append(dated((day[0], day[1], day[2] or year) if day else None, today))
    if not any(on is not None and on <= today for on, (_, role) in zip(when, roles, strict=True) if role in BILLED):
        return roles
    return [
        (duration, "to_come" if role in BILLED and on is not None and on > today and not said else role)
        for on, said, (duration, role) in zip(when, done, roles, strict=True)
    ]
