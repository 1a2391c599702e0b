"""The quoted history of an e-mail reply ("RE: RE: …"): the lines starting with ">" and the line that
attributes them ("Le 25/11/2026, le DGS a écrit :").

The history is an earlier message, already answered: its questions are context, unless the new text points
to it ("je reprends ci-dessous la question de notre DPO") or asks nothing itself. The attribution line says
who wrote when, never what is asked: its date is no date of the situation. The words are data
(knowledge/vocabulary.yaml: reply_attributions, quote_pointers, quote_passers)."""

from __future__ import annotations

import re

from .french import fold
from .phrases import any_phrase, phrases_pattern
from .reading import Reading

_QUOTED_LINE = re.compile(r"^[ \t]*>[ \t>]*", re.MULTILINE)
QUOTE_KEY = 30  # characters of a sentence looked for in the text, to tell whether it stands before the quote


class ReplyHistory:
    """Splits a reply into its new text and its quoted history."""

    def __init__(self, reading: Reading) -> None:
        # A line ending with an attribution ("> Le 24/11/2026 à 10:12, la DPO a écrit :"), quoted or not.
        self._attribution = re.compile(
            rf"^[^\n]*(?:{any_phrase(reading.reply_attributions)})[ \t]*:?[ \t]*$", re.IGNORECASE | re.MULTILINE
        )
        self._pointer = phrases_pattern(reading.quote_pointers, start=False)
        self._passer = phrases_pattern(reading.quote_passers, start=False) if reading.quote_passers else None
        self.greeting = phrases_pattern(reading.greeting_words, start=True)  # "Bonjour", "Salut" (follow_ups.py too)
        # "Fwd: deux questions", "TR : demande de la mairie": the message opens with a forward's subject
        forwards = any_phrase(reading.forward_words) if reading.forward_words else r"(?!x)x"
        self._forward_subject = re.compile(rf"\s*(?:{forwards})[ \t]*:", re.IGNORECASE)

    def split(self, text: str) -> tuple[str, str]:
        """The new text and the quoted history without its ">" marks ("" if the text quotes nothing)."""
        if ">" not in text or not _QUOTED_LINE.search(text):
            return text, ""
        text = self._attribution.sub("", text)
        new: list[str] = []
        quoted: list[str] = []
        for line in text.split("\n"):
            marks = _QUOTED_LINE.match(line)
            (quoted if marks else new).append(line[marks.end() :] if marks else line)
        return "\n".join(new), "\n".join(quoted)

    def pointer(self, sentences: list[str], text: str) -> int | None:
        """The index of the new text's sentence that points to the quoted history: a pointer ("je reprends la question
        ci-dessous"), or the line just above the quoted lines when it announces them with a colon ("Je colle les
        questions de Fabrice :", "Fil interne :"); None if none does. An attribution ("Le 24/11, la DPO a écrit :"),
        above the quoted lines or as their first, introduces an earlier message: its history."""
        lines = text.split("\n")
        first, marks = next(((i, m) for i, line in enumerate(lines) if (m := _QUOTED_LINE.match(line))), (0, None))
        above = lines[first - 1].strip() if first else ""
        replied = any(self._attribution.match(line) for line in (above, lines[first][marks.end() :] if marks else ""))
        intro = fold(above).rstrip(" :") if above.endswith(":") and not replied else ""
        for index, sentence in enumerate(sentences):
            if self._pointer.search(fold(sentence)) or (intro and fold(sentence).rstrip(" :") == intro):
                return index
        return None

    def passes_on(self, sentences: list[str]) -> bool:
        """Whether the new text passes the quoted message on ("je vous transfère la demande de la mairie"): its questions
        are asked too, where the quote stands (`place`)."""
        return self._passer is not None and any(self._passer.search(fold(sentence)) for sentence in sentences)

    def greets_only(self, sentence: str) -> bool:
        """Whether a sentence of the new text is only a greeting ("Bonjour ?", left of "Bonjour, que puis-je répondre ?"
        once its relay closing is read out): it asks nothing of its own."""
        greeting = self.greeting.match(folded := fold(sentence))
        return bool(greeting and not folded[greeting.end() :].strip(" ?!.,;:"))

    def attributed(self, text: str) -> bool:
        """Whether an attribution ("Le 24/11/2026, la DPO a écrit :") says the quoted lines are an earlier message."""
        return bool(self._attribution.search(text))

    def forwarded(self, text: str) -> bool:
        """Whether the message opens with a forward's subject ("Fwd: deux questions"): its quoted lines are the message
        forwarded to be answered, passed on (`place`), not an earlier message of a reply's thread."""
        return bool(self._forward_subject.match(text))

    def place(self, sentences: list[str], text: str, pointer: int | None, passed: bool) -> int:
        """Where the quoted history's sentences go among the new text's `sentences` (of `text`, as written): after the
        one pointing to them, where the quote stands when the text passes it on (`passed`: "je vous transmets la
        question d'une mairie, puis la mienne. > … De mon côté : … ?"), else after them all."""
        if pointer is not None:
            return pointer + 1
        quote = _QUOTED_LINE.search(text)
        if not (quote and passed):
            return len(sentences)
        return sum(1 for sentence in sentences if not 0 <= quote.start() <= text.find(sentence[:QUOTE_KEY]))
