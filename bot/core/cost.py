"""Durations in French questions, and the cost of the CDG 62's time (Article 4.2.1)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .french import fold

HOURLY_RATE = Decimal(50)  # euros TTC, travel time and costs included (Article 4.2.1)
MAX_HOURS = Decimal(1000)  # beyond this, a typo rather than a quote request

NUMBER_WORDS = {
    "une": 1,
    "un": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
    "onze": 11,
    "douze": 12,
    "quinze": 15,
    "vingt": 20,
    "trente": 30,
    "quarante": 40,
}
_NUMBER = r"(-?\d+(?:[.,]\d+)*(?:\s*(?:\^|\*\*|e\+?)\s*\d+)?|" + "|".join(NUMBER_WORDS) + r")"
_HOURS = re.compile(
    r"(?<![\w^])"
    + _NUMBER
    + r"\s*(?:h|heures?|hrs?)(?![a-z])"
    + r"(?:\s*(?:et\s+)?(demie?|trois quarts|quart|\d{1,2})(?:\s*(?:min|minutes?|mn)(?![a-z]))?)?"
)
# "à 14h", "vers 9h30": a time of day, not a duration.
_TIME_OF_DAY = re.compile(r"\b(?:a|vers|des|avant|apres|jusqu'a)\s*$")
_EXTRA_MINUTES = {"demi": 30, "demie": 30, "quart": 15, "trois quarts": 45}
_MINUTES = re.compile(r"(?<![\w^])" + _NUMBER + r"\s*(?:min|minutes?|mn)(?![a-z])")
_HALF_HOUR = re.compile(r"\bdemi[- ]?heure\b")


@dataclass(frozen=True)
class Duration:
    """Hours asked about, or why they cannot be priced."""

    text: str
    hours: Decimal | None
    problem: str = ""


def find_duration(question: str) -> Duration | None:
    """The duration written in `question` (3 h, 2h30, 1h45, 90 min, trois heures, une heure et quart)."""
    folded = fold(question)
    for match in _HOURS.finditer(folded):
        if _TIME_OF_DAY.search(folded[: match.start()]):
            continue
        extra = match.group(2) or "0"
        added = _EXTRA_MINUTES.get(extra) or int(extra)
        return _duration(match.group(0).strip(), match.group(1), 60, added)
    if match := _MINUTES.search(folded):
        return _duration(match.group(0).strip(), match.group(1), 1, 0)
    if match := _HALF_HOUR.search(folded):
        return _duration(match.group(0), "1", 30, 0)
    return None


def _duration(text: str, number: str, minutes_per_unit: int, added_minutes: int) -> Duration:
    """Check and convert a written duration; refuse what no one could mean."""
    if number in NUMBER_WORDS:
        value = Decimal(NUMBER_WORDS[number])
    elif re.search(r"\^|\*\*|e", number):
        return Duration(text, None, f"« {text} » : une puissance n'est pas une durée d'intervention")
    elif number.count(",") + number.count(".") > 1:
        return Duration(text, None, f"« {text} » contient plusieurs nombres : précisez une seule durée")
    else:
        value = Decimal(number.replace(",", "."))
    hours = ((value * minutes_per_unit + added_minutes) / 60).quantize(Decimal("0.0001"))
    if hours <= 0:
        return Duration(text, None, f"« {text} » : une durée doit être positive")
    if hours > MAX_HOURS:
        return Duration(text, None, f"« {text} » : plus de {MAX_HOURS} heures, ce n'est pas une durée réaliste")
    return Duration(text, hours)


def support_cost(hours: Decimal) -> Decimal:
    """The price in euros TTC of `hours` of CDG 62 support, to the cent."""
    return (hours * HOURLY_RATE).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def format_euros(amount: Decimal) -> str:
    """French format: 1 234,50 € (narrow no-break space for thousands)."""
    whole, cents = f"{amount:.2f}".split(".")
    groups = f"{int(whole):,}".replace(",", "\u202f")
    return f"{groups},{cents} €"


def format_hours(hours: Decimal) -> str:
    """3 h, 1 h 30, 0 h 45."""
    minutes = int((hours * 60).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    whole, rest = divmod(minutes, 60)
    return f"{whole} h" if rest == 0 else f"{whole} h {rest:02d}"
