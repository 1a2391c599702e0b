"""Times of day listed one after another ("6 appels de 25 min chacun (8h45, 10h, 11h10, 14h, 15h30, 16h50)"), or
opening the rows of a day's timetable whose other rows open with a range ("- 7h30 : ouverture du centre ; - 9h-11h30 :
formation"): when things happened, never hours spent. Read before each hour's own words decide (times_of_day.py), which
see no "à"."""

from __future__ import annotations

import re
from itertools import pairwise

LIST_LENGTH = 3  # hours in a row, at least, for a list of times of day ("2 h, 1 h 30" are two visits)
FIRST_HOUR, LAST_HOUR = 7, 21  # a list of times of day falls within a working day
_SEPARATOR = re.compile(r"\s*[,;/]\s*")  # marks only between the listed hours
# a row's opening: the text's start or a line's, or a bullet (the lines read as one: "… : - 7h30 : … habitude - 9h-…")
_ROW_OPENING = re.compile(r"(?:\n|[\s:;.][-•*–—])\s*$")
_LABEL = re.compile(r"\s*[:–—-]\s*[a-z]")  # what the row's hours were: "7h30 : ouverture", "9h-11h30 – formation"
ROW_REACH = 8  # characters before hours where their row opens
Range = tuple[int, int, object, tuple[int, int]]  # a range's start and end, its hours, its minutes of the day


def listed_times(text: str, hours: list[re.Match[str]], ranges: list[Range]) -> set[int]:
    """The starts of those `hours` (matches of the duration pattern: number, hour unit, …, minutes) that make a list
    of times of day: LIST_LENGTH or more in a row with an hour unit, only a mark between two, each later than the one
    before, all within the working day; or that open a timetable's row (`_row_times`)."""
    found = _row_times(text, hours, ranges)
    run: list[re.Match[str]] = []
    for match in [*hours, None]:
        if match is not None and match.group(2) and run and _SEPARATOR.fullmatch(text, run[-1].end(), match.start()):
            run.append(match)
            continue
        if len(run) >= LIST_LENGTH and _ascending_day([_clock(m) for m in run]):
            found.update(m.start() for m in run)
        run = [match] if match is not None and match.group(2) else []
    return found


def _clock(match: re.Match[str]) -> float:
    """The time of day an hour match writes, in hours ("15h30": 15.5); -1 when its figures are not digits."""
    hour, minutes = match.group(1), match.group(4) or "0"
    if not (hour.isdigit() and minutes.strip().isdigit()):
        return -1
    return int(hour) + int(minutes.strip()) / 60


def _ascending_day(times: list[float]) -> bool:
    return all(FIRST_HOUR <= t < LAST_HOUR for t in times) and all(a < b for a, b in pairwise(times))


def _row_times(text: str, hours: list[re.Match[str]], ranges: list[Range]) -> set[int]:
    """The starts of those `hours` alone at a row's opening, labelled, in a timetable whose rows open in the day's
    order, one at least with a range of `ranges` (start, end, hours, minutes of the day)."""
    rows = [(start, minutes / 60) for start, end, _, (minutes, _) in ranges if _opens_row(text, start, end)]
    if not rows:
        return set()
    inside = [(start, end) for start, end, *_ in ranges]
    alone = [
        (m.start(), _clock(m))
        for m in hours
        if m.group(2) and not any(a <= m.start() < b for a, b in inside) and _opens_row(text, m.start(), m.end())
    ]
    times = [clock for _, clock in sorted(rows + alone)]
    return {start for start, _ in alone} if alone and _ascending_day(times) else set()


def _opens_row(text: str, start: int, end: int) -> bool:
    """Do the hours written from `start` to `end` open a row and come before its label?"""
    before = text[start - ROW_REACH : start] if start > ROW_REACH else "\n" + text[:start]  # (not a slice's start)
    return bool(_ROW_OPENING.search(before)) and bool(_LABEL.match(text, end))
