"""La Fibre Numérique 59 62's liability cap (Article 5.2): the cap quoted, and an amount invoiced
compared with an estimated loss."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from ..answer import Answer, Citation
from ..cost import format_euros
from .base import Calculator


class Liability(Calculator):
    """The liability cap questions."""

    def liability_cap(
        self, question: str, folded: str, terms: list[str], ranked: list[str], sure: bool, today: date
    ) -> Answer | None:
        """A question about the cap quotes the cap sentence; an amount in it is compared with the cap.

        Even when the matcher is not sure, an amount invoiced beside another (the loss) is that comparison, and
        La Fibre's invoices of several years give the cap of the year in course (the cap's clause among the
        first three of `ranked`)."""
        cap = self.words.liability_cap_clause
        if (
            cap is None
            or cap not in ranked[:3]
            or self.cues.cap_words is None
            or not self.cues.cap_words.search(folded)
        ):
            return None
        quote = self.cite(cap, self.matcher.question_terms(self.words.liability_cap_quote_words))
        spans = self.reader.amount_spans(folded)
        amounts = [amount for amount, _ in spans]
        fibre = self.cues.parties.get("fibre")
        several = len(amounts) > 1 and (cap == ranked[0] or (fibre and fibre.search(folded)))
        if several and (by_year := self._years(folded, spans, today)):
            return self._of_the_year(question, quote, by_year)
        if cap != ranked[0]:
            return None
        if len(amounts) > 1 and self.cues.invoiced:
            # "facturé 1 350 € … préjudice estimé à 4 000 €": the invoiced amount is the cap, the other the loss.
            invoiced = [a for a, start in spans if self.cues.invoiced.search(since_break(folded, start))]
            if len(invoiced) == 1:  # an amount is compared as the loss only when a loss word says it is one
                losses = [a for a, start in spans if a != invoiced[0] and self._is_loss(folded, start)]
                return self._cap_of(question, quote, invoiced[0], losses)
        if not sure:
            return None
        if len(amounts) != 1:
            return Answer(question, True, "clause", self.knowledge.clauses[cap].answer, (quote,), 1.0)
        return self._cap_of(question, quote, amounts[0], [])

    def _years(self, folded: str, spans: list[tuple[Decimal, int]], today: date) -> list[tuple[Decimal, str]]:
        """Each amount with the year it is said of ("current", "other", or "" for none, "loss" for the loss), when
        at least two amounts are said of a year; else []."""
        if self.cues.current_year is None or self.cues.other_year is None:
            return []
        tagged: list[tuple[Decimal, str]] = []
        previous = 0
        for amount, start in spans:
            end = self.reader.amount_end(folded, start)
            around = self.reader.clause_around(folded, start, end)
            kind = _year_kind(around, self.cues.current_year, self.cues.other_year, today)
            if not kind:  # "et pour 2026, 450 €", "Deuxième année, celle en cours : 450 €": the words since the
                # previous amount, in the same sentence (a label before a colon names the amount after it)
                since = re.split(r"[.;!?]", folded[previous:start])[-1]
                kind = _year_kind(since, self.cues.current_year, self.cues.other_year, today)
            tagged.append((amount, "loss" if self._is_loss(folded, start) else kind))
            previous = end
        years = [kind for _, kind in tagged if kind in ("current", "other")]
        return tagged if len(years) > 1 and "other" in years else []

    def _is_loss(self, folded: str, start: int) -> bool:
        """The amount at `start` is said of the loss ("préjudice estimé à 4 000 €", "Notre perte : 5 000 €"): a loss
        word in its clause or just before it (back to a comma or a sentence end)."""
        around = self.reader.clause_around(folded, start, self.reader.amount_end(folded, start))
        return bool(
            self.cues.loss and (self.cues.loss.search(around) or self.cues.loss.search(since_break(folded, start)))
        )

    def _of_the_year(self, question: str, quote: Citation, by_year: list[tuple[Decimal, str]]) -> Answer:
        """The cap is the amount invoiced for the year in course; the other years' amounts do not count."""
        current = {amount for amount, kind in by_year if kind == "current"}
        losses = [amount for amount, kind in by_year if kind in ("loss", "")]
        if len(current) == 1:
            answer = self._cap_of(question, quote, next(iter(current)), losses)
            text = (
                f"{answer.text} Seul compte le montant facturé pour l'année en cours d'exécution : ni les montants "
                "des autres années, ni leur somme."
            )
            return Answer(question, True, "calculation", text, answer.citations, 1.0)
        text = (
            "Le plafond est le montant facturé pour l'année en cours d'exécution au moment de l'événement qui a causé "
            "le préjudice (article 5.2) : ni la somme des années, ni le montant d'une autre année. Votre message ne "
            "dit pas lequel de ses montants est celui de l'année en cours : donnez-le-moi et je vous dirai le plafond."
        )
        return Answer(question, True, "calculation", text, (quote,), 1.0)

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


def _year_kind(text: str, current: re.Pattern[str], other: re.Pattern[str], today: date) -> str:
    """ "current" or "other" for the year `text` names (words, or a year in digits compared with today's), or ""."""
    if current.search(text):
        return "current"
    if other.search(text):
        return "other"
    years = {int(y) for y in re.findall(r"(?<![\d,.])(20\d\d)(?!\d|[,.]\d|\s?(?:€|euro))", text)}
    if today.year in years:
        return "current"
    return "other" if years and max(years) < today.year else ""


def since_break(text: str, position: int) -> str:
    """The words before `position` back to the last sentence end or comma (at most 60 characters)."""
    before = text[max(0, position - 60) : position]
    return re.split(r"[.;!?,]", before)[-1]
