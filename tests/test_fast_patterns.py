"""The patterns rewritten for speed match exactly what their plain forms match."""

from __future__ import annotations

import re

import pytest

from bot.core.analysis import Analyzer
from bot.core.calculations.cues import cue_pattern
from bot.core.cost import alternation
from bot.core.knowledge import load_knowledge

TEXTS = [
    "la resiliation de la convention par le cdg 62, resilier ou mettre fin ; mise en demeure",
    "resiliations,resilier-resil 3resilier aresilier _resilier l'resilier mis mise mises",
    "de d' de-la ded'de a b ab abc a b c",
    "",
    "peut-on resilier ? met-on fin, a-t-il signe, dit-elle, 62-on, -on, x-t-il, Peut-ON",
]
CUES = [
    ["résiliation", "resilier", "mettre fin", "mise en demeure", "mis"],
    ["de", "d'"],
    ["ab", "abc", "a b", "a"],
    ["a", ""],
    [],
]


def plain_cue_pattern(cues: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![a-z0-9])(?:" + alternation(cues) + ")")


@pytest.mark.parametrize("cues", CUES)
@pytest.mark.parametrize("text", TEXTS)
def test_cue_pattern_matches_as_its_plain_alternation(cues: list[str], text: str) -> None:
    fast, plain = cue_pattern(cues), plain_cue_pattern(cues)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
    for position in range(len(text) + 1):
        found, expected = fast.search(text, position), plain.search(text, position)
        assert (found and found.span()) == (expected and expected.span())


def test_the_knowledge_cue_patterns_match_as_their_plain_alternations() -> None:
    words = load_knowledge().calculations
    lists = [spec.cues for spec in words.date_roles.values()] + [spec.cues for spec in words.parties.values()]
    lists += [words.termination_words, words.compensation_words, words.interest_words, words.unsigned_words]
    for cues in lists:
        for text in TEXTS:
            expected = [m.span() for m in plain_cue_pattern(cues).finditer(text)]
            assert [m.span() for m in cue_pattern(cues).finditer(text)] == expected


@pytest.mark.parametrize("text", TEXTS)
def test_inverted_subjects_are_found_as_with_a_look_behind_first(text: str) -> None:
    subjects = ("elles", "elle", "il", "on")
    analyzer = Analyzer((), inverted_subjects=subjects)
    plain = re.compile(r"(?<=\w)-(?:t-)?(?:elles|elle|il|on)\b", re.IGNORECASE)
    assert analyzer._inversion is not None
    assert analyzer._inversion.sub(" ", text) == plain.sub(" ", text)
    assert [m.span() for m in analyzer._inversion.finditer(text)] == [m.span() for m in plain.finditer(text)]
