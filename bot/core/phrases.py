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
    alternatives = "|".join(flexible(phrase, folded=True) for phrase in folded)
    # Not "\b": a phrase may open with a mark ("+1").
    return re.compile((r"^\W*(?:" if start else r"(?<!\w)(?:") + alternatives + r")(?!\w)")


def flexible(phrase: str, *, folded: bool = False) -> str:
    """A phrase as a pattern where spaces, hyphens and apostrophes are interchangeable; for `folded` texts
    only the straight apostrophe (fold unifies them): a class without "’" compiles six times faster, and
    the asking phrases' patterns were a tenth of a cold `ask`."""
    gap = r"[\s\-']*" if folded else r"[\s\-'’]*"
    return gap.join(re.escape(word) for word in re.split(r"[\s\-'’]+", phrase) if word)


def any_phrase(phrases: tuple[str, ...]) -> str:
    """A regex alternation of `phrases`, as written (lower-case) and folded, spaces, hyphens and apostrophes
    interchangeable, longest first, for texts not folded (compile it with re.IGNORECASE)."""
    forms = {form for phrase in phrases for form in (phrase.lower().strip(), fold(phrase).strip()) if form}
    return "|".join(flexible(form) for form in sorted(forms, key=len, reverse=True)) or r"(?!x)x"


class PhraseFinder:
    """Finds phrases in texts not folded, in one pass over the words: a phrase is tried only where its first
    word stands (a long alternation tried at every character would cost a millisecond per Telegram message)."""

    def __init__(self, phrases: tuple[str, ...]) -> None:
        forms = {form for phrase in phrases for form in (phrase.lower().strip(), fold(phrase).strip()) if form}
        by_first: dict[str, list[str]] = {}
        for form in forms:
            by_first.setdefault(re.split(r"[\s\-'’]+", form)[0], []).append(form)
        # The longest word of each phrase: a text holding none of them holds no phrase.
        self._hints = tuple({max(re.split(r"[\s\-'’]+", form), key=len) for form in forms})
        self._patterns = {
            first: re.compile(
                rf"(?:{'|'.join(flexible(f) for f in sorted(group, key=len, reverse=True))})(?![\w'’])", re.I
            )
            for first, group in by_first.items()
        }

    def match(self, text: str, position: int) -> re.Match[str] | None:
        """The phrase starting at `position` of `text`, if one does."""
        word = WORD.match(text, position)
        pattern = self._patterns.get(word.group().lower()) if word else None
        return pattern.match(text, position) if pattern else None

    def find(self, text: str) -> list[re.Match[str]]:
        """The phrases of `text`, in order, none overlapping, each starting a word (not after a hyphen or an
        apostrophe: "peut-on" holds no "on", "qu'est-ce" no "est-ce")."""
        found: list[re.Match[str]] = []
        lowered = text.lower()
        if not any(hint in lowered for hint in self._hints):
            return found
        end = 0
        for word in WORD.finditer(text):
            start = word.start()
            pattern = self._patterns.get(word.group().lower())
            if pattern is None or start < end or (start and text[start - 1] in "-'’"):
                continue
            if match := pattern.match(text, start):
                found.append(match)
                end = match.end()
        return found


WORD = re.compile(r"\w+")  # a word of a text (phrases, pieces and questions read words alike)
