"""Days written alone after a date, in the same breath ("signée par nous le 3 février 2026, par le CDG le 11 et par La
Fibre le 19"): each is a day of that date's month and year. Only a later day of that month (an earlier one may be of
the next month), a list's few words after it (`GAP_WORDS`: "…, par le CDG le 11"; not "l'avis de réception est revenu
signé le 29", a story's), and never a count or an hour ("le 11 h", "le 19/03" is read as a date)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from functools import cache

from .calendar_names import calendar_names
from .date_mention import DateMention
from .word_patterns import alternation

GAP_WORDS = 4  # the most words between a date (or the day before) and a day alone continuing it: a list's words
# "le 11", "du 12", "au 19", "le 1er": a day alone; not a count, an hour, a number with its unit, a date in digits
_BARE_DAY = re.compile(
    r"(?<![\w'])(?:le|du|au)\s+(\d{1,2})(?:er)?(?![\w/°%€]|[.,:h]\d|\s*(?:h\b|heures?|min|euros?|%|€|mois|jours?|ans?"
    r"|semaines?|km|fois))"
)
_BREAK = re.compile(r"[!?;\n]")  # no day alone continues a date across these


def bare_days(folded: str, found: Sequence[DateMention]) -> list[DateMention]:
    """The days alone of `folded` that continue a date of `found` (sorted by start) before them."""
    days: list[DateMention] = []
    exact = [m for m in found if m.value and not (m.month_only or m.approximate or m.relative)]
    taken = {m.start for m in found}
    for match in _BARE_DAY.finditer(folded):
        before = [m for m in [*exact, *days] if m.start < match.start()]
        if taken & {match.start(), match.start(1)} or not before:
            continue
        last = max(before, key=lambda mention: mention.start)
        gap = folded[last.start + len(last.text) : match.start()]
        day = int(match.group(1))
        if (
            last.value is None
            or len(gap.split()) > GAP_WORDS
            or _BREAK.search(gap)
            or _month().search(gap)
            or day <= last.value.day
        ):
            continue
        try:
            value = date(last.value.year, last.value.month, day)
        except ValueError:
            continue
        days.append(replace(last, text=folded[match.start() : match.end()], value=value, start=match.start()))
    return days


@cache
def _month() -> re.Pattern[str]:
    """A month named or a year written ("… le 11/03 … en fevrier (le 10 et le 17)": February's days, not March's)."""
    return re.compile(rf"(?<![a-z])(?:{alternation(calendar_names().numbers)})(?![a-z])|\d{{4}}|\d/\d")
