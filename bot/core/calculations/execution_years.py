"""The years of execution of the convention, for the liability cap (article 5.2): the amount invoiced "au titre de
l'année en cours d'exécution au moment de la survenance de l'événement ayant engendré le préjudice".

Year 1 runs one year from the entry into force (the last signature), year 2 the next… The year that counts holds the
damaging event's date when the message gives one, else today. Each amount of a message is said of a year by words
("cette année"), an ordinal ("la deuxième année", "année 2"), a year in digits, a pair of years ("2025-2026") or two
months or dates ("de septembre 2025 à août 2026", "depuis le 01/07/2026"); `kind` tells whether that year holds the
event: "current", "other", "?" (it cannot be told from what the message gives) or "" (no year named)."""

from __future__ import annotations

import itertools
import re
from datetime import date
from decimal import Decimal

from dateutil.relativedelta import relativedelta

from ..cost import alternation
from ..date_mentions import calendar_names, find_dates
from ..french import fold
from .base import Calculator, Context, sentence_start
from .cues import _at_end, cue_pattern
from .date_roles import SENTENCE_END, SENTENCE_MARKS, DateRoles
from .event_dates import EventDates
from .year_of_execution import YEAR, Reading, When, alone, anniversary_in, month_end, yes

# A year in digits that is not an amount ("2 025 €") nor a decimal; a date's year too ("facturé le 15/09/2026").
_DIGIT_YEAR = re.compile(r"(?<![\d,.])(20\d\d)(?!\d|[,.]\d|\s?(?:€|euro))")
_ITEM_LABEL = re.compile(r"(\s*,)\s*(?:[^\W\d]+[\s'-]*){1,4}")  # ", option sauvegarde la fibre ": an item's label
_YEAR_PAIR = re.compile(r"(?<![\d,./-])(20\d\d) ?[-/] ?(20\d\d)(?![\d/-])")


