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


class ReplyHistory:
    """Splits a reply into its new text and its quoted history."""

    def __init__(self, reading: Reading) -> None:
        # A line ending with an attribution ("> Le 24/11/2026 à 10:12, la DPO a écrit :"), quoted or not.
        self._attribution = re.compile(
            rf"^[^\n]*(?:{any_phrase(reading.reply_attributions)})[ \t]*:?[ \t]*$", re.IGNORECASE | re.MULTILINE
        )
        self._pointer = phrases_pattern(reading.quote_pointers, start=False)
        self._passer = phrases_pattern(reading.quote_passers, start=False) if reading.quote_passers else None

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
        are asked, after the new text's own (in the order they are written)."""
        return self._passer is not None and any(self._passer.search(fold(sentence)) for sentence in sentences)
