"""/revue: the maintainers' loop in Telegram, offline (handlers) and end to end (`convention-bot run`)."""

from __future__ import annotations

import asyncio
import os
import shutil
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from conftest import convention_bot
from test_end_to_end import RunningBot, start_bot, stop_bot
from test_handlers import ADMIN, Harness, buttons, harness_for
from test_storage import NOW, SECRET, answer

from bot.assembly import build_engine
from bot.clock import Clock
from bot.core.engine import Engine
from bot.core.knowledge import DEFAULT_KNOWLEDGE_DIR
from bot.settings import load_settings
from bot.storage import Storage

LEARNING_TIMEOUT = 90.0  # seconds: a rebuild of the engine, not an answer (test_end_to_end.TIMEOUT)

MISSED = "Nos fichiers ont disparu, qui est fautif ?"  # refused today; article 5.2 answers it
VARIANT = "fichiers disparus : à qui la faute"
OFF_TOPIC = "Comment réserver la salle des fêtes ?"


@pytest.fixture
async def bot(untrained_engine: Engine, tmp_path: Path) -> AsyncIterator[Harness]:
    """A bot on the real base without its training phrasings: teaching trains the classifier again, in a
    tenth of the time (the real base's teaching is shown end to end below)."""
    harness = await harness_for(untrained_engine, tmp_path, knowledge_path=untrained_engine.knowledge.root)
    yield harness
    await harness.app.shutdown()


@pytest.fixture
async def real_bot(engine: Engine, tmp_path: Path) -> AsyncIterator[Harness]:
    """A bot on the real base, for what /revue offers (its order is the real classifier's)."""
    harness = await harness_for(engine, tmp_path)
    yield harness
    await harness.app.shutdown()


async def cards(bot: Harness, user_id: int = ADMIN) -> list[dict[str, Any]]:
    """The messages /revue sends: the summary, then one card per group."""
    return [p for m, p in await bot.send(bot.telegram.user_message("/revue", user_id=user_id)) if m == "sendMessage"]


def card(bot: Harness, text: str) -> dict[str, Any]:
    """The bot's last message containing `text`, as Telegram returned it (to tap its buttons)."""
    return next(m for m in reversed(bot.telegram.bot_messages) if text in m["text"])


async def tap(bot: Harness, data: str, message: dict[str, Any], user_id: int = ADMIN) -> list[tuple[str, dict]]:
    return await bot.send(bot.telegram.callback(data, message, user_id=user_id))


def button(message: dict[str, Any], label: str) -> str:
    return next(data for text, data in buttons(message) if text.startswith(label))


async def ask_missed_twice_and_off_topic(bot: Harness) -> list[dict[str, Any]]:
    """Two users ask MISSED, one OFF_TOPIC, all refused: /revue's summary and cards."""
    for user, question in [(601, MISSED), (602, MISSED.lower()), (603, OFF_TOPIC)]:
        assert "Je n'ai pas trouvé" in (await bot.reply(bot.telegram.user_message(question, user_id=user)))["text"]
    return await cards(bot)


async def test_revue_groups_the_missed_questions_and_offers_the_answering_clause_first(real_bot: Harness) -> None:
    summary, first, _ = await ask_missed_twice_and_off_topic(real_bot)
    assert "2 groupe(s)" in summary["text"] and "Exemples appris : 0" in summary["text"]
    assert first["text"] == f"<b>2 ×</b> « {MISSED} », dont 2 sans réponse"
    assert "601" not in str(first) and "User6" not in str(first)  # pseudonymous
    labels = [text for text, _ in buttons(first)]
    assert labels[0].startswith("➕ Article 5.2 · Responsabilité de La Fibre")
    assert labels[-3:] == ["🚫 Hors sujet", "✏️ Modifier", "⏭ Passer"]
    assert all(len(data.encode()) <= 64 for _, data in buttons(first))


async def test_a_group_is_taught_in_one_tap_and_used_at_once(bot: Harness) -> None:
    _, first, _ = await ask_missed_twice_and_off_topic(bot)
    calls = await tap(bot, button(first, "➕ Article 5.2"), card(bot, MISSED))
    edited = next(p for m, p in calls if m == "editMessageText")
    assert edited["text"].startswith(f"✅ Appris : « {MISSED} » → Article 5.2") and "(2 question(s))" in edited["text"]
    for question in (MISSED, VARIANT):
        assert "Article 5.2" in (await bot.reply(bot.telegram.user_message(question, user_id=604)))["text"]
    summary, remaining = await cards(bot)
    assert "1 groupe(s)" in summary["text"] and OFF_TOPIC in remaining["text"]
    assert "Exemples appris : 1 (admin " in summary["text"]


async def test_a_start_with_nothing_taught_keeps_the_engine_it_was_given(engine: Engine, tmp_path: Path) -> None:
    bot = await harness_for(engine, tmp_path)
    await bot.services.install(engine.knowledge)  # what the start does (taught examples are tested above)
    assert bot.services.engine is engine  # the engine read from the cache: no training at each start


