"""Days said from the date written just before them ("signée par nous le 4 novembre, par le CDG deux jours plus tard et
par La Fibre le lundi suivant"): that date moved on, read as a date of its own (knowledge/calculations.yaml,
`following_days`). Without a date before them they name nothing and are left out."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta

from ..calendar_names import calendar_names
from ..calendar_schema import FollowingDaysWords
from ..date_mention import DateMention
from ..french import fold
from ..relative_dates import count_of
from ..word_patterns import alternation

MAX_COUNT = 366  # days or weeks: more is no day said of another
# The count opening "{0} jours plus tard": one word, digits or letters ("deux", "vingt-deux"), never the word before it
# ("et nous deux jours après")
_COUNT = r"(\d{1,3}|[a-z]+(?:-[a-z]+)?)"
_SENTENCE_END = re.compile(r"[.;!?]")


class FollowingDays:
    """Reads the days said from the date before them."""

    def __init__(self, words: FollowingDaysWords) -> None:
        self._days = {fold(name): days for name, days in words.days.items()}
        self._counted = {fold(pattern): days for pattern, days in words.counted.items()}
        counted = [re.escape(pattern).replace(re.escape("{0}"), _COUNT, 1) for pattern in self._counted]
        names = [re.escape(name) for name in sorted(self._days, key=len, reverse=True)]
        self._weekdays = [fold(day) for day in calendar_names().weekdays]
        after = alternation(words.weekday_after) if words.weekday_after else None
        weekday = [rf"({alternation(self._weekdays)})\s+(?:{after})"] if after else []
        self._weekday_branch = bool(weekday)
        branches = [*names, *counted, *weekday]
        self._pattern = re.compile(rf"(?<![\w-])(?:{'|'.join(branches)})(?![\w'-])") if branches else None

    def dated(self, folded: str, mentions: list[DateMention], parties: Iterable[re.Pattern[str]]) -> list[DateMention]:
        """`mentions` (of `folded`, in order) with the days said from the date before each, in order. A count that is no
        number after a party, in the sentence of the date before it and with no date after it ("Nous avons signé le 3 mars,
        le CDG une semaine plus tard et La Fibre quelques jours après."), is a date no one can tell: a mention without a
        value, whose problem the answer says, never the date before it taken for that party's."""
        if self._pattern is None or not mentions:
            return mentions
        found = list(mentions)
        taken = [(m.start, m.start + len(m.text)) for m in mentions]
        for match in self._pattern.finditer(folded):
            if any(start <= match.start() < end for start, end in taken):
                continue
            before = [m for m in found if m.start < match.start() and m.value is not None]
            if not before or (day := before[-1].value) is None:  # `found` is in order
                continue
            if (moved := self._moved(match, day)) is not None:
                found.append(DateMention(match.group(0), day + moved, "", match.start()))
            elif (
                not any(m.start > match.start() for m in mentions)
                and not _SENTENCE_END.search(folded, before[-1].start, match.start())
                and any(p.search(folded, before[-1].start, match.start()) for p in parties)
            ):
                problem = f"« {match.group(0)} » ne donne pas de date précise"  # approximate: a day said, not told
                found.append(DateMention(match.group(0), None, problem, match.start(), approximate=True))
            found.sort(key=_start)
        return found

    def _moved(self, match: re.Match[str], day: date) -> timedelta | None:
        """How far after `day` the words of `match` are, None when their count is no number ("quelques jours")."""
        if (days := self._days.get(match.group(0))) is not None:
            return timedelta(days=days)
        groups = match.groups()
        if self._weekday_branch and groups[-1] is not None:  # "le lundi suivant": the first Monday after `day`
            return timedelta(days=(self._weekdays.index(groups[-1]) - day.weekday()) % 7 or 7)
        for count, days in zip(groups, self._counted.values(), strict=False):
            if count is not None:
                number = count_of(count)
                return timedelta(days=days * number) if number is not None and 0 < number <= MAX_COUNT else None
        return None


def _start(mention: DateMention) -> int:
    return mention.start
