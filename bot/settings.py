"""Configuration: a YAML file (see config.example.yaml), then environment variables on top.

pydantic-settings reads the environment (bot/settings_environment.py, loaded only when a variable
meant for the bot is set: a cold `convention-bot ask` without one does not pay for it): `CONVENTION_BOT_SECTION__KEY` or the documented
`CONVENTION_BOT__SECTION__KEY` (for instance `CONVENTION_BOT__TELEGRAM__BASE_URL`); a text
setting stays text ("off", "12345"), a list is JSON ("[12345, 67890]"). The token only ever comes
from `TELEGRAM_BOT_TOKEN` or `telegram.token_file`, the pseudonyms' secret from `CONVENTION_BOT_SECRET`
(or its file).
"""

from __future__ import annotations

import os
import re
from datetime import time
from pathlib import Path
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
    model_validator,
)

from .clock import DEFAULT_TIMEZONE
from .core.engine import DEFAULT_CONTACT, DEFAULT_THRESHOLD
from .core.knowledge import DEFAULT_KNOWLEDGE_DIR
from .core.schema import validation_problems
from .core.yamlfile import Problem, YamlDocument, load_yaml

ENV_PREFIX = "CONVENTION_BOT_"
DOCUMENTED_ENV_PREFIX = "CONVENTION_BOT__"  # README's spelling, one underscore more
TOKEN_VARIABLE = "TELEGRAM_BOT_TOKEN"
SECRET_VARIABLE = "CONVENTION_BOT_SECRET"
# Secrets come from the environment only, never from a file that might be versioned.
ENVIRONMENT_ONLY = {"secret": SECRET_VARIABLE, "telegram_token": TOKEN_VARIABLE, "telegram_bot_token": TOKEN_VARIABLE}
# Paths written in the configuration file are relative to that file's folder.
PATH_SETTINGS = [
    ("knowledge_path",),
    ("storage", "path"),
    ("privacy", "secret_file"),
    ("telegram", "token_file"),
    ("health", "heartbeat_file"),
    ("cache", "path"),
]


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _web_address(value: str | None) -> str | None:
    """An http(s) address with a host: a malformed one would otherwise be retried forever."""
    if value is not None and not re.match(r"^https?://[^/\s]+", value):
        raise ValueError(f"adresse web invalide « {value} » : elle commence par https:// (ou http://) et un nom d'hôte")
    return value


WebAddress = Annotated[str, AfterValidator(_web_address)]


class WebhookSettings(_Section):
    listen: str = "0.0.0.0"
    port: int = Field(default=8080, ge=1, le=65535)
    path: str = Field(default="telegram", pattern=r"^[A-Za-z0-9_/-]*$")
    public_url: WebAddress | None = None  # https://bot.example.org: where Telegram sends the updates
    secret_token: str | None = Field(default=None, pattern=r"^[A-Za-z0-9_-]{1,256}$")


class TelegramSettings(_Section):
    mode: Literal["polling", "webhook"] = "polling"
    webhook: WebhookSettings = WebhookSettings()
    token_file: str | None = None
    base_url: WebAddress = "https://api.telegram.org/bot"
    base_file_url: WebAddress = "https://api.telegram.org/file/bot"
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
    # Days before the LRAR deadline; the notice period is 3 months, a year covers any sensible choice.
    days_before: list[Annotated[int, Field(ge=1, le=365)]] = Field(default=[30, 7], min_length=1)
    send_time: time = time(9, 0)
    timezone: str = DEFAULT_TIMEZONE  # the users' time zone: "today", reminders and the .ics

    @field_validator("timezone")
    @classmethod
    def _known_time_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as error:
            raise ValueError(f"fuseau horaire inconnu « {value} » (par exemple Europe/Paris)") from error
        return value


class CacheSettings(_Section):
    enabled: bool = True  # the validated, indexed knowledge base, reused while nothing changed
    path: str | None = None  # default: the user's cache folder (~/.cache/convention-bot)


class HealthSettings(_Section):
    heartbeat_file: str | None = None  # default: beside the database, "<database>.heartbeat"
    max_age_seconds: int = Field(default=180, ge=10)  # older heartbeat: the bot is stuck or stopped


class Settings(BaseModel):
    """The validated configuration (the environment's values included, see `load_settings`)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    knowledge_path: str = str(DEFAULT_KNOWLEDGE_DIR)
    contact: str = DEFAULT_CONTACT
    contacts: dict[str, str] = {}  # per organisation (cdg, fibre), chosen by the question's subject
    threshold: float = Field(default=DEFAULT_THRESHOLD, ge=0, le=1)
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    telegram: TelegramSettings = TelegramSettings()
    storage: StorageSettings = StorageSettings()
    privacy: PrivacySettings = PrivacySettings()
    reminders: ReminderSettings = ReminderSettings()
    health: HealthSettings = HealthSettings()
    cache: CacheSettings = CacheSettings()
    secret: SecretStr | None = None  # CONVENTION_BOT_SECRET
    telegram_token: SecretStr | None = Field(default=None, validation_alias=TOKEN_VARIABLE)

    @model_validator(mode="after")
    def _webhook_needs_its_address_and_secret(self) -> Settings:
        webhook = self.telegram.webhook
        if self.telegram.mode == "webhook" and not (webhook.public_url and webhook.secret_token):
            raise ValueError("le mode webhook demande telegram.webhook.public_url et telegram.webhook.secret_token")
        return self

    @property
    def knowledge_dir(self) -> Path:
        return Path(self.knowledge_path)

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


def load_settings(path: Path | None = None) -> Settings:
    """Read the configuration file (if any); the environment applies on top."""
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
        document, data = loaded, loaded.data
        if secrets := [key for key in data if str(key).lower() in ENVIRONMENT_ONLY]:
            problems = [
                Problem(
                    str(path),
                    document.line_of((key,)),
                    f"« {key} » se donne par {ENVIRONMENT_ONLY[str(key).lower()]}, jamais dans un fichier",
                )
                for key in secrets
            ]
            raise SettingsError(problems)
        _resolve_paths(data, path.parent)
    try:
        if not _environment_has_settings():
            return Settings(**data)
        from .settings_environment import EnvironmentSettings  # pydantic-settings: only when there is something to read

        return EnvironmentSettings(**data)
    except ValidationError as error:
        raise SettingsError(validation_problems(document, Settings, error)) from None


def _environment_has_settings() -> bool:
    """Whether a variable meant for the bot is set (names compared as pydantic-settings does, ignoring case)."""
    return any(name.upper().startswith(ENV_PREFIX) or name.upper() == TOKEN_VARIABLE for name in os.environ)


def read_token(settings: Settings) -> str | None:
    """The bot token from the environment, or from the configured token file."""
    token = settings.telegram_token.get_secret_value().strip() if settings.telegram_token else ""
    if not token and settings.telegram.token_file:
        try:
            token = Path(settings.telegram.token_file).read_text(encoding="utf-8").strip()
        except OSError:
            return None
    return token or None


def _resolve_paths(data: dict[str, Any], folder: Path) -> None:
    for keys in PATH_SETTINGS:
        section = data
        for key in keys[:-1]:
            section = section.get(key) if isinstance(section.get(key), dict) else {}
        if isinstance(section.get(keys[-1]), str):
            section[keys[-1]] = str((folder / section[keys[-1]]).resolve())
