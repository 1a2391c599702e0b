"""A message's context as each of its questions is ranked with (`Matcher.rank`): its terms the knowledge base knows,
weighed at their context share, with the clauses each names strongly, read once per message (a message of five
questions read its eighty context terms five times, a third of each ranking).

A question's own terms take the place of the context's same terms (they weigh their full weight, in the question's
order): what a ranking keeps of the context is its terms but those, in the same order as when read one by one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from numpy.typing import NDArray


class SharedContext:
    """The known terms of one context (first occurrence order) and what a ranking reads of them."""

    def __init__(
        self,
        context: Sequence[str],
        known: Mapping[str, float],
        share: float,
        strong_clauses: Mapping[str, tuple[str, ...]],
    ) -> None:
        self.items = [(term, share * known[term]) for term in dict.fromkeys(context) if term in known]
        self.terms = frozenset(term for term, _ in self.items)
        # Per clause, the context's terms that name it strongly, in order.
        self.strong: dict[str, list[str]] = {}
        for term, _ in self.items:
            for clause_id in strong_clauses.get(term, ()):
                self.strong.setdefault(clause_id, []).append(term)
        # Its postings' rows and products laid end to end, and how many each term has (dense.py, at first use).
        self.laid: tuple[NDArray, NDArray, NDArray] | None = None

    def kept(self, question: set[str] | dict[str, float]) -> tuple[list[tuple[str, float]], frozenset[str]]:
        """The context's (term, weight) but the `question`'s own terms, and those left out."""
        left_out = self.terms.intersection(question)
        if not left_out:
            return self.items, left_out
        return [item for item in self.items if item[0] not in left_out], left_out
