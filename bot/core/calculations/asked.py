"""What a price question asks: months, a range of days, a year (asked_months.py reads them), and the dates in
figures its hours are dated by."""

from __future__ import annotations

import re
from dataclasses import dataclass

OTHER_MONTH = "other_month"  # the role of hours of another month than the ones asked
OTHER_DAYS = "other_days"  # ... of another day of a month asked, out of the range of days asked ("du 1er au 15 …")
OTHER_YEAR = "other_year"  # ... of another year than the one asked ("réalisées en 2026": not the 15/12/2025's)
OTHER_PERIODS = (OTHER_MONTH, OTHER_DAYS, OTHER_YEAR)  # visits counted ("à trois reprises"), not billed
# "le 7/10", "12/11/2026", "12.06.2026", and an export's "2026-06-12": the day's, the month's and the year's groups
DAY_MONTH = re.compile(
    r"(?<![\w/.-])(?:(\d{1,2})/(\d{1,2})(?:/(\d{2}|\d{4}))?(?![\d/])|(\d{1,2})\.(\d{1,2})\.(\d{4})|(\d{4})-(\d{2})-(\d{2}))"
    r"(?![\d.-]\d)"
)
_ISO = 6  # the first group of an export's date, written year and month first
Day = tuple[int, int | None, int | None]  # a month, its day and its year if said
Mention = tuple[int, int, int, int | None, int | None]  # where a month is named or dated (start, end), its Day
BILLED = ("intervention", "travel")  # the roles of hours billed, which another period's are set apart from


@dataclass(frozen=True)
class Asked:
    """The months a question asks and, for a range of days ("du 1er au 15 septembre"), its first and last day."""

    months: frozenset[int] = frozenset()
    days: tuple[tuple[int, int], tuple[int, int]] | None = None  # (month, day) of the range's first and last day
    year: int | None = None  # a year asked ("les interventions réalisées en 2026")

    def holds(self, month: int, day: int | None, year: int | None = None) -> bool:
        """Is a date of `month` (and `day`, `year`, when said) one the question asks? A day unsaid is in its month."""
        if self.year and year and year != self.year:
            return False
        if not self.months:
            return True
        if month not in self.months or self.days is None or day is None:  # (not a day unsaid when one day is asked)
            return month in self.months and not (day is None and self.days is not None and self.days[0] == self.days[1])
        first, last = self.days
        return first <= (month, day) <= last if first <= last else not last < (month, day) < first  # past New Year

    def outside(self, date: Day) -> str:
        """The role of hours of a date the question does not ask: of another year, month, or day of its month."""
        if self.year and date[2] and date[2] != self.year:
            return OTHER_YEAR
        return OTHER_MONTH if date[0] not in self.months else OTHER_DAYS


def day_month(match: re.Match[str]) -> Day:
    """The month, day and year (if said) of a date in figures (`DAY_MONTH`)."""
    groups = match.groups()
    if groups[_ISO] is not None:
        return int(groups[_ISO + 1]), int(groups[_ISO + 2]), int(groups[_ISO])
    day, month, year = groups[0:3] if groups[0] is not None else groups[3:6]
    return int(month), int(day), (int(year) + (2000 if len(year) == 2 else 0)) if year else None
