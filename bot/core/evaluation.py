"""Scoring the engine on an evaluation file (the format of shared/eval/questions.yaml)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from .answer import Answer
from .engine import Engine
from .french import fold

# The three groups the targets speak of; every case falls in exactly one.
IN_SCOPE, OUT_OF_SCOPE, CALCULATION = "in", "out", "calc"


@dataclass(frozen=True)
class Case:
    category: str
    question: str
    expect: tuple[str, ...]
    contains: tuple[str, ...] = ()
    not_contains: tuple[str, ...] = ()
    today: date | None = None

    @property
    def group(self) -> str:
        if not self.expect:
            return OUT_OF_SCOPE
        return CALCULATION if self.category == "calc" or self.contains else IN_SCOPE


@dataclass(frozen=True)
class Outcome:
    case: Case
    answer: Answer
    passed: bool
    reason: str = ""


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)

    def accuracy(self, key: str, value: str) -> tuple[int, int]:
        chosen = [o for o in self.outcomes if getattr(o.case, key) == value]
        return sum(o.passed for o in chosen), len(chosen)

    def values(self, key: str) -> list[str]:
        return list(dict.fromkeys(getattr(o.case, key) for o in self.outcomes))


class EvaluationFileError(Exception):
    """The evaluation file cannot be read; the message says where."""


def load_cases(path: Path) -> list[Case]:
    """The cases of an evaluation file: a YAML list of {cat, q, expect, contains?, today?}."""
    try:
        rows = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise EvaluationFileError(f"{path}: lecture impossible ({error})") from error
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise EvaluationFileError(f"{path}:{mark.line + 1 if mark else 1}: YAML invalide") from error
    if not isinstance(rows, list):
        raise EvaluationFileError(f"{path}:1: une liste de questions est attendue")
    cases = []
    for index, row in enumerate(rows):
        if not isinstance(row, dict) or not isinstance(row.get("q"), str) or not isinstance(row.get("expect"), list):
            raise EvaluationFileError(f"{path}: entrée n°{index + 1} : « q » (texte) et « expect » (liste) sont requis")
        today = row.get("today")
        cases.append(
            Case(
                category=str(row.get("cat", "")),
                question=row["q"],
                expect=tuple(str(item) for item in row["expect"]),
                contains=tuple(str(item) for item in row.get("contains") or ()),
                not_contains=tuple(str(item) for item in row.get("not_contains") or ()),
                today=date.fromisoformat(str(today)) if today else None,
            )
        )
    return cases


def judge(case: Case, answer: Answer) -> Outcome:
    """Did `answer` do what `case` expects?"""
    if not case.expect:
        if answer.answered or answer.citations:
            return Outcome(case, answer, False, f"aurait dû refuser, a cité {_first(answer)}")
        return Outcome(case, answer, True)
    if not answer.answered or not answer.citations:
        return Outcome(case, answer, False, "pas de réponse")
    if answer.citations[0].id not in case.expect:
        return Outcome(case, answer, False, f"a cité {_first(answer)}, attendu {' ou '.join(case.expect)}")
    text = fold(answer.text)
    if case.contains and not any(fold(fragment) in text for fragment in case.contains):
        return Outcome(case, answer, False, f"la réponse ne contient aucun de {list(case.contains)}")
    if forbidden := [fragment for fragment in case.not_contains if fold(fragment) in text]:
        return Outcome(case, answer, False, f"la réponse contient {forbidden}")
    return Outcome(case, answer, True)


def evaluate(engine: Engine, cases: list[Case], today: date) -> Report:
    report = Report()
    for case in cases:
        answer = engine.answer(case.question, today=case.today or today)
        report.outcomes.append(judge(case, answer))
    return report


def _first(answer: Answer) -> str:
    return answer.citations[0].id if answer.citations else "rien"
