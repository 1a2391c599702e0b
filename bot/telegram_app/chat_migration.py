"""A group that became a supergroup keeps its signature date, history and reminders."""

from __future__ import annotations

from telegram import Update
from telegram.ext import Application

from .context import BotContext, services_of
from .reminders import cancel_reminder_jobs, restore_reminders


async def move_chat(application: Application, old_chat_id: int, new_chat_id: int) -> None:
    """Follow a group that became a supergroup: stored data, then the planned reminders."""
    storage = services_of(application).storage
    await storage.move_chat(old_chat_id, new_chat_id)
    cancel_reminder_jobs(application.job_queue, storage.pseudonym("chat", old_chat_id))
    await restore_reminders(application, new_chat_id)


async def chat_migrated(update: Update, context: BotContext) -> None:
    """A group became a supergroup: move its settings to the new chat id."""
    message = update.effective_message  # Telegram tells both the old group and the new supergroup
    if message.migrate_to_chat_id:
        await move_chat(context.application, message.chat_id, message.migrate_to_chat_id)
    elif message.migrate_from_chat_id:
        await move_chat(context.application, message.migrate_from_chat_id, message.chat_id)
