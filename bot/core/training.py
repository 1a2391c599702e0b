"""The learned classifier's extra examples (knowledge/training/*.yaml), validated in two layers.

Each file holds the phrasings of one clause (`clause: art-5.2`) or of the questions the convention does
not answer (`clause: hors-sujet`). They teach the classifier only: the lexical matcher keeps the clauses'
own `questions:`, so a maintainer can add many phrasings without changing how words are weighed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from pydantic import Field

from .french import comparable
from .schema import Clause, StrictModel, parse_document
from .yamlfile import Problem, YamlDocument, load_yaml

TRAINING_DIR = "training"
OUT_OF_SCOPE = "hors-sujet"  # the class of questions the convention does not answer


class TrainingFile(StrictModel):
    clause: str
    questions: list[str] = Field(min_length=1)


def read_training(
    root: Path, clauses: Iterable[Clause], display: Callable[[Path], str]
) -> tuple[tuple[tuple[str, str], ...], list[Problem]]:
    """(label, phrasing) pairs of knowledge/training (the folder is optional) and every problem found."""
    problems: list[Problem] = []
    documents: list[tuple[TrainingFile, YamlDocument]] = []
    for path in sorted((root / TRAINING_DIR).glob("*.yaml")):
        document, found = load_yaml(path, display(path))
        problems += found
        if document is None:
            continue
        parsed, found = parse_document(document, TrainingFile)
        problems += found
        if parsed is not None:
            documents.append((parsed, document))
    if any(not problem.warning for problem in problems):
        return (), problems
    problems += check_training(documents, list(clauses))
    return tuple((parsed.clause, q) for parsed, _ in documents for q in parsed.questions), problems


def check_training(documents: list[tuple[TrainingFile, YamlDocument]], clauses: list[Clause]) -> list[Problem]:
    """Layer 2: a known clause, a file named after it, and no wording taught as two different answers."""
    ids = {clause.id for clause in clauses}
    owner = {comparable(q): clause.id for clause in clauses for q in clause.questions}
    problems: list[Problem] = []
    for parsed, document in documents:
        if parsed.clause not in ids and parsed.clause != OUT_OF_SCOPE:
            message = f"clause « {parsed.clause} » inconnue (un id de knowledge/clauses ou « {OUT_OF_SCOPE} »)"
            problems.append(Problem(document.path, document.line_of(("clause",)), message))
        if Path(document.path).stem != parsed.clause:
            message = f"le fichier doit s'appeler {parsed.clause}.yaml (un fichier par clause)"
            problems.append(Problem(document.path, document.line_of(("clause",)), message, warning=True))
        for index, question in enumerate(parsed.questions):
            key = comparable(question)
            if not key:
                problems.append(Problem(document.path, document.line_of(("questions", index)), "phrase vide"))
                continue
            if owner.setdefault(key, parsed.clause) != parsed.clause:
                message = (
                    f"« {question} » est déjà un exemple de {owner[key]} : une phrase ne peut enseigner deux réponses"
                )
                problems.append(Problem(document.path, document.line_of(("questions", index)), message))
    return problems
