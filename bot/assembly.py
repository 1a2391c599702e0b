"""Building the parts the settings describe: the engine, the clock, the storage (no `telegram` import)."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import TYPE_CHECKING

from .clock import Clock
from .core.engine import Engine
from .core.guard import GuardedEngine
from .core.knowledge import Knowledge
from .engine_cache import cached_engine, default_cache_dir
from .settings import Settings

if TYPE_CHECKING:
    from .storage import Storage


def build_engine(settings: Settings, knowledge: Knowledge | None = None) -> Engine:
    """The answering engine for `knowledge` (default: the configured one, through the cache), with the
    configured contact, per-organisation contacts and threshold."""
    if knowledge is not None:
        engine = GuardedEngine(knowledge, contact=settings.contact, threshold=settings.threshold)
    else:
        cache_dir = (
            None
            if not settings.cache.enabled
            else Path(settings.cache.path)
            if settings.cache.path
            else default_cache_dir()
        )
        engine = cached_engine(
            settings.knowledge_dir,
            GuardedEngine,
            contact=settings.contact,
            threshold=settings.threshold,
            cache_dir=cache_dir,
        )
    engine.contacts.update(settings.contacts)  # chosen per question; not part of the cached index
    return engine


def keep_for_the_process() -> None:
    """Move what startup built (the engine's index, the classifier's weights, imported modules) out of the
    garbage collector's reach (`gc.freeze`, CPython's permanent generation): a long-lived process rescanned
    them in every full collection (pauses of 70 to 100 ms in the middle of an answer), although they live as
    long as the process. An engine replaced by /reload is still freed by reference counting; only what of it
    sits in a reference cycle stays (a reload is a rare administrator's command)."""
    gc.freeze()


def make_clock(settings: Settings) -> Clock:
    return Clock(settings.reminders.timezone)


def open_storage(settings: Settings, clock: Clock) -> Storage:
    """The storage; StorageError (one French sentence) if the database or the secret is unusable."""
    from .storage import SCHEMA_VERSION, Storage, check_database, load_secret  # here: `ask` never pays for sqlite

    check_database(settings.database, SCHEMA_VERSION)  # before the secret: nothing is made beside a bad base
    secret = settings.secret.get_secret_value() if settings.secret else None
    return Storage(settings.database, load_secret(secret, settings.secret_file), clock)