class ExecutionYears(Calculator):
    """Reads the years a message's amounts are said of, and the dates that place them."""

    def __init__(self, context: Context, roles: DateRoles) -> None:
        super().__init__(context)
        self.date_roles = roles
        words = self.words.execution_years
        self._ordinals = ordinals = {" ".join(fold(w).split()): n for w, n in self.words.later_periods.ordinals.items()}
        nouns = alternation(words.nouns)
        # "la deuxième année", "le 1er exercice"; "année 2" (not "année 1 800 €"); an ordinal alone, before no word.
        paid = alternation(words.paid_for_words) if words.paid_for_words else ""
        self._paid_for = re.compile(rf"^\s*(?:{paid})(?![a-z])[^,;.!?]*?(?=,|\s+et\s|$)") if paid else None
        self._year_noun = re.compile(rf"(?<![a-z])(?:{nouns})(?![a-z])")  # "l'année en cours, commencée le …"
        self._ordinal_year = re.compile(rf"(?<![a-z0-9])({alternation(ordinals)}) (?:{nouns})(?![a-z])")
        self._numbered_year = re.compile(rf"(?<![a-z])(?:{nouns}) (\d{{1,2}})(?![\d,.]| ?\d{{3}}| ?(?:€|euro))")
        self._ordinal_alone = re.compile(rf"(?<![a-z0-9])({alternation(ordinals)})(?= ?(?:[^a-z ]|$))")
        months = alternation(calendar_names().numbers)
        self._month = re.compile(rf"(?<![a-z])({months})\.? (20\d\d)(?!\d)")
        self._in_month = re.compile(rf"(?<![a-z])(?:en |d'|de )?(?:{months})(?:\.? 20\d\d)?(?![a-z])")  # "en février"
        # Superset of what names a date or a year (`_days`, `_DIGIT_YEAR`, `_YEAR_PAIR`; "il y a 3 mois": an event's)
        self._dated = re.compile(rf"20\d\d|il y a |\d[/.-]\d|(?<![a-z])(?:{months})(?![a-z])")
        self._range_end = re.compile(rf" ?(?:{alternation(words.range_ends)}) ?")
        self._open_start = _at_end(words.open_starts)
        self._list_link = re.compile(rf" ?(?:{alternation(words.list_links)})(?![a-z])") if words.list_links else None
        self._start = cue_pattern([*words.start_words, *words.open_starts]).compiled if words.start_words else None
        self._event_dates = EventDates(words, self.cues, self.reader, self._days)
        self.event = self._event_dates.event  # a damaging event told ("La Fibre a écrasé par erreur nos sauvegardes")
        self._calendar_year = cue_pattern(words.calendar_year_words).compiled if words.calendar_year_words else None
        self._next = cue_pattern(words.next_words).compiled if words.next_words else None

    def when(self, folded: str, today: date, signature: date | None = None) -> When:
        """Today, the entry into force (the last signature named, or a date said of it, else `signature`: the one
        recorded by /signature) and the damaging event."""
        event, written, entries = self._event_dates.read(folded, today)
        roles = self.date_roles.roles(folded, find_dates(folded, today))
        # "la deuxième année, commencée le 01/04/2026": that year's start, never a signature; the entry a year before
        starts = {r.mention.value: self._year_start(folded, r.mention.start) for r in roles if r.mention.value}
        entries += [day - YEAR * (number - 1) for day, number in starts.items() if number]
        signed = [
            r.mention.value
            for r in roles
            if r.role == "signature"
            and not r.assumed
            and not starts.get(r.mention.value)
            and not self._starts_a_year(folded, r.mention.start)
        ]
        entry = max((day for day in signed + entries if not (event and event[0] <= day <= event[1])), default=signature)
        named = bool(self._ordinal_year.search(folded) or self._numbered_year.search(folded))
        if event and entry and event[0] < entry:  # before the convention applied: a date misread, today's reading
            event, written = None, ()
        return When(today, entry, event, written, named)

    def list_link(self, folded: str, end: int) -> bool:
        """Does a list link ("au titre de") follow the amount ending at `end`: its year is that of the list before it?"""
        return bool(self._list_link and self._list_link.match(folded, end))

    def listed(self, folded: str, spans: list[tuple[Decimal, int]], kinds: list[str]) -> None:
        """The amounts right before the last one, joined by addition words only ("1 250 € et 980 € au titre de la
        deuxième année"), are of its year: the first starts its group, the others are added to it."""
        first = last = len(kinds) - 1
        while first and not kinds[first - 1] and self.list_gap(folded, spans, first):
            first -= 1
        kinds[first:] = [kinds[last]] + ["added" if kinds[last] == "current" else kinds[last]] * (last - first)

    def list_gap(self, folded: str, spans: list[tuple[Decimal, int]], index: int, items: bool = False) -> bool:
        """Only addition words ("et", ",") between the amount `index` and the one before it, in one sentence; `items`:
        in a list its label opens, the next item's own label too ("… en cours : abonnement 960 €, option sauvegarde 240 €")."""
        gap = folded[self.reader.amount_end(folded, spans[index - 1][1]) : spans[index][1]] if index else "."
        if items and (item := _ITEM_LABEL.fullmatch(gap)):
            gap = item.group(1)
        addition = self.cues.addition
        if self._paid_for:  # "640 € pour la messagerie, 1 150 €": what the amount before pays, then the list's link
            gap = self._paid_for.sub("", gap)
        gap = self._in_month.sub("", gap)  # "450 € en février, 300 € en mai": when the amount before was invoiced
        return bool(addition and not re.search(r"[.;!?]", gap) and not addition.sub("", gap).strip())

    def _starts_a_year(self, folded: str, start: int) -> bool:
        """Is the date at `start` a year's start ("l'année en cours, commencée le 1er juillet 2026"), not a signature?"""
        before = SENTENCE_END.split(folded[max(0, start - 60) : start])[-1]
        said = self._start.search(before) if self._start else None
        return bool(said and self._year_noun.search(before, 0, said.start()))

    def _year_start(self, folded: str, start: int) -> int:
        """The year whose start the date at `start` is ("la deuxième année, commencée le …": 2), or 0: an ordinal year
        then one of `start_words` or `open_starts`, no figure between, in the date's sentence."""
        before = folded[sentence_start(folded, start, SENTENCE_MARKS) : start]  # its sentence: not the whole text split
        found = list(self._ordinal_year.finditer(before)) + list(self._numbered_year.finditer(before))
        last = max(found, key=lambda m: m.end(), default=None)
        rest = before[last.end() :] if last else "0"
        said = self._start and self._start.search(rest)
        if not (said and last and not re.search(r"\d", rest)):
            return 0
        return self._ordinals.get(last.group(1)) or int(last.group(1))

    def kind(self, text: str, reading: Reading, previous: str = "") -> str:
        """Does the year `text` names hold the event (else today)? "current", "other", "?" or "" (no year named).
        `reading` (the message's dates: the slow part) is read only if `text` may name a year (`_may_name_year`), or
        names the year after the one of `previous` (the words of the amount before: "… puis 4 750 € pour la suivante")."""
        back = relativedelta()
        if not self._may_name_year(text):
            if not (previous and self._next and self._next.search(text)):
                return ""
            text, back = previous, YEAR  # the next year holds a day when the one before holds it a year earlier
        when = reading()
        first, last = when.days
        for written in when.written:  # "une panne le 10/11/2026 nous a fait perdre 4 000 €": not an invoice of 2026
            text = text.replace(written, " ")
        found = {self._holds(text, when, day - back) for day in (first, last)}
        return "" if "" in found else found.pop() if len(found) == 1 else "?"

    def _may_name_year(self, text: str) -> bool:
        """What `_holds` reads a year from: a year word, an ordinal, a year in digits, a date or a month (`_dated`: an
        event's date, removed first, is one too); without any, "" whatever the dates of the message."""
        cues = self.cues
        return bool(
            self._dated.search(text)
            or (cues.current_year and cues.current_year.search(text))
            or (cues.other_year and cues.other_year.search(text))
            or any(p.search(text) for p in (self._ordinal_year, self._numbered_year, self._ordinal_alone))
        )

    def _holds(self, text: str, when: When, day: date) -> str:
        """Does the year `text` names hold `day`: "current", "other", "?" or ""."""
        cues, today = self.cues, when.today
        this, then = when.number(today), when.number(day)
        if (
            self._calendar_year
            and when.entry
            and (when.entry.month, when.entry.day) != (1, 1)
            and self._calendar_year.search(text)
        ):
            return "other"  # "sur l'année civile 2026 : 2 950 €": a calendar year, not a year of execution
        if cues.current_year and cues.current_year.search(text):  # the year in course today
            if when.entry is not None:
                return yes(this is not None and this == then)
            return "current" if day > today - YEAR else "other"  # without the entry: today's reading
        span = self._span(text, when)
        if number := self._ordinal(text, when):
            if then is not None:
                return yes(number == then)
            if span:  # "la deuxième (depuis juin 2026)": its dates place it
                return yes(span[0] <= day <= span[1])
            # without the entry, today's reading: the first year is past (the event of a year ago may be in it)
            return "other" if number == 1 and day > today - YEAR else "?"
        if cues.other_year and cues.other_year.search(text):
            if (when.entry is not None and this == then) or (when.entry is None and day > today - YEAR):
                return "other"
            return "?"  # which other year: not told
        if span:
            return yes(span[0] <= day <= span[1])
        # "1 700 € en février 2025", the entry known: the year of execution holding that month, not its calendar year
        placed = {when.number(day) for _, _, *days in self._days(text) for day in days} if then else set()
        if len(placed) == 1 and None not in placed:
            return yes(placed == {then})
        years = {int(y) for y in _DIGIT_YEAR.findall(text)}
        pair = _YEAR_PAIR.search(text)
        # "3 600 € pour 2025-2026", the entry unknown: July 2026 may end that year of execution or start the next
        if pair and int(pair.group(2)) == int(pair.group(1)) + 1 and day.year in years:
            return "?"
        return yes(day.year in years) if years else ""

    def _ordinal(self, text: str, when: When) -> int:
        """The year's number an ordinal of `text` gives ("la deuxième année", "année 2", "la seconde"), or 0."""
        if match := self._ordinal_year.search(text):
            return self._ordinals[match.group(1)]
        if match := self._numbered_year.search(text):
            return int(match.group(1))
        match = self._ordinal_alone.search(text) if when.ordinals else None
        return self._ordinals[match.group(1)] if match else 0

    def _span(self, text: str, when: When) -> tuple[date, date] | None:
        """The days a year named by its dates covers ("de septembre 2025 à août 2026", "depuis le 01/07/2026",
        "2025-2026" once the entry is known), or None when `text` names none; the one said last, nearest the amount
        (not an aside's before it: "1 800 € (1er mars 2026 – 28 février 2027), puis, depuis le 1er mars 2027 : 500 €")."""
        found, ranged = self._days(text), self._range_end.fullmatch
        said = [(b[1], (a[2], b[3])) for a, b in itertools.pairwise(found) if ranged(text, a[1], b[0])]
        for start, end, first, last in found:
            if self._open_start and self._open_start.search(text, 0, start):
                # "depuis juillet 2026", the entry the 07/07: the year starting in that month, not on its first day
                anniversary = anniversary_in(when.entry, first.year)
                first = anniversary if anniversary and first <= anniversary <= last else first
                said.append((end, (first, first + YEAR - relativedelta(days=1))))
                break
        if said:
            return max(said)[1]
        pair = _YEAR_PAIR.search(text) if when.entry else None  # without the entry: its years in digits (below)
        if pair and when.entry and int(pair.group(2)) == int(pair.group(1)) + 1:
            start = when.entry + YEAR * (int(pair.group(1)) - when.entry.year)
            return start, start + YEAR - relativedelta(days=1)
        return None

    def dated(self, text: str) -> bool:
        """Does `text` name a day ("le 12/12/2025"), not only a month or a year?"""
        return any(first == last for _, _, first, last in self._days(text))

    def _days(self, text: str, today: date | None = None) -> list[tuple[int, int, date, date]]:
        """The dates and months of `text` (find_dates', and a month with its year after any word: "de septembre
        2025"), each as (start, end, first day, last day), in order."""
        dates = []
        lead = len(text) - len(text.lstrip(" "))  # find_dates reads `text` without its leading spaces
        for m in find_dates(text, today):
            # "la panne du 18 novembre": the last 18 November up to today, not its dated neighbour's year
            value = alone(m.text, today) if today and m.assumed_year else m.value
            if value:
                start = lead + m.start
                dates.append((start, start + len(m.text), value, month_end(value) if m.month_only else value))
        numbers = calendar_names().numbers
        months = [
            (m.start(), m.end(), first, month_end(first))
            for m in self._month.finditer(text)
            if not any(start <= m.start() < end for start, end, _, _ in dates)  # "mars 2025" of "15 mars 2025"
            for first in [date(int(m.group(2)), numbers[m.group(1)], 1)]
        ]
        return sorted(dates + months)
