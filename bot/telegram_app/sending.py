"""Sending replies: an answer's HTML split into Telegram-sized messages with its keyboard, a clause's
full text in place of its card, and the edits and button acknowledgements that may be refused."""

from __future__ import annotations

import logging

from telegram import CallbackQuery, InlineKeyboardMarkup, Message
from telegram.constants import ChatType, ParseMode
from telegram.error import BadRequest

from ..core.answer import Answer
from . import keyboards
from .context import BotContext
from .render import answer_html, clause_html, split_html

log = logging.getLogger(__name__)


async def send_answer(message: Message, context: BotContext, answer: Answer) -> Message:
    """Reply with the answer's HTML (split if long), the keyboard under the last part."""
    keyboard = keyboards.answer_keyboard(context.engine.knowledge, answer)
    return await send_parts(message, answer_html(answer), keyboard)


async def send_parts(message: Message, text: str, keyboard: InlineKeyboardMarkup | None) -> Message:
    """Send `text` in as many messages as needed; return the last one (the one with the keyboard)."""
    parts = split_html(text)
    quote = message.chat.type != ChatType.PRIVATE
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        sent = await message.reply_html(part, reply_markup=keyboard if last else None, do_quote=quote and index == 0)
    return sent


async def show_full_text(message: Message, context: BotContext, clause_id: str) -> None:
    engine = context.engine
    answer = engine.about(clause_id)
    keyboard = keyboards.answer_keyboard(engine.knowledge, answer, full_text_shown=True)
    parts = split_html(clause_html(engine.knowledge.clauses[clause_id], engine.full_text(clause_id)))
    await edit(message, parts[0], keyboard if len(parts) == 1 else None)
    if len(parts) > 1:
        await send_parts(message, "\n".join(parts[1:]), keyboard)


async def edit(message: Message, text: str, keyboard: InlineKeyboardMarkup | None) -> None:
    try:
        await message.edit_text(text, parse_mode=ParseMode.HTML, reply_markup=keyboard)
    except BadRequest as error:
        if "not modified" not in str(error).lower():  # a second click on the same button
            raise


async def answer_query(query: CallbackQuery, text: str | None = None) -> None:
    try:
        await query.answer(text)
    except BadRequest as error:  # "query is too old": the button still works, only the toast is lost
        log.info("callback query not answered: %s", error)
