"""The validator's two layers, driven by a table of broken knowledge files."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import table

from bot.core.knowledge import KnowledgeError, load_knowledge, read_knowledge

BROKEN = table("broken_knowledge.yaml")


def test_the_minimal_fixture_is_valid(minimal_knowledge: Path) -> None:
    knowledge, problems = read_knowledge(minimal_knowledge)
    assert knowledge is not None and list(knowledge.clauses) == ["art-3"]
    assert problems == []


@pytest.mark.parametrize("case", BROKEN, ids=[case["name"] for case in BROKEN])
def test_a_broken_file_is_reported_at_its_line(minimal_knowledge: Path, case: dict) -> None:
    (minimal_knowledge / case["file"]).write_text(case["content"], encoding="utf-8")
    knowledge, problems = read_knowledge(minimal_knowledge)
    assert knowledge is None
    expected_path = (minimal_knowledge / case["file"]).as_posix()
    reported = [(p.path, p.line, p.message) for p in problems if not p.warning]
    assert any(
        path.endswith(case["file"]) and expected_path.endswith(path) and line == case["line"] and case["message"] in msg
        for path, line, msg in reported
    ), reported


def test_all_errors_are_reported_at_once(minimal_knowledge: Path) -> None:
    cases = {case["name"]: case for case in BROKEN}
    (minimal_knowledge / "clauses/one.yaml").write_text(cases["unknown field"]["content"], encoding="utf-8")
    (minimal_knowledge / "clauses/two.yaml").write_text(cases["duplicate key"]["content"], encoding="utf-8")
    with pytest.raises(KnowledgeError) as raised:
        load_knowledge(minimal_knowledge)
    message = str(raised.value)
    assert "clauses/one.yaml:4: champ inconnu « titel »" in message
    assert "clauses/two.yaml:5: clé « title » en double" in message


def test_few_questions_are_a_warning_not_an_error(minimal_knowledge: Path) -> None:
    path = minimal_knowledge / "clauses/base.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("      - quelle période\n      - jusqu'à quand\n", ""), encoding="utf-8")
    knowledge, problems = read_knowledge(minimal_knowledge)
    assert knowledge is not None
    assert [p.warning for p in problems] == [True]
    assert "n'a que 4 questions" in problems[0].message
