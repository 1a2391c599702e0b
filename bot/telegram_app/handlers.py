"""Telegram handlers: each reads the update, asks the engine, and replies in HTML."""

from __future__ import annotations

import asyncio
import logging
from datetime import date, timedelta
from uuid import uuid4

from telegram import (
    CallbackQuery,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    Message,
    Update,
)
from telegram.constants import ChatType, ParseMode
from telegram.error import BadRequest, ChatMigrated

from ..core.answer import Answer
from ..core.engine import Engine
from ..core.knowledge import read_knowledge
from ..core.references import article_id
from . import calendar_file, chat_migration, keyboards
from .context import BotContext
from .render import answer_html, clause_html, escape, split_html

log = logging.getLogger(__name__)

ANONYMOUS_ADMIN_ID = 1087968824  # "GroupAnonymousBot": anyone hiding behind a group's name
INLINE_RESULTS = 5
STATS_DAYS = 7
MAX_REPORTED_PROBLEMS = 15
TEXT_ONLY = "Je ne lis que le texte 🙂 Écrivez-moi votre question sur la convention."
START_TEXT = (
    "Bonjour ! Je réponds aux questions sur la <b>convention de services numériques</b> entre "
    "La Fibre Numérique 59 62, le CDG 62 et votre collectivité : durée, résiliation, tarifs, factures, "
    "responsabilités, litiges, annexes… Je cite l'article exact et je calcule vos échéances "
    "(« signée le 15/03/2025, jusqu'à quand résilier ? »).\n\nEssayez :"
)
HELP_TEXT = (
    "Écrivez votre question en quelques mots, même sans accents.\n\n"
    "/sommaire — les articles de la convention\n"
    "/article 5.2 — le texte d'un article (ou /article annexe 2)\n"
    "/annexes — les annexes\n"
    "/question &lt;texte&gt; — poser une question dans un groupe\n"
    "/signature 15/03/2025 — enregistrer votre date de signature, puis /echeances et /rappels on\n"
    "/confidentialite — ce que je garde de vous ; /oubli pour tout effacer\n\n"
    "Dans un groupe, mentionnez-moi ou répondez à l'un de mes messages."
)


async def start(update: Update, context: BotContext) -> None:
    """Say what the bot knows and offer three example questions."""
    keyboard = keyboards.examples_keyboard(context.engine.knowledge)
    await update.effective_message.reply_html(START_TEXT, reply_markup=keyboard)


async def help_command(update: Update, context: BotContext) -> None:
    """Explain how to ask and list the commands."""
    await update.effective_message.reply_html(HELP_TEXT)


async def contents(update: Update, context: BotContext) -> None:
    """List every clause of the convention as buttons."""
    clauses = list(context.engine.knowledge.clauses.values())
    await update.effective_message.reply_html(
        "<b>Sommaire de la convention</b>", reply_markup=keyboards.clauses_keyboard(clauses)
    )


async def article(update: Update, context: BotContext) -> None:
    """Show one clause by its number (/article 5.2, /article annexe 2), or the list."""
    wanted = " ".join(context.args or [])
    clause_id = article_id(wanted) if wanted else ""
    if clause_id in context.engine.knowledge.clauses:
        await send_answer(update.effective_message, context, context.engine.about(clause_id, wanted))
        return
    clauses = list(context.engine.knowledge.clauses.values())
    text = f"Je ne trouve pas « {escape(wanted)} ». Choisissez :" if wanted else "Quel article ? Choisissez :"
    await update.effective_message.reply_html(text, reply_markup=keyboards.clauses_keyboard(clauses))


async def annexes(update: Update, context: BotContext) -> None:
    """List the annexes (their content is not in the convention text)."""
    knowledge = context.engine.knowledge
    clauses = [knowledge.clauses[i] for i in ("art-9", *(c.id for c in knowledge.children("art-9")))]
    await update.effective_message.reply_html("<b>Les annexes</b>", reply_markup=keyboards.clauses_keyboard(clauses))


async def question_command(update: Update, context: BotContext) -> None:
    """Answer /question <texte> (the way to ask in a group)."""
    question = " ".join(context.args or [])
    if not question:
        await update.effective_message.reply_html(
            "Écrivez la question après la commande : /question préavis de résiliation"
        )
        return
    await answer_question(update.effective_message, context, question)


