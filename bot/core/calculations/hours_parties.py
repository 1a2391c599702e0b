"""Whose hours a message gives: La Fibre's technician's (priced by its quote, never at the CDG 62's rate) or the CDG
62's, with a training's hours the CDG 62 gave (billed.py reads them)."""

from __future__ import annotations

import re
from functools import cached_property

from ..cost import Duration
from ..folding import folded as fold_spaced
from ..french import fold
from ..phrases import WORD, phrases_pattern
from .base import SENTENCE_END, SENTENCE_MARKS, sentence_start, since_break
from .cues import CuePattern, optional
from .duration_role import DurationRoles
from .parties import Parties

# a list line's label after its hours and a colon: "18/11 9h00-10h30 : atelier animé par le technicien La Fibre"
_LABEL_AFTER = re.compile(r"\s*[:–—]\s*([^.;!?\n]*)")
_WORDS_GAP = re.compile(r",((?:\s*[^\W\d]+){0,2})$")  # a comma, then two words at most, right before hours
_CELL_AFTER = re.compile(r"\s*,([^,.;:!?\n]*)(?:[,.;!?\n]|$)")  # the next cell of a row read as a sentence
_ITEM_END = re.compile(r"[)\n]")  # a bracket's aside or a list's line ends: hours after it are on no one's list


