"""A number written without its unit right after a duration ("30 minutes de route à l'aller et 30 au retour"):
it takes the unit of that duration, when a link joins them and words after it say the same kind of time
(`carried_unit_links`, `carried_unit_after` in knowledge/calculations.yaml, `durations:`)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .word_patterns import alternation

REACH = 60  # characters between a duration and the bare number that takes its unit


class CarriedUnits:
    """The bare numbers that take the unit of the duration before them."""

    def __init__(self, links: list[str], after: list[str]) -> None:
        """`after`: as `digits` writes them ("a l' aller")."""
        words = [link for link in links if link[:1].isalpha()]  # "et 30 au retour"; a mark needs no word's end
        marks = [link for link in links if not link[:1].isalpha()]  # ", 30 retour", "+ 30 au retour"
        joined = "|".join([*([rf"(?<![a-z])(?:{alternation(words)})"] if words else []), *map(re.escape, marks)])
        self._bare = (
            re.compile(
                rf"(?:{joined})\s+(\d{{1,3}})(?![\d.,])"
                rf"(?=\s*(?:{alternation(after)})(?![a-z]))"
            )
            if links and after
            else None
        )

    def after(self, text: str, end: int) -> Iterator[tuple[str, tuple[int, int]]]:
        """The bare number that follows the duration ending at `end`, if any, with its span: nothing but words
        between them (no other number, no sentence's end: "30 km à l'aller et 30 au retour" are not minutes)."""
        found = self._bare.search(text, end, end + REACH) if self._bare else None
        if found and not re.search(r"[\d.?!;]", text[end : found.start(1)]):
            yield found.group(1), found.span(1)
