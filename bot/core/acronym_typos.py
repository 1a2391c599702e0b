"""A party's acronym mistyped before its department's number ("le sdg 62 il facture comment ?", "le cgd 62"): one letter
wrong or two swapped, the number right, is the party's acronym. Read before anything else, so that the matcher, the
calculations and the party of a follow-up all see the name meant. The acronyms are the parties' cues written as letters
then a number ("cdg 62", knowledge/calculations.yaml `parties`): a short word alone is too easily another word (the
typo repair leaves words under five letters), the number says which one it is."""

from __future__ import annotations

import re
from collections.abc import Iterable

from rapidfuzz.distance import OSA

_ACRONYM = re.compile(r"([a-z]{3,4}) ?(\d{2}(?: \d{2})*)")  # a cue "cdg 62", "lfn 59 62"
MAX_EDITS = 1  # one letter wrong, missing from none, or two letters swapped ("cgd")


class AcronymTypos:
    """Puts a party's acronym in the place of its typo before the party's number."""

    def __init__(self, cues: Iterable[str]) -> None:
        acronyms: dict[str, set[str]] = {}  # number -> the acronyms written before it
        for cue in cues:
            if found := _ACRONYM.fullmatch(cue.strip().lower()):
                acronyms.setdefault(found[2], set()).add(found[1])
        self._acronyms = acronyms
        numbers = "|".join(
            re.escape(number).replace(r"\ ", r"\s?") for number in sorted(acronyms, key=len, reverse=True)
        )
        self._said = re.compile(rf"(?<![\w'’-])([^\W\d_]{{3,4}}) ?(?:{numbers})(?!\d)") if numbers else None

    def apply(self, text: str) -> str:
        """`text` with each acronym mistyped before its number written right."""
        if self._said is None or not any(char.isdigit() for char in text):
            return text
        return self._said.sub(self._right, text)

    def _right(self, said: re.Match[str]) -> str:
        """The acronym meant by `said`'s word before its number, or the words as written."""
        word, number = said[1], " ".join(said[0][len(said[1]) :].split())
        meant = [
            acronym
            for acronym in self._acronyms.get(number, ())
            if len(acronym) == len(word) and 0 < OSA.distance(word.lower(), acronym) <= MAX_EDITS
        ]
        return f"{meant[0].upper()}{said[0][len(word) :]}" if len(meant) == 1 else said[0]
