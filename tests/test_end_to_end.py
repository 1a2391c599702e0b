"""End to end: the real `convention-bot run` process against the fake Bot API on 127.0.0.1.

Only what needs a real process: start and serve over HTTP, many users at once, a restart, the
database read (report) and copied (backup) while the process runs. Each handler's behaviour is tested in-process (test_handlers.py)."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sqlite3
import sys
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from conftest import convention_bot
from fake_telegram import TOKEN, FakeBotApiServer, FakeTelegram

from bot.clock import Clock
from bot.core.calendar_text import next_notice_deadline

pytestmark = [pytest.mark.asyncio(loop_scope="module"), pytest.mark.slow]
ROOT = Path(__file__).parents[1]
TIMEOUT = 20.0


@dataclass
class RunningBot:
    telegram: FakeTelegram
    server: FakeBotApiServer
    process: asyncio.subprocess.Process
    log: Path

    @property
    def database(self) -> Path:
        return self.log.parent / "bot.sqlite3"

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    async def wait_for(self, what: Callable[[], Any], timeout: float = TIMEOUT) -> Any:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if result := what():
                return result
            if self.process.returncode is not None:
                raise AssertionError(f"the bot exited ({self.process.returncode}):\n{self.output()}")
            await asyncio.sleep(0.05)
        raise AssertionError(f"timed out; bot output:\n{self.output()}")

    async def ask(self, update: dict[str, Any], method: str = "sendMessage") -> dict[str, Any]:
        """Push `update` and wait for the bot's first `method` call towards its chat."""
        chat_id = _chat_of(update)
        before = len(self.telegram.calls)
        self.telegram.push(update)

        def reply() -> dict[str, Any] | None:
            for name, params in self.telegram.calls[before:]:
                if name == method and params.get("chat_id", chat_id) == chat_id:
                    return params
            return None

        return await self.wait_for(reply)


def _chat_of(update: dict[str, Any]) -> int | None:
    if "message" in update:
        return update["message"]["chat"]["id"]
    if "callback_query" in update:
        return update["callback_query"]["message"]["chat"]["id"]
    return None


async def start_bot(
    tmp_path: Path, *, wait_for: str = "getUpdates", server: FakeBotApiServer | None = None, **environment: str
) -> RunningBot:
    """Start `convention-bot run` on a database in `tmp_path`, against a new fake Bot API (or `server`,
    for a restart); return once it made its first `wait_for` call (it is then serving)."""
    if server is None:
        server = FakeBotApiServer(FakeTelegram())
        await server.start()
    telegram = server.telegram
    before = len(telegram.sent(wait_for))
    log = tmp_path / f"bot-{server.port}-{before}.log"
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "CONVENTION_BOT__TELEGRAM__BASE_URL": server.base_url,
        "CONVENTION_BOT__TELEGRAM__BASE_FILE_URL": f"http://127.0.0.1:{server.port}/file/bot",
        "CONVENTION_BOT__TELEGRAM__ADMIN_IDS": "[42]",
        "CONVENTION_BOT__STORAGE__PATH": str(tmp_path / "bot.sqlite3"),
        **environment,
    }
    with log.open("wb") as output:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "run", cwd=ROOT, env=env, stdout=output, stderr=output
        )
    bot = RunningBot(telegram, server, process, log)
    await bot.wait_for(lambda: len(telegram.sent(wait_for)) > before)
    return bot


