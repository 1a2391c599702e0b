"""Whether several durations of a message add up (Article 4.2.1 prices their sum): joined by an addition ("et",
"puis", a comma), or a visit's hours and its own trip; never hours given as alternatives ("2 h, parfois 3 h") or set
against each other ("facturé 5 h alors qu'il est venu 3 h")."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from decimal import Decimal
from functools import cached_property
from typing import TYPE_CHECKING

from ..cost import Duration
from ..french import fold
from ..told_values import day_opening, diary_day
from ..word_patterns import alternation
from .base import SENTENCE_END, Calculator, in_brackets, sentence_start
from .cues import CuePattern

if TYPE_CHECKING:
    from .visit_parts import Part

WORDS = re.compile(r"[a-z]{2,}")  # a word left between two durations (a cue's plural "s" is none)
RESTATED_REACH = 50  # characters between a session's hours and the time span that says them again
_IN_BRACKETS = re.compile(r"\s*\(\s*")  # "de neuf heures à midi (9h-12h)": the same span, in figures in brackets
POINTING_REACH = 12  # characters before hours where their demonstrative is read ("pour ces 7 h")
ASKED_REACH = 20  # characters before a total word where an asking word makes it asked ("combien en tout")
LINK_LETTERS = 3  # a word this short between an asking word and a total word links them ("combien au total")
_FIGURE = re.compile(r"\d")  # a question holding a figure names its own hours, day or amount: no total of others
_QUESTION_NEXT = re.compile(r"[a-z]*\s*\?")  # a total word ending the question ("coût total ?", "totaux ?")
ROUNDED = Decimal(1) / 60  # hours restated in decimals, rounded: "50 min, soit 0,83 h" (within a minute)


class AddedUp(Calculator):
    """Which durations of a message add up."""

    def added_up(self, text: str, durations: list[tuple[Duration, str]]) -> bool:
        """Are consecutive durations joined by an addition ("et", "puis", "plus", a comma), or one the travel of the
        other ("2h sur place" then "trajet 30 min" on the next line: the travel time is billed time too)?"""
        if self.cues.addition is None:
            return True
        asked = self.total_asked(text)  # "… 1 h 30 au téléphone. Après il est venu 3 h. Combien en tout ?": their sum
        either = self.cues.alternative  # "2 h, parfois 3 h": one or the other, never both
        return all(
            not (either and either.search(text, first.end, end := _bracket_end(text, first.end, second.start)))
            and not self._sum_of(text, first, second)
            and (
                asked
                or self.cues.addition.search(text, first.end, end)
                or _DAY_BETWEEN.fullmatch(text, first.end, second.start)  # dictated: "1 heure le 5 2 heures 30 le 14"
                or _new_day(text, first.end, second.start)  # a diary: "Lundi 2 : … 9h-11h30. Vendredi 6 : … 1 h"
                or bool(self._later_visit and self._later_visit.search(text, first.end, second.start))
                or (end > second.start and self.cues.back and self.cues.back.search(text, second.start, end))
                or ({one, two} == {"intervention", "travel"} and self._side_by_side(text[first.end : second.start]))
                or self._visit_trip(text, (first, one), (second, two))
                or (one == two == "travel" and self._trip_back(text, second))
            )
            for (first, one), (second, two) in itertools.pairwise(durations)
        )

    @cached_property
    def _later_visit(self) -> re.Pattern[str] | None:
        """An ordinal past the first before a session's noun ("deux fois, la première fois deux heures la deuxième fois
        trois heures et demie", "le 2e passage"): another visit, its hours added."""
        later = [word for word, number in self.words.later_periods.ordinals.items() if number > 1]
        nouns = {one.split()[-1] for one in self.words.session_nouns.values()}
        if not later or not nouns:
            return None
        return re.compile(rf"(?<![a-z0-9])(?:{alternation(later)}) (?:{alternation(nouns)})(?![a-z])")

    def without_restated_span(self, text: str, own: list[tuple[Duration, str]]) -> list[tuple[Duration, str]]:
        """`own` without a time span giving again, right after them, the hours of the session just said ("une séance en
        visio d'une heure et demie, le mardi suivant de 15 h à 16 h 30"), or hours giving again the span just said ("venu
        de 9h45 à 12h45, 3h à galérer sur le wifi", "de neuf heures à midi (9h-12h)"): one session, said twice. Not
        joined by an addition ("2 h lundi, puis mardi de 14 h à 16 h": two sessions)."""
        for index, (span, role) in enumerate(own[1:], 1):
            said, said_role = own[index - 1]
            gap = text[said.end : span.start]
            # a session, or a break ("une heure de pause déjeuner de 12h à 13h"): one break, said twice
            same = (span.clock != said.clock or _IN_BRACKETS.fullmatch(gap)) and role == said_role
            same = same and role in ("intervention", "pause")
            if not (same and span.hours is not None and span.hours == said.hours):
                continue
            if said.clock and day_opening(fold(text[span.end :]).lstrip(" ,")):
                continue  # "venu de 9h à 11h, 2h jeudi": another day's session
            near = len(gap) <= RESTATED_REACH and not SENTENCE_END.search(gap)
            # after the gap's last comma (before it, the end of the hours' own words: "1 heure| et demie, le …")
            if near and not (self.cues.addition and self.cues.addition.search(gap.rsplit(",", 1)[-1])):
                return self.without_restated_span(text, [*own[:index], *own[index + 1 :]])
            # "2 demi-journées de 3h30 chacune. (…) Il confirme les deux sessions, de 8h30 à 12h": named again, counted
            if self.cues.restating and self.cues.restating.search(text, sentence_start(text, span.start), span.start):
                return self.without_restated_span(text, [*own[:index], *own[index + 1 :]])
        return own

    def _visit_trip(self, text: str, first: tuple[Duration, str], second: tuple[Duration, str]) -> bool:
        """A visit's hours and its trip, one sentence after the other ("venu de 9h à 11h. Il a mis 30 min pour venir"):
        the travel's part of the sentence says a trip there, back, for each visit or in all ("2 h de route en tout"),
        and nothing between them sets the hours against each other ("facturé 4 h alors qu'il est venu 2 h")."""
        roles = {first[1]: first[0], second[1]: second[0]}
        if set(roles) != {"intervention", "travel"}:
            return False
        if self.cues.contrast and self.cues.contrast.search(text, first[0].start, second[0].start):
            return False
        invoiced = self.cues.invoiced  # "facturé 3 h. Il avait fait 30 min de route": the bill may hold the trip
        if invoiced and invoiced.search(self._around(text, roles["intervention"])):
            return False
        around = self._around(text, roles["travel"])
        if any(not self._asked_before(around, total.start()) for total in self._totals(around)):
            return True
        return any(cue and cue.search(around) for cue in (self.cues.trip, self.cues.back, self.cues.each))

    def _trip_back(self, text: str, duration: Duration) -> bool:
        """Travel hours said of the trip back ("20 min trajet aller 20 min retour"): they add to the trip there."""
        return bool(self.cues.back and self.cues.back.search(self._around(text, duration)))

    def _sum_of(self, text: str, first: Duration, second: Duration) -> bool:
        """Are the later hours, more than the first and said as a total ("venu 2 h. Trajet compris, 3 h en tout"), the
        sum of them, not hours to add? ("1 h de trajet au total" after 3 × 2 h is less: a part.)"""
        more = first.hours is not None and second.hours is not None and second.hours > first.hours
        around = self._around(text, second)
        return more and any(not self._asked_before(around, m.start()) for m in self._totals(around))

    def total_asked(self, text: str) -> bool:
        """Does `text` ask a total ("combien en tout", "ça fait combien au total"): a total word right after an asking one,
        or right before the question mark ("Coût total ?", "Montant global ?")?"""
        return any(
            self._asked_before(text, m.start()) or _QUESTION_NEXT.match(text, m.end()) or _figureless_question(text, m)
            for m in self._totals(text)
        )

    def _totals(self, text: str) -> list[re.Match[str]]:
        return list(self.cues.total.finditer(text)) if self.cues.total else []

    def _asked_before(self, text: str, start: int) -> bool:
        """Does an asking word ("combien") end right before `start`, a short word at most between ("combien au total"):
        the total is asked, not said of hours?"""
        asked = self.cues.amount_asked
        window = text[max(0, start - ASKED_REACH) : start]
        if not (asked and (found := list(asked.finditer(window)))):
            return False
        between = window[found[-1].end() :].replace(",", " ").split()
        return not between or (len(between) == 1 and len(between[0]) <= LINK_LETTERS)

    def _side_by_side(self, gap: str) -> bool:
        """Nothing but the hours' own role words between them ("2h sur place trajet 30 min"), not a sentence that
        sets them against each other ("facturé 2 h alors qu'il a fait 1 h de route")."""
        for pattern in (self.cues.duration_cues.get("travel"), self.cues.intervention):
            gap = pattern.sub(" ", gap) if pattern else gap
        return len(WORDS.findall(gap)) <= 1

    def _around(self, text: str, duration: Duration) -> str:
        return self.reader.clause_around(text, duration.start, duration.end)


