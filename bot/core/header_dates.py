"""A forwarded e-mail's header whose last field is a date ("Date : 28 nov. 2026 à 08:30"): the header is dropped up to
its last field's colon, and the date left on that line dates the e-mail, never the situation (it was read as the
convention's signature)."""

from __future__ import annotations

import re

# A line holding only a date, and a time maybe ("28 nov. 2026 à 08:30", "jeudi 26 novembre 2026 16:22")
_DATED_LINE = re.compile(
    r"[ \t]*(?:[^\W\d]+\.?[ \t]+)?\d{1,2}(?:er)?[ \t/.-]+(?:\d{1,2}|[^\W\d]+\.?)[ \t/.-]+\d{2,4}[^\n\w]*(?:(?:à[ \t]+)?\d{1,2}[:h]\d{2})?[ \t]*\n"
)


def undated(body: str) -> str:
    """`body` without its first line when that line is only a date (the header's last field's value)."""
    return body[match.end() :] if (match := _DATED_LINE.match(body)) else body
