"""The reminders service: plan, send once, re-plan the next deadline's, restore at start, cancel.

Reminders live in the database and are scheduled on the JobQueue by delay from the clock's
"now", so a frozen clock in tests and the real one in production plan them the same way.
"""

from __future__ import annotations

from datetime import date, timedelta

from telegram.ext import Application, ContextTypes, JobQueue

from ..core.calendar_text import next_notice_deadline, reminder_text, reminder_times
from ..storage import Reminder
from .context import services_of

MISSED_DELAY = timedelta(seconds=0.1)  # a reminder missed while the bot was down goes out right away


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


def plan_job(application: Application, reminder: Reminder) -> None:
    services = services_of(application)
    delay = max(reminder.due_at - services.clock.now(), MISSED_DELAY)
    name = _job_name(services.storage.pseudonym("chat", reminder.chat_id))
    application.job_queue.run_once(send_reminder, when=delay, data=reminder, name=name)


async def send_reminder(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Send one due reminder, once; after the last one of a deadline, plan the next deadline's."""
    reminder: Reminder = context.job.data
    services = services_of(context.application)
    storage = services.storage
    if not await storage.mark_sent(reminder.id):
        return
    await context.bot.send_message(reminder.chat_id, reminder_text(reminder.deadline, services.clock.today()))
    pending = [r for r in await storage.pending_reminders() if r.chat_id == reminder.chat_id]
    stored = await storage.signature(reminder.chat_id)
    if not pending and stored is not None and await storage.reminders_enabled(reminder.chat_id):
        await schedule_reminders(context.application, reminder.chat_id, stored, reminder.deadline + timedelta(days=1))


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
