"""Telegram handlers, offline: the real Application with a recording BaseRequest."""

from __future__ import annotations

import logging
import re
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from fake_telegram import BOT_ID, BOT_USERNAME, TOKEN, FakeTelegram, RecordingRequest
from telegram import Update
from telegram.ext import Application

from bot.clock import Clock
from bot.core.engine import Engine
from bot.core.knowledge import DEFAULT_KNOWLEDGE_DIR
from bot.settings import PrivacySettings, Settings, StorageSettings, TelegramSettings
from bot.telegram_app.application import build_application
from bot.telegram_app.context import Services, services_of
from bot.telegram_app.privileges import ANONYMOUS_ADMIN_ID

ADMIN = 42
NOW = datetime(2026, 11, 28, 10, 0, tzinfo=UTC)  # the harness's clock starts here (11:00 in Paris)


class Harness:
    """An Application wired to a FakeTelegram; `send` processes one update."""

    def __init__(self, app: Application, telegram: FakeTelegram) -> None:
        self.app = app
        self.telegram = telegram

    @property
    def services(self) -> Services:
        return services_of(self.app)

    async def send(self, update: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
        """Process `update`; return the Bot API calls it caused."""
        before = len(self.telegram.calls)
        self.telegram.push(update)
        await self.app.process_update(Update.de_json(self.telegram.updates.pop(), self.app.bot))
        return self.telegram.calls[before:]

    async def reply(self, update: dict[str, Any]) -> dict[str, Any]:
        """Process `update`; return the one message the bot sent."""
        sent = [params for method, params in await self.send(update) if method == "sendMessage"]
        assert len(sent) == 1, sent
        return sent[0]


async def harness_for(
    engine: Engine,
    folder: Path,
    *,
    knowledge_path: Path = DEFAULT_KNOWLEDGE_DIR,
    log_questions: bool = True,
    **telegram_settings: Any,
) -> Harness:
    """An initialized Application on a fresh database in `folder`, talking to a FakeTelegram."""
    telegram = FakeTelegram()
    settings = Settings(
        knowledge_path=str(knowledge_path),
        telegram=TelegramSettings(admin_ids=[ADMIN, ANONYMOUS_ADMIN_ID], flood_limit_per_second=0, **telegram_settings),
        storage=StorageSettings(path=str(folder / "bot.sqlite3")),
        privacy=PrivacySettings(log_questions=log_questions),
    )
    clock = Clock(frozen=NOW)
    app = build_application(settings, engine, token=TOKEN, request=RecordingRequest(telegram), clock=clock)
    await app.initialize()
    return Harness(app, telegram)


@pytest.fixture
async def bot(engine: Engine, tmp_path: Path) -> AsyncIterator[Harness]:
    harness = await harness_for(engine, tmp_path)
    yield harness
    await harness.app.shutdown()


def buttons(message: dict[str, Any]) -> list[tuple[str, str]]:
    rows = (message.get("reply_markup") or {}).get("inline_keyboard", [])
    return [(button["text"], button.get("callback_data", "")) for row in rows for button in row]


def assert_well_formed(html_text: str) -> None:
    stack = []
    for closing, name in re.findall(r"<(/?)(\w+)[^>]*>", html_text):
        if closing:
            assert stack and stack.pop() == name, html_text
        else:
            stack.append(name)
    assert not stack, html_text
    assert not re.search(r"&(?!amp;|lt;|gt;|quot;|#x27;)", html_text), html_text


async def test_start_offers_three_example_questions(bot: Harness) -> None:
    message = await bot.reply(bot.telegram.user_message("/start"))
    assert message["parse_mode"] == "HTML"
    assert "convention" in message["text"]
    assert [data[:2] for _, data in buttons(message)] == ["e:", "e:", "e:"]


async def test_a_question_gets_the_answer_its_citation_and_buttons(bot: Harness) -> None:
    message = await bot.reply(bot.telegram.user_message("on peut résilier quand ?"))
    assert "<b>Article 6 — Résiliation de la convention</b>" in message["text"]
    assert "<blockquote>« " in message["text"]
    labels = buttons(message)
    assert ("📄 Texte complet", "f:art-6") in labels
    assert ("👍", "+:art-6") in labels and ("👎", "-:art-6") in labels
    assert all(len(data.encode()) <= 64 for _, data in labels)
    assert_well_formed(message["text"])


async def test_user_html_is_escaped(bot: Harness) -> None:
    message = await bot.reply(bot.telegram.user_message("/article <b>99</b> & co"))
    assert "« &lt;b&gt;99&lt;/b&gt; &amp; co »" in message["text"]
    assert_well_formed(message["text"])


async def test_unanswered_question_offers_topics_and_contact(bot: Harness) -> None:
    message = await bot.reply(bot.telegram.user_message("Comment réserver la salle des fêtes ?"))
    assert "contactez le CDG 62" in message["text"]
    assert {data for _, data in buttons(message)} >= {"t:termination", "t:billing"}


async def test_full_text_button_edits_the_message_and_back(bot: Harness) -> None:
    question = bot.telegram.message("préavis résiliation")
    calls = await bot.send(bot.telegram.callback("f:art-6", question))
    methods = [method for method, _ in calls]
    assert methods == ["answerCallbackQuery", "editMessageText"]
    edited = calls[1][1]
    assert "Le CDG 62 ou La Fibre Numérique 59 62 pourra résilier" in edited["text"]
    assert ("↩ Réponse courte", "s:art-6") in buttons(edited)
    calls = await bot.send(bot.telegram.callback("s:art-6", question))
    assert calls[-1][0] == "editMessageText"


async def test_an_unchanged_edit_is_not_an_error(bot: Harness) -> None:
    bot.telegram.fail_next("editMessageText", 400, "Bad Request: message is not modified")
    calls = await bot.send(bot.telegram.callback("f:art-3", bot.telegram.message("durée")))
    assert [method for method, _ in calls] == ["answerCallbackQuery", "editMessageText"]


async def test_a_too_old_callback_query_still_works(bot: Harness) -> None:
    bot.telegram.fail_next("answerCallbackQuery", 400, "Bad Request: query is too old and response timeout expired")
    calls = await bot.send(bot.telegram.callback("c:art-7", bot.telegram.message("x")))
    assert "Article 7" in calls[-1][1]["text"]


async def test_feedback_is_acknowledged(bot: Harness) -> None:
    calls = await bot.send(bot.telegram.callback("-:art-6", bot.telegram.message("x")))
    assert calls == [
        (
            "answerCallbackQuery",
            {"callback_query_id": calls[0][1]["callback_query_id"], "text": "Merci pour votre retour !"},
        )
    ]


async def test_topic_and_example_buttons(bot: Harness) -> None:
    calls = await bot.send(bot.telegram.callback("t:billing", bot.telegram.message("x")))
    assert ("➡" not in calls[-1][1]["text"]) and ("c:art-4.2.1" in [d for _, d in buttons(calls[-1][1])])
    calls = await bot.send(bot.telegram.callback("e:termination", bot.telegram.message("x")))
    assert "Article 6" in calls[-1][1]["text"]


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("/article 3", "<b>Article 3 — Durée</b>"),
        ("/article 4.2.2", "Article 4.2.1 (le second)"),
        ("/article annexe 2", "<b>Annexe n°2"),
        ("/article art. 5.2", "<b>Article 5.2"),
        ("/article 99", "Je ne trouve pas « 99 »"),
        ("/aide", "/sommaire"),
        ("/question tribunal compétent", "Tribunal administratif de Lille"),
        ("/question", "Écrivez la question après la commande"),
    ],
)
async def test_commands(bot: Harness, command: str, expected: str) -> None:
    message = await bot.reply(bot.telegram.user_message(command))
    assert expected in message["text"]
    assert_well_formed(message["text"])


