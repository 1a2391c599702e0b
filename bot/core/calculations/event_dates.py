"""The damaging event's dates and the entry into force's, for the liability cap's year (article 5.2, execution_years.py):
a date is the event's when the nearest cue in its sentence is an event word ("la panne du 03/11/2026"), the entry's
when it is an entry word ("la convention court depuis le 01/10/2025"); a day the damage was only found on ("on ne s'en
est aperçu que le 12/01/2026") is the event's only when no day of the event itself is given."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from ..calculation_schema import ExecutionYears as ExecutionYearsWords
from ..cost import DurationReader
from .base import sentence_start
from .cue_roles import nearest
from .cues import Cues, cue_pattern
from .date_lists import SENTENCE_END, SENTENCE_MARKS
from .year_of_execution import first_role

AMOUNT_LINK_WORDS = 3  # words at most from an amount to the date it is said of ("600 € payés le", "600 € en date du")
_OPENS_CLAUSE = re.compile(r":\s*(?:le |du |en )?$")  # a colon, then at most an article, right before the date
Days = Callable[[str, date | None], list[tuple[int, int, date, date]]]  # a text's dates: (start, end, first, last day)


class EventDates:
    """Reads the event's and the entry into force's dates of a message."""

    def __init__(self, words: ExecutionYearsWords, cues: Cues, reader: DurationReader, days: Days) -> None:
        self.cues = cues
        self.reader = reader
        self._days = days
        # "event" first: of two cues ending at one place, `nearest` keeps the first ("panne" is also an `other` cue)
        self.event = cue_pattern(words.event_words)  # "la panne", "une erreur de leur part": a damaging event told
        self._cues = {"event": self.event, "entry": cue_pattern(words.entry_words)}
        if words.discovery_words:
            self._cues["discovery"] = cue_pattern(words.discovery_words)

    def read(self, folded: str, today: date) -> tuple[tuple[date, date] | None, tuple[str, ...], list[date]]:
        """The damaging event's first and last possible days (None when no date is its) and its dates as written, and
        the dates said of the entry into force ("la convention court depuis le 01/10/2025"): the dates (an entry's up to
        today), whose nearest cue in their sentence (before them, else after them in their clause, not past another
        date) is an event or entry word ("la panne du 03/11/2026", "Le 03/11/2026, une faute …"), not another's."""
        cues = {**self._cues, **self.cues.date_cues}
        found = self._days(folded, today)
        days: list[date] = []
        written: list[str] = []
        entries: list[date] = []
        found_on: tuple[list[date], list[str]] = ([], [])  # the days the damage was found, and as written
        # the days of an event word said after a discovery word ("on a constaté la perte de données le 05/04/2026"): the
        # day it was found, unless no other day is the event's ("Le 05/03 nous avons signalé la panne survenue le 01/03")
        found_event: tuple[list[date], list[str]] = ([], [])
        for index, (start, end, first, last) in enumerate(found):
            low = max(found[index - 1][1] if index else 0, sentence_start(folded, start, SENTENCE_MARKS))
            before = folded[low:start]
            # a quotation still open before it: its own words, not those of its heading ("Projet de lettre : « … le")
            quote = max(before.rfind("«"), before.rfind("“"))
            before = before[quote + 1 :] if quote >= 0 and not re.search("[»”]", before[quote:]) else before
            # after it, its clause ("Le 03/11/2026, une faute …"; not "Depuis le 01/09/2025, chez eux, et une panne"),
            # unless an amount's right before it ("et 600 € le 02/09/2026, considérant la panne …": the invoice's day)
            after = folded[end : found[index + 1][0] if index + 1 < len(found) else None]
            opening = len(after) - len(after.lstrip(" ,"))
            tails = (before[self.reader.amount_end(before, at) :] for _, at in self.reader.amount_spans(before))
            owned = any(len(tail.split()) <= AMOUNT_LINK_WORDS for tail in tails)
            clause = "" if owned else after[opening : self.reader.clause_end(after, opening)]
            leads = before.rpartition(",")[2].strip() in ("", "le")  # it opens its clause: "Le …", "Bonjour, le …"
            if clause and leads and not any(p.compiled.search(clause) for p in cues.values()):
                # a date opening its sentence is the day of what the sentence tells, past a first clause naming no role
                # ("Le 03/03/2026, lors d'une mise à jour, notre catalogue a été perdu"), not past the sentence's end
                stop = SENTENCE_END.search(after, opening)
                clause = after[opening : stop.start() if stop else len(after)]
            after = clause
            if not any(p.compiled.search(before) or p.compiled.search(after) for p in self._cues.values()):
                continue  # no event or entry word around it: whichever role its words give, not one of those
            # a date opening the clause after a colon is read from that clause first ("Question pour le conseil : le
            # 15/12/2025, une mauvaise manipulation …": the event's day, not the council's)
            # ... unless the label before the colon is an event's or an entry's own ("Fait générateur : 02/04/2026,
            # dommage constaté le 20/04/2026": the event's day, the found one after it)
            opens = _OPENS_CLAUSE.search(before) and not nearest(before, self._cues) and first_role(after, cues)
            role = opens or nearest(before, cues) or first_role(after, cues)
            if role in ("event", "discovery"):  # to come too: a case supposed ("Le 10 mars 2027, une faute …")
                found_first = (
                    role == "event" and (discovery := self._cues.get("discovery")) and discovery.search(before)
                )
                kept = found_event if found_first else (days, written) if role == "event" else found_on
                kept[0].extend([first, min(last, today) if first <= today else last])
                kept[1].append(folded[start:end])
            elif role == "entry" and first <= today:
                entries.append(first)
        days, written = (days, written) if days else found_event if found_event[0] else found_on
        return ((min(days), max(days)) if days else None), tuple(written), entries
