"""Learned examples: wordings admins taught in /revue, used at once by merging them into the knowledge.

A learned example is an example question of one clause, or a confirmed out-of-scope wording. It
obeys the YAML's rules, checked by the validator's own checks (a wording belongs to one clause
only, it is no small-talk pattern). An example already written in the YAML under the same owner
(after `learned export --write` and /reload) is simply there already: nothing is counted twice.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass

from . import checks
from .french import comparable
from .knowledge import Knowledge
from .out_of_scope import OUT_OF_SCOPE, owner, too_close
from .yamlfile import Problem, YamlDocument

LEARNED_PATH = "appris"  # problems read "appris:12: …", 12 being the learned example's number
MAX_WORDING_CHARS = 300  # an example is a question, not a forwarded e-mail


@dataclass(frozen=True)
class LearnedExample:
    id: int
    target: str  # a clause id, or OUT_OF_SCOPE
    wording: str
    taught_by: str = ""  # the admin's pseudonym
    taught_at: str = ""


def owners(knowledge: Knowledge) -> dict[str, str]:
    """Every wording the knowledge holds (comparable form) and who owns it: a clause or OUT_OF_SCOPE."""
    found = {comparable(q): clause.id for clause in knowledge.clauses.values() for q in clause.questions}
    found.update((comparable(q), OUT_OF_SCOPE) for q in knowledge.out_of_scope)
    return found


def is_known(knowledge: Knowledge, example: LearnedExample) -> bool:
    """The example is already in the knowledge, under the same owner (exported, or taught twice)."""
    return owners(knowledge).get(comparable(example.wording)) == example.target


def check_learned(knowledge: Knowledge, examples: Iterable[LearnedExample]) -> list[Problem]:
    """What is wrong with `examples` against a valid `knowledge`, as the validator would say it."""
    known = owners(knowledge)
    base = [checks.Located(clause, YamlDocument("", {}), ()) for clause in knowledge.clauses.values()] + [
        checks.Located(owner(OUT_OF_SCOPE, knowledge.out_of_scope), YamlDocument("", {}), ())
    ]
    problems: list[Problem] = []
    learned = []
    for example in examples:
        if known.get(comparable(example.wording)) == example.target:
            continue
        document = YamlDocument(LEARNED_PATH, {}, {(): example.id})
        located = checks.Located(owner(example.target, [example.wording]), document, ())
        if example.target != OUT_OF_SCOPE and example.target not in knowledge.clauses:
            problems.append(located.problem("id", f"clause « {example.target} » inconnue"))
        elif len(example.wording) > MAX_WORDING_CHARS:
            problems.append(
                located.problem("questions", f"formulation trop longue (plus de {MAX_WORDING_CHARS} caractères)")
            )
        elif example.target == OUT_OF_SCOPE and (message := too_close(example.wording, knowledge.clauses.values())):
            problems.append(located.problem("questions", message))
        problems.extend(checks._check_smalltalk(list(knowledge.smalltalk), document, [located]))
        learned.append(located)
    problems.extend(p for p in checks._check_questions([*base, *learned]) if p.path == LEARNED_PATH)
    return problems


def with_learned(knowledge: Knowledge, examples: Iterable[LearnedExample]) -> tuple[Knowledge, list[Problem]]:
    """`knowledge` plus the valid `examples` (the invalid ones are left out and returned as problems)."""
    examples = list(examples)
    problems = check_learned(knowledge, examples)
    rejected = {problem.line for problem in problems}
    extra: dict[str, list[str]] = {}
    for example in examples:
        if example.id not in rejected and not is_known(knowledge, example):
            extra.setdefault(example.target, []).append(example.wording)
    if not extra:
        return knowledge, problems
    clauses = {
        clause_id: clause.model_copy(update={"questions": [*clause.questions, *extra[clause_id]]})
        if clause_id in extra
        else clause
        for clause_id, clause in knowledge.clauses.items()
    }
    refused = (*knowledge.out_of_scope, *extra.get(OUT_OF_SCOPE, ()))
    return dataclasses.replace(knowledge, clauses=clauses, out_of_scope=refused), problems
