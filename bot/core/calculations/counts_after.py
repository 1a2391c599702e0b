"""The count said after hours: "25 min x 2" (a multiplication sign), "une demi-journée de 3 heures, dix fois dans
l'année", "2 heures 30 chez nous, 2 fois" (a count of `repeat_words`, only words between, no figure): those hours, that
many times."""

from __future__ import annotations

import re

from .cues import Cues

MAX_REPEATS = 50  # a larger count before hours is no number of visits
COUNT_REACH = 30  # characters after hours where their count may stand ("2 heures 30 chez nous, 2 fois")
_BETWEEN = re.compile(r"[^\d.;:!?()+=]*")  # what may stand between the hours and their count: words, no figure
_SENTENCE_END = re.compile(r"[.;!?\n]")


class CountsAfter:
    """How many times hours are billed by the count written after them."""

    def __init__(self, cues: Cues) -> None:
        self._sign, self._repeat = cues.times_after, cues.repeat

    def __call__(self, text: str, end: int, starts: list[int]) -> int | None:
        """The count after hours ending at `end` (1 if too large to be visits), else None; not a count followed by
        hours in its sentence (of all the hours' `starts`: "2 h, puis 3 fois 1 h" counts the 1 h)."""
        if not (found := self._sign.match(text, end) if self._sign else None):
            found = self._repeat.search(text, end, end + COUNT_REACH)
            if not found or _BETWEEN.fullmatch(text, end, found.start()) is None:
                return None
            stop = ended.start() if (ended := _SENTENCE_END.search(text, found.end())) else len(text)
            if any(found.end() <= start < stop for start in starts):
                return None
        count = int(found.group(1))
        return count if 1 < count <= MAX_REPEATS else 1
