"""The database schema, as a list of migrations: each takes version N to N+1. Never edit a published one."""

from __future__ import annotations

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
    # /revue: a reviewed question leaves the queue; a taught example keeps its wording and its admin only.
    """
    ALTER TABLE answers ADD COLUMN reviewed_at TEXT;
    ALTER TABLE feedback ADD COLUMN reviewed_at TEXT;
    CREATE TABLE learned_examples (
        id INTEGER PRIMARY KEY,
        target TEXT NOT NULL,
        wording TEXT NOT NULL,
        taught_by TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)
