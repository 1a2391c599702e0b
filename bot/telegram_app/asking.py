"""Answering what a user asks: the text a message addresses to the bot, answered by the engine within
its CPU bound with the chat's signature date, then recorded for feedback and reports."""

from __future__ import annotations

import logging
import re

from telegram import Message
from telegram.constants import ChatType

from .context import BotContext
from .cpu import TooSlow, bounded
from .sending import send_answer

log = logging.getLogger(__name__)
TOO_SLOW = "Votre message est trop long ou trop complexe pour que je le lise à temps : posez une question plus courte."


def valid_text(text: str) -> str:
    """`text` without lone surrogates (Telegram may send them; SQLite and UTF-8 refuse them)."""
    return text.encode("utf-8", "replace").decode("utf-8")


def addressed_text(message: Message, bot_username: str, bot_id: int) -> str | None:
    """The question a message asks the bot: always in private, in groups only when addressed."""
    text = message.text or message.caption or ""
    if message.chat.type == ChatType.PRIVATE:
        return text
    mention = re.search(f"@{re.escape(bot_username)}", text, re.IGNORECASE | re.ASCII)
    if mention:  # cut in the text itself: lowering it first may change its length ("İ")
        return (text[: mention.start()] + text[mention.end() :]).strip()
    replied = message.reply_to_message
    if replied is not None and replied.from_user is not None and replied.from_user.id == bot_id:
        return text
    return None


async def answer_question(message: Message, context: BotContext, question: str) -> None:
    """Answer with the chat's own signature date, send, and remember it for feedback and reports."""
    question = valid_text(question)
    signature = await context.storage.signature(message.chat_id)
    try:
        answer = await bounded(
            context.engine.answer, question, size=len(question), today=context.clock.today(), signature=signature
        )
    except TooSlow:
        await message.reply_text(TOO_SLOW)
        return
    context.answer = answer  # for the update's log line
    log.debug("question %r -> %s %s", question, answer.kind, answer.citations[:1])
    sent = await send_answer(message, context, answer)
    user = message.from_user.id if message.from_user else None
    keep_text = context.settings.privacy.log_questions
    await context.storage.record_answer(message.chat_id, user, sent.message_id, answer, keep_text=keep_text)
