"""Hot reload of the knowledge base: broken saves keep the old base, a valid change is live at once."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest
from conftest import table
from telegram import Update
from test_handlers import ADMIN, Harness, harness_for

from bot.core.engine import Engine
from bot.core.knowledge import DEFAULT_KNOWLEDGE_DIR

BROKEN = {case["name"]: case for case in table("broken_knowledge.yaml")}
SAVES = ["syntax error", "duplicate key", "zero-byte file (a save in progress)", "python object tag"]


async def harness_on_a_copy(engine: Engine, tmp_path: Path) -> tuple[Harness, Path]:
    root = tmp_path / "knowledge"
    shutil.copytree(DEFAULT_KNOWLEDGE_DIR, root)
    return await harness_for(engine, tmp_path, knowledge_path=root), root


@pytest.mark.parametrize("name", SAVES)
async def test_a_broken_save_keeps_the_old_base(engine: Engine, tmp_path: Path, name: str) -> None:
    bot, root = await harness_on_a_copy(engine, tmp_path)
    case = BROKEN[name]
    (root / "clauses" / "zz-broken.yaml").write_text(case["content"], encoding="utf-8")
    reply = await bot.reply(bot.telegram.user_message("/reload", user_id=ADMIN))
    assert "❌ Base invalide, l'ancienne reste en service" in reply["text"]
    assert f"zz-broken.yaml:{case['line']}:" in reply["text"]
    assert bot.app.bot_data["services"].engine is engine
    assert "Article 6" in (await bot.reply(bot.telegram.user_message("préavis de résiliation")))["text"]


async def test_a_valid_change_is_live_at_once(engine: Engine, minimal_knowledge: Path, tmp_path: Path) -> None:
    # The small base: a change of the real one would train its classifier again (about 3 s of CPU); the
    # real base's reload is the test below.
    bot = await harness_for(engine, tmp_path, knowledge_path=minimal_knowledge)
    assert "Je n'ai pas trouvé" in (await bot.reply(bot.telegram.user_message("gribouillis")))["text"]
    clauses = minimal_knowledge / "clauses" / "base.yaml"
    text = clauses.read_text(encoding="utf-8").replace(
        "    keywords: [durée]\n", "    keywords: [durée, gribouillis]\n", 1
    )
    clauses.write_text(text, encoding="utf-8")
    assert "✅ Base rechargée" in (await bot.reply(bot.telegram.user_message("/reload", user_id=ADMIN)))["text"]
    assert "Article 3" in (await bot.reply(bot.telegram.user_message("gribouillis")))["text"]


async def test_reload_while_fifty_users_ask_loses_no_answer(engine: Engine, tmp_path: Path) -> None:
    bot, _ = await harness_on_a_copy(engine, tmp_path)
    updates = []
    for user in range(50):
        bot.telegram.push(bot.telegram.user_message("tarif horaire du CDG", user_id=8000 + user))
        updates.append(bot.telegram.updates.pop())
        if user == 25:
            bot.telegram.push(bot.telegram.user_message("/reload", user_id=ADMIN))
            updates.append(bot.telegram.updates.pop())
    await asyncio.gather(*(bot.app.process_update(Update.de_json(u, bot.app.bot)) for u in updates))
    answers = [m for m in bot.telegram.sent() if m["chat_id"] != ADMIN]
    assert sorted(m["chat_id"] for m in answers) == list(range(8000, 8050))
    assert all("Article 4.2.1" in m["text"] for m in answers)
    assert bot.app.bot_data["services"].engine is not engine
