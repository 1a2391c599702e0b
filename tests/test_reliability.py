"""Issue 14's findings that need no running process: journal, fair turns, handlers, webhook, CLI."""

from __future__ import annotations

import asyncio
import json
import logging
import socket
import sqlite3
import stat
import threading
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer
from conftest import convention_bot
from fake_telegram import BOT_USERNAME, TOKEN, FakeBotApiServer, FakeTelegram
from telegram import Update
from telegram.error import BadRequest, Conflict, InvalidToken, NetworkError
from test_deployment import cli
from test_handlers import ADMIN, Harness, harness_for

from bot.clock import Clock
from bot.core.answer import Answer, Citation
from bot.core.engine import Engine
from bot.journal import UpdateJournal
from bot.report import Report, build_report, to_csv
from bot.settings import SettingsError, load_settings
from bot.storage import SCHEMA_VERSION, Storage, StorageError, check_database
from bot.telegram_app import cpu
from bot.telegram_app.alerts import AlertGate
from bot.telegram_app.asking import TOO_SLOW
from bot.telegram_app.durable import PollingWatch, replay
from bot.telegram_app.logs import setup_logging
from bot.telegram_app.ordering import PerChatUpdateProcessor
from bot.telegram_app.privileges import NOT_ADMIN
from bot.telegram_app.reminders import send_reminder
from bot.telegram_app.webhook import SECRET_HEADER, webhook_app

SECRET = "s3cr3t-Token_for-tests"


@pytest.fixture
async def journal(tmp_path: Path) -> UpdateJournal:
    storage = Storage(tmp_path / "bot.sqlite3", b"k" * 32)
    return UpdateJournal(storage.run, Clock(frozen=datetime(2026, 11, 28, 10, tzinfo=UTC)))


# --- the journal ---------------------------------------------------------------------------------


async def test_the_journal_keeps_unfinished_updates_and_recognises_every_id_once(journal: UpdateJournal) -> None:
    assert await journal.record([(1, '{"update_id": 1}'), (2, '{"update_id": 2}')]) == {1, 2}
    assert await journal.record([(2, '{"update_id": 2}'), (3, '{"update_id": 3}')]) == {3}  # re-delivered: 2
    await journal.finish(1)
    assert [update_id for update_id, _ in await journal.pending()] == [2, 3]
    assert await journal.record([(1, '{"update_id": 1}')]) == set()  # finished: never handled again
    journal._clock.set(datetime(2026, 12, 1, 10, tzinfo=UTC))  # three days later
    assert await journal.purge() == 1
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
    done = threading.Event()  # the heavy work's end

    def slow_answer(*args: Any, **kwargs: Any) -> Any:
        done.wait(5)  # stands for heavy pure-Python work, which lasts until `done` (at most 5 s)
        return Engine.answer(engine, *args, **kwargs)

    monkeypatch.setattr(engine, "answer", slow_answer)
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.005)
            ticks += 1
            if ticks == 20:  # the loop kept turning while the engine worked: the work may end
                done.set()

    long = "Bonjour, " + "nous voudrions savoir quelle est la durée de la convention signée. " * 6  # over INLINE_SIZE
    task = asyncio.create_task(ticker())
    message = await bot.reply(bot.telegram.user_message(long))
    assert done.is_set() and "Article 3" in message["text"]  # on the loop, the work would have waited 5 s in vain
    done.clear()
    monkeypatch.setattr(cpu, "BOUND", 0.1)
    message = await bot.reply(bot.telegram.user_message(long))
    done.set()  # the thread left behind ends
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
        result = convention_bot("backup", str(destination), **env)
        assert result.returncode == 1 and result.stderr.count("\n") == 1, result.stderr
        assert "Traceback" not in result.stderr
    assert document.read_text() == "précieux"
    assert sqlite3.connect(database).execute("SELECT COUNT(*) FROM t").fetchone()[0] == 200
    copy = tmp_path / "copy.sqlite3"
    assert convention_bot("backup", str(copy), **env).returncode == 0
    assert convention_bot("backup", str(copy), **env).returncode == 0  # an earlier copy is replaced
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
    result = convention_bot("report", **env)
    assert result.returncode == 1 and result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    database.unlink()
    write_database(database)
    corrupt_pages(database)
    (tmp_path / "bot.sqlite3.heartbeat").write_text(f"{time.time():.0f}")
    health = convention_bot("healthcheck", **env)
    assert health.returncode == 1 and "base de données" in health.stderr
    result = convention_bot("report", **env)
    assert result.returncode == 1 and result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


