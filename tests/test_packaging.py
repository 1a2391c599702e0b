"""The wheel: every package listed, knowledge/ inside, and a working install outside the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]


def test_every_package_under_bot_is_shipped() -> None:
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(path.parent.relative_to(ROOT).parts) for path in (ROOT / "bot").rglob("__init__.py")}
    assert found | {"bot.knowledge"} == listed


@pytest.mark.slow
def test_the_wheel_answers_and_validates_outside_the_checkout(tmp_path: Path) -> None:
    wheels, venv = tmp_path / "wheels", tmp_path / "venv"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--quiet"]
    subprocess.run(
        [*pip, "wheel", "--no-deps", "--no-build-isolation", "--wheel-dir", str(wheels), str(ROOT)],
        check=True, capture_output=True,
    )  # fmt: skip
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run([*pip, "--python", str(python), "install", "--no-deps", *wheels.glob("*.whl")], check=True)
    # The dependencies come from this environment (no network); `bot` itself only from the wheel.
    site = Path(
        subprocess.check_output(
            [python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], text=True
        ).strip()
    )
    (site / "dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("CONVENTION_BOT", "PYTHON"))}
    environment["CONVENTION_BOT__CACHE__PATH"] = str(tmp_path / "cache")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    def run(*args: str) -> str:
        result = subprocess.run(
            [venv / "bin" / "convention-bot", *args], capture_output=True, text=True, cwd=elsewhere, env=environment
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    where = subprocess.check_output([python, "-c", "import bot; print(bot.__file__)"], text=True, cwd=elsewhere)
    assert Path(where).is_relative_to(venv)
    assert "base de connaissances valide" in run("validate")
    assert "Article 3" in run("ask", "durée ?")
    assert "Article 3" in run("ask", "durée ?")  # the second time from the cache the first one wrote
    assert len(list((tmp_path / "cache").iterdir())) == 1
