"""A read-only connection to the database, for processes other than the bot (healthcheck, backup)."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def connect_read_only(path: Path, timeout: float = 5.0) -> sqlite3.Connection:
    """Open `path` without ever creating or changing it (a missing file is an error, not a new database)."""
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=timeout)
