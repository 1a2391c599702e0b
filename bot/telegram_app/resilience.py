"""Sending through a bad network: Telegram's flood limits, and new tries after transient faults."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from telegram.error import BadRequest, NetworkError
from telegram.ext import AIORateLimiter

log = logging.getLogger(__name__)


class ResilientRateLimiter(AIORateLimiter):
    """AIORateLimiter (flood limits, waits out 429 "retry after") that also tries again, with a
    growing pause, when a call fails for the network's sake: a 5xx answer, a timeout, a
    connection closed midway. A 400 is the request's fault and is never repeated.
    """

    def __init__(self, *, overall_max_rate: float, max_retries: int, network_retries: int, pause: float) -> None:
        super().__init__(overall_max_rate=overall_max_rate, max_retries=max_retries)
        self.network_retries = network_retries
        self.pause = pause

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        for attempt in range(self.network_retries + 1):
            try:
                return await super().process_request(callback, args, kwargs, endpoint, data, rate_limit_args)
            except BadRequest:
                raise
            except NetworkError as error:
                if attempt == self.network_retries:
                    raise
                log.warning("%s failed (%s), new try %d of %d", endpoint, error, attempt + 1, self.network_retries)
                await asyncio.sleep(self.pause * 2**attempt)
        raise AssertionError("unreachable")
