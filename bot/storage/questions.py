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
            _count(db, day, names, chat)

        await self.run(write)

    async def record_feedback(
        self, chat_id: int, user_id: int | None, message_id: int, clause_id: str, vote: int
    ) -> bool:
        """Keep a user's vote on one answer (the clause and the answer's id, never a copy of its text);
        a second tap replaces the first. False if nothing changed (the same vote again)."""
        chat, user, now, day = self.pseudonym("chat", chat_id), self.keys.user(user_id), self._stamp(), self._day()

        def write(db: sqlite3.Connection) -> bool:
            answer = db.execute(
                "SELECT id FROM answers WHERE chat_key = ? AND message_id = ? ORDER BY id DESC LIMIT 1",
                (chat, message_id),
            ).fetchone()
            answer_id = answer["id"] if answer else None
            earlier = db.execute(
                "SELECT id, vote FROM feedback WHERE answer_id IS ? AND user_key IS ? AND chat_key = ? AND clause_id = ?",
                (answer_id, user, chat, clause_id),
            ).fetchone()
            if earlier is not None and earlier["vote"] == vote:
                return False
            if earlier is not None:
                db.execute("UPDATE feedback SET vote = ?, created_at = ? WHERE id = ?", (vote, now, earlier["id"]))
            else:
                db.execute(
                    "INSERT INTO feedback (chat_key, user_key, clause_id, vote, answer_id, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    (chat, user, clause_id, vote, answer_id, now),
                )
            _count(db, day, ["feedback+" if vote > 0 else "feedback-"], chat)
            return True

        return await self.run(write)

    async def daily_counts(self, since: date, chat_id: int | None = None) -> dict[str, int]:
        """Counters since `since`: every chat's, or one chat's (a group's /stats shows only that group)."""
        chat = self.pseudonym("chat", chat_id) if chat_id is not None else None

        def read(db: sqlite3.Connection) -> dict[str, int]:
            if chat is None:
                sql, parameters = (
                    "SELECT name, SUM(count) AS total FROM daily_counts WHERE day >= ? GROUP BY name",
                    (since.isoformat(),),
                )
            else:
                sql = "SELECT name, SUM(count) AS total FROM chat_counts WHERE day >= ? AND chat_key = ? GROUP BY name"
                parameters = (since.isoformat(), chat)
            return {row["name"]: row["total"] for row in db.execute(sql, parameters)}

        return await self.run(read)

    def _day(self) -> str:
        return self.clock.today().isoformat()  # the users' day, as /stats counts back from it


def _count(db: sqlite3.Connection, day: str, names: list[str], chat: str) -> None:
    for name in names:
        db.execute(
            "INSERT INTO daily_counts (day, name, count) VALUES (?, ?, 1)"
            " ON CONFLICT (day, name) DO UPDATE SET count = count + 1",
            (day, name),
        )
        db.execute(
            "INSERT INTO chat_counts (chat_key, day, name, count) VALUES (?, ?, ?, 1)"
            " ON CONFLICT (chat_key, day, name) DO UPDATE SET count = count + 1",
            (chat, day, name),
        )
