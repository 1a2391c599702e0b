"""A question's verbless tail after a linking word ("qui signe pour la commune, et sur quelle autorisation ?", "qui
facture l'accompagnement, et à quel taux ?"): a preposition, a which-word and a word or two, no verb of its own. It
asks more of the question before it (on what basis, at what rate), so it stays with it rather than making a question
of its own, whatever clause its noun names; so does a guess of its answer ("on le paie comment, par virement ou
quoi ?"). The words are data (knowledge/vocabulary.yaml: linking_words, prepositions, sentence_question_words,
guess_endings)."""

from __future__ import annotations

import re

from .french import fold
from .reading import Reading
from .word_patterns import alternation

MAX_TAIL_WORDS = 2  # words after the which-word: "sur quelle autorisation", "à quel taux horaire"


class Tails:
    """Finds a verbless tail asking more of the question before it."""

    def __init__(self, reading: Reading) -> None:
        links, prepositions = alternation(reading.linking_words), alternation(reading.prepositions)
        which = alternation(reading.sentence_question_words)
        self._tail = (
            re.compile(
                rf"^[\s,]*(?:(?:{links})[\s,]+)+(?:{prepositions})\s*(?:{which})(?:\s+[\w'’-]+){{1,{MAX_TAIL_WORDS}}}\W*$"
            )
            if links and prepositions and which
            else None
        )
        # "…, par virement ou quoi ?": a preposition, a word or two, then a guess's ending (`guess_endings`)
        guess = alternation(reading.guess_endings)
        self._guess = (
            re.compile(rf"^[\s,]*(?:(?:{links})[\s,]+)?(?:{prepositions})\s+[\w'’-]+(?:\s+[\w'’-]+)?\s+(?:{guess})\W*$")
            if guess and prepositions
            else None
        )

    def is_tail(self, piece: str) -> bool:
        """Whether `piece` is a linking word, then a preposition, a which-word and a word or two ("et sur quelle base ?"),
        or a guess of the answer ("par virement ou quoi ?")."""
        folded = " ".join(fold(piece).split())
        return any(pattern is not None and pattern.match(folded) for pattern in (self._tail, self._guess))
