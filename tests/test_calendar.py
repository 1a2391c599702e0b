"""The chat's calendar through the handlers: /signature, deadline questions, /echeances, .ics, reminders."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from icalendar import Calendar
from test_handlers import Harness, harness_for

from bot.core.calendar_text import next_notice_deadline, reminder_times
from bot.core.deadlines import compute_deadlines
from bot.core.engine import Engine
from bot.telegram_app.reminders import send_reminder

CHAT = 111


@pytest.fixture
async def bot(engine: Engine, tmp_path: Path) -> AsyncIterator[Harness]:
    harness = await harness_for(engine, tmp_path)
    yield harness
    await harness.app.shutdown()
    harness.services.storage.close()


def storage(bot: Harness):  # type: ignore[no-untyped-def]
    return bot.services.storage


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("/signature", "Aucune date de signature enregistrée"),
        ("/signature 31/02/2025", "n'est pas une date valide"),
        ("/signature hier", "Je ne reconnais pas de date"),
        ("/signature 01/01/1900", "antérieure à la convention"),
        ("/echeances", "Aucune date de signature enregistrée"),
        ("/rappels on", "Aucune date de signature enregistrée"),
    ],
)
async def test_refusals_in_words(bot: Harness, command: str, expected: str) -> None:
    assert expected in (await bot.reply(bot.telegram.user_message(command)))["text"]


async def test_stored_date_answers_deadline_questions(bot: Harness) -> None:
    stored = await bot.reply(bot.telegram.user_message("/signature 15 mars 2025"))
    assert "samedi 15 mars 2025" in stored["text"]
    assert (await bot.reply(bot.telegram.user_message("/signature")))["text"].startswith("Date enregistrée")
    deadline = compute_deadlines(date(2025, 3, 15), bot.services.clock.today()).open_notice
    answer = await bot.reply(bot.telegram.user_message("jusqu'à quand pouvons-nous résilier ?"))
    assert f"{deadline:%d/%m/%Y}" in answer["text"] and "Article 3" in answer["text"]
    own_date = await bot.reply(bot.telegram.user_message("signée le 01/04/2025, jusqu'à quand résilier ?"))
    assert "01/04/2025" in own_date["text"]  # a date in the question wins over the stored one


async def test_deadlines_and_calendar_file(bot: Harness) -> None:
    await bot.reply(bot.telegram.user_message("/signature 2025-04-01"))
    schedule = await bot.reply(bot.telegram.user_message("/echeances"))
    assert "Entrée en vigueur : mardi 1er avril 2025" in schedule["text"]
    assert "Prochain réexamen" in schedule["text"] and "<b>Article 6" in schedule["text"]
    calls = await bot.send(bot.telegram.callback("a:ics", bot.telegram.message("x")))
    document = next(params for method, params in calls if method == "sendDocument")["document"]
    assert document["filename"] == "convention-echeances.ics"
    events = {e["SUMMARY"]: e for e in Calendar.from_ical(document["content"]).walk("VEVENT")}
    dates = compute_deadlines(date(2025, 4, 1), bot.services.clock.today())
    starts = sorted(e["DTSTART"].dt for e in events.values())
    assert starts[0] == dates.open_notice
    for event in events.values():
        alarm, day = event.walk("VALARM")[0]["TRIGGER"].dt, event["DTSTART"].dt
        # A month before, or (that being past) the next day: never an alarm that cannot ring.
        assert (day - alarm.date()).days in range(28, 32) or alarm.date() == min(
            bot.services.clock.today() + timedelta(days=1), day
        )


async def test_reminders_on_off_and_forget(bot: Harness) -> None:
    signature = bot.services.clock.today() - timedelta(days=200)
    await bot.reply(bot.telegram.user_message(f"/signature {signature:%d/%m/%Y}"))
    on = await bot.reply(bot.telegram.user_message("/rappels on"))
    assert on["text"].startswith("🔔 Rappels activés")
    pending = await storage(bot).pending_reminders()
    assert pending and all(r.chat_id == CHAT for r in pending)
    assert bot.app.job_queue.jobs()
    assert (await bot.reply(bot.telegram.user_message("/rappels")))["text"].startswith("Rappels activés")
    off = await bot.reply(bot.telegram.user_message("/rappels off"))
    assert off["text"].startswith("🔕") and await storage(bot).pending_reminders() == []
    await bot.reply(bot.telegram.user_message("/rappels on"))
    forgot = await bot.reply(bot.telegram.user_message("/oubli"))
    assert "effacé" in forgot["text"]
    assert await storage(bot).pending_reminders() == [] and await storage(bot).signature(CHAT) is None


async def test_a_due_reminder_is_sent_once(bot: Harness) -> None:
    await storage(bot).set_signature(CHAT, date(2025, 4, 1))
    due = [(date(2027, 1, 1), bot.services.clock.now() - timedelta(minutes=1))]
    reminder = (await storage(bot).set_reminders(CHAT, due))[0]

    context = SimpleNamespace(job=SimpleNamespace(data=reminder), application=bot.app, bot=bot.app.bot)
    await send_reminder(context)  # type: ignore[arg-type]
    await send_reminder(context)  # type: ignore[arg-type]
    sent = bot.telegram.sent()
    assert len(sent) == 1 and sent[0]["chat_id"] == CHAT and "01/01/2027" in sent[0]["text"]


async def test_a_reminder_goes_out_when_due_through_the_job_queue(bot: Harness) -> None:
    clock, signature = bot.services.clock, date(2025, 4, 1)
    deadline = next_notice_deadline(signature, clock.today())
    first_due = datetime.combine(deadline - timedelta(days=30), time(9), clock.zone)
    clock.set(first_due - timedelta(seconds=0.3))  # 08:59:59.7 in Paris, 30 days before the deadline
    await bot.reply(bot.telegram.user_message(f"/signature {signature:%d/%m/%Y}"))
    assert "Rappels activés" in (await bot.reply(bot.telegram.user_message("/rappels on")))["text"]
    assert not [m for m in bot.telegram.sent() if m["text"].startswith("⏰")]  # not before its time
    await bot.app.job_queue.start()
    try:
        for _ in range(40):
            if reminders := [m for m in bot.telegram.sent() if m["text"].startswith("⏰")]:
                break
            await asyncio.sleep(0.05)
    finally:
        await bot.app.job_queue.stop()
    assert len(reminders) == 1 and reminders[0]["chat_id"] == CHAT and f"{deadline:%d/%m/%Y}" in reminders[0]["text"]
    assert [r.deadline for r in await storage(bot).pending_reminders()] == [deadline]  # the 7-day one is left


def test_reminder_times_skip_the_past() -> None:
    now = datetime(2026, 12, 20, 12, tzinfo=UTC)
    times = reminder_times(date(2027, 1, 1), [30, 7], time(9), "Europe/Paris", now)
    assert [moment.date() for _, moment in times] == [date(2026, 12, 25)]
    assert times[0][1].utcoffset() == timedelta(hours=1)
