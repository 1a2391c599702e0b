"""Punctuation said aloud in a dictated message ("c'est le maire virgule deux questions rapides"), written
as the marks the reader cuts sentences and questions at. The words are data (knowledge/vocabulary.yaml)."""

from __future__ import annotations

import re

from .french import fold
from .phrases import PhraseFinder, any_phrase
from .reading import Reading


class Dictation:
    """Writes the punctuation said aloud as marks."""

    def __init__(self, reading: Reading) -> None:
        # Punctuation said aloud, and its mark ("": a full stop only where a question starts after it).
        self._marks = {
            _key(phrase): mark
            for phrases, mark in (
                (reading.spoken_stops_before_question, ""),
                (reading.spoken_stops, "."),
                (reading.spoken_commas, ","),
                (reading.spoken_question_marks, "?"),
            )
            for phrase in phrases
            if _key(phrase)
        }
        self._spoken = PhraseFinder(tuple(self._marks))
        starts = any_phrase((*reading.question_starts, *reading.question_enumerators, *reading.sequence_words))
        # What follows a full stop said aloud: a question, perhaps after an ordinal ("point la deuxième qui paie"), or
        # the next of a sequence ("point deuxièmement à quel moment …").
        ordinal = rf"(?:(?:{any_phrase(reading.ordinal_enumerators)})[\s,:]+)?"
        self._question_ahead = re.compile(rf"\s+{ordinal}(?:{starts})(?![\w'’])|\s*$", re.IGNORECASE)
        # "c d g": an acronym spelled letter by letter, as a dictation tool writes it (the message is then dictated)
        spelled = [" +".join(map(re.escape, word.lower())) for word in reading.spelled_acronyms if len(word) >= 3]
        self._spelled = re.compile(rf"(?<!\w)(?:{'|'.join(spelled)})(?!\w)", re.IGNORECASE) if spelled else None
        self._acronyms = {word.lower(): word for word in reading.spelled_acronyms}

    def punctuate(self, text: str) -> str:
        """`text` with the punctuation said aloud in a dictated message written as marks ("c'est le maire
        virgule deux questions" -> "c'est le maire, deux questions"); "3 virgule 5" is "3,5". A text holding a
        "?" was punctuated by hand or by the dictation tool: its words are words. In a text without one, an acronym
        spelled letter by letter is written whole ("c d g" -> "CDG")."""
        if "?" in text:
            return text
        if self._spelled and self._spelled.search(text):
            text = self._spelled.sub(lambda m: self._acronyms["".join(m.group().split()).lower()], text)
        found = self._spoken.find(text)
        if not found:
            return text
        written: list[str] = []
        position = 0
        for match in found:
            mark = self._marks[_key(match.group())]
            if not mark and not self._question_ahead.match(text, match.end()):
                continue  # "sur ce point": a word
            before, after = text[position : match.start()].rstrip(), text[match.end() :]
            position = match.end()
            if mark == "," and before[-1:].isdigit() and after.lstrip()[:1].isdigit():
                position += len(after) - len(after.lstrip())  # "3 virgule 5": "3,5"
            written += [before, mark or "."]
        return "".join([*written, text[position:]])


def _key(phrase: str) -> str:
    """A phrase folded, its words joined by one space ("Point d’interrogation" -> "point d interrogation")."""
    return " ".join(word for word in re.split(r"[\s\-'’]+", fold(phrase)) if word)
