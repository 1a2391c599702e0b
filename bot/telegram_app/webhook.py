"""Webhook mode: an aiohttp server that takes Telegram's updates and answers /healthz.

Telegram signs each call with the secret token given to setWebhook; a request without it is
refused with 403 before anything is read. Stops on SIGTERM/SIGINT after the updates in hand.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import signal

from aiohttp import web
from telegram import Update
from telegram.ext import Application

from ..settings import Settings
from .application import ALLOWED_UPDATES
from .context import services_of

log = logging.getLogger(__name__)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


def webhook_app(application: Application, secret_token: str, path: str) -> web.Application:
    """The HTTP side: POST /<path> for updates, GET /healthz for probes."""

    async def receive(request: web.Request) -> web.Response:
        if not hmac.compare_digest(request.headers.get(SECRET_HEADER, ""), secret_token):
            return web.Response(status=403, text="forbidden")
        try:
            data = await request.json()
        except (json.JSONDecodeError, UnicodeDecodeError):
            return web.Response(status=400, text="bad request")
        await application.update_queue.put(Update.de_json(data, application.bot))
        return web.Response(text="ok")

    async def health(request: web.Request) -> web.Response:
        services = services_of(application)
        try:
            await services.storage.run(lambda db: db.execute("SELECT 1").fetchone())
        except Exception as error:  # any failure of the database makes the bot unhealthy
            return web.json_response({"status": "database unreachable", "error": str(error)}, status=503)
        clauses = len(services.engine.knowledge.clauses)
        return web.json_response({"status": "ok", "clauses": clauses}, status=200 if clauses else 503)

    app = web.Application(client_max_size=1024 * 1024)
    app.router.add_post(f"/{path.strip('/')}", receive)
    app.router.add_get("/healthz", health)
    return app


async def serve_webhook(application: Application, settings: Settings) -> None:
    """Register the webhook, serve until a stop signal, then finish the updates in hand."""
    webhook = settings.telegram.webhook
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signal_number in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signal_number, stop.set)
    async with application:
        if application.post_init:
            await application.post_init(application)
        url = f"{webhook.public_url.rstrip('/')}/{webhook.path.strip('/')}"
        await application.bot.set_webhook(url, secret_token=webhook.secret_token, allowed_updates=ALLOWED_UPDATES)
        await application.start()
        runner = web.AppRunner(webhook_app(application, webhook.secret_token, webhook.path), access_log=None)
        await runner.setup()
        await web.TCPSite(runner, webhook.listen, webhook.port).start()
        log.info("webhook listening on %s:%d", webhook.listen, webhook.port)
        await stop.wait()
        await runner.cleanup()  # no new updates...
        await application.stop()  # ...and the ones in hand are finished
    if application.post_shutdown:
        await application.post_shutdown(application)
