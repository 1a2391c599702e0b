"""The price questions answered without a computation (article 4.2.1): an hour of the day asked of a party, which the
text never sets, and a price asked before tax, which it never gives (its prices are TTC). prices.py computes."""

from __future__ import annotations

from ..answer import Answer
from ..french import fold
from .base import Calculator, Context, refusal
from .price_notes import NO_HOURS, NO_HT
from .prices import Prices


class PriceQuestions(Calculator):
    """An hour of the day or a price before tax asked."""

    def __init__(self, context: Context, prices: Prices) -> None:
        super().__init__(context)
        self.prices = prices

    def time_of_day(self, question: str, text: str, near: set[str], named: set[str]) -> Answer | None:
        """An hour of the CDG 62 or La Fibre asked ("à quelle heure ferme…"): the text sets none, no price answers it."""
        asked = self.cues.time_asked
        hours_asked = named and self.cost_clause in near and asked and asked.search(fold(text))
        if not hours_asked or self.prices.price_asked(text):
            return None
        return refusal(question, NO_HOURS)

    def before_tax(self, question: str, folded: str, terms: list[str], best: str) -> Answer | None:
        """A price asked before tax: the text gives TTC prices only, and says so."""
        if best not in self.words.clauses.billing or not self.cues.before_tax_words.search(folded):
            return None
        text = f"{self.knowledge.clauses[best].answer} {NO_HT}"
        return Answer(question, True, "clause", text, (self.cite(best, terms),), 1.0)
