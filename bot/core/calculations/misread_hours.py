"""Hours written as a decimal that copies another duration's hours and minutes ("1,45 h" beside the 1 h 45 of "de
14h10 à 15h55"): the same time wrongly converted (1 h 45 is 1,75 h), never a second duration to price."""

from __future__ import annotations

import re
from decimal import Decimal

from ..cost import Duration
from ..money import format_hours

# A decimal number of hours with two digits after its separator, as a duration's text starts ("1,45 h", "2.30 heures").
_DECIMAL = re.compile(r"(\d{1,3})[.,](\d\d)(?!\d)")
SAME = Decimal("0.001")  # hours this close are the same (a third of an hour has no exact decimal)


def without_misread(durations: list[Duration]) -> tuple[list[Duration], list[tuple[Duration, Duration]]]:
    """`durations` without the decimals that misconvert another one, and each of those with the one it copies."""
    misread = []
    for duration in durations:
        written = _DECIMAL.match(duration.text)
        if duration.clock or duration.hours is None or not written or int(written.group(2)) >= 60:
            continue
        meant = int(written.group(1)) + Decimal(int(written.group(2))) / 60
        copied = next((d for d in durations if d.hours is not None and abs(d.hours - meant) < SAME), None)
        if copied and abs(duration.hours - meant) >= SAME:
            misread.append((duration, copied))
    wrong = {id(duration) for duration, _ in misread}
    return [d for d in durations if id(d) not in wrong], misread


def misread_notes(misread: list[tuple[Duration, Duration]]) -> list[str]:
    """What each misconverted decimal is, and what was counted instead."""
    return [
        f"« {wrong.text} » n'est pas {format_hours(hours)} : en heures décimales, {format_hours(hours)} s'écrit "
        f"{_decimal(hours)} h. J'ai compté {format_hours(hours)}."
        for wrong, right in misread
        if (hours := right.hours) is not None
    ]


def _decimal(hours: Decimal) -> str:
    """ "1,75": hours as a decimal, French-style."""
    return f"{hours.quantize(Decimal('0.01')).normalize():f}".replace(".", ",")
