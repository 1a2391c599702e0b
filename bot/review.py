"""The review queue of /revue: what the bot missed, grouped like the maintainers' report, best first.

A group is named by the key of its first row ("a12": answer 12, "f3": feedback 3), so that a
button tapped later finds it again in the queue rebuilt from the database.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from .core.engine import Engine
from .report import build_report

MAX_CLAUSES = 3


@dataclass(frozen=True)
class ReviewGroup:
    key: str
    wording: str  # the group's most frequent text: what an admin approves or edits
    count: int
    refused: int
    clauses: tuple[str, ...]  # the bot's best clauses for it, best first
    questions: tuple[str, ...]  # every distinct text of the group, to mark them reviewed


def review_queue(rows: Iterable[Mapping], engine: Engine, today: date) -> list[ReviewGroup]:
    """Group `rows` (key, question, candidates, answered), most frequent group first."""
    rows = list(rows)
    report = build_report(rows, [])
    groups = []
    for group in report.groups:
        texts = set(group.questions)
        wording = Counter(group.questions).most_common(1)[0][0]
        answer = engine.answer(wording, today=today)
        ranked = [*(c for c, _ in group.candidates.most_common()), *(c.id for c in answer.citations)]
        ranked += answer.alternatives
        clauses = tuple(c for c in dict.fromkeys(ranked) if c in engine.knowledge.clauses)[:MAX_CLAUSES]
        key = next(row["key"] for row in rows if row["question"] in texts)
        groups.append(ReviewGroup(key, wording, len(group.questions), group.unanswered, clauses, tuple(texts)))
    return groups


def find_group(groups: list[ReviewGroup], key: str) -> ReviewGroup | None:
    return next((group for group in groups if group.key == key), None)
