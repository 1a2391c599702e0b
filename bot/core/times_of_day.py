"""Times of day in a price question: "à 14h" is no duration, an arrival then a departure in one sentence ("arrivé à 14h
et reparti à 16h30") is one; "midi", "minuit" are their hours. Words: knowledge/calculations.yaml (`durations:`)."""

from __future__ import annotations

import re
from decimal import Decimal

from .calendar_names import calendar_names
from .clock_minutes import ClockMinutes, clock_colons, clock_minute, hours_between, trip_there_counts
from .duration_grammar import DurationGrammar
from .french import fold
from .later_ends import LaterEnds
from .planned_ranges import PlannedRanges
from .time_ranges import LooseRanges, range_pattern, time_pattern
from .word_patterns import alternation, ending, folded_words, scanned, starting

BOUND_REACH = 20  # characters before hours where "entre 9 et" makes them a bound
RANGE_OPENER_REACH = 12  # characters before a range's start where "entre" opens it
SPAN_REACH = 60  # characters before a time of day where an arrival or a departure word is looked for
START_REACH = 20  # characters before a time where an arrival's word beats a departure's: "arrivé à la mairie à 9h"
NEXT_SENTENCES = 3  # sentence ends at most between an arrival and its departure with no time of day between them
_SENTENCE_END = re.compile(r"[.;!?]")
_FULL_STOP = re.compile(r"[.!?]")  # a sentence's end, not a line's or an item's (";"): a log's lines are one trip
Span = tuple[int, int]  # minutes of the day, from and to
_CLAUSE_BREAK = re.compile(r"[.;!?,\n]")
_AFTER_DATE = re.compile(r"\b(?:19|20)\d\d\s*[,–-]\s*$")  # a year, a comma or a dash: "séance du 12 mars 2026, 18h30"
# An event's day in figures (perhaps its weekday before it) between the event and its time: "Appel — sam. 28/11, 10h35"
_EVENT_DAY = re.compile(r"[\s,—–-]*(?:[^\W\d]+\.?\s+)?\d{1,2}/\d{1,2}(?:/\d{2,4})?[\s,—–-]*$")
CLOCK_WORD_REACH = 12  # characters before "midi" where "après" makes it a part of the day


