"""The update journal: no update is lost between Telegram and the handlers.

Telegram forgets an update once the bot confirms it (the next `getUpdates` offset, or a 200
answer to a webhook call). Each update is written here *before* that confirmation, removed
when its handlers have finished, and replayed at start if it was not: a crash loses nothing,
and at most the updates being handled at the crash are answered twice.
The ids of finished updates are kept for `DONE_RETENTION` (longer than Telegram keeps an
update), so that a re-delivery or a replayed webhook call is recognised and not answered again.
A journal row holds the whole update (names, text): it lives only while the update is handled.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Awaitable, Callable, Iterable
from datetime import UTC, timedelta
from typing import TypeVar

from .clock import Clock

T = TypeVar("T")
Runner = Callable[[Callable[[sqlite3.Connection], T]], Awaitable[T]]
DONE_RETENTION = timedelta(days=2)  # Telegram keeps an unconfirmed update for 24 hours


class UpdateJournal:
    """Updates received but not yet handled, on the bot's database (through `run`, the storage's worker)."""

    def __init__(self, run: Runner, clock: Clock | None = None) -> None:
        self._run = run
        self._clock = clock or Clock()
        self._finished: list[int] = []
        self._flush: asyncio.Future[None] | None = None

    async def record(self, updates: Iterable[tuple[int, str]]) -> set[int]:
        """Write each (update_id, JSON body) not seen before; return the ids that are new."""
        batch = list(updates)
        if not batch:
            return set()
        now = self._stamp()

        def write(db: sqlite3.Connection) -> set[int]:
            new = set()
            for update_id, body in batch:
                if db.execute("SELECT 1 FROM update_done WHERE update_id = ?", (update_id,)).fetchone():
                    continue
                cursor = db.execute(
                    "INSERT OR IGNORE INTO update_journal (update_id, body, received_at) VALUES (?, ?, ?)",
                    (update_id, body, now),
                )
                if cursor.rowcount:
                    new.add(update_id)
            return new

        return await self._run(write)

    async def finish(self, update_id: int) -> None:
        """The update's handlers are done: forget its body, remember its id. Returns once written;
        the updates finished at the same moment share one transaction."""
        self._finished.append(update_id)
        if self._flush is None:
            self._flush = asyncio.ensure_future(self._write_finished())
        await asyncio.shield(self._flush)

    async def _write_finished(self) -> None:
        await asyncio.sleep(0)  # let the other updates finishing now join this write
        ids, self._finished, self._flush = self._finished, [], None
        now = self._stamp()

        def write(db: sqlite3.Connection) -> None:
            db.executemany("DELETE FROM update_journal WHERE update_id = ?", [(i,) for i in ids])
            db.executemany(
                "INSERT OR IGNORE INTO update_done (update_id, done_at) VALUES (?, ?)", [(i, now) for i in ids]
            )

        await self._run(write)

    async def pending(self) -> list[tuple[int, str]]:
        """Updates received by an earlier run and never finished, oldest first."""
        rows = await self._run(
            lambda db: db.execute("SELECT update_id, body FROM update_journal ORDER BY update_id").fetchall()
        )
        return [(row[0], row[1]) for row in rows]

    async def purge(self) -> int:
        """Forget the ids of updates finished long ago; return how many went."""
        before = self._stamp(-DONE_RETENTION)
        return await self._run(lambda db: db.execute("DELETE FROM update_done WHERE done_at < ?", (before,)).rowcount)

    def _stamp(self, shift: timedelta = timedelta(0)) -> str:
        # Stored in UTC: rows are compared as text, so every stamp must carry the same offset.
        return (self._clock.now() + shift).astimezone(UTC).isoformat()
