"""The questions the forwarder of a message asks of her own around what she forwards, and a reply's above what it quotes.

Why a module of its own: a forwarded or quoted message is read as the message (its questions are answered), the words
around it as the forwarder's (they restate it or ask for help with it); a short note quoted in a message, asked again
in the writer's own words after it, is left to her question. Two exceptions are read here: a question the
forwarder marks as hers ("et moi je me demande aussi qui signe pour le CDG"), and a reply whose quote asks nothing
("Merci Karine. … il est prévu où dans la convention ? -----Message d'origine----- … nos équipes passeront …"): the
reply's questions are then the message's, the quote their context.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import cache

from .message import Message, Reader, Sentence
from .phrases import PhraseFinder

MIN_OWN_QUESTIONS = 2  # a reply's questions above a quote that asks too: so many, each naming something


class ForwarderQuestions:
    """The sentences of a message that questions are found in: its own, and those the forwarder asks of her own."""

    def __init__(
        self, reader: Reader, names_something: Callable[[str], bool], topics: Callable[[str], tuple[set[str], str]]
    ) -> None:
        self.reader = reader
        self.names_something = names_something  # whether a text names something the convention knows
        # a text's words (parties, question words and numbers aside) and the clause they name first
        self.topics = topics
        self._own_question = reader.own_question  # "et moi", "de mon côté"
        self._forwarded = PhraseFinder(reader.reading.forward_words)  # "TR:", "je vous transfère"

    def sentences(self, message: Message) -> tuple[Sentence, ...]:
        """The forwarder's questions before the forwarded message, its own sentences (context only, in a reply whose
        quote asks nothing), then her questions after it, each where she asks it."""
        after = message.after if message.outside.endswith(message.after) else ""
        before = message.outside[: len(message.outside) - len(after)]
        read = cache(lambda: self.reader.read(before).own if before else ())  # her words before the quote, read once
        reply = replying(message) or self._asks_apart(message, before, read)
        first, last = self._asked(message, reply, read, after)
        own = message.own
        if first and reply:
            own = tuple(replace(sentence, asks=False) for sentence in own)
        return self._restated_quotes((*first, *own, *last))

    def _restated_quotes(self, sentences: tuple[Sentence, ...]) -> tuple[Sentence, ...]:
        """`sentences` without a quoted note that asks ("« intérêts de retard ? »", "« préavis ? »") when the writer asks
        it again after it in her own words ("La Fibre peut-elle facturer des intérêts … ?", "Combien de temps avant
        faut-il prévenir … ?"): they share a word (besides parties, question words and numbers) or their first clause.
        Her question says it; left in, the note would be answered twice, or read as a claim she checks. Not a question
        she marks as one more ("Et moi : …")."""
        first = next((i for i, sentence in enumerate(sentences) if sentence.quoted and sentence.asks), len(sentences))
        if first == len(sentences):
            return sentences
        # her questions after the first quoted note (their matching is the slow part: none read before it)
        own = [
            i > first and s.asks and not s.quoted and not self._own_question.find(s.text)
            for i, s in enumerate(sentences)
        ]
        later = [self.topics(s.text) if mine else None for s, mine in zip(sentences, own, strict=True)]
        kept = []
        for index, sentence in enumerate(sentences):
            if sentence.quoted and sentence.asks and any(own[index + 1 :]):
                # its own words: "Question de la commune : « … ? »" shares no "question" with "Ma question en plus : …"
                words, clause = self.topics(sentence.text.rpartition("«")[2])
                if any(them and (words & them[0] or (clause and clause == them[1])) for them in later[index + 1 :]):
                    continue
            kept.append(sentence)
        return tuple(kept)

    def _asks_apart(self, message: Message, before: str, read: Callable[[], tuple[Sentence, ...]]) -> bool:
        """Whether the words before a quoted message that asks ask questions of their own: two or more, each naming
        something the convention knows ("Les factures passent-elles par Chorus Pro ? Le comptable peut-il … ? Enfin
        quel délai … ? -----Message d'origine----- … vous pouvez nous éclairer ?"): a reply asking anew, the quote
        its context; one ("Peux-tu regarder la demande de la mairie ?") asks for help with the quote."""
        if not message.forwarded or before.count("?") < MIN_OWN_QUESTIONS or self._forwarded.find(message.outside):
            return False  # (counted first: reading the forwarder's words is slow); a forward's quote is asked too
        # (not the quote's subject, its header read into both: "Objet : TR: fin de convention ?")
        asked = [s.text for s in read() if s.asks and "?" in s.text and s.text not in message.forwarded]
        return sum(map(self.names_something, asked)) >= MIN_OWN_QUESTIONS

    def _asked(
        self, message: Message, reply: bool, read: Callable[[], tuple[Sentence, ...]], after: str
    ) -> tuple[list[Sentence], list[Sentence]]:
        """The questions the forwarder asks of her own, before the forwarded message and after it ("Je te transfère le
        mail de Sophie, et moi je me demande aussi qui signe pour le CDG", "« … ? » Et de mon côté : … ?"): those she
        marks as hers (`own_question_markers`), or all of a reply's before its quote, that name something the convention
        knows, and after them those she opens as new ones ("Par ailleurs, quel antivirus … ?", answered or refused)."""
        if not (message.forwarded and message.outside and (reply or self._own_question.find(message.outside))):
            return [], []  # (the marker looked for first: reading the forwarder's words is slow, and they seldom ask)
        asked: list[tuple[bool, Sentence]] = []  # (after the forwarded message, the sentence)
        for late, sentences in ((False, read()), (True, self.reader.read(after).own if after else ())):
            # a reply's questions stand before what it quotes; after it, one asks about it ("« … » Où trouver ça ?": the
            # message read whole), several are each asked of it ("« … » Le rôle du CDG est-il bien celui-là ? Et …")
            checked = late and reply and sum(s.asks for s in sentences) >= MIN_OWN_QUESTIONS
            for sentence in sentences:  # (no words after the quote: none read)
                if sentence.asks and ((reply and not late) or checked or self._own_question.find(sentence.text)):
                    asked += [(late, sentence)] if self.names_something(sentence.text) else []
                elif asked and sentence.asks and self.reader.cutter.opens_topic(sentence.text):
                    asked.append((late, sentence))
        return [s for late, s in asked if not late], [s for late, s in asked if late]


def replying(message: Message) -> bool:
    """Whether the words around a quoted message may be a reply to it: the quote asks nothing, its subject aside."""
    return message.subject_asks or not any(sentence.asks for sentence in message.own)
