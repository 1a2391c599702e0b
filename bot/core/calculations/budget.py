"""What a budget buys of the CDG 62's time (article 4.2.1: 50 € TTC an hour, travel included): hours ("combien d'heures
avec 500 € ?"), hours on site once each trip is paid, or sessions. La Fibre's quote buys none of it."""

from __future__ import annotations

import re
from decimal import ROUND_DOWN, Decimal

from ..answer import Answer
from ..cost import Duration
from ..french import fold
from ..money import HOURLY_RATE, format_euros, format_hours, support_cost
from .base import Calculator, Context, asking, in_brackets, sentence_start, since_break
from .billed import BilledHours
from .budget_text import NO_VAT, added_hours, checked, hours_bought, hours_left, hours_remaining, shared
from .cues import CuePattern
from .parties import Parties
from .price_notes import trip_each_visit
from .remaining import said_left, said_planned
from .totals import Totals

_SENTENCE = re.compile(r"[^.!?\n]*[.!?\n]?")  # a sentence, its mark included
_PART = re.compile(r"[^.;!?\n]*")  # a sentence, or its part up to a semicolon


class Budget(Calculator):
    """Hours or sessions asked from one amount."""

    def __init__(self, context: Context, parties: Parties, billed: BilledHours, totals: Totals) -> None:
        super().__init__(context)
        self.parties = parties
        self.billed = billed
        self.totals = totals

    def answer(
        self, question: str, text: str, terms: list[str], near: set[str], named: set[str], durations: list[Duration]
    ) -> Answer | None:
        """Hours or sessions that the one amount of `text` (in digits) pays for, when the message asks them."""
        sessions = bool(self.cues.sessions_asked and self.cues.sessions_asked.search(text))
        mine = any(self._mine(text, d) for d in durations)  # "j'ai calculé 15 h, c'est bien ça ?": hours asked
        hours = mine or bool(self.cues.hours_asked and self.cues.hours_asked.search(text))
        # "une enveloppe de 600 € … il nous reste combien ?": what is left of it, in hours and euros (not of hours
        # planned: "un devis de 500 € pour 10h, … il reste combien ?" is remaining.py's)
        hours = hours or bool(
            durations
            and self.cues.remaining
            and self.cues.remaining.search(asking(text))
            and not any(
                said_planned(self.cues, self.reader.clause_around(text, d.start, d.end, labelled=True))
                for d in durations
            )
        )
        if not (sessions or hours) or not (self.cost_clause in near or self.cues.cost_terms & set(terms)):
            return None
        if (found := self._amount(text, named)) is None:
            return None
        amount, quote, reading = found
        if reading == "less" and quote >= amount:
            return self._said(question, terms, shared(amount, quote, reading))
        answer = self._bought(question, text, terms, amount - quote * (reading == "less"), hours, sessions, durations)
        if answer is None or not quote or reading == "alone":
            return answer
        said = shared(amount, quote, reading)
        text = f"{said} {answer.text}" if reading == "less" else f"{answer.text} {said}"
        return self._said(question, terms, text)

    def _bought(
        self,
        question: str,
        text: str,
        terms: list[str],
        amount: Decimal,
        hours: bool,
        sessions: bool,
        durations: list[Duration],
    ) -> Answer | None:
        roles, _ = self.billed.roles(text, durations)  # the hours or sessions `amount` pays for
        if any(role == "training" and self.billed.party_of(text, d) == "fibre" for d, role in roles):
            return None  # La Fibre's training: its quote's price, never the CDG 62's hours
        # a session's training hours are the CDG 62's time that the amount pays ("une séance de formation = 2 h")
        billed = [(d, "intervention" if role == "training" else role) for d, role in roles]
        billed = [(d, role) for d, role in billed if role in ("intervention", "travel")]
        if any(d.hours is None for d, _ in billed):
            return None  # the price answer says what is wrong with them
        # "j'ai calculé qu'on aurait 15 heures sur place, c'est bien ça ?": the user's figure, checked, never bought
        mine = [d for d, _ in billed if self._mine(text, d)]
        billed = [(d, role) for d, role in billed if d not in mine]
        if sessions:
            return self._sessions(question, text, terms, amount, billed)
        given = [d for d, role in roles if role not in ("opening", "own_staff")]  # "ouverte de 14h à 18h": no bill
        if any(role != "travel" for _, role in billed) or (given and not billed):
            # Hours worked are given: a price question, unless the hours left are asked ("il nous reste combien d'heures ?")
            left = hours and self.cues.remaining and self.cues.remaining.search(text)
            if left and billed and self.billed.added_up(text, billed):
                if (parts := self.billed.counted(text, billed)) is None:  # "3 fois, 1 h à chaque fois": as prices count
                    return None
                parts, visits, each = self.billed.each_visit_trips(text, parts)
                said = hours_remaining(amount, parts) + (f" {trip_each_visit(parts, visits)}" if each else "")
                return self._said(question, terms, said)
            return None
        parts = self.billed.counted(text, billed)
        if parts is None:
            said = " ; ".join(format_hours(d.hours or Decimal(0)) for d, _ in billed)
            return self._said(
                question,
                terms,
                f"Votre message donne un temps de trajet pour chaque déplacement ({said}) sans dire clairement combien "
                f"de déplacements il y a : je ne calcule pas les heures restantes. {hours_bought(amount)} Dites-moi le "
                "nombre de déplacements pour que je retire leur trajet.",
            )
        found = amount / HOURLY_RATE - sum((p.hours for p in parts), Decimal(0))
        return self._said(question, terms, hours_left(amount, parts) + checked(mine, max(found, Decimal(0))))

    def _sessions(
        self, question: str, text: str, terms: list[str], amount: Decimal, billed: list[tuple[Duration, str]]
    ) -> Answer:
        """ "Combien de séances avec 450 € ?": the amount divided by one session's price, rounded down."""
        # hours a week in a sentence of their own: not the session's ("La secrétaire, qui est à 24h par semaine, …")
        own = {sentence_start(text, d.start) for d, _ in billed if not self.billed.per_period_after(text, d.end)}
        billed = [(d, role) for d, role in billed if sentence_start(text, d.start) in own] if own else billed
        if not billed or not self.billed.added_up(text, billed):
            return self._said(
                question,
                terms,
                f"{hours_bought(amount)} Pour compter les séances, dites-moi la durée d'une séance, trajet compris "
                "(par exemple : « 1 h sur place et 30 min de route »).",
            )
        billed = self.billed.with_return(text, billed)  # "30 min aller, idem retour": the trip back too
        hours = sum((d.hours for d, _ in billed if d.hours), Decimal(0))
        price = support_cost(hours)
        count = int((amount / price).to_integral_value(rounding=ROUND_DOWN))
        rest = amount - price * count
        detail = added_hours(billed)
        many, one, asked = session_noun(
            self.words.session_nouns, self.words.times_nouns, self.cues.sessions_asked, text
        )  # "combien de visites ?": "4 visites"
        lines = [
            f"{one[0].upper()}{one[1:]} : {detail} = {format_hours(hours)} × {format_euros(HOURLY_RATE)} TTC = "
            f"{format_euros(price)} TTC, temps et frais de déplacement compris (le temps de trajet est du temps "
            "facturé, article 4.2.1).",
            f"{format_euros(amount)} ÷ {format_euros(price)} : {count} {many if count > 1 else one.split()[-1]} au plus"
            + (f" ({count} {asked})" if asked else "")
            + (f", et il reste {format_euros(rest)}." if rest else ", sans reste."),
            f"{NO_VAT} Calcul indicatif : le CDG 62 facture le temps réellement passé à chaque {one.split()[-1]}.",
        ]
        return self._said(question, terms, " ".join(lines))

    def _amount(self, text: str, named: set[str]) -> tuple[Decimal, Decimal, str] | None:
        """The budget's amount (not a rate; the question's own if it names one), La Fibre's quote (0: none), read "alone"
        (for the CDG 62, the quote paid elsewhere), "less" (for everything, quote included) or "unsure" (said so)."""
        spans = self.reader.amount_spans(text)
        # an amount said paid already is no budget ("On lui a déjà payé 100 €, il reste combien ?": totals.py)
        amounts = [(a, at) for a, at in spans if not self.totals.set_apart(text, at) and not self.totals.paid(text, at)]
        asked = asking(text)  # "avec ces 475 € ?": the one amount the question names (not La Fibre's: it buys no hours)
        own = {a for a, at in self.reader.amount_spans(asked) if self._named_at(asked, at) != {"fibre"}}
        fibre, of = "fibre" in named, self.totals.in_fibre_sentence  # "Le devis de La Fibre, signé, est de 1 850 €"
        quotes = {a for a, at in amounts if fibre and ({"fibre"} == self._named_at(text, at) or of(text, at))} - own
        budget = [(a, start) for a, start in amounts if a not in quotes and (len(own) != 1 or a in own)]
        ht = self.cues.before_tax_words.finditer(text)  # no VAT rate given (but La Fibre's quote "de 1 250 € HT")
        if any(max(((at, a) for a, at in amounts if at < m.start()), default=(0, None))[1] not in quotes for m in ht):
            return None
        # "il nous reste 300 € sur l'enveloppe de 500 €": the amount said left is the one to spend
        left = [(a, at) for a, at in budget if said_left(self.cues, text, at, self.reader.amount_end(text, at))]
        budget = left if len({a for a, _ in left}) == 1 else budget
        # "une subvention de 1 500 € … Pour le CDG 62, le comité a inscrit 400 €": the one amount its sentence gives the
        # CDG; "1 000 € de budget informatique, dont 300 € pour le CDG 62": the part said to be its own
        cdg = [(a, at) for a, at in budget if self.parties.named_in(self._sentence(text, at)) == {"cdg"}]
        budget = cdg if len({a for a, _ in budget}) > 1 and len({a for a, _ in cdg}) == 1 else budget
        share = [(a, at) for a, at in spans if self.totals.is_part(text, at) and self._named_at(text, at) == {"cdg"}]
        budget = share if len({a for a, _ in share}) == 1 else budget
        if len({amount for amount, _ in budget}) != 1 or budget[0][0] <= 0:  # "600 € … avec les 600 €": one, said twice
            return None
        amount, start = budget[0]
        if len(quotes) != 1:
            return amount, Decimal(0), "alone"
        around = self._aside(text, start)[1]
        words = self.cues.budget_words
        if (words["apart"] and words["apart"].search(text)) or self.parties.named(around) == {"cdg"}:
            return amount, next(iter(quotes)), "alone"  # "(le devis de La Fibre est sur une autre ligne)"
        remains = self.cues.remaining and self.cues.remaining.search(asked)  # "avec ce qui reste, combien d'heures ?"
        if (words["whole"] and words["whole"].search(around)) or remains:
            return amount, next(iter(quotes)), "less"  # "le budget numérique est de 2 000 € au total"
        return amount, next(iter(quotes)), "unsure" if next(iter(quotes)) < amount else "alone"

    @staticmethod
    def _sentence(text: str, start: int) -> str:
        """The sentence holding the amount at `start` (";" ends one: "3 000 € au budget ; pour le CDG 62, 500 €")."""
        return _PART.match(text, sentence_start(text, start)).group()

    def _named_at(self, text: str, start: int) -> set[str]:
        """Who the amount's brackets, else its part of the sentence names ("1 000 € pour le CDG (le devis … à part)")."""
        inside = self._aside(text, start)[0]
        before = since_break(text, start).split("(")[-1]  # "devis de La Fibre : 1 200 €"
        clause = re.sub(r"\([^()]*\)?", " ", self.reader.clause_around(text, start, start + 1))
        return self.parties.named(inside) or self.parties.named(clause) or self.parties.named(before)

    def _aside(self, text: str, start: int) -> tuple[str, str]:
        """The brackets the amount at `start` stands in (or ""), and its part of the sentence without brackets."""
        opening, closing = text.rfind("(", 0, start), text.find(")", start)
        inside = text[opening:closing] if in_brackets(text, start) and closing != -1 else ""
        around = self.reader.clause_around(text, start, self.reader.amount_end(text, start), labelled=True)
        return inside, re.sub(r"\([^()]*\)?", " ", around)

    def _mine(self, text: str, duration: Duration) -> bool:
        """Hours the user worked out, in a sentence asking to check them ("on aurait 15 h, c'est bien ça ?")?"""
        around = self.reader.clause_around(text, duration.start, duration.end)
        if not (self.cues.own_figure and self.cues.own_figure.search(around)):
            return False
        opening = sentence_start(text, duration.start, ".!?\n")
        sentence = _SENTENCE.match(text, opening).group()  # type: ignore[union-attr]
        asked = (self.cues.amount_asked, self.cues.hours_asked, self.cues.sessions_asked)
        return sentence.endswith("?") and not any(cue and cue.search(sentence) for cue in asked)

    def _said(self, question: str, terms: list[str], text: str) -> Answer:
        return self.priced(question, text, terms)


def session_noun(
    nouns: dict[str, str], times: list[str], asked_pattern: CuePattern | None, text: str
) -> tuple[str, str, str]:
    """The sessions' noun of `nouns` (plural: singular with its article): the one the question asks, else the first;
    asked in one of `times` ("combien de fois ?"), the one the message names a session with ("si une séance fait
    2 h"), with the one asked."""
    nouns = nouns or {"séances": "une séance"}
    asked = asked_pattern and asked_pattern.search(text)
    said = set(fold(asked.group()).split()) if asked else set()
    mine = next((p for p in nouns if fold(p) in said), next(iter(nouns)))
    if mine not in times:
        return mine, nouns[mine], ""
    words = re.findall(r"[a-z]+", fold(text))
    named = [p for p in nouns if p != mine and fold(nouns[p].split()[-1]) in words]
    return (named[0], nouns[named[0]], mine) if named else (mine, nouns[mine], "")