# --- reminders -----------------------------------------------------------------------------------


async def test_a_reminder_is_marked_sent_only_once_telegram_accepted_it(engine: Engine, tmp_path: Path) -> None:
    bot = await harness_for(engine, tmp_path, retry_pause=0.001)
    storage = bot.services.storage
    await storage.set_signature(111, date(2025, 4, 1))
    due = [(date(2027, 1, 1), bot.services.clock.now() - timedelta(minutes=1))]
    reminder = (await storage.set_reminders(111, due))[0]
    context = SimpleNamespace(job=SimpleNamespace(data=reminder), application=bot.app, bot=bot.app.bot)
    for _ in range(5):  # the first send and the rate limiter's four new tries all fail
        bot.telegram.fail_next("sendMessage", 502, "Bad Gateway")
    await send_reminder(context)  # type: ignore[arg-type]
    assert not bot.telegram.bot_messages
    assert [r.id for r in await storage.pending_reminders()] == [reminder.id]  # not lost
    assert [job.name for job in bot.app.job_queue.jobs()]  # a new try is planned
    status = await bot.reply(bot.telegram.user_message("/rappels"))
    assert "prochains rappels" in status["text"]
    await send_reminder(context)  # type: ignore[arg-type]  # the new try, later
    assert len([m for m in bot.telegram.bot_messages if m["text"].startswith("⏰")]) == 1
    later = await storage.pending_reminders()
    assert later and all(r.deadline > date(2027, 1, 1) for r in later)  # the next deadline's are planned


async def test_rappels_says_when_nothing_is_planned(bot: Harness) -> None:
    storage = bot.services.storage
    reminder = (await storage.set_reminders(111, [(date(2027, 1, 1), bot.services.clock.now())]))[0]
    await storage.mark_sent(reminder.id)
    assert "aucun rappel n'est prévu" in (await bot.reply(bot.telegram.user_message("/rappels")))["text"]


# --- votes, /oubli, privileges, /stats, alerts -----------------------------------------------------

GROUP = {"chat_id": -100900, "chat_type": "supergroup"}


async def test_one_vote_per_user_per_answer_and_no_copy_of_the_text(bot: Harness) -> None:
    storage = bot.services.storage
    await bot.reply(bot.telegram.user_message("préavis de résiliation zorglub", user_id=111))
    answered = bot.telegram.bot_messages[-1]
    for _ in range(30):
        await bot.send(bot.telegram.callback("+:art-6", answered, user_id=111))
    await bot.send(bot.telegram.callback("-:art-6", answered, user_id=111))  # a change of mind replaces
    await bot.send(bot.telegram.callback("-:art-6", answered, user_id=222))
    rows = storage._db.execute("SELECT vote FROM feedback ORDER BY id").fetchall()
    assert [row[0] for row in rows] == [-1, -1]
    columns = [row[1] for row in storage._db.execute("PRAGMA table_info(feedback)")]
    assert storage._db.execute("SELECT COUNT(*) FROM feedback WHERE question IS NOT NULL").fetchone()[0] == 0
    assert "answer_id" in columns
    await bot.reply(bot.telegram.user_message("/oubli", user_id=111))
    storage._scrub()
    assert b"zorglub" not in b"".join(p.read_bytes() for p in storage.path.parent.glob("bot.sqlite3*"))
    assert [tuple(r) for r in storage.feedback_for_report(date(2000, 1, 1))] == []  # 222's vote went with the chat


