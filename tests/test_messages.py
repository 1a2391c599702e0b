"""Reading messages: headers, signatures, asking sentences, and one answer per question."""

from __future__ import annotations

import json
from datetime import date

import pytest
from conftest import open_marked, table
from test_cli import cli

from bot.core.cleaning import clean
from bot.core.engine import Engine

MESSAGES = table("messages.yaml")
TODAY = date(2026, 11, 28)


@pytest.mark.parametrize("case", open_marked(MESSAGES), ids=[case["q"][:60] for case in MESSAGES])
def test_messages(engine: Engine, case: dict) -> None:
    if "questions" in case:
        # read as the engine reads it: cleaned first (markup, a task list's boxes)
        assert engine.reader.read(clean(case["q"], lines=True)).questions == case["questions"]
    if "parts" in case:
        answer = engine.answer(case["q"], today=TODAY)
        found = [part.citations[0].id if part.answered else "-" for part in answer.all_parts]
        assert found == case["parts"]
        assert answer.answered == answer.all_parts[0].answered
        quoted = " ".join(part.citations[0].quote for part in answer.all_parts if part.citations)
        assert [fragment for fragment in case.get("quoted", []) if fragment not in quoted] == []
        assert [fragment for fragment in case.get("not_said", []) if fragment in answer.text] == []


def test_ask_json_lists_the_parts_of_a_message() -> None:
    result = cli("ask", "--json", "Combien coûte une intervention du CDG ? et comment résilier la convention ?")
    answer = json.loads(result.stdout)
    assert [part["citations"][0]["id"] for part in answer["parts"]] == ["art-4.2.1", "art-6"]
    assert answer["citations"][0]["id"] == "art-4.2.1"
    assert set(answer["parts"][0]) == {"question", "answered", "kind", "answer", "citations"}


def test_a_single_question_has_no_parts() -> None:
    answer = json.loads(cli("ask", "--json", "durée de la convention").stdout)
    assert "parts" not in answer


def test_telegram_numbers_the_sections_one_citation_each(engine: Engine) -> None:
    from bot.telegram_app.render import answer_html, split_html

    answer = engine.answer("Combien coûte une intervention du CDG ? et comment résilier la convention ?", today=TODAY)
    html = answer_html(answer)
    assert html.startswith("<b>1. Combien coûte une intervention du CDG ?</b>")
    assert "<b>2. et comment résilier la convention ?</b>" in html
    assert html.count("<blockquote>") == len(answer.parts) == 2
    assert all(part.count("<b>") == part.count("</b>") for part in split_html(html * 20))


def test_a_middle_band_answer_says_so_and_offers_the_next_clauses(engine: Engine) -> None:
    question = (
        "le technicien du cdg ne rappelle jamais et rien ne bouge depuis des semaines, on peut arreter la convention ?"
    )
    answer = engine.answer(question, today=TODAY)
    assert answer.confidence == "unsure" and answer.answered
    assert answer.text.startswith("Cette réponse ne correspond peut-être pas exactement")
    assert answer.alternatives


def test_each_question_knows_the_sentence_before_it(engine: Engine) -> None:
    message = engine.reader.read("Notre site est en panne depuis lundi. Qui est responsable ? Et peut-on résilier ?")
    assert engine.questions.find(message) == [
        ("Qui est responsable ?", "Notre site est en panne depuis lundi."),
        ("Et peut-on résilier ?", "Qui est responsable ?"),
    ]


@pytest.mark.parametrize("mark", [";", "/", "+"])
def test_a_list_mark_after_a_question_is_not_the_next_ones_text(engine: Engine, mark: str) -> None:
    answer = engine.answer(f"tarif du cdg ? {mark} qui signe pour la fibre ?", today=TODAY)
    assert [part.question for part in answer.all_parts] == ["tarif du cdg ?", "qui signe pour la fibre ?"]
