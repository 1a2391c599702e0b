"""The answers a question may have, listed after it as a sentence of their own ("Qui forme nos agents ? Le CDG ou La
Fibre ?", "Qui signe pour la commune ? Le maire ou le DGS ?"): they ask that question again, not a new one (read
alone, "Le CDG ou La Fibre ?" found the parties' clause).

Why a module of its own: the rule reads one short sentence against the question before it, by its words only: a few
words joined by "ou" (the alternative, as `piece_words.opens_other_half` reads it), no hyphenated inversion, and no
topic (a strong term) the question before does not name, parties and question words aside ("Virement ou mandat ?" after
"On paie comment le CDG ?" names topics of its own: a question still). So does a proposed answer to the question word
the question before ends on ("… ça finit où ? Au tribunal d'Arras ?": read alone, the end of the convention)."""

from __future__ import annotations

import re

from .french import fold
from .matching import Matcher
from .phrases import WORD

MAX_OPTION_WORDS = 6  # "Le CDG ou La Fibre ?", "Le maire ou le DGS ?": a few words either side of "ou"
MAX_PROPOSAL_WORDS = 5  # "Au tribunal d'Arras ?", "Devant le tribunal de Lille ?"


def lists_options(text: str, question: str, matcher: Matcher, not_topics: set[str]) -> bool:
    """Whether `text` only lists answers `question` may have: its options, that question asked again."""
    words = WORD.findall(fold(text))
    if not (2 < len(words) <= MAX_OPTION_WORDS and "ou" in words[1:-1]) or "-" in text:
        return False  # (a hyphen: an inverted verb, "peut-on …", asks something of its own)
    named = set(matcher.question_terms(question))
    return all(
        term in named or term in not_topics or not matcher.is_strong(term) for term in matcher.question_terms(text)
    )


def proposes(text: str, question: str, closing: frozenset[str], opening: re.Pattern[str], asking: set[str]) -> bool:
    """Whether `text` proposes the answer to the question word `question` ends on (one of `closing`, folded: "… ça finit
    où ? Au tribunal d'Arras ?"): a few words `opening` like an answer (`proposed_answer_openers`), no question word of
    `asking` (folded) nor inverted verb of its own, asked with "?"."""
    words, asked = WORD.findall(fold(text)), WORD.findall(fold(question))
    if not asked or len(words) > MAX_PROPOSAL_WORDS or set(words) & asking or "-" in text or not text.endswith("?"):
        return False
    return asked[-1] in closing and bool(opening.match(fold(text)))
