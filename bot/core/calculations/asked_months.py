"""Hours of another month than the one a question asks ("Pour octobre : le 7/10 deux heures, le 21/10 1h1/2. En
novembre elle est revenue le 4 pour 1h. Combien sur la facture d'octobre ?"): not in that month's amount. A month is
read before the hours in their sentence, by its name or in a date ("le 4/11"); hours whose month is not said count."""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..cost import Duration, alternation
from .base import asking, sentence_start

OTHER_MONTH = "other_month"  # the role of hours of another month than the one asked
MONTHS = 12
_DAY_MONTH = re.compile(r"(?<![\w/])\d{1,2}/(\d{1,2})(?:/\d{2,4})?(?![\d/])")  # "le 7/10", "12/11/2026"
_BILLED = ("intervention", "travel")


class AskedMonths:
    """Sets apart the hours of months a question does not ask."""

    def __init__(self, numbers: Mapping[str, int]) -> None:
        self._numbers = numbers  # folded month names, wide and abbreviated ("oct"), and their numbers (CalendarNames)
        self._name = re.compile(rf"(?<![a-z])({alternation(numbers)})(?![a-z])")

    def apart(self, text: str, roles: list[tuple[Duration, str]]) -> list[tuple[Duration, str]]:
        """`roles` (of folded `text`), the billed hours of another month than the one month its question names given
        the role OTHER_MONTH, when some of the hours are of the month asked."""
        question = asking(text)  # its piece with the "?", not a list's lines before it ("- 8 septembre : 3h ; …")
        question = " ".join(piece for piece in question.split(";") if "?" in piece) or question
        asked = {self._numbers[name] for name in self._name.findall(question)}
        if len(asked) != 1:
            return roles
        months = [self._month_of(text, duration) for duration, _ in roles]
        if asked.isdisjoint(month for month, (_, role) in zip(months, roles, strict=True) if role in _BILLED):
            return roles  # no hours of the month asked: the month is another event's ("signée en mars")
        return [
            (duration, OTHER_MONTH if role in _BILLED and month is not None and month not in asked else role)
            for month, (duration, role) in zip(months, roles, strict=True)
        ]

    def _month_of(self, text: str, duration: Duration) -> int | None:
        """The month named nearest before `duration` in its sentence ("En novembre elle est revenue le 4 pour")."""
        head = text[sentence_start(text, duration.start) : duration.start]
        named = [(m.start(), self._numbers[m.group(1)]) for m in self._name.finditer(head)]
        dated = [(m.start(), int(m.group(1))) for m in _DAY_MONTH.finditer(head) if 1 <= int(m.group(1)) <= MONTHS]
        return max(named + dated)[1] if named or dated else None
