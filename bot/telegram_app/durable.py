"""Updates that survive a crash, and polling that knows when it is dead.

`JournalBot.get_updates` writes each batch to the journal before returning it, so the batch is
on disk before the next call's offset confirms it to Telegram; it hands on only updates not
seen before (a Telegram re-delivery of an update replayed from the journal is dropped), and it
keeps the offset moving past the dropped ones. `PollingWatch` notes every successful poll (for
the health check) and gives up for good on a revoked token or repeated fatal errors, so that the
process ends (code 2) instead of living on without answering.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Sequence
from typing import Any

from telegram import Update
from telegram.error import InvalidToken, NetworkError, TelegramError
from telegram.ext import Application, ExtBot

from ..journal import UpdateJournal

log = logging.getLogger(__name__)
MAX_FATAL_ERRORS = 5  # Telegram refusing polling (not the network) this many times in a row: give up


class PollingWatch:
    """When polling last worked, and whether it failed for good."""

    def __init__(self, max_errors: int = MAX_FATAL_ERRORS) -> None:
        self.max_errors = max_errors
        self.last_success: float | None = None
        self.errors = 0
        self.fatal: str | None = None
        self.on_fatal: Callable[[], None] | None = None

    def succeeded(self) -> None:
        self.last_success = time.time()
        self.errors = 0

    def failed(self, error: TelegramError) -> None:
        if isinstance(error, NetworkError):  # Telegram unreachable or overloaded: it comes back
            return
        self.errors += 1
        if isinstance(error, InvalidToken):
            self.give_up("Jeton Telegram refusé par le serveur (invalide ou révoqué) : arrêt du bot.")
        elif self.errors >= self.max_errors:
            self.give_up(f"Telegram refuse la réception des messages ({error}) : arrêt du bot.")

    def give_up(self, reason: str) -> None:
        if self.fatal is None:
            self.fatal = reason
            log.critical("polling stopped for good: %s", reason)
            if self.on_fatal is not None:
                self.on_fatal()


class JournalBot(ExtBot[None]):
    """The bot whose `get_updates` journals each batch before Telegram is told it was received."""

    def __init__(self, *args: Any, journal: UpdateJournal, watch: PollingWatch, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        with self._unfrozen():
            self.journal = journal
            self.watch = watch
            self.next_offset = 0

    async def get_updates(self, offset: int | None = None, *args: Any, **kwargs: Any) -> tuple[Update, ...]:
        if self.next_offset:
            offset = max(offset or 0, self.next_offset)
        try:
            updates: Sequence[Update] = await super().get_updates(offset, *args, **kwargs)
        except TelegramError as error:
            self.watch.failed(error)
            raise
        self.watch.succeeded()
        if not updates:
            return ()
        new = await self.journal.record((update.update_id, update.to_json()) for update in updates)
        with self._unfrozen():  # moved only once journaled: a failed write is fetched again
            self.next_offset = updates[-1].update_id + 1
        return tuple(update for update in updates if update.update_id in new)


async def replay(application: Application, journal: UpdateJournal) -> int:
    """At start: hand the updates an earlier run received but did not finish to the handlers again."""
    pending = await journal.pending()
    for _, body in pending:
        await application.update_queue.put(Update.de_json(json.loads(body), application.bot))
    if pending:
        log.warning("replaying %d update(s) left unfinished by the previous run", len(pending))
    return len(pending)
