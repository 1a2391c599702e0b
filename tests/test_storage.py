"""The storage: creation, migration, pseudonyms, retention, erasure, concurrency, report."""

from __future__ import annotations

import asyncio
import sqlite3
import stat
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from bot.clock import Clock
from bot.core.answer import Answer, Citation
from bot.core.engine import Engine
from bot.report import build_report, to_csv, to_markdown
from bot.storage import MIGRATIONS, SCHEMA_VERSION, Storage, load_secret

USER, CHAT = 987654321, 987654321  # a private chat has the user's id
SECRET = b"test-secret"
# 23:30 UTC on 31 December is already 1 January in Paris: the users' day counts.
NOW = datetime(2026, 12, 31, 23, 30, tzinfo=UTC)


def answer(question: str, *, clause: str | None = "art-6", score: float = 0.9) -> Answer:
    citations = (Citation(clause, "Article 6", "Résiliation", "…"),) if clause else ()
    kind = "clause" if clause else "unknown"
    return Answer(question, bool(clause), kind, "…", citations, score, ("art-3",))


def raw_bytes(path: Path) -> bytes:
    """Every byte the database has on disk: main file, WAL and shared memory."""
    return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*") if p.is_file())


@pytest.fixture
def storage(tmp_path: Path) -> Storage:
    opened = Storage(tmp_path / "data" / "bot.sqlite3", SECRET, Clock(frozen=NOW))
    yield opened
    opened.close()


def test_creation_makes_a_wal_database_at_the_latest_version(storage: Storage) -> None:
    assert storage.path.exists()
    assert storage.version == SCHEMA_VERSION
    assert storage._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_database_of_the_previous_version_is_upgraded_with_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    old = sqlite3.connect(path)
    old.executescript(MIGRATIONS[0] + "PRAGMA user_version = 1;")
    old.execute("INSERT INTO chats (chat_key, signature_date, updated_at) VALUES ('k', '2025-03-15', 'x')")
    old.commit()
    old.close()
    upgraded = Storage(path, SECRET)
    assert upgraded.version == SCHEMA_VERSION
    row = upgraded._db.execute("SELECT signature_date, reminders FROM chats WHERE chat_key = 'k'").fetchone()
    assert tuple(row) == ("2025-03-15", 0)
    upgraded.close()


async def test_no_raw_telegram_id_is_written(storage: Storage) -> None:
    await storage.record_answer(CHAT, USER, 5, answer("préavis ?"), keep_text=True)
    await storage.record_feedback(CHAT, USER, 5, "art-6", -1)
    await storage.set_signature(CHAT, date(2025, 3, 15))
    await storage.set_reminders(CHAT, [(date(2027, 1, 1), datetime(2026, 12, 2, 8, tzinfo=UTC))])
    storage._scrub()
    data = raw_bytes(storage.path)
    assert b"pr\xc3\xa9avis" in data  # the question is there...
    assert str(USER).encode() not in data  # ...but no id, in any form
    assert (await storage.pending_reminders())[0].chat_id == CHAT  # the encrypted reference decrypts


def test_the_generated_secret_is_private_and_stable(tmp_path: Path) -> None:
    file = tmp_path / "bot.sqlite3.secret"
    first = load_secret(None, file)
    assert stat.S_IMODE(file.stat().st_mode) == 0o600
    assert load_secret(None, file) == first and len(first) >= 32
    assert load_secret("from-env", file) == b"from-env"


async def test_retention_purge(storage: Storage) -> None:
    await storage.record_answer(CHAT, USER, 1, answer("vieille question"), keep_text=True)
    await storage.record_answer(CHAT, USER, 2, answer("bien comprise"), keep_text=True)
    await storage.record_answer(CHAT, USER, 3, answer("sans réponse", clause=None, score=0.1), keep_text=True)
    old = (NOW - timedelta(days=200)).isoformat()
    storage._db.execute("UPDATE answers SET created_at = ? WHERE message_id = 1", (old,))
    assert await storage.purge(180) == 1  # the 200-day-old one
    assert await storage.purge(180) == 0  # "bien comprise" keeps its text for a day
    storage.clock.set(NOW + timedelta(days=2))
    assert await storage.purge(180) == 1  # then loses it; the unanswered one stays for the report
    texts = [row[0] for row in storage._db.execute("SELECT question FROM answers ORDER BY message_id")]
    assert texts == [None, "sans réponse"]


async def test_forget_erases_the_bytes(storage: Storage) -> None:
    await storage.record_answer(CHAT, USER, 1, answer("question xyzzy unique"), keep_text=True)
    await storage.record_feedback(CHAT, USER, 1, "art-6", -1)
    await storage.set_signature(CHAT, date(2025, 3, 15))
    await storage.record_answer(-100, 555, 2, answer("autre chat"), keep_text=True)
    assert b"xyzzy" in raw_bytes(storage.path)
    forgotten = await storage.forget(CHAT, USER)
    assert (forgotten.answers, forgotten.feedback, forgotten.settings) == (1, 1, 1)
    assert b"xyzzy" not in raw_bytes(storage.path)
    assert await storage.signature(CHAT) is None
    assert storage._db.execute("SELECT COUNT(*) FROM answers").fetchone()[0] == 1


async def test_question_texts_can_be_switched_off(storage: Storage) -> None:
    await storage.record_answer(CHAT, USER, 1, answer("texte secret"), keep_text=False)
    assert storage._db.execute("SELECT question FROM answers").fetchone()[0] is None
    assert await storage.daily_counts(date(2027, 1, 1)) == {"asked": 1, "clause": 1, "clause:art-6": 1}
    assert await storage.daily_counts(date(2027, 1, 2)) == {}  # counted on the users' day, not UTC's


async def test_fifty_simultaneous_writers(storage: Storage) -> None:
    await asyncio.gather(
        *(storage.record_answer(1000 + i, 1000 + i, i, answer(f"question {i}"), keep_text=True) for i in range(50)),
        *(storage.set_signature(2000 + i, date(2025, 1, 1)) for i in range(50)),
    )
    assert storage._db.execute("SELECT COUNT(*) FROM answers").fetchone()[0] == 50
    assert (await storage.daily_counts(NOW.date()))["asked"] == 50


async def test_report_groups_similar_questions(storage: Storage, engine: Engine) -> None:
    for text in ("résiliation anticipée ?", "resiliation anticipee", "Résiliation anticipée possible ?", "météo"):
        await storage.record_answer(CHAT, USER, 1, answer(text, clause=None, score=0.2), keep_text=True)
    await storage.record_answer(CHAT, USER, 9, answer("préavis", score=0.9), keep_text=True)
    await storage.record_feedback(CHAT, USER, 9, "art-6", -1)
    report = build_report(storage.questions_for_report(date(2000, 1, 1)), storage.feedback_for_report(date(2000, 1, 1)))
    assert [len(group.questions) for group in report.groups] == [3, 1]
    assert report.feedback["art-6"].dislikes == 1 and report.feedback["art-6"].disliked_questions == ["préavis"]
    markdown = to_markdown(report, engine.knowledge)
    assert "**3 ×**" in markdown and "Article 6 (Résiliation de la convention) : 👍 0 / 👎 1" in markdown
    assert to_csv(report).splitlines()[1].startswith("question,3,3,")
