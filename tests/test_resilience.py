"""Telegram misbehaving: faults on the fake Bot API, for the handlers and for the real process."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from fake_telegram import TOKEN
from test_end_to_end import RunningBot, start_bot, stop_bot
from test_handlers import harness_for

from bot.core.engine import Engine

pytestmark = pytest.mark.asyncio(loop_scope="module")
FAST_RETRIES = {
    "CONVENTION_BOT__TELEGRAM__REQUEST_TIMEOUT": "1",
    "CONVENTION_BOT__TELEGRAM__RETRY_PAUSE": "0.1",
    "CONVENTION_BOT__LOG_LEVEL": "DEBUG",
}


def delivered(bot: RunningBot, chat_id: int) -> list[dict]:
    return [m for m in bot.telegram.bot_messages if m["chat"]["id"] == chat_id]


@pytest.mark.parametrize(
    ("status", "description", "parameters", "wait"),
    [
        (429, "Too Many Requests: retry after 1", {"retry_after": 1}, 1.1),  # what Telegram asks, + PTB's 0.1 s
        (500, "Internal Server Error", {}, 0.01),  # the harness's retry pause
        (502, "Bad Gateway", {}, 0.01),
    ],
)
async def test_a_failed_send_is_tried_again_once(
    engine: Engine,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    status: int,
    description: str,
    parameters: dict,
    wait: float,
) -> None:
    waits: list[float] = []
    sleep = asyncio.sleep

    async def noted(delay: float, result: Any = None) -> Any:  # the wait asked for, without its real seconds
        waits.append(delay)
        return await sleep(0, result)

    monkeypatch.setattr(asyncio, "sleep", noted)
    bot = await harness_for(engine, tmp_path, retry_pause=0.01)
    bot.telegram.fail_next("sendMessage", status, description, **parameters)
    calls = await bot.send(bot.telegram.user_message("durée de la convention"))
    assert [method for method, _ in calls].count("sendMessage") == 2
    assert len(bot.telegram.bot_messages) == 1
    assert [delay for delay in waits if delay] == [pytest.approx(wait)]  # before the new try


async def test_a_group_migrated_to_a_supergroup_keeps_its_settings(engine: Engine, tmp_path: Path) -> None:
    bot = await harness_for(engine, tmp_path)
    storage = bot.services.storage
    group = {"chat_id": -500, "chat_type": "group"}
    bot.telegram.group_admins[-500] = {111}  # a group's calendar is changed by its administrators
    await bot.reply(bot.telegram.user_message("/signature 15/03/2025", **group))
    bot.telegram.fail_next(
        "sendMessage", 400, "Bad Request: group chat was upgraded to a supergroup chat", migrate_to_chat_id=-100500
    )
    await bot.send(bot.telegram.user_message("/echeances", **group))
    assert await storage.signature(-100500) == date(2025, 3, 15)
    status = bot.telegram.message(None, chat_id=-100500, chat_type="supergroup", migrate_from_chat_id=-500)
    assert await bot.send({"message": status}) == []
    assert await storage.signature(-100500) == date(2025, 3, 15)


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def flaky(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[RunningBot]:
    running = await start_bot(tmp_path_factory.mktemp("flaky"), **FAST_RETRIES)
    yield running
    assert await stop_bot(running) == 0
    assert TOKEN not in running.output()  # not even in the errors logged at DEBUG level


@pytest.mark.slow
async def test_process_survives_faults_and_answers_each_user_once(flaky: RunningBot) -> None:
    telegram, server = flaky.telegram, flaky.server
    faults = [
        lambda: telegram.fail_next("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1),
        lambda: telegram.fail_next("sendMessage", 500, "Internal Server Error"),
        lambda: telegram.fail_next("sendMessage", 502, "Bad Gateway"),
        lambda: server.hang_once.update(sendMessage=1.5),  # longer than the 1 s request timeout
        lambda: server.drop_connection_once.add("sendMessage"),  # closed in the middle of the reply
        lambda: telegram.fail_next("getUpdates", 409, "Conflict: terminated by other getUpdates request"),
        lambda: telegram.fail_next("getUpdates", 502, "Bad Gateway"),
    ]
    for index, fault in enumerate(faults):
        chat = 6000 + index
        fault()
        answer = await flaky.ask(telegram.user_message("préavis de résiliation", user_id=chat))
        assert "Article 6" in answer["text"]
    await flaky.ask(telegram.user_message("durée", user_id=6999))  # the bot is still serving
    for index in range(len(faults)):
        assert len(delivered(flaky, 6000 + index)) == 1, index


@pytest.mark.slow
async def test_a_user_who_blocked_the_bot_does_not_stop_it(flaky: RunningBot) -> None:
    flaky.telegram.fail_next("sendMessage", 403, "Forbidden: bot was blocked by the user")
    flaky.telegram.push(flaky.telegram.user_message("durée", user_id=7001))
    await flaky.wait_for(lambda: "Forbidden" in flaky.output())
    answer = await flaky.ask(flaky.telegram.user_message("durée", user_id=7002))
    assert "Article 3" in answer["text"]
    assert not delivered(flaky, 7001)
