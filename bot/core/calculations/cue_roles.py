"""The role the cues of a text give it (knowledge/calculations.yaml, `date_roles:`): the cue ending nearest the end of
the words before a date, or starting first in the words after it. Read by the dates' roles (date_roles.py) and the
years of execution of the liability cap (execution_years.py)."""

from __future__ import annotations

import re


def nearest(window: str, patterns: dict[str, re.Pattern[str]]) -> str | None:
    """The role whose cue ends nearest the end of `window`; of two ending there, the longer cue
    ("date limite de paiement" is a due date, not a payment)."""
    best: tuple[int, int, str] | None = None
    for role, pattern in patterns.items():
        for match in pattern.finditer(window):
            key = (match.end(), match.end() - match.start())
            if best is None or key > best[:2]:
                best = (*key, role)
    return best[2] if best else None


def first(after: str, patterns: dict[str, re.Pattern[str]]) -> str | None:
    """The role whose `after` cue comes first in the words after a date, or None."""
    found = [(m.start(), role) for role, pattern in patterns.items() if (m := pattern.search(after))]
    return min(found)[1] if found else None
