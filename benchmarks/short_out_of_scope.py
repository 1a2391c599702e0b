"""How often the classifier alone reads a short in-scope question "hors sujet", with its prior and without.

    python benchmarks/short_out_of_scope.py

"Hors sujet" has far more examples than any clause, hence a far higher bias (prior): a short question
whose words lean nowhere falls to it. The ranker (bot/core/ranker.py) refuses a short question only if
"hors sujet" also wins once its bias is lowered to the clauses' highest. This prints, for questions of
fewer than LEARNED_MIN_TERMS terms: the evaluation tables' in-scope and out-of-scope questions, and the
clauses' own `questions:` each left out of the fit (5 folds), read "hors sujet" (first, at least
OUT_OF_SCOPE_LIMIT) with the prior, and without it. The matcher's "sure" limit is not applied: this is
the classifier's reading alone.
"""

from __future__ import annotations

import math
from pathlib import Path

from bot.core.classifier import TEMPERATURE, Classifier, train
from bot.core.engine import Engine
from bot.core.evaluation import IN_SCOPE, OUT_OF_SCOPE, load_cases
from bot.core.knowledge import load_knowledge
from bot.core.ranker import LEARNED_MIN_TERMS, OUT_OF_SCOPE_LIMIT
from bot.core.training import OUT_OF_SCOPE as LABEL

TABLES = ("holdout", "heldout-final-short", "paraphrases", "adversarial", "questions", "realistic")
FOLDS = 5


def refused(classifier: Classifier, text: str, terms: list[str]) -> tuple[bool, bool]:
    """(read "hors sujet" with its prior, and without it)."""
    probabilities = classifier.probabilities(text, terms)
    out = probabilities.pop(LABEL, 0.0)
    best = max(probabilities.values(), default=0.0)
    if out < OUT_OF_SCOPE_LIMIT or out < best:
        return False, False
    bias = classifier.biases()
    gap = max(b for label, b in bias.items() if label != LABEL) - bias[LABEL]
    return True, out * math.exp(TEMPERATURE * min(0.0, gap)) >= best


def count(classifier: Classifier, questions: list[tuple[str, list[str]]]) -> str:
    readings = [refused(classifier, text, terms) for text, terms in questions]
    return f"{sum(a for a, _ in readings)} → {sum(b for _, b in readings)} sur {len(readings)}"


def main() -> None:
    knowledge = load_knowledge()
    engine = Engine(knowledge)
    terms_of = engine.matcher.question_terms
    classifier = engine.readings.classifier
    assert classifier is not None

    def short(texts: list[str]) -> list[tuple[str, list[str]]]:
        return [(t, terms) for t in texts if len(set(terms := terms_of(t))) < LEARNED_MIN_TERMS]

    print("table | dans le sujet lues « hors sujet » (avec → sans l'a priori) | hors sujet lues « hors sujet »")
    for name in TABLES:
        cases = load_cases(Path(f"tests/data/{name}.yaml"))
        inside = short([c.question for c in cases if c.group == IN_SCOPE])
        outside = short([c.question for c in cases if c.group == OUT_OF_SCOPE])
        print(f"{name} | {count(classifier, inside)} | {count(classifier, outside)}", flush=True)
    own = [(clause.id, q) for clause in knowledge.clauses.values() for q in clause.questions]
    rest = [(clause.id, clause.title) for clause in knowledge.clauses.values()]
    rest += [*knowledge.training, *((LABEL, q) for q in knowledge.out_of_scope)]
    with_prior = without = total = 0
    for fold in range(FOLDS):
        kept = [example for i, example in enumerate(own) if i % FOLDS != fold]
        fitted = train([*kept, *rest], terms_of)
        for text, terms in short([q for _id, q in own[fold::FOLDS]]):
            a, b = refused(fitted, text, terms)
            with_prior, without, total = with_prior + a, without + b, total + 1
    print(f"questions des clauses, chacune hors de l'apprentissage | {with_prior} → {without} sur {total} | –")


if __name__ == "__main__":
    main()
