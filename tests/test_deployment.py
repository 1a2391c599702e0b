"""Deployment: the Dockerfile, webhook mode with its secret and /healthz, healthcheck, backup, SIGTERM."""

from __future__ import annotations

import asyncio
import json
import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import aiohttp
import pytest
from conftest import convention_bot
from fake_telegram import TOKEN
from test_end_to_end import ROOT, TIMEOUT, start_bot, stop_bot

SECRET = "s3cr3t-Token_for-tests"


def dockerfile_instructions() -> list[tuple[str, str]]:
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8").replace("\\\n", " ")
    return [(m.group(1).upper(), m.group(2).strip()) for m in re.finditer(r"^(\w+)\s+(.*)$", text, re.M)]


def test_every_path_the_dockerfile_copies_exists() -> None:
    copies = [args.split()[:-1] for name, args in dockerfile_instructions() if name == "COPY" and "--from" not in args]
    assert copies
    for sources in copies:
        for source in sources:
            assert (ROOT / source).exists(), source


def test_the_image_commands_are_real_convention_bot_commands() -> None:
    instructions = dict(dockerfile_instructions())
    healthcheck = json.loads(instructions["HEALTHCHECK"].split("CMD", 1)[1])
    for command in (json.loads(instructions["CMD"]), healthcheck):
        assert command[0] == "convention-bot"
        result = convention_bot(*command[1:2], "--help")
        assert result.returncode == 0 and result.stdout.startswith("usage: convention-bot"), command
    assert instructions["USER"] != "root" and "validate" in " ".join(
        a for n, a in dockerfile_instructions() if n == "RUN"
    )


def cli(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **env},
        timeout=60,
    )


def test_healthcheck_in_polling_mode_reads_the_heartbeat(tmp_path: Path) -> None:
    env = {"CONVENTION_BOT__STORAGE__PATH": str(tmp_path / "bot.sqlite3")}
    assert convention_bot("healthcheck", **env).returncode == 1
    sqlite3.connect(tmp_path / "bot.sqlite3").execute("CREATE TABLE t (x)").connection.commit()
    heartbeat = tmp_path / "bot.sqlite3.heartbeat"
    heartbeat.write_text(f"{time.time():.0f}")
    assert convention_bot("healthcheck", **env).returncode == 0
    heartbeat.write_text(f"{time.time() - 3600:.0f}")
    stale = convention_bot("healthcheck", **env)
    assert stale.returncode == 1 and "pas de signe de vie depuis" in stale.stderr


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.slow
async def test_webhook_mode(tmp_path: Path) -> None:
    port = free_port()
    bot = await start_bot(
        tmp_path,
        CONVENTION_BOT__TELEGRAM__MODE="webhook",
        CONVENTION_BOT__TELEGRAM__WEBHOOK__LISTEN="127.0.0.1",
        CONVENTION_BOT__TELEGRAM__WEBHOOK__PORT=str(port),
        CONVENTION_BOT__TELEGRAM__WEBHOOK__PUBLIC_URL="https://bot.example.org",
        CONVENTION_BOT__TELEGRAM__WEBHOOK__SECRET_TOKEN=SECRET,
        wait_for="setWebhook",
    )
    try:
        registered = bot.telegram.sent("setWebhook")[0]
        assert registered["url"] == "https://bot.example.org/telegram" and registered["secret_token"] == SECRET
        url = f"http://127.0.0.1:{port}/telegram"
        update = {"update_id": 1, **bot.telegram.user_message("durée de la convention", user_id=901)}
        async with aiohttp.ClientSession() as session:
            await bot.wait_for(lambda: _listening(port))
            for headers in ({}, {"X-Telegram-Bot-Api-Secret-Token": "wrong"}):
                async with session.post(url, json=update, headers=headers) as response:
                    assert response.status == 403
            assert not bot.telegram.sent()
            headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
            async with session.post(url, json=update, headers=headers) as response:
                assert response.status == 200
            answer = await bot.wait_for(lambda: bot.telegram.sent())
            assert answer[0]["chat_id"] == 901 and "Article 3" in answer[0]["text"]
            async with session.get(f"http://127.0.0.1:{port}/healthz") as response:
                assert response.status == 200 and (await response.json())["clauses"] == 24
        env = {
            "CONVENTION_BOT__TELEGRAM__MODE": "webhook",
            "CONVENTION_BOT__TELEGRAM__WEBHOOK__PORT": str(port),
            "CONVENTION_BOT__TELEGRAM__WEBHOOK__PUBLIC_URL": "https://x",
            "CONVENTION_BOT__TELEGRAM__WEBHOOK__SECRET_TOKEN": "x",
        }
        assert (await asyncio.to_thread(convention_bot, "healthcheck", **env)).returncode == 0
    finally:
        assert await stop_bot(bot) == 0
    assert TOKEN not in bot.output() and SECRET not in bot.output()


def _listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


@pytest.mark.slow
async def test_sigterm_finishes_the_update_in_hand(tmp_path: Path) -> None:
    bot = await start_bot(tmp_path)
    bot.telegram.delay = 1.0  # the answer is on its way when the signal comes
    update_id = bot.telegram.push(bot.telegram.user_message("tarif horaire du CDG", user_id=902))
    await bot.wait_for(lambda: any(p.get("offset", 0) > update_id for p in bot.telegram.sent("getUpdates")), TIMEOUT)
    assert await stop_bot(bot) == 0  # SIGTERM: a clean stop (test_end_to_end's SIGTERM test was this one's subset)
    assert [m["chat"]["id"] for m in bot.telegram.bot_messages] == [902]
    assert "Traceback" not in bot.output()
