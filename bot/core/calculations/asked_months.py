"""Hours of another month than the ones a question asks ("Pour octobre : le 7/10 deux heures, le 21/10 1h1/2. En
novembre elle est revenue le 4 pour 1h. Combien sur la facture d'octobre ?"): not in that amount. A question asks one
day ("pour l'intervention du 12 octobre": the others of its month set apart, when one of the hours is of that very day),
one month, months listed ("mars et avril"), a range's ("entre le 1er mars et le 30 juin"; of days too: "du 1er au 15
septembre", "la première quinzaine de septembre") or a part of the year's ("le troisième trimestre"), and may ask a year
("réalisées en 2026"). Hours have the month (and day, year) of a date right after them ("1 h le 04/11"), else of the one
named or dated nearest before them in their sentence ("le 4/11", "12.06.2026", "2026-06-12"); hours whose month is not
said count."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from itertools import pairwise

from ..cost import Duration, alternation
from ..french import fold
from ..visit_schema import AskedMonths as AskedWords
from .asked import BILLED, DAY_MONTH, Asked, Day, Mention, day_month
from .base import SENTENCE_BREAK, Reported, asking, sentence_start
from .cue_patterns import CuePattern
from .paid_days import days_paid

MONTHS = 12
MONTH_DAYS = 31  # a month's last day at most: a range of days ending then ends with the month
RANGE_GAP = 30  # characters at most between a range's two months ("mars et le 30 juin")
RANGE_LEAD = 16  # characters at most between a range's start word and its first month ("entre le 1er mars")
_YEAR = r"(20\d\d)(?![\w/.-]\w|\w)"  # a year alone ("en 2026"), not a date's first part ("2026-06-12")
_DASH = re.compile(r"\s*[-–]\s*")  # between two months, a range's link needing no opener ("mars-avril")
AFTER_REACH = 20  # characters after hours where their own date may stand ("2h30 le 15/01/2026")
GAP = 3  # ... the most words between them ("le", "aura lieu le"), a bracket, no mark ("1 h, puis le 17 mars": the next)
# ("2 h et 1 h le 4/11": the 1 h's; "de 9h à 12h et le 9 octobre de 14h à 15h": the next visit's, after "et")
_APART = re.compile(rf"[^\s\w(]|\d|(?<![a-z])et(?![a-z])|(?:[^\W\d]+[\s(]+){{{GAP + 1}}}")


class AskedMonths:
    """Sets apart the hours of months a question does not ask."""

    def __init__(
        self,
        numbers: Mapping[str, int],
        words: AskedWords,
        ordinals: Mapping[str, int],
        reported: Reported,
        asks: CuePattern | None = None,
        priced: CuePattern | None = None,
        paid: CuePattern | None = None,
    ) -> None:
        self._asks = asks  # "combien": in a text without "?", where its question starts
        self._priced = priced  # "le coût", "le montant": where it asks, when its last sentence does not
        self._paid = paid  # "déjà payé": a period said paid is not the one asked
        self._numbers = numbers  # folded month names, wide and abbreviated ("oct"), and their numbers (CalendarNames)
        self._name = re.compile(rf"(?<![a-z])({alternation(numbers)})(?![a-z])")
        self._dated_name = re.compile(
            rf"(?:(\d{{1,2}})(?:er)? )?{self._name.pattern}(?: {_YEAR})?"
        )  # "26 février 2026"
        self._reported = reported  # "je vous saurais gré de me confirmer le montant …": asks without "?"
        self._ordinals = {fold(word): number for word, number in ordinals.items()}
        self._parts = {fold(noun): months for noun, months in words.year_parts.items()}  # "trimestre": 3 months
        parts = alternation(self._parts)
        self._part = re.compile(rf"(?<!\w)({alternation(self._ordinals)})\s+({parts})") if parts and ordinals else None
        self._letters = {fold(letter): months for letter, months in words.year_part_letters.items()}  # "t": 3 months
        letters = alternation(self._letters)
        self._lettered = re.compile(rf"(?<![\w'])({letters})([1-6])(?!\w)") if letters else None  # "au t3 ?"
        self._days_in = {fold(noun): days for noun, days in words.month_parts.items()}  # "quinzaine": 15 days
        days = alternation(self._days_in)
        self._month_part = (
            re.compile(
                rf"(?<!\w)({alternation(self._ordinals)})\s+({days})\W+(?:\w+\W+){{0,3}}?({alternation(numbers)})(?!\w)"
            )
            if days and ordinals
            else None
        )
        starts, ends = (alternation(fold(word) for word in group) for group in (words.range_starts, words.range_ends))
        self._start = re.compile(rf"(?<![\w'])(?:{starts})(?![\w])") if starts else None
        self._end = re.compile(rf"(?<![\w'])(?:{ends})(?![\w])") if ends else None
        # "du 1er au 15 septembre", "entre le 1er et le 15/09": a range's first day, its month the last day's
        first_day = rf"(?<![\w'])(?:{starts})\W*(?:\w{{1,2}}\s+)?(\d{{1,2}})(?:er)?\s*(?:{ends})(?:\s+\w{{1,2}})?\s*$"
        self._first_day = re.compile(first_day) if starts and ends else None
        links = alternation(fold(word) for word in words.list_links)
        self._list_link = re.compile(rf"\s*(?:(?:{links})\s*)+") if links else None  # "mars et avril", "mai, juin"
        years = alternation(fold(word) for word in words.year_links)
        self._year = re.compile(rf"(?<![\w'])(?:{years})\s+{_YEAR}") if years else None  # "réalisées en 2026"
        unless = alternation(fold(word) for word in words.year_unless)
        self._year_unless = re.compile(rf"(?<![\w'])(?:{unless})(?![\w])") if unless else None
        period = alternation(fold(word) for word in words.period_told_words)
        self._period_told = re.compile(rf"(?<![\w'])(?:{period})(?![\w])") if period else None

    def apart(self, text: str, roles: list[tuple[Duration, str]]) -> list[tuple[Duration, str]]:
        """`roles` (of folded `text`), the billed hours of another month (day, year) than those its question asks, or,
        naming none, the one range of days a sentence tells (`_range_told`), given the role OTHER_MONTH (OTHER_DAYS,
        OTHER_YEAR), when some of the hours are of a month asked; first, the hours of a day a clause says paid are
        given the paid role (paid_days.py: the same reading of the hours' dates)."""
        roles = days_paid(text, roles, self._mentions, self._date_of, self._paid and self._paid.compiled)
        question = asking(text, self._reported)  # its piece with the "?", not a list's lines ("- 8 septembre : 3h ; …")
        question = " ".join(piece for piece in question.split(";") if "?" in piece) or question
        if "?" not in question and self._asks and (said := list(self._asks.compiled.finditer(question))):
            question = question[said[-1].start() :]  # dictated: "… et encore 1 h le 2 novembre combien pour octobre"
        elif "?" not in question:  # "j'ai besoin du coût … entre le 1er septembre et le 31 octobre. Interventions : …"
            question = self._priced_sentence(text) or question
        asked = self.asked(question)
        if not (asked.months or asked.year):
            asked = self._range_told(text, [d for d, _ in roles])  # "… pour la période du 1er au 15 mars 2026. …"
        if not (asked.months or asked.year):
            return roles
        dates = self.days(text, [duration for duration, _ in roles])
        if not any(day and asked.holds(*day) for day, (_, role) in zip(dates, roles, strict=True) if role in BILLED):
            return roles  # no hours of the months asked: a month is another event's ("signée en mars")
        return [
            (duration, asked.outside(day) if role in BILLED and day is not None and not asked.holds(*day) else role)
            for day, (duration, role) in zip(dates, roles, strict=True)
        ]

    def _range_told(self, text: str, durations: list[Duration]) -> Asked:
        """The one range of days (or months) a sentence holding no hours but a word of what is paid
        (`period_told_words`) tells, in a message whose question names no period ("Nous devons rattacher les charges du
        CDG 62 pour la période du 1er au 15 mars 2026.", "Nous souhaitons mandater les interventions d'octobre et
        novembre."): the period the amount is for; not the visits' own ("Il est venu du 3 au 5 mars : 2 h le 3, …"),
        another event's ("La mairie était fermée du 10 au 15 mars."), one said paid ("Nous avons déjà payé la facture
        de septembre.")."""
        starts = [0, *(m.end() for m in SENTENCE_BREAK.finditer(text)), len(text)]
        ranges = {
            asked
            for start, end in pairwise(starts)
            if self._period_told
            and self._period_told.search(text, start, end)
            and ((asked := self._months(text[start:end])).days or asked.months)
            and not any(start <= d.start < end for d in durations)
            and not (self._paid and self._paid.search(text, start, end))
        }
        return ranges.pop() if len(ranges) == 1 else Asked()

    def said_again(self, text: str, first: Duration, then: Duration) -> bool:
        """Are the hours `then` the hours `first` said again: the same hours, not dated on two different days ("le 28
        janvier (2 h prévues) a été annulée. Les autres : le 14 janvier, 2 h": another visit)?"""
        if first.hours != then.hours:
            return False
        found = self._mentions(text)
        days = [self._date_of(text, duration, found) for duration in (first, then)]
        return not (all(day and day[1] for day in days) and days[0] != days[1])

    def _priced_sentence(self, text: str) -> str:
        """In a message without "?" whose last sentence asks no amount ("… Merci !"), its last sentence asking one
        ("j'ai besoin du coût de l'accompagnement entre le 1er septembre et le 31 octobre"), from the words asking it;
        the last of them naming a month, if one does."""
        cues = [cue for cue in (self._asks, self._priced) if cue is not None]
        said = sorted((m for cue in cues for m in cue.compiled.finditer(text)), key=lambda m: m.start(), reverse=True)
        # from the last, the first naming a month ("ce qu'on doit au CDG pour mars. Passages : … Merci de me dire le
        # montant."), else the last one
        last = ""
        for match in said:
            end = SENTENCE_BREAK.search(text, match.end())  # not a date's dots ("12.06.2026")
            sentence = text[match.start() : end.start() if end else len(text)]
            if self._name.search(sentence):
                return sentence
            last = last or sentence
        return last

    def asked(self, question: str) -> Asked:
        """The months `question` asks (`_months`), and the one year it asks after a link ("réalisées en 2026"), if one."""
        return replace(self._months(question), year=self._asked_year(question))

    def _asked_year(self, question: str) -> int | None:
        """The one year `question` asks after the words asking the amount, in their clause ("le montant pour 2026")."""
        cues = [cue.compiled for cue in (self._asks, self._priced) if cue is not None]
        start = min((m.start() for cue in cues if (m := cue.search(question))), default=0)
        years: set[int] = set()
        for match in self._year.finditer(question, start) if self._year else ():
            clause = question[start : match.start()]  # in the clause asking the amount: not "…, sachant qu'en 2026 …"
            if any(mark in clause for mark in ",;:") or (self._year_unless and self._year_unless.search(clause)):
                return None  # "combien depuis la signature en 2025 ?": a start, not a period
            years.add(int(match.group(1)))
        return years.pop() if len(years) == 1 else None

    def _months(self, question: str) -> Asked:
        """The months `question` asks: a part of the year's, a range's, the one month it names or the months it lists
        (else none: "signée en mars, combien pour octobre ?" names two months apart)."""
        part: tuple[int, int] | None = None  # the part of the year asked: its number and its length in months
        if self._part and (said := self._part.search(question)):  # "le troisième trimestre", "le premier semestre"
            part = self._ordinals[said.group(1)], self._parts[said.group(2)]
        elif self._lettered and (said := self._lettered.search(question)):  # "le T3" (not a flat's "T5")
            number, length = int(said.group(2)), self._letters[said.group(1)]
            part = (number, length) if number * length <= MONTHS else None
        if part:
            number, length = part
            months = range(length * (number - 1) + 1, length * number + 1) if 0 < length * number <= MONTHS else ()
            return Asked(frozenset(months))
        if self._month_part and (part := self._month_part.search(question)):  # "la première quinzaine de septembre"
            number, length, month = (
                self._ordinals[part.group(1)],
                self._days_in[part.group(2)],
                self._numbers[part.group(3)],
            )
            last = length * number if length * (number + 1) <= MONTH_DAYS else MONTH_DAYS  # the last part: to its end
            return Asked(frozenset({month}), ((month, length * (number - 1) + 1), (month, last)))
        mentions = self._mentions(question)
        # "du 1er au 15 septembre": a bare first day, of the last day's month
        if len(mentions) == 1 and self._first_day and (day := self._first_day.search(question, 0, mentions[0][0])):
            mentions.insert(0, (day.start(1), day.end(1), mentions[0][2], int(day.group(1)), mentions[0][4]))
        if len(mentions) == 2 and self._start and self._end:
            (start, end, first, first_day, _), (after, _, last, last_day, _) = mentions
            lead, gap = question[max(0, start - RANGE_LEAD) : start], question[end:after]
            # "de mars à juin"; joined by a dash alone, no opener needed ("pour septembre-octobre 2025")
            # ... or by a range's end word, not a list's ("pour juillet à septembre", not "juillet et septembre")
            joined = self._end.fullmatch(gap.strip()) and not (self._list_link and self._list_link.fullmatch(gap))
            if (
                len(gap) <= RANGE_GAP
                and self._end.search(gap)
                and (self._start.search(lead) or _DASH.fullmatch(gap) or joined)
            ):
                months = frozenset((first - 1 + step) % MONTHS + 1 for step in range((last - first) % MONTHS + 1))
                days = ((first, first_day), (last, last_day)) if first_day and last_day else None
                return Asked(months, days)
        if len(mentions) == 1 and (day := mentions[0][3]):  # one day ("pour l'intervention du 12 octobre"): that day's
            return Asked(frozenset({mentions[0][2]}), ((mentions[0][2], day), (mentions[0][2], day)))
        # one month by its name, or months listed ("pour mars et avril"): not a date's, nor names apart ("signée en mars,
        # combien pour octobre ?")
        names = [(m.start(), m.end(), self._numbers[m.group(1)]) for m in self._name.finditer(question)]
        gaps = (question[end:start] for (_, end, _), (start, _, _) in pairwise(names))
        listed = self._list_link is not None and all(self._list_link.fullmatch(gap) for gap in gaps)
        months = frozenset(month for _, _, month in names)
        return Asked(months) if len(months) == 1 or (names and listed) else Asked()

    def days(self, text: str, durations: list[Duration]) -> list[Day | None]:
        """The day (month, day, year when said) of each of `durations` (`_date_of`), the text's dates read once."""
        return [self._date_of(text, duration, found) for found in [self._mentions(text)] for duration in durations]

    def _mentions(self, text: str) -> list[Mention]:
        """Each month `text` names or dates, with where it stands and its day and year when said, in order."""
        named = [
            (m.start(), m.end(), self._numbers[m.group(2)], *(int(g) if g else None for g in m.group(1, 3)))
            for m in self._dated_name.finditer(text)
        ]
        dated = [(m.start(), m.end(), *day_month(m)) for m in DAY_MONTH.finditer(text)]
        return sorted((mention for mention in named + dated if 1 <= mention[2] <= MONTHS), key=lambda m: m[:2])

    def _date_of(self, text: str, duration: Duration, found: list[Mention]) -> Day | None:
        """The month (and day, year) of a date right after `duration` ("1 h le 04/11", "une visite de deux heures le 26
        février"), else of the one named nearest before it in its sentence ("En novembre elle est revenue le 4 pour");
        `found`: the text's month mentions."""
        after = next((m for m in found if m[0] >= duration.end), None)
        if after and after[0] - duration.end <= AFTER_REACH and not _APART.search(text, duration.end, after[0]):
            return after[2:]
        start = sentence_start(text, duration.start)  # (a mention ending past it: "12.06.2026" holds dots)
        before = [m for m in found if start < m[1] <= duration.start]
        return before[-1][2:] if before else None
