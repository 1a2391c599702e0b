"""The RGPD duties towards users: say what is kept, erase on request, purge on time."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import ContextTypes

from .context import BotContext, services_of
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
        "• des compteurs quotidiens anonymes (/stats).\n"
        "Vous n'êtes jamais identifié par votre nom ni votre identifiant Telegram : seulement par un pseudonyme "
        "(empreinte HMAC-SHA256) ; l'identifiant nécessaire à l'envoi des rappels est chiffré.\n"
        "Pour tout effacer, maintenant et définitivement : /oubli"
    )


async def privacy(update: Update, context: BotContext) -> None:
    """Tell what is stored, why, for how long, and how to erase it (/confidentialite)."""
    settings = context.settings.privacy
    await update.effective_message.reply_html(privacy_text(settings.retention_days, settings.log_questions))


async def forget(update: Update, context: BotContext) -> None:
    """Erase everything about this user and this chat (/oubli)."""
    message = update.effective_message
    user = update.effective_user.id if update.effective_user else None
    forgotten = await context.storage.forget(message.chat_id, user)
    cancel_reminder_jobs(context.job_queue, context.storage.pseudonym("chat", message.chat_id))
    total = forgotten.answers + forgotten.feedback + forgotten.settings + forgotten.reminders
    await message.reply_html(
        f"🗑 C'est fait : {total} élément(s) effacé(s) (questions, avis, date de signature, rappels). "
        "Il ne reste rien de vous ni de cette discussion dans ma mémoire."
    )


async def purge(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Daily job: delete what is past its retention."""
    services = services_of(context.application)
    removed = await services.storage.purge(services.settings.privacy.retention_days)
    log.info("retention purge: %d row(s) removed", removed)
