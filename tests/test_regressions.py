"""Every question of the evaluation sets, one by one: a question that passed and now fails is a regression.

The misses known today are listed in tests/data/known_misses.yaml, not hidden behind a percentage.
Regenerate it with `python scripts/known_misses.py` (`--diff` only prints the questions that pass again
and the new misses): a known miss that passes is removed; a new one must be justified in the commit.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import cases, convention_bot, table

from bot.core.evaluation import Report

KNOWN_MISSES: dict[str, list[str] | None] = table("known_misses.yaml")
ROOT = Path(__file__).parents[1]


@pytest.mark.parametrize("name", KNOWN_MISSES)
def test_no_question_regresses(evaluated: Callable[[str], Report], name: str) -> None:
    known = set(KNOWN_MISSES[name] or [])
    report = evaluated(name)
    regressions = [
        f"{o.case.question!r}: {o.reason}" for o in report.outcomes if not o.passed and o.case.question not in known
    ]
    assert not regressions, "\n".join(regressions)


def test_known_misses_are_questions_of_their_set() -> None:
    for name, misses in KNOWN_MISSES.items():
        questions = {case.question for case in cases(name)}
        assert set(misses or []) <= questions, name


@pytest.mark.slow
def test_answers_do_not_depend_on_the_hash_seed() -> None:
    """Set or dict order that depends on the string hash differs between processes, not within one: a
    process with another seed builds its own engine and answers as this one does."""
    questions = "".join(f"{case.question}\n" for case in cases("realistic.yaml"))
    here = convention_bot("ask", "--json", "--today", "2026-11-28", stdin=questions)
    seed = "2" if os.environ.get("PYTHONHASHSEED") == "1" else "1"  # not this process's
    env = {**os.environ, "PYTHONHASHSEED": seed, "CONVENTION_BOT__CACHE__ENABLED": "false"}  # really build
    command = [sys.executable, "-m", "bot.cli", "ask", "--json", "--today", "2026-11-28"]
    there = subprocess.run(command, input=questions, capture_output=True, text=True, env=env, cwd=ROOT)
    assert here.returncode == there.returncode == 0, there.stderr
    assert len(here.stdout.splitlines()) == questions.count("\n")
    for first, second in zip(here.stdout.splitlines(), there.stdout.splitlines(), strict=True):
        assert first == second
