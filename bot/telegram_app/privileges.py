"""Who may do what: the bot's administrators (settings) run /reload, /stats and /revue; a whole group
is changed by its administrators only, asked of Telegram (getChatMember).

In a private chat the user is the whole chat. In a group, `/signature`, `/rappels` and the
group's part of `/oubli` change everyone's calendar: only the group's administrators may, an
anonymous administrator included (a message sent as the group itself). Answers are cached for
`CACHE_SECONDS`, so a busy group does not cost a Bot API call per command.
"""

from __future__ import annotations

import logging
import time

from telegram import Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import TelegramError

from .context import BotContext

log = logging.getLogger(__name__)
CACHE_SECONDS = 60.0
CACHE_KEY = "group_admins"
ADMIN_STATUSES = {ChatMemberStatus.OWNER, ChatMemberStatus.ADMINISTRATOR}
ANONYMOUS_ADMIN_ID = 1087968824  # "GroupAnonymousBot": anyone hiding behind a group's name
NOT_ADMIN = "Seuls les administrateurs du groupe peuvent modifier ses réglages."


async def may_change_chat(update: Update, context: BotContext) -> bool:
    """True in a private chat; in a group, True only for the group's administrators."""
    chat, message, user = update.effective_chat, update.effective_message, update.effective_user
    if chat is None or chat.type == ChatType.PRIVATE:
        return True
    if message is not None and message.sender_chat is not None:
        return message.sender_chat.id == chat.id  # the group speaking as itself: an anonymous administrator
    if user is None:
        return False
    cache: dict[tuple[int, int], tuple[float, bool]] = context.application.bot_data.setdefault(CACHE_KEY, {})
    known = cache.get((chat.id, user.id))
    if known is not None and known[0] > time.monotonic():
        return known[1]
    try:
        member = await context.bot.get_chat_member(chat.id, user.id)
    except TelegramError as error:  # cannot tell: refuse, without caching the doubt
        log.warning("getChatMember failed: %s", error)
        return False
    allowed = member.status in ADMIN_STATUSES
    if len(cache) > 10_000:  # memory stays flat
        cache.clear()
    cache[(chat.id, user.id)] = (time.monotonic() + CACHE_SECONDS, allowed)
    return allowed


def is_admin(update: Update, admin_ids: list[int]) -> bool:
    """Whether the sender is one of the bot's administrators, never an anonymous one."""
    user = update.effective_user
    message = update.effective_message
    anonymous = user is None or user.id == ANONYMOUS_ADMIN_ID or (message is not None and message.sender_chat)
    return not anonymous and user.id in admin_ids


async def require_admin(update: Update, context: BotContext) -> bool:
    """True for a bot administrator; anyone else is told the command is theirs only."""
    if is_admin(update, context.settings.telegram.admin_ids):
        return True
    await update.effective_message.reply_text("Cette commande est réservée aux administrateurs du bot.")
    return False