async def test_table_of_contents_and_annexes(bot: Harness) -> None:
    contents = await bot.reply(bot.telegram.user_message("/sommaire"))
    assert len(buttons(contents)) == 24
    annexes = await bot.reply(bot.telegram.user_message("/annexes"))
    assert [data for _, data in buttons(annexes)] == ["c:art-9", "c:annexe-1", "c:annexe-2", "c:annexe-3"]


async def test_groups_answer_only_when_addressed(bot: Harness) -> None:
    group = {"chat_id": -100123, "chat_type": "supergroup"}
    assert await bot.send(bot.telegram.user_message("résiliation ?", **group)) == []
    mentioned = await bot.reply(bot.telegram.user_message(f"@{BOT_USERNAME} résiliation ?", **group))
    assert "Article 6" in mentioned["text"]
    assert mentioned["reply_parameters"]["message_id"]
    bot_message = {
        "message_id": 5,
        "date": 0,
        "chat": {"id": -100123, "type": "supergroup"},
        "from": {"id": BOT_ID, "is_bot": True, "first_name": "Convention"},
    }
    replied = await bot.reply(bot.telegram.user_message("et le tarif du CDG ?", reply_to_message=bot_message, **group))
    assert "Article 4.2.1" in replied["text"]
    command = await bot.reply(bot.telegram.user_message(f"/question@{BOT_USERNAME} litige", **group))
    assert "Article 8" in command["text"]


async def test_forwarded_questions_and_captions_are_answered(bot: Harness) -> None:
    origin = {"type": "user", "date": 0, "sender_user": {"id": 999, "is_bot": False, "first_name": "Mairie"}}
    forwarded = await bot.reply(bot.telegram.user_message("Comment modifier la convention ?", forward_origin=origin))
    assert "Article 7" in forwarded["text"]
    photo = [{"file_id": "p", "file_unique_id": "p", "width": 1, "height": 1}]
    update = {"message": bot.telegram.message(None, photo=photo, caption="tarif cdg")}
    assert "Article 4.2.1" in (await bot.reply(update))["text"]


