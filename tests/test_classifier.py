"""The learned classifier: its table of outcomes, its training data, determinism and what answering imports."""

from __future__ import annotations

import importlib.util
import math
import pickle
import subprocess
import sys
from datetime import date
from pathlib import Path
from unittest import mock

import pytest
from conftest import table

from bot.core.classifier import TEMPERATURE, _fit, features, train
from bot.core.engine import Engine
from bot.core.french import comparable
from bot.core.knowledge import Knowledge, read_knowledge

TODAY = date(2026, 11, 28)
CASES = table("classifier.yaml")
ROOT = Path(__file__).parents[1]


@pytest.mark.parametrize("case", CASES["answered"], ids=lambda case: case["q"][:40])
def test_a_situation_is_answered_with_its_clause(engine: Engine, case: dict) -> None:
    answer = engine.answer(case["q"], today=TODAY)
    assert answer.answered and answer.citations[0].id in case["expect"], answer.text


@pytest.mark.parametrize("question", CASES["refused"], ids=lambda question: question[:40])
def test_out_of_scope_sharing_the_conventions_words_is_refused(engine: Engine, question: str) -> None:
    answer = engine.answer(question, today=TODAY)
    assert not answer.answered, answer.citations


def test_the_table_is_in_no_training_file(knowledge: Knowledge) -> None:
    taught = {comparable(text) for _label, text in knowledge.training}
    taught |= {comparable(q) for clause in knowledge.clauses.values() for q in clause.questions}
    asked = [case["q"] for case in CASES["answered"]] + CASES["refused"]
    assert not [q for q in asked if comparable(q) in taught]


def test_no_training_example_is_near_an_evaluation_question(capsys: pytest.CaptureFixture[str]) -> None:
    """`python scripts/training_data.py --check`, in this process."""
    spec = importlib.util.spec_from_file_location("training_data", ROOT / "scripts" / "training_data.py")
    assert spec and spec.loader
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    with mock.patch.object(sys, "argv", ["training_data.py", "--check"]):
        code = script.main()
    assert code == 0, capsys.readouterr().out


def test_training_is_deterministic(engine: Engine, knowledge: Knowledge) -> None:
    examples = [(clause.id, q) for clause in knowledge.clauses.values() for q in clause.questions][:200]
    first = train(examples, engine.matcher.question_terms)
    with mock.patch("bot.core.classifier._fit", _fit.__wrapped__):  # a second fit, the cache left as it is
        second = train(examples, engine.matcher.question_terms)
    assert first is not second and first.labels == second.labels
    assert first._weights == second._weights and first._bias == second._bias


@pytest.mark.parametrize("text", ["notre site a été piraté, qui paie ?", "résiliation résiliation préavis", "xyz"])
def test_answering_reads_the_same_vector_as_training(engine: Engine, text: str) -> None:
    classifier = engine.readings.classifier
    terms = engine.matcher.question_terms(text)
    trained_rows, trained_values = classifier._vector(features(text, terms))
    rows, values = classifier.vector(text, terms)
    assert dict(zip(rows, values, strict=True)) == pytest.approx(dict(zip(trained_rows, trained_values, strict=True)))


LONG_TEXT = "Bonjour, notre site a été piraté samedi et le technicien ne rappelle pas. Qui paie ? Merci. " * 40


@pytest.mark.parametrize("text", ["notre site a été piraté, qui paie ?", "résiliation résiliation préavis", LONG_TEXT])
def test_probabilities_are_the_softmax_of_the_vector_times_the_weights(engine: Engine, text: str) -> None:
    # The plain definition, row by row: the answering path sums per word and corrects repeated n-grams.
    classifier = engine.readings.classifier
    width = len(classifier.labels)
    rows, values = classifier.vector(text, engine.matcher.question_terms(text))
    scores = [
        TEMPERATURE
        * (bias + sum(v * classifier._weights[r * width + label] for r, v in zip(rows, values, strict=True)))
        for label, bias in enumerate(classifier._bias)
    ]
    exp = [math.exp(score - max(scores)) for score in scores]
    expected = {label: value / sum(exp) for label, value in zip(classifier.labels, exp, strict=True)}
    assert classifier.probabilities(text, engine.matcher.question_terms(text)) == pytest.approx(expected, abs=1e-12)


@pytest.mark.slow  # a real process: what a fresh interpreter imports
def test_a_pickled_engine_answers_without_numpy_or_scikit_learn(engine: Engine, tmp_path: Path) -> None:
    (tmp_path / "engine.pickle").write_bytes(pickle.dumps(engine))
    script = (
        "import pickle, sys; from datetime import date; "
        f"engine = pickle.loads(open({str(tmp_path / 'engine.pickle')!r}, 'rb').read()); "
        "answer = engine.answer('notre site a été piraté, qui paie ?', today=date(2026, 11, 28)); "
        "print(answer.citations[0].id, *(name in sys.modules for name in ('numpy', 'sklearn', 'scipy')))"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.split() == ["art-5.2", "False", "False", "False"], result.stderr


BROKEN_TRAINING = [
    ("art-3.yaml", "clause: art-3\nquestions:\n  - quelle durée ?\n  - 12\n", 4, "doit être un texte"),
    ("art-99.yaml", "clause: art-99\nquestions:\n  - une question\n", 1, "clause « art-99 » inconnue"),
    ("art-3.yaml", "clause: art-3\nquestions: []\n", 2, "ne doit pas être vide"),
    (
        "hors-sujet.yaml",
        "clause: hors-sujet\nquestions:\n  - le bail du logement\n  - Combien de temps dure la convention ?\n",
        4,
        "déjà un exemple de art-3",
    ),
]


@pytest.mark.parametrize(("name", "content", "line", "message"), BROKEN_TRAINING)
def test_a_broken_training_file_is_reported_at_its_line(
    minimal_knowledge: Path, name: str, content: str, line: int, message: str
) -> None:
    (minimal_knowledge / "training").mkdir()
    (minimal_knowledge / "training" / name).write_text(content, encoding="utf-8")
    knowledge, problems = read_knowledge(minimal_knowledge)
    assert knowledge is None
    assert any(p.path.endswith(name) and p.line == line and message in p.message for p in problems), problems


def test_training_examples_reach_the_knowledge(minimal_knowledge: Path) -> None:
    (minimal_knowledge / "training").mkdir()
    (minimal_knowledge / "training" / "hors-sujet.yaml").write_text(
        "clause: hors-sujet\nquestions:\n  - le bail du logement communal\n", encoding="utf-8"
    )
    knowledge, problems = read_knowledge(minimal_knowledge)
    assert knowledge is not None and problems == []
    assert knowledge.training == (("hors-sujet", "le bail du logement communal"),)
    assert Engine(knowledge).answer("quel bail pour le logement communal ?", today=TODAY).answered is False
