"""The chat's own convention calendar: /signature, /echeances, the .ics file, reminders."""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime, timedelta

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Message, Update
from telegram.ext import Application, ContextTypes, JobQueue

from ..core.agenda import agenda
from ..core.calendar_text import next_notice_deadline, reminder_text, reminder_times, schedule_text
from ..core.deadlines import find_dates, format_date, plausibility_problem
from ..storage import Reminder
from . import keyboards
from .context import SERVICES_KEY, BotContext, Services
from .render import citation_html, escape

log = logging.getLogger(__name__)
NO_DATE = (
    "Aucune date de signature enregistrée pour cette discussion. Envoyez par exemple "
    "<code>/signature 15/03/2025</code> (la date de la dernière signature par toutes les parties)."
)


async def signature(update: Update, context: BotContext) -> None:
    """Store the chat's signature date (/signature 15/03/2025), or show the stored one."""
    message = update.effective_message
    text = " ".join(context.args or [])
    if not text:
        stored = await context.storage.signature(message.chat_id)
        shown = f"Date enregistrée : <b>{format_date(stored)}</b>. Pour la changer : " if stored else ""
        await message.reply_html(shown + "<code>/signature 15/03/2025</code>" if stored else NO_DATE)
        return
    problem, value = _parse_signature(text)
    if value is None:
        await message.reply_html(escape(problem))
        return
    await context.storage.set_signature(message.chat_id, value)
    if await context.storage.reminders_enabled(message.chat_id):
        await schedule_reminders(context.application, message.chat_id, value)
    reply = f"✅ Date de signature enregistrée : <b>{format_date(value)}</b>.\n\n{escape(schedule_text(value, date.today()))}"
    await message.reply_html(reply, reply_markup=_agenda_keyboard())


async def deadlines(update: Update, context: BotContext) -> None:
    """Show every date of the chat's convention (/echeances)."""
    message = update.effective_message
    stored = await context.storage.signature(message.chat_id)
    if stored is None:
        await message.reply_html(NO_DATE)
        return
    quotes = "\n\n".join(citation_html(citation) for citation in context.engine.calendar_citations())
    await message.reply_html(
        f"{escape(schedule_text(stored, date.today()))}\n\n{quotes}", reply_markup=_agenda_keyboard()
    )


async def send_agenda(message: Message, context: BotContext) -> None:
    """Send the .ics file of the chat's deadlines."""
    stored = await context.storage.signature(message.chat_id)
    if stored is None:
        await message.reply_html(NO_DATE)
        return
    reminders = context.settings.reminders
    data = agenda(stored, date.today(), send_time=reminders.send_time, timezone=reminders.timezone)
    await message.reply_document(
        InputFile(data, filename="convention-echeances.ics", attach=True),
        caption="Les échéances de votre convention, à ouvrir avec votre agenda.",
    )


async def reminders_command(update: Update, context: BotContext) -> None:
    """Turn the deadline reminders on or off (/rappels on|off)."""
    message = update.effective_message
    choice = (context.args or [""])[0].lower()
    if choice in ("on", "oui", "activer"):
        stored = await context.storage.signature(message.chat_id)
        if stored is None:
            await message.reply_html(NO_DATE)
            return
        planned = await schedule_reminders(context.application, message.chat_id, stored)
        when = ", ".join(format_date(r.due_at.date()) for r in planned) or "aucun (échéance trop proche)"
        await message.reply_html(f"🔔 Rappels activés. Prochains rappels : {when}.")
    elif choice in ("off", "non", "desactiver", "désactiver"):
        await context.storage.set_reminders(message.chat_id, [])
        cancel_reminder_jobs(context.job_queue, context.storage.pseudonym("chat", message.chat_id))
        await message.reply_html("🔕 Rappels désactivés.")
    else:
        enabled = await context.storage.reminders_enabled(message.chat_id)
        days = " et ".join(str(d) for d in context.settings.reminders.days_before)
        await message.reply_html(
            f"Rappels {'activés' if enabled else 'désactivés'}. <code>/rappels on</code> : je vous préviens {days} jours "
            "avant la date limite d'envoi de la lettre recommandée ; <code>/rappels off</code> pour arrêter."
        )


