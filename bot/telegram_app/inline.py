"""Inline mode (@bot question in any chat): up to five answer cards to paste."""

from __future__ import annotations

from datetime import date
from uuid import uuid4

from telegram import InlineQueryResultArticle, InputTextMessageContent, Update
from telegram.constants import ParseMode

from ..core.answer import Answer
from ..core.engine import Engine
from .asking import valid_text
from .context import BotContext
from .cpu import TooSlow, bounded
from .render import answer_html, split_html

INLINE_RESULTS = 5


async def inline_query(update: Update, context: BotContext) -> None:
    """Offer up to five answer cards to paste into any chat."""
    query = update.inline_query
    try:
        text = valid_text(query.query)
        answers = await bounded(inline_answers, context.engine, text, context.clock.today(), size=len(text))
    except TooSlow:
        answers = []
    results = [
        InlineQueryResultArticle(
            id=str(uuid4()),
            title=f"{answer.citations[0].ref} — {answer.citations[0].title}",
            description=answer.text[:100],
            input_message_content=InputTextMessageContent(
                split_html(answer_html(answer))[0], parse_mode=ParseMode.HTML
            ),
        )
        for answer in answers
    ]
    await query.answer(results, cache_time=60, is_personal=False)


def inline_answers(engine: Engine, text: str, today: date) -> list[Answer]:
    """The best answer and its alternatives as separate cards (clauses only)."""
    if not text.strip():
        return []
    best = engine.answer(text, today=today)
    if not best.answered:
        return []
    others = [engine.about(clause_id) for clause_id in best.alternatives]
    return [best, *others][:INLINE_RESULTS]
