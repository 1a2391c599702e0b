"""Whether a sentence opens with a sign-off ("Cordialement", "Dans l'attente de votre réponse"): a signature follows.

Why a module of its own: the test runs on every sentence of a message (fifty in a forwarded e-mail of 4,096
characters), and folding each one to tell was a fifth of cutting a message into sentences. Most sentences open
with a word no sign-off can start, which their ASCII letters tell without folding.
"""

from __future__ import annotations

import re

from .french import fold
from .phrases import phrases_pattern

SIGN_OFF_CHARS = 60  # a sign-off opens its sentence and is short ("dans l'attente de votre réponse")
# What a sentence opens with when its first word is written in ASCII: ASCII marks, then that word's ASCII letters.
_ASCII_OPENING = re.compile(r"[\x00-\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\x7f]*([A-Za-z]*)")


class SignOffs:
    """The sign-offs of knowledge/vocabulary.yaml, found at a sentence's start (folded)."""

    def __init__(self, phrases: tuple[str, ...]) -> None:
        self._pattern = phrases_pattern(phrases, start=True)
        firsts = {re.split(r"[\s\-']+", fold(phrase).strip())[0] for phrase in phrases if phrase.strip()}
        # Their first words, folded; None (every sentence folded and tried) if one is not ASCII letters.
        self._firsts = tuple(firsts) if all(first.isascii() and first.isalpha() for first in firsts) else None

    def opens(self, sentence: str) -> bool:
        """Whether a sign-off opens `sentence`."""
        return self._may_open(sentence) and bool(self._pattern.match(fold(sentence[:SIGN_OFF_CHARS])))

    def _may_open(self, sentence: str) -> bool:
        """Whether a sign-off may open `sentence`, told from its first word when written in ASCII: folding changes no
        ASCII character but its case, so the folded sentence opens with the same marks, then those letters, where a
        sign-off's first word must start, or be started by, them ("dès" gives "d", which "dans" starts with)."""
        if self._firsts is None:
            return True
        opening = _ASCII_OPENING.match(sentence)
        if word := opening.group(1).lower():
            return any(word.startswith(first) or first.startswith(word) for first in self._firsts)
        return opening.end() < len(sentence) and not sentence[opening.end()].isascii()  # else a digit, "_" or nothing
