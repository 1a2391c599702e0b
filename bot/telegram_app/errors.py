"""The error handler: every error logged with its update id, the admin chat told (without floods),
and a chat that migrated followed instead of failing."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import ChatMigrated

from . import chat_migration
from .alerts import AlertGate
from .context import BotContext

log = logging.getLogger(__name__)
ALERTS_KEY = "admin_alerts"


async def error_handler(update: object, context: BotContext) -> None:
    """Log every error with its update id, tell the admin chat if configured, and carry on."""
    update_id = update.update_id if isinstance(update, Update) else None
    if isinstance(context.error, ChatMigrated) and isinstance(update, Update) and update.effective_chat:
        log.info("update %s: chat migrated to a supergroup", update_id)
        await chat_migration.move_chat(context.application, update.effective_chat.id, context.error.new_chat_id)
        return
    log.error("error while handling update %s", update_id, exc_info=context.error)
    admin_chat = context.settings.telegram.admin_chat_id
    kind = type(context.error).__name__
    held = context.application.bot_data.setdefault(ALERTS_KEY, AlertGate()).admit(kind)
    if admin_chat is not None and held is not None:
        text = f"⚠️ Erreur sur la mise à jour {update_id} : {kind}" + (f" (et {held} autre(s) tue(s))" if held else "")
        try:
            await context.bot.send_message(admin_chat, text)
        except Exception:  # the admin chat may be unreachable too; the log has it all
            log.warning("could not notify the admin chat", exc_info=True)
