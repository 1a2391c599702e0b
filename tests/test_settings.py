"""Settings: the YAML file, then the environment on top (pydantic-settings), with file:line errors."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest

from bot.settings import SettingsError, load_settings, read_token


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    for name in list(os.environ):
        if name.startswith("CONVENTION_BOT") or name == "TELEGRAM_BOT_TOKEN":
            monkeypatch.delenv(name)


@pytest.mark.parametrize(
    ("variable", "value", "read"),
    [
        ("CONVENTION_BOT__CONTACT", "off", lambda s: s.contact == "off"),  # a string stays a string
        (
            "CONVENTION_BOT__TELEGRAM__WEBHOOK__SECRET_TOKEN",
            "12345",
            lambda s: s.telegram.webhook.secret_token == "12345",
        ),
        ("CONVENTION_BOT__TELEGRAM__ADMIN_IDS", "[123456789, 42]", lambda s: s.telegram.admin_ids == [123456789, 42]),
        ("CONVENTION_BOT_TELEGRAM__ADMIN_IDS", "[7]", lambda s: s.telegram.admin_ids == [7]),  # the prefix's own form
        ("CONVENTION_BOT__PRIVACY__LOG_QUESTIONS", "false", lambda s: s.privacy.log_questions is False),
        ("CONVENTION_BOT__REMINDERS__SEND_TIME", "08:30", lambda s: s.reminders.send_time == time(8, 30)),
        ("CONVENTION_BOT__THRESHOLD", "0.5", lambda s: s.threshold == 0.5),
        ("CONVENTION_BOT_SECRET", "12345", lambda s: s.secret.get_secret_value() == "12345"),
        ("TELEGRAM_BOT_TOKEN", " 123:abc ", lambda s: read_token(s) == "123:abc"),
    ],
)
def test_environment_overrides(monkeypatch: pytest.MonkeyPatch, variable: str, value: str, read) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv(variable, value)
    assert read(load_settings())


def test_environment_wins_over_the_file_and_paths_are_relative_to_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("contact: du fichier\nstorage:\n  path: data/bot.sqlite3\ntelegram:\n  admin_ids: [1]\n")
    monkeypatch.setenv("CONVENTION_BOT__CONTACT", "de l'environnement")
    settings = load_settings(config)
    assert settings.contact == "de l'environnement" and settings.telegram.admin_ids == [1]
    assert settings.database == tmp_path / "data" / "bot.sqlite3"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("threshold: 2\n", "config.yaml:1:"),
        ("telegram:\n  admin_id: [1]\n", "vouliez-vous dire « admin_ids »"),
        ("telegram_bot_token: '123:abc'\n", "config.yaml:1: « telegram_bot_token » se donne par TELEGRAM_BOT_TOKEN"),
        ("secret: abc\n", "CONVENTION_BOT_SECRET, jamais dans un fichier"),
        ("- a\n- b\n", "clé: valeur"),
    ],
)
def test_a_bad_file_is_told_in_words_with_its_line(tmp_path: Path, text: str, message: str) -> None:
    config = tmp_path / "config.yaml"
    config.write_text(text)
    with pytest.raises(SettingsError, match=message):
        load_settings(config)


def test_a_bad_environment_value_is_told_in_words(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONVENTION_BOT__TELEGRAM__PORT_TYPO", "1")  # unknown names are ignored, like any variable
    monkeypatch.setenv("CONVENTION_BOT__THRESHOLD", "beaucoup")
    with pytest.raises(SettingsError, match="threshold"):
        load_settings()
