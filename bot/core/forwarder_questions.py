"""The questions the forwarder of a message asks of her own around what she forwards, and a reply's above what it quotes.

Why a module of its own: a forwarded or quoted message is read as the message (its questions are answered), the words
around it as the forwarder's (they restate it or ask for help with it). Two exceptions are read here: a question the
forwarder marks as hers ("et moi je me demande aussi qui signe pour le CDG"), and a reply whose quote asks nothing
("Merci Karine. … il est prévu où dans la convention ? -----Message d'origine----- … nos équipes passeront …"): the
reply's questions are then the message's, the quote their context.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from .message import Message, Reader, Sentence
from .phrases import PhraseFinder


class ForwarderQuestions:
    """The sentences of a message that questions are found in: its own, and those the forwarder asks of her own."""

    def __init__(self, reader: Reader, names_something: Callable[[str], bool]) -> None:
        self.reader = reader
        self.names_something = names_something  # whether a text names something the convention knows
        self._own_question = PhraseFinder(reader.reading.own_question_markers)  # "et moi", "de mon côté"

    def sentences(self, message: Message) -> tuple[Sentence, ...]:
        """The forwarder's questions before the forwarded message, its own sentences (context only, in a reply whose
        quote asks nothing), then her questions after it, each where she asks it."""
        first, last = self._asked(message)
        own = message.own
        if first and replying(message):
            own = tuple(replace(sentence, asks=False) for sentence in own)
        return (*first, *own, *last)

    def _asked(self, message: Message) -> tuple[list[Sentence], list[Sentence]]:
        """The questions the forwarder asks of her own, before the forwarded message and after it ("Je te transfère le
        mail de Sophie, et moi je me demande aussi qui signe pour le CDG", "« … ? » Et de mon côté : … ?"): those she
        marks as hers (`own_question_markers`), or all of a reply's before its quote, that name something the convention
        knows, and after them those she opens as new ones ("Par ailleurs, quel antivirus … ?", answered or refused)."""
        reply = replying(message)
        if not (message.forwarded and message.outside and (reply or self._own_question.find(message.outside))):
            return [], []  # (the marker looked for first: reading the forwarder's words is slow, and they seldom ask)
        after = message.after if message.outside.endswith(message.after) else ""
        asked: list[tuple[bool, Sentence]] = []  # (after the forwarded message, the sentence)
        for late, words in ((False, message.outside[: len(message.outside) - len(after)]), (True, after)):
            for sentence in self.reader.read(words).own if words else ():  # (no words after the quote: none read)
                # a reply's questions stand before what it quotes; after it, they ask about it ("« … » Où trouver ça ?")
                if sentence.asks and ((reply and not late) or self._own_question.find(sentence.text)):
                    asked += [(late, sentence)] if self.names_something(sentence.text) else []
                elif asked and sentence.asks and self.reader.cutter.opens_topic(sentence.text):
                    asked.append((late, sentence))
        return [s for late, s in asked if not late], [s for late, s in asked if late]


def replying(message: Message) -> bool:
    """Whether the words around a quoted message may be a reply to it: the quote asks nothing, its subject aside."""
    return message.subject_asks or not any(sentence.asks for sentence in message.own)
