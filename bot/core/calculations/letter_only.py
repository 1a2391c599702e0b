"""A letter's date with no date of the convention's own (no signature, no anniversary): whose letter it is decides the
answer. The collectivité's letter is checked once she gives the signature's date; a letter she RECEIVED announcing
the termination ("nous avons reçu un courrier recommandé annonçant la résiliation") is the other parties' (article 6:
La Fibre Numérique 59 62 or the CDG 62 may end it at any time, three months' notice), never "votre lettre"."""

from __future__ import annotations

from datetime import date

from ..answer import Answer
from ..deadlines import format_date
from .base import Calculator, Context
from .date_roles import Role
from .notices import Notices

EITHER_PROVIDER = "La Fibre Numérique 59 62 ou le CDG 62 (celui qui vous a écrit)"  # the sender of a letter received


class LetterOnly(Calculator):
    """The answer to a message whose only date of the calendar is a letter's."""

    def __init__(self, context: Context, notices: Notices) -> None:
        super().__init__(context)
        self.notices = notices

    def answer(self, question: str, folded: str, roles: list[Role], letters: list[Role], today: date) -> Answer | None:
        """The other parties' termination for a letter the collectivité received, else what her own letter needs."""
        received = self.cues.notice_received and self.cues.notice_received.search(folded)  # "nous avons reçu"
        if received:  # its sender unnamed; naming no termination ("… qu'ils arrêtent le service dans un mois"): no date
            termination = self.cues.termination.search(folded)
            return self.notices.provider_notice(question, roles, EITHER_PROVIDER, today) if termination else None
        sent = letters[-1].mention
        text = (
            f"Votre lettre du {format_date(sent.value)} doit avoir été reçue par les autres parties au moins "  # type: ignore[arg-type]
            "trois mois avant l'échéance (article 6). Pour vérifier qu'elle est dans les délais, donnez-moi la "
            "date de la dernière signature ou celle de l'échéance (par exemple : « signée le 15/03/2025 »)."
        )
        return Answer(question, True, "calculation", text, self.calendar_citations(), 1.0)
