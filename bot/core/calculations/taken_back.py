"""A date or a duration its writer takes back ("signée en dernier le 12 mars 2026, non pardon, le 14 mars 2026", "le six
octobre non le sept pardon le sept octobre", "il est resté deux heures non deux heures et demie"): only the value meant
is read, never the one corrected (a deadline or a bill computed from it would be wrong by the difference). A value is
taken back when the next one follows it with nothing between them but correcting words (knowledge/vocabulary.yaml
`party_corrections`: "pardon", "non", "je veux dire"…, one at least that is no linking word: "3 h, puis 2 h 30 et enfin
2 h 15" is a list), marks, numbers (the day said again, in figures or in words) and words of one or two letters
(articles: "le", "l'", "au")."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from typing import TypeVar

from ..date_mention import DateMention
from ..duration_values import Duration
from ..number_text import in_figures
from ..reading import Reading
from ..word_patterns import alternation

GAP_REACH = 40  # characters: a correction follows the value it takes back at once
_FILLING = re.compile(r"(?:[\s,;:.!()–—-]|(?<![a-z])(?:[0-9]+(?:er)?|[a-z]{1,2}'?)(?![a-z]))*")

Value = TypeVar("Value")


class TakenBack:
    """Leaves out of a message's dates or durations those its writer corrects."""

    def __init__(self, reading: Reading) -> None:
        """A linking word (vocabulary `linking_words`) in the gap makes it a list ("3 h, puis 2 h 30 et enfin 2 h 15"),
        and a correcting word that is also one ("enfin") never corrects alone."""
        markers, links = set(reading.party_corrections), set(reading.linking_words)
        words, own, linked = alternation(markers), alternation(markers - links), alternation(links - markers)
        self._marker = re.compile(rf"(?<![a-z])(?:{words})(?![a-z])") if words and own else None
        self._own = re.compile(rf"(?<![a-z])(?:{own})(?![a-z])") if own else None
        self._link = re.compile(rf"(?<![a-z])(?:{linked})(?![a-z])") if linked else None

    def kept(self, text: str, values: list[Value], span: Callable[[Value], tuple[int, int] | None]) -> list[Value]:
        """`values` (in order) without those the next one corrects; `span`: where one stands in `text` (folded), or
        None when it cannot be placed."""
        if self._marker is None or len(values) < 2 or not self._marker.search(text):
            return values
        spans = [span(value) for value in values]
        return [
            value
            for value, here, after in zip(values, spans, [*spans[1:], None], strict=True)
            if not (here and after and self._corrects(text, here[1], after[0]))
        ]

    def dates(self, folded: str, mentions: list[DateMention]) -> list[DateMention]:
        """`kept` for the date mentions of `folded`."""
        return self.kept(folded, mentions, partial(mention_span, folded))

    def _corrects(self, text: str, end: int, start: int) -> bool:
        """Only correcting words, and what may stand around them, between `end` and `start`?"""
        if not 0 <= start - end <= GAP_REACH:
            return False
        gap = text[end:start]
        assert self._marker is not None and self._own is not None
        rest = self._marker.sub(" ", gap)
        if not self._own.search(gap) or (self._link and self._link.search(rest)):
            return False
        return bool(_FILLING.fullmatch(in_figures(rest)))


def mention_span(folded: str, mention: DateMention) -> tuple[int, int] | None:
    """Where a date mention stands in `folded` (None if its text is not there)."""
    end = mention.start + len(mention.text)
    return (mention.start, end) if mention.text and folded[mention.start : end] == mention.text else None


def duration_span(duration: Duration) -> tuple[int, int]:
    """Where a duration stands in the text it was read from."""
    return duration.start, duration.end
