"""What an amount of the collectivité's budget buys of the CDG 62's time (Article 4.2.1: 50 € TTC an hour, travel
time included): hours ("combien d'heures avec 500 € ?"). La Fibre's amounts buy none of it."""

from __future__ import annotations

from decimal import Decimal

from ..answer import Answer
from ..money import HOURLY_RATE, format_euros, format_hours
from .base import COST_CLAUSE, Calculator, Context
from .parties import Parties
from .totals import Totals

TTC = f"au taux horaire de {format_euros(HOURLY_RATE)} TTC, temps et frais de déplacement compris (article 4.2.1)"
NO_VAT = "Le taux est TTC : il n'y a pas de TVA à ajouter."


class Budget(Calculator):
    """Hours asked from one amount."""

    def __init__(self, context: Context, parties: Parties, totals: Totals) -> None:
        super().__init__(context)
        self.parties = parties
        self.totals = totals

    def answer(self, question: str, text: str, terms: list[str], near: set[str], named: set[str]) -> Answer | None:
        """ "275 euros, combien d'heures ?": one amount for the CDG 62's time (not a rate, not before tax: the
        text gives no VAT rate) divided by its hourly rate; La Fibre's amounts buy no hours of the CDG 62."""
        if self.cues.hours_asked is None or not self.cues.hours_asked.search(text) or named - {"cdg"}:
            return None
        if not (COST_CLAUSE in near or self.cues.cost_terms & set(terms)) or self.cues.before_tax_words.search(text):
            return None
        amounts = [amount for amount, start in self.reader.amount_spans(text) if not self.totals.is_rate(text, start)]
        if len(amounts) != 1 or amounts[0] <= 0:
            return None
        return self._said(question, terms, f"{_hours_bought(amounts[0])} {NO_VAT} {IF_ONLY_CDG}")

    def _said(self, question: str, terms: list[str], text: str) -> Answer:
        return Answer(question, True, "calculation", text, (self.cite(COST_CLAUSE, terms),), 1.0)


IF_ONLY_CDG = "Calcul indicatif, si ce montant ne paie que le temps passé par le CDG 62."


def _hours_bought(amount: Decimal) -> str:
    """ "275,00 € TTC … = 5 h 30 de temps passé par le CDG 62, trajets compris." """
    return (
        f"{format_euros(amount)} TTC {TTC} : {format_euros(amount)} ÷ {format_euros(HOURLY_RATE)} = "
        f"{format_hours(amount / HOURLY_RATE)} de temps passé par le CDG 62, trajets compris."
    )
