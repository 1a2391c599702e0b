"""Building the parts the settings describe: the engine, the clock, the storage (no `telegram` import)."""

from __future__ import annotations

from .clock import Clock
from .core.engine import Engine
from .core.knowledge import Knowledge, load_knowledge
from .settings import Settings
from .storage import SCHEMA_VERSION, Storage, check_database, load_secret


def build_engine(settings: Settings, knowledge: Knowledge | None = None) -> Engine:
    """The answering engine for `knowledge` (default: the configured one), with the contact and threshold."""
    knowledge = knowledge if knowledge is not None else load_knowledge(settings.knowledge_dir)
    return Engine(knowledge, contact=settings.contact, threshold=settings.threshold)


def make_clock(settings: Settings) -> Clock:
    return Clock(settings.reminders.timezone)


def open_storage(settings: Settings, clock: Clock) -> Storage:
    """The storage; StorageError (one French sentence) if the database or the secret is unusable."""
    check_database(settings.database, SCHEMA_VERSION)  # before the secret: nothing is made beside a bad base
    secret = settings.secret.get_secret_value() if settings.secret else None
    return Storage(settings.database, load_secret(secret, settings.secret_file), clock)
