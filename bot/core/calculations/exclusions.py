"""The cases article 5.2 excludes from La Fibre's liability, told by a message asking its cap: "Un pirate est entré
dans notre réseau, on a perdu 3 000 €. On récupère combien ?" gets first that La Fibre is not liable for a third
party's intrusion into the collectivité's system, then the cap of a proven fault. A cap stated alone read as if the
loss would be repaid up to it (an audit found summaries that drop conditions)."""

from __future__ import annotations

from dataclasses import replace

from ..answer import Answer
from .cues import Cues


class Exclusions:
    """Reads the excluded cases a message tells of."""

    def __init__(self, cues: Cues) -> None:
        self.cues = cues

    def told(self, folded: str, answer: Answer | None) -> Answer | None:
        """`answer` (a computed cap) opening with the excluded cases `folded` tells of, if any."""
        if answer is None or answer.kind != "calculation":
            return answer
        cases = [case for pattern, case in self.cues.exclusions if pattern.search(folded)]
        if not cases:
            return answer
        said = " ; ".join(cases)
        note = (
            f"Attention : la responsabilité de La Fibre Numérique 59 62 ne peut pas être engagée {said} "
            "(article 5.2) ; si c'est ce qui a causé la perte, elle ne doit rien. Hors de ce cas : "
        )
        return replace(answer, text=note + answer.text[:1].lower() + answer.text[1:])
