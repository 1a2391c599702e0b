"""The one clock: "now" and "today" in the users' time zone, given to whoever needs a date.

The core never reads a clock (it is given `today`); handlers, storage and the CLI ask this object.
Tests freeze it (`Clock(..., frozen=...)`) or move it (`clock.set(...)`) instead of waiting.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

DEFAULT_TIMEZONE = "Europe/Paris"


class Clock:
    """The current instant in one time zone; frozen at a given instant when tests say so."""

    def __init__(self, timezone: str = DEFAULT_TIMEZONE, frozen: datetime | None = None) -> None:
        self.zone = ZoneInfo(timezone)
        self._frozen = frozen

    def now(self) -> datetime:
        """The current instant, aware, in the configured time zone."""
        moment = self._frozen or datetime.now(UTC)  # the one place the real clock is read
        return moment.astimezone(self.zone)

    def today(self) -> date:
        """The users' date (Europe/Paris by default), not the server's UTC date."""
        return self.now().date()

    def set(self, moment: datetime | None) -> None:
        """Freeze the clock at `moment` (an aware datetime), or let it run again with None."""
        if moment is not None and moment.tzinfo is None:
            raise ValueError("the clock takes aware datetimes only")
        self._frozen = moment
