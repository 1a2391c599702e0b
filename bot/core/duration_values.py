"""A duration read in a message (where it is written, its hours or why it has none), and the checks a written duration
passes before it is priced: cost.py reads them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

MAX_HOURS = Decimal(1000)  # beyond this, a typo rather than a quote request


@dataclass(frozen=True)
class Duration:
    """Hours asked about, or why they cannot be priced; `start` and `end` place it in the text."""

    text: str
    hours: Decimal | None
    problem: str = ""
    start: int = 0
    end: int = 0
    clock: bool = False  # from one time of day to another ("de 9h à 12h"): a span of its own, never hours said again
    inside: bool = False  # a range of the day within a stay's ("arrivé à 9h, reparti à 14h … entre midi et 12h50")
    went_on: bool = False  # a stay going on past a range ("de 9h à 10h45 ; … restée seule jusqu'à 11h30")
    outer: int = -1  # where the range of its sentence it lies within starts ("de 9h à 17h, dont … de 10h à 11h"), or -1


def checked_duration(text: str, number: str, minutes_per_unit: int, added: int, span: tuple[int, int]) -> Duration:
    """Check and convert a written duration; refuse what no one could mean."""
    start, end = span
    if re.search(r"\^|\*\*|e", number):
        return Duration(text, None, f"« {text} » : une puissance n'est pas une durée d'intervention", start, end)
    value = _decimal(number)
    if value is None:
        return Duration(text, None, f"« {text} » contient plusieurs nombres : précisez une seule durée", start, end)
    hours = ((value * minutes_per_unit + added) / 60).quantize(Decimal("0.0001"))
    if hours <= 0:
        return Duration(text, None, f"« {text} » : une durée doit être positive", start, end)
    if hours > MAX_HOURS:
        problem = f"« {text} » : plus de {MAX_HOURS} heures, ce n'est pas une durée réaliste"
        return Duration(text, None, problem, start, end)
    return Duration(text, hours, "", start, end)


def _decimal(number: str) -> Decimal | None:
    """1,5 and 1.5 are one and a half; 1.000 and 1 000 are a thousand; 3,5,7 is several numbers."""
    separators = number.count(",") + number.count(".")
    if separators == 0:
        return Decimal(number)
    if separators > 1:
        return None
    whole, _, part = number.replace(",", ".").partition(".")
    if "." in number and len(part) == 3 and whole.lstrip("-") not in ("", "0"):
        return Decimal(whole + part)  # a thousands dot, as French invoices write it
    return Decimal(f"{whole}.{part}")
