"""The bot administrators' commands: /reload (the knowledge base re-read, the old one kept if the new
one is invalid) and /stats (the last seven days' counters)."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from telegram import Update
from telegram.constants import ChatType

from ..core.engine import Engine
from ..core.knowledge import read_knowledge
from .context import BotContext
from .privileges import require_admin
from .render import escape, split_html

STATS_DAYS = 7
MAX_REPORTED_PROBLEMS = 15


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
    """Show the last seven days' counters (admins only): every chat's in private, only this group's in a group."""
    if not await require_admin(update, context):
        return
    chat = update.effective_chat
    only = None if chat is None or chat.type == ChatType.PRIVATE else chat.id
    counts = await context.storage.daily_counts(context.clock.today() - timedelta(days=STATS_DAYS - 1), only)
    await update.effective_message.reply_html(stats_html(counts, context.engine))


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
