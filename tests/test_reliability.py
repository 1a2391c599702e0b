"""Issue 14's findings that need no running process: journal, fair turns, handlers, webhook, CLI."""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer
from fake_telegram import BOT_USERNAME, TOKEN, FakeTelegram
from telegram import Update
from telegram.error import BadRequest, Conflict, InvalidToken, NetworkError
from test_deployment import cli
from test_handlers import Harness, harness_for

from bot.core.engine import Engine
from bot.journal import UpdateJournal
from bot.report import Report, build_report, to_csv
from bot.storage import Storage
from bot.telegram_app import cpu
from bot.telegram_app.durable import PollingWatch, replay
from bot.telegram_app.handlers import TOO_SLOW
from bot.telegram_app.logs import setup_logging
from bot.telegram_app.ordering import PerChatUpdateProcessor
from bot.telegram_app.webhook import SECRET_HEADER, webhook_app

SECRET = "s3cr3t-Token_for-tests"


@pytest.fixture
async def journal(tmp_path: Path) -> UpdateJournal:
    storage = Storage(tmp_path / "bot.sqlite3", b"k" * 32)
    return UpdateJournal(storage.run)


# --- the journal ---------------------------------------------------------------------------------


async def test_the_journal_keeps_unfinished_updates_and_recognises_every_id_once(journal: UpdateJournal) -> None:
    assert await journal.record([(1, '{"update_id": 1}'), (2, '{"update_id": 2}')]) == {1, 2}
    assert await journal.record([(2, '{"update_id": 2}'), (3, '{"update_id": 3}')]) == {3}  # re-delivered: 2
    await journal.finish(1)
    assert [update_id for update_id, _ in await journal.pending()] == [2, 3]
    assert await journal.record([(1, '{"update_id": 1}')]) == set()  # finished: never handled again
    assert await journal.purge(datetime.now(UTC) + timedelta(days=3)) == 1
    assert await journal.record([(1, '{"update_id": 1}')]) == {1}  # past Telegram's own memory


async def test_unfinished_updates_are_replayed_and_finished_once_handled(engine: Engine, tmp_path: Path) -> None:
    bot = await harness_for(engine, tmp_path)
    journal: UpdateJournal = bot.app.bot.journal
    update = {"update_id": 77, **bot.telegram.user_message("durée de la convention", user_id=321)}
    await journal.record([(77, json.dumps(update))])
    assert await replay(bot.app, journal) == 1
    queued = bot.app.update_queue.get_nowait()
    processor = PerChatUpdateProcessor(4, journal)
    await processor.process_update(queued, bot.app.process_update(queued))
    assert [p["chat_id"] for p in bot.telegram.sent()] == [321]
    assert await journal.pending() == []


# --- fair turns ----------------------------------------------------------------------------------


def chat_update(chat_id: int, update_id: int) -> Update:
    telegram = FakeTelegram()
    data = {"update_id": update_id, **telegram.user_message("x", user_id=5, chat_id=chat_id, chat_type="supergroup")}
    return Update.de_json(data, None)


async def test_a_busy_chat_waits_for_its_turn_without_holding_the_slots() -> None:
    processor = PerChatUpdateProcessor(max_concurrent_updates=4)
    release = asyncio.Event()
    done: list[int] = []

    async def handle(update_id: int, wait: bool) -> None:
        if wait:
            await release.wait()
        done.append(update_id)

    group = [asyncio.create_task(processor.process_update(chat_update(-100, i), handle(i, True))) for i in range(50)]
    await asyncio.sleep(0.05)
    private = chat_update(42, 999)
    await asyncio.wait_for(processor.process_update(private, handle(999, False)), 1)
    assert done == [999]
    release.set()
    await asyncio.gather(*group)
    assert done[1:] == list(range(50))  # the group's order is kept


