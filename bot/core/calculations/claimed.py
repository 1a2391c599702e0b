"""Letters a message reports as someone's claim ("ma collègue dit qu'on envoie le recommandé le 27 mars 2028. Vrai ?"):
the day is what is checked, not a letter sent. The answer gives the calendar and says whether that day would do, without
writing the claimed day again: a reader skimming the answer takes the first date it reads, and acts on it."""

from __future__ import annotations

from datetime import date

from ..date_mentions import DateMention
from ..deadlines import compute_deadlines
from ..phrases import phrases_pattern
from .base import sentence_start

LATE = "La date que rapporte votre message pour la lettre est trop tardive : elle ne permet pas de sortir à cette échéance."
IN_TIME = (
    "La date que rapporte votre message pour la lettre convient, si la lettre est reçue au plus tard à la date limite "
    "ci-dessus."
)


class ClaimedLetters:
    """Whether a letter's day stands in a claim, after one of the claim verbs (knowledge/vocabulary.yaml)."""

    def __init__(self, claim_verbs: tuple[str, ...]) -> None:
        self._verbs = phrases_pattern(claim_verbs, start=False)

    def claimed(self, folded: str, mention: DateMention) -> bool:
        """Whether `mention` (in the folded text `folded`) is a day someone claims, not a letter the message tells."""
        return bool(self._verbs.search(folded, sentence_start(folded, mention.start, ".!?"), mention.start))


def verdict(claimed: DateMention, signature: date) -> str:
    """Whether a letter sent on the claimed day would reach the others in time, the day not written again."""
    assert claimed.value is not None
    return LATE if compute_deadlines(signature, claimed.value).notice_passed else IN_TIME
