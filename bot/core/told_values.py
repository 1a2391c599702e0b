"""What a sentence tells rather than asks: a date, an amount, a duration (the situation of a message's question)."""

from __future__ import annotations

import re

# A fact told (a year, a day/month, a value after a label or in brackets: "enveloppe : 1 000 € TTC", "(2 350 €)"): a
# list's item holding one is the situation, unless it asks by itself. In a message telling one (a budget), an item with
# any amount or duration not asking by its own words tells one too ("- le CDG vient 2 h 30 par visite").
_VALUE_TOLD = r"[:=(]\s*\d[\d\s,.]*?\s?(?:€|h\b|min\b)"
_DAY = r"\b\d{1,2}/\d{1,2}\b"  # a day in figures ("le 02/10", "02/10/2026")
DAY_TOLD = re.compile(_DAY)
DATE_TOLD = re.compile(rf"\b(?:19|20)\d\d\b|{_DAY}|{_VALUE_TOLD}")
FACT_TOLD = re.compile(r"\d\s?(?:€|h\b|min\b)")
ANY_VALUE_TOLD = re.compile(_VALUE_TOLD)


def tells_value(sentence: str) -> bool:
    """Whether a sentence tells a date or a value (a year, "15/01", "1 900 €", "2 h"): the situation, not a question."""
    return bool(DATE_TOLD.search(sentence) or FACT_TOLD.search(sentence))
