"""Late-payment interest (the second Article 4.2.1, art-4.2.2 here): an invoice's dates, never a signature.

La Fibre Numérique 59 62 may charge the legal interest on the sums due, "calculés à compter de la date
d'exigibilité jusqu'au paiement intégral". The text gives the period, not the rate: the answer gives the
days the interest runs between the dates the message names (its `due` and `payment` roles), never an amount.
"""

from __future__ import annotations

from datetime import date

from ..answer import Answer
from ..deadlines import DateMention, find_dates, format_date
from .base import COST_CLAUSE, Calculator, Context
from .date_roles import DateRoles

NO_RATE = "Le taux des intérêts légaux n'est pas dans la convention : je ne calcule aucun montant."


class Interest(Calculator):
    """The late-payment interest questions about an invoice's dates."""

    def __init__(self, context: Context, roles: DateRoles) -> None:
        super().__init__(context)
        self.date_roles = roles

    def answer(self, question: str, folded: str, near: set[str], named: set[str], today: date) -> Answer | None:
        """When the interest on an invoice runs, from its due date to its full payment, if that is asked."""
        clause = self.words.interest_clause
        if clause is None or (self.cues.compensation and self.cues.compensation.search(folded)):
            return None  # "dommages et intérêts": a loss (article 5), not a late payment
        asked = bool(self.cues.interest and self.cues.interest.search(folded))
        if named == {"cdg"}:
            return self._not_the_cdg(question, clause) if asked else None
        if not (asked or clause in near):
            return None
        roles = self.date_roles.roles(folded, find_dates(folded, today))
        due = [r.mention for r in roles if r.role == "due" and r.mention.value]
        paid = sorted((r.mention for r in roles if r.role == "payment" and r.mention.value), key=_day)
        if not due and not paid:
            return None
        quote = "« calculés à compter de la date d'exigibilité jusqu'au paiement intégral »"
        lines = []
        owner = f"C'est La Fibre Numérique 59 62 qui peut percevoir ces intérêts. {NO_RATE}"
        if due:
            start = _day(due[-1])
            late = [m for m in paid if _day(m) > start]
            if paid and not late:
                lines.append(
                    f"Facture exigible le {format_date(start)}, payée le {format_date(_day(paid[-1]))} : payée à "
                    "la date d'exigibilité ou avant, il n'y a pas de retard de paiement, donc pas d'intérêts de "
                    f"retard (les intérêts sont {quote[2:-2]})."
                )
                owner = ""
            elif late:
                end = _day(late[-1])
                lines.append(
                    f"Les intérêts légaux courent à partir de la date d'exigibilité, le {format_date(start)}, jusqu'au "
                    f"paiement intégral, le {format_date(end)} : {(end - start).days} jours ({quote})."
                )
                if len(late) > 1:
                    parts = ", ".join(format_date(_day(m)) for m in late[:-1])
                    lines.append(
                        f"Paiement partiel le {parts} : les intérêts portent sur les sommes dues, donc après ce "
                        "paiement seulement sur ce qui restait à payer. J'ai compté le paiement du "
                        f"{format_date(end)} comme le paiement intégral (le solde)."
                    )
            else:
                lines.append(
                    f"Les intérêts légaux courent à partir de la date d'exigibilité, le {format_date(start)}, et "
                    f"jusqu'au paiement intégral, tant que la facture n'est pas entièrement payée ({quote})."
                )
        else:
            lines.append(
                f"Les intérêts légaux courent à partir de la date d'exigibilité de la facture (que je ne lis pas dans "
                f"votre message) jusqu'au paiement intégral, le {format_date(_day(paid[-1]))} ({quote}). Donnez-moi la "
                "date d'exigibilité (la date limite de paiement) pour le nombre de jours."
            )
        text = " ".join([*lines, owner]).strip()
        terms = self.matcher.question_terms(self.words.interest_quote_words)
        return Answer(question, True, "calculation", text, (self.cite(clause, terms),), 1.0)

    def _not_the_cdg(self, question: str, clause: str) -> Answer:
        """Interest asked of the CDG 62's bills: the convention gives it to La Fibre's only."""
        text = (
            "La convention ne prévoit pas d'intérêts de retard pour les factures du CDG 62 : le CDG 62 assure le "
            "recouvrement de ses frais, réglés par mandat administratif (article 4.2.1). Les intérêts légaux, de la "
            "date d'exigibilité jusqu'au paiement intégral, ne sont prévus que pour les factures de La Fibre "
            f"Numérique 59 62, à l'{self.knowledge.clauses[clause].ref.lower()}."
        )
        terms = self.matcher.question_terms(self.words.interest_quote_words)
        return Answer(question, True, "clause", text, (self.cite(COST_CLAUSE, None), self.cite(clause, terms)), 1.0)


def _day(mention: DateMention) -> date:
    assert mention.value is not None
    return mention.value