async def text_message(update: Update, context: BotContext) -> None:
    """Answer a text (or a caption, or a forwarded question); in groups only when addressed."""
    message = update.effective_message
    question = addressed_text(message, context.bot.username, context.bot.id)
    if question is not None:
        await answer_question(message, context, question)


async def not_text(update: Update, context: BotContext) -> None:
    """Stickers, voice, locations…: say that only text is read."""
    await update.effective_message.reply_text(TEXT_ONLY)


async def button(update: Update, context: BotContext) -> None:
    """Handle a button: full text, short view, another clause, a topic, an example, feedback."""
    query = update.callback_query
    action, ident = keyboards.parse(query.data)
    engine = context.engine
    if action in (keyboards.LIKE, keyboards.DISLIKE):
        vote = 1 if action == keyboards.LIKE else -1
        user = update.effective_user.id if update.effective_user else None
        await context.storage.record_feedback(query.message.chat_id, user, query.message.message_id, ident, vote)
        await answer_query(query, "Merci pour votre retour !")
        return
    await answer_query(query)
    if action == keyboards.FULL_TEXT and ident in engine.knowledge.clauses:
        await show_full_text(query.message, context, ident)
    elif action == keyboards.SHORT_VIEW and ident in engine.knowledge.clauses:
        answer = engine.about(ident)
        await edit(query.message, answer_html(answer), keyboards.answer_keyboard(engine.knowledge, answer))
    elif action == keyboards.SEE_CLAUSE and ident in engine.knowledge.clauses:
        await send_answer(query.message, context, engine.about(ident))
    elif action == keyboards.TOPIC and ident in engine.knowledge.topics:
        clauses = [c for c in engine.knowledge.clauses.values() if ident in c.topics]
        label = escape(engine.knowledge.topics[ident].label)
        await query.message.reply_html(f"<b>{label}</b>", reply_markup=keyboards.clauses_keyboard(clauses))
    elif action == keyboards.EXAMPLE and ident in engine.knowledge.topics:
        await answer_question(query.message, context, engine.knowledge.topics[ident].example)
    elif action == keyboards.AGENDA:
        await calendar_file.send_agenda(query.message, context)


async def inline_query(update: Update, context: BotContext) -> None:
    """Offer up to five answer cards to paste into any chat."""
    query = update.inline_query
    results = [
        InlineQueryResultArticle(
            id=str(uuid4()),
            title=f"{answer.citations[0].ref} — {answer.citations[0].title}",
            description=answer.text[:100],
            input_message_content=InputTextMessageContent(
                split_html(answer_html(answer))[0], parse_mode=ParseMode.HTML
            ),
        )
        for answer in inline_answers(context.engine, query.query, context.clock.today())
    ]
    await query.answer(results, cache_time=60, is_personal=False)


async def reload_knowledge(update: Update, context: BotContext) -> None:
    """Re-read the knowledge base; keep the old one if the new one is invalid (admins only)."""
    if not await require_admin(update, context):
        return
    settings = context.settings
    knowledge, problems = await asyncio.to_thread(read_knowledge, settings.knowledge_dir)
    if knowledge is None:
        lines = [escape(str(p)) for p in problems if not p.warning][:MAX_REPORTED_PROBLEMS]
        text = "❌ Base invalide, l'ancienne reste en service :\n<pre>" + "\n".join(lines) + "</pre>"
        await update.effective_message.reply_html(split_html(text)[0])
        return
    await context.services.install(knowledge)  # with the examples taught in /revue
    warnings = sum(p.warning for p in problems)
    await update.effective_message.reply_html(
        f"✅ Base rechargée : {len(knowledge.clauses)} clauses, {knowledge.question_count} questions, {warnings} avertissement(s)."
    )


async def stats(update: Update, context: BotContext) -> None:
    """Show the last seven days' counters (admins only)."""
    if not await require_admin(update, context):
        return
    counts = await context.storage.daily_counts(context.clock.today() - timedelta(days=STATS_DAYS - 1))
    await update.effective_message.reply_html(stats_html(counts, context.engine))


