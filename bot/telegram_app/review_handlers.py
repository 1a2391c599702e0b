"""/revue: admins see what the bot missed, grouped, and teach it in one tap per group."""

from __future__ import annotations

from telegram import ForceReply, InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.constants import ChatType
from telegram.ext import filters

from ..core.knowledge import Knowledge
from ..core.learned import LearnedExample, check_learned
from ..core.out_of_scope import OUT_OF_SCOPE
from ..review import ReviewGroup, find_group, review_queue
from .context import BotContext
from .keyboards import clause_label
from .privileges import is_admin
from .render import escape
from .sending import answer_query, edit

# Callback data "rv:<action>:<group key>[:<clause id>]", under 64 bytes ("rv:t:a123456:art-4.2.1").
PREFIX = "rv"
CALLBACK_PATTERN = rf"^{PREFIX}:"
TEACH, OUT, EDIT, SKIP = "t", "o", "e", "s"
MAX_GROUPS = 5
EDIT_PROMPT = "✏️ Nouvelle formulation pour le groupe "
EDITED = "revue"  # chat_data key: group key -> the wording an admin sent
NOT_ADMIN = "Cette commande est réservée aux administrateurs du bot."
WRONG_CHAT = "Utilisez /revue en message privé avec le bot, ou dans le groupe des administrateurs."


class _ReplyToEditPrompt(filters.MessageFilter):
    """A message answering the bot's ✏️ prompt: the cleaned-up wording of a group."""

    def filter(self, message: Message) -> bool:
        replied = message.reply_to_message
        return bool(
            replied and replied.from_user and replied.from_user.is_bot and (replied.text or "").startswith(EDIT_PROMPT)
        )


EDIT_REPLY = _ReplyToEditPrompt()


async def review(update: Update, context: BotContext) -> None:
    """Show the questions to review, most frequent first, each with its buttons (admins only)."""
    message = update.effective_message
    if not await review_allowed(update, context):
        return
    groups = await queue(context)
    taught = await context.storage.taught_counts()
    await message.reply_html(summary_html(len(groups), taught))
    for group in groups[:MAX_GROUPS]:
        await message.reply_html(group_html(group), reply_markup=group_keyboard(group, context.engine.knowledge))


async def review_button(update: Update, context: BotContext) -> None:
    """Apply a tapped review button to its whole group."""
    query = update.callback_query
    if not is_admin(update, context.settings.telegram.admin_ids):
        await answer_query(query, NOT_ADMIN)
        return
    _, action, key, clause_id = [*query.data.split(":", 3), "", "", ""][:4]
    group = find_group(await queue(context), key)
    if group is None:
        await answer_query(query, "Ce groupe a déjà été traité.")
        return
    wording = context.chat_data.get(EDITED, {}).get(key, group.wording)
    if action == EDIT:
        await answer_query(query)
        prompt = (
            f"{EDIT_PROMPT}{key} : répondez à ce message avec la question reformulée, sans nom ni donnée personnelle."
        )
        await query.message.reply_text(f"{prompt}\nActuellement : « {wording} »", reply_markup=ForceReply())
    elif action == SKIP:
        await context.storage.mark_reviewed(group.questions)
        await answer_query(query, "Passé.")
        await edit(query.message, f"⏭ Passé : « {escape(wording)} » ({group.count} question(s)).", None)
    elif action in (TEACH, OUT):
        target = clause_id if action == TEACH else OUT_OF_SCOPE
        await answer_query(query)
        await teach(query.message, context, group, wording, target, update.effective_user.id)


async def edited_wording(update: Update, context: BotContext) -> None:
    """Take an admin's cleaned-up wording (a reply to the ✏️ prompt) and offer the buttons again."""
    message = update.effective_message
    if not await review_allowed(update, context):
        return
    key = message.reply_to_message.text.removeprefix(EDIT_PROMPT).split(" ", 1)[0]
    group = find_group(await queue(context), key)
    if group is None:
        await message.reply_text("Ce groupe a déjà été traité.")
        return
    wording = " ".join((message.text or "").split())
    context.chat_data.setdefault(EDITED, {})[key] = wording
    shown = ReviewGroup(key, wording, group.count, group.refused, group.clauses, group.questions)
    await message.reply_html(group_html(shown), reply_markup=group_keyboard(shown, context.engine.knowledge))


async def teach(
    message: Message, context: BotContext, group: ReviewGroup, wording: str, target: str, admin_id: int
) -> None:
    """Store `wording` as an example of `target` if the YAML's rules allow it, and use it at once."""
    problems = check_learned(context.engine.knowledge, [LearnedExample(0, target, wording)])
    if problems:
        await message.reply_html(f"❌ Pas appris : {escape(problems[0].message)}")
        return
    await context.storage.teach(target, wording, admin_id, group.questions)
    await context.services.install(context.engine.knowledge)
    context.chat_data.get(EDITED, {}).pop(group.key, None)
    knowledge = context.engine.knowledge
    where = "🚫 hors sujet" if target == OUT_OF_SCOPE else escape(clause_label(knowledge.clauses[target]))
    await edit(message, f"✅ Appris : « {escape(wording)} » → {where} ({group.count} question(s)).", None)


# --- helpers ------------------------------------------------------------------------------


async def review_allowed(update: Update, context: BotContext) -> bool:
    """Admins only, and only where no one else reads: a private chat or the admin chat."""
    message = update.effective_message
    if not is_admin(update, context.settings.telegram.admin_ids):
        await message.reply_text(NOT_ADMIN)
        return False
    if message.chat.type != ChatType.PRIVATE and message.chat_id != context.settings.telegram.admin_chat_id:
        await message.reply_text(WRONG_CHAT)
        return False
    return True


async def queue(context: BotContext) -> list[ReviewGroup]:
    return review_queue(await context.storage.review_rows(), context.engine, context.clock.today())


def summary_html(groups: int, taught: dict[str, int]) -> str:
    if groups:
        shown = f" (les {MAX_GROUPS} premiers ci-dessous)" if groups > MAX_GROUPS else ""
        lines = [
            f"📋 <b>À revoir</b> : {groups} groupe(s) de questions sans réponse, peu sûres ou notées 👎, "
            f"les plus fréquentes d'abord{shown}. Un bouton traite tout le groupe."
        ]
    else:
        lines = ["✅ Rien à revoir pour le moment."]
    total = sum(taught.values())
    by_whom = ", ".join(f"admin {escape(who[:8]) or '?'} : {count}" for who, count in taught.items())
    lines.append(f"🎓 Exemples appris : {total}" + (f" ({by_whom})" if by_whom else "") + ".")
    return "\n".join(lines)


def group_html(group: ReviewGroup) -> str:
    refused = f", dont {group.refused} sans réponse" if group.refused else ""
    return f"<b>{group.count} ×</b> « {escape(group.wording)} »{refused}"


def group_keyboard(group: ReviewGroup, knowledge: Knowledge) -> InlineKeyboardMarkup:
    def data(action: str, clause_id: str = "") -> str:
        return ":".join([PREFIX, action, group.key, *([clause_id] if clause_id else [])])

    rows = [
        [InlineKeyboardButton("➕ " + clause_label(knowledge.clauses[c]), callback_data=data(TEACH, c))]
        for c in group.clauses
        if c in knowledge.clauses
    ]
    rows.append(
        [
            InlineKeyboardButton("🚫 Hors sujet", callback_data=data(OUT)),
            InlineKeyboardButton("✏️ Modifier", callback_data=data(EDIT)),
            InlineKeyboardButton("⏭ Passer", callback_data=data(SKIP)),
        ]
    )
    return InlineKeyboardMarkup(rows)
