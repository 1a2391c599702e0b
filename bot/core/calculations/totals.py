"""A total asked of a price (Article 4.2.1): the CDG 62's price, from the convention, plus the amounts the
message gives (a quote, another bill), each said for where it comes from. Only when a total is asked, and
only amounts that add up: not a rate ("50 € de l'heure", "30 € par mois"), not a price before tax."""

from __future__ import annotations

import re
from decimal import Decimal

from ..french import fold
from ..money import HOURLY_RATE, format_euros, format_hours
from ..word_patterns import alternation
from .base import Calculator, Context, asking, in_brackets, sentence_start
from .parties import Parties

PART_REACH = 120  # characters before an amount where the amount it is a part of is looked for ("dont")
_FIGURE_AFTER = re.compile(r"\W*(?:de\s+|d'\s*)?\d")  # "total 3h00", "total de 150 €": a total said, not asked
SAME_SPAN = 40  # characters either side of an amount where a price before tax ("480 € HT") is read
INCOME_REACH = 40  # characters before an amount where a word of money received is read ("vendu … 1 200 €")
BUDGET_AFTER = 24  # characters after an amount where a budget word makes it money available ("600 € prévus au budget")
OTHER_PARTY_LEFT_OUT = (
    "Total dû au CDG 62 : {cdg} TTC ({detail} TTC, article 4.2.1). Je n'y ai pas ajouté {amounts} de La Fibre "
    "Numérique 59 62 : elle facture ses services à part, au prix du devis signé (articles 4.1 et 4.2.2)."
)

TRAVEL_COSTS_LEFT_OUT = (
    "Total dû au CDG 62 : {cdg} TTC ({detail} TTC, article 4.2.1). Je n'y ai pas ajouté {amounts} de frais de "
    "déplacement : le taux horaire du CDG 62 comprend le temps et les frais de déplacement (« temps et frais de "
    "déplacement compris », article 4.2.1), ils ne se facturent pas en plus."
)


