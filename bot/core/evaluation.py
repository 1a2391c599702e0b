"""Scoring the engine on an evaluation file (the format of shared/eval/questions.yaml)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .answer import Answer
from .engine import Engine
from .french import fold
from .yamlfile import load_data

# The groups the targets speak of; every case falls in exactly one.
IN_SCOPE, OUT_OF_SCOPE, CALCULATION, SEVERAL = "in", "out", "calc", "multi"
# In `expect`, this id accepts a refusal as well as the clauses listed.
REFUSAL_OK = "none"


@dataclass(frozen=True)
class Case:
    category: str
    question: str
    expect: tuple[str, ...]
    contains: tuple[str, ...] = ()
    today: date | None = None
    not_contains: tuple[str, ...] = ()
    # One `expect` per question of a message holding several, in order (then `expect` is unused).
    expect_parts: tuple[tuple[str, ...], ...] = ()

    @property
    def group(self) -> str:
        if self.expect_parts:
            return SEVERAL
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
    """The cases of an evaluation file: a YAML list of {cat, q, expect | expect_parts, contains?, not_contains?,
    today?}."""
    import yaml  # here: the `ask` command, which imports this module, reads no YAML

    try:
        rows = load_data(path.read_text(encoding="utf-8"))  # by libyaml: 0.1 s for a 1,200-row table, not 0.5 s
    except (OSError, UnicodeDecodeError) as error:
        raise EvaluationFileError(f"{path}: lecture impossible ({error})") from error
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise EvaluationFileError(f"{path}:{mark.line + 1 if mark else 1}: YAML invalide") from error
    if not isinstance(rows, list):
        raise EvaluationFileError(f"{path}:1: une liste de questions est attendue")
    cases = []
    for index, row in enumerate(rows):
        parts = row.get("expect_parts") if isinstance(row, dict) else None
        if (
            not isinstance(row, dict)
            or not isinstance(row.get("q"), str)
            or not (isinstance(row.get("expect"), list) or _list_of_lists(parts))
        ):
            raise EvaluationFileError(
                f"{path}: entrée n°{index + 1} : « q » (texte) et « expect » (liste) ou « expect_parts » "
                "(liste de listes) sont requis"
            )
        today = row.get("today")
        cases.append(
            Case(
                category=str(row.get("cat", "")),
                question=row["q"],
                expect=tuple(str(item) for item in row.get("expect") or ()),
                contains=tuple(str(item) for item in row.get("contains") or ()),
                today=date.fromisoformat(str(today)) if today else None,
                not_contains=tuple(str(item) for item in row.get("not_contains") or ()),
                expect_parts=tuple(tuple(str(item) for item in part) for part in parts or ()),
            )
        )
    return cases


def judge(case: Case, answer: Answer) -> Outcome:
    """Did `answer` do what `case` expects?"""
    text = fold(" ".join(part.text for part in answer.all_parts))
    if found := [fragment for fragment in case.not_contains if holds(text, fragment)]:
        return Outcome(case, answer, False, f"la réponse contient {found}")
    if case.expect_parts:
        parts = answer.all_parts
        if len(parts) != len(case.expect_parts):
            return Outcome(case, answer, False, f"{len(parts)} réponse(s) pour {len(case.expect_parts)} questions")
        for number, (part, expect) in enumerate(zip(parts, case.expect_parts, strict=True), start=1):
            if problem := _problem(expect, part):
                return Outcome(case, answer, False, f"question {number} : {problem}")
        return Outcome(case, answer, True)
    if problem := _problem(case.expect, answer):
        return Outcome(case, answer, False, problem)
    if case.contains and not any(holds(text, fragment) for fragment in case.contains):
        return Outcome(case, answer, False, f"la réponse ne contient aucun de {list(case.contains)}")
    return Outcome(case, answer, True)


def holds(text: str, fragment: str) -> bool:
    """Does the folded answer `text` say `fragment` as a whole number: "2 décembre 2027" is not said by "12 décembre
    2027", nor "175" by "1 175" or "1750"; "212,5" is said by "212,50"."""
    fragment = fold(fragment)
    zeros = "0*" if re.search(r"\d[,.]\d+$", fragment) else ""  # a decimal's trailing zeros
    return re.search(rf"(?<!\d){re.escape(fragment)}{zeros}(?!\d)", text) is not None


def _problem(expect: tuple[str, ...], answer: Answer) -> str:
    """What is wrong with the first citation of `answer` given the accepted ids ("" if nothing)."""
    refused = not answer.answered and not answer.citations
    clauses = [item for item in expect if item != REFUSAL_OK]
    if refused:
        return "" if REFUSAL_OK in expect or not clauses else "pas de réponse"
    if not clauses:
        return f"aurait dû refuser, a cité {_first(answer)}"
    if not answer.citations or answer.citations[0].id not in clauses:
        return f"a cité {_first(answer)}, attendu {' ou '.join(expect)}"
    return ""


def _list_of_lists(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(item, list) for item in value)


def evaluate(engine: Engine, cases: list[Case], today: date) -> Report:
    report = Report()
    for case in cases:
        answer = engine.answer(case.question, today=case.today or today)
        report.outcomes.append(judge(case, answer))
    return report


def _first(answer: Answer) -> str:
    return answer.citations[0].id if answer.citations else "rien"
