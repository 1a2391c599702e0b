"""The asking phrases of a folded text ("je voudrais savoir", "il demande si"): words that only say something is asked,
unless a negation stands right before them ("un conseiller m'avait reproché de ne pas savoir ce que je signais": a
story, nothing asked)."""

from __future__ import annotations

import re

from .phrases import alternatives

NEGATION_REACH = 16  # characters before an asking phrase where its negation is looked for ("de ne pas savoir")


class AskingPhrases:
    """Finds the first asking phrase of a folded text that no negation takes back."""

    def __init__(self, trie: str, negations: tuple[str, ...], asides: tuple[str, ...] = ()) -> None:
        self._pattern = re.compile(rf"{trie}(?!\w)")  # the phrases as one trie (phrases.phrase_trie)
        self._negated = re.compile(rf"(?<!\w)(?:{alternatives(negations)})\s+$") if negations else None
        # "Je vous demande, d'une part, pour quelle durée …": an aside between commas, read as spaces
        self._aside = re.compile(rf",\s*(?:{alternatives(asides)})\s*,") if asides else None

    def without_asides(self, folded: str) -> str:
        """`folded` with its asides between commas read as spaces (the same positions)."""
        if self._aside and "," in folded:
            return self._aside.sub(lambda aside: " " * len(aside.group()), folded)
        return folded

    def search(self, folded: str) -> re.Match[str] | None:
        """The first asking phrase of `folded` not right after a negation (its asides read as spaces), or None."""
        folded = self.without_asides(folded)
        for match in self._pattern.finditer(folded):
            start = match.start()
            if not (self._negated and self._negated.search(folded, max(0, start - NEGATION_REACH), start)):
                return match
        return None
