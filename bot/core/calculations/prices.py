"""Prices (Article 4.2.1): the CDG 62's hours priced at its hourly rate, days asked as hours, hours not billed, prices
asked before tax; billed.py reads which hours are billed, budget.py what an amount buys (hours, sessions)."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from ..answer import Answer
from ..cost import Duration
from ..folding import folded as fold_spaced
from ..french import fold
from ..money import HOURLY_RATE, format_euros, format_hours, support_cost
from ..number_text import digits
from .added import said_total, without_pointed_back, without_restated_total
from .asked import OTHER_PERIODS
from .base import Calculator, Context, asking, refusal
from .billed import BilledHours
from .budget import Budget
from .cues import _at_end
from .misread_hours import without_misread
from .parties import Parties
from .party_numbers import PartyNumbers
from .pauses import TakenOff
from .price_notes import (
    FIBRE_NOT_COUNTED,
    NO_HT,
    NO_VISIT,
    NOT_ADDED,
    NOT_BILLED,
    ONE_VISIT,
    REMOTE_TRIPS,
    SAID_TOTAL,
    TAX_INCLUDED,
    TRAINING_LEFT_OUT,
    TRAINING_PRICED,
    TRAVEL_ALONE,
    TRAVEL_LEFT_OUT,
    TRAVEL_UNTIMED,
    TRIP_ONCE,
    cancelled_left_out,
    role_notes,
    staff_note,
    trip_each_visit,
    visits_unclear,
)
from .remaining import Remaining
from .taken_back import TakenBack, duration_span
from .totals import Totals
from .unsaid_hours import UnsaidHours
from .visit_parts import Part, detail

MILEAGE_REACH = 40  # characters after a compensation word where a distance unit makes it a mileage
TRIP_HOURS = 3  # a delay this short ("il a mis 1 h pour venir") may be the trip: its price is said too
LISTED_UNBILLED = ("paid", "cancelled", "later_invoice", *OTHER_PERIODS)  # visits a message counts, not billed here


class Prices(Calculator):
    """The price questions."""

    def __init__(self, context: Context, parties: Parties, taken_back: TakenBack) -> None:
        super().__init__(context)
        self.parties = parties
        self.totals = Totals(context, parties)
        self.billed = BilledHours(context, parties)
        self.budget = Budget(context, parties, self.billed, self.totals)
        self.remaining = Remaining(context, self.billed)
        self.unsaid = UnsaidHours(context)  # days, or hours nobody knows: asked
        self.taken_back = taken_back  # "2 heures non 2 heures et demie": the hours taken back
        self.party_numbers = PartyNumbers(cue for party in self.words.parties.values() for cue in party.cues)
        self._asking_terms = set(self.matcher.question_terms(" ".join(self.words.amount_asked_words)))
        self.price_asked = self.billed.price_asked  # an amount asked: hours are priced only then
        self._pointing = _at_end(self.words.pointing_hours_words)  # "combien pour ces 7 h ?": hours said again

    def cost(
        self, question: str, text: str, terms: list[str], near: set[str], named: set[str], today: date
    ) -> Answer | None:
        """The price of the CDG 62's hours in `text` asked on `today`, or why there is none."""
        if not (self.cost_clause in near or self.cues.cost_terms & set(terms)):
            return None  # what follows answers only then: no number words spelt out, no durations read
        text = self.party_numbers.blanked(digits(text))  # "CDG 62\nIntervention …": no 62 interventions
        durations, misread = without_misread(self.reader.durations(text))  # "1,45 h" beside "de 14h10 à 15h55"
        durations = self.taken_back.kept(text, durations, duration_span)  # "2 heures non 2 heures et demie"
        if budget := self.budget.answer(question, text, terms, near, named, durations):
            return budget  # hours or sessions asked from an amount
        apart = self.billed.sentences.apart_from if durations else None  # (the visit's hours told)
        if (unsaid := self.unsaid.unknown(question, text, terms, apart)) and self.price_asked(text):
            return unsaid  # "personne n'a noté les heures", "une bonne partie de la matinée": never guessed
        if not durations and self.cost_clause in near and self.cues.cost_terms & set(terms) and self.price_asked(text):
            return self.unsaid.days(question, text, terms)
        if not durations or not (self.cost_clause in near or self.cues.cost_terms & set(terms)):
            return None
        if not (named or self.tells_visit(text, terms)) and all(
            self.billed.per_period_after(text, d.end) for d in durations
        ):
            return None  # "une adjointe a 28h par semaine … combien de jours de congés ?": a working time, no visit
        if not named and all(self.billed.sentences.others_time(text, d) for d in durations):
            return None  # "L'agent d'entretien a fait 9 heures de plus … comment les payer ?": the commune's own staff
        if (hit := self.cues.compensation and self.cues.compensation.search(text)) and not self._mileage(text, hit):
            return self._not_billed(question, terms, "outage", named)  # hours of a loss, not of a bill
        roles, trained = self.billed.roles(text, durations)
        roles = self.billed.dated_to_come(text, roles, today)  # "2 h le 8 décembre", asked on 28 November: to come
        billed = [(d, role) for d, role in roles if role in ("intervention", "travel")]
        if not billed:  # unless the hours are only the story ("… dans les 48 heures. Comment rajouter ça ?")
            return self._not_billed(question, terms, roles[0][1], named) if self._hours_asked(text) else None
        billed = without_restated_total(text, billed, self.cues.restated_total, self.billed.counted)
        if total := said_total(text, billed, self.cues.total, self.billed.counted):  # "Total : 4h45", mistaken
            billed, roles = billed[:-1], [(d, SAID_TOTAL if d is total else role) for d, role in roles]
        billed = self.billed.without_restated_span(text, billed)
        billed = without_pointed_back(text, billed, self._pointing)
        own = self.billed.not_fibres(text, billed)
        if not own:  # La Fibre's hours only; the CDG 62's said in days ("une demi-journée") are asked in hours
            days = self.unsaid.days(question, text, terms)
            return days or self.parties.counterpart(question, terms, self.cost_clause, "fibre")
        if self.parties.named(fold_spaced(question)) == {"fibre"} and not self.reader.durations(digits(question)):
            return None  # "(CDG : 3h30 …) Et pour la messagerie de La Fibre, la facture arrive quand ?": not its hours
        if not (self.price_asked(question) or self.price_asked(text, total=False)):  # "4 heures en tout": no price
            return None  # "intervention sous 48 heures", "facturé 3 h, comment contester ?": hours, no price asked
        if left := self.remaining.answer(question, text, terms, own, roles):
            return left  # "un devis pour 10 h, il est déjà venu 6 h 30": never the sum of planned and done hours
        own = self.remaining.done_only(text, own)  # "le devis annonçait 6 heures" beside the hours done: not added
        if remote := self.billed.remote_trips(text, own):  # "3 séances en visio … 40 min de route": never made
            own, billed = ([(d, role) for d, role in hours if role != "travel"] for hours in (own, billed))
        left_out = [d for d, role in roles if role not in ("intervention", "travel", "delay", "included")]
        if all(role == "travel" for _, role in own):  # "4 fois, 30 min de route": the visits' own hours are not said
            return self._travel_alone(question, terms, own, left_out)
        if problem := next((d.problem for d, _ in own if d.hours is None), ""):
            return refusal(question, f"Je ne peux pas calculer : {problem}.")
        if not self.billed.added_up(text, own):
            prices = " ; ".join(
                f"{format_hours(d.hours)} = {format_euros(support_cost(d.hours))} TTC" for d, _ in own if d.hours
            )
            return self.priced(question, NOT_ADDED.format(rate=format_euros(HOURLY_RATE), prices=prices), terms)
        parts = self.billed.counted(text, own, [d for d, role in roles if role in LISTED_UNBILLED])
        parts, cancelled = self.billed.less_cancelled(text, parts) if parts else (parts, 0)  # "8 créneaux, 2 annulés"
        if parts is None:
            return self.priced(question, visits_unclear(own), terms)
        parts, visits, each = self.billed.each_visit_trips(text, parts)  # "il a 35 min de route": each visit's trip
        hours = sum((p.hours for p in parts), Decimal(0))
        off = self._taken_off(text, roles, parts)  # "avec une pause de 15 min": not time spent
        hours -= off.hours if off else 0
        amount = support_cost(hours)
        added = detail(parts) + (self.cues.pauses.detail(off.hours) if off else "")
        lines = [
            f"{format_hours(hours)} d'intervention du CDG 62"
            + (f" ({added})" if len(parts) > 1 or parts[0].count > 1 or off else "")
            + f" : {format_hours(hours)} × {format_euros(HOURLY_RATE)} TTC = {format_euros(amount)} TTC, "
            "temps et frais de déplacement compris (le temps de trajet est du temps facturé).",
            "Montant indicatif : le CDG 62 facture le temps réellement passé (article 4.2.1), payé par mandat "
            "administratif.",
        ]
        if total := self.totals.line(text, amount, f"{format_hours(hours)} × {format_euros(HOURLY_RATE)}"):
            lines.insert(0, total)
        if len(own) < len(billed) or ("fibre" in named and not total):
            lines.append(FIBRE_NOT_COUNTED)
        if each:  # the other reading said in hours, never as a second amount
            lines.append(trip_each_visit(parts, visits))
        elif visits:  # told with one visit's hours: the trip as written, the other reading priced
            trips = sum((p.hours for p in parts if p.role == "travel"), Decimal(0))
            each_visit = format_euros(support_cost(hours + trips * (visits - 1)))
            lines.append(TRIP_ONCE.format(trips=format_hours(trips), visits=visits, amount=each_visit))
        once = any(p.count == 1 and self.billed.per_period(text, p) for p in parts)
        if once and self.cues.total and self.cues.total.search(text):
            lines.append(ONE_VISIT)  # "1 h 30 par mois … combien en tout ?" and no number of visits
        elif period := self.billed.period(text, parts):  # "2 fois par mois pour 1 h": 100 € a month, not in all
            lines.append(self.billed.period_note(text, period, amount))  # or a year's, if asked
        if self.billed.travel_untimed(text, parts):  # "25 km de route à chaque fois": kilometres are not time
            lines.append(TRAVEL_UNTIMED)
        if trained:
            lines.append(TRAINING_PRICED)
        elif any(role == "training" for _, role in roles):  # never a part of the hours dropped without a word
            lines.append(TRAINING_LEFT_OUT)
        # "il a mis 1 h pour venir": read as a delay, but it may be the trip; never left out without a word
        if trips := [d for d, role in roles if role == "delay" and self._maybe_trip(text, d)]:
            said = ", ".join(f"« {d.text} »" for d in trips)
            extra = sum((d.hours or Decimal(0) for d in trips), Decimal(0))
            lines.append(
                f"Je n'ai pas compté {said}, lu comme un délai avant l'intervention ; si c'est le temps de trajet, il "
                f"est facturé aussi : {format_euros(support_cost(hours + extra))} TTC."
            )
        lines += [off.note] if off else []
        lines += [cancelled_left_out(cancelled)] if cancelled else []
        lines += [REMOTE_TRIPS.format(hours=", ".join(f"« {d.text} »" for d in remote))] if remote else []
        lines += role_notes(roles, misread)  # "nous facture 3 h": the bill to check; "1,45 h" written for 1 h 45
        if staff := self.cues.staff_count and self.cues.staff_count.search(text):  # "2 conseillers de 9h à 12h"
            lines.append(staff_note(int(staff.group(1)), hours))
        if self.cues.before_tax_words.search(fold(question)):
            lines.append(NO_HT)
        elif self.cues.tax and self.cues.tax.search(text):  # (folded by `digits`)
            lines.append(TAX_INCLUDED)
        return self.priced(question, " ".join(lines), terms)

    def _taken_off(self, text: str, roles: list[tuple[Duration, str]], parts: list[Part]) -> TakenOff | None:
        """The breaks of `roles` taken off the billed hours; one said of each visit ("une pause de 15 minutes chaque
        fois") once per visit."""
        stay = sum((p.hours for p in parts if p.role != "travel"), Decimal(0))
        visits = sum(p.count for p in parts if p.role == "intervention")
        each = self.cues.each
        pauses = [
            (d, visits if each and each.search(self.reader.clause_around(text, d.start, d.end)) else 1)
            for d, _ in self.billed.without_restated_span(text, [(d, role) for d, role in roles if role == "pause"])
        ]
        return self.cues.pauses.taken_off(pauses, stay)

    def _travel_alone(
        self, question: str, terms: list[str], own: list[tuple[Duration, str]], left_out: list[Duration]
    ) -> Answer:
        """Travel, and no hours or hours not read as the CDG 62's ("va initier notre secrétaire : 2 h 30"): no price for
        the travel alone, which only goes with a visit; the hours spent are asked."""
        travel = " + ".join(format_hours(d.hours or Decimal(0)) for d, _ in own)
        others = TRAVEL_LEFT_OUT.format(hours=", ".join(f"« {d.text} »" for d in left_out)) if left_out else NO_VISIT
        text_out = TRAVEL_ALONE.format(travel=travel, others=others, rate=format_euros(HOURLY_RATE))
        return self.priced(question, text_out, terms)

    def _mileage(self, text: str, hit: re.Match[str]) -> bool:
        """A compensation word said of distance ("qu'il indemnise à 0,50 €/km") or of a travel cost in its clause ("et
        l'essence on lui rembourse ?"): a mileage allowance, not a loss."""
        after = re.split(r"[;!?)]|\.\s", text[hit.start() : hit.end() + MILEAGE_REACH])[0]  # its part ("0,50 €/km")
        travel = self.cues.travel_cost and self.cues.travel_cost.search(self.reader.clause_around(text, *hit.span()))
        return bool(travel or (self.cues.distance_word and self.cues.distance_word.search(after)))

    def _maybe_trip(self, text: str, duration: Duration) -> bool:
        """A short delay said of coming ("il a mis 1 h pour venir"), not of answering, nor the writer's ("Moi j'ai mis…")."""
        around = self.reader.clause_around(text, duration.start, duration.end)
        short, trip = bool(duration.hours and duration.hours <= TRIP_HOURS), self.cues.trip
        return short and bool(trip and trip.search(around)) and not self.billed.sentences.writers_own(around)

    def tells_visit(self, text: str, terms: list[str]) -> bool:
        """Does the message name a visit ("venu", "arrivé", "sur place") or the service ("accompagnement"), not only
        "combien"? (`text` as written or folded: the cues are folded.)"""
        service = (self.cues.cost_terms & set(terms)) - self._asking_terms
        return bool(service or (self.cues.intervention and self.cues.intervention.search(fold(text))))

    def _hours_asked(self, text: str) -> bool:
        """Does the message ask an amount, or ask in a sentence giving a number ("coupée 3 jours, qui est responsable ?")?"""
        return self.price_asked(text) or any(char.isdigit() for char in asking(fold(text)))

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