async def test_oubli_in_a_group_erases_the_person_everywhere_but_the_group_only_for_its_admins(bot: Harness) -> None:
    storage = bot.services.storage
    await bot.reply(bot.telegram.user_message("/signature 15/03/2025", user_id=333))  # private chat 333
    bot.telegram.group_admins[GROUP["chat_id"]] = {444}
    await bot.reply(bot.telegram.user_message("/signature 15/03/2025", user_id=444, **GROUP))
    await bot.reply(bot.telegram.user_message(f"@{BOT_USERNAME} préavis ?", user_id=333, **GROUP))
    member = await bot.reply(bot.telegram.user_message("/oubli", user_id=333, **GROUP))
    assert "1 question(s)" in member["text"] and "les réglages de ce groupe restent" in member["text"]
    assert await storage.signature(333) is None  # the private chat's data, asked from the group
    assert await storage.signature(GROUP["chat_id"]) == date(2025, 3, 15)
    admin = await bot.reply(bot.telegram.user_message("/oubli", user_id=444, **GROUP))
    assert "réglages de ce groupe sont effacés" in admin["text"]
    assert await storage.signature(GROUP["chat_id"]) is None


@pytest.mark.parametrize("command", ["/signature 15/03/2025", "/rappels off", "/rappels on"])
async def test_group_wide_changes_need_a_group_administrator(bot: Harness, command: str) -> None:
    bot.telegram.group_admins[GROUP["chat_id"]] = {444}
    refused = await bot.reply(bot.telegram.user_message(command, user_id=333, **GROUP))
    assert refused["text"] == NOT_ADMIN
    allowed = await bot.reply(bot.telegram.user_message(command, user_id=444, **GROUP))
    assert allowed["text"] != NOT_ADMIN
    anonymous = bot.telegram.user_message(
        command, user_id=1087968824, sender_chat={"id": GROUP["chat_id"], "type": "supergroup"}, **GROUP
    )
    assert (await bot.reply(anonymous))["text"] != NOT_ADMIN
    await bot.reply(bot.telegram.user_message(command, user_id=333, **GROUP))
    assert len(bot.telegram.sent("getChatMember")) == 2  # cached


async def test_group_stats_show_only_that_group(engine: Engine, tmp_path: Path) -> None:
    bot = await harness_for(engine, tmp_path)
    await bot.reply(bot.telegram.user_message("préavis de résiliation", user_id=1))
    await bot.reply(bot.telegram.user_message("durée de la convention", user_id=2))
    await bot.reply(bot.telegram.user_message(f"@{BOT_USERNAME} tribunal compétent", user_id=3, **GROUP))
    in_group = await bot.reply(bot.telegram.user_message("/stats", user_id=ADMIN, **GROUP))
    assert "1 question(s)" in in_group["text"] and "Article 6" not in in_group["text"]
    private = await bot.reply(bot.telegram.user_message("/stats", user_id=ADMIN))
    assert "3 question(s)" in private["text"]


def test_admin_alerts_are_throttled_and_deduplicated() -> None:
    now = [0.0]
    gate = AlertGate(clock=lambda: now[0])
    assert gate.admit("BadRequest") == 0
    assert [gate.admit("BadRequest") for _ in range(9)] == [None] * 9  # the same error, again and again
    now[0] = 601
    assert gate.admit("BadRequest") == 9  # the next one says how many were held back
    assert [gate.admit(f"Error{i}") for i in range(12)].count(None) == 4  # 10 an hour at most


# --- start-up failures, files, settings ------------------------------------------------------------


def sqlite_file(path: Path, *statements: str) -> None:
    db = sqlite3.connect(path)
    for statement in statements:
        db.execute(statement)
    db.commit()
    db.close()


