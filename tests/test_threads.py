"""The bot answers long messages in a pool of threads sharing one engine: answers given at once are
those given one by one (the engine's small per-message memories must not leak between threads)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from conftest import EVALUATION_DAY

from bot.core.engine import Engine
from bot.core.evaluation import Report


def test_answers_given_at_once_in_threads_are_those_given_one_by_one(
    engine: Engine, evaluated: Callable[[str], Report]
) -> None:
    outcomes = evaluated("realistic.yaml").outcomes  # the set answered one by one, shared with other tests
    asked = [(outcome.case.question, outcome.case.today or EVALUATION_DAY) for outcome in outcomes]
    alone = [repr(outcome.answer) for outcome in outcomes]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads take turns as often as possible: a shared memory would mix
    try:
        with ThreadPoolExecutor(4) as pool:
            together = list(pool.map(lambda ask: repr(engine.answer(ask[0], today=ask[1])), asked * 3))
    finally:
        sys.setswitchinterval(interval)
    assert together == alone * 3
