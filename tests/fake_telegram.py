"""A fake Telegram Bot API: one implementation of the methods the bot uses, reached two ways.

- `RecordingRequest`: a python-telegram-bot `BaseRequest` that calls it directly (handler
  tests, no network);
- `FakeBotApiServer`: an HTTP server on 127.0.0.1 (end-to-end tests, the real
  `convention-bot run` process talks to it through `telegram.base_url`).
Tests push updates (`user_message`, `callback`, `inline`), then read what the bot sent.
It can misbehave on demand (`fail_next`) to test the bot's resilience.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import time
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web
from telegram.request import BaseRequest, RequestData

BOT_ID = 7000000001
BOT_USERNAME = "convention_test_bot"
TOKEN = "7000000001:AAFakeTokenForTestsOnly_abcdefghijk"
# Parameters the HTTP form carries JSON-encoded (python-telegram-bot's json_parameters).
JSON_FIELDS = {
    "reply_markup",
    "results",
    "commands",
    "allowed_updates",
    "entities",
    "link_preview_options",
    "reply_parameters",
    "scope",
    "button",
}
ADMIN_RIGHTS = [
    "can_be_edited", "is_anonymous", "can_manage_chat", "can_delete_messages", "can_manage_video_chats",
    "can_restrict_members", "can_promote_members", "can_change_info", "can_invite_users", "can_post_stories",
    "can_edit_stories", "can_delete_stories",
]  # fmt: skip
INT_FIELDS = {"user_id", "chat_id", "message_id", "offset", "limit", "timeout", "cache_time", "retry_after"}


@dataclass
class FakeTelegram:
    """The state of a fake Bot API: pending updates, every call the bot made, queued faults."""

    calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    bot_messages: list[dict[str, Any]] = field(default_factory=list)  # what the bot's sends returned
    updates: list[dict[str, Any]] = field(default_factory=list)
    faults: dict[str, list[tuple[int, dict[str, Any]]]] = field(default_factory=dict)
    delay: float = 0.0  # seconds added to every call, as a real network would
    confirmed: int = 0  # the highest getUpdates offset received: updates below it are gone
    group_admins: dict[int, set[int]] = field(default_factory=dict)  # chat id -> its administrators' ids
    _update_ids: itertools.count = field(default_factory=lambda: itertools.count(1))
    _message_ids: itertools.count = field(default_factory=lambda: itertools.count(1000))
    _new_updates: asyncio.Event | None = None

    # --- what tests do -------------------------------------------------------------------
    def push(self, update: dict[str, Any]) -> int:
        update_id = next(self._update_ids)
        self.updates.append({"update_id": update_id, **update})
        if self._new_updates is not None:
            self._new_updates.set()
        return update_id

    def user_message(
        self, text: str, *, user_id: int = 111, chat_id: int | None = None, chat_type: str = "private", **extra: Any
    ) -> dict[str, Any]:
        """A message update from a user (private chat by default)."""
        return {"message": self.message(text, user_id=user_id, chat_id=chat_id, chat_type=chat_type, **extra)}

    def message(
        self,
        text: str | None,
        *,
        user_id: int = 111,
        chat_id: int | None = None,
        chat_type: str = "private",
        **extra: Any,
    ) -> dict[str, Any]:
        chat = {"id": chat_id or user_id, "type": chat_type}
        if chat_type == "private":
            chat["first_name"] = f"User{user_id}"
        else:
            chat["title"] = "Équipe support CDG 62"
        body: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": chat,
            "from": {"id": user_id, "is_bot": False, "first_name": f"User{user_id}"},
            **extra,
        }
        if text is not None:
            body["text"] = text
            if text.startswith("/"):
                body["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        return body

    def callback(self, data: str, message: dict[str, Any], *, user_id: int = 111) -> dict[str, Any]:
        """A button pressed under `message` (one of `bot_messages`, or any message dict)."""
        bot_message = {**message, "from": self.me()}
        return {
            "callback_query": {
                "id": str(next(self._message_ids)),
                "from": {"id": user_id, "is_bot": False, "first_name": f"User{user_id}"},
                "chat_instance": "1",
                "data": data,
                "message": bot_message,
            }
        }

    def inline(self, query: str, *, user_id: int = 111) -> dict[str, Any]:
        return {
            "inline_query": {
                "id": str(next(self._message_ids)),
                "from": {"id": user_id, "is_bot": False, "first_name": f"User{user_id}"},
                "query": query,
                "offset": "",
            }
        }

    def fail_next(self, method: str, status: int, description: str, **parameters: Any) -> None:
        """Make the next call of `method` fail as Telegram would."""
        body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
        if parameters:
            body["parameters"] = parameters
        self.faults.setdefault(method, []).append((status, body))
        if self._new_updates is not None:  # a long poll in progress ends now: the next call fails at once
            self._new_updates.set()

    def sent(self, method: str = "sendMessage") -> list[dict[str, Any]]:
        return [params for name, params in self.calls if name == method]

    # --- the Bot API ---------------------------------------------------------------------
    @staticmethod
    def me() -> dict[str, Any]:
        return {
            "id": BOT_ID,
            "is_bot": True,
            "first_name": "Convention",
            "username": BOT_USERNAME,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": True,
        }

    def call(self, method: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        """Answer one Bot API call (getUpdates excepted: see `take_updates`)."""
        self.calls.append((method, params))
        if self.faults.get(method):
            return self.faults[method].pop(0)
        if method == "getMe":
            return 200, {"ok": True, "result": self.me()}
        if method in ("sendMessage", "editMessageText", "sendDocument"):
            return 200, {"ok": True, "result": self._sent_message(params)}
        if method == "getChatMember":
            user = int(params["user_id"])
            status = "administrator" if user in self.group_admins.get(int(params["chat_id"]), set()) else "member"
            member = {"status": status, "user": {"id": user, "is_bot": False, "first_name": f"User{user}"}}
            if status == "administrator":
                member.update({flag: False for flag in ADMIN_RIGHTS})
            return 200, {"ok": True, "result": member}
        return 200, {"ok": True, "result": True}

    def take_updates(self, offset: int) -> list[dict[str, Any]]:
        """Every update not yet confirmed, as Telegram does: an offset confirms (and forgets) the
        updates before it; the others are delivered again at each call, to this process or the next."""
        self.confirmed = max(self.confirmed, offset)
        self.updates = [u for u in self.updates if u["update_id"] >= self.confirmed]
        return list(self.updates)

    def _sent_message(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = int(params.get("chat_id", 0))
        message = {
            "message_id": int(params.get("message_id") or next(self._message_ids)),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup", "title": "Groupe"},
            "from": self.me(),
            "text": params.get("text", ""),
        }
        if "document" in params:
            message["document"] = {"file_id": "doc1", "file_unique_id": "doc1", "file_name": "agenda.ics"}
        self.bot_messages.append(message)
        return message


class RecordingRequest(BaseRequest):
    """python-telegram-bot's HTTP layer replaced by direct calls to a FakeTelegram."""

    def __init__(self, telegram: FakeTelegram) -> None:
        self.telegram = telegram

    @property
    def read_timeout(self) -> float | None:
        return 5.0

    async def initialize(self) -> None:
        """No connection to open."""

    async def shutdown(self) -> None:
        """No connection to close."""

    async def do_request(
        self, url: str, method: str, request_data: RequestData | None = None, *args: Any, **kwargs: Any
    ) -> tuple[int, bytes]:
        params = dict(request_data.parameters) if request_data else {}
        if request_data and request_data.contains_files:
            files = {name: {"filename": f[0], "content": f[1]} for name, f in request_data.multipart_data.items()}
            _attach(params, files)
        status, body = self.telegram.call(url.rsplit("/", 1)[-1], params)
        return status, json.dumps(body).encode()


