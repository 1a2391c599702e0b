"""Telegram handlers for reading the convention: /start, /aide, /sommaire, /article, /annexes,
/question, plain text and the buttons under the answers. Each reads the update, asks the engine, and
replies in HTML (asking.py answers a question, sending.py sends the reply)."""

from __future__ import annotations

from telegram import Update

from ..core.references import article_id
from . import calendar_file, keyboards
from .asking import addressed_text, answer_question, valid_text
from .context import BotContext
from .render import answer_html, escape
from .sending import answer_query, edit, send_answer, show_full_text

ECHO_MAX = 60  # characters of a user's text repeated back in an error message
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
    shown = wanted if len(wanted) <= ECHO_MAX else wanted[: ECHO_MAX - 1] + "…"  # the reply stays within 4,096
    text = f"Je ne trouve pas « {escape(shown)} ». Choisissez :" if wanted else "Quel article ? Choisissez :"
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
    action, ident = keyboards.parse(valid_text(query.data or ""))
    engine = context.engine
    if query.message is None:  # a button under an inline-mode message: no chat to answer in
        await answer_query(query)
        return
    if action in (keyboards.LIKE, keyboards.DISLIKE):
        if ident not in engine.knowledge.clauses:  # forged or outdated button: not stored
            await answer_query(query)
            return
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
