"""A story told after the questions ("… et qu'est-ce qu'on peut faire si ça continue ? Voilà l'histoire. On a signé …
Le président souhaite savoir jusqu'où on peut aller."): its sentences that ask without a "?" only say again what the
questions before it asked, they are its context. The words opening such a story are data (vocabulary story_openers).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from .french import fold
from .message import Sentence
from .phrases import phrases_pattern
from .reading import Reading


class StoryAfter:
    """Finds the story a message tells after its questions."""

    def __init__(self, reading: Reading, opens_topic: Callable[[str], bool]) -> None:
        self._opener = phrases_pattern(reading.story_openers, start=True)  # folded, at a sentence's start
        self._opens_topic = opens_topic  # "Et au passage, qui signe …": a new question, story or not

    def told(self, sentences: Sequence[Sentence]) -> tuple[Sentence, ...]:
        """`sentences`, those after a story's opener that follows a question with its "?" asking nothing more unless
        with a "?" of their own or opening a new topic ("Et au passage, …")."""
        asked = False
        for index, sentence in enumerate(sentences):
            if asked and self._opener.match(fold(sentence.text)):
                rest = [
                    replace(s, asks=s.asks and ("?" in s.text or self._opens_topic(s.text)))
                    for s in sentences[index + 1 :]
                ]
                return (*sentences[: index + 1], *rest)
            asked = asked or (sentence.asks and "?" in sentence.text)
        return tuple(sentences)
