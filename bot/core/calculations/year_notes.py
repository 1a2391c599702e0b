"""The notes of a date written without its year: the year assumed, said, and the year nearest today."""

from __future__ import annotations

from datetime import date

from ..date_mentions import DateMention
from ..deadlines import format_date


def assumed_year(mention: DateMention) -> str:
    """The note saying which year was assumed for a date written without one."""
    assert mention.value is not None
    return (
        f"« {mention.text.rstrip('.,;: ')} » ne donne pas l'année : j'ai supposé le {format_date(mention.value)}. "
        "Si ce n'est pas la bonne année, écrivez la date complète (par exemple 15/03/2025)."
    )


def nearest_year(day: date, today: date) -> date:
    """`day` moved to the year (today's, or one either side) that brings it nearest `today`."""
    options = []
    for year in (today.year - 1, today.year, today.year + 1):
        try:
            options.append(day.replace(year=year))
        except ValueError:  # 29 February
            continue
    return min(options, key=lambda option: abs((option - today).days), default=day)
