"""Concurrent updates that keep each chat's order, without letting one chat block the others.

python-telegram-bot handles one update at a time by default, so one slow network call queues
every user behind it. This processor runs updates concurrently, but a chat's updates one after
the other, so that its answers come in its order. A chat's update waits for its turn *before*
taking one of the global slots: a busy group (Telegram lets a bot post about 20 messages a
minute there) queues its own questions, never anyone else's.
When an update's handlers are done it is marked finished in the journal (see journal.py).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

from ..journal import UpdateJournal


class PerChatUpdateProcessor(BaseUpdateProcessor):
    def __init__(self, max_concurrent_updates: int, journal: UpdateJournal | None = None) -> None:
        super().__init__(max_concurrent_updates)
        self._slots = asyncio.Semaphore(max_concurrent_updates)
        self._turns: dict[int, asyncio.Lock] = {}
        self._waiting: dict[int, int] = {}
        self.journal = journal

    async def process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Wait for the chat's turn, then for a slot, then handle the update."""
        chat = update.effective_chat if isinstance(update, Update) else None
        if chat is None:  # inline queries and the like: no order to keep
            async with self._slots:
                await self.do_process_update(update, coroutine)
            return
        turn = self._turns.setdefault(chat.id, asyncio.Lock())
        self._waiting[chat.id] = self._waiting.get(chat.id, 0) + 1
        try:
            async with turn, self._slots:
                await self.do_process_update(update, coroutine)
        finally:
            self._waiting[chat.id] -= 1
            if not self._waiting[chat.id]:  # forget idle chats: memory stays flat
                del self._waiting[chat.id]
                del self._turns[chat.id]

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        try:
            await coroutine
        except Exception:  # handled once, badly: replaying it at every start would not help
            await self._finish(update)
            raise
        await self._finish(update)  # a cancelled update (stop, crash) stays journaled and is replayed

    async def _finish(self, update: object) -> None:
        if self.journal is not None and isinstance(update, Update):
            await self.journal.finish(update.update_id)

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""
