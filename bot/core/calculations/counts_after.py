"""The count said right after hours: "25 min x 2" (a multiplication sign), "une demi-journée de 3 heures, dix fois dans
l'année" (a count of `repeat_words`, only a comma or spaces between): those hours, that many times."""

from __future__ import annotations

import re

from .cues import Cues

MAX_REPEATS = 50  # a larger count before hours is no number of visits
HOURS_REACH = 6  # characters after a count where hours of its own start ("1 h, 2 visites de 30 min": the 30 min's)
_BETWEEN = re.compile(r"[ ,]*")  # what may stand between the hours and their count


class CountsAfter:
    """How many times hours are billed by the count written right after them."""

    def __init__(self, cues: Cues) -> None:
        self._sign, self._repeat = cues.times_after, cues.repeat

    def __call__(self, text: str, end: int, starts: list[int]) -> int | None:
        """The count right after hours ending at `end` (1 if too large to be visits), else None; not a count followed
        by hours of its own (of all the hours' `starts`)."""
        if not (found := self._sign.match(text, end) if self._sign else None):
            found = self._repeat.match(text, _BETWEEN.match(text, end).end())
            if not found or any(found.end() <= start <= found.end() + HOURS_REACH for start in starts):
                return None
        count = int(found.group(1))
        return count if 1 < count <= MAX_REPEATS else 1
