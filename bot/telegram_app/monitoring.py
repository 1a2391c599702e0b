"""What operators see: one log line per update, and a heartbeat file for health checks.

The log line never holds a question's text (except at DEBUG level, from the handlers), a user
id or the token: update id, chat type, kind of answer, clause, score, latency.
"""

from __future__ import annotations

import logging
import os
import time

from telegram import Update
from telegram.ext import ContextTypes

from .context import BotContext, services_of

log = logging.getLogger("convention_bot.updates")


async def started(update: Update, context: BotContext) -> None:
    """First of every update: note the time."""
    context.started_at = time.monotonic()


async def finished(update: Update, context: BotContext) -> None:
    """Last of every update: the log line."""
    latency = (time.monotonic() - context.started_at) * 1000
    answer = context.answer
    chat = update.effective_chat.type if update.effective_chat else "none"
    kind = answer.kind if answer else _kind(update)
    clause = answer.citations[0].id if answer and answer.citations else "-"
    score = f"{answer.score:.2f}" if answer else "-"
    log.info(
        "update=%s chat=%s kind=%s clause=%s score=%s latency_ms=%.1f",
        *(update.update_id, chat, kind, clause, score, latency),
    )


def _kind(update: Update) -> str:
    if update.callback_query:
        return "button"
    if update.inline_query:
        return "inline"
    message = update.effective_message
    if message and message.text and message.text.startswith("/"):
        return "command"
    return "other"


async def heartbeat(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Every 30 s: write the time to the heartbeat file (atomically) for `convention-bot healthcheck`."""
    services = services_of(context.application)
    path = services.settings.heartbeat_file
    temporary = path.with_suffix(path.suffix + ".tmp")
    temporary.write_text(f"{time.time():.0f}", encoding="utf-8")
    os.replace(temporary, path)
