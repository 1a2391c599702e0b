"""A date its writer takes back ("signée en dernier le 12 mars 2026, non pardon, le 14 mars 2026", "le six octobre non
le sept pardon le sept octobre"): only the date meant is read, never the one corrected (a deadline computed from it
would be wrong by the difference). A date is taken back when the next date follows it with nothing between them but
correcting words (knowledge/vocabulary.yaml `party_corrections`: "pardon", "non", "je veux dire"…), marks, numbers
(the day said again, in figures or in words) and words of one or two letters (articles: "le", "l'", "au")."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..date_mention import DateMention
from ..number_text import in_figures
from ..word_patterns import alternation

GAP_REACH = 40  # characters: a correction follows the date it takes back at once
_FILLING = re.compile(r"(?:[\s,;:.!()–—-]|(?<![a-z])(?:[0-9]+(?:er)?|[a-z]{1,2}'?)(?![a-z]))*")


class TakenBack:
    """Leaves out of a message's dates those its writer corrects."""

    def __init__(self, markers: Iterable[str]) -> None:
        words = alternation(markers)
        self._marker = re.compile(rf"(?<![a-z])(?:{words})(?![a-z])") if words else None

    def kept(self, folded: str, mentions: list[DateMention]) -> list[DateMention]:
        """`mentions` (folded's, in order) without those the next one corrects."""
        if self._marker is None or len(mentions) < 2 or not self._marker.search(folded):
            return mentions
        following = [*mentions[1:], None]
        return [m for m, after in zip(mentions, following, strict=True) if not self._corrected(folded, m, after)]

    def _corrected(self, folded: str, mention: DateMention, following: DateMention | None) -> bool:
        """Does `following` correct `mention`: only correcting words and what may stand around them between the two?"""
        end = mention.start + len(mention.text)
        if following is None or folded[mention.start : end] != mention.text or following.start - end > GAP_REACH:
            return False
        gap = folded[end : following.start]
        assert self._marker is not None
        rest = self._marker.sub(" ", gap)
        return rest != gap and bool(_FILLING.fullmatch(in_figures(rest)))
