"""The bot answers long messages in a pool of threads sharing one engine: answers given at once are
those given one by one (the engine's small per-message memories must not leak between threads)."""

from __future__ import annotations

import sys
from concurrent.futures import ThreadPoolExecutor

from conftest import EVALUATION_DAY, cases

from bot.core.engine import Engine


def test_answers_given_at_once_in_threads_are_those_given_one_by_one(engine: Engine) -> None:
    messages = [case.question for case in cases("realistic.yaml")]
    alone = [repr(engine.answer(message, today=EVALUATION_DAY)) for message in messages]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads take turns as often as possible: a shared memory would mix
    try:
        with ThreadPoolExecutor(4) as pool:
            together = list(pool.map(lambda m: repr(engine.answer(m, today=EVALUATION_DAY)), messages * 3))
    finally:
        sys.setswitchinterval(interval)
    assert together == alone * 3
