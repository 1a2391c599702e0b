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
    return r"[\s\-'’]*".join(re.escape(word) for word in re.split(r"[\s\-'’]+", phrase) if word)


def any_phrase(phrases: tuple[str, ...]) -> str:
    """A regex alternation of `phrases`, as written (lower-case) and folded, spaces, hyphens and apostrophes
    interchangeable, longest first, for texts not folded (compile it with re.IGNORECASE)."""
    forms = {form for phrase in phrases for form in (phrase.lower().strip(), fold(phrase).strip()) if form}
    return "|".join(flexible(form) for form in sorted(forms, key=len, reverse=True)) or r"(?!x)x"
