"""A cold `ask` answered from the engine cache loads only what answering needs (issue 11: under 0.3 s)."""

from __future__ import annotations

import os
import pickle
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import snowballstemmer
from conftest import EVALUATION_DAY
from snowballstemmer.french_stemmer import FrenchStemmer

from bot.assembly import build_engine
from bot.compiled_patterns import pattern_of, program
from bot.core.engine import Engine
from bot.core.evaluation import Report
from bot.core.french import words
from bot.core.knowledge import DEFAULT_KNOWLEDGE_DIR
from bot.engine_cache import LazyPattern
from bot.settings import CacheSettings, Settings

ROOT = Path(__file__).parents[1]
# What only building the engine, reading YAML, training or other commands need.
NOT_FOR_A_CACHED_ASK = ["numpy", "scipy", "sklearn", "yaml", "pydantic_settings", "asyncio", "babel"]
ASK_AND_LIST = (
    "import sys; from bot.cli import main; main(['ask', 'le 15 mars 2025, quand résilier ?', '--today', '2026-11-28']); "
    f"print([name for name in {NOT_FOR_A_CACHED_ASK!r} if name in sys.modules])"
)


@pytest.mark.slow  # real processes: what a fresh interpreter imports, the first one training the classifier
def test_a_cache_hit_answers_without_the_build_time_libraries(tmp_path: Path) -> None:
    environment = {k: v for k, v in os.environ.items() if not k.upper().startswith("CONVENTION_BOT_")}
    environment["XDG_CACHE_HOME"] = str(tmp_path)  # the default cache folder, in a temporary place
    runs = [
        subprocess.run([sys.executable, "-c", ASK_AND_LIST], capture_output=True, text=True, cwd=ROOT, env=environment)
        for _ in range(2)  # the first builds the engine and writes the cache, the second reads it
    ]
    assert all("Article 6" in run.stdout for run in runs), [run.stderr for run in runs]
    assert runs[0].stdout.splitlines()[-1] != "[]"  # building does load them: the check can see them
    assert runs[1].stdout.splitlines()[-1] == "[]", runs[1].stdout


def test_the_c_stemmer_gives_the_pure_python_stems() -> None:
    # PyStemmer (C) is what snowballstemmer uses when installed; its stems are those the knowledge was written for.
    vocabulary = {word for path in DEFAULT_KNOWLEDGE_DIR.rglob("*.yaml") for word in words(path.read_text("utf-8"))}
    c_stemmer, python_stemmer = snowballstemmer.stemmer("french"), FrenchStemmer()
    assert type(c_stemmer).__module__ == "Stemmer"
    assert len(vocabulary) > 2000
    assert [w for w in vocabulary if c_stemmer.stemWord(w) != python_stemmer.stemWord(w)] == []


def test_the_cached_engine_answers_as_the_one_just_built(
    engine: Engine, evaluated: Callable[[str], Report], tmp_path: Path
) -> None:
    # The run's engine is read from the cache (conftest): its regular expressions came back as text,
    # compiled at first use (LazyPattern). One built here (an empty cache folder) gives the same answers
    # to the sets it answered (`evaluated`, shared with test_regressions).
    built = build_engine(Settings(cache=CacheSettings(path=str(tmp_path))))
    assert not [value for value in _reader_values(built) if isinstance(value, LazyPattern)]
    assert engine.knowledge == built.knowledge  # what /revue's examples are merged into
    lazy = [value for value in _reader_values(engine) if isinstance(value, LazyPattern)]
    assert lazy
    assert [
        value.pattern for value in lazy if value.stored is None
    ] == []  # stored with its program, not compiled again
    outcomes = [outcome for name in ("questions.yaml", "realistic.yaml") for outcome in evaluated(name).outcomes]
    assert [outcome.answer.to_dict() for outcome in outcomes] == [
        built.answer(outcome.case.question, today=outcome.case.today or EVALUATION_DAY).to_dict()
        for outcome in outcomes
    ]
    again = pickle.loads(pickle.dumps(lazy[0]))  # pickled again (a /reload's copy): a compiled pattern
    assert again.pattern == lazy[0].pattern and again.search is not None


def _reader_values(engine: Engine) -> list[object]:
    """The reader's attributes and theirs (its forwarding headers' and sign-offs' patterns are its parts')."""
    found = list(vars(engine.reader).values())
    return found + [value for part in found for value in getattr(part, "__dict__", {}).values()]


@pytest.mark.parametrize(
    "text, flags, sample",
    [
        (r"(?P<day>\d{1,2})\s+(?P<month>mars|avril)", 0, "le 15 mars 2025"),
        (r"(?<!\w)résili\w*(?!\w)", re.IGNORECASE, "Comment RÉSILIER ?"),
        (r"^(?:tr|fwd)\s*:", re.MULTILINE, "x\ntr: objet"),
    ],
)
def test_a_stored_program_rebuilds_the_same_pattern(text: str, flags: int, sample: str) -> None:
    original = re.compile(text, flags)
    stored = program(original)
    assert stored is not None
    rebuilt = pattern_of(text, flags, stored)
    assert rebuilt == original and rebuilt is not original  # same text, flags and program (CPython compares all three)
    assert rebuilt.groupindex == original.groupindex
    assert [m.span() for m in rebuilt.finditer(sample)] == [m.span() for m in original.finditer(sample)] != []
    damaged = (stored[0], stored[1][:3], *stored[2:])  # a truncated program: compiled from the text instead
    assert pattern_of(text, flags, damaged) == original
