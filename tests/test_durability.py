"""The real `convention-bot run` on a bad day: killed mid-burst, flooded by a group, its token revoked."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from pathlib import Path

import pytest
from fake_telegram import BOT_USERNAME
from test_end_to_end import TIMEOUT, RunningBot, start_bot, stop_bot

pytestmark = [pytest.mark.asyncio(loop_scope="module"), pytest.mark.slow]
BURST = range(5000, 5060)  # killed after 16 answers: most of the burst is still to answer (2 s at 30 a second)
GROUP = -100777


def answered(bot: RunningBot) -> Counter[int]:
    return Counter(int(params["chat_id"]) for params in bot.telegram.sent())


async def kill(bot: RunningBot) -> None:
    bot.process.kill()  # SIGKILL: no handler runs, nothing is flushed
    await bot.process.wait()


async def test_kill_9_during_a_burst_and_a_restart_leave_no_user_unanswered(tmp_path: Path) -> None:
    first = await start_bot(tmp_path)  # Telegram's flood limit on: about 30 answers a second
    for user in BURST:
        first.telegram.push(first.telegram.user_message("durée de la convention ?", user_id=user))
    while len(first.telegram.sent()) < 16:
        await asyncio.sleep(0.005)
    await kill(first)
    before_kill = answered(first)
    assert len(before_kill) < len(BURST)  # killed in the middle of the burst
    second = await start_bot(tmp_path, server=first.server)
    try:
        await second.wait_for(lambda: set(BURST) <= set(answered(second)), timeout=60)
        await asyncio.sleep(0.5)  # a duplicate would come now
        counts = answered(second)
        assert set(counts) == set(BURST)
        twice = {user for user, count in counts.items() if count > 1}
        assert all(counts[user] <= 2 for user in BURST)
        assert twice <= set(before_kill)  # only the updates in flight at the kill may be answered twice
    finally:
        await stop_bot(second)


async def test_a_private_user_is_answered_within_3_s_while_a_group_has_150_questions_queued(tmp_path: Path) -> None:
    bot = await start_bot(tmp_path)  # Telegram lets a bot post about 20 messages a minute in a group
    try:
        for index in range(150):
            last = bot.telegram.push(
                bot.telegram.user_message(
                    f"@{BOT_USERNAME} durée de la convention ?",
                    user_id=7000 + index % 7,
                    chat_id=GROUP,
                    chat_type="supergroup",
                )
            )
        await bot.wait_for(lambda: answered(bot)[GROUP] >= 1)
        # The whole flood has been received and is queued: the bot asked for the updates after the last one.
        await bot.wait_for(lambda: any(p.get("offset", 0) > last for p in bot.telegram.sent("getUpdates")))
        started = time.monotonic()
        reply = await bot.ask(bot.telegram.user_message("tribunal compétent ?", user_id=7999))
        assert time.monotonic() - started < 3
        assert "Article 8" in reply["text"]
        assert answered(bot)[GROUP] < 150
    finally:
        await kill(bot)
        await bot.server.stop()


async def test_a_revoked_token_ends_the_process_with_code_2(tmp_path: Path) -> None:
    bot = await start_bot(tmp_path)
    try:
        await bot.ask(bot.telegram.user_message("durée", user_id=7101))
        bot.telegram.fail_next("getUpdates", 401, "Unauthorized")
        code = await asyncio.wait_for(bot.process.wait(), TIMEOUT)
        assert code == 2
        assert "Jeton Telegram refusé" in bot.output()
    finally:
        await stop_bot(bot)
