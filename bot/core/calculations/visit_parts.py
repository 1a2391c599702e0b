"""The hours the CDG 62 bills, each with how many times it is billed, how an answer details them, and where the words
said of some hours stand."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from ..cost import Duration
from ..money import format_hours


@dataclass(frozen=True)
class Part:
    """Hours the CDG 62 bills: `role` is "intervention" or "travel", `count` how many times they are billed."""

    duration: Duration
    role: str
    count: int = 1

    @property
    def hours(self) -> Decimal:
        """Its hours as many times as they are billed."""
        return (self.duration.hours or Decimal(0)) * self.count


def detail(parts: Sequence[Part]) -> str:
    """ "2 h + 1 h 30 + 2 × 0 h 30 de trajet": each part's hours and count, a trip named only among other hours."""
    mixed = any(p.role != "travel" for p in parts)
    return " + ".join(
        f"{p.count} × " * (p.count > 1)
        + format_hours(p.duration.hours or Decimal(0))
        + " de trajet" * (mixed and p.role == "travel")
        for p in parts
    )


def apart_bounds(durations: Sequence[Duration], index: int, length: int) -> tuple[int, int]:
    """Where the words said of the hours at `index` may stand: from the end of the hours said before them to the start
    of those said after them, not of hours inside them ("commencé à 8h45 (…), pause de 12h15 à 13h15 … fini à 15h15")."""
    duration = durations[index]
    return (
        max((other.end for other in durations[:index] if other.end <= duration.start), default=0),
        min((other.start for other in durations[index + 1 :] if other.start >= duration.end), default=length),
    )
