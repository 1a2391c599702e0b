"""Whether a text is tied to this convention: it names the convention, its parties or its services.

The words are knowledge/vocabulary.yaml's `anchor_words`, matched as written (folded), not through synonyms:
"contrat" may be anyone's contract. A plural or a longer word counts too ("conventions", "cdg62").
"""

from __future__ import annotations

from collections.abc import Iterable

from .french import comparable


class Anchors:
    """The anchor words of the knowledge base, compared with a text's folded words."""

    def __init__(self, words: Iterable[str]) -> None:
        self._anchors = [f" {comparable(word)}" for word in words if comparable(word)]

    def held_by(self, text: str) -> bool:
        """Whether `text` holds one of the anchor words."""
        compared = f" {comparable(text)} "  # once, not once per anchor
        return any(anchor in compared for anchor in self._anchors)
