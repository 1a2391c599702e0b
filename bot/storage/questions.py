"""What was asked and how it was rated: answers, feedback, and the daily counters of /stats."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

from ..core.answer import Answer
from .connection import Database


class QuestionStore(Database):
    async def record_answer(
        self, chat_id: int, user_id: int | None, message_id: int | None, answer: Answer, *, keep_text: bool
    ) -> None:
        chat, user, now, day = self.pseudonym("chat", chat_id), self.keys.user(user_id), self._stamp(), self._day()
        clause = answer.citations[0].id if answer.citations else None
        candidates = json.dumps([c.id for c in answer.citations[:1]] + list(answer.alternatives))
        names = ["asked", answer.kind] + ([f"clause:{clause}"] if clause else [])

        def write(db: sqlite3.Connection) -> None:
            db.execute(
                "INSERT INTO answers (chat_key, user_key, message_id, question, kind, clause_id, candidates, score,"
                " answered, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (chat, user, message_id, answer.question if keep_text else None, answer.kind, clause, candidates,
                 answer.score, int(answer.answered), now),
            )  # fmt: skip
            _count(db, day, names)

        await self.run(write)

    async def record_feedback(
        self, chat_id: int, user_id: int | None, message_id: int, clause_id: str, vote: int
    ) -> None:
        chat, user, now, day = self.pseudonym("chat", chat_id), self.keys.user(user_id), self._stamp(), self._day()

        def write(db: sqlite3.Connection) -> None:
            row = db.execute(
                "SELECT question FROM answers WHERE chat_key = ? AND message_id = ? ORDER BY id DESC LIMIT 1",
                (chat, message_id),
            ).fetchone()
            db.execute(
                "INSERT INTO feedback (chat_key, user_key, clause_id, vote, question, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                (chat, user, clause_id, vote, row["question"] if row else None, now),
            )
            _count(db, day, ["feedback+" if vote > 0 else "feedback-"])

        await self.run(write)

    async def daily_counts(self, since: date) -> dict[str, int]:
        def read(db: sqlite3.Connection) -> dict[str, int]:
            rows = db.execute(
                "SELECT name, SUM(count) AS total FROM daily_counts WHERE day >= ? GROUP BY name", (since.isoformat(),)
            )
            return {row["name"]: row["total"] for row in rows}

        return await self.run(read)

    def _day(self) -> str:
        return self.clock.today().isoformat()  # the users' day, as /stats counts back from it


def _count(db: sqlite3.Connection, day: str, names: list[str]) -> None:
    for name in names:
        db.execute(
            "INSERT INTO daily_counts (day, name, count) VALUES (?, ?, 1)"
            " ON CONFLICT (day, name) DO UPDATE SET count = count + 1",
            (day, name),
        )
