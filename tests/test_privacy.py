"""Privacy through the handlers: what is said, what is kept, what /oubli erases."""

from __future__ import annotations

import asyncio
from pathlib import Path

from telegram import Update
from test_handlers import harness_for
from test_storage import raw_bytes

from bot.core.engine import Engine

USER = 123456789


async def test_privacy_notice(engine: Engine, tmp_path: Path) -> None:
    bot = await harness_for(engine, tmp_path)
    text = (await bot.reply(bot.telegram.user_message("/confidentialite")))["text"]
    assert "180 jours" in text and "/oubli" in text and "pseudonyme" in text


async def test_feedback_keeps_the_question_and_forget_erases_every_byte(engine: Engine, tmp_path: Path) -> None:
    bot = await harness_for(engine, tmp_path)
    storage = bot.services.storage
    await bot.reply(bot.telegram.user_message("préavis de résiliation zorglub", user_id=USER))
    await bot.send(bot.telegram.callback("-:art-6", bot.telegram.bot_messages[-1], user_id=USER))
    rows = storage._db.execute("SELECT clause_id, vote, question FROM feedback").fetchall()
    assert [tuple(r) for r in rows] == [("art-6", -1, "préavis de résiliation zorglub")]
    await bot.reply(bot.telegram.user_message("/signature 15/03/2025", user_id=USER))
    storage._scrub()
    assert b"zorglub" in raw_bytes(storage.path) and str(USER).encode() not in raw_bytes(storage.path)
    await bot.reply(bot.telegram.user_message("/oubli", user_id=USER))
    assert b"zorglub" not in raw_bytes(storage.path)
    assert await storage.signature(USER) is None


async def test_question_texts_are_not_stored_when_switched_off(engine: Engine, tmp_path: Path) -> None:
    bot = await harness_for(engine, tmp_path, log_questions=False)
    await bot.reply(bot.telegram.user_message("tarif cdg plouf"))
    storage = bot.services.storage
    storage._scrub()
    assert b"plouf" not in raw_bytes(storage.path)
    assert "aucun texte de question" in (await bot.reply(bot.telegram.user_message("/confidentialite")))["text"]


async def test_fifty_users_at_once_write_without_locking(engine: Engine, tmp_path: Path) -> None:
    bot = await harness_for(engine, tmp_path)
    updates = []
    for user in range(50):
        bot.telegram.push(bot.telegram.user_message("durée de la convention", user_id=5000 + user))
        updates.append(Update.de_json(bot.telegram.updates.pop(), bot.app.bot))
    await asyncio.gather(*(bot.app.process_update(update) for update in updates))
    storage = bot.services.storage
    assert storage._db.execute("SELECT COUNT(DISTINCT chat_key) FROM answers").fetchone()[0] == 50
    assert len(bot.telegram.sent()) == 50
