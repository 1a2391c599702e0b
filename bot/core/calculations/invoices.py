"""Which amounts of a message are La Fibre Numérique 59 62's invoices (article 5.2's cap is the amount it invoiced):
not the CDG 62's, one more invoice of the year before it, or a loss."""

from __future__ import annotations

import re
from decimal import Decimal

from ..cost import DurationReader
from .base import sentence_start, since_break
from .cues import Cues, optional

# characters back from an amount to the cue saying it was invoiced, in its part of the sentence ("le montant facturé
# par La Fibre au titre de l'année d'exécution en cours lors de l'incident s'élève à 5 500 €")
INVOICE_REACH = 100
_BARE_NUMBER = re.compile(
    r"(?<![\w.,/:-])(?:\d{1,3}(?: \d{3})+|\d{3,6})(?![\w/:-]|[.,]\d|\s?%)"
)  # "1100", not "2026-0457", "12/03", "9h"
YEARS = (Decimal(1990), Decimal(2040))  # a bare number in these is a year ("en 2026"), never an amount
_BRACKETS = re.compile(r"\([^()]*\)")  # a list item's label in brackets ("480 € (mars)")
ITEM_REACH = 60  # characters back from an amount to its list item's start, where the item names its party
# between an addition word and the next amount: nothing, "de", or an invoice's reference and "de" ("1 640 € et n°2 de
# 580 €", "et F-0412 de 580 €", "et la facture 12 de 580 €"; not "et en 2026 de", a year's)
_NEXT_INVOICE = re.compile(r"(?:(?:la |une |l')?(?:facture )?(?:n ?° ?|no |numero )?[a-z]{0,3}-?\d[\w/-]* )?(?:de|d')?")


