"""Logging for the bot: one format, quiet HTTP client, and the token never written."""

from __future__ import annotations

import logging

REDACTED = "<jeton>"


class RedactToken(logging.Filter):
    """Replace the bot token wherever it would appear in a log line (URLs, errors)."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self.token = token

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self.token in message:
            record.msg = message.replace(self.token, REDACTED)
            record.args = None
        if record.exc_info and record.exc_info[1] is not None and self.token in str(record.exc_info[1]):
            record.exc_text = logging.Formatter().formatException(record.exc_info).replace(self.token, REDACTED)
            record.exc_info = None
        return True


def setup_logging(level: str, token: str) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactToken(token))
    logging.basicConfig(level=level, handlers=[handler], force=True)
    # httpx logs every request URL at INFO, and the URL holds the token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    # python-telegram-bot prints whole updates at DEBUG (ids, names, usernames, texts): never below INFO.
    logging.getLogger("telegram").setLevel(max(logging.INFO, logging.getLevelNamesMapping()[level]))
