"""Whose hours a message gives: La Fibre's technician's (priced by its quote, never at the CDG 62's rate) or the CDG
62's, with a training's hours the CDG 62 gave (billed.py reads them)."""

from __future__ import annotations

from itertools import pairwise

from ..cost import Duration
from ..told_values import DAY_TOLD, day_named
from .base import SENTENCE_END, SENTENCE_MARKS, sentence_start
from .cues import CuePattern
from .duration_role import DurationRoles
from .parties import Parties
from .visits import Part


class HoursParties(DurationRoles):
    """The party of a message's hours."""

    parties: Parties
    _on_site: CuePattern | None  # "sur place", "en mairie": a visit told with its trip (billed.py sets it)

    def party_of(self, text: str, duration: Duration) -> str | None:
        """The provider named in the same part of the sentence as `duration`, if any."""
        around = self._around(text, duration)
        named = self.parties.named(around)
        return next(iter(named)) if len(named) == 1 else None

    def not_fibres(self, text: str, billed: list[tuple[Duration, str]]) -> list[tuple[Duration, str]]:
        """`billed` without La Fibre's hours: said so, or of no one after La Fibre's in their sentence ("le technicien
        de La Fibre est resté 3 heures, avec 40 minutes de route")."""
        fibre: list[bool] = []
        for i, (d, _) in enumerate(billed):
            joined = bool(i) and fibre[-1] and not SENTENCE_END.search(text, billed[i - 1][0].end, d.start)
            fibre.append((party := self.party_of(text, d)) == "fibre" or (party is None and joined))
        return [item for item, its in zip(billed, fibre, strict=True) if not its]

    def cdg_time_priced(self, text: str, duration: Duration) -> bool:
        """Hours of a training done by the CDG 62 ("venu", or named) whose amount is asked, or given to check ("la
        secrétaire calcule 72,50 €, c'est bien ça ?"): its time, priced."""
        if not (self.cues.amount_asked and self.cues.amount_asked.search(text)) and not self.reader.amounts(text):
            return False
        around = self._around(text, duration)
        came = bool(self.cues.intervention and self.cues.intervention.search(around))
        # the party its own part of the sentence names, else its sentence's ("je démarre chez La Fibre. … une formation
        # par le CDG 62 : 3h30"), else the message's ("= 2 h … voir aussi le devis de La Fibre")
        sentence = self._sentence_of(text, duration)
        named = self.parties.named(around) or self.parties.named(sentence) or self.parties.named(text)
        return "fibre" not in named and (came or "cdg" in named)

    def _sentence_of(self, text: str, duration: Duration, *, whole: bool = False) -> str:
        """The words of the sentence of `duration` up to its end; `whole`: up to the sentence's end."""
        start = sentence_start(text, duration.start, SENTENCE_MARKS)  # back to its last mark, not every mark before
        if not whole:
            return text[start : duration.end]
        end = SENTENCE_END.search(text, duration.end)
        return text[start : end.start() if end else len(text)]

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
        if not (remote and remote.search(text)) or (on_site and on_site.search(text)):
            return []
        return [d for d, role in own if role == "travel"] if any(r == "intervention" for _, r in own) else []
