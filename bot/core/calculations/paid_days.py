"""Hours of a day a clause of their message says paid, its sentence holding no hours of its own ("Le CDG est venu
le 2 octobre de 9h à 12h et le 9 octobre de 14h à 15h. L'intervention du 2 octobre a déjà été réglée."): the paid
role, counted but not billed again, as hours said paid in their own sentence are (duration_roles `paid`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise

from ..cost import Duration
from .asked import BILLED, Day, Mention
from .base import SENTENCE_BREAK

# between a day and the words saying it paid, in one clause ("L'intervention du 2 octobre a déjà été réglée"; not
# "Seule celle du 12 octobre reste à mandater, les deux autres ayant déjà été réglées (mandats émis le 2 novembre)")
_CLAUSE_MARK = re.compile(r"[,;:()]")


def days_paid(
    text: str,
    roles: list[tuple[Duration, str]],
    mentions: Callable[[str], list[Mention]],
    date_of: Callable[[str, Duration, list[Mention]], Day | None],
    paid: re.Pattern[str] | None,
) -> list[tuple[Duration, str]]:
    """`roles` (of folded `text`), the billed hours of a day said paid given the role "paid", when some billed hours
    are of another day; `mentions` reads the text's dates, `date_of` the date of hours among them."""
    if paid is None or not paid.search(text):
        return roles
    found = mentions(text)
    starts = [0, *(m.end() for m in SENTENCE_BREAK.finditer(text)), len(text)]
    days = {
        (month, day)
        for start, end in pairwise(starts)
        if not any(start <= d.start < end for d, _ in roles)
        for cue in paid.finditer(text, start, end)
        for at, until, month, day, _ in found
        if start <= at < end and day and not _CLAUSE_MARK.search(text, min(until, cue.end()), max(at, cue.start()))
    }
    if not days:
        return roles
    dated = [(d, role, date_of(text, d, found)) for d, role in roles]
    said = [role in BILLED and day is not None and (day[0], day[1]) in days for _, role, day in dated]
    if all(said[i] for i, (_, role, _) in enumerate(dated) if role in BILLED):
        return roles  # every visit said paid: what the message asks is not read here
    return [(d, "paid" if is_paid else role) for (d, role, _), is_paid in zip(dated, said, strict=True)]
