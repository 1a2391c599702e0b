"""Configuration: a YAML file (see config.example.yaml), then environment variables on top.

Any setting can be overridden by `CONVENTION_BOT__SECTION__KEY` (for instance
`CONVENTION_BOT__TELEGRAM__BASE_URL`); values are read as YAML scalars or lists
("0.5", "[12345, 67890]"). The token only ever comes from `TELEGRAM_BOT_TOKEN` or
`telegram.token_file`.
"""

from __future__ import annotations

import os
from datetime import time
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from .core.engine import DEFAULT_CONTACT, DEFAULT_THRESHOLD, Engine
from .core.guard import GuardedEngine
from .core.knowledge import DEFAULT_KNOWLEDGE_DIR, Knowledge
from .core.schema import parse_document
from .core.yamlfile import Problem, YamlDocument, load_yaml

ENV_PREFIX = "CONVENTION_BOT__"
TOKEN_VARIABLE = "TELEGRAM_BOT_TOKEN"
SECRET_VARIABLE = "CONVENTION_BOT_SECRET"
# Paths written in the configuration file are relative to that file's folder.
PATH_SETTINGS = [
    ("knowledge_path",),
    ("storage", "path"),
    ("privacy", "secret_file"),
    ("telegram", "token_file"),
    ("health", "heartbeat_file"),
]


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class WebhookSettings(_Section):
    listen: str = "0.0.0.0"
    port: int = Field(default=8080, ge=1, le=65535)
    path: str = Field(default="telegram", pattern=r"^[A-Za-z0-9_/-]*$")
    public_url: str | None = None  # https://bot.example.org: where Telegram sends the updates
    secret_token: str | None = Field(default=None, pattern=r"^[A-Za-z0-9_-]{1,256}$")


class TelegramSettings(_Section):
    mode: Literal["polling", "webhook"] = "polling"
    webhook: WebhookSettings = WebhookSettings()
    token_file: str | None = None
    base_url: str = "https://api.telegram.org/bot"
    base_file_url: str = "https://api.telegram.org/file/bot"
    admin_ids: list[int] = []
    admin_chat_id: int | None = None
    poll_timeout: int = Field(default=10, ge=0, le=50)
    concurrent_updates: int = Field(default=128, ge=1, le=1024)
    flood_limit_per_second: float = Field(default=30, ge=0)  # Telegram's limit; 0 turns the limiter off
    max_retries: int = Field(default=3, ge=0, le=10)  # after a 429 "retry after", as Telegram asks
    network_retries: int = Field(default=4, ge=0, le=10)  # after a 5xx, a timeout, a dropped connection
    retry_pause: float = Field(default=0.5, ge=0)  # seconds before the first new try, doubled each time
    request_timeout: float = Field(default=10, gt=0)  # seconds for one Bot API call


class StorageSettings(_Section):
    path: str = "data/convention-bot.sqlite3"


class PrivacySettings(_Section):
    retention_days: int = Field(default=180, ge=1, le=3650)
    log_questions: bool = True
    secret_file: str | None = None  # default: beside the database, "<database>.secret"


class ReminderSettings(_Section):
    days_before: list[int] = [30, 7]
    send_time: time = time(9, 0)
    timezone: str = "Europe/Paris"


class HealthSettings(_Section):
    heartbeat_file: str | None = None  # default: beside the database, "<database>.heartbeat"
    max_age_seconds: int = Field(default=180, ge=10)  # older heartbeat: the bot is stuck or stopped


class Settings(_Section):
    knowledge_path: str = str(DEFAULT_KNOWLEDGE_DIR)
    contact: str = DEFAULT_CONTACT
    threshold: float = Field(default=DEFAULT_THRESHOLD, ge=0, le=1)
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    telegram: TelegramSettings = TelegramSettings()
    storage: StorageSettings = StorageSettings()
    privacy: PrivacySettings = PrivacySettings()
    reminders: ReminderSettings = ReminderSettings()
    health: HealthSettings = HealthSettings()

    @model_validator(mode="after")
    def _webhook_needs_its_address_and_secret(self) -> Settings:
        webhook = self.telegram.webhook
        if self.telegram.mode == "webhook" and not (webhook.public_url and webhook.secret_token):
            raise ValueError("le mode webhook demande telegram.webhook.public_url et telegram.webhook.secret_token")
        return self

    @property
    def knowledge_dir(self) -> Path:
        return Path(self.knowledge_path)

    def engine(self, knowledge: Knowledge) -> Engine:
        """The answering engine for `knowledge`, with this configuration's contact and threshold."""
        return GuardedEngine(knowledge, contact=self.contact, threshold=self.threshold)

    @property
    def database(self) -> Path:
        return Path(self.storage.path)

    @property
    def secret_file(self) -> Path:
        return Path(self.privacy.secret_file or f"{self.storage.path}.secret")

    @property
    def heartbeat_file(self) -> Path:
        return Path(self.health.heartbeat_file or f"{self.storage.path}.heartbeat")


class SettingsError(Exception):
    """The configuration is invalid; the message is `path:line: message` lines."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


def load_settings(path: Path | None = None, environ: dict[str, str] | None = None) -> Settings:
    """Read the configuration file (if any) and apply environment overrides."""
    environ = dict(os.environ if environ is None else environ)
    data: dict[str, Any] = {}
    document = YamlDocument(str(path or "environnement"), data)
    if path is not None:
        loaded, problems = load_yaml(path)
        if loaded is None:
            raise SettingsError(problems)
        if not isinstance(loaded.data, dict):
            raise SettingsError(
                [Problem(str(path), 1, "la configuration doit être une suite de champs « clé: valeur »")]
            )
        document = loaded
        data = loaded.data
        for keys in PATH_SETTINGS:
            section = data
            for key in keys[:-1]:
                section = section.get(key) if isinstance(section.get(key), dict) else {}
            if isinstance(section.get(keys[-1]), str):
                section[keys[-1]] = str((path.parent / section[keys[-1]]).resolve())
    for name, value in environ.items():
        if name.startswith(ENV_PREFIX):
            keys = name[len(ENV_PREFIX) :].lower().split("__")
            _set(data, keys, _scalar(value))
    document.data = data
    settings, problems = parse_document(document, Settings)
    if settings is None:
        raise SettingsError(problems)
    return settings


def read_token(settings: Settings, environ: dict[str, str] | None = None) -> str | None:
    """The bot token from the environment, or from the configured token file."""
    environ = dict(os.environ if environ is None else environ)
    token = environ.get(TOKEN_VARIABLE, "").strip()
    if not token and settings.telegram.token_file:
        try:
            token = Path(settings.telegram.token_file).read_text(encoding="utf-8").strip()
        except OSError:
            return None
    return token or None


def _set(data: dict[str, Any], keys: list[str], value: Any) -> None:
    for key in keys[:-1]:
        data = data.setdefault(key, {}) if isinstance(data.get(key, {}), dict) else {}
    data[keys[-1]] = value


def _scalar(value: str) -> Any:
    try:
        return yaml.safe_load(value)
    except yaml.YAMLError:
        return value
