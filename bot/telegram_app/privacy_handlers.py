"""The RGPD duties towards users: say what is kept, erase on request, purge on time."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import Application, ContextTypes

from ..storage import Forgotten
from .context import BotContext, services_of
from .privileges import may_change_chat
from .reminders import cancel_reminder_jobs

log = logging.getLogger(__name__)


def privacy_text(retention_days: int, log_questions: bool) -> str:
    questions = (
        f"vos questions et la réponse donnée (clause, score), pour relier vos 👍/👎 et améliorer le bot ; une question "
        f"bien comprise et non notée est effacée au bout d'un jour, les autres au bout de {retention_days} jours"
        if log_questions
        else "aucun texte de question (seulement des compteurs)"
    )
    return (
        "<b>Vos données</b>\n"
        f"• {questions} ;\n"
        "• vos 👍/👎, avec la clause concernée ;\n"
        "• pour cette discussion : la date de signature enregistrée (/signature) et le choix des rappels (/rappels) ;\n"
        "• des compteurs quotidiens anonymes (/stats) ;\n"
        "• chaque message reçu, le temps de le traiter (quelques secondes), pour qu'il ne soit pas perdu si le bot "
        "s'arrête.\n"
        "Vous n'êtes jamais identifié par votre nom ni votre identifiant Telegram : seulement par un pseudonyme "
        "(empreinte HMAC-SHA256) ; l'identifiant nécessaire à l'envoi des rappels est chiffré.\n"
        "Pour tout effacer, maintenant et définitivement : /oubli"
    )


async def privacy(update: Update, context: BotContext) -> None:
    """Tell what is stored, why, for how long, and how to erase it (/confidentialite)."""
    settings = context.settings.privacy
    await update.effective_message.reply_html(privacy_text(settings.retention_days, settings.log_questions))


async def forget(update: Update, context: BotContext) -> None:
    """Erase the person everywhere, and this chat's settings if they may change them (/oubli)."""
    message = update.effective_message
    user = update.effective_user.id if update.effective_user else None
    whole_chat = await may_change_chat(update, context)
    forgotten = await context.storage.forget(message.chat_id, user, whole_chat=whole_chat)
    erased_chats = ([user] if user is not None else []) + ([message.chat_id] if whole_chat else [])
    for chat in erased_chats:  # their private chat, and this one if they may change it
        cancel_reminder_jobs(context.job_queue, context.storage.pseudonym("chat", chat))
    await message.reply_html(
        forgotten_text(forgotten, private=message.chat.type == ChatType.PRIVATE, whole_chat=whole_chat)
    )


def forgotten_text(forgotten: Forgotten, *, private: bool, whole_chat: bool) -> str:
    """What /oubli erased, in words."""
    erased = (
        f"🗑 C'est fait : {forgotten.answers} question(s), {forgotten.feedback} avis, "
        f"{forgotten.settings} réglage(s) (date de signature, choix des rappels) et {forgotten.reminders} rappel(s) effacés."
    )
    if private:
        return erased + " Il ne reste rien de vous dans ma mémoire, dans aucune discussion."
    if whole_chat:
        return (
            erased
            + " Vos questions et avis dans toutes les discussions, votre discussion privée avec moi et les réglages de ce groupe sont effacés."
        )
    return (
        erased
        + " Vos questions et avis dans toutes les discussions et votre discussion privée avec moi sont effacés ; "
        "les réglages de ce groupe restent (seuls ses administrateurs peuvent les effacer)."
    )


async def purge(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Daily job: delete what is past its retention."""
    await purge_now(context.application)


async def purge_now(application: Application) -> None:
    """Delete what is past its retention, and the ids of updates handled long ago (at start, then daily)."""
    services = services_of(application)
    removed = await services.storage.purge(services.settings.privacy.retention_days)
    removed += await application.bot.journal.purge()
    log.info("retention purge: %d row(s) removed", removed)