async def test_an_edited_wording_is_the_one_taught(bot: Harness) -> None:
    await bot.reply(bot.telegram.user_message("Mme Dupont demande : " + MISSED, user_id=611))
    _, group = await cards(bot)
    prompt = next(p for m, p in await tap(bot, button(group, "✏️"), card(bot, "Mme Dupont")) if m == "sendMessage")
    assert prompt["text"].startswith("✏️ Nouvelle formulation") and "force_reply" in prompt["reply_markup"]
    reply = bot.telegram.user_message(MISSED, user_id=ADMIN, reply_to_message=card(bot, "Nouvelle formulation"))
    offered = await bot.reply(reply)
    assert f"« {MISSED} »" in offered["text"] and "Dupont" not in offered["text"]
    calls = await tap(bot, button(offered, "➕ Article 5.2"), card(bot, f"<b>1 ×</b> « {MISSED}"))
    assert "Dupont" not in next(p for m, p in calls if m == "editMessageText")["text"]
    learned = await bot.app.bot_data["services"].storage.learned_examples()
    assert [(e.target, e.wording) for e in learned] == [("art-5.2", MISSED)]


@pytest.mark.parametrize(
    ("label", "expected"),
    [("🚫 Hors sujet", "✅ Appris : « Comment réserver la salle des fêtes ? » → 🚫 hors sujet"), ("⏭", "⏭ Passé")],
)
async def test_out_of_scope_and_skip_take_the_group_out_of_the_queue(bot: Harness, label: str, expected: str) -> None:
    await bot.reply(bot.telegram.user_message(OFF_TOPIC, user_id=621))
    _, group = await cards(bot)
    calls = await tap(bot, button(group, label), card(bot, OFF_TOPIC))
    assert next(p for m, p in calls if m == "editMessageText")["text"].startswith(expected)
    assert "Rien à revoir" in (await cards(bot))[0]["text"]


async def test_a_wording_owned_by_another_clause_is_not_taught(bot: Harness) -> None:
    await bot.reply(bot.telegram.user_message("Qui a gagné le match de foot hier ?", user_id=631))
    _, group = await cards(bot)
    prompt = await tap(bot, button(group, "✏️"), card(bot, "match de foot"))
    assert prompt
    reply = bot.telegram.user_message("préavis de résiliation", user_id=ADMIN, reply_to_message=card(bot, "Nouvelle"))
    offered = await bot.reply(reply)
    calls = await tap(bot, button(offered, "🚫"), card(bot, "« préavis de résiliation »"))
    refused = next(p for m, p in calls if m == "sendMessage")
    assert refused["text"].startswith(
        "❌ Pas appris : « préavis de résiliation » ressemble à la question « preavis resiliation » de art-6"
    )


@pytest.mark.parametrize(
    ("user_id", "chat", "expected"),
    [
        (605, {}, "réservée aux administrateurs"),
        (ADMIN, {"chat_id": -100700, "chat_type": "supergroup"}, "en message privé"),
    ],
)
async def test_revue_is_for_admins_where_no_one_else_reads(
    bot: Harness, user_id: int, chat: dict, expected: str
) -> None:
    reply = await bot.reply(bot.telegram.user_message("/revue", user_id=user_id, **chat))
    assert expected in reply["text"]


async def test_a_non_admin_tap_changes_nothing(bot: Harness) -> None:
    await bot.reply(bot.telegram.user_message(OFF_TOPIC, user_id=641))
    _, group = await cards(bot)
    calls = await tap(bot, button(group, "🚫"), card(bot, OFF_TOPIC), user_id=642)
    assert [m for m, _ in calls] == ["answerCallbackQuery"]
    assert len(await cards(bot)) == 2


async def test_the_queue_holds_only_what_retention_and_oubli_allow(tmp_path: Path) -> None:
    storage = Storage(tmp_path / "bot.sqlite3", SECRET, Clock(frozen=NOW))
    try:
        await storage.record_answer(1, 1, 10, answer("sans réponse", clause=None, score=0.1), keep_text=True)
        await storage.record_answer(2, 2, 20, answer("peu sûre", score=0.45), keep_text=True)
        await storage.record_answer(3, 3, 30, answer("bien comprise notée 👎"), keep_text=True)
        await storage.record_feedback(3, 3, 30, "art-6", -1)
        await storage.record_answer(4, 4, 40, answer("bien comprise"), keep_text=True)
        await storage.record_answer(5, 5, 50, answer("vieille", clause=None), keep_text=True)
        storage._db.execute("UPDATE answers SET created_at = '2020-01-01' WHERE message_id = 50")

        async def queued() -> list[str]:
            return sorted(str(row["question"]) for row in await storage.review_rows())

        assert await queued() == ["bien comprise notée 👎", "peu sûre", "sans réponse", "vieille"]
        await storage.purge(180)
        await storage.forget(2, 2)
        assert await queued() == ["bien comprise notée 👎", "sans réponse"]
        await storage.teach("art-6", "formulation approuvée", ADMIN, ["sans réponse"])
        assert await queued() == ["bien comprise notée 👎"]
        row = storage._db.execute("SELECT * FROM learned_examples").fetchone()
        assert (row["target"], row["wording"], row["taught_by"]) == (
            "art-6",
            "formulation approuvée",
            storage.pseudonym("user", ADMIN),
        )
    finally:
        storage.close()


