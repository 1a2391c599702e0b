"""The Telegram shell around the engine (python-telegram-bot 22)."""
