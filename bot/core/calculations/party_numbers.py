"""The numbers of the parties' names ("CDG 62", "La Fibre Numérique 59 62"): never a count of visits, hours nor an
amount. A note headed "… CDG 62" then a line "Intervention à distance … de 10h05 à 11h25" was read "62 interventions"
of 1 h 20 (session 40): the names' digits are blanked before the figures are read."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..french import fold
from ..phrases import phrase_trie

_DIGIT = re.compile(r"\d")


class PartyNumbers:
    """Blanks the digits of the parties' names (knowledge/calculations.yaml, `parties:` cues holding a number)."""

    def __init__(self, cues: Iterable[str]) -> None:
        numbered = {fold(cue).strip() for cue in cues if any(char.isdigit() for char in cue)}
        # a trie: the letters no name starts with are skipped (an alternation was tried at every character: 0.16 ms)
        self._pattern = re.compile(rf"{phrase_trie(numbered, folded=True)}(?!\w)") if numbered else None

    def blanked(self, folded: str) -> str:
        """`folded` text (as `number_text.digits` gives it) with the digits of the parties' names as spaces."""
        if self._pattern is None or not any(char.isdigit() for char in folded):
            return folded
        return self._pattern.sub(lambda match: _DIGIT.sub(" ", match.group()), folded)