# --- polling that dies -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("errors", "fatal"),
    [
        ([InvalidToken("Unauthorized")], True),
        ([Conflict("terminated by other getUpdates request")] * 4, False),
        ([Conflict("terminated by other getUpdates request")] * 5, True),
        ([NetworkError("Bad Gateway")] * 50, False),
        ([BadRequest("x")] * 4 + ["ok"] + [BadRequest("x")] * 4, False),
    ],
)
def test_polling_gives_up_only_on_a_revoked_token_or_repeated_refusals(errors: list[Any], fatal: bool) -> None:
    watch = PollingWatch()
    stopped = []
    watch.on_fatal = lambda: stopped.append(True)
    for error in errors:
        watch.succeeded() if error == "ok" else watch.failed(error)
    assert bool(watch.fatal) is fatal and bool(stopped) is fatal


# --- handlers ------------------------------------------------------------------------------------


@pytest.fixture
async def bot(engine: Engine, tmp_path: Path) -> Harness:
    return await harness_for(engine, tmp_path)


async def test_article_with_a_huge_argument_replies_within_telegram_s_limit(bot: Harness) -> None:
    message = await bot.reply(bot.telegram.user_message("/article " + "x" * 4089))
    assert len(message["text"]) <= 4096 and "Je ne trouve pas" in message["text"]


async def test_a_button_under_an_inline_message_is_answered(bot: Harness, caplog: pytest.LogCaptureFixture) -> None:
    update = {
        "callback_query": {
            "id": "9",
            "from": {"id": 111, "is_bot": False, "first_name": "A"},
            "chat_instance": "1",
            "inline_message_id": "AAAA",
            "data": "+:art-6",
        }
    }
    calls = await bot.send(update)
    assert [method for method, _ in calls] == ["answerCallbackQuery"]
    assert "error while handling" not in caplog.text


async def test_lone_surrogates_in_text_and_button_data(bot: Harness, caplog: pytest.LogCaptureFixture) -> None:
    storage = bot.app.bot_data["services"].storage
    message = await bot.reply(bot.telegram.user_message("préavis de résiliation \ud800"))
    assert "Article 6" in message["text"]
    assert storage._db.execute("SELECT COUNT(*) FROM answers").fetchone()[0] == 1
    calls = await bot.send(bot.telegram.callback("+:art-6\udc80", bot.telegram.message("x")))
    assert [method for method, _ in calls] == ["answerCallbackQuery"]
    assert "error while handling" not in caplog.text


async def test_a_vote_for_an_unknown_clause_is_not_stored(bot: Harness) -> None:
    storage = bot.app.bot_data["services"].storage
    await bot.send(bot.telegram.callback("+:art-999", bot.telegram.message("x")))
    assert storage._db.execute("SELECT COUNT(*) FROM feedback").fetchone()[0] == 0


async def test_a_dotted_capital_i_before_the_mention_does_not_shift_the_question(bot: Harness) -> None:
    group = {"chat_id": -100123, "chat_type": "supergroup"}
    message = await bot.reply(bot.telegram.user_message(f"İİİİ @{BOT_USERNAME} tribunal compétent ?", **group))
    assert "Article 8" in message["text"]


async def test_the_engine_runs_off_the_event_loop_with_a_bound(bot: Harness, monkeypatch: pytest.MonkeyPatch) -> None:
    engine = bot.app.bot_data["services"].engine

    def slow_answer(*args: Any, **kwargs: Any) -> Any:
        time.sleep(0.6)  # stands for heavy pure-Python work
        return Engine.answer(engine, *args, **kwargs)

    monkeypatch.setattr(engine, "answer", slow_answer)
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.01)
            ticks += 1

    task = asyncio.create_task(ticker())
    await bot.reply(bot.telegram.user_message("durée de la convention"))
    assert ticks >= 20  # the loop kept turning while the engine worked
    monkeypatch.setattr(cpu, "BOUND", 0.1)
    message = await bot.reply(bot.telegram.user_message("durée de la convention"))
    task.cancel()
    assert message["text"] == TOO_SLOW


def test_telegram_s_own_loggers_stay_at_info_when_the_bot_logs_debug() -> None:
    try:
        setup_logging("DEBUG", TOKEN)
        assert logging.getLogger("telegram.ext.Application").getEffectiveLevel() == logging.INFO
        assert logging.getLogger("bot").getEffectiveLevel() == logging.DEBUG
    finally:
        logging.getLogger("telegram").setLevel(logging.NOTSET)
        logging.basicConfig(level=logging.WARNING, force=True)


# --- webhook -------------------------------------------------------------------------------------