async def schedule_reminders(
    application: Application, chat_id: int, signature_date: date, after: date | None = None
) -> list[Reminder]:
    """Store and schedule the reminders of the first LRAR deadline from `after` (default today),
    replacing the chat's pending ones."""
    services: Services = application.bot_data[SERVICES_KEY]
    settings = services.settings.reminders
    deadline = next_notice_deadline(signature_date, after or date.today())
    due = reminder_times(deadline, settings.days_before, settings.send_time, settings.timezone, datetime.now(UTC))
    planned = await services.storage.set_reminders(chat_id, due)
    cancel_reminder_jobs(application.job_queue, services.storage.pseudonym("chat", chat_id))
    for reminder in planned:
        plan_job(application, reminder)
    return planned


def plan_job(application: Application, reminder: Reminder) -> None:
    services: Services = application.bot_data[SERVICES_KEY]
    # A reminder missed while the bot was down goes out right away.
    when = max(reminder.due_at, datetime.now(UTC) + timedelta(seconds=1))
    name = _job_name(services.storage.pseudonym("chat", reminder.chat_id))
    application.job_queue.run_once(send_reminder, when=when, data=reminder, name=name)


async def send_reminder(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Send one due reminder, once; after the last one of a deadline, plan the next deadline's."""
    reminder: Reminder = context.job.data
    services: Services = context.application.bot_data[SERVICES_KEY]
    if not await services.storage.mark_sent(reminder.id):
        return
    await context.bot.send_message(reminder.chat_id, reminder_text(reminder.deadline, date.today()))
    pending = [r for r in await services.storage.pending_reminders() if r.chat_id == reminder.chat_id]
    stored = await services.storage.signature(reminder.chat_id)
    if not pending and stored is not None and await services.storage.reminders_enabled(reminder.chat_id):
        await schedule_reminders(context.application, reminder.chat_id, stored, reminder.deadline + timedelta(days=1))


async def restore_reminders(application: Application) -> None:
    """At start: schedule every reminder still to send (a restart loses none)."""
    services: Services = application.bot_data[SERVICES_KEY]
    for reminder in await services.storage.pending_reminders():
        plan_job(application, reminder)


async def move_chat(application: Application, old_chat_id: int, new_chat_id: int) -> None:
    """Follow a group that became a supergroup: stored data, then the planned reminders."""
    services: Services = application.bot_data[SERVICES_KEY]
    await services.storage.move_chat(old_chat_id, new_chat_id)
    cancel_reminder_jobs(application.job_queue, services.storage.pseudonym("chat", old_chat_id))
    for reminder in await services.storage.pending_reminders():
        if reminder.chat_id == new_chat_id:
            plan_job(application, reminder)


def cancel_reminder_jobs(job_queue: JobQueue | None, chat_key: str) -> None:
    if job_queue is not None:
        for job in job_queue.get_jobs_by_name(_job_name(chat_key)):
            job.schedule_removal()


def _job_name(chat_key: str) -> str:
    return f"reminder:{chat_key[:16]}"  # a pseudonym: job names may reach the logs


def _parse_signature(text: str) -> tuple[str, date | None]:
    found = find_dates(text)
    if not found:
        return "Je ne reconnais pas de date. Écrivez par exemple : /signature 15/03/2025", None
    if found[0].value is None:
        return found[0].problem + ". Écrivez par exemple : /signature 15/03/2025", None
    if problem := plausibility_problem(found[0].value, date.today()):
        return f"Date refusée : {problem}.", None
    return "", found[0].value


def _agenda_keyboard() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton("📅 Ajouter à mon agenda", callback_data=keyboards.data(keyboards.AGENDA, "ics"))]]
    )
