"""Hostile and odd input: the named table (engine, rendering, CLI) and property-based tests."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import table
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_handlers import harness_for

from bot.core.answer import Answer
from bot.core.engine import Engine
from bot.telegram_app.render import MESSAGE_LIMIT, answer_html, split_html, utf16_length

TODAY = date(2026, 11, 28)
HOSTILE = table("hostile.yaml")
ROOT = Path(__file__).parents[1]


def text_of(case: dict[str, Any]) -> str:
    return case["text"] * case.get("repeat", 1)


def check(answer: dict[str, Any], case: dict[str, Any]) -> None:
    """An answer (as `to_dict()` or `ask --json` gives it) against one row of hostile.yaml."""
    first = case.get("first")
    if first:
        allowed = first if isinstance(first, list) else [first]
        assert answer["answered"] and answer["citations"][0]["id"] in allowed, answer
    kinds = case.get("kind")
    if kinds:
        assert answer["kind"] in (kinds if isinstance(kinds, list) else [kinds]), answer
    if "answered" in case:
        assert answer["answered"] is case["answered"]
    assert case.get("contains", "") in answer["answer"]
    assert answer["answered"] == bool(answer["citations"])


def assert_well_formed(html_text: str) -> None:
    stack = []
    for closing, name in re.findall(r"<(/?)(\w+)[^>]*>", html_text):
        if closing:
            assert stack and stack.pop() == name, html_text[:300]
        else:
            stack.append(name)
    assert not stack, html_text[:300]
    assert not re.search(r"&(?!amp;|lt;|gt;)", html_text), html_text[:300]


def assert_renders(answer: Answer) -> None:
    parts = split_html(answer_html(answer))
    assert parts
    for part in parts:
        assert utf16_length(part) <= MESSAGE_LIMIT
        assert_well_formed(part)


@pytest.mark.parametrize("case", HOSTILE, ids=[case["name"] for case in HOSTILE])
def test_hostile_input_in_the_engine_and_the_renderer(engine: Engine, case: dict[str, Any]) -> None:
    answer = engine.answer(text_of(case), today=TODAY)
    check(answer.to_dict(), case)
    assert_renders(answer)


@pytest.mark.slow
def test_hostile_input_through_the_command_line() -> None:
    cases = [case for case in HOSTILE if case.get("cli", True)]
    lines = "\n".join(text_of(case) for case in cases) + "\n"
    result = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--json", "--today", TODAY.isoformat()],
        input=lines.encode(),
        capture_output=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    answers = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert len(answers) == len(cases)
    for answer, case in zip(answers, cases, strict=True):
        check(answer, case)


def test_a_lone_surrogate_does_not_break_anything(engine: Engine) -> None:
    answer = engine.answer("résiliation \ud800 préavis", today=TODAY)
    assert answer.answered
    assert_renders(answer)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=10_000))
def test_any_text_gets_a_valid_and_renderable_answer(engine: Engine, text: str) -> None:
    answer = engine.answer(text, today=TODAY)
    assert answer.kind in ("clause", "calculation", "smalltalk", "unknown")
    assert answer.text and answer.answered == bool(answer.citations) and 0 <= answer.score <= 1
    assert_renders(answer)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=12_000))
def test_user_text_is_escaped_and_split_safely(text: str) -> None:
    answer = Answer(text, True, "clause", text, (), 1.0)
    html = answer_html(answer)
    assert "<" not in html.replace("<b>", "").replace("</b>", "")
    parts = split_html(html)
    for part in parts:
        assert utf16_length(part) <= MESSAGE_LIMIT
        assert_well_formed(part)
    # Nothing lost or added but the tags closed and reopened at the cuts.
    assert re.sub(r"</?b>", "", "".join(parts)) == re.sub(r"</?b>", "", html)


async def test_hostile_input_through_the_telegram_handlers(engine: Engine, tmp_path: Path) -> None:
    bot = await harness_for(engine, tmp_path)
    for case in HOSTILE:
        sent = [
            params
            for method, params in await bot.send(bot.telegram.user_message(text_of(case)[:4096]))
            if method == "sendMessage"
        ]
        assert len(sent) == 1, case["name"]
        assert_well_formed(sent[0]["text"])
    storage = bot.services.storage
    tables = {row[0] for row in storage._db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"answers", "feedback", "chats", "reminders", "daily_counts"} <= tables
