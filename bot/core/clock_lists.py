"""Times of day listed one after another ("6 appels de 25 min chacun (8h45, 10h, 11h10, 14h, 15h30, 16h50)"): when
things happened, never hours spent. Read before each hour's own words decide (times_of_day.py), which see no "à"."""

from __future__ import annotations

import re
from itertools import pairwise

LIST_LENGTH = 3  # hours in a row, at least, for a list of times of day ("2 h, 1 h 30" are two visits)
FIRST_HOUR, LAST_HOUR = 7, 21  # a list of times of day falls within a working day
_SEPARATOR = re.compile(r"\s*[,;/]\s*")  # marks only between the listed hours


def listed_times(text: str, hours: list[re.Match[str]]) -> set[int]:
    """The starts of those `hours` (matches of the duration pattern: number, hour unit, …, minutes) that make a list
    of times of day: LIST_LENGTH or more in a row with an hour unit, only a mark between two, each later than the one
    before, all within the working day."""
    found: set[int] = set()
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
