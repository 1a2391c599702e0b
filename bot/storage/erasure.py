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

    @property
    def total(self) -> int:
        return self.answers + self.feedback + self.settings + self.reminders


class ErasureStore(Database):
    async def forget(self, chat_id: int, user_id: int | None, *, whole_chat: bool = True) -> Forgotten:
        """Erase the person everywhere (every chat's questions and votes, their private chat's settings
        and reminders) and, if `whole_chat`, everything about this chat; scrub the bytes from the files."""
        user = self.keys.user(user_id)
        chats = [self.pseudonym("chat", user_id)] if user_id is not None else []  # their private chat
        if whole_chat:
            chats.append(self.pseudonym("chat", chat_id))
        marks = ", ".join("?" * len(chats)) or "NULL"

        def erase(db: sqlite3.Connection) -> Forgotten:
            where = f"user_key = ? OR chat_key IN ({marks})"
            db.execute(f"DELETE FROM chat_counts WHERE chat_key IN ({marks})", chats)
            return Forgotten(
                answers=db.execute(f"DELETE FROM answers WHERE {where}", (user, *chats)).rowcount,
                feedback=db.execute(f"DELETE FROM feedback WHERE {where}", (user, *chats)).rowcount,
                settings=db.execute(f"DELETE FROM chats WHERE chat_key IN ({marks})", chats).rowcount,
                reminders=db.execute(f"DELETE FROM reminders WHERE chat_key IN ({marks})", chats).rowcount,
            )

        forgotten = await self.run(erase)
        await asyncio.to_thread(self._scrub)
        return forgotten

    async def purge(self, retention_days: int) -> int:
        """Delete what is past its retention (by the clock): whole rows, never a column set to NULL (the
        old bytes would stay in the page); return how many rows went."""
        now = self.clock.now().astimezone(UTC)
        long_ago = (now - timedelta(days=retention_days)).isoformat()
        short_ago = (now - SHORT_RETENTION).isoformat()

        def delete(db: sqlite3.Connection) -> int:
            removed = db.execute("DELETE FROM feedback WHERE created_at < ?", (long_ago,)).rowcount
            removed += db.execute("DELETE FROM answers WHERE created_at < ?", (long_ago,)).rowcount
            removed += db.execute(
                "DELETE FROM answers WHERE created_at < ? AND answered = 1 AND score >= ?"
                " AND NOT EXISTS (SELECT 1 FROM feedback WHERE feedback.answer_id = answers.id)",
                (short_ago, LOW_CONFIDENCE),
            ).rowcount
            db.execute("DELETE FROM chat_counts WHERE day < ?", (long_ago[:10],))
            return removed

        removed = await self.run(delete)
        if removed:
            await asyncio.to_thread(self._scrub)
        return removed
