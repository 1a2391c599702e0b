"""Per-chat settings (signature date, reminder choice), the reminders themselves, and chat migration."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, datetime

from .connection import Database


@dataclass(frozen=True)
class Reminder:
    id: int
    chat_id: int
    deadline: date
    due_at: datetime


class ChatStore(Database):
    async def set_signature(self, chat_id: int, signature: date) -> None:
        chat, now = self.pseudonym("chat", chat_id), self._stamp()
        await self.run(
            lambda db: db.execute(
                "INSERT INTO chats (chat_key, signature_date, updated_at) VALUES (?, ?, ?) ON CONFLICT (chat_key)"
                " DO UPDATE SET signature_date = excluded.signature_date, updated_at = excluded.updated_at",
                (chat, signature.isoformat(), now),
            )
        )

    async def signature(self, chat_id: int) -> date | None:
        chat = self.pseudonym("chat", chat_id)
        row = await self.run(
            lambda db: db.execute("SELECT signature_date FROM chats WHERE chat_key = ?", (chat,)).fetchone()
        )
        return date.fromisoformat(row["signature_date"]) if row and row["signature_date"] else None

    async def set_reminders(self, chat_id: int, due: list[tuple[date, datetime]]) -> list[Reminder]:
        """Replace the chat's pending reminders by `due` ((deadline, due_at) pairs); [] turns them off."""
        chat, ref, now = self.pseudonym("chat", chat_id), self.keys.encrypt_chat(chat_id), self._stamp()

        def write(db: sqlite3.Connection) -> list[Reminder]:
            db.execute("DELETE FROM reminders WHERE chat_key = ? AND sent_at IS NULL", (chat,))
            db.execute(
                "INSERT INTO chats (chat_key, reminders, updated_at) VALUES (?, ?, ?) ON CONFLICT (chat_key)"
                " DO UPDATE SET reminders = excluded.reminders, updated_at = excluded.updated_at",
                (chat, int(bool(due)), now),
            )
            created = []
            for deadline, due_at in due:
                cursor = db.execute(
                    "INSERT INTO reminders (chat_key, chat_ref, deadline, due_at) VALUES (?, ?, ?, ?)",
                    (chat, ref, deadline.isoformat(), due_at.isoformat()),
                )
                created.append(Reminder(cursor.lastrowid or 0, chat_id, deadline, due_at))
            return created

        return await self.run(write)

    async def reminders_enabled(self, chat_id: int) -> bool:
        chat = self.pseudonym("chat", chat_id)
        row = await self.run(
            lambda db: db.execute("SELECT reminders FROM chats WHERE chat_key = ?", (chat,)).fetchone()
        )
        return bool(row and row["reminders"])

    async def pending_reminders(self) -> list[Reminder]:
        rows = await self.run(
            lambda db: db.execute(
                "SELECT id, chat_ref, deadline, due_at FROM reminders WHERE sent_at IS NULL"
            ).fetchall()
        )
        pending = []
        for row in rows:
            chat_id = self.keys.decrypt_chat(row["chat_ref"])
            if chat_id is not None:
                deadline, due_at = date.fromisoformat(row["deadline"]), datetime.fromisoformat(row["due_at"])
                pending.append(Reminder(row["id"], chat_id, deadline, due_at))
        return pending

    async def mark_sent(self, reminder_id: int) -> bool:
        """Mark a reminder sent; False if it was already sent or erased (so it is sent once)."""
        now = self._stamp()
        cursor = await self.run(
            lambda db: db.execute(
                "UPDATE reminders SET sent_at = ? WHERE id = ? AND sent_at IS NULL", (now, reminder_id)
            )
        )
        return cursor.rowcount == 1

    async def move_chat(self, old_chat_id: int, new_chat_id: int) -> None:
        """A group became a supergroup: its settings, history and reminders follow it."""
        old, new = self.pseudonym("chat", old_chat_id), self.pseudonym("chat", new_chat_id)
        ref = self.keys.encrypt_chat(new_chat_id)

        def move(db: sqlite3.Connection) -> None:
            if db.execute("SELECT 1 FROM chats WHERE chat_key = ?", (new,)).fetchone() is None:
                db.execute("UPDATE chats SET chat_key = ? WHERE chat_key = ?", (new, old))
            for name in ("answers", "feedback"):
                db.execute(f"UPDATE {name} SET chat_key = ? WHERE chat_key = ?", (new, old))
            db.execute("UPDATE reminders SET chat_key = ?, chat_ref = ? WHERE chat_key = ?", (new, ref, old))

        await self.run(move)