def truncated(path: Path) -> None:
    sqlite_file(path, "CREATE TABLE answers (x TEXT)", *["INSERT INTO answers VALUES ('" + "q" * 3000 + "')"] * 20)
    path.write_bytes(path.read_bytes()[:6000])


STARTUP_FAILURES = {
    "garbage": lambda path: path.write_bytes(b"\x00garbage" * 500),
    "truncated": truncated,
    "foreign": lambda path: sqlite_file(path, "CREATE TABLE invoices (id INTEGER)"),
    "newer schema": lambda path: sqlite_file(path, "CREATE TABLE answers (x)", "PRAGMA user_version = 99"),
    "a folder": lambda path: path.mkdir(),
}


@pytest.mark.parametrize("case", STARTUP_FAILURES, ids=list(STARTUP_FAILURES))
def test_a_bad_database_stops_the_start_in_one_french_line_and_nothing_is_created(
    tmp_path: Path, case: str, restored_logging: None
) -> None:
    database = tmp_path / "bot.sqlite3"
    STARTUP_FAILURES[case](database)
    before = sorted(p.name for p in tmp_path.iterdir())
    content = database.read_bytes() if database.is_file() else None
    result = convention_bot("run", TELEGRAM_BOT_TOKEN=TOKEN, CONVENTION_BOT__STORAGE__PATH=str(database),
                            CONVENTION_BOT__TELEGRAM__BASE_URL="http://127.0.0.1:9/bot")  # fmt: skip
    assert result.returncode != 0 and result.stderr.count("\n") == 1, result.stderr
    assert ("Traceback" not in result.stderr and "Base" in result.stderr) or "base" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no secret, no WAL beside it
    if content is not None:
        assert database.read_bytes() == content


async def test_missing_and_refused_tokens_exit_with_code_2(tmp_path: Path, restored_logging: None) -> None:
    storage = {"CONVENTION_BOT__STORAGE__PATH": str(tmp_path / "bot.sqlite3")}
    missing = convention_bot("run", TELEGRAM_BOT_TOKEN="", **storage)
    assert missing.returncode == 2 and missing.stderr.count("\n") == 1 and "Jeton Telegram manquant" in missing.stderr
    server = FakeBotApiServer(FakeTelegram())
    await server.start()
    try:  # `run` runs its own event loop: off this one, which serves the fake Bot API
        refused = await asyncio.to_thread(
            convention_bot,
            "run",
            TELEGRAM_BOT_TOKEN="7000000001:AAWrongTokenWrongTokenWrongToken",
            CONVENTION_BOT__TELEGRAM__BASE_URL=server.base_url,
            **storage,
        )
    finally:
        await server.stop()
    assert refused.returncode == 2
    assert "Jeton Telegram refusé" in refused.stderr and "Traceback" not in refused.stderr


def test_an_unreadable_secret_stops_the_start_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "bot.sqlite3.secret").mkdir()
    result = convention_bot("report", CONVENTION_BOT__STORAGE__PATH=str(tmp_path / "bot.sqlite3"))
    sqlite_file(tmp_path / "bot.sqlite3", "CREATE TABLE answers (x)")
    result = convention_bot("report", CONVENTION_BOT__STORAGE__PATH=str(tmp_path / "bot.sqlite3"))
    assert result.returncode == 1 and result.stderr.count("\n") == 1 and "Secret" in result.stderr, result.stderr


