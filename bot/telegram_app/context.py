"""What handlers share: the settings, the current engine (swapped by /reload), the storage, the clock."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field

from telegram.ext import Application, CallbackContext, ExtBot

from ..assembly import build_engine
from ..clock import Clock
from ..core.answer import Answer
from ..core.engine import Engine
from ..core.knowledge import Knowledge
from ..core.learned import with_learned
from ..settings import Settings
from ..storage import Storage

SERVICES_KEY = "services"
log = logging.getLogger(__name__)


@dataclass
class Services:
    settings: Settings
    engine: Engine  # replaced as a whole by /reload: handlers never see half a knowledge base
    storage: Storage
    clock: Clock  # the one source of "now" and "today" (Europe/Paris by default); tests set it
    _installing: asyncio.Lock = field(default_factory=asyncio.Lock)

    async def install(self, knowledge: Knowledge) -> None:
        """Swap in an engine for `knowledge` plus the examples taught in /revue (one assignment: atomic)."""
        async with self._installing:  # two admins teaching at once: the second sees the first's example
            merged, problems = with_learned(knowledge, await self.storage.learned_examples())
            for problem in problems:  # e.g. the YAML now has the wording under another clause
                log.warning("learned example left out: %s", problem)
            if merged is not self.engine.knowledge:  # at start with nothing taught: keep the (cached) engine
                self.engine = await asyncio.to_thread(build_engine, self.settings, merged)


def services_of(application: Application) -> Services:
    """The services stored in `application` (for job callbacks and start/stop hooks)."""
    return application.bot_data[SERVICES_KEY]


class BotContext(CallbackContext[ExtBot[None], dict, dict, dict]):
    """The callback context, with typed access to the bot's services."""

    def __init__(self, application: Application, chat_id: int | None = None, user_id: int | None = None) -> None:
        super().__init__(application=application, chat_id=chat_id, user_id=user_id)
        # One context serves every handler group of an update: these travel to its log line.
        self.started_at = 0.0
        self.answer: Answer | None = None

    @property
    def services(self) -> Services:
        return services_of(self.application)

    @property
    def engine(self) -> Engine:
        return self.services.engine

    @property
    def settings(self) -> Settings:
        return self.services.settings

    @property
    def storage(self) -> Storage:
        return self.services.storage

    @property
    def clock(self) -> Clock:
        return self.services.clock
