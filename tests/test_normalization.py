"""French normalization and analysis, from tests/data/normalization.yaml."""

from __future__ import annotations

import pytest
from conftest import table

from bot.core.cleaning import clean
from bot.core.engine import Engine
from bot.core.french import fold, words

TABLE = table("normalization.yaml")


@pytest.mark.parametrize(("text", "expected"), TABLE["fold"])
def test_fold(text: str, expected: str) -> None:
    assert fold(text) == expected


@pytest.mark.parametrize(("text", "expected"), TABLE["words"])
def test_words(text: str, expected: list[str]) -> None:
    assert words(text) == expected


@pytest.mark.parametrize(("text", "expected"), TABLE["cleaned"])
def test_cleaned(text: str, expected: str) -> None:
    assert clean(text) == expected


@pytest.mark.parametrize(("first", "second"), TABLE["same_terms"])
def test_same_terms(engine: Engine, first: str, second: str) -> None:
    terms = engine.matcher.analyzer.terms
    assert terms(first) == terms(second)
    assert terms(first)


@pytest.mark.parametrize(("first", "second"), TABLE["distinct_terms"])
def test_distinct_terms(engine: Engine, first: str, second: str) -> None:
    terms = engine.matcher.analyzer.terms
    assert not set(terms(first)) & set(terms(second))


def test_stop_words_never_match_on_their_own(engine: Engine) -> None:
    assert engine.matcher.analyzer.terms("la le les de du des à au") == []
