"""The knowledge base itself: complete, in order, and free of the evaluation questions.
(Quotes are verbatim by construction: the loader refuses any other, see broken_knowledge.yaml.)"""

from __future__ import annotations

import re

from conftest import DATA, table

from bot.core.french import comparable
from bot.core.knowledge import Knowledge, read_knowledge


def test_the_shipped_knowledge_base_is_valid_without_warnings() -> None:
    knowledge, problems = read_knowledge()
    assert knowledge is not None
    assert problems == []


def test_every_clause_id_of_the_reference_list_is_present(knowledge: Knowledge) -> None:
    listed = re.findall(r"^\| `([a-z0-9.-]+)` \|", (DATA / "CLAUSE_IDS.md").read_text(encoding="utf-8"), re.M)
    assert len(listed) == 24
    assert sorted(knowledge.clauses) == sorted(listed)


def test_clauses_are_in_document_order(knowledge: Knowledge) -> None:
    ids = list(knowledge.clauses)
    assert ids[:3] == ["parties", "preambule", "art-1"]
    assert ids.index("art-4.2.1") < ids.index("art-4.2.2") < ids.index("art-5")
    assert ids[-1] == "signatures"


def test_the_second_printed_4_2_1_says_so(knowledge: Knowledge) -> None:
    clause = knowledge.clauses["art-4.2.2"]
    assert "4.2.1" in clause.ref and clause.note and "second" in clause.note


def test_annexes_say_their_content_is_missing(knowledge: Knowledge) -> None:
    for annex in ("annexe-1", "annexe-2", "annexe-3"):
        assert "n'est pas inclus" in knowledge.clauses[annex].answer
    assert "4.1" in knowledge.clauses["annexe-2"].answer
    assert "2.1" in knowledge.clauses["annexe-1"].answer and "2.2" in knowledge.clauses["annexe-1"].answer


def test_every_clause_has_at_least_six_ways_to_ask(knowledge: Knowledge) -> None:
    assert all(len(clause.questions) >= 6 for clause in knowledge.clauses.values())


def test_no_evaluation_question_is_pasted_into_the_knowledge_base(knowledge: Knowledge) -> None:
    written = set()
    for clause in knowledge.clauses.values():
        written.update(comparable(text) for text in (*clause.questions, *clause.keywords, clause.answer, clause.title))
    written.update(comparable(expression) for group in knowledge.synonyms for expression in group)
    written.update(comparable(pattern) for entry in knowledge.smalltalk for pattern in entry.patterns)
    pasted = [row["q"] for row in table("questions.yaml") if comparable(row["q"]) in written]
    assert pasted == []
