"""The answers a question may have, listed after it as a sentence of their own ("Qui forme nos agents ? Le CDG ou La
Fibre ?", "Qui signe pour la commune ? Le maire ou le DGS ?"): they ask that question again, not a new one (read
alone, "Le CDG ou La Fibre ?" found the parties' clause).

Why a module of its own: the rule reads one short sentence against the question before it, by its words only: a few
words joined by "ou" (the alternative, as `piece_words.opens_other_half` reads it), no hyphenated inversion, and no
topic (a strong term) the question before does not name, parties and question words aside ("Virement ou mandat ?" after
"On paie comment le CDG ?" names topics of its own: a question still)."""

from __future__ import annotations

from .french import fold
from .matching import Matcher
from .phrases import WORD

MAX_OPTION_WORDS = 6  # "Le CDG ou La Fibre ?", "Le maire ou le DGS ?": a few words either side of "ou"


def lists_options(text: str, question: str, matcher: Matcher, not_topics: set[str]) -> bool:
    """Whether `text` only lists answers `question` may have: its options, that question asked again."""
    words = WORD.findall(fold(text))
    if not (2 < len(words) <= MAX_OPTION_WORDS and "ou" in words[1:-1]) or "-" in text:
        return False  # (a hyphen: an inverted verb, "peut-on …", asks something of its own)
    named = set(matcher.question_terms(question))
    return all(
        term in named or term in not_topics or not matcher.is_strong(term) for term in matcher.question_terms(text)
    )
