"""Hours planned beside hours done: "un devis du CDG pour 10 h, il est déjà venu 6 h 30 : combien reste-t-il à payer ?"
prices what is left (planned minus done), never the sum of both; the CDG 62 bills the time spent (article 4.2.1). The
words are `planned_hours_words`, `done_hours_words` and `remaining_words` (knowledge/calculations.yaml)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from ..answer import Answer
from ..cost import Duration
from ..money import HOURLY_RATE, format_euros, format_hours, support_cost
from ..told_values import DAY_TOLD, day_named
from .base import Calculator, Context, sentence_start
from .billed import BilledHours
from .cues import Cues
from .visit_parts import Part, detail

_LISTED = re.compile(r"\s*(?:[,;+]|et|puis)?\s*")  # between two hours of one list ("2h, 1h30 et 45 min")
LEFT_REACH = 16  # characters between a remaining word and the hours it says are left ("il en reste encore 2 h")
RATE = f"× {format_euros(HOURLY_RATE)} TTC"
SPENT = "temps et frais de déplacement compris (article 4.2.1)"
INDICATIVE = "Montant indicatif : le CDG 62 facture le temps réellement passé, payé par mandat administratif."


class Remaining(Calculator):
    """The price of the hours left, or of those done, when a message also gives the hours planned."""

    def __init__(self, context: Context, billed: BilledHours) -> None:
        super().__init__(context)
        self.billed = billed  # how many times the hours done are billed ("venu 3 fois 2 h", a trip each time)

    def answer(
        self,
        question: str,
        text: str,
        terms: list[str],
        own: list[tuple[Duration, str]],
        roles: Sequence[tuple[Duration, str]] = (),
    ) -> Answer | None:
        """What is left (or done) priced, when some of the CDG 62's hours `own` are planned ones, or a total and some
        of `roles` (every duration's) paid; else None."""
        if paid := self._paid_left(question, text, terms, own, [d for d, role in roles if role == "paid"]):
            return paid
        planned_cue, done_cue = self.cues.planned_hours, self.cues.done_hours
        if planned_cue is None or len(own) < 2 or any(d.hours is None for d, _ in own) or not planned_cue.search(text):
            return None  # (the whole text searched once: a long message's hours are not each read for a plan)
        planned: list[Part] = []
        left: list[Part] = []
        done: list[tuple[Duration, str]] = []
        marked = True  # every hour done says so ("déjà venu 6 h 30"): else it may be a part of the plan
        last_done = -1  # where the last hours said done end: hours listed right after them are done too
        for duration, role in own:
            around = self.reader.clause_around(text, duration.start, duration.end, labelled=True)
            # "intervenu 3 fois (2h, 1h30 et 45 min)": the list's hours share the first one's word
            listed = last_done >= 0 and bool(_LISTED.fullmatch(text, last_done, duration.start))
            said_done = listed or bool(done_cue and done_cue.search(around))
            last_done = duration.end if said_done else -1
            if self._left(text, duration):
                left.append(Part(duration, role))
            elif said_planned(self.cues, around) and not said_done:
                planned.append(Part(duration, role))
            else:
                done.append((duration, role))
                marked = marked and (said_done or role == "travel")  # a trip goes with the visit said done
        counted = self.billed.counted(text, done) if done else []
        if not planned or not (left or done) or counted is None:
            return None  # (how many visits the hours done are is not clear: prices.py says so)
        # "prévu au devis : 4 demi-journées de 3 h": the plan's count is read as the visits' is
        plan = _spent(self.billed.counted(text, [(p.duration, p.role) for p in planned]) or planned)
        if left:
            lines = [f"Il reste {_priced(left)}, {SPENT}.", self._not_added(planned)]
        elif self.cues.remaining and self.cues.remaining.search(text):
            lines = self._left_over(plan, planned, counted)
        elif marked and any(role != "travel" for _, role in done):  # the visit's own hours said done, not a trip alone
            spent = _spent(counted)
            rest = (
                f" ; il en resterait {_priced_hours(plan - spent)} si tout est fait"
                if spent < plan
                else f" ; {_priced_hours(spent - plan)} au-delà des heures prévues"
                if spent > plan
                else ""
            )
            lines = [f"Heures déjà faites : {_priced(counted)}, {SPENT}.", f"{self._not_added(planned)[:-1]}{rest}."]
        else:
            return None
        return self.priced(question, " ".join([*lines, INDICATIVE]), terms)

    def _paid_left(
        self, question: str, text: str, terms: list[str], own: list[tuple[Duration, str]], paid: list[Duration]
    ) -> Answer | None:
        """What is left to pay of a total said ("6h en tout, … on a déjà payé 2h30 : il reste combien ?"): the total
        minus the hours paid. Hours said apart from those paid ("2 h en octobre, déjà payées, et 3 h en novembre") are
        priced alone by prices.py."""
        total = self.cues.total_after
        totals = [d for d, _ in own if d.hours is not None and total and total.match(text, d.end)]
        if not (paid and len(totals) == 1 and self.cues.remaining and self.cues.remaining.search(text)):
            return None
        settled = sum((d.hours for d in paid if d.hours is not None), Decimal(0))
        if (done := totals[0].hours) is None or done <= settled:
            return None
        rest, said = done - settled, ", ".join(d.text for d in paid)
        line = (
            f"Heures faites en tout : {totals[0].text}, dont {said} déjà payées ; il reste {format_hours(rest)} : "
            f"{format_hours(rest)} {RATE} = {format_euros(support_cost(rest))} TTC, {SPENT}."
        )
        return self.priced(question, f"{line} {INDICATIVE}", terms)

    def done_only(self, text: str, own: list[tuple[Duration, str]]) -> list[tuple[Duration, str]]:
        """`own` without the hours a quote or a plan gives ("le devis annonçait 6 heures"; not a time of day), when a
        visit's hours are said done beside them ("venu le 02/10 de 14h à 16h", "déjà venu 2 h", "– mardi 3 novembre :
        8h30–10h": a day's time span): never added."""
        around = [self.reader.clause_around(text, d.start, d.end, labelled=True) for d, _ in own]
        planned = [not d.clock and said_planned(self.cues, words) for (d, _), words in zip(own, around, strict=True)]
        done = [
            bool(DAY_TOLD.search(words) or (self.cues.done_hours and self.cues.done_hours.search(words)))
            or (d.clock and bool(day_named().search(text, sentence_start(text, d.start), d.start)))
            for (d, _), words in zip(own, around, strict=True)
        ]
        visits = any(r == "intervention" and d and not p for (_, r), p, d in zip(own, planned, done, strict=True))
        return [hours for hours, plan in zip(own, planned, strict=True) if not plan] if visits else own

    def _left(self, text: str, duration: Duration) -> bool:
        """Are these hours said to be left ("il en reste 2 h", "2 h restantes")?"""
        return said_left(self.cues, text, duration.start, duration.end)

    def _left_over(self, plan: Decimal, planned: list[Part], done: list[Part]) -> list[str]:
        """The hours planned minus those done, priced; or the hours past the plan."""
        spent = _spent(done)
        said = f"Heures prévues : {_hours(planned)} ; heures déjà faites : {_hours(done)}"
        if spent > plan:
            return [
                f"{said} : elles dépassent les heures prévues, il n'en reste aucune à faire. Le CDG 62 facture le temps "
                f"passé : {_priced(done)}, dont {_priced_hours(spent - plan)} au-delà des heures prévues, {SPENT}."
            ]
        rest = plan - spent
        return [
            f"{said} ; il reste {format_hours(rest)} : {format_hours(rest)} {RATE} = "
            f"{format_euros(support_cost(rest))} TTC, {SPENT}.",
            f"Pour mémoire : les heures prévues font {format_euros(support_cost(plan))} TTC, celles déjà faites "
            f"{format_euros(support_cost(spent))} TTC.",
        ]

    @staticmethod
    def _not_added(planned: list[Part]) -> str:
        said = ", ".join(f"« {p.duration.text} »" for p in planned)
        return f"Je n'ai pas ajouté {said} : ce sont les heures prévues, pas du temps passé en plus."


def said_planned(cues: Cues, around: str) -> bool:
    """Are the hours whose part of the sentence is `around` (`clause_around`, labelled) planned ones ("un devis du CDG
    pour 10 h", "12 heures prévues"), not hours done?"""
    return bool(cues.planned_hours and cues.planned_hours.search(around))


def said_left(cues: Cues, text: str, start: int, end: int) -> bool:
    """Is the figure from `start` to `end` said to be what is left ("il en reste 2 h", "il nous reste 300 €", "2 h
    restantes"), not the plan it is left of ("il reste … sur le forfait de 10 h")?"""
    remaining, planned = cues.remaining, cues.planned_hours
    if remaining is None:
        return False
    before = text[max(0, start - LEFT_REACH) : start]
    if (hit := list(remaining.compiled.finditer(before))) and not (planned and planned.search(before, hit[-1].end())):
        return True
    return bool(remaining.compiled.match(text[end : end + LEFT_REACH].lstrip()))


def _spent(parts: list[Part]) -> Decimal:
    return sum((p.hours for p in parts), Decimal(0))


def _hours(parts: list[Part]) -> str:
    """ "3 h 15", or "7 h (3 × 2 h + 1 h)" for several."""
    total = format_hours(_spent(parts))
    return total if len(parts) == 1 and parts[0].count == 1 else f"{total} ({detail(parts)})"


def _priced(parts: list[Part]) -> str:
    total = _spent(parts)
    return f"{_hours(parts)} : {format_hours(total)} {RATE} = {format_euros(support_cost(total))} TTC"


def _priced_hours(hours: Decimal) -> str:
    return f"{format_hours(hours)} ({format_euros(support_cost(hours))} TTC)"
