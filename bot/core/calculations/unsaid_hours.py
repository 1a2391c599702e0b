"""The CDG 62's time a message does not give in hours: said in days ("3 jours d'intervention"; the text prices hours
only, never a working day) or said unknown ("personne n'a noté les heures", "je sais pas quand il est reparti",
knowledge/calculations.yaml `unknown_hours_words`). It is asked, never guessed: a visit whose hours nobody knows was
billed as the other's (2 × 2 h), a departure unknown as another event's range; no amount is given then."""

from __future__ import annotations

from collections.abc import Callable

from ..answer import Answer
from ..date_mentions import find_dates
from ..money import HOURLY_RATE, format_euros
from .base import Calculator, Context
from .cues import cue_pattern


class UnsaidHours(Calculator):
    """Asks for the hours a message does not give."""

    def __init__(self, context: Context) -> None:
        super().__init__(context)
        words = self.words.unknown_hours_words
        self._unknown = cue_pattern(words).compiled if words else None

    def days(self, question: str, text: str, terms: list[str]) -> Answer | None:
        """ "3 jours d'intervention": the hours are asked rather than a working day guessed."""
        if not self.reader.days(text) or find_dates(text):
            return None
        if any(p.search(text) for p in self.cues.duration_cues.values()):
            return None
        answer = (
            f"La convention facture le temps passé par le CDG 62 à l'heure, au taux horaire de {HOURLY_RATE} € "
            f"TTC, temps et frais de déplacement compris (article 4.2.1) ; elle ne fixe aucun prix à la journée. "
            "Combien d'heures le CDG 62 a-t-il passées ? Donnez-moi le nombre d'heures et je calculerai le montant."
        )
        return self.priced(question, answer, terms)

    def unknown(
        self, question: str, text: str, terms: list[str], apart: Callable[[str, int, int], bool] | None = None
    ) -> Answer | None:
        """Hours the message says nobody knows: no amount at all (the hours it does give may be another event's: "je sais
        pas quand il est reparti, j'étais au conseil d'école de 15h à 17h"). Not words in a sentence `apart` from the
        visit ("… car le maire croit qu'on paie toute la matinée", the visit's hours told before)."""
        if not (
            self._unknown and any(not (apart and apart(text, m.start(), m.end())) for m in self._unknown.finditer(text))
        ):
            return None  # (folded by `digits`)
        answer = (
            "Votre message ne donne pas la durée exacte : je ne peux pas calculer le montant. Le CDG 62 facture le "
            f"temps passé, au taux horaire de {format_euros(HOURLY_RATE)} TTC, temps et frais de déplacement compris "
            "(article 4.2.1). Donnez-moi toutes les heures passées par le CDG 62 (sa facture les indique) et je "
            "calculerai le montant."
        )
        return self.priced(question, answer, terms)