class Totals(Calculator):
    """The total of the CDG 62's price and the message's own amounts."""

    def __init__(self, context: Context, parties: Parties) -> None:
        super().__init__(context)
        self.parties = parties
        factors = self.words.rate_before_words  # "2,95 h × 50 € = 147,50 €": the rate of the message's own sum
        self._factor = re.compile(rf"(?<![a-z])(?:{alternation(factors)})\s*$") if factors else None

    def line(self, text: str, cdg: Decimal, detail: str) -> str:
        """The total sentence for `text` (in digits), or "" when no total is asked or none can be made."""
        # A total asked by the question ("combien en tout ?"), not said of the hours ("au total 4h30, trajet compris")
        asked = asking(text)
        if left := self._left_to_pay(text, asked, cdg, detail):
            return left
        if self.cues.total is None or not any(
            not _FIGURE_AFTER.match(asked, m.end()) for m in self.cues.total.compiled.finditer(asked)
        ):  # "total 3h00 soit 150 €, c'est bien ça ?": a total said, its figure after it, to check
            return self._checked(text, cdg, detail)
        # money available ("1 500 € prévus au budget") is no cost to add ("pour le budget : … le devis est de 480 €" is)
        spans = self.reader.amount_spans(text)
        amounts = [
            (a, start)
            for a, start in spans
            if a > 0
            and a != cdg
            and not self._budget(text, start, said=False)
            and not self._income(text, start)
            and not self.paid(text, start)  # "on lui a déjà payé 100 €": a part of its bill, not one more to add
        ]
        given = [(amount, start) for amount, start in amounts if not self.is_rate(text, start)]
        # "Quel est le total dû au CDG 62 ?": the CDG 62's total; La Fibre's quote or bill is not a part of it.
        if self.parties.named_in(asked) == {"cdg"}:
            fibre = [self.of_fibre(text, start) for _, start in given]
            theirs = [amount for (amount, _), of_fibre in zip(given, fibre, strict=True) if of_fibre]
            given = [item for item, of_fibre in zip(given, fibre, strict=True) if not of_fibre]
            if theirs and not given:
                amounts = " et ".join(format_euros(amount) for amount in theirs)
                return OTHER_PARTY_LEFT_OUT.format(cdg=format_euros(cdg), detail=detail, amounts=amounts)
        # "la facture comporte en plus 48 € de frais kilométriques": travel costs are in the CDG 62's rate
        travel = [amount for amount, start in amounts if self._travel_cost(text, start)]
        if travel:
            costs = " et ".join(format_euros(amount) for amount in travel)
            return TRAVEL_COSTS_LEFT_OUT.format(cdg=format_euros(cdg), detail=detail, amounts=costs)
        if cdg_said := [amount for amount, start in given if "cdg" in self._named_at(text, start)]:
            # "le CDG a facturé 200 € pour 3 h": the CDG 62's own amount, not one to add to its computed price
            return (
                f"Je n'additionne pas : votre message donne pour le CDG 62 {format_euros(cdg_said[0])}, alors que "
                f"{detail} TTC font {format_euros(cdg)} (article 4.2.1). Vérifiez le temps passé facturé."
            )
        if not given:
            return (
                "Je n'additionne pas les montants donnés par période ou par unité (par mois, de l'heure…) : dites-moi "
                "le montant total à ajouter."
                if any(amount != HOURLY_RATE for amount, _ in amounts)
                else ""
            )
        if any(
            self.cues.before_tax_words.search(text, max(0, start - SAME_SPAN), start + SAME_SPAN) for _, start in given
        ):
            return (
                "Je n'additionne pas : votre montant est hors taxes, le taux du CDG 62 est TTC (article 4.2.1), et "
                "la convention ne donne aucun taux de TVA."
            )
        total = cdg + sum((amount for amount, _ in given), Decimal(0))
        parts = " + ".join([format_euros(cdg), *(format_euros(amount) for amount, _ in given)])
        theirs = " et ".join(format_euros(amount) for amount, _ in given)
        fibre = any("fibre" in self._named_at(text, start) for _, start in given)
        return (
            f"Total : {parts} = {format_euros(total)}. Les {format_euros(cdg)} du CDG 62 viennent de la convention "
            f"({detail} TTC, article 4.2.1) ; les {theirs} viennent de votre message : la convention ne fixe pas ce "
            "montant"
            + (", le prix de La Fibre Numérique 59 62 est celui du devis signé (article 4.1)" if fibre else "")
            + ". Le taux du CDG 62 est TTC : ce total suppose que votre montant l'est aussi."
        )

    def _left_to_pay(self, text: str, asked: str, cdg: Decimal, detail: str) -> str:
        """What is left to pay when the question asks it and the message says one amount paid already ("On lui a déjà
        payé 100 €. Il reste combien à payer ?"): the price minus it, never that amount read as a budget."""
        if not (self.cues.remaining and self.cues.remaining.search(asked)):
            return ""
        said = [(amount, start) for amount, start in self.reader.amount_spans(text) if self.paid(text, start)]
        # "déjà payé 2 h, soit 100 €": the price of hours said paid, already left out of `cdg`, never taken off twice
        hours = any(self.reader.durations(text[self._paid_from(text, start) : start]) for _, start in said)
        paid = {amount for amount, _ in said if amount > 0}
        if len(paid) != 1 or hours or (settled := paid.pop()) >= cdg:
            return ""
        return (
            f"Reste à payer au CDG 62 : {format_euros(cdg)} ({detail} TTC, article 4.2.1) moins les "
            f"{format_euros(settled)} que votre message dit déjà payés = {format_euros(cdg - settled)} TTC."
        )

    def _checked(self, text: str, cdg: Decimal, detail: str) -> str:
        """An amount the message gives for the CDG 62 ("le CDG 62 nous facture 325 €"), compared with its price."""
        # said of the CDG 62 where it stands, or in a message naming no other provider ("la facture s'élève à 180 €")
        alone = self.parties.named(text) == {"cdg"}
        spans = [(amount, start) for amount, start in self.reader.amount_spans(text) if amount > 0]
        budgets = [(amount, start) for amount, start in spans if self._budget(text, start)]
        billed = [
            (amount, start)
            for amount, start in spans
            if not self.is_rate(text, start)
            and ("cdg" in (owner := self._named_at(text, start)) or (alone and not owner))
            and (amount, start) not in budgets
            and not self.paid(text, start)  # "déjà payé … 3 heures, soit 150 €": what was paid, not the bill asked
            and not (alone and not owner and in_brackets(text, start))  # "(vernissage à 18 h, entrée à 4 €)"
        ]
        if not billed:  # a budget compared with the price when asked ("ça suffit ?")
            enough = self.cues.budget_enough and self.cues.budget_enough.search(asking(text))
            return self._covered(budgets[0][0], cdg) if len(budgets) == 1 and enough else ""
        said = [amount for amount, _ in billed]
        if self.cues.before_tax_words.search(text, max(0, billed[0][1] - SAME_SPAN), billed[0][1] + SAME_SPAN):
            return (  # "100 € HT pour 2h": not compared with a TTC price as if it were one
                "Votre message donne un montant hors taxes pour le CDG 62 ; la convention fixe un prix TTC : "
                f"{detail} TTC font {format_euros(cdg)} (article 4.2.1), et elle ne fixe aucun montant HT ni taux de TVA."
            )
        if said[0] == cdg:
            return f"Les {format_euros(cdg)} de votre message sont bien le prix de {detail} TTC (article 4.2.1)."
        # The message's wrong amount is not written again: the answer gives the right one, and how far the message's is
        # from it (a reader skimming the answer takes the first amount it reads; users act on it).
        gap = abs(said[0] - cdg)
        return (
            f"{detail[:1].upper()}{detail[1:]} TTC font {format_euros(cdg)} (article 4.2.1) : le montant de votre message "
            f"pour le CDG 62 {'dépasse ce prix' if said[0] > cdg else 'est inférieur à ce prix'} de {format_euros(gap)}, "
            f"soit {format_hours(gap / HOURLY_RATE)} au taux horaire. "
            "Vérifiez le temps passé facturé, trajet compris."
        )

    def _budget(self, text: str, start: int, *, said: bool = True) -> bool:
        """Is the amount at `start` money available ("l'enveloppe est de 600 €", "on a 600 € de budget"), not a bill?
        Not `said`: only by the words right after it ("600 € de budget", "1 500 € prévus au budget")."""
        if not (budget := self.cues.budget_amount):
            return False
        end = self.reader.amount_end(text, start)
        after = budget.search(text, end, end + BUDGET_AFTER)
        # (folded here, not with `folding.folded`, whose one remembered text is the message's, kept for the calculators)
        between = " ".join(fold(text[end : after.start()]).split()) if after else ""
        linked = after and (after.start() - end <= 4 or between in self.cues.budget_links)
        return bool((said and budget.search(text, sentence_start(text, start), start)) or linked)

    def _paid_from(self, text: str, start: int) -> int:
        """Where the words saying the amount at `start` paid begin ("déjà payé", in its sentence), else `start`."""
        paid = self.cues.duration_cues.get("paid")
        found = list(paid.compiled.finditer(text, sentence_start(text, start), start)) if paid else []
        return found[-1].start() if found else start

    def paid(self, text: str, start: int) -> bool:
        """Is the amount at `start` said paid already ("Nous avons déjà payé la première venue … soit 150 €")?"""
        return self._paid_from(text, start) < start

    def _income(self, text: str, start: int) -> bool:
        """Is the amount at `start` money received ("j'ai vendu une pouliche 1 200 euros"), by the words of its clause?"""
        clause = max(sentence_start(text, start), text.rfind(",", 0, start) + 1, start - INCOME_REACH)
        return bool(self.cues.income and self.cues.income.search(text, clause, start))

    @staticmethod
    def _covered(budget: Decimal, cdg: Decimal) -> str:
        """A budget the message gives, against the CDG 62's price ("On a 600 € de budget, ça suffit ?")."""
        said = f"Votre budget de {format_euros(budget)}"
        if budget >= cdg:
            return f"{said} suffit : le prix ci-dessous est de {format_euros(cdg)} (il reste {format_euros(budget - cdg)})."
        return f"{said} ne suffit pas : le prix ci-dessous est de {format_euros(cdg)} (il manque {format_euros(cdg - budget)})."

    def _travel_cost(self, text: str, start: int) -> bool:
        """Is the amount at `start` said of travel costs ("48 € de frais kilométriques", "0,41 €/km"), not La Fibre's?"""
        end = self.reader.amount_end(text, start)
        around = self.reader.clause_around(text, start, end, labelled=True)  # "Frais de déplacement : 35 €"
        rate = self.cues.rate_after.match(text, end) if self.cues.rate_after else None
        per_distance = bool(rate and self.cues.distance_word and self.cues.distance_word.search(rate.group()))
        travel = per_distance or bool(self.cues.travel_cost and self.cues.travel_cost.search(around))
        return travel and not self.of_fibre(text, start)

    def _named_at(self, text: str, start: int) -> set[str]:
        """The organisations named in the part of the sentence of the amount at `start`."""
        return self.parties.named(self.reader.clause_around(text, start, start + 1))

    def of_fibre(self, text: str, start: int) -> bool:
        """The amount at `start` is La Fibre's: its clause names it, or its sentence alone does (`in_fibre_sentence`)."""
        return "fibre" in self._named_at(text, start) or self.in_fibre_sentence(text, start)

    def in_fibre_sentence(self, text: str, start: int) -> bool:
        """Does the sentence up to the amount at `start` name La Fibre and no one else ("Le devis de La Fibre
        Numérique 59 62, lui, était de 1 480 €")?"""
        return self.parties.named(text[sentence_start(text, start) : start + 1]) == {"fibre"}

    def set_apart(self, text: str, start: int) -> bool:
        """An amount that is no budget of its own: a rate, or a part of the amount said before it."""
        return self.is_rate(text, start) or self.is_part(text, start)

    def is_part(self, text: str, start: int) -> bool:
        """ "900 € pour le CDG, dont j'avais mis 120 € de côté …": an amount that is a part of the one said before it, in
        its sentence."""
        sentence = text[max(sentence_start(text, start), start - PART_REACH) : start]
        cues = list(self.cues.part_of.finditer(sentence)) if self.cues.part_of else []
        return bool(cues) and bool(self.reader.amount_spans(sentence[: cues[-1].start()]))

    def is_rate(self, text: str, start: int) -> bool:
        """ "50 € de l'heure", "30 € par mois", "80 km à 0,45 €", "× 50 €": a rate, not an amount to add."""
        rate, mileage = self.cues.rate_after, self.cues.distance_rate
        after = self.reader.amount_end(text, start)
        before = text[max(0, start - 30) : start]
        return bool(rate and rate.match(text, after)) or any(
            cue and cue.search(before) for cue in (mileage, self._factor)
        )
