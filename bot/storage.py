"""The bot's memory: one SQLite file, pseudonymous, purged, erasable.

What is kept and why (also told to users by /confidentialite):
- per chat: the signature date and the reminder choice (to compute its deadlines);
- per answer: the question, the clause and the score, so that feedback and the
  maintainers' report know what was asked. Well-answered questions without feedback are
  forgotten after a day; unanswered, doubtful or rated ones after `retention_days`;
- daily counters for /stats.
Users and chats are keyed by HMAC-SHA256 pseudonyms; a chat id needed to send a reminder is
stored encrypted (Fernet). No Telegram id, name or username is written in clear.
All access goes through one connection in a worker thread, so concurrent writers queue
instead of failing with "database is locked".
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import os
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TypeVar

from cryptography.fernet import Fernet, InvalidToken

from .core.answer import Answer

T = TypeVar("T")
SHORT_RETENTION = timedelta(days=1)  # a well-answered question nobody rated
LOW_CONFIDENCE = 0.55  # answered, but below this score the question goes to the maintainers' report

# Each migration takes the database from version N to N+1; never edit a published one.
MIGRATIONS = [
    """
    CREATE TABLE chats (
        chat_key TEXT PRIMARY KEY,
        signature_date TEXT,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE answers (
        id INTEGER PRIMARY KEY,
        chat_key TEXT NOT NULL,
        user_key TEXT,
        message_id INTEGER,
        question TEXT,
        kind TEXT NOT NULL,
        clause_id TEXT,
        candidates TEXT NOT NULL,
        score REAL NOT NULL,
        answered INTEGER NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE INDEX answers_by_message ON answers (chat_key, message_id);
    CREATE TABLE feedback (
        id INTEGER PRIMARY KEY,
        chat_key TEXT NOT NULL,
        user_key TEXT,
        clause_id TEXT NOT NULL,
        vote INTEGER NOT NULL,
        question TEXT,
        created_at TEXT NOT NULL
    );
    CREATE TABLE daily_counts (
        day TEXT NOT NULL,
        name TEXT NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (day, name)
    );
    """,
    """
    ALTER TABLE chats ADD COLUMN reminders INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE reminders (
        id INTEGER PRIMARY KEY,
        chat_key TEXT NOT NULL,
        chat_ref TEXT NOT NULL,
        deadline TEXT NOT NULL,
        due_at TEXT NOT NULL,
        sent_at TEXT
    );
    CREATE INDEX reminders_due ON reminders (sent_at, due_at);
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)


@dataclass(frozen=True)
class Reminder:
    id: int
    chat_id: int
    deadline: date
    due_at: datetime


@dataclass(frozen=True)
class Forgotten:
    answers: int
    feedback: int
    settings: int
    reminders: int


class Storage:
    """The database, opened once per process; every public method is safe to call concurrently."""

    def __init__(self, path: Path, secret: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._secret = secret
        self._fernet = Fernet(base64.urlsafe_b64encode(hashlib.sha256(b"chat-ref:" + secret).digest()))
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        # WAL with synchronous=NORMAL: a power cut may lose the last commits, never corrupt the file.
        pragmas = ("journal_mode = WAL", "synchronous = NORMAL", "secure_delete = ON", "busy_timeout = 5000")
        for pragma in pragmas:
            self._db.execute(f"PRAGMA {pragma}")
        self.migrate()

    # --- plumbing ---------------------------------------------------------------------------
    def migrate(self) -> None:
        """Apply the migrations missing from the file, each in its own transaction."""
        with self._lock:
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            for number in range(version, SCHEMA_VERSION):
                self._db.executescript(f"BEGIN; {MIGRATIONS[number]} PRAGMA user_version = {number + 1}; COMMIT;")

    @property
    def version(self) -> int:
        return self._db.execute("PRAGMA user_version").fetchone()[0]

    async def run(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """Run `work` on the connection in a worker thread, one at a time."""
        return await asyncio.to_thread(self._locked, work)

    def _locked(self, work: Callable[[sqlite3.Connection], T]) -> T:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                result = work(self._db)
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
            return result

    def close(self) -> None:
        with self._lock:
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self._db.close()

    def pseudonym(self, kind: str, raw_id: int) -> str:
        """A stable, non-reversible key for a Telegram user or chat id."""
        return hmac.new(self._secret, f"{kind}:{raw_id}".encode(), hashlib.sha256).hexdigest()

    # --- answers, feedback, counters --------------------------------------------------------
    async def record_answer(
        self, chat_id: int, user_id: int | None, message_id: int | None, answer: Answer, *, keep_text: bool
    ) -> None:
        chat, user = self.pseudonym("chat", chat_id), self._user(user_id)
        now = _now()
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
            _count(db, names)

        await self.run(write)

    async def record_feedback(
        self, chat_id: int, user_id: int | None, message_id: int, clause_id: str, vote: int
    ) -> None:
        chat, user = self.pseudonym("chat", chat_id), self._user(user_id)

        def write(db: sqlite3.Connection) -> None:
            row = db.execute(
                "SELECT question FROM answers WHERE chat_key = ? AND message_id = ? ORDER BY id DESC LIMIT 1",
                (chat, message_id),
            ).fetchone()
            db.execute(
                "INSERT INTO feedback (chat_key, user_key, clause_id, vote, question, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                (chat, user, clause_id, vote, row["question"] if row else None, _now()),
            )
            _count(db, ["feedback+" if vote > 0 else "feedback-"])

        await self.run(write)

    async def daily_counts(self, since: date) -> dict[str, int]:
        def read(db: sqlite3.Connection) -> dict[str, int]:
            rows = db.execute(
                "SELECT name, SUM(count) AS total FROM daily_counts WHERE day >= ? GROUP BY name", (since.isoformat(),)
            )
            return {row["name"]: row["total"] for row in rows}

        return await self.run(read)

    # --- per-chat settings and reminders ----------------------------------------------------
    async def set_signature(self, chat_id: int, signature: date) -> None:
        chat = self.pseudonym("chat", chat_id)
        await self.run(
            lambda db: db.execute(
                "INSERT INTO chats (chat_key, signature_date, updated_at) VALUES (?, ?, ?) ON CONFLICT (chat_key)"
                " DO UPDATE SET signature_date = excluded.signature_date, updated_at = excluded.updated_at",
                (chat, signature.isoformat(), _now()),
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
        chat, ref = self.pseudonym("chat", chat_id), self._fernet.encrypt(str(chat_id).encode()).decode()

        def write(db: sqlite3.Connection) -> list[Reminder]:
            db.execute("DELETE FROM reminders WHERE chat_key = ? AND sent_at IS NULL", (chat,))
            db.execute(
                "INSERT INTO chats (chat_key, reminders, updated_at) VALUES (?, ?, ?) ON CONFLICT (chat_key)"
                " DO UPDATE SET reminders = excluded.reminders, updated_at = excluded.updated_at",
                (chat, int(bool(due)), _now()),
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
            try:
                chat_id = int(self._fernet.decrypt(row["chat_ref"].encode()))
            except InvalidToken:  # written with another secret: unusable, and harmless
                continue
            pending.append(
                Reminder(row["id"], chat_id, date.fromisoformat(row["deadline"]), datetime.fromisoformat(row["due_at"]))
            )
        return pending

    async def mark_sent(self, reminder_id: int) -> bool:
        """Mark a reminder sent; False if it was already sent or erased (so it is sent once)."""
        cursor = await self.run(
            lambda db: db.execute(
                "UPDATE reminders SET sent_at = ? WHERE id = ? AND sent_at IS NULL", (_now(), reminder_id)
            )
        )
        return cursor.rowcount == 1

    async def move_chat(self, old_chat_id: int, new_chat_id: int) -> None:
        """A group became a supergroup: its settings, history and reminders follow it."""
        old, new = self.pseudonym("chat", old_chat_id), self.pseudonym("chat", new_chat_id)
        ref = self._fernet.encrypt(str(new_chat_id).encode()).decode()

        def move(db: sqlite3.Connection) -> None:
            if db.execute("SELECT 1 FROM chats WHERE chat_key = ?", (new,)).fetchone() is None:
                db.execute("UPDATE chats SET chat_key = ? WHERE chat_key = ?", (new, old))
            for name in ("answers", "feedback"):
                db.execute(f"UPDATE {name} SET chat_key = ? WHERE chat_key = ?", (new, old))
            db.execute("UPDATE reminders SET chat_key = ?, chat_ref = ? WHERE chat_key = ?", (new, ref, old))

        await self.run(move)

    # --- privacy ------------------------------------------------------------------------------
    async def forget(self, chat_id: int, user_id: int | None) -> Forgotten:
        """Erase everything about this chat and this user, and scrub the bytes from the files."""
        chat, user = self.pseudonym("chat", chat_id), self._user(user_id)

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

    async def purge(self, retention_days: int, now: datetime | None = None) -> int:
        """Delete question texts and feedback past their retention; return how many rows went."""
        now = now or datetime.now(UTC)
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

    def _scrub(self) -> None:
        """Push deleted pages out of the WAL into the (secure-deleted) main file, then empty the WAL."""
        with self._lock:
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def _user(self, user_id: int | None) -> str | None:
        return self.pseudonym("user", user_id) if user_id is not None else None

    # --- the maintainers' report (synchronous: used by the CLI) -------------------------------
    def questions_for_report(self, since: date) -> list[sqlite3.Row]:
        with self._lock:
            return self._db.execute(
                "SELECT question, kind, clause_id, candidates, score, answered, created_at FROM answers"
                " WHERE created_at >= ? AND question IS NOT NULL AND (answered = 0 OR score < ?) AND kind != 'smalltalk'",
                (since.isoformat(), LOW_CONFIDENCE),
            ).fetchall()

    def feedback_for_report(self, since: date) -> list[sqlite3.Row]:
        with self._lock:
            return self._db.execute(
                "SELECT clause_id, vote, question FROM feedback WHERE created_at >= ?", (since.isoformat(),)
            ).fetchall()


def _count(db: sqlite3.Connection, names: list[str]) -> None:
    day = datetime.now(UTC).date().isoformat()
    for name in names:
        db.execute(
            "INSERT INTO daily_counts (day, name, count) VALUES (?, ?, 1)"
            " ON CONFLICT (day, name) DO UPDATE SET count = count + 1",
            (day, name),
        )


def _now() -> str:
    return datetime.now(UTC).isoformat()


def load_secret(environment_value: str | None, secret_file: Path) -> bytes:
    """The pseudonymization secret: from the environment, else from a file made on first use (0600)."""
    if environment_value:
        return environment_value.encode()
    try:
        return secret_file.read_bytes().strip()
    except FileNotFoundError:
        secret_file.parent.mkdir(parents=True, exist_ok=True)
        value = base64.urlsafe_b64encode(os.urandom(32))
        descriptor = os.open(secret_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(value)
        return value