_DAY_BETWEEN = re.compile(r"\s*(?:[a-z']+\s+)?\d{1,2}(?:er)?\s*")  # a day told after hours, then the next hours


def _new_day(text: str, end: int, start: int) -> bool:
    """Do the hours at `start` stand in a later sentence than those ending at `end`, a sentence that opens with its day
    ("Vendredi 6 : la conseillère revient 1 h", "12/10 : 2 h")? A diary's days: visits of their own, added."""
    if not SENTENCE_END.search(text, end, start):
        return False
    return bool(diary_day(text[sentence_start(text, start) : start].lstrip(" -–—•*\n")))


def _figureless_question(text: str, total: re.Match[str]) -> bool:
    """Does the total word stand in a question holding no figure ("Total à mandater pour novembre ?", "Quel est le total
    des deux passages ?"): the sum of the hours told before is asked, not hours said to be a total ("4 h au total ?")."""
    start, end = sentence_start(text, total.start()), SENTENCE_END.search(text, total.end())
    return bool(end and end.group() == "?" and not _FIGURE.search(text, start, end.start()))


def _bracket_end(text: str, start: int, end: int) -> int:
    """`end`, or the end of the bracket opening right before it: the words of hours in brackets (an addition, or the
    trip back) join them to the hours before ("45 min pour venir (45 min pour repartir aussi)")."""
    if not text[start:end].rstrip().endswith("("):
        return end
    closing = text.find(")", end)
    return end if closing == -1 else closing


