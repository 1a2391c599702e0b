"""The speed paths for long messages give the very floats of the plain Python they stand in for (not nearly:
equal), so that no answer or score moves (benchmarks/same_answers.py proves it on every tracked message)."""

from __future__ import annotations

import pytest
from conftest import table

from bot.core import classifier
from bot.core.engine import Engine
from bot.core.french import _STRETCHED, _TOKEN, LONG_TEXT, _fold, _fold_long, fold, words

# Messages of every length, from one question to a forwarded e-mail of several paragraphs.
REALISTIC = [row["q"] for row in table("realistic.yaml")]
LONG = [" ".join(REALISTIC[start : start + count]) for start, count in ((0, 1), (3, 4), (10, 12), (40, 30))]


@pytest.mark.parametrize("text", LONG)
def test_numpy_weighs_the_rows_as_plain_python_does(engine: Engine, text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    model = engine.ranker.classifier
    assert model is not None
    rows, values = model.vector(text, engine.matcher.question_terms(text))
    rows, values = rows * 3, values * 3  # hundreds of rows, some repeated (as the repeated n-grams are)
    assert len(rows) >= classifier.MANY_ROWS
    fast = model._weigh(rows, values)
    monkeypatch.setattr(classifier, "MANY_ROWS", len(rows) + 1)
    assert fast == model._weigh(rows, values)


SENTENCES = [
    "Bonjour. Notre site a été piraté.  Qui paie ? ",
    ". . .. a.b. c . \u00a0. 4.2.1. Art. 5. ŒUVRE. É\u0301. ouiiii. l'article. cdg62.",
    "fin.\u0301 x. \u0301y.. z",
]


@pytest.mark.parametrize("text", SENTENCES + LONG[:2])
def test_a_long_text_is_folded_and_tokenized_sentence_by_sentence_as_a_whole(text: str) -> None:
    long = (f"{text}. " * 40)[: LONG_TEXT + 500]
    assert len(long) > LONG_TEXT and ". " in long
    for _ in range(2):  # its sentences read, then found again in the caches
        assert fold(long) == _fold(long)
        assert words(long) == _TOKEN.findall(_STRETCHED.sub(r"\1", _fold(long)))
        _fold_long.cache_clear()
