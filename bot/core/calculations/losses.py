"""The loss a message compares with La Fibre's liability cap (Article 5.2: only the direct and immediate loss is
repaired, within the cap): which amounts are a loss, which of them are indirect (knowledge/calculations.yaml,
`loss_words`, `indirect_loss_words`), and what the answer says of them."""

from __future__ import annotations

import re
from decimal import Decimal

from ..cost import DurationReader
from ..money import format_euros
from ..word_patterns import alternation
from .base import ASIDE, SENTENCE_BREAK, since_break
from .cues import Cues

# after the amount, a short tag ("HT") and a bracket, if any: ", dommage direct." (three words at most, the sentence's last)
APPOSITION = re.compile(r"(?: [a-z]{2,3})? ?(?:\([^()]*\))?, ((?:[a-z'-]+ ){0,2}[a-z'-]+) ?(?:[.;!?\n]|$)")


class Losses:
    """Reads the loss said of an amount, and says what of it may be repaired."""

    def __init__(self, cues: Cues, reader: DurationReader, resuming: tuple[str, ...] = ()) -> None:
        self.cues = cues
        self.reader = reader
        # the clause right after the amount's, taking it up ("4 000 € de subventions perdues, ce qui est un préjudice
        # indirect"): what it says of the amount (vocabulary.yaml `resuming_relatives`)
        relatives = alternation(resuming)
        self._resumed = re.compile(rf"\s*,\s*(?:{relatives})(?![a-z])[^.;!?,]*") if relatives else None

    def kind(self, folded: str, start: int) -> str:
        """ "loss", "indirect" (a loss the article does not repair: "perte d'image", "manque à gagner"), "quote" or "" for
        the amount at `start`: a loss word in its clause or just before it (back to a comma or a sentence end), an
        indirect one by itself."""
        around = self.reader.clause_around(folded, start, self.reader.amount_end(folded, start))
        # an aside closed before the amount says more of what precedes it: "840 € le 15 mars (devis signé le 2 février)
        # et 1 260 €" is no quote's amount
        before = ASIDE.sub(" ", since_break(folded, start, copula=self.cues.copula))
        loss, indirect = self.cues.loss, self.cues.indirect_loss
        if indirect and (indirect.search(around) or indirect.search(before)):
            return "indirect"  # "une atteinte à notre image que nous chiffrons à 5 000 €": a loss by its own words
        if loss and (loss.search(around) or loss.search(before) or loss.search(self._apposition(folded, start))):
            # its clause going on with the loss named before it ("un préjudice d'image, que le conseil qualifie
            # d'indirect, estimé à 3 000 €"): the words since the amount before, in its sentence, say it is indirect
            said = f"{self._since_amount(folded, start)} {self._taken_up(folded, start)}"
            return "indirect" if indirect and indirect.search(said) else "loss"
        # "devis signé de 4 200 €": a price agreed, not an amount invoiced (said before it: not "1 250 € (nouveau devis)"),
        # since the amount before it ("un devis de 1 100 € et La Fibre nous a facturé 1 260 €": the 1 260 € is invoiced)
        quote = self.cues.quote_amount
        own = quote and quote.search(before) and quote.search(self._since_amount(folded, start))
        return "quote" if own else ""

    def _apposition(self, folded: str, start: int) -> str:
        """The few words set after the amount at `start` by a comma, a sentence's last ("Remplacement : 650 € (devis
        n° 88), dommage direct."): what they name the amount is."""
        said = APPOSITION.match(folded, self.reader.amount_end(folded, start))
        return said.group(1) if said else ""

    def _taken_up(self, folded: str, start: int) -> str:
        """The clause after the one of the amount at `start` when it opens with a resuming relative ("…, ce qui …")."""
        end = self.reader.clause_end(folded, self.reader.amount_end(folded, start))
        found = self._resumed.match(folded, end) if self._resumed else None
        return found.group() if found else ""

    def _since_amount(self, folded: str, start: int) -> str:
        """The words before the amount at `start`, back to the amount before it or its sentence's start."""
        ends = [self.reader.amount_end(folded, at) for _, at in self.reader.amount_spans(folded) if at < start]
        return SENTENCE_BREAK.split(folded[max(ends, default=0) : start])[-1]

    def of_year(self, folded: str, start: int, year: str) -> str:
        """The amount at `start`'s kind for the cap: a loss's, else the `year` it is said of; a quote's amount is never
        the cap's ("devis signé de 4 200 €"), but said of another year it only labels that year."""
        said = self.kind(folded, start)
        return said if said and (said != "quote" or year in ("current", "added")) else year

    @staticmethod
    def compared(cap: Decimal, losses: list[Decimal], indirect: list[Decimal]) -> str:
        """What the answer says of the losses under the cap `cap` (the cap leads; "" when none is said)."""
        text = ""
        if len(losses) == 1:  # a loss under it is what may be repaired, if direct and immediate
            text = (
                f" Le préjudice que vous estimez dépasse ce plafond : vous ne pouvez pas obtenir plus de "
                f"{format_euros(cap)}."
                if losses[0] > cap
                else f" Le préjudice que vous estimez ({format_euros(losses[0])}) reste sous ce plafond : c'est lui, "
                "s'il est direct et immédiat, qui peut être réparé, pas davantage."
            )
        if indirect:
            said = " et ".join(format_euros(amount) for amount in indirect)
            text += (
                f" Les {said} de votre message (image, retards, manque à gagner…) ne sont pas un préjudice direct et "
                "immédiat : l'article 5.2 ne les fait pas réparer, même sous le plafond."
            )
        return text