@pytest.mark.slow  # a real process: the webhook server installs signal handlers (main thread only)
async def test_a_taken_webhook_port_is_one_line(tmp_path: Path) -> None:
    server = FakeBotApiServer(FakeTelegram())
    await server.start()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        env = {
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "CONVENTION_BOT__TELEGRAM__BASE_URL": server.base_url,
            "CONVENTION_BOT__STORAGE__PATH": str(tmp_path / "bot.sqlite3"),
            "CONVENTION_BOT__LOG_LEVEL": "ERROR",
            "CONVENTION_BOT__TELEGRAM__MODE": "webhook",
            "CONVENTION_BOT__TELEGRAM__WEBHOOK__LISTEN": "127.0.0.1",
            "CONVENTION_BOT__TELEGRAM__WEBHOOK__PORT": str(taken.getsockname()[1]),
            "CONVENTION_BOT__TELEGRAM__WEBHOOK__PUBLIC_URL": "https://bot.example.org",
            "CONVENTION_BOT__TELEGRAM__WEBHOOK__SECRET_TOKEN": "s3cr3t",
        }
        result = await asyncio.to_thread(cli, "run", **env)
    await server.stop()
    assert result.returncode == 1 and result.stderr.count("\n") == 1 and "Écoute impossible" in result.stderr


def test_the_data_folder_is_private_and_so_are_its_files(tmp_path: Path) -> None:
    path = tmp_path / "data" / "bot.sqlite3"
    storage = Storage(path, b"k" * 32)
    storage._db.execute("CREATE TABLE IF NOT EXISTS probe (x)")
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    for file in path.parent.iterdir():
        assert stat.S_IMODE(file.stat().st_mode) == 0o600, file
    storage.close()


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("REMINDERS__TIMEZONE", "Mars/Olympus", "fuseau horaire inconnu"),
        ("REMINDERS__DAYS_BEFORE", "[1000000]", "au plus 365"),
        ("REMINDERS__DAYS_BEFORE", "[-30]", "au moins 1"),
        ("REMINDERS__DAYS_BEFORE", "[]", "vide"),
        ("TELEGRAM__BASE_URL", "api.telegram.org/bot", "adresse web invalide"),
        ("TELEGRAM__WEBHOOK__PUBLIC_URL", "bot.example.org", "adresse web invalide"),
    ],
)
def test_settings_that_would_fail_later_are_refused_when_loaded(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str, message: str
) -> None:
    monkeypatch.setenv(f"CONVENTION_BOT__{variable}", value)
    with pytest.raises(SettingsError, match=message):
        load_settings()


# --- retention ---------------------------------------------------------------------------------------


async def test_the_purge_runs_at_start_and_leaves_no_text_in_the_file(engine: Engine, tmp_path: Path) -> None:
    bot = await harness_for(engine, tmp_path)
    storage = bot.services.storage
    citation = (Citation("art-3", "Article 3", "Durée", "…"),)
    for index in range(50):  # well answered, not rated: kept one day
        understood = Answer(f"durée de la convention marqueur{index:02d}x", True, "clause", "…", citation, 0.9)
        await storage.record_answer(index + 1, index + 1, index, understood, keep_text=True)
    yesterday = (bot.services.clock.now() - timedelta(days=2)).astimezone(UTC).isoformat()
    storage._db.execute("UPDATE answers SET created_at = ?", (yesterday,))
    await bot.app.post_init(bot.app)  # the start: the purge runs now, not in a day
    storage._scrub()
    on_disk = b"".join(p.read_bytes() for p in storage.path.parent.glob("bot.sqlite3*") if p.is_file())
    assert [index for index in range(50) if f"marqueur{index:02d}x".encode() in on_disk] == []
    assert storage._db.execute("SELECT COUNT(*) FROM answers").fetchone()[0] == 0


def test_a_read_only_data_folder_is_one_french_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("bot.storage.safety.os.access", lambda path, mode: False)  # the tests may run as root
    with pytest.raises(StorageError, match="n'est pas accessible en écriture"):
        check_database(tmp_path / "bot.sqlite3", SCHEMA_VERSION)
    sqlite_file(tmp_path / "old.sqlite3", "CREATE TABLE answers (x)")
    with pytest.raises(StorageError, match="lecture seule"):
        check_database(tmp_path / "old.sqlite3", SCHEMA_VERSION)
