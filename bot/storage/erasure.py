"""Forgetting: /oubli erases a person and a chat; retention purges old questions and feedback."""

from __future__ import annotations

import asyncio
import sqlite3
from dataclasses import dataclass
from datetime import UTC, timedelta

from .connection import Database

SHORT_RETENTION = timedelta(days=1)  # a well-answered question nobody rated
LOW_CONFIDENCE = 0.55  # answered, but below this score the question goes to the maintainers' report


@dataclass(frozen=True)
class Forgotten:
    answers: int
    feedback: int
    settings: int
    reminders: int


class ErasureStore(Database):
    async def forget(self, chat_id: int, user_id: int | None) -> Forgotten:
        """Erase everything about this chat and this user, and scrub the bytes from the files."""
        chat, user = self.pseudonym("chat", chat_id), self.keys.user(user_id)

        def erase(db: sqlite3.Connection) -> Forgotten:
            where = "chat_key = ? OR user_key = ?"
            return Forgotten(
                answers=db.execute(f"DELETE FROM answers WHERE {where}", (chat, user)).rowcount,
                feedback=db.execute(f"DELETE FROM feedback WHERE {where}", (chat, user)).rowcount,
                settings=db.execute("DELETE FROM chats WHERE chat_key = ?", (chat,)).rowcount,
                reminders=db.execute("DELETE FROM reminders WHERE chat_key = ?", (chat,)).rowcount,
            )

        forgotten = await self.run(erase)
        await asyncio.to_thread(self._scrub)
        return forgotten

    async def purge(self, retention_days: int) -> int:
        """Delete question texts and feedback past their retention (by the clock); return how many rows went."""
        now = self.clock.now().astimezone(UTC)
        long_ago = (now - timedelta(days=retention_days)).isoformat()
        short_ago = (now - SHORT_RETENTION).isoformat()

        def delete(db: sqlite3.Connection) -> int:
            removed = db.execute("DELETE FROM answers WHERE created_at < ?", (long_ago,)).rowcount
            removed += db.execute("DELETE FROM feedback WHERE created_at < ?", (long_ago,)).rowcount
            removed += db.execute(
                "UPDATE answers SET question = NULL WHERE question IS NOT NULL AND created_at < ? AND answered = 1"
                " AND score >= ? AND NOT EXISTS (SELECT 1 FROM feedback WHERE feedback.chat_key = answers.chat_key"
                " AND feedback.question = answers.question)",
                (short_ago, LOW_CONFIDENCE),
            ).rowcount
            return removed

        removed = await self.run(delete)
        if removed:
            await asyncio.to_thread(self._scrub)
        return removed