class FakeBotApiServer:
    """The FakeTelegram behind HTTP on 127.0.0.1, with long polling for getUpdates."""

    def __init__(self, telegram: FakeTelegram) -> None:
        self.telegram = telegram
        self.port = 0
        self._runner: web.AppRunner | None = None
        self.drop_connection_once: set[str] = set()  # methods whose next call is cut off, unprocessed
        self.hang_once: dict[str, float] = {}  # methods whose next call hangs this long, then is cut off

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    async def start(self) -> None:
        self.telegram._new_updates = asyncio.Event()
        app = web.Application(client_max_size=50 * 1024 * 1024)
        app.router.add_post("/bot{token}/{method}", self._handle)
        # A fake server: no grace period for requests still open at stop (aiohttp waits 1.6 s otherwise).
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.1)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["token"] != TOKEN:
            return web.json_response({"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401)
        method = request.match_info["method"]
        params = await _read_params(request)
        if self.telegram.delay:
            await asyncio.sleep(self.telegram.delay)
        if method in self.hang_once:
            await asyncio.sleep(self.hang_once.pop(method))
            self.drop_connection_once.add(method)
        if method in self.drop_connection_once:
            self.drop_connection_once.discard(method)
            self.telegram.calls.append((method, params))
            request.transport.close()  # type: ignore[union-attr]
            return web.Response()
        if method == "getUpdates" and not self.telegram.faults.get(method):
            self.telegram.calls.append((method, params))
            return web.json_response({"ok": True, "result": await self._long_poll(params)})
        status, body = self.telegram.call(method, params)
        return web.json_response(body, status=status)

    async def _long_poll(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        event = self.telegram._new_updates
        assert event is not None
        deadline = time.monotonic() + min(float(params.get("timeout", 0)), 2.0)
        while True:
            event.clear()
            updates = self.telegram.take_updates(int(params.get("offset", 0)))
            if updates or self.telegram.faults.get("getUpdates") or time.monotonic() >= deadline:
                return updates[: int(params.get("limit", 100))]
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), deadline - time.monotonic())


async def _read_params(request: web.Request) -> dict[str, Any]:
    if request.content_type.startswith("multipart/"):
        params: dict[str, Any] = {}
        files: dict[str, Any] = {}
        async for part in await request.multipart():
            if part.filename:  # a file: keep its name and bytes
                files[part.name] = {"filename": part.filename, "content": await part.read()}
            else:
                params[part.name] = _decode(part.name, await part.text())
        return _attach(params, files)
    if request.content_type == "application/json":
        return await request.json()
    form = await request.post()
    return {name: _decode(name, str(value)) for name, value in form.items()}


def _attach(params: dict[str, Any], files: dict[str, Any]) -> dict[str, Any]:
    """Put each uploaded file where its "attach://name" reference stands."""
    for name, value in params.items():
        if isinstance(value, str) and value.startswith("attach://"):
            params[name] = files[value.removeprefix("attach://")]
    return params


def _decode(name: str, value: str) -> Any:
    if name in JSON_FIELDS:
        return json.loads(value)
    if name in INT_FIELDS and value.lstrip("-").isdigit():
        return int(value)
    return value
