"""Money and hours as answers write them, and the price of the CDG 62's time (Article 4.2.1)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

HOURLY_RATE = Decimal(50)  # euros TTC, travel time and costs included (Article 4.2.1)


def support_cost(hours: Decimal) -> Decimal:
    """The price in euros TTC of `hours` of CDG 62 support, to the cent."""
    # To the minute first: hours are kept to four decimals, so 3 × 40 min would be 2.0001 h (250,01 € for 5 h).
    minutes = (hours * 60).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return (minutes * HOURLY_RATE / 60).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


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
