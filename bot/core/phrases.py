"""Regular expressions built from the maintainers' phrase lists (knowledge/vocabulary.yaml), compared
folded, where spaces, hyphens and apostrophes are interchangeable."""

from __future__ import annotations

import re

from .french import fold


def alternatives(words: tuple[str, ...] | list[str]) -> str:
    """A regex alternation of `words`, as written and folded, longest first (matches nothing if none)."""
    forms = {form for word in words for form in (word.lower(), fold(word)) if form.strip()}
    return "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True)) or r"(?!x)x"


def phrases_pattern(phrases: tuple[str, ...], *, start: bool) -> re.Pattern[str]:
    """A pattern of any of `phrases` (folded), at the start of a text if `start`, else anywhere."""
    folded = sorted({fold(phrase).strip() for phrase in phrases if phrase.strip()}, key=len, reverse=True)
    if not folded:
        return re.compile(r"(?!x)x")  # matches nothing
    alternatives = "|".join(flexible(phrase) for phrase in folded)
    return re.compile((r"^\W*(?:" if start else r"\b(?:") + alternatives + r")(?!\w)")


def flexible(phrase: str) -> str:
    """A phrase as a pattern where spaces, hyphens and apostrophes are interchangeable."""
    return r"[\s\-']*".join(re.escape(word) for word in re.split(r"[\s\-']+", phrase) if word)
