"""Answers people act on (issue 13), from tests/data/trust.yaml and the red-team table trust-audit.yaml:
every `contains`, no `not_contains`. A row with `open:` is a known defect another module owns (strict xfail)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from conftest import table

from bot.core.calendar_text import reminder_text, schedule_text
from bot.core.engine import Engine
from bot.core.evaluation import Report
from bot.core.french import fold
from bot.core.knowledge import Knowledge

TODAY = date(2026, 11, 28)
TABLES = ("trust.yaml", "trust-audit.yaml")
ROWS = [
    pytest.param(
        row, id=row["q"][:60], marks=[pytest.mark.xfail(reason=row["open"], strict=True)] if "open" in row else []
    )
    for name in TABLES
    for row in table(name)
]


def _flat(text: str) -> str:
    return fold(text).replace("\u202f", " ").replace("\u00a0", " ")


@pytest.mark.parametrize("row", ROWS)
def test_trust_row(engine: Engine, row: dict) -> None:
    answer = engine.answer(row["q"], today=row.get("today", TODAY), signature=row.get("signature"))
    if not row["expect"]:  # a question back, or a refusal that says why
        assert not answer.answered and not answer.citations, answer.text
    else:
        assert answer.answered and answer.citations, answer.text
        assert answer.citations[0].id in row["expect"], (answer.citations[0].id, answer.text)
    said = _flat(answer.text)
    shown = _flat(answer.text + " " + " ".join(c.quote for c in answer.citations))  # quotes are shown too
    for fragment in row.get("contains", []):
        assert _flat(fragment) in said, (fragment, answer.text)
    for fragment in row.get("not_contains", []):
        assert _flat(fragment) not in shown, (fragment, answer.text)


@pytest.mark.parametrize("name", TABLES)
def test_eval_reads_the_table(evaluated: Callable[[str], Report], name: str) -> None:
    """`convention-bot eval tests/data/<table>` scores the same rows, forbidden strings included."""
    report = evaluated(name)
    failed = [o.case.question for o in report.outcomes if not o.passed]
    assert failed == [row["q"] for row in table(name) if row.get("open")]


@pytest.fixture(scope="module")
def contacts(knowledge: Knowledge) -> Engine:
    """An engine with a contact per organisation (built once for the table below)."""
    return Engine(knowledge, contact="CDG", contacts={"fibre": "FIBRE"})


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("c quoi le numero de la hotline de la fibre numerique ?", "FIBRE"),
        ("quelle est la couleur préférée du CDG ?", "CDG"),
        ("quelle est la couleur du ciel ?", "CDG"),
    ],
)
def test_the_contact_follows_the_question_subject(contacts: Engine, question: str, expected: str) -> None:
    answer = contacts.answer(question, today=TODAY)
    assert not answer.answered and answer.text.endswith(expected)


@pytest.mark.parametrize(("signature", "warned"), [(date(2025, 3, 15), True), (date(2025, 6, 12), False)])
def test_a_signature_before_the_cdg_could_sign_is_warned_not_refused(knowledge, signature: date, warned: bool) -> None:
    text = schedule_text(signature, TODAY, earliest=knowledge.calculations.earliest_signature)
    assert "Entrée en vigueur" in text
    assert ("autorisé à signer" in text) is warned


@pytest.mark.parametrize(
    "text",
    [schedule_text(date(2025, 3, 15), TODAY), reminder_text(date(2026, 12, 15), TODAY)],
    ids=["schedule", "reminder"],
)
def test_the_calendar_counts_the_receipt_as_a_prudent_reading(text: str) -> None:
    """Article 6 does not say whether sending the letter is enough: the calendar says so, receipt counted by prudence."""
    assert "l'article 6 ne dit pas si l'envoi suffit" in text
