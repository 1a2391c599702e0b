"""The numbers of the parties' names ("CDG 62", "La Fibre Numérique 59 62"): never a count of visits, hours nor an
amount. A note headed "… CDG 62" then a line "Intervention à distance … de 10h05 à 11h25" was read "62 interventions"
of 1 h 20 (session 40): the names' digits are blanked before the figures are read."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..french import fold
from ..word_patterns import alternation


class PartyNumbers:
    """Blanks the digits of the parties' names (knowledge/calculations.yaml, `parties:` cues holding a number)."""

    def __init__(self, cues: Iterable[str]) -> None:
        numbered = [cue for cue in cues if any(char.isdigit() for char in cue)]
        self._pattern = re.compile(rf"(?<!\w)(?:{alternation(numbered)})(?!\w)") if numbered else None

    def blanked(self, text: str) -> str:
        """`text` with the digits of the parties' names written in it as spaces (the same length, its case kept)."""
        if self._pattern is None or not any(char.isdigit() for char in text):
            return text
        folded = " ".join(fold(text).split(" "))  # position for position when folding keeps the length
        if len(folded) != len(text):
            return text  # a ligature spelt out ("œ"): positions differ, the text is read as it is
        spans = [match.span() for match in self._pattern.finditer(folded)]
        for start, end in spans:
            text = text[:start] + re.sub(r"\d", " ", text[start:end]) + text[end:]
        return text
