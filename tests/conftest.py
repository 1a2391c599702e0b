"""Shared fixtures: the real knowledge base and engine (built once), and data tables."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.core.engine import Engine
from bot.core.knowledge import DEFAULT_KNOWLEDGE_DIR, Knowledge, load_knowledge

DATA = Path(__file__).parent / "data"
FIXTURES = Path(__file__).parent / "fixtures"


def table(name: str) -> Any:
    """A YAML table from tests/data."""
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="session", autouse=True)
def private_engine_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The knowledge cache of this session, in a temporary folder (inherited by the processes tests start)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CONVENTION_BOT__CACHE__PATH", str(tmp_path_factory.mktemp("engine-cache")))
        yield


@pytest.fixture(scope="session")
def knowledge() -> Knowledge:
    return load_knowledge()


@pytest.fixture(scope="session")
def engine(knowledge: Knowledge) -> Engine:
    return Engine(knowledge)


@pytest.fixture
def minimal_knowledge(tmp_path: Path) -> Path:
    """A small valid knowledge base (two files' worth) with the real source text."""
    root = tmp_path / "knowledge"
    shutil.copytree(FIXTURES / "minimal", root)
    (root / "source").mkdir()
    shutil.copy(DEFAULT_KNOWLEDGE_DIR / "source" / "convention.txt", root / "source" / "convention.txt")
    return root
