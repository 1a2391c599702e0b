"""A break inside the CDG 62's stay ("de 8h45 à 12h15, avec une pause de 15 minutes"): its hours are no time spent to
add; they are taken off the stay, and the answer says so (the text does not say how a break is billed). It gives no
amount with the break counted: a second total beside the right one is the figure a reader in a hurry copies. The words
are knowledge/calculations.yaml `pause`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ..cost import Duration
from ..money import format_hours
from ..visit_schema import PauseWords
from ..word_patterns import alternation
from .cue_patterns import cue_pattern

REACH = 40  # characters before hours where a break's words are looked for
MEAL_WORDS = 4  # words between a meal's verb and its hours ("il a déjeuné avec le maire de 12h à 13h")
AWAY_REACH = 90  # characters after hours within a stay where the agent may be said away, in their clause
_CLAUSE_END = re.compile(r"[.;!?\n]")
PAUSE_NOTE = (
    "J'ai retiré la pause ({said}) du temps passé : le CDG 62 facture le temps passé à l'intervention (article "
    "4.2.1), et la convention ne dit pas comment une pause est comptée."
)


@dataclass(frozen=True)
class TakenOff:
    """The hours of the breaks taken off a stay, and the sentence that says so."""

    hours: Decimal
    note: str


class Pauses:
    """Which hours of a message are a break, and what taking them off the stay gives."""

    def __init__(self, words: PauseWords | None) -> None:
        self._before = self._after = self._label = self._meal = self._away = None
        if words:
            kinds = rf"(?:[\s-]+(?:{alternation(words.kinds)}))?" if words.kinds else ""
            links = rf"(?:\s*(?:{alternation(words.links)}))?" if words.links else ""
            self._before = re.compile(rf"(?<![a-z])(?:{alternation(words.words)}){kinds}{links}\s*$")
            self._after = re.compile(rf"\s*(?:{alternation(words.after)})(?![a-z])") if words.after else None
            if words.verbs and words.links:  # the verb, at most MEAL_WORDS words ("avec le maire"), then its hours
                meal = rf"(?<![a-z])(?:{alternation(words.verbs)})(?:\s+[\w']+){{0,{MEAL_WORDS}}}?\s+(?:{alternation(words.links)})\s*$"
                self._meal = re.compile(meal)
            # hours within a stay during which the agent was away ("une interruption de 15h à 15h30 pendant laquelle
            # le conseiller s'est absenté"): a break
            self._away = cue_pattern(words.away).compiled if words.away else None
            if words.labels:  # "12h00-13h30 : pause déjeuner", "12:35-13:40 déjeuner": a range labelled a break
                self._label = re.compile(rf"\s*[:\-–—]?\s*(?:{alternation(words.labels)})(?![a-z])")

    def role(self, text: str, duration: Duration) -> str:
        """ "pause" for a break to take off its stay, "included" for one between two stays ("8h30-12h, pause de 12h à
        13h30, 13h30-16h30": in none, never taken off), "" for hours no break."""
        if not self.is_pause(text, duration):
            return ""
        return "pause" if duration.inside or duration.outer >= 0 or not duration.clock else "included"

    def is_pause(self, text: str, duration: Duration) -> bool:
        """Are these hours (in folded `digits` text) a break: right after "pause de", right before "de pause"?"""
        said = text[max(0, duration.start - REACH) : duration.start]
        before = (self._before and self._before.search(said)) or (self._meal and self._meal.search(said))
        labelled = duration.clock and self._label and self._label.match(text, duration.end)
        return bool(
            before
            or (self._after and self._after.match(text, duration.end))
            or labelled
            or self._away_in(text, duration)
        )

    def _away_in(self, text: str, duration: Duration) -> bool:
        """Are these hours within a range of the stay, their clause saying the agent was away during them?"""
        if self._away is None or duration.outer < 0:
            return False
        return bool(self._away.search(_CLAUSE_END.split(text[duration.end : duration.end + AWAY_REACH])[0]))

    @staticmethod
    def taken_off(pauses: list[tuple[Duration, int]], stay: Decimal) -> TakenOff | None:
        """The breaks (each with how many times it is taken) to take off the billed hours, when they are shorter
        than the `stay` they interrupt."""
        # a break is shorter than the stay it interrupts: "pause midi de 12h à 13h30" also holds midi's "12h", no break
        off = sum(((d.hours or Decimal(0)) * count for d, count in pauses if (d.hours or 0) < stay), Decimal(0))
        if not off or off >= stay:
            return None
        return TakenOff(off, PAUSE_NOTE.format(said=format_hours(off)))

    @staticmethod
    def detail(off: Decimal) -> str:
        """How the break shows in the sum of the hours ("3 h 30 − 0 h 15 de pause")."""
        return f" − {format_hours(off)} de pause"
