"""Alerts to the admin chat, throttled and deduplicated: users cannot make the bot flood it.

One alert per kind of error per `QUIET_SECONDS` (the later ones are counted and reported with the
next alert of that kind), and at most `MAX_PER_HOUR` alerts in all.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

QUIET_SECONDS = 600.0
MAX_PER_HOUR = 10


@dataclass
class AlertGate:
    """Decides which alerts go out; `clock` is monotonic seconds (tests give their own)."""

    clock: Callable[[], float] = time.monotonic
    _last: dict[str, float] = field(default_factory=dict)
    _held: dict[str, int] = field(default_factory=dict)
    _sent: deque[float] = field(default_factory=deque)

    def admit(self, kind: str) -> int | None:
        """None if this alert must stay quiet; else how many alerts of its kind were held back before it."""
        now = self.clock()
        while self._sent and now - self._sent[0] > 3600:
            self._sent.popleft()
        last = self._last.get(kind)
        if (last is not None and now - last < QUIET_SECONDS) or len(self._sent) >= MAX_PER_HOUR:
            self._held[kind] = self._held.get(kind, 0) + 1
            return None
        self._last[kind] = now
        self._sent.append(now)
        return self._held.pop(kind, 0)
