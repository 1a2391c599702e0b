"""The trips of a message's visits (Article 4.2.1 bills the whole trip): the trip back said the same as the trip there
("30 min aller, pareil au retour", "45 min pour venir et autant pour repartir") counts twice; a trip told apart from
visits on their own days is each visit's ("il a 35 min de route"); a message of remote sessions only made none."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cached_property
from itertools import pairwise

from ..cost import Duration
from ..told_values import DAY_TOLD, day_named
from .added import word_end
from .base import SENTENCE_END, SENTENCE_MARKS, sentence_start
from .cues import CuePattern, optional
from .price_notes import REMOTE
from .visit_parts import Part
from .visits import Visits

INCLUDED_REACH = 20  # characters before a travel word where "avec la" counts it in the hours said
SAME_REACH = 60  # characters after travel hours where "pareil au retour" doubles them
TRAILING = re.compile(r"[\s,;]*(?:[àa]\s+)?")  # between a clause's end and its words right after ("…, à chaque fois")


class Trips(Visits):
    """The trips of a message's visits: the trip back, the trip of each visit, no trip for remote sessions."""

    def with_return(self, text: str, own: list[tuple[Duration, str]]) -> list[tuple[Duration, str]]:
        """`own` with the travel hours said again for the trip back ("30 min aller, idem retour") written twice."""
        return [item for item, back in zip(own, self._backs(text, own), strict=True) for _ in range(1 + back)]

    def _backs(self, text: str, own: list[tuple[Duration, str]]) -> list[bool]:
        """For each of `own`, whether it is travel the trip back repeats ("pareil au retour")."""
        return [role == "travel" and self._same_back(text, d, next_start([e for e, _ in own], d)) for d, role in own]

    def _same_back(self, text: str, duration: Duration, stop: int) -> bool:
        """Is the trip back said to be the same as these hours ("1 h de route aller, pareil au retour"): a same word and
        a return word after them, in their sentence, before the next hours (at `stop`)?"""
        after = SENTENCE_END.split(text[duration.end : min(stop, duration.end + SAME_REACH)])[0]
        both = self.cues.both_ways.search(after) if self.cues.both_ways else None
        if both and not re.search(r"\d", after[: both.start()]) and not self._said_back(text, duration):
            return True  # "30 minutes de route dans chaque sens"; not "30 min au retour (42 km dans chaque sens)"
        return bool(self.cues.same and self.cues.back and self.cues.same.search(after) and self.cues.back.search(after))

    def same_trips(self, text: str, parts: list[Part]) -> list[Part]:
        """`parts` with each trip said before "même trajet" (a later visit's: "Visite du 26/01 : de 14h à 15h15, même
        trajet") counted once more for each time it is said."""
        again = [m.start() for m in self.cues.same_trip.finditer(text)] if self.cues.same_trip else []
        return [
            replace(p, count=p.count + sum(at > p.duration.end for at in again)) if p.role == "travel" else p
            for p in parts
        ]

    def visits_apart(self, text: str, parts: list[Part]) -> bool:
        """Is each visit told on its own day or sentence ("le jeudi 11 juin (2 h) et le mardi 15 septembre (1 h 30)"),
        not a morning and an afternoon of one day ("de 9 h à 12 h puis de 13 h 30 à 15 h": one visit, one trip)?"""
        visits = [p.duration for p in parts if p.role == "intervention" and p.count == 1]
        return all(
            any(cue.search(text, one.end, two.start) for cue in (SENTENCE_END, DAY_TOLD, day_named()))
            for one, two in pairwise(visits)
        )

    def trips_apart(self, text: str, parts: list[Part]) -> bool:
        """Is every trip the one each visit makes: told in a sentence holding no one visit's own hours ("Elle vient de
        Bruay, à trois quarts d'heure de route pour venir et autant pour repartir", after the visits told), and, beside
        hours of each visit, told as one way's length ("1h20 sur place à chaque fois et il met 25 min de route pr venir
        (pareil pr rentrer)")? Not a trip told with one visit ("Il est revenu le 24, de 9 h 15 à 11 h 45, avec 35
        minutes de route"), nor an amount of trip beside the visits ("Deux interventions de 3 h chacune et 1 h de
        trajet"): as written, the other reading priced in a note."""
        visits = [p for p in parts if p.role == "intervention"]
        with_visits = {sentence_start(text, p.duration.start, SENTENCE_MARKS) for p in visits}
        with_one_visit = {sentence_start(text, p.duration.start, SENTENCE_MARKS) for p in visits if p.count == 1}
        one_way = [cue for cue in (self.cues.trip, self.cues.back, self.cues.both_ways) if cue]
        return all(
            (start := sentence_start(text, p.duration.start, SENTENCE_MARKS)) not in with_one_visit
            and (start not in with_visits or any(cue.search(self._around(text, p.duration)) for cue in one_way))
            for p in parts
            if p.role == "travel"
        )

    def remote_trips(self, text: str, own: list[tuple[Duration, str]]) -> list[Duration]:
        """The travel hours of a message telling remote sessions only ("3 séances en visio de 45 minutes", no visit on
        site): a trip never made, not billed; [] when a visit on site is told, or no remote session."""
        remote, on_site = self.cues.no_trip, self._on_site
        if (
            not (remote and remote.search(text))
            or (on_site and on_site.search(text))
            or self._trip_with_visit(text, own)
        ):
            return []
        return [d for d, role in own if role == "travel"] if any(r == "intervention" for _, r in own) else []

    @cached_property
    def _only(self) -> CuePattern | None:
        return optional(self.words.only_words)  # "… les seules interventions sur site ?"

    def on_site_only(self, text: str, roles: list[tuple[Duration, str]]) -> list[tuple[Duration, str]]:
        """`roles`, the intervention hours said remote given the role `REMOTE` when a sentence asks the amount of the
        visits on site only ("Quel montant pour les seules interventions sur site ?" beside "un entretien téléphonique
        de 45 minutes"), and hours on site are told too."""
        remote, on_site, asked, only = self.cues.no_trip, self._on_site, self.cues.amount_asked, self._only
        if not (remote and on_site and asked and only and only.search(text) and remote.search(text)):
            return roles
        sentences = SENTENCE_END.split(text)
        if not any(only.search(s) and on_site.search(s) and asked.search(s) for s in sentences):
            return roles
        said = {
            i for i, (d, role) in enumerate(roles) if role == "intervention" and remote.search(self._around(text, d))
        }
        if not said or all(i in said for i, (_, role) in enumerate(roles) if role == "intervention"):
            return roles
        return [(d, REMOTE) if i in said else (d, role) for i, (d, role) in enumerate(roles)]

    def _trip_with_visit(self, text: str, own: list[tuple[Duration, str]]) -> bool:
        """Is a trip told in the part of a sentence (up to ";") of a session not said remote ("mardi 14h-17h par le CDG,
        45 min de trajet dans chaque sens ; jeudi 9h-10h30 en visio"): that session was a visit."""
        part = {d.start: sentence_start(text, d.start) for d, _ in own}
        visits = {part[d.start] for d, role in own if role == "intervention"}
        for start in {part[d.start] for d, role in own if role == "travel"} & visits:
            end = min((i for i in (text.find(mark, start) for mark in ".;!?\n") if i >= 0), default=len(text))
            if not (self.cues.no_trip and self.cues.no_trip.search(text, start, end)):
                return True
        return False

    def each_trip(self, text: str, parts: list[Part], each: set[int]) -> set[int]:
        """`each` (the hours billed for each visit) with the trips said with them: the trip there before a trip back
        of each visit ("30 min de trajet aller et 30 min retour à chaque fois"), and a trip added to each visit's
        hours ("2 h sur place à chaque fois + 1 h de route aller-retour"), in the same sentence."""
        before = {i for i in range(len(parts) - 1) if i + 1 in each and parts[i].count == 1 and _trips(text, parts, i)}
        added = {i + 1 for i in range(len(parts) - 1) if i in each and self._added_trip(text, parts[i], parts[i + 1])}
        each = each | before | added
        # and the trip back said right after a trip of each visit ("…, 25 min pour repartir")
        return each | {
            i + 1 for i in range(len(parts) - 1) if i in each and parts[i + 1].count == 1 and _trips(text, parts, i)
        }

    def _added_trip(self, text: str, hours: Part, trip: Part) -> bool:
        """Is `trip` added to `hours` by an addition word only ("à chaque fois + 1 h de route"), not said in total?"""
        gap = text[hours.duration.end : trip.duration.start]
        addition, total = self.cues.addition, self.cues.total
        if trip.role != "travel" or trip.count != 1 or not addition or SENTENCE_END.search(gap):
            return False
        return bool(addition.search(gap)) and not (total and total.search(self._around(text, trip.duration)))

    def said_right_after(self, text: str, end: int, cue: CuePattern | None) -> bool:
        """Is `cue` said right after the part of the sentence going on at `end` ("2 h en octobre, déjà payées", "…,
        et autant pour rentrer, à chaque passage")?"""
        return bool(cue and cue.match(text, TRAILING.match(text, self.reader.clause_end(text, end)).end()))

    def without_both_ways(self, text: str) -> str:
        """`text` without the words of a trip each way ("dans chaque sens" is no "chaque" visit)."""
        return self.cues.both_ways.compiled.sub(" ", text) if self.cues.both_ways else text

    def travel_untimed(self, text: str, parts: list[Part]) -> bool:
        """Is the trip given as a distance, not a time ("25 km de route à chaque fois"), none of the hours travel nor
        said to include it ("2h30 en tout avec la route. Il a fait 45 km")?"""
        if not (self.cues.distance and self.cues.distance.search(text)) or any(p.role == "travel" for p in parts):
            return False
        return not any(self.included(text, m) for m in self.cues.duration_cues["travel"].finditer(text))

    def included(self, around: str, travel: re.Match[str]) -> bool:
        """Is the travel word `travel` said to be counted in the hours ("trajet compris", "avec la route")?"""
        after, before = self.cues.included, self.cues.included_before
        return bool(
            (after and after.match(word_end(around, travel.end())))
            or (before and before.search(around, max(0, travel.start() - INCLUDED_REACH), travel.start()))
        )

    def _said_back(self, text: str, duration: Duration) -> bool:
        """Are these hours the trip back's ("30 min au retour"), not each way's ("à l'aller et au retour")?"""
        return bool(self.cues.back and self.cues.back.search(self.without_both_ways(self._around(text, duration))))


def next_start(durations: list[Duration], duration: Duration) -> int:
    """Where the hours after `duration` start (a large number when none follow)."""
    return min((d.start for d in durations if d.start > duration.start), default=1 << 30)


def _trips(text: str, parts: list[Part], index: int) -> bool:
    """Are the hours at `index` and the next ones two trips said in one sentence ("30 min aller et 30 min retour")?"""
    first, then = parts[index], parts[index + 1]
    return first.role == then.role == "travel" and not SENTENCE_END.search(
        text, first.duration.end, then.duration.start
    )