async def test_webhook_refuses_bad_secrets_and_bodies_and_answers_a_replay_once(bot: Harness) -> None:
    await bot.app.start()
    client = TestClient(TestServer(webhook_app(bot.app, SECRET, "telegram")))
    await client.start_server()
    try:
        update = {"update_id": 5, **bot.telegram.user_message("durée de la convention", user_id=901)}
        for headers in ({}, {SECRET_HEADER: "wrong"}, {SECRET_HEADER: "sécrét"}):
            response = await client.post("/telegram", json=update, headers=headers)
            assert response.status == 403, headers
        good = {SECRET_HEADER: SECRET}
        for body in ("[]", "null", "{}", '{"update_id": "5"}', '{"update_id": 6, "message": 3}', "{not json"):
            response = await client.post("/telegram", data=body, headers={**good, "Content-Type": "application/json"})
            assert response.status == 400, body
        for _ in range(3):  # Telegram retrying the same call
            response = await client.post("/telegram", json=update, headers=good)
            assert response.status == 200
        for _ in range(100):
            if bot.telegram.sent() and not await bot.app.bot.journal.pending():
                break
            await asyncio.sleep(0.02)
        await asyncio.sleep(0.2)
        assert [p["chat_id"] for p in bot.telegram.sent()] == [901]
    finally:
        await client.close()
        await bot.app.stop()


# --- report, backup, health ------------------------------------------------------------------------


def test_csv_cells_that_would_be_spreadsheet_formulas_are_neutralised() -> None:
    rows = [
        {"question": q, "candidates": "[]", "answered": 0}
        for q in ("=HYPERLINK(1)", "+1", "-1+1", "@SUM(A1)", "normal")
    ]
    report: Report = build_report(rows, [{"clause_id": "art-6", "vote": -1, "question": "=1+1"}])
    cells = [cell for line in to_csv(report).splitlines()[1:] for cell in line.split(",")]
    assert not [cell for cell in cells if cell.lstrip('"').startswith(("=", "+", "-", "@"))], cells


def write_database(path: Path) -> None:
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE t (x TEXT)")
    db.executemany("INSERT INTO t VALUES (?)", [("question " * 50,)] * 200)
    db.commit()
    db.close()


def test_backup_refuses_what_it_must_not_overwrite(tmp_path: Path) -> None:
    database = tmp_path / "bot.sqlite3"
    write_database(database)
    document = tmp_path / "notes.txt"
    document.write_text("précieux")
    env = {"CONVENTION_BOT__STORAGE__PATH": str(database)}
    for destination in (tmp_path / "missing" / "copy.sqlite3", tmp_path, document, database):
        result = cli("backup", str(destination), **env)
        assert result.returncode == 1 and result.stderr.count("\n") == 1, result.stderr
        assert "Traceback" not in result.stderr
    assert document.read_text() == "précieux"
    assert sqlite3.connect(database).execute("SELECT COUNT(*) FROM t").fetchone()[0] == 200
    copy = tmp_path / "copy.sqlite3"
    assert cli("backup", str(copy), **env).returncode == 0
    assert cli("backup", str(copy), **env).returncode == 0  # an earlier copy is replaced
    assert copy.stat().st_mode & 0o777 == 0o600


def corrupt_pages(path: Path) -> None:
    """Keep the 100-byte header, scramble the pages after the first."""
    data = bytearray(path.read_bytes())
    for offset in range(4096 + 8, len(data), 97):
        data[offset] = (data[offset] + 113) % 256
    path.write_bytes(bytes(data))


def test_report_and_health_on_a_corrupt_database(tmp_path: Path) -> None:
    database = tmp_path / "bot.sqlite3"
    env = {"CONVENTION_BOT__STORAGE__PATH": str(database)}
    database.write_bytes(b"garbage" * 1000)
    result = cli("report", **env)
    assert result.returncode == 1 and result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    database.unlink()
    write_database(database)
    corrupt_pages(database)
    (tmp_path / "bot.sqlite3.heartbeat").write_text(f"{time.time():.0f}")
    health = cli("healthcheck", **env)
    assert health.returncode == 1 and "base de données" in health.stderr
    result = cli("report", **env)
    assert result.returncode == 1 and result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
