"""Quoting a clause: the sentences of its text that best match a question's terms."""

from __future__ import annotations

from dataclasses import replace

from .answer import Citation
from .knowledge import Knowledge
from .matching import Matcher
from .quotes import joined_quote, select_quote, sentences


class Citations:
    """Builds the `Citation` of a clause for a question."""

    def __init__(self, knowledge: Knowledge, matcher: Matcher) -> None:
        self.knowledge = knowledge
        self.matcher = matcher
        self._sentence_cache: dict[str, list[str]] = {}

    def citation(self, clause_id: str, terms: list[str] | None) -> Citation:
        """A citation of `clause_id` quoting the sentences that best match `terms` (all if None)."""
        clause = self.knowledge.clauses[clause_id]
        if terms is None:
            return Citation(clause.id, clause.ref, clause.title, " ".join(sentences(clause.text)))
        relevant = set(terms)
        weight = self.matcher.weight
        quote = select_quote(
            clause.text, lambda sentence: sum(weight(t) for t in set(self._sentence_terms(sentence)) & relevant)
        )
        return Citation(clause.id, clause.ref, clause.title, quote)

    def joined(self, first: Citation, second: Citation) -> Citation:
        """`first` quoting also what `second`, a citation of the same clause, quotes."""
        clause = self.knowledge.clauses[first.id]
        return replace(first, quote=joined_quote(clause.text, first.quote, second.quote))

    def _sentence_terms(self, sentence: str) -> list[str]:
        # Sentences come from the knowledge base only, so this cache is bounded by it.
        if sentence not in self._sentence_cache:
            self._sentence_cache[sentence] = self.matcher.analyzer.terms(sentence)
        return self._sentence_cache[sentence]
