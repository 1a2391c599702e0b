"""A day's timetable said for several days ("pendant deux journées, de 8h30 à 12h et de 13h30 à 17h"): each range of
the timetable comes back once a day. Without this reading the two ranges were taken for the two days themselves, one
day's price given with assurance. The words are knowledge/calculations.yaml `day_schedules`."""

from __future__ import annotations

import re

from ..cost import Duration, alternation
from ..visit_schema import DaySchedules as DayScheduleWords
from .base import sentence_start
from .count_patterns import counted

MAX_DAYS = 10  # "deux journées", "3 jours": a training's days, not a year's


class DaySchedules:
    """How many days a clock range of a day's timetable comes back, or 0 when it is no such timetable."""

    def __init__(self, words: DayScheduleWords | None) -> None:
        self._days = counted(words.days) if words and words.days else None
        # between the days' count and a range: only the timetable's own words and times ("de 8h30 à 12h et de 13h30 à")
        glue = alternation(words.timetable_words) if words and words.timetable_words else ""
        daily = alternation(words.per_day) if words and words.per_day else ""
        self._daily = re.compile(rf"\s*(?:{daily})(?![a-z])") if daily else None  # hours "par jour", the days counted
        self._timetable = (
            re.compile(rf"(?:[\s\d:,;()\-–]|h\b|h(?=\d)|(?<![a-z])(?:{glue})(?![a-z]))*") if glue else None
        )

    def days(self, text: str, duration: Duration) -> int:
        """The count of days before hours of its sentence said per day ("à raison de 7 h par jour"), or before a clock
        range when nothing but the timetable stands between them (not "deux journées : le lundi de 9h à 12h et le jeudi
        de 14h à 17h", two days of their own)."""
        if self._days is None:
            return 0
        counts = list(self._days.finditer(text, sentence_start(text, duration.start), duration.start))
        daily = bool(self._daily and self._daily.match(text, duration.end))
        timetable = duration.clock and self._timetable is not None
        if not counts or not (
            daily or (timetable and self._timetable.fullmatch(text, counts[-1].end(), duration.start))
        ):
            return 0
        number = int(counts[-1].group(1))
        return number if 1 < number <= MAX_DAYS else 0