@pytest.mark.parametrize(
    "content",
    [
        {
            "sticker": {
                "file_id": "s",
                "file_unique_id": "s",
                "width": 1,
                "height": 1,
                "is_animated": False,
                "is_video": False,
                "type": "regular",
            }
        },
        {"voice": {"file_id": "v", "file_unique_id": "v", "duration": 3}},
        {"location": {"latitude": 50.3, "longitude": 2.8}},
    ],
)
async def test_non_text_messages_get_a_short_reply(bot: Harness, content: dict[str, Any]) -> None:
    message = await bot.reply({"message": bot.telegram.message(None, **content)})
    assert message["text"].startswith("Je ne lis que le texte")


async def test_edits_channel_posts_and_updates_without_user_are_ignored(bot: Harness) -> None:
    edited = bot.telegram.message("résiliation", edit_date=1)
    assert await bot.send({"edited_message": edited}) == []
    post = {"message_id": 9, "date": 0, "chat": {"id": -1009, "type": "channel", "title": "Canal"}, "text": "tarif"}
    assert await bot.send({"channel_post": post}) == []
    assert await bot.send({"edited_channel_post": {**post, "edit_date": 1}}) == []


async def test_inline_mode_offers_answer_cards(bot: Harness) -> None:
    calls = await bot.send(bot.telegram.inline("résiliation"))
    assert calls[0][0] == "answerInlineQuery"
    results = calls[0][1]["results"]
    assert 1 <= len(results) <= 5
    assert results[0]["title"] == "Article 6 — Résiliation de la convention"
    assert results[0]["input_message_content"]["parse_mode"] == "HTML"
    assert "<blockquote>" in results[0]["input_message_content"]["message_text"]
    assert (await bot.send(bot.telegram.inline("")))[0][1]["results"] == []


@pytest.mark.parametrize("user_id", [111, ANONYMOUS_ADMIN_ID])
async def test_admin_commands_are_refused_to_others(bot: Harness, user_id: int) -> None:
    for command in ("/reload", "/stats"):
        message = await bot.reply(bot.telegram.user_message(command, user_id=user_id))
        assert "réservée aux administrateurs" in message["text"]


async def test_reload_swaps_a_valid_base_and_keeps_the_old_one_otherwise(
    engine: Engine, minimal_knowledge: Path, tmp_path: Path
) -> None:
    # The small base (the real one's reload, which trains its classifier again, is test_reload's).
    harness = await harness_for(engine, tmp_path, knowledge_path=minimal_knowledge)
    try:
        ok = await harness.reply(harness.telegram.user_message("/reload", user_id=ADMIN))
        assert ok["text"].startswith("✅ Base rechargée : 1 clauses")
        assert harness.services.engine is not engine
        reloaded = harness.services.engine
        clauses = minimal_knowledge / "clauses" / "base.yaml"
        clauses.write_text("clauses:\n  - id: art-3\n    id: art-3\n", encoding="utf-8")
        refused = await harness.reply(harness.telegram.user_message("/reload", user_id=ADMIN))
        assert "❌ Base invalide" in refused["text"] and "base.yaml:3:" in refused["text"]
        assert harness.services.engine is reloaded
        still = await harness.reply(harness.telegram.user_message("durée de la convention"))
        assert "Article 3" in still["text"]
        stats = await harness.reply(harness.telegram.user_message("/stats", user_id=ADMIN))
        assert "1 question(s), 1 répondue(s), 0 sans réponse" in stats["text"]
    finally:
        await harness.app.shutdown()


async def test_errors_are_logged_and_reported_to_the_admin_chat(
    engine: Engine, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    harness = await harness_for(engine, tmp_path, admin_chat_id=-100777)
    try:
        harness.telegram.fail_next("sendMessage", 403, "Forbidden: bot was blocked by the user")
        with caplog.at_level(logging.ERROR):
            calls = await harness.send(harness.telegram.user_message("durée"))
        assert "error while handling update" in caplog.text
        assert calls[-1][1]["chat_id"] == -100777 and "Forbidden" in calls[-1][1]["text"]
        assert "Article 3" in (await harness.reply(harness.telegram.user_message("durée")))["text"]
    finally:
        await harness.app.shutdown()


async def test_commands_are_registered(engine: Engine, tmp_path: Path) -> None:
    harness = await harness_for(engine, tmp_path)
    try:
        await harness.app.post_init(harness.app)
        commands = harness.telegram.sent("setMyCommands")[0]["commands"]
        assert [c["command"] for c in commands][:6] == ["start", "aide", "sommaire", "article", "annexes", "question"]
        assert {"signature", "echeances", "rappels", "confidentialite", "oubli"} <= {c["command"] for c in commands}
    finally:
        await harness.app.shutdown()


async def test_one_log_line_per_update_without_personal_data(bot: Harness, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="convention_bot.updates"):
        await bot.send(bot.telegram.user_message("préavis de résiliation zorglub", user_id=24680))
        await bot.send(bot.telegram.user_message("/sommaire", user_id=24680))
    lines = [r.getMessage() for r in caplog.records if r.name == "convention_bot.updates"]
    assert len(lines) == 2
    assert re.fullmatch(r"update=\d+ chat=private kind=clause clause=art-6 score=0\.\d\d latency_ms=[\d.]+", lines[0])
    assert "kind=command" in lines[1]
    assert not any("zorglub" in line or "24680" in line for line in lines)
