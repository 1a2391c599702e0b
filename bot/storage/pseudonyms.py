"""Pseudonyms (HMAC-SHA256 of Telegram ids), the encrypted chat reference, and the secret behind both."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken


class Pseudonyms:
    """Keys that cannot be turned back into ids, and chat ids encrypted for the one use that needs them."""

    def __init__(self, secret: bytes) -> None:
        self._secret = secret
        self._fernet = Fernet(base64.urlsafe_b64encode(hashlib.sha256(b"chat-ref:" + secret).digest()))

    def pseudonym(self, kind: str, raw_id: int) -> str:
        """A stable, non-reversible key for a Telegram user or chat id."""
        return hmac.new(self._secret, f"{kind}:{raw_id}".encode(), hashlib.sha256).hexdigest()

    def user(self, user_id: int | None) -> str | None:
        return self.pseudonym("user", user_id) if user_id is not None else None

    def encrypt_chat(self, chat_id: int) -> str:
        return self._fernet.encrypt(str(chat_id).encode()).decode()

    def decrypt_chat(self, reference: str) -> int | None:
        """The chat id, or None if it was written with another secret (unusable, and harmless)."""
        try:
            return int(self._fernet.decrypt(reference.encode()))
        except InvalidToken:
            return None


def load_secret(configured: str | None, secret_file: Path) -> bytes:
    """The pseudonymization secret: configured (CONVENTION_BOT_SECRET), else a file made on first use (0600)."""
    if configured:
        return configured.encode()
    try:
        return secret_file.read_bytes().strip()
    except FileNotFoundError:
        secret_file.parent.mkdir(parents=True, exist_ok=True)
        value = base64.urlsafe_b64encode(os.urandom(32))
        descriptor = os.open(secret_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(value)
        return value
