"""The configuration with the environment on top, read by pydantic-settings.

Apart from bot/settings.py so that pydantic-settings (and what it imports: asyncio, dotenv…) is loaded
only when a variable meant for the bot is set; the fields and their checks are `Settings`'s own.
"""

from __future__ import annotations

from pydantic_settings import BaseSettings, EnvSettingsSource, PydanticBaseSettingsSource, SettingsConfigDict

from .settings import DOCUMENTED_ENV_PREFIX, ENV_PREFIX, Settings


class EnvironmentSettings(BaseSettings, Settings):
    """`Settings` whose values the environment overrides: `CONVENTION_BOT_SECTION__KEY` or `CONVENTION_BOT__…`."""

    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, env_nested_delimiter="__", extra="forbid", frozen=True)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        """The environment (both spellings) wins over the file's values, given as keyword arguments."""
        documented = EnvSettingsSource(settings_cls, env_prefix=DOCUMENTED_ENV_PREFIX, env_nested_delimiter="__")
        return env_settings, documented, init_settings