class Invoices:
    """Reads what an amount of a message is said of."""

    def __init__(self, cues: Cues, reader: DurationReader, paid_words: list[str]) -> None:
        self.cues = cues
        self.reader = reader
        self._paid = optional(paid_words)  # "nous n'en avons réglé que 2 000 €": paid, which is not what was invoiced

    def bills(self, folded: str, spans: list[tuple[Decimal, int]]) -> list[tuple[Decimal, int]]:
        """The amounts of `spans` said invoiced ("facturé 3 600 €"); one said paid only ("mais nous n'en avons réglé que
        2 000 €") is left out beside one said invoiced: the cap is the amount invoiced, whatever was paid of it."""
        bills = [(amount, start) for amount, start in spans if self.last_cue(folded, start) == "invoiced"]
        paid = [self._paid_only(folded, start) for _, start in bills]
        return (
            [bill for bill, only in zip(bills, paid, strict=True) if not only] if any(paid) and not all(paid) else bills
        )

    def one_bill(self, folded: str) -> bool:
        """Does the message give La Fibre one amount, said invoiced ("La Fibre nous a facturé 5 200 €")?"""
        return len(spans := self.fibre_amounts(folded)) == 1 and bool(self.bills(folded, spans))

    def fibre_amounts(self, folded: str) -> list[tuple[Decimal, int]]:
        """The amounts of a message that may be La Fibre's, with where each starts, never the CDG 62's: written with
        their unit, and the numbers written without it that are said invoiced or lost right before them ("prejudice
        600 eur, facture annee en cours 1500"), not a year ("facturé en 2026")."""
        said = self.reader.amount_spans(folded)
        for number in _BARE_NUMBER.finditer(folded):  # (not the start of an amount with its unit, nor inside one)
            value, at = Decimal(number.group().replace(" ", "")), number.start()
            if self.reader.amount_end(folded, at) == at and not YEARS[0] <= value <= YEARS[1]:
                said += [(value, at)] if self.last_cue(folded, at) else []
        return [(amount, start) for amount, start in sorted(said, key=lambda s: s[1]) if not self.of_cdg(folded, start)]

    def _paid_only(self, folded: str, start: int) -> bool:
        """Is the amount at `start` said paid (its nearest invoice word a payment's: "réglé", "mandaté")?"""
        if self._paid is None or self.cues.invoiced is None:
            return False
        before = self._said_before(folded, start)
        said, paid = (
            max((m.start() for m in cue.finditer(before)), default=-1) for cue in (self.cues.invoiced, self._paid)
        )
        return paid >= 0 and paid >= said

    def added(self, folded: str, start: int, between: str, around: str, *, sentence: bool = False) -> bool:
        """Is the amount at `start` one more invoice of the previous one's year: invoiced (in its sentence before it if
        `sentence`), joined to it by an addition word ("et", "+") right before it in its sentence, not said of the
        CDG 62 (its bills are not La Fibre's)?"""
        cues, cdg = self.cues, self.cues.parties.get("cdg")
        joining = list(cues.addition.finditer(between)) if cues.addition else []
        said = folded[sentence_start(folded, start, ".;!?") : start] if sentence else self._said_before(folded, start)
        return bool(
            joining
            # "de 590 € le 05/10 et de 300 € le 02/11", "n°1 de 1 640 € et n°2 de 580 €"
            and _NEXT_INVOICE.fullmatch(between[joining[-1].end() :].strip())
            and cues.invoiced
            and cues.invoiced.search(said + around)
            and not (cdg and cdg.search(around))
        )

    def of_cdg(self, folded: str, start: int) -> bool:
        """Is the amount at `start` said of the CDG 62 alone: named in its part of the sentence ("et le CDG 62 nous a
        facturé 250 €"), else just before it ("facturé par le CDG 62 : 400 €")?"""
        cdg, fibre = self.cues.parties.get("cdg"), self.cues.parties.get("fibre")
        if cdg is None or fibre is None:
            return False
        for around in (
            self.reader.clause_around(folded, start, self.reader.amount_end(folded, start)),
            since_break(folded, start, self.cues.apposed),
            # a list item naming its party first ("- CDG 62, 20 octobre 2026 : 183,33 € ;"): back to the item's start
            folded[max(sentence_start(folded, start), start - ITEM_REACH) : start],
        ):
            if cdg.search(around) or fibre.search(around):
                return bool(cdg.search(around) and not fibre.search(around))
        return False

    def last_cue(self, folded: str, start: int) -> str:
        """ "invoiced" or "loss": the cue nearest before the amount at `start`, in its part of the sentence
        ("facturé 1 000 € et notre préjudice est de": the loss), or "" for none. A part holding only amounts joined by
        "et" after "de" continues the words before its comma ("deux factures, de 780 € et de 1 150 €": invoiced)."""
        before = self._said_before(folded, start)
        found = [
            (m.start(), name)
            for name, cue in (("invoiced", self.cues.invoiced), ("loss", self.cues.loss))
            if cue
            for m in cue.finditer(before)
        ]
        return max(found)[1] if found else ""

    def _said_before(self, folded: str, start: int) -> str:
        """The words before the amount at `start` back to a sentence end or comma, and before that comma too when they
        only continue what it cut ("deux factures, de 780 € et de 1 150 €": "deux factures, de 780 € et de")."""
        before = part = since_break(folded, start, reach=INVOICE_REACH, copula=self.cues.copula)
        at = start - len(before)  # where the words read start (the same length: a comma read as a space)
        # "facturé : 480 € (mars), 720 € (juin), 210 €": a list of amounts, read back to its invoice word
        while at > 0 and self._continues(part):
            part = since_break(folded, at - 1)
            at -= len(part) + 1
            before = folded[max(at, 0) : start]
        return before

    def _continues(self, part: str) -> bool:
        """Whether `part` is only "de" and amounts joined by addition words ("de 780 € et de "): no words of its own."""
        amounts = self.reader.amount_spans(part)
        for _, start in reversed(amounts):  # the amounts as the calculators read them
            part = f"{part[:start]} {part[self.reader.amount_end(part, start) :]}"
        left = (self.cues.addition.sub(" ", part) if self.cues.addition else part).split()
        # ... or nothing but amounts, each with its label ("480 € (mars), 720 € (juin) et 210 €"; not "…, puis 600 €")
        blank = not _BRACKETS.sub(" ", " ".join(left)).split() and (bool(amounts) or not part.strip())
        return blank or (bool(left) and set(left) <= {"de", "d'"})