class HoursParties(DurationRoles):
    """The party of a message's hours."""

    parties: Parties

    def price_asked(self, text: str, *, total: bool = True) -> bool:
        """Does the message ask an amount ("combien", "quel tarif"), give one to check ("200 € pour 3 h"), name a tax to
        add ("3h, tva à ajouter ?": the rate is TTC, the price says so) or, with `total`, a total ("en tout")?"""
        folded = fold(text)
        if self._not_amount:  # "combien de temps avant faut-il envoyer le recommandé ?": no amount asked
            folded = self._not_amount.sub(" ", folded)
        cues = (self.cues.amount_asked, self.cues.price_asked, self.cues.tax, self.cues.total if total else None)
        return any(cue and cue.search(folded) for cue in cues) or bool(self.reader.amounts(text))

    @cached_property
    def _together(self) -> CuePattern | None:
        return optional(self.words.together_words)  # "ensemble": two providers' hours, the CDG 62's time too

    @cached_property
    def _not_amount(self) -> re.Pattern[str] | None:
        return optional(self.words.not_amount_words)  # "combien de temps avant", "combien d'exemplaires"

    def party_of(self, text: str, duration: Duration) -> str | None:
        """The provider named in the same part of the sentence as `duration`, else in the label its line gives it after
        a colon, else, naming none, in the part before the comma its hours open (`_apposed`), or in a table row's next
        cell (`_next_cell`), if any."""
        label = _LABEL_AFTER.match(text, duration.end)
        if self._together_with_cdg(text, duration):
            return "cdg"
        named = self.parties.named(self._around(text, duration)) or (self.parties.named(label[1]) if label else set())
        if len(named) > 1:  # "et le technicien de la fibre lui il est resté 2 heures … pour le centre de gestion"
            named = self.parties.named(
                self.reader.clause_around(text, duration.start, duration.start, bounds=(0, duration.start))
            )
        # "le technicien de La Fibre qui, lui, est resté 3 heures": the subject before the apposed pronoun
        named = named or self.parties.named(since_break(text, duration.start, self.cues.apposed, reach=80))
        if named:
            return next(iter(named)) if len(named) == 1 else None
        return (
            self._apposed(text, duration)
            or self._next_cell(text, duration)
            or self._sentence_party(text, duration)
            or self._writers_staff(text, duration)
        )

    def _writers_staff(self, text: str, duration: Duration) -> str | None:
        """The provider who writes, of hours its own staff spent ("Notre propre technicien y a passé 6 heures", signed
        "Facturation – La Fibre Numérique 59 62": La Fibre's; signed by the CDG 62, its own)."""
        around = fold(self._around(text, duration))
        visit = self.cues.visit_sentence
        if not (visit and visit.search(around) and self.parties.first_person.intersection(WORD.findall(around))):
            return None
        return self.parties.writer.signer(fold_spaced(text))

    def _together_with_cdg(self, text: str, duration: Duration) -> bool:
        """Are these hours the CDG 62's and another provider's together, both named in their sentence so far ("le
        conseiller du CDG et l'agent de La Fibre ont travaillé ensemble de 14h à 15h30"): the CDG 62 was there?"""
        head = text[sentence_start(text, duration.start) : duration.end]
        named = self.parties.named(head) if self._together and self._together.search(head) else set()
        return "cdg" in named and len(named) > 1

    def within_visits(self, text: str, roles: list[tuple[Duration, str]]) -> list[tuple[Duration, str]]:
        """`roles`, the intervention hours within a visit's own "included" ("de 9h à 17h, dont une réunion de 10h à
        11h": its visit's, not added), unless another party's ("le technicien de La Fibre de 9h à 12h, et la conseillère
        du CDG 62 nous a rejoints de 10h à 12h": the CDG 62's own), and a trip said to be in them (`counted_trips`)."""
        outer = {d.start: (d, r) for d, r in roles}

        def included(inner: Duration, role: str) -> bool:
            visit = outer.get(inner.outer)
            return role == "intervention" == (visit and visit[1]) and self._same_party(text, inner, visit[0])

        return self.counted_trips(text, [(d, "included" if included(d, r) else r) for d, r in roles])

    def counted_trips(self, text: str, roles: list[tuple[Duration, str]]) -> list[tuple[Duration, str]]:
        """`roles`, the travel hours "included" when the message says the trip is counted in the visit's hours ("4 heures
        de temps passé, déplacement compris. L'aller-retour lui prenait 1 heure": 4 h) or the travel hours themselves
        ("1 h (aller-retour de 30 min compris dans cette heure)"): the trip is in them, never added."""
        travel, included, trip = self.cues.duration_cues.get("travel"), self.cues.included, self.cues.trip
        if not (travel and included) or all(role not in ("travel", "delay") for _, role in roles):
            return roles
        starts = [d.start for d, _ in roles]

        def counts_trip(duration: Duration) -> bool:  # its sentence, up to the next hours, says the trip is in them
            end = SENTENCE_END.search(text, duration.end)
            stop = min([s for s in starts if s > duration.start] + [end.start() if end else len(text)])
            rest = text[duration.end : stop]
            return not (end and end.group() == "?") and any(self.included(rest, m) for m in travel.finditer(rest))

        visits = [d for d, role in roles if role == "intervention"]

        def visit_counts_trip(duration: Duration) -> bool:
            # its own visit's: the last one before it, else the first after ("venue le 7 (2 h, trajet compris), venue le
            # 21 (1 h 30 sur place + 30 min de trajet)": the 21st's trip is billed, only the 7th's is in its hours)
            before = [d for d in visits if d.start < duration.start]
            own = before[-1] if before else next(iter(visits), None)
            return own is not None and counts_trip(own)

        def counted(duration: Duration, role: str) -> bool:  # ... or a time "pour venir" (a trip, else a delay)
            if role == "delay":
                return visit_counts_trip(duration) and bool(trip and trip.search(self._around(text, duration)))
            return role == "travel" and (
                visit_counts_trip(duration) or bool(included.match(text, _gap_end(text, duration.end)))
            )

        return [(d, "included") if counted(d, role) else (d, role) for d, role in roles]

    def _same_party(self, text: str, inner: Duration, outer: Duration) -> bool:
        """Are hours within others (`outer`) those of the same party, or of one not named apart?"""
        parties = {self.party_of(text, inner), self.party_of(text, outer)}
        return None in parties or len(parties) == 1

    def _apposed(self, text: str, duration: Duration) -> str | None:
        """The provider of hours opening their part of the sentence after a comma, named by the part before it, past its
        own hours ("un technicien de La Fibre, 2h30 pour les bornes, et la conseillère du CDG 62, 1h45 pour former les
        agents": 2h30 are La Fibre's, 1h45 the CDG 62's). Two words at most may stand between: a table's cell label
        ("intervenant La Fibre, durée 02:00"), a participle ("… de 9 h à 11 h 30 avec le technicien de La Fibre, resté 3
        heures"), never one who came ("…, puis encore 1 h", "…, le conseiller 2 h")."""
        gap = _WORDS_GAP.search(text[: duration.start].rstrip())
        visit = self.cues.visit_sentence
        if gap is None or (gap.group(1) and (visit is None or visit.search(fold(gap.group(1))))):
            return None
        comma = gap.start()
        before = self.reader.clause_around(text, comma, comma)
        if said := self.reader.durations(before):
            before = before[said[-1].end :] if gap.group(1) else ""
        named = self.parties.named(before)
        return next(iter(named)) if len(named) == 1 else None

    def _sentence_party(self, text: str, duration: Duration) -> str | None:
        """The one provider named by the sentence of hours that are its only ones, a table row's ("Date 16/09,
        Intervenant La Fibre, Durée sur place 2h, Objet installation bornes.": La Fibre's)."""
        sentence = self._sentence_of(text, duration, whole=True)
        # (a stay going on past a range is read only with it: "Le technicien de La Fibre … est resté jusqu'à 13h00")
        if not duration.went_on and len(self.reader.durations(sentence)) != 1:
            return None
        named = self.parties.named(sentence)
        return next(iter(named)) if len(named) == 1 else None

    def _next_cell(self, text: str, duration: Duration) -> str | None:
        """The provider named by the part right after hours standing alone between commas, a table row's cells ("05/11,
        14h-15h30, La Fibre, raccordement.": La Fibre's)."""
        after = _CELL_AFTER.match(text, duration.end)
        if not (after and text[: duration.start].rstrip().endswith(",")):
            return None
        named = self.parties.named(after[1])
        return next(iter(named)) if len(named) == 1 else None

    @cached_property
    def _other_bodies(self) -> re.Pattern[str]:
        """The bodies the convention does not bind (knowledge/vocabulary.yaml `other_bodies`: "CNFPT", "CDG 59")."""
        return phrases_pattern(self.knowledge.reading.other_bodies, start=False)

    def not_fibres(self, text: str, billed: list[tuple[Duration, str]]) -> list[tuple[Duration, str]]:
        """`billed` without La Fibre's hours: said so, or of no one after La Fibre's in their sentence ("le technicien
        de La Fibre est resté 3 heures, avec 40 minutes de route"), not past its aside or its line ("(La Fibre était là
        aussi, 2 h)\n- le 16 : 45 min")."""
        fibre: list[bool] = []
        for i, (d, _) in enumerate(billed):
            between = text[billed[i - 1][0].end : d.start] if i else ""
            joined = bool(i) and fibre[-1] and not (SENTENCE_END.search(between) or _ITEM_END.search(between))
            fibre.append((party := self.party_of(text, d)) == "fibre" or (party is None and joined))
        return [item for item, its in zip(billed, fibre, strict=True) if not its]

    def cdg_time_priced(self, text: str, duration: Duration) -> bool:
        """Hours of a training done by the CDG 62 ("venu", or named) whose amount is asked, or given to check ("la
        secrétaire calcule 72,50 €, c'est bien ça ?"): its time, priced."""
        if not self.price_asked(text):  # "combien", "le coût total", "total CDG ?", an amount to check
            return False
        around = self._around(text, duration)
        # "une formation CNFPT de 6 heures, puis le conseiller du CDG 62 est venu 2h15": the training is another body's
        if self._other_bodies.search(around):
            return False
        came = bool(self.cues.intervention and self.cues.intervention.search(around))
        # the party its own part of the sentence names, else its sentence's ("je démarre chez La Fibre. … une formation
        # par le CDG 62 : 3h30"), else the message's before it ("budget du CDG 62 : … 3 demi-journées de formation. Le
        # devis de La Fibre est à part"), else the whole message's ("= 2 h … voir aussi le devis de La Fibre")
        sentence = self._sentence_of(text, duration)
        own = self.party_of(text, duration)  # "…, et la conseillère du CDG 62, 1h45 pour former les agents"
        named = (
            {own}
            if own
            else self.parties.named(around)
            or self.parties.named(sentence)
            or self.parties.named(text[: duration.start])
            or self.parties.named(text)
        )
        return "fibre" not in named and (came or "cdg" in named)

    def _sentence_of(self, text: str, duration: Duration, *, whole: bool = False) -> str:
        """The words of the sentence of `duration` up to its end; `whole`: up to the sentence's end."""
        start = sentence_start(text, duration.start, SENTENCE_MARKS)  # back to its last mark, not every mark before
        if not whole:
            return text[start : duration.end]
        end = SENTENCE_END.search(text, duration.end)
        return text[start : end.start() if end else len(text)]


def _gap_end(text: str, position: int) -> int:
    """Where the spaces after `position` end."""
    return len(text) - len(text[position:].lstrip(" "))
