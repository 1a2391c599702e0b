"""The chat's own convention calendar, as commands: /signature, /echeances, /rappels."""

from __future__ import annotations

from datetime import date

from telegram import Update

from ..core.calendar_text import schedule_text
from ..core.date_mentions import find_dates
from ..core.deadlines import format_date, plausibility_problem
from .calendar_file import NO_DATE, agenda_keyboard
from .context import BotContext
from .privileges import NOT_ADMIN, may_change_chat
from .reminders import cancel_reminder_jobs, schedule_reminders
from .render import citation_html, escape


async def signature(update: Update, context: BotContext) -> None:
    """Store the chat's signature date (/signature 15/03/2025), or show the stored one."""
    message = update.effective_message
    text = " ".join(context.args or [])
    if not text:
        stored = await context.storage.signature(message.chat_id)
        shown = f"Date enregistrée : <b>{format_date(stored)}</b>. Pour la changer : " if stored else ""
        await message.reply_html(shown + "<code>/signature 15/03/2025</code>" if stored else NO_DATE)
        return
    if not await may_change_chat(update, context):
        await message.reply_html(NOT_ADMIN)
        return
    today = context.clock.today()
    problem, value = _parse_signature(text, today)
    if value is None:
        await message.reply_html(escape(problem))
        return
    await context.storage.set_signature(message.chat_id, value)
    if await context.storage.reminders_enabled(message.chat_id):
        await schedule_reminders(context.application, message.chat_id, value)
    earliest = context.engine.knowledge.calculations.earliest_signature  # warn, do not refuse
    reply = f"✅ Date de signature enregistrée : <b>{format_date(value)}</b>.\n\n{escape(schedule_text(value, today, earliest=earliest))}"
    await message.reply_html(reply, reply_markup=agenda_keyboard())


async def deadlines(update: Update, context: BotContext) -> None:
    """Show every date of the chat's convention (/echeances)."""
    message = update.effective_message
    stored = await context.storage.signature(message.chat_id)
    if stored is None:
        await message.reply_html(NO_DATE)
        return
    quotes = "\n\n".join(citation_html(citation) for citation in context.engine.calendar_citations())
    schedule = escape(schedule_text(stored, context.clock.today()))
    await message.reply_html(f"{schedule}\n\n{quotes}", reply_markup=agenda_keyboard())


async def reminders_command(update: Update, context: BotContext) -> None:
    """Turn the deadline reminders on or off (/rappels on|off)."""
    message = update.effective_message
    choice = (context.args or [""])[0].lower()
    changes = choice in ("on", "oui", "activer", "off", "non", "desactiver", "désactiver")
    if changes and not await may_change_chat(update, context):
        await message.reply_html(NOT_ADMIN)
        return
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
        planned = [r for r in await context.storage.pending_reminders() if r.chat_id == message.chat_id]
        if enabled:  # what is really planned, not only the choice
            dates = ", ".join(format_date(r.due_at.date()) for r in sorted(planned, key=lambda r: r.due_at))
            state = (
                f"Rappels activés ; prochains rappels : {dates}."
                if planned
                else "Rappels activés, mais aucun rappel n'est prévu (enregistrez la date avec /signature)."
            )
        else:
            state = "Rappels désactivés."
        await message.reply_html(
            f"{state} <code>/rappels on</code> : je vous préviens {days} jours "
            "avant la date limite d'envoi de la lettre recommandée ; <code>/rappels off</code> pour arrêter."
        )


def _parse_signature(text: str, today: date) -> tuple[str, date | None]:
    found = find_dates(text)
    if not found:
        return "Je ne reconnais pas de date. Écrivez par exemple : /signature 15/03/2025", None
    if found[0].value is None:
        return found[0].problem + ". Écrivez par exemple : /signature 15/03/2025", None
    if problem := plausibility_problem(found[0].value, today):
        return f"Date refusée : {problem}.", None
    return "", found[0].value
