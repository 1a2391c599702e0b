"""Confirmed out-of-scope wordings (`knowledge/out_of_scope.yaml`): questions a maintainer said the
convention does not answer. They obey the example questions' rules (a wording belongs to one place
only), checked by the validator's own question check with the out-of-scope list as one more owner.
"""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz, process

from . import checks
from .french import comparable
from .schema import Clause, StrictModel
from .yamlfile import Problem, YamlDocument

OUT_OF_SCOPE = "hors-sujet"  # the owner named in messages ("déjà présente sous hors-sujet")
OUT_OF_SCOPE_FILE = "out_of_scope.yaml"
# fuzz.ratio of two comparable texts: as strict as small talk, so that only a rewording of a
# confirmed out-of-scope question is refused, never a longer in-scope question sharing its words.
SIMILARITY = 88


class OutOfScopeFile(StrictModel):
    questions: list[str]


def owner(owner_id: str, wordings: Iterable[str]) -> Clause:
    """A stand-in clause owning `wordings`, for the validator's question checks."""
    return Clause.model_construct(id=owner_id, questions=list(wordings))


def check_out_of_scope(wordings: list[str], document: YamlDocument, clauses: list[checks.Located]) -> list[Problem]:
    """The validator's question check, with the out-of-scope list as the last owner (so reported here)."""
    located = checks.Located(owner(OUT_OF_SCOPE, wordings), document, ())
    problems = [p for p in checks._check_questions([*clauses, located]) if p.path == document.path]
    for index, wording in enumerate(wordings):
        if message := too_close(wording, [item.clause for item in clauses]):
            problems.append(located.problem(("questions", index), message))
    return problems


def too_close(wording: str, clauses: Iterable[Clause]) -> str | None:
    """Why `wording` cannot be out of scope: the guard would refuse a clause's own example question."""
    guard, key = OutOfScope([wording]), comparable(wording)
    for clause in clauses:
        for question in clause.questions:
            if comparable(question) != key and question in guard:  # the same wording is reported already
                return f"« {wording} » ressemble à la question « {question} » de {clause.id} : elle serait refusée"
    return None


class OutOfScope:
    """Tells whether a message rewords a confirmed out-of-scope question."""

    def __init__(self, wordings: Iterable[str]) -> None:
        self._keys = [key for key in (comparable(w) for w in wordings) if key]

    def __contains__(self, text: str) -> bool:
        key = comparable(text)
        return bool(key and process.extractOne(key, self._keys, scorer=fuzz.ratio, score_cutoff=SIMILARITY))
