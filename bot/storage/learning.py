"""The review queue of /revue and the examples admins taught there.

The queue is not a copy: it is read from the stored answers and 👎 feedback, so it holds only
what retention keeps, and /oubli empties it of a person's questions with the rest of their data.
A taught example keeps only the wording the admin approved, the clause, and the admin's pseudonym.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from ..core.learned import LearnedExample
from .connection import Database
from .erasure import LOW_CONFIDENCE


class LearningStore(Database):
    async def review_rows(self) -> list[dict[str, object]]:
        """Unreviewed refused, doubtful or 👎 questions, oldest first, keyed "a<id>" or "f<id>"."""

        def read(db: sqlite3.Connection) -> list[dict[str, object]]:
            answers = db.execute(
                "SELECT 'a' || id AS key, question, candidates, answered FROM answers WHERE question IS NOT NULL"
                " AND reviewed_at IS NULL AND (answered = 0 OR score < ?) AND kind NOT IN ('smalltalk', 'calculation')"
                " ORDER BY id",
                (LOW_CONFIDENCE,),
            ).fetchall()
            disliked = db.execute(
                "SELECT 'f' || id AS key, question, json_array(clause_id) AS candidates, 1 AS answered FROM feedback"
                " WHERE vote < 0 AND question IS NOT NULL AND reviewed_at IS NULL ORDER BY id"
            ).fetchall()
            return [dict(row) for row in [*answers, *disliked]]

        return await self.run(read)

    async def mark_reviewed(self, questions: Iterable[str]) -> None:
        """Take these texts out of the queue (the rows stay until their retention ends)."""
        texts, now = list(questions), self._stamp()
        await self.run(lambda db: _mark_reviewed(db, texts, now))

    async def teach(self, target: str, wording: str, admin_id: int, questions: Iterable[str]) -> int:
        """Store `wording` as an example of `target` (a clause id or out of scope); the group leaves the queue."""
        admin, now, texts = self.pseudonym("user", admin_id), self._stamp(), list(questions)

        def write(db: sqlite3.Connection) -> int:
            cursor = db.execute(
                "INSERT INTO learned_examples (target, wording, taught_by, created_at) VALUES (?, ?, ?, ?)",
                (target, wording, admin, now),
            )
            _mark_reviewed(db, texts, now)
            return cursor.lastrowid or 0

        return await self.run(write)

    async def learned_examples(self) -> list[LearnedExample]:
        rows = await self.run(
            lambda db: db.execute(
                "SELECT id, target, wording, taught_by, created_at FROM learned_examples ORDER BY id"
            ).fetchall()
        )
        return [LearnedExample(r["id"], r["target"], r["wording"], r["taught_by"], r["created_at"]) for r in rows]

    async def taught_counts(self) -> dict[str, int]:
        """How many examples each admin (by pseudonym) taught, most first."""
        rows = await self.run(
            lambda db: db.execute(
                "SELECT taught_by, COUNT(*) AS n FROM learned_examples GROUP BY taught_by ORDER BY n DESC"
            ).fetchall()
        )
        return {row["taught_by"]: row["n"] for row in rows}

    async def drop_learned(self, example_id: int) -> bool:
        cursor = await self.run(lambda db: db.execute("DELETE FROM learned_examples WHERE id = ?", (example_id,)))
        return cursor.rowcount == 1


def _mark_reviewed(db: sqlite3.Connection, texts: list[str], now: str) -> None:
    for table in ("answers", "feedback"):
        db.executemany(f"UPDATE {table} SET reviewed_at = ? WHERE question = ?", [(now, text) for text in texts])