def word_end(text: str, position: int) -> str:
    """`text` after the word that ends at or goes on after `position` ("deplacement|s compris" → " compris")."""
    rest = text[position:]
    return rest[len(re.match(r"[a-z]*", rest).group(0)) :].lstrip()  # type: ignore[union-attr]


Owned = list[tuple[Duration, str]]  # hours and their role ("intervention", "travel", …)


def without_restated_total(
    text: str, own: Owned, cue: CuePattern | None, counted: Callable[[str, Owned], list[Part] | None]
) -> Owned:
    """`own` without every hours that restate, right after `cue` ("soit", "=", "→"), the sum of those before them
    (`counted`: "2h lundi et 3h mardi, soit 5h") or the hours right before them in other units ("50 min à chaque fois,
    soit 0,83 h")."""
    if cue is None:
        return own
    for index, (duration, _) in enumerate(own[1:], 1):
        if duration.hours is None or not cue.search(gap := text[own[index - 1][0].end : duration.start]):
            continue
        parts = counted(text, own[:index])
        summed = sum((p.hours for p in parts), Decimal(0)) if parts is not None else None
        last = [*cue.finditer(gap)][-1]  # the same hours right after the restating word, in the same sentence
        again = own[index - 1][0].hours if not (gap[last.end() :].strip() or SENTENCE_END.search(gap)) else None
        if any(hours is not None and abs(hours - duration.hours) < ROUNDED for hours in (summed, again)):
            return without_restated_total(text, [*own[:index], *own[index + 1 :]], cue, counted)
    return own


TOTAL_AFTER = 10  # characters after hours where a total's word, no mark between, makes them one ("3h au total")
_MARK = re.compile(r"[,;:.!?()\n–—-]")


def said_total(
    text: str, own: Owned, total: CuePattern | None, counted: Callable[[str, Owned], list[Part] | None]
) -> Duration | None:
    """The last of `own`, when a total's word (`total`) stands before them in their sentence ("… suivi. Total : 4h45")
    or right after them, no mark between ("soit 4h45 au total", "3h au total sur les deux jours"), and two hours or
    more come before them, whose sum they are not: the writer's total, mistaken (an accountant's register), never hours
    to add; the hours detailed are priced, the total noted (a right total is already left out:
    `without_restated_total`). Not a visit before a question asking a total ("- le 26/10 : 30 min / - total à prévoir
    pour octobre ?"), nor an aside's hours ("(le maire et la secrétaire sont restés 2 h au total)": someone else's)."""
    if total is None or len(own) < 3 or (last := own[-1][0]).hours is None or in_brackets(text, last.start):
        return None
    if own[-1][1] == "travel":
        return None  # "9h-12h et 13h30-16h30, trajets 1h au total": the trips' total, hours of their own
    gap, after = text[own[-2][0].end : last.start], text[last.end : last.end + TOTAL_AFTER]
    before = total.search(gap[ends[-1].end() :] if (ends := list(SENTENCE_END.finditer(gap))) else gap)
    restated = (close := total.search(after)) and not _MARK.search(after, 0, close.start())
    if not (before or restated) or (parts := counted(text, own[:-1])) is None:
        return None
    return last if abs(sum((p.hours for p in parts), Decimal(0)) - last.hours) >= ROUNDED else None


def without_pointed_back(text: str, own: Owned, pointing: re.Pattern[str] | None) -> Owned:
    """`own` without the hours right after a demonstrative (`pointing`: "Combien pour ces 7 h ?") that other hours of
    the message give again (the same hours, or the sum of all the others), wherever those stand: the same hours."""
    if pointing is None:
        return own
    for index, (duration, _) in enumerate(own):
        others = [d.hours for i, (d, _) in enumerate(own) if i != index]
        if duration.hours is None or not others or None in others:
            continue
        if not pointing.search(text, max(0, duration.start - POINTING_REACH), duration.start):
            continue
        if duration.hours in others or abs(sum(others) - duration.hours) < ROUNDED:  # type: ignore[arg-type]
            return without_pointed_back(text, [*own[:index], *own[index + 1 :]], pointing)
    return own
