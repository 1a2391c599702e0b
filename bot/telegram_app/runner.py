"""`convention-bot run`: settings, token, knowledge, then long polling until SIGTERM/SIGINT."""

from __future__ import annotations

import asyncio
import logging
import re
import signal
import sys
from pathlib import Path

from telegram.error import InvalidToken, NetworkError, TelegramError
from telegram.ext import Application

from ..assembly import build_engine, keep_for_the_process
from ..core.knowledge import KnowledgeError
from ..exits import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from ..settings import TOKEN_VARIABLE, SettingsError, load_settings, read_token
from ..storage import StorageError
from .application import ALLOWED_UPDATES, build_application
from .logs import setup_logging
from .webhook import serve_webhook

TOKEN_SHAPE = re.compile(r"^\d+:[A-Za-z0-9_-]{20,}$")
log = logging.getLogger(__name__)


def run(config_path: Path | None) -> int:
    try:
        settings = load_settings(config_path)
    except SettingsError as error:
        print(error, file=sys.stderr)
        return EXIT_USAGE
    token = read_token(settings)
    if token is None:
        print(f"Jeton Telegram manquant : définissez {TOKEN_VARIABLE} (ou telegram.token_file).", file=sys.stderr)
        return EXIT_USAGE
    if not TOKEN_SHAPE.match(token):
        print("Jeton Telegram invalide : il a la forme 123456789:ABC… (voir @BotFather).", file=sys.stderr)
        return EXIT_USAGE
    setup_logging(settings.log_level, token)
    try:
        engine = build_engine(settings)
    except KnowledgeError as error:
        print(error, file=sys.stderr)
        return EXIT_FAILED
    try:
        application = build_application(settings, engine, token=token)
    except StorageError as error:
        print(error, file=sys.stderr)
        return EXIT_FAILED
    keep_for_the_process()  # the engine and the application live as long as the bot
    watch = application.bot.watch
    watch.on_fatal = application.stop_running  # polling dead for good: end, so the supervisor sees it
    try:
        asyncio.run(_check_token(application))
        if settings.telegram.mode == "webhook":
            try:
                asyncio.run(serve_webhook(application, settings))
            except OSError as error:  # the port is taken, or not ours to listen on
                webhook = settings.telegram.webhook
                print(f"Écoute impossible sur {webhook.listen}:{webhook.port} : {error.strerror}.", file=sys.stderr)
                return EXIT_FAILED
            return EXIT_OK
        application.run_polling(
            allowed_updates=ALLOWED_UPDATES,
            timeout=settings.telegram.poll_timeout,
            stop_signals=(signal.SIGINT, signal.SIGTERM),
            close_loop=False,
            bootstrap_retries=-1,  # Telegram unreachable at start: keep trying, as after start
        )
    except InvalidToken:
        print("Jeton Telegram refusé par le serveur (invalide ou révoqué).", file=sys.stderr)
        return EXIT_USAGE
    except TelegramError as error:
        if watch.fatal:
            print(watch.fatal, file=sys.stderr)
            return EXIT_USAGE
        log.error("the bot stopped: %s", error)
        return EXIT_FAILED
    if watch.fatal:
        print(watch.fatal, file=sys.stderr)
        return EXIT_USAGE
    log.info("stopped cleanly")
    return EXIT_OK


async def _check_token(application: Application) -> None:
    """Ask Telegram who we are once, so that a refused token is one line, not a retry loop."""
    try:
        async with application.bot:
            pass
    except NetworkError as error:  # not the token's fault: polling will retry
        log.warning("Telegram not reachable yet: %s", error)
