"""A range of the day said planned, then cut short or begun late in its own sentence: "une séance prévue de 14h à 18h,
mais il est reparti à 17h" is 3 hours spent, not 4 (the CDG 62 bills the time spent, article 4.2.1). The words are data
(knowledge/calculations.yaml, `durations:` `planned_range_words`, with the arrival and departure words)."""

from __future__ import annotations

import re
from collections.abc import Callable

from .word_patterns import ending

PLANNED_REACH = 30  # characters before a range where a planning word makes it planned ("prévue de")
ACTUAL_REACH = 80  # characters after it where its actual start or end is told, in its sentence
_SENTENCE_END = re.compile(r"[.;!?\n]")


class PlannedRanges:
    """Reads the actual bounds of a planned range."""

    def __init__(
        self,
        planned: list[str],
        spans: tuple[re.Pattern[str] | None, re.Pattern[str] | None],
        time: re.Pattern[str],
        minutes: Callable[[str | None], int],
    ) -> None:
        self._planned = ending(planned, r"[^.;!?\n]{0,12}?(?:de|entre)") if planned else None
        self._arrival, self._departure = spans  # the arrival and departure words
        self._time, self._minutes = time, minutes  # one time of day ("17h", "17 heures 30"), its minutes past the hour

    def actual(self, text: str, start: int, end: int, bounds: tuple[int, int]) -> tuple[int, int]:
        """The minutes of the day the range at `start`..`end` (minutes `bounds`) was actually spent: a departure or an
        arrival told after it at a time within it, when it is said planned; else `bounds`."""
        first, last = bounds
        if not (self._planned and self._planned.search(text, max(0, start - PLANNED_REACH), start)):
            return bounds
        after = _SENTENCE_END.split(text[end : end + ACTUAL_REACH])[0]
        for match in self._time.finditer(after):
            minute = int(match.group("h")) * 60 + self._minutes(match.group("m"))
            if not first < minute < last:
                continue
            # the word nearest the time says which bound it is ("il est arrivé à 15h": an arrival, not "il est")
            leaves, comes = (
                _last_start(pattern, after[: match.start()]) for pattern in (self._departure, self._arrival)
            )
            if max(leaves, comes) >= 0:
                first, last = (first, minute) if leaves > comes else (minute, last)
        return first, last


def _last_start(pattern: re.Pattern[str] | None, words: str) -> int:
    """Where the last match of `pattern` in `words` starts, or -1."""
    return max((match.start() for match in pattern.finditer(words)), default=-1) if pattern else -1
