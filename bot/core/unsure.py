"""What the writer says she does not know, read as what she asks ("Je ne sais pas quel tribunal serait compétent.").

In a message without any "?", every such sentence asks; in one that asks with "?", such a sentence usually tells her
situation ("je ne sais pas comment payer. Comment règle-t-on le CDG ?"), unless a later question opens another topic
("Je ne sais pas si la convention le permet. Par ailleurs, quel est l'objet … ?"): what came before it was asked too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Protocol, TypeVar

from .french import fold
from .reading import Reading


class _Asking(Protocol):  # a sentence (message.py's dataclass: `replace` makes the asking copy)
    text: str
    asks: bool


S = TypeVar("S", bound=_Asking)


class UnsureSentences:
    """Which sentences ask by what the writer says she does not know (`unsure_phrases`) or a fact she asks for by its
    name (`requested_facts`: Reading.unsure_asking)."""

    def __init__(self, reading: Reading, opens_topic: Callable[[str], bool]) -> None:
        self._unsure = reading.unsure_pattern  # "je ne sais pas si …", "elle demande les noms …" (folded text)
        self._opens_topic = opens_topic  # "Par ailleurs, …", "Autre chose : …"

    def says(self, text: str) -> bool:
        """Does `text` ask by what the writer does not know or a fact asked for by its name?"""
        return bool(self._unsure.search(fold(text)))

    def asked(self, sentences: list[S], *, marked: bool) -> list[S]:
        """`sentences`, those that ask by what the writer does not know asking; `marked`: the message asks with "?"."""
        opened = (i for i, s in enumerate(sentences) if s.asks and self._opens_topic(s.text))
        reach = max(opened, default=-1) if marked else len(sentences)
        return [replace(s, asks=s.asks or (i < reach and self.says(s.text))) for i, s in enumerate(sentences)]
