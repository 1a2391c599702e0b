"""Ranking the clauses for a question, with a confidence that a threshold can rely on.

Two views of the same terms, combined:
- field relevance: how much of the question's weight the clause's fields (example questions, keywords, title,
  text, answer) account for, idf-weighted (a BM25-like score without length effects, since fields here are short);
- nearest example: the best idf-weighted cosine between the question and one of the clause's example questions,
  which rewards paraphrases of a whole question.
Words the knowledge base has never seen keep their (high) weight in the question, so "renouveler une carte
d'identité" matches "renouvellement" only in part and is refused.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from functools import partial
from operator import itemgetter, mul
from typing import NamedTuple

from .analysis import Analyzer
from .dense import MANY_TERMS, DensePostings
from .french import forget_folds, stem, words
from .knowledge import Knowledge
from .schema import Clause
from .sentence_ends import Titles
from .shared_context import SharedContext

# The title says what a clause is about most precisely ("Responsabilité du CDG 62").
FIELD_WEIGHTS = {"title": 1.5, "questions": 1.0, "keywords": 1.0, "answer": 0.6, "text": 0.5}
# A word the knowledge base never uses ("passeport") weighs more than any word it does:
# the question is about something else.
UNKNOWN_FACTOR = 1.3
GENERIC_WEIGHT = 0.6  # a generic word ("heure", "commune") counts 60 % of its idf, and never alone
RELEVANCE_SHARE = 0.5  # the rest of the confidence comes from the nearest example
CENTRALITY_BONUS = 0.5  # at most, for a term found in CENTRAL_COUNT example questions or more
CENTRAL_COUNT = 4
LONG_QUESTION_TERMS = 4
TERMS_CACHE_SIZE = 1024
# The sentences around a question ("notre site a été défiguré samedi.") help to choose its clause at this
# share of their weight; their words unknown to the knowledge base are left out (a situation, not a topic).
CONTEXT_SHARE = 0.2


class Candidate(NamedTuple):  # a tuple: built for every clause of every ranking, twice as fast as a frozen dataclass
    clause_id: str
    confidence: float
    strong_terms: tuple[str, ...]  # matched terms that are not generic words


def is_sure(ranked: Sequence[Candidate], threshold: float) -> bool:
    """Whether the best clause of a ranking may be answered with: confident enough, and matched on a word
    that is not generic (a generic word, "heure" or "commune", is never a topic alone)."""
    return bool(ranked) and ranked[0].confidence >= threshold and bool(ranked[0].strong_terms)


class _Example(NamedTuple):
    clause_id: str
    weights: dict[str, float]
    norm: float


class Matcher:
    """An index of the knowledge base's clauses, built once per knowledge base."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.analyzer = Analyzer(
            knowledge.synonyms,
            common=frozenset(stem(word) for line in knowledge.common_words for word in words(line)),
            stop_words=knowledge.stop_words,
            verb_endings=knowledge.verb_endings,
            sound_alike=knowledge.sound_alike,
            inverted_subjects=knowledge.reading.inverted_subjects,
        )
        self._terms_cache: dict[str, list[str]] = {}
        self._names = Titles(knowledge.reading.title_abbreviations).names  # "M. Garcia": a person, not a topic
        self.analyzer.learn([*_all_texts(knowledge), *knowledge.generic_words, *knowledge.courtesy_words])
        self.generic = {term for word in knowledge.generic_words for term in self.analyzer.terms(word)}
        self.courtesy = {term for word in knowledge.courtesy_words for term in self.analyzer.terms(word)}
        self._fields = {clause.id: self._field_terms(knowledge, clause) for clause in knowledge.clauses.values()}
        document_frequency = Counter(term for fields in self._fields.values() for term in set().union(*fields.values()))
        count = len(self._fields)
        self._idf = {term: math.log(1 + count / df) for term, df in document_frequency.items()}
        self._unknown_idf = UNKNOWN_FACTOR * math.log(1 + count / 0.5)
        self._idf_of_common_word = math.log(1 + 2)  # the idf of a word half the clauses use
        # Everyday words the knowledge base does not use are weak, like generic words; so are the verbs of the asking
        # phrases ("il conviendrait de déterminer": that, not what), not their linking words nor 3-letter stems ("dis").
        asking, linking = (set().union(*map(self.analyzer.terms, p)) for p in knowledge.reading.asking_words())
        weak = self.analyzer.common | {t for t in asking - linking if len(t) > 3}
        self.generic |= {t for t in weak if t not in self._idf and t not in self.courtesy}
        self._known_weights = {term: self.weight(term) for term in self._idf}  # read for every term of every question
        self._centrality = {clause.id: self._central_terms(clause.questions) for clause in knowledge.clauses.values()}
        # Keywords and titles are short questions too ("chorus pro", "frais de déplacement").
        self._examples = [
            self._example(clause.id, example)
            for clause in knowledge.clauses.values()
            for example in (*clause.questions, *clause.keywords, clause.title)
        ]
        self._postings: dict[str, list[tuple[int, float]]] = {}
        for index, example in enumerate(self._examples):
            for term, weight in example.weights.items():
                self._postings.setdefault(term, []).append((index, weight))
        # The examples' clauses and norms side by side: read for every example a long message shares a term with.
        self._example_clauses = [example.clause_id for example in self._examples]
        self._example_norms = [example.norm for example in self._examples]
        # Per clause, what each of its terms adds to the relevance: its best field and centrality.
        self._term_scores = {
            clause_id: {
                term: _best_field(term, fields) + self._centrality[clause_id].get(term, 0.0)
                for term in set().union(*fields.values())
            }
            for clause_id, fields in self._fields.items()
        }
        self._clause_postings: dict[str, list[tuple[str, float]]] = {}
        for clause_id, scores in self._term_scores.items():
            for term, score in scores.items():
                self._clause_postings.setdefault(term, []).append((clause_id, score))
        postings = self._clause_postings  # each strong term's clauses, read by `rank`
        self._strong_clauses = {t: tuple(c for c, _ in postings[t]) for t in self._idf if self.is_strong(t)}
        self._dense = DensePostings(self._postings, self._clause_postings, self._example_clauses, self._example_norms)
        self._last_context: tuple[tuple[str, ...], SharedContext] | None = None

    def __getstate__(self) -> dict[str, object]:
        return {**self.__dict__, "_last_context": None}  # a pickled engine carries no message

    def forget_texts(self) -> None:
        """Empty the caches of texts' terms and folds (the engine does so before each message)."""
        self._terms_cache.clear()
        forget_folds()

    def question_terms(self, text: str) -> list[str]:
        """The question's terms without courtesy words (unless nothing else is left)."""
        # One message asks for the terms of its text and of its sentences several times.
        if text not in self._terms_cache:
            if len(self._terms_cache) >= TERMS_CACHE_SIZE:
                self._terms_cache.clear()
            self._terms_cache[text] = self._question_terms(text)
        return list(self._terms_cache[text])

    def _question_terms(self, text: str) -> list[str]:
        terms = self.analyzer.terms(self._names.sub(" ", text) if self._names else text)
        # Courtesy words, and stray unknown fragments ("co", "b" of "<b>"), say nothing.
        meaningful = [t for t in terms if t not in self.courtesy and (len(t) > 2 or t in self._idf or t[0].isdigit())]
        return meaningful or terms

    def weight(self, term: str) -> float:
        if term in self.generic:  # weak by definition, whether the clauses use it or not
            return self._idf.get(term, self._idf_of_common_word) * GENERIC_WEIGHT
        # An unknown number ("31", "2027") says less about the topic than an unknown word.
        unknown = self._idf_of_common_word if term[0].isdigit() else self._unknown_idf
        return self._idf.get(term, unknown)

    def is_strong(self, term: str) -> bool:
        return term in self._idf and term not in self.generic and term not in self.courtesy

    def is_foreign(self, term: str) -> bool:
        """Whether a term is a word the knowledge base never uses, nor an everyday one: another topic's."""
        return (
            term not in self._idf and term not in self.generic and term not in self.courtesy and not term[0].isdigit()
        )

    def rank(self, terms: list[str], context: list[str] | None = None, *, dilute: bool = True) -> list[Candidate]:
        """Every clause that shares a term with the question (and, weaker, its `context`), best first."""
        unique = list(dict.fromkeys(terms))
        if not unique:
            return []
        # In a long message about the convention, words it never uses are more often context ("le
        # syndicat des eaux voudrait...") than the topic: they weigh less the more terms there are.
        dilution = min(1.0, LONG_QUESTION_TERMS / len(unique)) if dilute else 1.0
        known = self._known_weights
        weights = {term: known[term] if term in known else self.weight(term) * dilution for term in unique}
        shared = self._shared(context, terms) if context else None
        kept, left_out = shared.kept(weights) if shared else ([], frozenset[str]())  # the question's own terms left out
        weights.update(kept)
        values = list(weights.values())
        total, norm = sum(values), math.sqrt(sum(map(mul, values, values)))  # in C, in the same order
        # Only the examples and clauses that hold a term of the question are visited (inverted index);
        # terms are added in the question's order, so sums do not depend on the index's order.
        # A long message's terms are mostly words the knowledge base does not use: only the known ones are visited.
        present = [term for term in unique if term in self._clause_postings or term in self._postings]
        if len(present) + len(kept) >= MANY_TERMS:  # a long message's hundreds of postings, added by numpy (dense.py)
            nearest, relevance = self._dense.sums(present, weights, norm, shared, left_out)
        else:  # a context's terms are known: each in a clause's fields
            nearest, relevance = self._dense.plain_sums([*present, *(term for term, _ in kept)], weights, norm)
        strong: dict[str, list[str]] = {clause_id: [] for clause_id in self._term_scores}
        for term in present:
            for clause_id in self._strong_clauses.get(term, ()):
                strong[clause_id].append(term)
        if shared:  # then the context's, read once, but the question's own (in the clauses they name strongly)
            touched = {clause_id for term in left_out for clause_id in self._strong_clauses.get(term, ())}
            for clause_id, found in shared.strong.items():
                strong[clause_id] += [t for t in found if t not in left_out] if clause_id in touched else found
        scale = total * (max(FIELD_WEIGHTS.values()) + CENTRALITY_BONUS)
        candidates = []
        for clause_id in self._term_scores:  # document order, for equal confidences
            share = relevance.get(clause_id, 0.0) / scale
            if share <= 0:
                continue
            confidence = RELEVANCE_SHARE * share + (1 - RELEVANCE_SHARE) * nearest.get(clause_id, 0.0)
            candidates.append(Candidate(clause_id, round(min(confidence, 1.0), 4), tuple(strong[clause_id])))
        candidates.sort(key=itemgetter(1), reverse=True)  # by confidence, stable: equal ones stay in document order
        return candidates

    def _shared(self, context: list[str], terms: list[str]) -> SharedContext:
        """The context read once for all the questions of a message (see shared_context.py). A context ending with
        the question's own terms (a part's: its message's, then its own) reads as without them, each the question's."""
        if len(context) > len(terms) and context[len(context) - len(terms) :] == terms:
            context = context[: len(context) - len(terms)]
        key = tuple(context)
        last = self._last_context  # one read: another thread answering at once may replace it
        if last is None or last[0] != key:
            last = self._last_context = (
                key,
                SharedContext(key, self._known_weights, CONTEXT_SHARE, self._strong_clauses),
            )
        return last[1]

    def _field_terms(self, knowledge: Knowledge, clause: Clause) -> dict[str, set[str]]:
        terms = partial(self.analyzer.terms, with_parts=True)
        parent = bool(knowledge.children(clause.id))
        return {
            "questions": {t for q in clause.questions for t in terms(q)},
            "keywords": {t for k in clause.keywords for t in terms(k)},
            "title": set(terms(f"{clause.ref} {clause.title}")),
            # A parent's text and answer sum up its children's: indexing them twice would
            # let the parent outrank the child that actually answers.
            "answer": set() if parent else set(terms(clause.answer)),
            "text": set() if parent else set(terms(clause.text)),
        }

    def _central_terms(self, questions: list[str]) -> dict[str, float]:
        """A bonus for terms that many of a clause's example questions share: its core words."""
        counts = Counter(term for question in questions for term in set(self.analyzer.terms(question)))
        return {term: CENTRALITY_BONUS * min(1.0, count / CENTRAL_COUNT) for term, count in counts.items() if count > 1}

    def _example(self, clause_id: str, text: str) -> _Example:
        weights = {term: self.weight(term) for term in dict.fromkeys(self.analyzer.terms(text))}
        return _Example(clause_id, weights, math.sqrt(sum(w * w for w in weights.values())) or 1.0)


def _best_field(term: str, fields: dict[str, set[str]]) -> float:
    return max((FIELD_WEIGHTS[name] for name, terms in fields.items() if term in terms), default=0.0)


def _all_texts(knowledge: Knowledge) -> list[str]:
    texts = [knowledge.source]
    for clause in knowledge.clauses.values():
        texts += [clause.title, clause.answer, *clause.questions, *clause.keywords]
    texts += [expression for group in knowledge.synonyms for expression in group]
    return texts
