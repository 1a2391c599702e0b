"""Reading messages: headers, signatures, asking sentences, and one answer per question."""

from __future__ import annotations

import json
from datetime import date

import pytest
from conftest import table
from test_cli import cli

from bot.core.engine import Engine

MESSAGES = table("messages.yaml")


@pytest.mark.parametrize("case", MESSAGES, ids=[case["q"][:60] for case in MESSAGES])
def test_messages(engine: Engine, case: dict) -> None:
    if "questions" in case:
        assert engine.reader.read(case["q"]).questions == case["questions"]
    if "parts" in case:
        answer = engine.answer(case["q"], today=date(2026, 11, 28))
        found = [part.citations[0].id if part.answered else "-" for part in answer.all_parts]
        assert found == case["parts"]
        assert answer.answered == answer.all_parts[0].answered


def test_ask_json_lists_the_parts_of_a_message() -> None:
    result = cli("ask", "--json", "Combien coûte une intervention du CDG ? et comment résilier la convention ?")
    answer = json.loads(result.stdout)
    assert [part["citations"][0]["id"] for part in answer["parts"]] == ["art-4.2.1", "art-6"]
    assert answer["citations"][0]["id"] == "art-4.2.1"
    assert set(answer["parts"][0]) == {"question", "answered", "kind", "answer", "citations"}


def test_a_single_question_has_no_parts() -> None:
    answer = json.loads(cli("ask", "--json", "durée de la convention").stdout)
    assert "parts" not in answer
