"""Learned examples: validated like the YAML, used at once, refusing rewordings, exported back."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from conftest import table

from bot.assembly import build_engine
from bot.core.engine import Engine
from bot.core.knowledge import DEFAULT_KNOWLEDGE_DIR, Knowledge, load_knowledge, read_knowledge
from bot.core.learned import LearnedExample, check_learned, with_learned
from bot.learned_export import plan_export, write_export
from bot.settings import Settings

DATA = table("learned.yaml")
CHECKS = DATA["checks"]
TAUGHT = [
    LearnedExample(1, "art-6", "combien de mois avant l'echeance faut-il poster le pli ?"),
    LearnedExample(2, "hors-sujet", "qui paie les frais de deplacement des elus ?"),
]
TODAY = date(2026, 11, 28)


@pytest.mark.parametrize("case", CHECKS, ids=[f"{c['target']}: {c['wording']}" for c in CHECKS])
def test_a_learned_example_obeys_the_yaml_rules(knowledge: Knowledge, case: dict) -> None:
    problems = check_learned(knowledge, [LearnedExample(7, case["target"], case["wording"])])
    if case["problem"]:
        assert [(p.path, p.line) for p in problems] == [("appris", 7)]
        assert case["problem"] in problems[0].message
    else:
        assert problems == []


@pytest.fixture(scope="module")
def taught(untrained_engine: Engine) -> Engine:
    """The engine after teaching TAUGHT (and an invalid example), built once for the table below. On the
    real base without its training phrasings (`untrained_engine`): teaching trains the classifier again."""
    knowledge = untrained_engine.knowledge
    before = [untrained_engine.answer(example.wording, today=TODAY).answered for example in TAUGHT]
    assert before == [False, True]  # else the test proves nothing
    merged, problems = with_learned(
        knowledge, [*TAUGHT, LearnedExample(3, "art-3", "Comment résilier la convention ?")]
    )
    assert [p.line for p in problems] == [3]  # the invalid one is left out
    return build_engine(Settings(), merged)


@pytest.mark.parametrize("case", DATA["after_teaching"], ids=[c["question"] for c in DATA["after_teaching"]])
def test_taught_examples_are_used_at_once(taught: Engine, case: dict) -> None:
    answer = taught.answer(case["question"], today=TODAY)
    assert (answer.citations[0].id if answer.citations else None) == case["clause"]


def test_an_example_already_in_the_yaml_is_not_counted_twice(knowledge: Knowledge) -> None:
    merged, _ = with_learned(knowledge, [LearnedExample(1, "art-6", "comment resilier la convention")])
    assert merged is knowledge
    merged, _ = with_learned(knowledge, TAUGHT)
    assert merged.question_count == knowledge.question_count + 1
    assert with_learned(merged, TAUGHT)[0] is merged


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    root = tmp_path / "knowledge"
    shutil.copytree(DEFAULT_KNOWLEDGE_DIR, root)
    return root


def test_export_writes_under_the_clause_keeping_comments_and_validates(copy: Path) -> None:
    knowledge = load_knowledge(copy)
    files = {path: path.read_text(encoding="utf-8") for path in copy.rglob("*.yaml")}
    export = plan_export(knowledge, [*TAUGHT, LearnedExample(3, "art-3", "Comment résilier la convention ?")])
    assert [p.line for p in export.problems] == [3] and [e.id for e in export.exported] == [1, 2]
    assert sorted(path.name for path in export.texts) == ["article-6.yaml", "out_of_scope.yaml"]
    assert write_export(export) == []
    for path, old in files.items():
        new = path.read_text(encoding="utf-8").splitlines()
        old_lines = set(old.splitlines())
        added = [line for line in new if line not in old_lines]
        expected = {
            "article-6.yaml": ["      - combien de mois avant l'echeance faut-il poster le pli ?"],
            "out_of_scope.yaml": ["questions:", "  - qui paie les frais de deplacement des elus ?"],
        }.get(path.name, [])
        assert added == expected, path
        assert {line for line in old_lines if line.lstrip().startswith("#")} <= set(new)  # every comment kept
    exported = load_knowledge(copy)
    assert "combien de mois avant l'echeance faut-il poster le pli ?" in exported.clauses["art-6"].questions
    assert exported.out_of_scope == ("qui paie les frais de deplacement des elus ?",)
    assert plan_export(exported, TAUGHT).texts == {}  # nothing twice
    assert with_learned(exported, TAUGHT)[0] is exported


@pytest.mark.parametrize(
    ("wording", "message"),
    [
        ("Comment résilier la convention ?", "déjà présente sous art-6"),
        ("préavis de résiliation", "ressemble à la question « preavis resiliation » de art-6"),
    ],
)
def test_the_validator_refuses_an_out_of_scope_wording_of_a_clause(copy: Path, wording: str, message: str) -> None:
    (copy / "out_of_scope.yaml").write_text(f"questions:\n  - quel temps fait-il\n  - {wording}\n", encoding="utf-8")
    knowledge, problems = read_knowledge(copy)
    assert knowledge is None
    assert [(Path(p.path).name, p.line) for p in problems] == [("out_of_scope.yaml", 3)]
    assert message in problems[0].message
