"""The terms a long message's context is read with: its first ones, read from as few of its first sentences as hold them
(a forwarded e-mail's context may be thousands of characters; its first sentences say what it is about)."""

from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate

from .matching import Matcher
from .term_numbers import large_number

MAX_CONTEXT_TERMS = 80  # a long message's context: its first sentences say what it is about
CONTEXT_CHARS = 1_500  # the first sentences read for those terms (a term every 11 to 15 characters), doubled if short


def first_terms(matcher: Matcher, sentences: list[str]) -> list[str]:
    """The first MAX_CONTEXT_TERMS terms of `sentences` joined, read from as few of the first sentences as hold them.

    A word's term depends on the words before it and on at most `reach` words after it (a synonym expression), and
    a text is read word by word (a word never spans the space that joins two sentences): once the first sentences
    hold `reach` terms more than needed (one of the convention's words among them: courtesy words alone are kept, see
    `Matcher.question_terms`), their first terms are the whole text's. A number written in words ("trois mille") is
    read with the words around it: then the whole text is read."""
    whole = " ".join(sentences)
    needed = MAX_CONTEXT_TERMS + matcher.analyzer.reach
    if not large_number(whole):
        ends = list(accumulate((len(sentence) + 1 for sentence in sentences), initial=-1))[1:]  # each start's length
        size = CONTEXT_CHARS
        while size < len(whole):
            count = bisect_left(ends, size) + 1
            terms = matcher.question_terms(" ".join(sentences[:count]))
            if len(terms) >= needed and any(map(matcher.is_strong, terms)):  # not only courtesy words, kept if alone
                return terms[:MAX_CONTEXT_TERMS]
            size *= 2
    return matcher.question_terms(whole)[:MAX_CONTEXT_TERMS]
