"""The code's layout: small modules with one job (no module of bot/ over 250 lines)."""

from __future__ import annotations

from pathlib import Path

MAX_LINES = 250
BOT = Path(__file__).parents[1] / "bot"


def test_no_module_of_bot_is_over_250_lines() -> None:
    sizes = {path.relative_to(BOT.parent): len(path.read_text("utf-8").splitlines()) for path in BOT.rglob("*.py")}
    assert len(sizes) > 50  # the walk found the package
    assert {str(path): lines for path, lines in sizes.items() if lines > MAX_LINES} == {}
