"""Late-payment interest (the second Article 4.2.1, art-4.2.2 here): an invoice's dates, never a signature.

La Fibre Numérique 59 62 may charge the legal interest on the sums due, "calculés à compter de la date
d'exigibilité jusqu'au paiement intégral". The text gives the period, not the rate: the answer gives the
days the interest runs between the dates the message names (its `due` and `payment` roles), never an amount.
"""

from __future__ import annotations

from datetime import date, timedelta

from ..answer import Answer
from ..date_mentions import DateMention, find_dates
from ..deadlines import format_date
from .base import Calculator, Context, sentence_start
from .date_roles import DateRoles, Role

QUOTE = "« calculés à compter de la date d'exigibilité jusqu'au paiement intégral »"
NOT_LATE = "Facture exigible"
NO_RATE = "Le taux des intérêts légaux n'est pas dans la convention : je ne calcule aucun montant."


class Interest(Calculator):
    """The late-payment interest questions about an invoice's dates."""

    def __init__(self, context: Context, roles: DateRoles) -> None:
        super().__init__(context)
        self.date_roles = roles

    def answer(self, question: str, folded: str, near: set[str], named: set[str], today: date) -> Answer | None:
        """When the interest on an invoice runs, from its due date to its full payment, if that is asked."""
        clause = self.words.interest_clause
        if clause is None:
            return None
        asked = bool(self.cues.interest and self.cues.interest.search(folded))
        if not asked and (named == {"cdg"} or clause not in near):
            return None  # not asked: the loss words below are not searched (a scan of the whole message)
        if self.cues.compensation and self.cues.compensation.search(folded):
            return None  # "dommages et intérêts": a loss (article 5), not a late payment
        if named == {"cdg"}:
            return self._not_the_cdg(question, clause)
        roles = self.date_roles.roles(folded, find_dates(folded, today), other=True)
        due = [r.mention for r in roles if r.role == "due" and r.mention.value]
        paid = sorted((r.mention for r in roles if r.role == "payment" and r.mention.value), key=_day)
        start, termed = (_day(due[-1]), "") if due else self._termed(folded, roles)
        if start is None and not paid:
            return None
        if not asked and self._calendar_asked(folded, roles):
            return None  # a signature and a letter or deadline asked: the invoice's dates are context (articles 3, 6)
        planned = [m for m in paid if _day(m) > today]  # "paiement prévu le 15/12": not made yet
        # ... and a payment before it was no full one ("mandat parti le 20/11, paiement intégral lundi 30/11"): no days
        # counted to it as if the invoice were paid
        lines = self._period(start, [] if planned else paid, today)
        lines[1:1] = [termed] if termed else []
        if planned:
            lines.append(
                f"Le paiement du {format_date(_day(planned[-1]))} n'a pas encore eu lieu : les intérêts courent "
                "jusqu'au paiement intégral effectif."
            )
        owner = (
            ""
            if lines[0].startswith(NOT_LATE)
            else f"C'est La Fibre Numérique 59 62 qui peut percevoir ces intérêts. {NO_RATE}"
        )
        text = " ".join([*lines, owner]).strip()
        terms = self.matcher.question_terms(self.words.interest_quote_words)
        return Answer(question, True, "calculation", text, (self.cite(clause, terms),), 1.0)

    def asked_alone(self, question: str) -> bool:
        """Does `question` (its own words, folded) ask about late-payment interest and not about ending the convention?
        Its dates are then an invoice's, never a signature to count the convention's calendar from ("Ils peuvent compter
        des intérêts depuis le 30/10 ?")."""
        interest, termination = self.cues.interest, self.cues.termination
        return bool(interest and interest.search(question)) and not (termination and termination.search(question))

    def _termed(self, folded: str, roles: list[Role]) -> tuple[date | None, str]:
        """The due date of an invoice payable so many days after its date, said in the same sentence ("la facture du
        05/09/2026, payable à 30 jours"), and the line saying how it was counted; (None, "") if none is said."""
        term = self.cues.payment_term.search(folded) if self.cues.payment_term else None
        if term is None:
            return None, ""
        begin = sentence_start(folded, term.start(), ".!?;")
        dated = [
            r.mention
            for r in roles
            if r.role == "other" and r.mention.value and begin <= r.mention.start < term.start()
        ]
        if not dated:
            return None, ""
        days, invoice = int(term.group(1)), _day(dated[-1])
        return invoice + timedelta(days=days), (
            f"J'ai compté la date d'exigibilité {days} jours après la date de la facture, le {format_date(invoice)}, "
            "comme votre message le dit ; si la facture porte une autre date d'échéance, c'est elle qui compte."
        )

    def _calendar_asked(self, folded: str, roles: list[Role]) -> bool:
        """Does the message name the convention's signature or a formal notice ("mise en demeure le 18 août, restée
        sans suite") and ask about ending it, its letter or a deadline?"""
        if not any(r.role in ("signature", "formal_notice") and not r.assumed for r in roles):
            return False
        asks = (self.cues.termination, self.cues.deadline_words, self.cues.date_cues.get("letter"))
        return any(pattern and pattern.search(folded) for pattern in asks)

    def _period(self, start: date | None, paid: list[DateMention], today: date) -> list[str]:
        """When the interest runs, from the due date `start` to the last of the payments `paid` (in order)."""
        if start is None and not paid:
            return [f"Les intérêts légaux courent de la date d'exigibilité jusqu'au paiement intégral ({QUOTE})."]
        if start is None:
            return [
                f"Les intérêts légaux courent à partir de la date d'exigibilité de la facture (que je ne lis pas dans "
                f"votre message) jusqu'au paiement intégral, le {format_date(_day(paid[-1]))} ({QUOTE}). Donnez-moi "
                "la date d'exigibilité (la date limite de paiement) pour le nombre de jours."
            ]
        late = [m for m in paid if _day(m) > start]
        if paid and not late:
            return [
                f"{NOT_LATE} le {format_date(start)}, payée le {format_date(_day(paid[-1]))} : payée à la date "
                f"d'exigibilité ou avant, il n'y a pas de retard de paiement, donc pas d'intérêts de retard ({QUOTE})."
            ]
        if not late:
            when = "courent " if start <= today else "ne courront, si elle n'est pas payée d'ici là, qu'"
            return [
                f"Les intérêts légaux {when}à partir de la date d'exigibilité, le {format_date(start)}, et jusqu'au "
                f"paiement intégral, tant que la facture n'est pas entièrement payée ({QUOTE})."
            ]
        end = _day(late[-1])
        lines = [
            f"Les intérêts légaux courent à partir de la date d'exigibilité, le {format_date(start)}, jusqu'au "
            f"paiement intégral, le {format_date(end)} : {(end - start).days} jours ({QUOTE})."
        ]
        if len(late) > 1:
            parts = ", ".join(format_date(_day(m)) for m in late[:-1])
            lines.append(
                f"Paiement partiel le {parts} : les intérêts portent sur les sommes dues, donc après ce paiement "
                f"seulement sur ce qui restait à payer. J'ai compté le paiement du {format_date(end)} comme le "
                "paiement intégral (le solde)."
            )
        return lines

    def _not_the_cdg(self, question: str, clause: str) -> Answer:
        """Interest asked of the CDG 62's bills: the convention gives it to La Fibre's only."""
        text = (
            "La convention ne prévoit pas d'intérêts de retard pour les factures du CDG 62 : le CDG 62 assure le "
            "recouvrement de ses frais, réglés par mandat administratif (article 4.2.1). Les intérêts légaux, de la "
            "date d'exigibilité jusqu'au paiement intégral, ne sont prévus que pour les factures de La Fibre "
            f"Numérique 59 62, à l'{self.knowledge.clauses[clause].ref.lower()}."
        )
        terms = self.matcher.question_terms(self.words.interest_quote_words)
        return Answer(
            question, True, "clause", text, (self.cite(self.cost_clause, None), self.cite(clause, terms)), 1.0
        )


def _day(mention: DateMention) -> date:
    assert mention.value is not None
    return mention.value
