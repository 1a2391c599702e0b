"""How many visits a message gives (Article 4.2.1 bills each visit's hours and its trip): the count it writes ("3
déplacements"), the visit hours it lists, and hours said for a period ("2 h par mois, soit 6 visites")."""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

from ..calendar_names import calendar_names
from ..cost import Duration, alternation
from ..french import fold
from ..money import format_euros
from .added import AddedUp
from .base import SENTENCE_BREAK, Context, asking, sentence_start
from .count_patterns import counted
from .counts_after import MAX_REPEATS, CountsAfter
from .cues import optional
from .day_schedules import DaySchedules
from .parties import AGENT
from .price_notes import PER_PERIOD
from .visit_parts import Part
from .visit_spans import MONTHS, Spans

WEEKDAY_REACH = 10  # characters before a count where a weekday makes it a day of the month ("mercredi 18")
REPEAT_REACH = 50  # characters before hours where "10 demi-journées d'accompagnement de" gives their count
PERIOD_REACH = 16  # characters before a period phrase where a count makes it a rate ("2 fois | par mois"), not visits
WHO_REACH = 30  # characters more for who comes between them ("2 visites du CDG 62 | par trimestre")
PERIOD_WORDS = 40  # characters after a count or hours where a period phrase right after them ends ("chaque trimestre")
SPAN_REACH = 60  # characters after "par mois" where the span it lasts is read ("pendant 6 mois", "de février à juin")
_OF_HOURS = re.compile(r" (?:de|d')\s*")  # "2 séances| de |2 h": the hours of each, right after the count
_NOT_A_YEAR = re.compile(r"(?<!\d)(?!20\d\d(?!\d))\d")  # a number between hours and a period phrase, not "en 2027"


