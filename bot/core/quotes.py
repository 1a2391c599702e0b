"""Choosing the verbatim sentence(s) of a clause that answer a question."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from functools import lru_cache

# A sentence ends at . ; or : before a capital, a bullet or a quote mark; lines end one too.
_SENTENCE_END = re.compile(r"(?<=[.;:])\s+(?=[A-ZÀ-Ý«·])")
MAX_SENTENCES = 2
SHORT_TEXT = 320  # a clause this short is quoted whole
SECOND_SENTENCE_SHARE = 0.75  # a second sentence is quoted when nearly as relevant as the best


@lru_cache(maxsize=512)  # the clauses' texts: every citation of a clause cuts the same text
def sentences(text: str) -> tuple[str, ...]:
    """The sentences of a clause text, in order (bullets kept: quotes stay verbatim)."""
    found: list[str] = []
    for line in text.splitlines():
        for part in _SENTENCE_END.split(line.strip()):
            part = part.strip()
            if part:
                found.append(part)
    return tuple(found)


def joined_quote(text: str, first: str, second: str) -> str:
    """The sentences of `text` that either quote holds, verbatim and in document order (two questions of a message
    answered once by the same clause quote what each asked)."""
    parts = sentences(text)
    chosen = [index for index, part in enumerate(parts) if part in first or part in second]
    return _quoted(parts, chosen) if chosen else first


def select_quote(text: str, relevance: Callable[[str], float]) -> str:
    """The clause's most relevant sentence(s) by `relevance`, verbatim and in document order."""
    if len(text) <= SHORT_TEXT:
        return " ".join(sentences(text))
    parts = sentences(text)
    scores = [relevance(part) for part in parts]
    best = max(scores, default=0.0)
    if best <= 0:
        return parts[0] if parts else text
    ranked = sorted(range(len(parts)), key=lambda index: -scores[index])
    chosen = sorted(index for index in ranked[:MAX_SENTENCES] if scores[index] >= SECOND_SENTENCE_SHARE * best)
    return _quoted(parts, chosen)


def _quoted(parts: tuple[str, ...], chosen: list[int]) -> str:
    """The sentences `chosen` (indexes, in order) of `parts`, "[…]" where sentences are left out between them."""
    pieces = [parts[chosen[0]]]
    for previous, index in itertools.pairwise(chosen):
        pieces.append(("" if index == previous + 1 else "[…] ") + parts[index])
    return " ".join(pieces)
