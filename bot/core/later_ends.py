"""A stay said to go on past a range of the day: "de 9h à 10h45 ; la conseillère est restée seule jusqu'à 11h30". The
time from the range's end to the later departure is time spent too, a stay of its own whose words say whose it is
(`stayed_on_words` with a departure word of knowledge/calculations.yaml, `durations:`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from decimal import Decimal

from .word_patterns import alternation

MAX_LATER = 4 * 60  # minutes at most past the range's end: a later time is another day's or another story's
_SENTENCE_END = re.compile(r"[.;!?]")
Stay = tuple[int, int, Decimal, tuple[int, int]]  # start, end, hours, minutes of the day from and to


class LaterEnds:
    """Reads the stays that go on past a range."""

    def __init__(
        self,
        stayed_on: list[str],
        departure: re.Pattern[str] | None,
        reach: int,
        minute: Callable[[re.Match[str]], int | None],
    ) -> None:
        self._stayed_on = re.compile(rf"(?<![a-z])(?:{alternation(stayed_on)})(?![a-z])") if stayed_on else None
        self._departure, self._reach, self._minute = departure, reach, minute  # (a time's minute of the day)

    def stays(
        self,
        text: str,
        ranges: Sequence[tuple[int, int, Decimal | None, tuple[int, int]]],
        clock: Sequence[re.Match[str]],
        paired: set[int],
    ) -> list[Stay]:
        """The stays going on from the end of one of `ranges` to a time of day of `clock` that no arrival paired (indexes
        `paired`): after a word of staying on and a departure word, nothing timed between them, in the range's sentence
        or the next one."""
        if not (self._stayed_on and self._departure and ranges and self._stayed_on.search(text)):
            return []
        found: list[Stay] = []
        for index, match in enumerate(clock):
            minute = self._minute(match)
            before = [r for r in ranges if r[1] <= match.start()]
            if index in paired or minute is None or not before or before[-1][2] is None:
                continue
            _, end, _, (_, last) = before[-1]
            between = text[end : match.start()]
            said = self._stayed_on.search(between)
            if (
                said is None
                or not self._departure.search(text, max(end, match.start() - self._reach), match.start())
                or any(end <= other.start() < match.start() for other in clock)
                or len(_SENTENCE_END.findall(between)) > 1
                or not 0 < minute - last <= MAX_LATER
            ):
                continue
            start = end + said.start()
            hours = (Decimal(minute - last) / 60).quantize(Decimal("0.0001"))
            found.append((start, match.end(), hours, (last, minute)))
        return found
