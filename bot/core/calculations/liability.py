"""La Fibre Numérique 59 62's liability cap (Article 5.2): the cap quoted, and an amount invoiced
compared with an estimated loss."""

from __future__ import annotations

import re
from decimal import Decimal

from ..answer import Answer, Citation
from ..cost import format_euros
from .base import Calculator


class Liability(Calculator):
    """The liability cap questions."""

    def liability_cap(self, question: str, folded: str, terms: list[str], best: str, sure: bool) -> Answer | None:
        """A question about the cap quotes the cap sentence; an amount in it is compared with the cap.

        Even when the matcher is not sure, an amount invoiced beside another (the loss) is that comparison."""
        cap = self.words.liability_cap_clause
        if cap is None or cap != best or self.cues.cap_words is None or not self.cues.cap_words.search(folded):
            return None
        quote = self.cite(cap, self.matcher.question_terms(self.words.liability_cap_quote_words))
        spans = self.reader.amount_spans(folded)
        amounts = [amount for amount, _ in spans]
        if len(amounts) > 1 and self.cues.invoiced:
            # "facturé 1 350 € … préjudice estimé à 4 000 €": the invoiced amount is the cap, the other the loss.
            invoiced = [a for a, start in spans if self.cues.invoiced.search(since_break(folded, start))]
            if len(invoiced) == 1:
                return self._cap_of(question, quote, invoiced[0], [a for a in amounts if a != invoiced[0]])
        if not sure:
            return None
        if len(amounts) != 1:
            return Answer(question, True, "clause", self.knowledge.clauses[cap].answer, (quote,), 1.0)
        return self._cap_of(question, quote, amounts[0], [])

    def _cap_of(self, question: str, quote: Citation, cap: Decimal, losses: list[Decimal]) -> Answer:
        """The cap stated, and an estimated loss compared with it."""
        loss = ""
        if len(losses) == 1:  # the loss is not repeated as a sum: only the cap is an amount to obtain
            loss = (
                f" Le préjudice que vous estimez dépasse ce plafond : vous ne pouvez pas obtenir plus de "
                f"{format_euros(cap)}."
                if losses[0] > cap
                else " Le préjudice que vous estimez reste sous ce plafond."
            )
        text = (
            f"Au plus {format_euros(cap)}, si c'est bien le montant facturé pour l'année en cours d'exécution "
            "au moment de l'événement qui a causé le préjudice : pour faute prouvée, La Fibre Numérique 59 62 ne "
            "répare que le préjudice direct et immédiat, dans cette limite (article 5.2). Sa responsabilité n'est "
            "pas engagée dans les cas que l'article exclut (intrusion d'un tiers, contenu des données, fiabilité "
            "des transmissions…)." + loss
        )
        return Answer(question, True, "calculation", text, (quote,), 1.0)


def since_break(text: str, position: int) -> str:
    """The words before `position` back to the last sentence end or comma (at most 60 characters)."""
    before = text[max(0, position - 60) : position]
    return re.split(r"[.;!?,]", before)[-1]