class TimesOfDay:
    """Which hours of a text are times of day, and the stays that two of them make."""

    def __init__(self, grammar: DurationGrammar) -> None:
        self.time_of_day = ending(grammar.time_of_day_words)
        self._event, self._event_hour = ending(grammar.event_time_words), grammar.event_min_hour  # "réunion 14h"
        of = rf"\s*(?:{alternation([*grammar.late_time_words, *grammar.event_time_links])})"  # "la réunion de 17h"
        self._event_of = ending(grammar.event_time_words, of)
        self._late, self._late_hour = ending(grammar.late_time_words), grammar.late_hour
        self._clock_hour = grammar.clock_hour  # "conseil ce soir 18h30": no visit lasts 18 h 30
        # a question's or a line's end, or a day named, between two ranges: each its own visit ("venu mardi de 9h à
        # 11h30, et revenu aujourd'hui de 10h à 10h45": two visits, not a part of one)
        names = calendar_names()
        days = (*names.weekdays, *names.months, *names.near_days, *filter(None, [names.today]))
        self._day_break = re.compile(rf"[!?;\n]|\d/\d|(?<![a-z])(?:{alternation(days)})(?![a-z])")
        self._weekday = ending(list(names.weekdays))  # "dimanche 14h", "RDV jeudi 15h": a day's time
        # "il y a 2h" (folded, "a" is also "à"), "estimée à 2 h 15": time elapsed or measured, never a time of day
        self.elapsed = ending([*grammar.elapsed_words, *grammar.measured_words])
        words = grammar.spent_after_words  # "a 1h de route": the hours spent, whatever precedes them
        self._spent_after = re.compile(rf"\s*(?:{alternation(words)})(?![a-z])") if words else None
        self._clock_hours = {fold(word): hour for word, hour in grammar.clock_words.items()}
        clock_words = alternation(grammar.clock_words)  # "midi", "minuit"
        self._clock_word = re.compile(rf"(?<![a-z])(?:{clock_words})(?![a-z])") if grammar.clock_words else None
        self._clock_names = folded_words(grammar.clock_words)
        self._clock_not_after = ending(grammar.clock_words_not_after, r"[\s-]*")
        self._range_after = re.compile(rf"\s*(?:{alternation(grammar.range_links)})\s*\d")  # "déjeuner de midi à 13h"
        spans = [*grammar.span_start_words, *grammar.span_end_words, *grammar.span_end_whole_words]
        # "arrivée 9h", "fin : 17h": a time of day written right after an arrival or a departure word.
        self.after_span_word = ending(spans, rf"[a-z']*\s*:?\s*(?:{alternation(grammar.time_of_day_words)})?")
        self._start, self._end = (
            starting(grammar.span_start_words),
            starting(grammar.span_end_words, grammar.span_end_whole_words),
        )
        self.later = LaterEnds(grammar.stayed_on_words, self._end, SPAN_REACH, clock_minute)  # "… seule jusqu'à 11h30"
        self._back = starting(grammar.trip_end_words)  # "de retour à Bruay à 12h55": the trip back ends
        self._overnight = grammar.max_overnight_hours * 60
        self._minutes = ClockMinutes(grammar)  # "9h30", "9 heures et demie", "9 heures moins le quart"
        fraction = self._minutes.words
        self._range = range_pattern(grammar.hour_units, fraction, grammar.range_links)
        self._loose = LooseRanges(grammar)  # "de 9 à 11h30": one hour unit for both bounds
        time = time_pattern(grammar.hour_units, fraction)  # "prévue de 14h à 18h, mais il est reparti à 17h"
        self._planned = PlannedRanges(grammar.planned_range_words, (self._start, self._end), time, self._minutes.of)
        # "entre 14h et 16h" is a range, "2 h, 1 h 30 et 4 h" a list: these links make one only after their opener.
        self._opened = {fold(link): ending(openers) for link, openers in grammar.range_openers.items()}
        # "entre 9 et 11h", "entre 2 et 3h": a bound (a time or a duration, no one can tell), never 11 h to price.
        self._bounds = [
            ending(openers, rf"\s+\d{{1,2}}(?:[.,]\d{{1,2}})?\s*(?:{alternation([link])})")
            for link, openers in grammar.range_openers.items()
        ]

    def ranges(self, text: str) -> list[tuple[int, int, Decimal | None, Span]]:
        """Each range of two times ("de 9h à 12h", "de 22h à 1h"): where it is written, its hours (None when its end
        does not follow its start) and its minutes of the day."""
        found: list[tuple[int, int, Decimal | None, Span]] = []
        for match in self._range.finditer(text):
            start = int(match.group("sh")) * 60 + self._minutes.of(match.group("sm"))
            end = int(match.group("eh")) * 60 + self._minutes.of(match.group("em"))
            start, end = self._planned.actual(text, match.start(), match.end(), (start, end))
            # not past 24 h, opened as its link needs, loose only as "de 9 à 11h30" (one unit for both), not "de 2 à 3 h"
            bounds = max(int(match.group("eh")), int(match.group("sh"))) <= 24
            if not (bounds and self._opens(text, match) and self._loose.holds(text, match)):
                continue
            hours = hours_between(start, end, self._overnight)  # "de 22h à 1h": past midnight
            found.append((match.start(), match.end(), hours, (start, end)))
        return found

    def nested(self, text: str, ranges: list[tuple[int, int, Decimal | None, Span]]) -> dict[int, int]:
        """Each range within another of its sentence or an earlier one ("venu de 9h à 12h30. Le maire est resté avec lui
        de 10h à 12h"; not "9h-11h30 … Moi je livre de 6h à 14h"), no day named between them ("lundi de 9h à 17h et
        mardi de 10h à 11h" are two visits): its start, and the other's."""
        nested = {}
        for start, end, _, (a, b) in ranges:
            for other, other_end, _, (s, e) in ranges:
                apart = text[min(end, other_end) : max(start, other)]
                broken = self._day_break.search(apart) or (other > start and "." in apart)
                if other != start and s <= a <= b <= e and (s, e) != (a, b) and not broken:
                    nested[start] = other
        return nested

    def is_bound(self, text: str, start: int) -> bool:
        """Are the hours at `start` the bound of "entre 9 et 11h"?"""
        return any(bound and bound.search(text, max(0, start - BOUND_REACH), start) for bound in self._bounds)

    def _opens(self, text: str, match: re.Match[str]) -> bool:
        """Is a range written with a link that needs an opener ("et" needs "entre") opened by it?"""
        opener = self._opened.get(" ".join(match.group("link").split()))
        return opener is None or bool(opener.search(text, max(0, match.start() - RANGE_OPENER_REACH), match.start()))

    def is_time(self, before: str, hour: int = 0, hours: int = 0, wide: str = "", *, padded: bool = False) -> bool:
        """Do `before` (the words right before hours; `wide`: more) make them a time of day ("à 14h")? `hour`: the clock's
        hours with their minutes ("l'appel de 14h30"), else 0; `hours`: as written. After an event (and its day: "Appel —
        sam. 28/11, 10h35"), a clock's hours or hours no meeting lasts are a time ("réunion 14h"; "réunion 2h": 2 h)."""
        timed, event = hour or hours >= self._event_hour, self._event  # `wide` read only when `before` names no event
        late_event = self._event_of and max(hour, hours) >= self._event_hour and self._event_of.search(wide or before)
        if late_event or (timed and event and (event.search(before) or event.search(_EVENT_DAY.sub("", wide)))):
            return True
        elapsed = self.elapsed is not None and self.elapsed.search(before)
        # a clock's late hours after "de" ("l'appel de 14h30") or after a dated comma ("séance du 12/03/2026, 18h30")
        late = self._late_hour <= hour < 24 and bool(
            (self._late and self._late.search(before)) or _AFTER_DATE.search(before)
        )
        late = late or (self._late_hour <= max(hour, hours) < 24 and bool(self._weekday.search(before)))
        # "ce soir 18h30", "08:50 briefing": late hours, or a morning's with a leading zero (a table's "01:30" is spent)
        late = late or self._clock_hour <= hour < 24 or (padded and hours >= self._event_hour)
        return bool(((self.time_of_day and self.time_of_day.search(before)) or late) and not elapsed)

    def milestone(self, text: str, start: int, before: str, hour: int) -> bool:
        """Are the hours at `start` (`before`: the words right before them) a time of day if they make a stay: right
        after an arrival or a departure word ("arrivée 9h", "fin : 17h"), or a clock's hours with their minutes from
        `event_min_hour` on after such a word or a trip back's earlier in their clause ("arrivée en mairie 9h05",
        "retour à Bruay annoncé pour 12h25"; "le retour a pris 1h30" is time spent)?"""
        # "Début : mar. 10/03/2026 09:00", a calendar's entry: the day written between the word and its time
        dated = _EVENT_DAY.sub("", text[max(0, start - SPAN_REACH) : start]) if _EVENT_DAY.search(before) else before
        if self.after_span_word and self.after_span_word.search(dated):
            return True
        if hour < self._event_hour:
            return False
        clause = _CLAUSE_BREAK.split(text[max(0, start - SPAN_REACH) : start])[-1]
        return any(words is not None and words.search(clause) for words in (self._start, self._end, self._back))

    def spent(self, text: str, end: int) -> bool:
        """Do the words right after hours ending at `end` make them time spent ("1h de route")?"""
        return bool(self._spent_after and self._spent_after.match(text, end))

    def written(self, text: str) -> str:
        """ "midi" as "12h ", "minuit" as "24h   ", "09:30" as "09h30": the same length, so every position read in
        `text` stays."""
        if ":" in text:  # a software's hours ("Arrivée | 09:00"), never a chat's stamp ("[14:02]")
            text = clock_colons(text)
        if self._clock_word is None:
            return text
        parts: list[str] = []
        last = 0
        for match in scanned(self._clock_word, text, self._clock_names):
            hour = f"{self._clock_hours[match.group(0)]}h"
            before = text[max(0, match.start() - CLOCK_WORD_REACH) : match.start()]
            part_of_day = self._clock_not_after and self._clock_not_after.search(before)
            if len(hour) > len(match.group(0)) or (part_of_day and not self._range_after.match(text, match.end())):
                continue  # "l'après-midi": a part of the day, not noon; "pause déjeuner de midi à 13h" is noon
            parts.append(text[last : match.start()] + hour.ljust(len(match.group(0))))
            last = match.end()
        return self._minutes.written("".join(parts) + text[last:] if parts else text)

    def stays(self, text: str, clock: list[re.Match[str]]) -> tuple[list[tuple[int, int, Decimal, Span]], set[int]]:
        """ "arrivé à 14h et reparti à 16h30": an arrival time, then a departure time in the same sentence.

        `clock`: the times of day of `text` (duration pattern matches); returns each stay as (start, end, hours, minutes
        of the day) and the indexes in `clock` of the times paired."""
        found, paired = list[tuple[int, int, Decimal, Span]](), set[int]()
        if self._start is None or self._end is None:
            return found, paired
        arrival: tuple[int, int] | None = None  # its index in `clock`, its minute of the day
        leaving: tuple[int, int] | None = None  # a departure before any arrival: the trip's start ("parti de Bruay à")
        previous = 0
        for index, match in enumerate(clock):
            before = text[max(previous, match.start() - SPAN_REACH) : match.start()]
            previous = match.end()
            minute = clock_minute(match)
            since = clock[arrival[0]].end() if arrival else 0  # "arrivé à 13 h 40 (je finis à 13 h), et reparti à …"
            if arrival and text.count("(", since, match.start()) > text.count(")", since, match.start()):
                continue  # a time in a remark in brackets opened after the arrival is another story's
            if minute is None:
                arrival = leaving = None
            elif (
                arrival
                and self._leaves(before)
                # in the arrival's sentence or the next ("il est arrivé à 14h. Il est reparti à 16h30."), or a few on when no
                # time of day stands between ("- arrivée 9h00 - pause déjeuner 12h00 – 13h30 - départ 17h00": a range)
                and len(_SENTENCE_END.findall(text, clock[arrival[0]].end(), match.start()))
                <= (NEXT_SENTENCES if index == arrival[0] + 1 else 1)
            ):
                back = self._trip_back(text, clock, index) if leaving else None
                # no trip back's end: the trip there from its start before the arrival, if its length back is told
                there = bool(leaving and not back and leaving[1] <= arrival[1])  # (not "partie à 17h … arrivé à 16h15")
                there = there and trip_there_counts(text, clock, leaving[0], index, arrival[0])
                first, last = (leaving if leaving and (back or there) else arrival), back or (index, minute)
                if (hours := hours_between(first[1], last[1], self._overnight)) is not None:
                    found.append((clock[first[0]].start(), clock[last[0]].end(), hours, (first[1], last[1])))
                    paired.update((first[0], arrival[0], index, last[0]))
                arrival = leaving = None
            # ... or, after a stay, a return ("départ déjeuner 12h00 ; retour 13h30 ; fin 15h15"): another stay starts
            elif self._start.search(before) or (
                found and index not in paired and self._back is not None and self._back.search(before)
            ):
                if (
                    arrival
                    and minute < arrival[1]
                    and not _SENTENCE_END.search(text, clock[arrival[0]].end(), match.start())
                ):
                    continue  # "arrivé à 9h15, la réunion avait commencé à 8h30": an earlier start is another event's
                arrival = (index, minute)
                if leaving and _FULL_STOP.search(text, clock[leaving[0]].end(), match.start()):
                    leaving = None  # "ouvert jusqu'à 12h. Arrivé à 14h …": another sentence's time, no trip's start
            elif arrival is None and self._end.search(before):
                leaving = (index, minute)
        return found, paired

    def _leaves(self, before: str) -> bool:
        """Whether the words before a time say a departure, unless an arrival's stand after them, right before the time
        ("il est arrivé en mairie à 14h": "il est" of "il est reparti" is farther; not "terminé la mise à jour des
        postes à 11h", "des" also the folded "dès")."""
        ends = [match.start() for match in self._end.finditer(before)] if self._end else []
        near = len(before) - START_REACH
        return bool(ends) and not (
            self._start and any(m.start() > max(ends[-1], near) for m in self._start.finditer(before))
        )

    def _trip_back(self, text: str, clock: list[re.Match[str]], index: int) -> tuple[int, int] | None:
        """The time the trip back ends, right after the departure at `index` ("… reparti à 11h45 et rentré à Bruay à 12h30",
        a log's next line), as (its index in `clock`, its minute of the day), else None."""
        if self._back is None or index + 1 >= len(clock):
            return None
        following = clock[index + 1]
        before = text[max(clock[index].end(), following.start() - SPAN_REACH) : following.start()]
        minute = clock_minute(following)
        if minute is None or not self._back.search(before) or _FULL_STOP.search(before):
            return None
        return index + 1, minute
