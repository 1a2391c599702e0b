"""The cache of the validated, indexed knowledge: reused while nothing changed, never trusted blindly."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from bot import engine_cache
from bot.core.knowledge import KnowledgeError
from bot.engine_cache import cached_engine

TODAY = date(2026, 11, 28)


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The knowledge folders actually read (a cache hit reads none)."""
    read: list[Path] = []
    real = engine_cache.load_knowledge

    def counting(root: Path):  # type: ignore[no-untyped-def]
        read.append(root)
        return real(root)

    monkeypatch.setattr(engine_cache, "load_knowledge", counting)
    return read


def engine(root: Path, cache: Path, contact: str = "contact"):  # type: ignore[no-untyped-def]
    return cached_engine(root, contact=contact, threshold=0.5, cache_dir=cache)


def test_reused_until_any_file_changes(minimal_knowledge: Path, tmp_path: Path, builds: list[Path]) -> None:
    cache = tmp_path / "cache"
    first = engine(minimal_knowledge, cache)
    second = engine(minimal_knowledge, cache)
    assert len(builds) == 1 and second is not first
    assert second.answer("durée ?", today=TODAY) == first.answer("durée ?", today=TODAY)
    (cache_file,) = cache.iterdir()
    assert oct(cache_file.stat().st_mode & 0o777) == "0o600"

    topics = minimal_knowledge / "topics.yaml"
    topics.write_text(topics.read_text(encoding="utf-8") + "\n# a comment is a change too\n", encoding="utf-8")
    engine(minimal_knowledge, cache)
    engine(minimal_knowledge, cache, contact="autre contact")  # the settings are part of the key
    assert len(builds) == 3 and len(list(cache.iterdir())) == 1  # one file per folder, overwritten


@pytest.mark.parametrize(
    "damage",
    [
        lambda path: path.write_bytes(path.read_bytes()[:-10]),  # truncated
        lambda path: path.write_bytes(path.read_bytes()[:-1] + b"x"),  # payload altered
        lambda path: path.write_bytes(b"not a cache"),
        lambda path: path.chmod(0o666),  # others could have written it
        lambda path: path.unlink(),  # deleting it is always safe
    ],
    ids=["truncated", "altered", "garbage", "world-writable", "deleted"],
)
def test_a_damaged_or_foreign_cache_is_rebuilt(
    minimal_knowledge: Path, tmp_path: Path, builds: list[Path], damage
) -> None:  # type: ignore[no-untyped-def]
    cache = tmp_path / "cache"
    engine(minimal_knowledge, cache)
    damage(next(cache.iterdir()))
    rebuilt = engine(minimal_knowledge, cache)
    assert len(builds) == 2 and rebuilt.answer("durée ?", today=TODAY).answered


def test_an_invalid_base_is_never_cached(minimal_knowledge: Path, tmp_path: Path) -> None:
    (minimal_knowledge / "topics.yaml").write_text("topics: []\n", encoding="utf-8")
    with pytest.raises(KnowledgeError):
        engine(minimal_knowledge, tmp_path / "cache")
    assert not (tmp_path / "cache").exists() or not os.listdir(tmp_path / "cache")


def test_an_unwritable_cache_folder_still_answers(minimal_knowledge: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    assert engine(minimal_knowledge, blocked / "cache").answer("durée ?", today=TODAY).answered


def test_files_of_other_folders_unused_for_a_month_are_pruned(minimal_knowledge: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    old, recent = cache / "engine-0000000000000000.pickle", cache / "engine-1111111111111111.pickle"
    for path in (old, recent):
        path.write_bytes(b"another folder's engine")
    month_ago = old.stat().st_mtime - engine_cache.STALE_SECONDS - 60
    os.utime(old, (month_ago, month_ago))
    engine(minimal_knowledge, cache)
    assert not old.exists() and recent.exists() and len(list(cache.iterdir())) == 2