class Visits(AddedUp):
    """The visits of a message."""

    def __init__(self, context: Context) -> None:
        super().__init__(context)
        self._on_site = optional(self.words.on_site_words)  # "sur place", "en mairie": a visit told with its trip
        self._schedules = DaySchedules(self.words.day_schedules)  # "deux journées, de 8h30 à 12h et de 13h30 à 17h"
        self._counts_after = CountsAfter(self.cues)
        self._said: tuple[str, frozenset[int]] = ("", frozenset())  # the last text read, its visits: asked in turn
        trained = self.words.duration_roles.get("training")  # "1 demi-journée", "une formation" (1 …): counted things
        self._counted = counted([*self.words.visit_words, *(trained.cues if trained else [])])
        self._per_years = {fold(period): n for period, n in self.words.periods_per_year.items()}  # "par mois": 12
        self._spans = Spans(self.words.visit_spans)  # "pendant 6 mois", "de janvier à juin"
        # "mardi, jeudi et vendredi", "le lundi et le mercredi": as many visits as days listed, when no count is written
        weekdays = alternation(fold(name) for name in calendar_names().weekdays)
        day = rf"(?:les? )?(?:{weekdays})s?(?![a-z])"
        self._day_list = re.compile(rf"(?<![a-z]){day}(?:\s*,\s*{day})*\s+et\s+{day}")
        self._days = re.compile(day)
        # "les 8 et 15 mars", "le 3, le 10 et le 17 juin": days of a month listed, each a visit
        months = alternation(fold(name) for name in calendar_names().months)
        day = r"(?:le )?(?:1er|[0-3]?\d)(?![\d/.])"
        item = rf"{day}(?:\s+(?:{months}))?"
        self._dates_list = re.compile(rf"(?<![\d/.])(?:les? )?{item}(?:\s*,\s*{item})*\s+et\s+{day}\s+(?:{months})")
        self._date_days = re.compile(r"(?<!\d)(?:1er|\d+)(?![\d/.])")
        self._weekday_before = re.compile(rf"(?:{weekdays})\s*$")  # "mercredi 18": a day of the month
        # "2 visites du CDG | par trimestre": who comes, between the count and its period
        providers = "|".join(p.pattern for party, p in self.cues.parties.items() if party != "commune")
        self._who = re.compile(rf"{AGENT.pattern}(?:{providers})[\w ]{{0,4}}\s*")

    def __getstate__(self) -> dict[str, object]:
        return {**self.__dict__, "_said": ("", frozenset())}  # a pickled engine carries no message

    def visits(self, text: str, parts: list[Part]) -> int | None:
        """How many visits the message gives: the intervention hours it lists, or the count it writes ("3
        déplacements"), when both say the same; None when neither is clear."""
        # a session held at a distance ("09/11 : visio 45 min") is no visit with a trip
        no_trip = self.cues.no_trip
        listed = sum(
            p.count
            for p in parts
            if p.role == "intervention" and not (no_trip and no_trip.search(self._around(text, p.duration)))
        )
        # "une fois payés 2 déplacements": "1 fois" counts no visits
        said = self._said_visits(text)
        if len(said) > 1:
            return None
        if said:
            (number,) = said
            return number if listed in (0, number) else None
        return listed if listed > 1 else None if listed else self._dated(text)

    def _dated(self, text: str) -> int | None:
        """The days of a month listed as those of the visits, in a message that lists no visit's own hours ("intervenu
        les 8 et 15 mars, trois heures sur place chaque fois": 2): its one list of days, said with a visit word in its
        sentence; else None."""
        if len(lists := list(self._dates_list.finditer(text))) != 1 or self._on_site is None:
            return None
        start, found = sentence_start(text, lists[0].start()), lists[0]
        end = SENTENCE_BREAK.search(text, found.end())
        if not self._on_site.search(text, start, end.start() if end else len(text)):
            return None
        return len(self._date_days.findall(found.group()))

    def per_period(self, text: str, part: Part) -> bool:
        """Are these visit hours said for a period ("2 h par mois")?"""
        recurring = self.cues.recurring
        return part.role == "intervention" and bool(recurring and recurring.search(self._around(text, part.duration)))

    def period(self, text: str, parts: list[Part]) -> str:
        """The period a rate of visits is said for ("2 fois par mois pour 1 h", "1 h par semaine") when the message
        does not count the visits ("soit 6 visites"), else "": the amount is then that period's, not a total."""
        if self.cues.recurring is None or len(self._said_visits(text)) == 1:
            return ""
        # not counted ("pendant 6 mois"), nor hours per day whose days are counted ("deux jours … 7 h par jour")
        counted = (self.periods(text, p.duration) or self._schedules.days(text, p.duration) for p in parts)
        rates = (p for p, n in zip(parts, counted, strict=True) if p.role == "intervention" and not n)
        hits = (self.cues.recurring.search(self._around(text, p.duration)) for p in rates)
        return next((hit.group() for hit in hits if hit), "")

    def period_note(self, text: str, period: str, amount: Decimal) -> str:
        """What an amount said for a period is: a year's, when the question asks one ("2 h par mois … combien sur
        l'année ?") and the period comes back a known number of times a year; else one period's."""
        times = self._per_years.get(" ".join(fold(period).split()), 0)
        if not (times > 1 and self.yearly(text)):  # ("3 h par an … combien par an ?": that period's amount, once)
            return PER_PERIOD.format(period=period)
        left_out = self._spans.left_out(fold(text)) if times == MONTHS else 0  # "chaque mois, sauf en août": 11
        said = f"{times - left_out} fois, {left_out} mois exclu{'s' * (left_out > 1)}" if left_out else f"{times} fois"
        times -= left_out
        return (
            f"Sur un an (« {period} », {said}) : {times} × {format_euros(amount)} = {format_euros(amount * times)} TTC."
        )

    def periods(self, text: str, duration: Duration) -> int:
        """How many periods hours said for a period are over, when the words right after say it ("2 h par mois pendant
        6 mois": 6, "1 h 30 chaque mois de mars à juin": 4), else 0: the hours are then billed that many times. A
        period said elsewhere in their sentence has its span there after both ("une visite mensuelle de deux heures,
        déplacement compris, de janvier à juin": 6; "90 minutes du CDG par trimestre sur 2 ans": 8)."""
        if (recurring := self.cues.recurring) is None or not self._spans.known:
            return 0
        if before := (hit := self._period_after(text, duration.end)) is None:  # "une visite par mois, 2 h"
            end = SENTENCE_BREAK.search(text, duration.end)
            stop = end.start() if end else len(text)
            hit = recurring.search(text, sentence_start(text, duration.start), stop)
            if hit is None:
                return 0
            low, high = (duration.end, hit.start()) if hit.start() >= duration.end else (hit.end(), duration.start)
            if self._rate_count(text, hit.start()) or _NOT_A_YEAR.search(text, low, high):
                return 0  # "2 fois par mois 1 h sur 6 mois" (counted as written); "4 h, puis 1 h par mois": the 1 h's
            # its span after it, before or after the hours
            after = fold(text[hit.end() : min(stop, max(hit.end(), duration.end) + SPAN_REACH)])
        else:
            after = fold(text[hit.end() : hit.end() + SPAN_REACH]).lstrip(" ,")  # "2 h par mois, de mars à juin"
        per_year = self._per_years.get(" ".join(fold(hit.group()).split()), 0)
        if years := self._spans.years(after, anywhere=before):
            periods = per_year * years
            return int(periods) if periods.denominator == 1 and periods > 1 else 0
        return self._spans.months(after, anywhere=before) if per_year == MONTHS else 0

    def _rate_count(self, text: str, end: int) -> bool:
        """Is a count greater than one written right before `end` ("2 fois | par mois": a rate)?"""
        found = [
            m
            for m in self.cues.repeat.finditer(text, max(0, end - PERIOD_REACH - WHO_REACH), end)
            if self._next_to(text, m.end(), end)
        ]
        return bool(found) and int(found[-1].group(1)) > 1

    def _recurring(self, text: str, part: Part) -> bool:
        """Visit hours said for a period ("2 h par mois") in a message that counts the visits ("soit 6 visites"); a
        trip too, for a year of visits ("une fois par trimestre … 1 h de trajet … Quel montant annuel ?")."""
        if len(self._said_visits(text)) != 1:
            return False
        return self.per_period(text, part) or (part.role == "travel" and self.yearly(text))

    def per_period_after(self, text: str, end: int) -> bool:
        """Does a period word follow right after `end` ("2 fois | par mois": a rate, not a number of visits)?"""
        return self._period_after(text, end) is not None

    def _period_after(self, text: str, end: int) -> re.Match[str] | None:
        """The period phrase right after `end`, nothing but spaces between ("2 h | chaque trimestre"), else None."""
        hit = self.cues.recurring.search(text, end, end + PERIOD_WORDS) if self.cues.recurring else None
        return hit if hit and self._next_to(text, end, hit.start()) else None

    def _next_to(self, text: str, end: int, start: int) -> bool:
        """Whether only spaces, or who comes ("du CDG 62"), stand from `end` to `start`."""
        return not text[end:start].strip() or bool(self._who.fullmatch(text, end, start))

    def yearly(self, text: str) -> bool:
        """Does the question ask a year's amount ("Quel montant annuel ?"): visits said per period count for a year?"""
        return bool(self.cues.yearly and self.cues.recurring and self.cues.yearly.search(asking(text)))

    def _per_year(self, text: str, end: int) -> int:
        """How many times a year the period word right after `end` comes back ("par trimestre": 4), else 0."""
        hit = self._period_after(text, end)
        return self._per_years.get(" ".join(hit.group().split()), 0) if hit else 0

    def days_listed(self, text: str, duration: Duration) -> int:
        """How many days are listed right before `duration` ("venu mardi, jeudi et vendredi de 9h à 10h30": 3; not "devait
        venir lundi et mardi, il est venu mercredi de 9h à 12h"), else 0."""
        lists = list(self._day_list.finditer(text, sentence_start(text, duration.start), duration.start))
        if not lists or len(text[lists[-1].end() : duration.start].replace(",", " ").split()) > 1:
            return 0  # more than the word opening the range ("de", "entre") between them
        return len(self._days.findall(lists[-1].group()))

    def _said_visits(self, text: str) -> set[int]:
        """The numbers of visits the message writes ("3 déplacements"; not "2 fois par mois"; "1 fois" counts none)."""
        if self.cues.visit_count is None:
            return set()
        last, said = self._said  # one read: another thread may set it in between
        if last != text:
            counts = list(self.cues.visit_count.finditer(text))
            said = frozenset({int(m.group(1)) for m in counts if not self.per_period_after(text, m.end())} - {0, 1})
            if not said and (years := Fraction(1) if self.yearly(text) else self._spans.years(fold(text))):
                # "une fois par trimestre … Quel montant annuel ?": 4 visits; "par mois pendant 12 mois": 12
                made = {int(m.group(1)) * self._per_year(text, m.end()) * years for m in counts}
                said = frozenset(int(count) for count in made if count.denominator == 1) - {0}
            self._said = (text, said)
        return set(said)

    def repeats(self, text: str, duration: Duration, starts: list[int], visits: list[int]) -> int:
        """2 for "2 interventions de 3 h" or "2 fois 3 h": the count written just before the hours.

        Only for the first hours after the count (of all `starts`), and not when the intervention hours from
        here on (`visits`) are as many as the count: they list those interventions one by one ("3 fois : 2 h, 1 h 30 et
        45 min"); hours after another count are not in that list ("deux journées de 7 h puis trois visites de
        1 h 30": 2 × 7 h). Each range of a day's timetable comes back each day (day_schedules.py)."""
        if days := self._schedules.days(text, duration):
            return days
        if (after := self._counts_after(text, duration.end, starts)) is not None:
            return after  # "25 min x 2", "une demi-journée de 3 heures, dix fois dans l'année"
        first = max(0, duration.start - REPEAT_REACH)
        # (one character more: a sign's count looks ahead at the hours' first digit, "2 x 25 min")
        found = [m for m in self.cues.repeat.finditer(text, first, duration.start + 1) if m.end() <= duration.start]
        if not found or any(found[-1].end() <= start < duration.start for start in starts):
            return 1
        if self._weekday_before.search(text, max(0, found[-1].start() - WEEKDAY_REACH), found[-1].start()):
            return 1  # "le mercredi 18 après-midi : 13h45-16h30": a day of the month, not 18 afternoons
        if self.cues.distance and self.cues.distance.search(text, found[-1].end(), duration.start):
            return 1  # "2 x 35 km et il est resté deux heures": the count of the kilometres, not of the hours
        count = int(found[-1].group(1))
        if self.per_period_after(text, found[-1].end()) and len(self._said_visits(text)) == 1:
            return 1  # "2 fois par mois 1 h, soit 12 visites": a rate; the visits are counted ("12 × 1 h")
        if _OF_HOURS.fullmatch(text, found[-1].end(), duration.start) and 1 < count <= MAX_REPEATS:
            return count  # "2 séances de 2 h en octobre. En novembre, deux autres …": each session's hours, no list
        # "2 passages de 1 h + 1 demi-journée de 2 h": the next hours counted apart, each passage's 1 h (after a colon,
        # the count's hours are listed: "3 fois : 2 h, 1 h 30 et 45 min")
        nxt = next((start for start in visits if start > duration.start), 0)
        if nxt and ":" not in text[found[-1].end() : duration.start] and self._counted.search(text, duration.end, nxt):
            return count if 1 < count <= MAX_REPEATS else 1
        later = self.cues.repeat.search(text, duration.end)
        stop = later.start() if later else len(text)
        following = sum(duration.start <= start < stop for start in visits)
        # its sentence's hours alone may be the list: "venu trois fois : 2h, 1h30 et 45 min. On a eu une réunion de 2h"
        end = SENTENCE_BREAK.search(text, duration.end, stop)
        listed = sum(duration.start <= start < end.start() for start in visits) if end else following
        return count if 1 < count <= MAX_REPEATS and count not in (following, listed) else 1
