"""The maintainers' report: what the bot could not answer well, and what users rated down.

Unanswered and low-confidence questions are grouped by similarity (rapidfuzz), so that a
maintainer sees "12 × résiliation anticipée" once and turns it into example questions.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from .core.french import comparable
from .core.knowledge import Knowledge

SIMILAR = 75  # token_sort_ratio of two questions of one group
MAX_EXAMPLES = 3


@dataclass
class QuestionGroup:
    representative: str
    questions: list[str] = field(default_factory=list)
    candidates: Counter[str] = field(default_factory=Counter)
    unanswered: int = 0

    @property
    def best_candidate(self) -> str:
        return self.candidates.most_common(1)[0][0] if self.candidates else ""


@dataclass
class ClauseFeedback:
    likes: int = 0
    dislikes: int = 0
    disliked_questions: list[str] = field(default_factory=list)


@dataclass
class Report:
    groups: list[QuestionGroup]
    feedback: dict[str, ClauseFeedback]


def build_report(questions: Iterable[Mapping], feedback: Iterable[Mapping]) -> Report:
    """Group the questions (rows with question, candidates, answered) and tally the feedback."""
    groups: list[QuestionGroup] = []
    for row in questions:
        key = comparable(row["question"])
        group = next((g for g in groups if fuzz.token_sort_ratio(key, g.representative) >= SIMILAR), None)
        if group is None:
            group = QuestionGroup(key)
            groups.append(group)
        group.questions.append(row["question"])
        group.unanswered += not row["answered"]
        group.candidates.update(json.loads(row["candidates"])[:1])
    groups.sort(key=lambda g: -len(g.questions))
    tally: dict[str, ClauseFeedback] = {}
    for row in feedback:
        entry = tally.setdefault(row["clause_id"], ClauseFeedback())
        if row["vote"] > 0:
            entry.likes += 1
        else:
            entry.dislikes += 1
            if row["question"]:
                entry.disliked_questions.append(row["question"])
    return Report(groups, dict(sorted(tally.items(), key=lambda item: -item[1].dislikes)))


def to_markdown(report: Report, knowledge: Knowledge) -> str:
    lines = ["# Rapport pour les mainteneurs", "", "## Questions sans réponse ou peu sûres", ""]
    if not report.groups:
        lines.append("Aucune.")
    for group in report.groups:
        examples = " ; ".join(f"« {q} »" for q in dict.fromkeys(group.questions[:MAX_EXAMPLES]))
        lines.append(
            f"- **{len(group.questions)} ×** {examples} — sans réponse : {group.unanswered} ; "
            f"clause la plus proche : {_clause_name(group.best_candidate, knowledge)}"
        )
    lines += ["", "## Avis par clause", ""]
    if not report.feedback:
        lines.append("Aucun avis.")
    for clause_id, entry in report.feedback.items():
        worst = " ; ".join(f"« {q} »" for q in entry.disliked_questions[:MAX_EXAMPLES])
        lines.append(
            f"- {_clause_name(clause_id, knowledge)} : 👍 {entry.likes} / 👎 {entry.dislikes}"
            + (f" — questions notées 👎 : {worst}" if worst else "")
        )
    return "\n".join(lines) + "\n"


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet would run such a cell as a formula


def to_csv(report: Report) -> str:
    output = io.StringIO()
    writer = _SafeWriter(csv.writer(output))
    writer.writerow(["section", "count", "unanswered", "clause", "likes", "dislikes", "examples"])
    for group in report.groups:
        examples = " | ".join(dict.fromkeys(group.questions[:MAX_EXAMPLES]))
        writer.writerow(["question", len(group.questions), group.unanswered, group.best_candidate, "", "", examples])
    for clause_id, entry in report.feedback.items():
        examples = " | ".join(entry.disliked_questions[:MAX_EXAMPLES])
        writer.writerow(
            ["feedback", entry.likes + entry.dislikes, "", clause_id, entry.likes, entry.dislikes, examples]
        )
    return output.getvalue()


class _SafeWriter:
    """A csv writer whose text cells cannot start a formula (a leading apostrophe, as OWASP advises)."""

    def __init__(self, writer: Any) -> None:
        self.writer = writer

    def writerow(self, row: list[Any]) -> None:
        self.writer.writerow(
            [f"'{cell}" if isinstance(cell, str) and cell.startswith(FORMULA_STARTS) else cell for cell in row]
        )


def _clause_name(clause_id: str, knowledge: Knowledge) -> str:
    clause = knowledge.clauses.get(clause_id)
    return f"{clause.ref} ({clause.title})" if clause else "aucune"