# --- end to end -----------------------------------------------------------------------------


@pytest.mark.slow  # a real process: the bot (the CLI that reads what it stored runs in-process)
async def test_the_maintainers_loop_end_to_end(tmp_path: Path) -> None:
    knowledge = tmp_path / "knowledge"
    shutil.copytree(DEFAULT_KNOWLEDGE_DIR, knowledge)
    environment = {"CONVENTION_BOT__KNOWLEDGE_PATH": str(knowledge)}
    with mock.patch.dict(os.environ, environment):  # the bot reads its engine from the run's cache, built here
        build_engine(load_settings())
    running = await start_bot(tmp_path, **environment)
    try:
        await the_loop_in_telegram(running)
    finally:
        assert await stop_bot(running) == 0
    original = (DEFAULT_KNOWLEDGE_DIR / "clauses" / "article-5.yaml").read_text(encoding="utf-8").splitlines()
    assert await cli(tmp_path, "learned", "export", "--write", **environment) == 0
    exported = (knowledge / "clauses" / "article-5.yaml").read_text(encoding="utf-8").splitlines()
    assert [line for line in exported if line not in original] == [f"      - {MISSED}"]
    assert [line for line in original if line.startswith("#")] == [line for line in exported if line.startswith("#")]
    assert await cli(tmp_path, "validate", str(knowledge)) == 0
    assert await cli(tmp_path, "learned", "export", **environment) == 0  # nothing left to write: nothing twice
    listed = await cli(tmp_path, "learned", "list", output=True, **environment)
    (number, clause, wording, _, state), *others = [line.split("\t") for line in listed.splitlines()[1:]]
    assert (number, clause, wording, state, others) == ("1", "art-5.2", MISSED, "déjà dans le YAML", [])
    assert await cli(tmp_path, "learned", "drop", "2", **environment) == 1
    assert await cli(tmp_path, "learned", "drop", "1", **environment) == 0
    assert await cli(tmp_path, "learned", "list", output=True, **environment) == "Aucun exemple appris.\n"


async def the_loop_in_telegram(bot: RunningBot) -> None:
    telegram = bot.telegram
    assert "Je n'ai pas trouvé" in (await bot.ask(telegram.user_message(MISSED, user_id=701)))["text"]
    await bot.ask(telegram.user_message(OFF_TOPIC, user_id=702))
    assert "réservée aux administrateurs" in (await bot.ask(telegram.user_message("/revue", user_id=703)))["text"]
    group = await revue_card(bot, MISSED)
    assert OFF_TOPIC in (await revue_card(bot, OFF_TOPIC))["text"]
    before = len(telegram.calls)
    telegram.push(telegram.callback(button(group, "➕ Article 5.2"), bot_message(bot, group["text"]), user_id=ADMIN))

    # learning rebuilds the engine (its index and classifier): on a slow shared machine that alone may take 15 s
    def learned() -> bool:
        return any("✅ Appris" in p.get("text", "") for _, p in telegram.calls[before:])

    await bot.wait_for(learned, timeout=LEARNING_TIMEOUT)
    for question in (MISSED, VARIANT):
        assert "Article 5.2" in (await bot.ask(telegram.user_message(question, user_id=704)))["text"]
    assert "C'est fait" in (await bot.ask(telegram.user_message("/oubli", user_id=702)))["text"]
    summary = await bot.ask(telegram.user_message("/revue", user_id=ADMIN))
    assert "Rien à revoir" in summary["text"] and "Exemples appris : 1 (admin " in summary["text"]


async def revue_card(bot: RunningBot, text: str) -> dict[str, Any]:
    """Send /revue as the admin; return the card (as sent, with its buttons) that shows `text`."""
    before = len(bot.telegram.calls)
    bot.telegram.push(bot.telegram.user_message("/revue", user_id=ADMIN))

    def found() -> dict[str, Any] | None:
        sent = [p for m, p in bot.telegram.calls[before:] if m == "sendMessage" and p["chat_id"] == ADMIN]
        return next((p for p in sent if text in p["text"] and p.get("reply_markup")), None)

    return await bot.wait_for(found)


def bot_message(bot: RunningBot, text: str) -> dict[str, Any]:
    return next(m for m in reversed(bot.telegram.bot_messages) if m["text"] == text)


async def cli(tmp_path: Path, *arguments: str, output: bool = False, **environment: str) -> Any:
    """Run `convention-bot` on the test's database (in this process, off the event loop: the command runs its
    own): its exit code, or its output when `output`."""
    environment["CONVENTION_BOT__STORAGE__PATH"] = str(tmp_path / "bot.sqlite3")
    result = await asyncio.to_thread(convention_bot, *arguments, **environment)
    return result.stdout if output else result.returncode
