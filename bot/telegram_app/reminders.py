"""The reminders service: plan, send once, re-plan the next deadline's, restore at start, cancel.

Reminders live in the database and are scheduled on the JobQueue by delay from the clock's
"now", so a frozen clock in tests and the real one in production plan them the same way.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta

from telegram.error import BadRequest, Forbidden, TelegramError
from telegram.ext import Application, ContextTypes, JobQueue

from ..core.calendar_text import next_notice_deadline, reminder_text, reminder_times
from ..storage import Reminder
from .context import services_of

MISSED_DELAY = timedelta(seconds=0.1)  # a reminder missed while the bot was down goes out right away
RETRY_PAUSE = timedelta(minutes=1)  # before the second try of a failed send; doubled each time
MAX_TRIES = 8  # about four hours of tries, after the rate limiter's own quick ones
log = logging.getLogger(__name__)


async def schedule_reminders(
    application: Application, chat_id: int, signature_date: date, after: date | None = None
) -> list[Reminder]:
    """Store and schedule the reminders of the first LRAR deadline from `after` (default today),
    replacing the chat's pending ones."""
    services = services_of(application)
    settings, clock = services.settings.reminders, services.clock
    deadline = next_notice_deadline(signature_date, after or clock.today())
    due = reminder_times(deadline, settings.days_before, settings.send_time, settings.timezone, clock.now())
    planned = await services.storage.set_reminders(chat_id, due)
    cancel_reminder_jobs(application.job_queue, services.storage.pseudonym("chat", chat_id))
    for reminder in planned:
        plan_job(application, reminder)
    return planned


def plan_job(application: Application, reminder: Reminder, after: timedelta | None = None) -> None:
    """Run `send_reminder` when the reminder is due (or `after` from now, for a new try)."""
    services = services_of(application)
    delay = after if after is not None else max(reminder.due_at - services.clock.now(), MISSED_DELAY)
    name = _job_name(services.storage.pseudonym("chat", reminder.chat_id))
    application.job_queue.run_once(send_reminder, when=delay, data=reminder, name=name)


async def send_reminder(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Send one due reminder; mark it sent only once Telegram accepted it, else try again later with a
    growing pause. Whatever happens, the chat's next reminders are planned."""
    reminder: Reminder = context.job.data
    services = services_of(context.application)
    storage = services.storage
    if not await storage.reminder_pending(reminder.id):  # erased, replaced or already sent
        return
    try:
        await context.bot.send_message(reminder.chat_id, reminder_text(reminder.deadline, services.clock.today()))
    except (Forbidden, BadRequest) as error:  # the chat is gone or blocked us: trying again cannot help
        log.warning("reminder %d not deliverable: %s", reminder.id, error)
        await storage.mark_sent(reminder.id)
    except TelegramError as error:
        tries = await storage.failed_try(reminder.id)
        if tries < MAX_TRIES:
            log.warning(
                "reminder %d failed (%s), try %d in %s", reminder.id, error, tries + 1, RETRY_PAUSE * 2 ** (tries - 1)
            )
            plan_job(context.application, reminder, RETRY_PAUSE * 2 ** (tries - 1))
            return
        log.error("reminder %d given up after %d tries: %s", reminder.id, tries, error)
        await storage.mark_sent(reminder.id)
    else:
        await storage.mark_sent(reminder.id)
    await plan_next(context.application, reminder)


async def plan_next(application: Application, reminder: Reminder) -> None:
    """After a deadline's last reminder: plan the next deadline's, if the chat still wants them."""
    storage = services_of(application).storage
    pending = [r for r in await storage.pending_reminders() if r.chat_id == reminder.chat_id]
    stored = await storage.signature(reminder.chat_id)
    if not pending and stored is not None and await storage.reminders_enabled(reminder.chat_id):
        await schedule_reminders(application, reminder.chat_id, stored, reminder.deadline + timedelta(days=1))


async def restore_reminders(application: Application, chat_id: int | None = None) -> None:
    """Schedule every reminder still to send (at start: a restart loses none), or only one chat's."""
    for reminder in await services_of(application).storage.pending_reminders():
        if chat_id is None or reminder.chat_id == chat_id:
            plan_job(application, reminder)


def cancel_reminder_jobs(job_queue: JobQueue | None, chat_key: str) -> None:
    if job_queue is not None:
        for job in job_queue.get_jobs_by_name(_job_name(chat_key)):
            job.schedule_removal()


def _job_name(chat_key: str) -> str:
    return f"reminder:{chat_key[:16]}"  # a pseudonym: job names may reach the logs
