"""Pseudonyms (HMAC-SHA256 of Telegram ids), the encrypted chat reference, and the secret behind both."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken

from .safety import StorageError

SECRET_VARIABLE = "CONVENTION_BOT_SECRET"
MIN_SECRET = 32  # bytes


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
    """The pseudonymization secret: configured (CONVENTION_BOT_SECRET), else a file made on first use (0600).

    Refused if shorter than `MIN_SECRET` bytes: an empty key (a full disk at first start) would make
    every pseudonym guessable and every encrypted chat id readable.
    """
    if configured:
        return _long_enough(configured.encode(), SECRET_VARIABLE)
    try:
        return _long_enough(secret_file.read_bytes().strip(), str(secret_file))
    except FileNotFoundError:
        return _create_secret(secret_file)
    except OSError as error:
        raise StorageError(f"Secret « {secret_file} » illisible : {error.strerror}.") from error


def _long_enough(secret: bytes, where: str) -> bytes:
    if len(secret) < MIN_SECRET:
        raise StorageError(
            f"Secret trop court ({len(secret)} octets, {MIN_SECRET} au moins) dans « {where} » : "
            "remettez le secret d'origine (sans lui les pseudonymes changent)."
        )
    return secret


def _create_secret(secret_file: Path) -> bytes:
    """Write a new secret atomically: a temporary file, synced, then renamed (never half a key)."""
    if not secret_file.parent.exists():
        secret_file.parent.mkdir(mode=0o700, parents=True)
    value = base64.urlsafe_b64encode(os.urandom(32))
    temporary = secret_file.with_name(f".{secret_file.name}.{os.getpid()}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(value)
            handle.flush()
            os.fsync(handle.fileno())
        os.link(temporary, secret_file)  # fails if another process made one meanwhile: keep theirs
    except FileExistsError:
        return load_secret(None, secret_file)
    finally:
        temporary.unlink(missing_ok=True)
    folder = os.open(secret_file.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)
    return value
