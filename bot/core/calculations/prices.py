"""Prices (Article 4.2.1): the CDG 62's hours priced at its hourly rate, an amount turned back into
hours, days asked as hours, hours that are not billed, and prices asked before tax."""

from __future__ import annotations

import itertools
import re
from decimal import Decimal

from ..answer import Answer
from ..cost import HOURLY_RATE, Duration, digits, format_euros, format_hours, support_cost
from ..date_mentions import find_dates
from ..french import fold
from .base import COST_CLAUSE, Calculator, Context, refusal
from .parties import Parties
from .totals import Totals

BILLING_CLAUSES = ("art-4", "art-4.1", "art-4.2", "art-4.2.1", "art-4.2.2", "annexe-2")
# Why hours that are not a CDG 62 intervention get no price (only facts the text holds).
NOT_BILLED = {
    "outage": "Une panne ou une coupure n'est pas une intervention du CDG 62 à facturer : je ne calcule aucun "
    "montant, et la convention ne prévoit pas d'indemnisation calculée à l'heure.",
    "delay": "Ce délai n'est pas une intervention à facturer : je ne calcule aucun montant, et la convention ne "
    "fixe aucun délai d'intervention.",
    "training": "La convention ne parle pas de formation en particulier : je ne chiffre pas cette durée. Si le "
    "CDG 62 la fait dans le cadre de son accompagnement, chaque intervention est facturée au temps passé, au taux "
    "horaire de l'article 4.2.1.",
}
TRAINING_PRICED = (
    "La convention ne parle pas de formation en particulier : j'ai compté ce temps comme une intervention du CDG 62 "
    "dans le cadre de son accompagnement (article 2.2), facturée au temps passé."
)
NO_HOURS = (
    "La convention ne fixe aucun horaire (ni d'ouverture, ni de support, ni d'intervention) : je ne peux pas vous "
    "répondre. Demandez-les directement à l'organisme concerné."
)
NO_HT = "La convention ne donne que des prix TTC : elle ne fixe aucun montant HT."
DELAY_REACH = 20  # characters before hours where "dans un délai de" makes them a delay
REPEAT_REACH = 50  # characters before hours where "10 demi-journées d'accompagnement de" gives their count


