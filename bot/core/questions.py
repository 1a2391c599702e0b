"""Finding the distinct questions of a message read by `Reader`, each with the sentence or piece
before it (what a question too weak alone is read again with)."""

from __future__ import annotations

from .matching import Matcher
from .message import Message, Reader

MAX_PARTS = 5


class QuestionFinder:
    """Cuts a message's asking sentences into the questions answered one by one."""

    def __init__(self, reader: Reader, matcher: Matcher) -> None:
        self.reader = reader
        self.matcher = matcher

    def find(self, message: Message) -> list[tuple[str, str]]:
        """The distinct questions of a message, each with the sentence or piece before it: its asking
        sentences, cut where a new question starts; a piece that names nothing the convention knows
        ("Sommes-nous bloqués") stays with its neighbour, and a question that names nothing at all
        ("Quelle procédure suivre ?") takes the sentence before it."""
        focuses: list[tuple[str, str]] = []
        previous: list[str] = []  # the context sentences since the last question, nearest last
        last = ""  # the sentence just before, whatever it is
        if len(message.questions) > MAX_PARTS:
            return [(question, "") for question in message.questions]  # more than one reply can hold
        for sentence in message.sentences:
            if not sentence.asks:
                previous.append(sentence.text)
                last = sentence.text
                continue
            pieces: list[str] = []
            pending = ""
            for piece in self.reader.pieces(sentence.text):
                piece = f"{pending}, {piece}" if pending else piece
                if self.names_something(piece):
                    pieces.append(piece)
                    pending = ""
                else:
                    pending = piece
            if pending and pieces:
                pieces[-1] = f"{pieces[-1]}, {pending}"
            elif not pieces:
                # The nearest context that names something: "Nous voulons sortir de la convention. Je
                # prépare le dossier. Comment faut-il procéder ?"
                for start in range(len(previous) - 1, -1, -1):
                    joined = " ".join([*previous[start:], sentence.text])
                    if self.names_something(" ".join(previous[start:])):
                        pieces, last = [joined], ""
                        break
            focuses += [(piece, before) for piece, before in zip(pieces, [last, *pieces], strict=False)]
            previous, last = [], sentence.text
        return focuses

    def names_something(self, text: str) -> bool:
        """Whether `text` holds a word the convention knows (a strong term)."""
        return any(self.matcher.is_strong(term) for term in self.matcher.question_terms(text))
