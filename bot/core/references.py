"""Direct references to a clause: "article 5.2", "art 6", "4.2.1", "annexe 2"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .french import fold
from .number_words import number_in_words

# Each pattern starts with what it matches first ("art", "annex", a digit), its word boundary or look-behind
# checked right after: the regex engine jumps to those instead of trying the pattern at every character of a
# long message (on 4,096 characters: 30 times faster, 3 times for a bare number). Same matches as "\b(?:article|art)…",
# "\bannexe?s?…" and "(?<![\d/.,-])(\d{1,2}…" (tests/test_fast_patterns.py).
_ARTICLE = re.compile(r"art(?<=\bart)(?:icle)?\s*\.?\s*(?:n\s*°?\s*)?(\d+(?:\.\d+)*)")
_ANNEX = re.compile(r"annex(?<=\bannex)e?s?\s*(?:n\s*°?\s*|no\s*)?(\d+)")
# ... and a number said in words ("dans l'annexe un", "l'article premier", "article cinq": dictated, formal)
_SPOKEN = re.compile(r"(?:art(?<=\bart)(?:icle)?|(annex)(?<=\bannex)e?)\s+(?:n\s*°?\s*|numero\s+)?([a-z]+)(?![\w'-])")
MAX_SPOKEN = 9  # the convention's articles and annexes, said in words
_BARE = re.compile(r"(\d(?<![\d/.,-]\d)\d?(?:\.\d{1,2}){1,2})\.?(?![\d/,-]|\.\d)")


@dataclass(frozen=True)
class Reference:
    """A clause a question names: its id if it exists, and how it was written."""

    text: str
    clause_id: str
    explicit: bool = True  # "article 12" names a clause; a bare "12.5" may be anything


def find_reference(question: str) -> Reference | None:
    """The first clause named in `question`, with the id it would have (known or not)."""
    folded = fold(question)
    found = [(m.start(), Reference(m.group(0).strip(), f"art-{m.group(1)}")) for m in _ARTICLE.finditer(folded)]
    found += [(m.start(), Reference(m.group(0).strip(), f"annexe-{m.group(1)}")) for m in _ANNEX.finditer(folded)]
    for m in _SPOKEN.finditer(folded):
        if 0 < (number := number_in_words(m.group(2))) <= MAX_SPOKEN:
            found.append((m.start(), Reference(m.group(0), f"{'annexe' if m.group(1) else 'art'}-{number}")))
    if not found:
        found = [(m.start(), Reference(m.group(1), f"art-{m.group(1)}", False)) for m in _BARE.finditer(folded)]
    return min(found, key=lambda item: item[0])[1] if found else None


def article_id(text: str) -> str:
    """The clause id a user means by "5.2", "article 5.2", "annexe 2", "préambule" (for /article)."""
    folded = fold(text).strip()
    reference = find_reference(f"article {folded}" if folded[:1].isdigit() else folded)
    if reference:
        return reference.clause_id
    return folded.replace(" ", "-")