class Prices(Calculator):
    """The price questions."""

    def __init__(self, context: Context, parties: Parties) -> None:
        super().__init__(context)
        self.parties = parties
        self.totals = Totals(context, parties)

    def cost(self, question: str, text: str, terms: list[str], near: set[str], named: set[str]) -> Answer | None:
        """The price of the CDG 62's hours in `text`, or why there is none."""
        if not (COST_CLAUSE in near or self.cues.cost_terms & set(terms)):
            return None  # what follows answers only then: no number words spelt out, no durations read
        text = digits(text)
        durations = self.reader.durations(text)
        if not durations and (hours := self._hours_of_amount(question, text, terms, near, named)):
            return hours
        if not durations and COST_CLAUSE in near and self.cues.cost_terms & set(terms) and self._price_asked(text):
            return self._days(question, text, terms)
        if not durations or not (COST_CLAUSE in near or self.cues.cost_terms & set(terms)):
            return None
        if self.cues.compensation and self.cues.compensation.search(text):
            return self._not_billed(question, terms, "outage", named)  # hours of a loss, not of a bill
        roles: list[tuple[Duration, str]] = []
        trained = False
        for d in durations:
            role = self._duration_role(text, d)
            if role == "training" and self._cdg_time_priced(text, d):
                role, trained = "intervention", True
            # "a mis 48h à venir, on paie les 48h ?": the same hours said again keep the role they were given.
            earlier = next((r for e, r in roles if e.hours == d.hours and r != "intervention"), None)
            roles.append((d, earlier if role == "intervention" and earlier else role))
        billed = [(d, role) for d, role in roles if role in ("intervention", "travel")]
        if not billed:
            return self._not_billed(question, terms, roles[0][1], named)
        own = [(d, role) for d, role in billed if self._party_of(text, d) != "fibre"]
        if not own:
            return self.parties.counterpart(question, terms, COST_CLAUSE, "fibre")
        if not self._price_asked(text):
            return None  # "intervention sous 48 heures", "facturé 3 h, comment contester ?": hours, no price asked
        if problem := next((d.problem for d, _ in own if d.hours is None), ""):
            return refusal(question, f"Je ne peux pas calculer : {problem}.")
        if not self._added_up(text, [d for d, _ in own]):
            prices = " ; ".join(
                f"{format_hours(d.hours)} = {format_euros(support_cost(d.hours))} TTC" for d, _ in own if d.hours
            )
            text_out = (
                f"Votre message donne plusieurs durées sans dire s'il faut les additionner. Au taux de "
                f"{format_euros(HOURLY_RATE)} TTC de l'heure, temps et frais de déplacement compris (article 4.2.1) : "
                f"{prices}. Précisez le temps passé par le CDG 62 si vous voulez un seul montant."
            )
            return Answer(question, True, "calculation", text_out, (self.cite(COST_CLAUSE, terms),), 1.0)
        starts = [d.start for d, _ in own]
        visits = [d.start for d, role in own if role == "intervention"]  # travel is not one of the visits
        parts = [(d, role, self._repeats(text, d, starts, visits)) for d, role in own]
        hours = sum((d.hours * count for d, _, count in parts if d.hours), Decimal(0))
        amount = support_cost(hours)
        detail = " + ".join(
            (f"{count} × " if count > 1 else "")
            + format_hours(d.hours or Decimal(0))
            + (" de trajet" if role == "travel" else "")
            for d, role, count in parts
        )
        lines = [
            f"{format_hours(hours)} d'intervention du CDG 62"
            + (f" ({detail})" if len(parts) > 1 or parts[0][2] > 1 else "")
            + f" : {format_hours(hours)} × {format_euros(HOURLY_RATE)} TTC = {format_euros(amount)} TTC, "
            "temps et frais de déplacement compris (le temps de trajet est du temps facturé).",
            "Montant indicatif : le CDG 62 facture le temps réellement passé (article 4.2.1), payé par mandat "
            "administratif.",
        ]
        total = self.totals.line(text, amount, f"{format_hours(hours)} × {format_euros(HOURLY_RATE)}")
        if total:
            lines.insert(0, total)
        if len(own) < len(billed) or ("fibre" in named and not total):
            lines.append(
                "Les heures de La Fibre Numérique 59 62 ne sont pas comptées : la convention ne lui fixe aucun taux "
                "horaire, son prix est celui du devis signé (article 4.1 et annexe n°2)."
            )
        if trained:
            lines.append(TRAINING_PRICED)
        if self.cues.before_tax_words.search(fold(question)):
            lines.append(NO_HT)
        return Answer(question, True, "calculation", " ".join(lines), (self.cite(COST_CLAUSE, terms),), 1.0)

    def time_of_day(self, question: str, text: str, near: set[str], named: set[str]) -> Answer | None:
        """An hour of the CDG 62 or La Fibre asked ("à quelle heure ferme…"): the text sets none, no price answers it."""
        asked = self.cues.time_asked
        if not named or COST_CLAUSE not in near or not asked or not asked.search(fold(text)) or self._price_asked(text):
            return None
        return refusal(question, NO_HOURS)

    def _price_asked(self, text: str) -> bool:
        """Does the message ask an amount ("combien", "quel tarif") or give one to check ("200 € pour 3 h")?"""
        folded = fold(text)
        return bool(
            any(cue and cue.search(folded) for cue in (self.cues.amount_asked, self.cues.price_asked, self.cues.total))
            or self.reader.amounts(text)
        )

    def _cdg_time_priced(self, text: str, duration: Duration) -> bool:
        """Hours of a training done by the CDG 62 ("venu", or named) whose amount is asked: its time, priced."""
        if self.cues.amount_asked is None or not self.cues.amount_asked.search(text):
            return False
        around = self.reader.clause_around(text, duration.start, duration.end)
        came = bool(self.cues.intervention and self.cues.intervention.search(around))
        named = self.parties.named(text) - {"commune"}
        return "fibre" not in named and (came or "cdg" in named)

    def _days(self, question: str, text: str, terms: list[str]) -> Answer | None:
        """ "3 jours d'intervention": the text prices hours only; ask for them rather than guess a working day."""
        days = self.reader.days(text)
        if not days or find_dates(text) or any(p.search(text) for p in self.cues.duration_cues.values()):
            return None
        answer = (
            f"La convention facture le temps passé par le CDG 62 à l'heure, au taux horaire de {HOURLY_RATE} € "
            f"TTC, temps et frais de déplacement compris (article 4.2.1) ; elle ne fixe aucun prix à la journée. "
            "Combien d'heures le CDG 62 a-t-il passées ? Donnez-moi le nombre d'heures et je calculerai le montant."
        )
        return Answer(question, True, "calculation", answer, (self.cite(COST_CLAUSE, terms),), 1.0)

    def _hours_of_amount(
        self, question: str, text: str, terms: list[str], near: set[str], named: set[str]
    ) -> Answer | None:
        """ "275 euros, combien d'heures ?": one amount for the CDG 62's time (not a rate, not before tax: the
        text gives no VAT rate) divided by its hourly rate; La Fibre's amounts buy no hours of the CDG 62."""
        if self.cues.hours_asked is None or not self.cues.hours_asked.search(text) or named - {"cdg"}:
            return None
        if not (COST_CLAUSE in near or self.cues.cost_terms & set(terms)) or self.cues.before_tax_words.search(text):
            return None
        amounts = [amount for amount, start in self.reader.amount_spans(text) if not self.totals.is_rate(text, start)]
        if len(amounts) != 1 or amounts[0] <= 0:
            return None
        hours = amounts[0] / HOURLY_RATE
        text_out = (
            f"{format_euros(amounts[0])} TTC au taux horaire de {format_euros(HOURLY_RATE)} TTC, temps et frais de "
            f"déplacement compris (article 4.2.1) : {format_euros(amounts[0])} ÷ {format_euros(HOURLY_RATE)} = "
            f"{format_hours(hours)} de temps passé par le CDG 62, trajets compris. Le taux est TTC : il n'y a pas de "
            "TVA à ajouter. Calcul indicatif, si ce montant ne paie que le temps passé par le CDG 62."
        )
        return Answer(question, True, "calculation", text_out, (self.cite(COST_CLAUSE, terms),), 1.0)

    def before_tax(self, question: str, folded: str, terms: list[str], best: str) -> Answer | None:
        """A price asked before tax: the text gives TTC prices only, and says so."""
        if best not in BILLING_CLAUSES or not self.cues.before_tax_words.search(folded):
            return None
        text = f"{self.knowledge.clauses[best].answer} {NO_HT}"
        return Answer(question, True, "clause", text, (self.cite(best, terms),), 1.0)

    def _added_up(self, text: str, durations: list[Duration]) -> bool:
        """Are consecutive durations joined by an addition ("et", "puis", "plus", a comma)?"""
        if self.cues.addition is None:
            return True
        return all(
            self.cues.addition.search(text, first.end, second.start) for first, second in itertools.pairwise(durations)
        )

    def _not_billed(self, question: str, terms: list[str], role: str, named: set[str]) -> Answer | None:
        """Hours of an outage, a delay or a training: no bill; the clause that speaks of it instead."""
        if role not in NOT_BILLED:
            return None  # opening hours, the collectivité's own staff: no bill and no clause of their own
        clause_id = self.words.duration_roles[role].clause
        if role != "training" and len(named) == 1:
            clause_id = self.words.responsibility_clauses.get(next(iter(named)), clause_id)
        if clause_id is None or clause_id not in self.knowledge.clauses:
            return None
        clause = self.knowledge.clauses[clause_id]
        text = f"{NOT_BILLED[role]} Ce que prévoit la convention ({clause.ref}) : {clause.answer}"
        return Answer(question, True, "clause", text, (self.cite(clause_id, terms),), 1.0)

    def _party_of(self, text: str, duration: Duration) -> str | None:
        """The provider named in the same part of the sentence as `duration`, if any."""
        around = self.reader.clause_around(text, duration.start, duration.end)
        named = self.parties.named(around)
        return next(iter(named)) if len(named) == 1 else None

    def _duration_role(self, text: str, duration: Duration) -> str:
        """What hours are: an intervention, travel, an outage… (the cue in their part of the sentence)."""
        before = self.cues.delay_before
        if before and before.search(text, max(0, duration.start - DELAY_REACH), duration.start):
            return "delay"  # "sous 48 heures": a time limit, not hours worked
        around = self.reader.clause_around(text, duration.start, duration.end, labelled=True)  # "Horaires : …"
        for role, pattern in self.cues.duration_cues.items():
            if match := pattern.search(around):
                if role == "travel" and self.cues.included and self.cues.included.match(word_end(around, match.end())):
                    continue  # "déplacements compris": the hours include the travel, they are not only travel
                if role in ("outage", "own_staff") and self.cues.intervention and self.cues.intervention.search(around):
                    return "intervention"  # "venu de 23h à 2h pour la panne": the CDG 62's time on the outage
                return role
        return "intervention"  # no cue: the hours of an intervention, as a price question means

    def _repeats(self, text: str, duration: Duration, starts: list[int], visits: list[int]) -> int:
        """2 for "2 interventions de 3 h" or "2 fois 3 h": the count written just before the hours.

        Only for the first hours after the count (of all `starts`), and not when the intervention hours from
        here on (`visits`) are as many as the count: they list those interventions one by one ("3 fois : 2 h, 1 h 30 et
        45 min")."""
        first = max(0, duration.start - REPEAT_REACH)
        found = list(self.cues.repeat.finditer(text, first, duration.start))
        if not found or any(found[-1].end() <= start < duration.start for start in starts):
            return 1
        count = int(found[-1].group(1))
        following = sum(start >= duration.start for start in visits)
        return count if 1 < count <= 50 and count != following else 1


def word_end(text: str, position: int) -> str:
    """`text` after the word that ends at or goes on after `position` ("deplacement|s compris" → " compris")."""
    rest = text[position:]
    return rest[len(re.match(r"[a-z]*", rest).group(0)) :].lstrip()  # type: ignore[union-attr]
