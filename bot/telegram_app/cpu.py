"""The engine's work (matching, calculators) off the event loop, with a bound per message.

The engine is pure Python: in a worker thread it gives the event loop a turn every few
milliseconds, so one heavy message does not stall every chat. (A regular expression runs in C
and keeps the interpreter for its whole run: those on user text must be linear.) A message whose
answer takes longer than `BOUND` seconds gets a short apology instead of an answer; the thread
finishes in the background, and at most `WORKERS` such computations run at once.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")
BOUND = 5.0  # seconds for one message's answer
INLINE_SIZE = 300  # characters: a question this short is answered in a few milliseconds
WORKERS = 2  # the host has few cores; more threads would only share the same interpreter lock
_executor = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="engine")


class TooSlow(Exception):
    """The computation went past its bound."""


async def bounded(work: Callable[P, T], *args: P.args, size: int = 0, **kwargs: P.kwargs) -> T:
    """`work(*args, **kwargs)` in the engine's threads; TooSlow after `BOUND` seconds. Work on a short
    text (`size` characters, at most `INLINE_SIZE`) runs right here: it takes a few milliseconds, less
    than handing it to a thread and fighting it for the interpreter lock."""
    if size <= INLINE_SIZE:
        return work(*args, **kwargs)
    future = asyncio.get_running_loop().run_in_executor(_executor, functools.partial(work, *args, **kwargs))
    try:
        return await asyncio.wait_for(future, BOUND)
    except TimeoutError as error:
        raise TooSlow from error
