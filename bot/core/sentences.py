"""What a message is read into (message.py): its sentences, each asking or not, and where they come from."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property

__all__ = ["Message", "Sentence"]


@dataclass(frozen=True)
class Sentence:
    text: str
    asks: bool  # a question (direct or indirect), not context
    listed: bool = False  # an item of a list: set apart by its writer as one question
    dashed: bool = False  # an item of a dash list ("- …", "• …"): a note, which may tell the situation (list_items.py)
    quoted: bool = False  # it ends inside « … »: another's words, which the writer may ask again in her own

    def asked(self) -> Sentence:
        """The sentence asking, as if written with its "?" ("Objet : durée / tarif" when nothing else asks)."""
        return replace(self, text=f"{self.text.rstrip(' ?')} ?", asks=True)


@dataclass(frozen=True)
class Message:
    own: tuple[Sentence, ...]  # the message's own sentences: the forwarded message's, then its quoted history's
    # The forwarded message alone (without the forwarder's words and the header), else "": what the calculations read
    forwarded: str = ""
    # The forwarder's words, read into context sentences (none asks) only when first needed (0.2 ms for a long e-mail)
    aside: Callable[[], tuple[Sentence, ...]] = field(default=tuple, repr=False, compare=False)
    outside: str = ""  # those words as written: what a forwarded message is matched with besides its own sentences
    sender: str = ""  # the forwarded message's sender field ("De : La Fibre Numérique 59 62"), or ""
    after: str = ""  # the end of `outside` after the forwarded quote: her questions there come after its own
    subject_asks: bool = False  # its body asks nothing: the header's subject is read as its question

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        """Its own sentences, then the forwarder's words."""
        return (*self.own, *self.aside())

    # Read by each question of the message: listed once (a frozen message's sentences never change).
    @cached_property
    def questions(self) -> list[str]:
        return [sentence.text for sentence in self.own if sentence.asks]  # the forwarder's words never ask

    @cached_property
    def context(self) -> list[str]:
        return [sentence.text for sentence in self.sentences if not sentence.asks]

    @cached_property
    def lone(self) -> str:
        """Its one sentence when it has only one, which then is what it asks, marked or not ("vous avez le numéro de la
        hotline de la fibre pour quand le site est en panne"), else ""."""
        return self.sentences[0].text if len(self.sentences) == 1 else ""