async def chat_migrated(update: Update, context: BotContext) -> None:
    """A group became a supergroup: move its settings to the new chat id."""
    message = update.effective_message  # Telegram tells both the old group and the new supergroup
    if message.migrate_to_chat_id:
        await chat_migration.move_chat(context.application, message.chat_id, message.migrate_to_chat_id)
    elif message.migrate_from_chat_id:
        await chat_migration.move_chat(context.application, message.migrate_from_chat_id, message.chat_id)


async def error_handler(update: object, context: BotContext) -> None:
    """Log every error with its update id, tell the admin chat if configured, and carry on."""
    update_id = update.update_id if isinstance(update, Update) else None
    if isinstance(context.error, ChatMigrated) and isinstance(update, Update) and update.effective_chat:
        log.info("update %s: chat migrated to a supergroup", update_id)
        await chat_migration.move_chat(context.application, update.effective_chat.id, context.error.new_chat_id)
        return
    log.error("error while handling update %s", update_id, exc_info=context.error)
    admin_chat = context.settings.telegram.admin_chat_id
    if admin_chat is not None:
        text = f"⚠️ Erreur sur la mise à jour {update_id} : {type(context.error).__name__}"
        try:
            await context.bot.send_message(admin_chat, text)
        except Exception:  # the admin chat may be unreachable too; the log has it all
            log.warning("could not notify the admin chat", exc_info=True)


# --- helpers shared by the handlers -------------------------------------------------------


def addressed_text(message: Message, bot_username: str, bot_id: int) -> str | None:
    """The question a message asks the bot: always in private, in groups only when addressed."""
    text = message.text or message.caption or ""
    if message.chat.type == ChatType.PRIVATE:
        return text
    mention = f"@{bot_username}".lower()
    if mention in text.lower():
        start = text.lower().index(mention)
        return (text[:start] + text[start + len(mention) :]).strip()
    replied = message.reply_to_message
    if replied is not None and replied.from_user is not None and replied.from_user.id == bot_id:
        return text
    return None


async def answer_question(message: Message, context: BotContext, question: str) -> None:
    """Answer with the chat's own signature date, send, and remember it for feedback and reports."""
    signature = await context.storage.signature(message.chat_id)
    answer = context.engine.answer(question, today=context.clock.today(), signature=signature)
    context.answer = answer  # for the update's log line
    log.debug("question %r -> %s %s", question, answer.kind, answer.citations[:1])
    sent = await send_answer(message, context, answer)
    user = message.from_user.id if message.from_user else None
    keep_text = context.settings.privacy.log_questions
    await context.storage.record_answer(message.chat_id, user, sent.message_id, answer, keep_text=keep_text)


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


def stats_html(counts: dict[str, int], engine: Engine) -> str:
    asked, answered = counts.get("asked", 0), counts.get("clause", 0) + counts.get("calculation", 0)
    top = sorted(((n, k.removeprefix("clause:")) for k, n in counts.items() if k.startswith("clause:")), reverse=True)
    lines = [
        f"<b>{STATS_DAYS} derniers jours</b> : {asked} question(s), {answered} répondue(s), "
        f"{counts.get('unknown', 0)} sans réponse ; 👍 {counts.get('feedback+', 0)} / 👎 {counts.get('feedback-', 0)}.",
        *(f"• {escape(engine.knowledge.clauses[i].ref)} : {n}" for n, i in top[:5] if i in engine.knowledge.clauses),
        "Détail : <code>convention-bot report</code>",
    ]
    return "\n".join(lines)


def inline_answers(engine: Engine, text: str, today: date) -> list[Answer]:
    """The best answer and its alternatives as separate cards (clauses only)."""
    if not text.strip():
        return []
    best = engine.answer(text, today=today)
    if not best.answered:
        return []
    others = [engine.about(clause_id) for clause_id in best.alternatives]
    return [best, *others][:INLINE_RESULTS]


def is_admin(update: Update, admin_ids: list[int]) -> bool:
    user = update.effective_user
    message = update.effective_message
    anonymous = user is None or user.id == ANONYMOUS_ADMIN_ID or (message is not None and message.sender_chat)
    return not anonymous and user.id in admin_ids


async def require_admin(update: Update, context: BotContext) -> bool:
    if is_admin(update, context.settings.telegram.admin_ids):
        return True
    await update.effective_message.reply_text("Cette commande est réservée aux administrateurs du bot.")
    return False