async def stop_bot(bot: RunningBot) -> int:
    if bot.process.returncode is None:
        bot.process.send_signal(signal.SIGTERM)
        try:
            await asyncio.wait_for(bot.process.wait(), TIMEOUT)
        except TimeoutError:
            bot.process.kill()
            await bot.process.wait()
    await bot.server.stop()
    return bot.process.returncode


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def bot(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[RunningBot]:
    running = await start_bot(tmp_path_factory.mktemp("e2e"), CONVENTION_BOT__LOG_LEVEL="DEBUG")
    yield running
    await stop_bot(running)
    assert TOKEN not in running.output()
    assert "User201" not in running.output()  # python-telegram-bot's DEBUG lines print whole updates


async def test_start(bot: RunningBot) -> None:
    message = await bot.ask(bot.telegram.user_message("/start", user_id=201))
    assert "convention" in message["text"]
    assert len(message["reply_markup"]["inline_keyboard"]) == 3
    assert bot.telegram.sent("setMyCommands")


async def test_question_and_full_text_button(bot: RunningBot) -> None:
    message = await bot.ask(bot.telegram.user_message("combien coute une heure du cdg ?", user_id=202))
    assert "<b>Article 4.2.1 — Facturation du CDG 62</b>" in message["text"]
    assert "50 euros TTC" in message["text"]
    sent = {**bot.telegram.message(message["text"], user_id=202), "message_id": 1}
    edited = await bot.ask(bot.telegram.callback("f:art-4.2.1", sent, user_id=202), method="editMessageText")
    assert "mandat administratif" in edited["text"]
    assert bot.telegram.sent("answerCallbackQuery")


async def test_fifty_users_at_once_each_get_exactly_one_answer(bot: RunningBot) -> None:
    users = range(3000, 3050)
    before = len(bot.telegram.calls)
    for user in users:
        bot.telegram.push(bot.telegram.user_message("durée de la convention ?", user_id=user))

    def answered() -> bool:
        chats = [p["chat_id"] for name, p in bot.telegram.calls[before:] if name == "sendMessage"]
        return len(chats) >= len(users)

    await bot.wait_for(answered)
    await asyncio.sleep(0.5)  # a duplicate would arrive now
    chats = [p["chat_id"] for name, p in bot.telegram.calls[before:] if name == "sendMessage"]
    assert sorted(chats) == list(users)


async def test_the_report_reads_what_the_bot_stored(bot: RunningBot) -> None:
    await bot.ask(bot.telegram.user_message("Comment réserver la salle des fêtes ?", user_id=301))
    await bot.ask(bot.telegram.user_message("Comment réserver la salle des fetes", user_id=302))
    await bot.ask(bot.telegram.user_message("préavis de résiliation", user_id=303))
    rated = next(m for m in reversed(bot.telegram.bot_messages) if m["chat"]["id"] == 303)
    await bot.ask(bot.telegram.callback("-:art-6", rated, user_id=303), method="answerCallbackQuery")
    expected = [
        "**2 ×** « Comment réserver la salle des fêtes ? »",
        "Article 6 (Résiliation de la convention) : 👍 0 / 👎 1 — questions notées 👎 : « préavis de résiliation »",
    ]

    def report() -> str | None:  # the bot writes as it answers: read until it has written all of it
        result = convention_bot("report", CONVENTION_BOT__STORAGE__PATH=str(bot.database))
        assert result.returncode == 0, result.stderr
        return result.stdout if all(line in result.stdout for line in expected) else None

    await bot.wait_for(report)


async def test_backup_copies_the_database_while_the_bot_runs(bot: RunningBot, tmp_path: Path) -> None:
    def answers(path: Path) -> int:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as database:
            return database.execute("SELECT COUNT(*) FROM answers").fetchone()[0]

    before = answers(bot.database)
    await bot.ask(bot.telegram.user_message("durée", user_id=903))
    await bot.wait_for(lambda: answers(bot.database) > before)  # stored just after it is sent
    copy = tmp_path / "copy.sqlite3"
    env = {"CONVENTION_BOT__STORAGE__PATH": str(bot.database)}
    result = await asyncio.to_thread(convention_bot, "backup", str(copy), **env)
    assert result.returncode == 0, result.stderr
    assert answers(copy) == answers(bot.database) > before


async def test_a_reminder_survives_a_restart(tmp_path: Path) -> None:
    """Planned by one process, fallen due while the bot was down, sent by the next process at start.
    (Timing and content of reminders are tested in-process with a frozen clock: test_calendar.py.)"""
    chat, today = 401, Clock().today()  # the bot's own "today" (Europe/Paris)
    signature = today - timedelta(days=200)
    deadline = next_notice_deadline(signature, today)
    first = await start_bot(tmp_path)
    await first.ask(first.telegram.user_message(f"/signature {signature:%d/%m/%Y}", user_id=chat))
    planned = await first.ask(first.telegram.user_message("/rappels on", user_id=chat))
    assert "Rappels activés" in planned["text"]
    assert await stop_bot(first) == 0
    assert not [m for m in first.telegram.sent() if m["text"].startswith("⏰")]
    database = sqlite3.connect(tmp_path / "bot.sqlite3")
    with database:  # time passes while the bot is down: the first reminder falls due
        first_id = database.execute("SELECT MIN(id) FROM reminders WHERE sent_at IS NULL").fetchone()[0]
        past = (datetime.now(UTC) - timedelta(hours=1)).isoformat()
        database.execute("UPDATE reminders SET due_at = ? WHERE id = ?", (past, first_id))
    database.close()

    second = await start_bot(tmp_path)
    try:
        reminder = await second.wait_for(
            lambda: next((m for m in second.telegram.sent() if m["text"].startswith("⏰")), None)
        )
        assert reminder["chat_id"] == chat and f"{deadline:%d/%m/%Y}" in reminder["text"]
    finally:
        assert await stop_bot(second) == 0
