"""The one SQLite connection: pragmas, migrations, and a worker thread that runs one piece of work at a time.

All access goes through this connection in a worker thread, so concurrent writers queue
instead of failing with "database is locked".
"""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import Callable
from datetime import UTC
from pathlib import Path
from typing import TypeVar

from ..clock import Clock
from .migrations import MIGRATIONS, SCHEMA_VERSION
from .pseudonyms import Pseudonyms

T = TypeVar("T")
# WAL with synchronous=NORMAL: a power cut may lose the last commits, never corrupt the file.
PRAGMAS = ("journal_mode = WAL", "synchronous = NORMAL", "secure_delete = ON", "busy_timeout = 5000")


class Database:
    """The connection, its lock, the clock that stamps rows and the pseudonyms that key them."""

    def __init__(self, path: Path, secret: bytes, clock: Clock | None = None) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.clock = clock or Clock()
        self.keys = Pseudonyms(secret)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        for pragma in PRAGMAS:
            self._db.execute(f"PRAGMA {pragma}")
        self.migrate()

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
        """Run `work` on the connection in a worker thread, one at a time, in one transaction."""
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

    def read(self, sql: str, parameters: tuple[object, ...] = ()) -> list[sqlite3.Row]:
        """A synchronous read (the CLI's report), under the same lock."""
        with self._lock:
            return self._db.execute(sql, parameters).fetchall()

    def close(self) -> None:
        with self._lock:
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self._db.close()

    def pseudonym(self, kind: str, raw_id: int) -> str:
        """A stable, non-reversible key for a Telegram user or chat id."""
        return self.keys.pseudonym(kind, raw_id)

    def _scrub(self) -> None:
        """Push deleted pages out of the WAL into the (secure-deleted) main file, then empty the WAL."""
        with self._lock:
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def _stamp(self) -> str:
        """Now, as stored: UTC ISO 8601 (sorts as text, compares across time zones)."""
        return self.clock.now().astimezone(UTC).isoformat()
