"""What the learned classifier reads of a text: p(label | text), its last readings kept, and whether "hors sujet" wins.

The classifier (bot/core/classifier.py) is trained here on the knowledge base: every clause's example questions
and title, the phrasings of knowledge/training and the out-of-scope wordings. The ranker (bot/core/ranker.py)
blends these readings with the matcher's; the engine asks them a few questions of its own (is a part off topic,
is the classifier all but certain of a clause, which of two clauses does it prefer)."""

from __future__ import annotations

import math
from collections.abc import Callable

from .classifier import TEMPERATURE, Classifier, train
from .knowledge import Knowledge
from .training import OUT_OF_SCOPE

OUT_OF_SCOPE_LIMIT = 0.5
LEARNED_MIN_TERMS = 6
CLASSIFIER_CERTAIN = 0.9  # 0.95 before session 33 (ranker.py's docstring)
# "hors sujet" without its prior, at least: a part answered in the middle band, naming neither provider, is refused
# (session 38, every tracked several-question message: of 1,427 such parts, 11 at 0.1 or more, 10 of them parts the
# convention does not answer; one of tests/data/messages.yaml names the CDG: "et le conseiller du cdg peut il former …")
PART_DOUBT = 0.1
RECENT_READINGS = 4  # classifier readings kept: a message, its question sentence, and a part's, each read again


class Readings:
    """The classifier trained on the knowledge base, and its readings of texts."""

    def __init__(self, knowledge: Knowledge, terms_of: Callable[[str], list[str]]) -> None:
        examples = [(clause.id, q) for clause in knowledge.clauses.values() for q in (*clause.questions, clause.title)]
        # Wordings confirmed out of scope by /revue (knowledge/out_of_scope.yaml) teach the "hors sujet" class too.
        examples += [*knowledge.training, *((OUT_OF_SCOPE, q) for q in knowledge.out_of_scope)]
        # A base of one clause and no "hors sujet" examples has nothing to tell apart: the matcher alone.
        several = len({label for label, _text in examples}) > 1
        self.classifier: Classifier | None = train(examples, terms_of) if several else None
        # exp(T × (highest clause bias − "hors sujet" bias)): the factor that takes the prior of its many
        # examples out of "hors sujet"'s probability (1.0: no such class, or no advantage).
        self._fair_out = 1.0
        if self.classifier and OUT_OF_SCOPE in self.classifier.labels:
            bias = self.classifier.biases()
            gap = max(b for label, b in bias.items() if label != OUT_OF_SCOPE) - bias[OUT_OF_SCOPE]
            self._fair_out = math.exp(TEMPERATURE * min(0.0, gap))
        # The last readings, newest first: a question sentence and its whole message are each read more than once.
        self._recent: tuple[tuple[tuple[str, tuple[str, ...]], dict[str, float]], ...] = ()
        self._terms_of = terms_of

    def __getstate__(self) -> dict[str, object]:
        return {**self.__dict__, "_recent": ()}  # a pickled engine carries no message

    def probabilities(self, text: str, terms: list[str]) -> dict[str, float]:
        """The classifier's reading of `text` (a copy); the last RECENT_READINGS are kept (a message and its question
        sentence are each read several times). {} without a classifier."""
        if not self.classifier:
            return {}
        key = (text, tuple(terms))
        # One read of `_recent` into a local: messages answered at once in the bot's threads each keep
        # their own reading, even when another thread replaces the kept ones in between.
        recent = self._recent
        found = next((probabilities for kept, probabilities in recent if kept == key), None)
        if found is None:
            found = self.classifier.probabilities(text, terms)
            self._recent = ((key, found), *recent[: RECENT_READINGS - 1])
        return dict(found)

    def out_of_scope(self, out: float, best_clause: float, short: bool) -> bool:
        """Whether "hors sujet" (probability `out`) wins; for a short question, without its prior too."""
        if out < OUT_OF_SCOPE_LIMIT or out < best_clause:
            return False
        # Without its prior, the other labels keep their numerators: "hors sujet" is compared on its own.
        return not short or out * self._fair_out >= best_clause

    def without_prior(self, out: float) -> float:
        """The probability of "hors sujet" once its bias is lowered to the clauses' highest."""
        fair = out * self._fair_out
        return fair / (1.0 - out + fair) if fair else 0.0

    def off_topic(self, text: str, doubted: bool = False) -> bool:
        """Whether the classifier, reading `text` alone, finds it out of scope, as the ranker would refuse it; with
        `doubted`, or doubts it enough (PART_DOUBT): a part answered in the middle band naming neither provider ("Et au
        passage, qui préside la communauté de communes ?" after a question on the convention)."""
        terms = self._terms_of(text)
        probabilities = self.probabilities(text, terms)
        out = probabilities.pop(OUT_OF_SCOPE, 0.0)
        short = len(set(terms)) < LEARNED_MIN_TERMS
        doubt = doubted and self.without_prior(out) >= PART_DOUBT
        return self.out_of_scope(out, max(probabilities.values(), default=0.0), short) or doubt

    def certain(self, clause: str, text: str, terms: list[str]) -> bool:
        """Whether the classifier, reading `text` (terms `terms`) alone, is all but certain of `clause`."""
        return self.probabilities(text, terms).get(clause, 0.0) >= CLASSIFIER_CERTAIN

    def prefers(self, one: str, other: str, text: str, terms: list[str]) -> bool:
        """Whether the classifier, reading `text` (terms `terms`), gives clause `one` more than clause `other`."""
        probabilities = self.probabilities(text, terms)
        return probabilities.get(one, 0.0) > probabilities.get(other, 0.0)
