"""`build_application(settings, engine)`: the one place the Telegram bot is put together."""

from __future__ import annotations

from datetime import timedelta

from telegram import BotCommand, Update
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import BaseRequest, HTTPXRequest

from ..assembly import make_clock, open_storage
from ..clock import Clock
from ..core.engine import Engine
from ..journal import UpdateJournal
from ..settings import Settings
from . import (
    admin_handlers,
    calendar_handlers,
    chat_migration,
    errors,
    handlers,
    inline,
    monitoring,
    privacy_handlers,
    reminders,
    review_handlers,
)
from .context import SERVICES_KEY, BotContext, Services, services_of
from .durable import JournalBot, PollingWatch, replay
from .ordering import PerChatUpdateProcessor
from .resilience import ResilientRateLimiter

# Shown in Telegram's command menu (admin commands stay unlisted).
COMMANDS = [
    BotCommand("start", "Présentation et exemples"),
    BotCommand("aide", "Comment poser une question"),
    BotCommand("sommaire", "Les articles de la convention"),
    BotCommand("article", "Le texte d'un article : /article 5.2"),
    BotCommand("annexes", "Les annexes"),
    BotCommand("question", "Poser une question (dans un groupe)"),
    BotCommand("signature", "Enregistrer la date de signature : /signature 15/03/2025"),
    BotCommand("echeances", "Vos échéances : fin de période, date limite de la lettre"),
    BotCommand("rappels", "Rappels avant la date limite : /rappels on ou off"),
    BotCommand("confidentialite", "Ce que le bot garde de vous"),
    BotCommand("oubli", "Effacer tout ce qui vous concerne"),
]
HEARTBEAT_SECONDS = 30
# New messages only: an edited message was already answered, a channel post has no one to answer.
NEW_MESSAGES = filters.UpdateType.MESSAGE
NOT_TEXT = (
    filters.ChatType.PRIVATE
    & NEW_MESSAGES
    & ~filters.TEXT
    & ~filters.CAPTION
    & ~filters.StatusUpdate.ALL
    & ~filters.COMMAND
)


def build_application(
    settings: Settings,
    engine: Engine,
    *,
    token: str,
    request: BaseRequest | None = None,
    clock: Clock | None = None,
) -> Application:
    """The bot's Application; `request` replaces the HTTP layer (no polling then) and `clock` the time
    (tests set both)."""
    offline = request is not None
    telegram = settings.telegram
    clock = clock or make_clock(settings)
    storage = open_storage(settings, clock)
    journal = UpdateJournal(storage.run, clock)
    limiter = ResilientRateLimiter(
        overall_max_rate=telegram.flood_limit_per_second,
        max_retries=telegram.max_retries,
        network_retries=telegram.network_retries,
        pause=telegram.retry_pause,
    )
    if request is None:
        timeout = telegram.request_timeout
        request = HTTPXRequest(
            connection_pool_size=256, read_timeout=timeout, write_timeout=timeout, connect_timeout=timeout,
            pool_timeout=timeout,
        )  # fmt: skip
        polling_request: BaseRequest = HTTPXRequest(connection_pool_size=1)
    else:  # offline: every call goes through `request`
        polling_request = request
    bot = JournalBot(
        token,
        base_url=telegram.base_url,
        base_file_url=telegram.base_file_url,
        request=request,
        get_updates_request=polling_request,
        rate_limiter=limiter,
        journal=journal,
        watch=PollingWatch(),
    )
    builder = (
        Application.builder()
        .bot(bot)
        .context_types(ContextTypes(context=BotContext))
        .concurrent_updates(PerChatUpdateProcessor(telegram.concurrent_updates, journal))
        .post_init(_start)
        .post_shutdown(_stop)
    )
    if offline:
        builder = builder.updater(None)
    application = builder.build()
    application.bot_data[SERVICES_KEY] = Services(settings, engine, storage, clock)

    for names, callback in [
        (["start"], handlers.start),
        (["aide", "help"], handlers.help_command),
        (["sommaire"], handlers.contents),
        (["article"], handlers.article),
        (["annexes"], handlers.annexes),
        (["question", "q"], handlers.question_command),
        (["reload"], admin_handlers.reload_knowledge),
        (["stats"], admin_handlers.stats),
        (["signature"], calendar_handlers.signature),
        (["echeances"], calendar_handlers.deadlines),
        (["rappels"], calendar_handlers.reminders_command),
        (["confidentialite"], privacy_handlers.privacy),
        (["oubli"], privacy_handlers.forget),
        (["revue"], review_handlers.review),
    ]:
        application.add_handler(CommandHandler(names, callback, filters=NEW_MESSAGES))
    text = (filters.TEXT | filters.CAPTION) & ~filters.COMMAND & NEW_MESSAGES
    application.add_handler(MessageHandler(review_handlers.EDIT_REPLY & text, review_handlers.edited_wording))
    application.add_handler(MessageHandler(text, handlers.text_message))
    application.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, chat_migration.chat_migrated))
    application.add_handler(MessageHandler(NOT_TEXT, handlers.not_text))
    application.add_handler(
        CallbackQueryHandler(review_handlers.review_button, pattern=review_handlers.CALLBACK_PATTERN)
    )
    application.add_handler(CallbackQueryHandler(handlers.button))
    application.add_handler(InlineQueryHandler(inline.inline_query))
    application.add_handler(TypeHandler(Update, monitoring.started), group=-1)
    application.add_handler(TypeHandler(Update, monitoring.finished), group=1)
    application.add_error_handler(errors.error_handler)
    return application


async def _start(application: Application) -> None:
    """Once connected: replay unfinished updates, publish the commands, purge old data now and daily,
    restore reminders, beat."""
    await replay(application, application.bot.journal)
    await application.bot.set_my_commands(COMMANDS)
    services = application.bot_data[SERVICES_KEY]
    await services.install(services.engine.knowledge)  # the examples taught in /revue
    await privacy_handlers.purge_now(application)  # now: a bot restarted daily still purges
    jobs = application.job_queue
    day = timedelta(days=1)
    jobs.run_repeating(privacy_handlers.purge, interval=day, first=day, name="purge")
    jobs.run_repeating(monitoring.heartbeat, interval=HEARTBEAT_SECONDS, first=0, name="heartbeat")
    await reminders.restore_reminders(application)


async def _stop(application: Application) -> None:
    services_of(application).storage.close()


# What the bot asks Telegram for: edited messages and channel posts are not answered.
ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY, Update.INLINE_QUERY]
