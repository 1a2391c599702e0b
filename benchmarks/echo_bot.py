"""A bare python-telegram-bot echo bot with default settings: the benchmark's point of comparison.

It handles one update at a time (PTB's default), as most bots do. Run by bench_bot.py with
TELEGRAM_BOT_TOKEN and ECHO_BASE_URL set; it answers every text with the same text.
"""

from __future__ import annotations

import os

from telegram import Update
from telegram.ext import Application, ContextTypes, MessageHandler, filters


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Send the text back."""
    await update.effective_message.reply_text(update.effective_message.text)


def main() -> None:
    application = (
        Application.builder().token(os.environ["TELEGRAM_BOT_TOKEN"]).base_url(os.environ["ECHO_BASE_URL"]).build()
    )
    application.add_handler(MessageHandler(filters.TEXT, echo))
    application.run_polling()


if __name__ == "__main__":
    main()
