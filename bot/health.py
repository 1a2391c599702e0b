"""`convention-bot healthcheck`: is the running bot alive? (Docker's HEALTHCHECK, systemd, probes.)

Webhook mode: the bot's own /healthz answers. Polling mode: the bot writes a heartbeat file
every 30 seconds; a fresh one, and a readable database, mean it is alive.
"""

from __future__ import annotations

import sqlite3
import time
import urllib.error
import urllib.request

from .settings import Settings
from .storage.readonly import connect_read_only


def health_problems(settings: Settings) -> list[str]:
    """What is wrong, in words; an empty list means healthy."""
    if settings.telegram.mode == "webhook":
        return _webhook_problems(settings.telegram.webhook.port)
    problems = []
    try:
        age = time.time() - float(settings.heartbeat_file.read_text(encoding="utf-8"))
        if age > settings.health.max_age_seconds:
            problems.append(f"pas de signe de vie depuis {age:.0f} s ({settings.heartbeat_file})")
    except (OSError, ValueError):
        problems.append(f"pas de fichier de signe de vie lisible ({settings.heartbeat_file})")
    if problem := database_problem(settings):
        problems.append(problem)
    return problems


def database_problem(settings: Settings) -> str:
    try:
        connection = connect_read_only(settings.database, timeout=3)
        try:
            connection.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        finally:
            connection.close()
    except sqlite3.Error as error:
        return f"base de données illisible ({settings.database}) : {error}"
    return ""


def _webhook_problems(port: int) -> list[str]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=3) as response:
            return [] if response.status == 200 else [f"/healthz répond {response.status}"]
    except (urllib.error.URLError, OSError) as error:
        return [f"/healthz injoignable sur le port {port} : {error}"]
