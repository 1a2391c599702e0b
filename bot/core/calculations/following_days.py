"""Days said from the date written just before them ("signée par nous le 4 novembre, par le CDG deux jours plus tard et
par La Fibre le lundi suivant"): that date moved on, read as a date of its own (knowledge/calculations.yaml,
`following_days`). Without a date before them they name nothing and are left out."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date, timedelta

from ..calendar_names import calendar_names
from ..calendar_schema import FollowingDaysWords
from ..date_mention import DateMention
from ..french import fold
from ..number_words import count_of
from ..word_patterns import alternation, scanned
from .date_lists import SENTENCE_END

MAX_COUNT = 366  # days or weeks: more is no day said of another
COUNT_REACH = 25  # characters before "jours plus tard" where its count is read
# The count right before "jours plus tard": one word, digits or letters ("deux", "vingt-deux"), never the word before it
# ("et nous deux jours après"). Read backwards from the words after it: a pattern opening with the count would try
# every letter of the message (1 ms on 4,096 characters).
_COUNT_BEFORE = re.compile(r"(?<![\w-])(\d{1,3}|[a-z]+(?:-[a-z]+)?)\s+$")
Moved = Callable[[date], timedelta | None]  # how far after the date before them the words name their day


class FollowingDays:
    """Reads the days said from the date before them."""

    def __init__(self, words: FollowingDaysWords) -> None:
        self._days = {fold(name): days for name, days in words.days.items()}
        # "{0} jours plus tard": the words after the count, and the days of one
        self._tails = {" ".join(fold(p).split("{0}", 1)[1].split()): d for p, d in words.counted.items() if "{0}" in p}
        self._weekdays = [fold(day) for day in calendar_names().weekdays]
        after = alternation(words.weekday_after) if words.weekday_after else None
        # the words searched for first (`scanned`), as sets built once
        self._after, self._day_names, self._tail_words = (
            {fold(w) for w in words.weekday_after},
            set(self._days),
            set(self._tails),
        )
        # Each opens with its words, their first letter checked behind after them (`_word_start`): a pattern opening with
        # a look-behind is tried at every character, one opening with letters only where they stand.
        self._named = re.compile(rf"(?:{alternation(self._days)})(?![\w'-])") if self._days else None
        self._tail = re.compile(rf"(?:{alternation(self._tails)})(?![\w'-])") if self._tails else None
        self._weekday = re.compile(rf"(?:{after})(?![\w'-])") if after else None  # "le lundi suivant": "suivant"
        self._weekday_before = re.compile(rf"(?<![\w-])({alternation(self._weekdays)})\s+$")
        links = alternation(fold(link) for link in words.event_links) if words.event_links else None
        self._event = re.compile(rf"\s*(?:{links})(?![a-z])") if links else None  # "le lendemain| du conseil du …"

    def dated(self, folded: str, mentions: list[DateMention], parties: Iterable[re.Pattern[str]]) -> list[DateMention]:
        """`mentions` (of `folded`, in order) with the days said from the date before each, in order. A count that is no
        number after a party, in the sentence of the date before it and with no date after it ("Nous avons signé le 3 mars,
        le CDG une semaine plus tard et La Fibre quelques jours après."), is a date no one can tell: a mention without a
        value, whose problem the answer says, never the date before it taken for that party's."""
        if not mentions:
            return mentions
        found = list(mentions)
        taken = [(m.start, m.start + len(m.text)) for m in mentions]
        for start, text, moved in sorted(self._said(folded)):
            if any(begin <= start < end for begin, end in taken):
                continue
            if self._event and self._event.match(folded, start + len(text)):  # "le lendemain du conseil du 29/09"
                after = next((m for m in mentions if m.start > start and m.value is not None), None)
                day = after.value if after and not SENTENCE_END.search(folded, start, after.start) else None
                if day and (delta := moved(day)) is not None:
                    found.append(DateMention(text, day + delta, "", start))
                    found.sort(key=_start)
                continue  # "(le lendemain de la kermesse)": no day said, never the date before moved
            before = [m for m in found if m.start < start and m.value is not None]
            if not before or (day := before[-1].value) is None:  # `found` is in order
                continue
            if (delta := moved(day)) is not None:
                found.append(DateMention(text, day + delta, "", start))
            elif (
                not any(m.start > start for m in mentions)
                and not SENTENCE_END.search(folded, before[-1].start, start)
                and any(p.search(folded, before[-1].start, start) for p in parties)
            ):
                problem = f"« {text} » ne donne pas de date précise"  # approximate: a day said, not told
                found.append(DateMention(text, None, problem, start, approximate=True))
            found.sort(key=_start)
        return found

    def _said(self, folded: str) -> Iterator[tuple[int, str, Moved]]:
        """Each day said from another in `folded`: where it starts, its words, how far it moves that other day."""
        for match in _word_start(scanned(self._named, folded, self._day_names) if self._named else (), folded):
            days = self._days[match.group(0)]
            yield match.start(), match.group(0), lambda _, days=days: timedelta(days=days)
        for match in _word_start(scanned(self._weekday, folded, self._after) if self._weekday else (), folded):
            if named := self._weekday_before.search(folded, max(0, match.start() - COUNT_REACH), match.start()):
                weekday = self._weekdays.index(named.group(1))  # "le lundi suivant": the first Monday after that day
                text = folded[named.start() : match.end()]
                yield named.start(), text, lambda day, w=weekday: timedelta(days=(w - day.weekday()) % 7 or 7)
        for match in _word_start(scanned(self._tail, folded, self._tail_words) if self._tail else (), folded):
            if count := _COUNT_BEFORE.search(folded, max(0, match.start() - COUNT_REACH), match.start()):
                unit, number = self._tails[" ".join(match.group(0).split())], count_of(count.group(1))
                text = folded[count.start() : match.end()]
                yield count.start(), text, lambda _, n=number, u=unit: _days(n, u)


def _word_start(matches: Iterable[re.Match[str]], folded: str) -> Iterator[re.Match[str]]:
    """The matches that start a word (no letter, digit or hyphen before them)."""
    return (
        m for m in matches if not m.start() or not (folded[m.start() - 1].isalnum() or folded[m.start() - 1] in "_-")
    )


def _days(number: int | None, unit: int) -> timedelta | None:
    """`number` times `unit` days, None when the count is no number ("quelques jours") or too large."""
    return timedelta(days=number * unit) if number is not None and 0 < number <= MAX_COUNT else None


def _start(mention: DateMention) -> int:
    return mention.start
