"""The chat's deadlines as a .ics file (the "📅 Ajouter à mon agenda" button)."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Message

from ..core.agenda import agenda
from . import keyboards
from .context import BotContext

NO_DATE = (
    "Aucune date de signature enregistrée pour cette discussion. Envoyez par exemple "
    "<code>/signature 15/03/2025</code> (la date de la dernière signature par toutes les parties)."
)


async def send_agenda(message: Message, context: BotContext) -> None:
    """Send the .ics file of the chat's deadlines."""
    stored = await context.storage.signature(message.chat_id)
    if stored is None:
        await message.reply_html(NO_DATE)
        return
    reminders, now = context.settings.reminders, context.clock.now()
    data = agenda(stored, now.date(), send_time=reminders.send_time, timezone=reminders.timezone, stamp=now)
    await message.reply_document(
        InputFile(data, filename="convention-echeances.ics", attach=True),
        caption="Les échéances de votre convention, à ouvrir avec votre agenda.",
    )


def agenda_keyboard() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton("📅 Ajouter à mon agenda", callback_data=keyboards.data(keyboards.AGENDA, "ics"))]]
    )
