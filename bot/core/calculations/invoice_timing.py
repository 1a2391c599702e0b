"""La Fibre's invoice against the end of its deployment (article 4.2.2): "La Fibre Numérique 59 62 adressera sa
facture … après le déploiement des services". A message giving both dates and asking whether the invoice came in time
("facturé le 10 septembre, déployé le 15 : est-ce conforme ?") is told which came first; the words are
`invoice_timing` (knowledge/calculations.yaml)."""

from __future__ import annotations

import re
from datetime import date

from ..answer import Answer
from ..date_mentions import find_dates
from ..deadlines import format_date
from ..french import fold
from ..phrases import flexible, phrases_pattern
from .base import Calculator, Context, sentence_start

QUOTE_WORDS = "facture après le déploiement des services"


class InvoiceTiming(Calculator):
    """Whether La Fibre's invoice came after the deployment, when asked."""

    def __init__(self, context: Context) -> None:
        super().__init__(context)
        words = self.words.invoice_timing
        kinds = {fold(w).strip(): "invoice" for w in words.invoice} | {
            fold(w).strip(): "deployment" for w in words.deployment
        }
        cues = sorted(kinds, key=len, reverse=True)  # the longer phrase first: "facture de déploiement" is the invoice
        self._kinds = {f"c{index}": kinds[cue] for index, cue in enumerate(cues)}  # a match's kind, by its group
        groups = "|".join(f"(?P<c{index}>{flexible(cue, folded=True)})" for index, cue in enumerate(cues))
        self._cue = re.compile(rf"(?<!\w)(?:{groups})(?!\w)") if cues else None
        self._asked = phrases_pattern(tuple(words.asked), start=False) if words.asked else None

    def answer(self, question: str, folded: str, near: set[str], named: set[str], today: date) -> Answer | None:
        """Which came first, the invoice or the deployment's end, when the message gives both and asks; else None."""
        clause = self.words.interest_clause  # the clause of La Fibre's invoice (article 4.2.2)
        if not (clause and clause in near and self._cue and self._asked) or named == {"cdg"}:
            return None
        if not self._asked.search(folded):
            return None
        days: dict[str, date] = {}
        end = 0
        for mention in find_dates(folded, today):
            start = max(end, sentence_start(folded, mention.start, ".!?;"))
            cues = list(self._cue.finditer(folded, start, mention.start))
            end = mention.start + len(mention.text)
            if cues and mention.value and not mention.month_only:
                days.setdefault(self._kinds[str(cues[-1].lastgroup)], mention.value)
        if len(days) < 2:
            return None
        invoice, deployed = days["invoice"], days["deployment"]
        said = f"La facture du {format_date(invoice)}"
        if invoice < deployed:
            text = (
                f"{said} précède la fin du déploiement, le {format_date(deployed)} : elle est venue trop tôt, la "
                "convention prévoyant que La Fibre Numérique 59 62 adresse sa facture après le déploiement des "
                "services (article 4.2.2)."
            )
        elif invoice == deployed:
            text = (
                f"{said} est du jour même de la fin du déploiement : la convention dit seulement que La Fibre "
                "Numérique 59 62 adresse sa facture après le déploiement des services (article 4.2.2), sans fixer de délai."
            )
        else:
            text = (
                f"{said} suit la fin du déploiement, le {format_date(deployed)} : c'est ce que prévoit la convention, "
                "La Fibre Numérique 59 62 adressant sa facture après le déploiement des services (article 4.2.2)."
            )
        return Answer(question, True, "calculation", text, (self.quoted(clause, QUOTE_WORDS),), 1.0)
