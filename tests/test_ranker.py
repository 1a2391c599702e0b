"""The ranker's rules (bot/core/ranker.py), with a stand-in classifier: each row gives what the classifier
reads, the matcher's ranking and the number of distinct terms, and the clause (or refusal) expected first."""

from __future__ import annotations

import pytest
from conftest import stand_in_ranker

from bot.core import ranker
from bot.core.matching import Candidate
from bot.core.ranker import Ranker
from bot.core.training import OUT_OF_SCOPE


def _ranker(probabilities: dict[str, float]) -> Ranker:
    return stand_in_ranker(probabilities)  # no prior to take out of "hors sujet" (tests/test_ranker_prior.py does)


SITUATION = [f"t{i}" for i in range(ranker.LEARNED_MIN_TERMS)]
SHORT = SITUATION[:2]
LONG = [f"t{i}" for i in range(ranker.LEARNED_LEAD_TERMS)]
MATCHED = [Candidate("art-5.2", 0.4, ("site",)), Candidate("art-6", 0.1, ("cdg",))]


@pytest.mark.parametrize(
    ("probabilities", "terms", "ranked", "first", "at_least"),
    [
        # A situation read with assurance, sharing a word with its clause: that clause, in the middle band.
        ({"art-6": 0.9, OUT_OF_SCOPE: 0.05, "art-5.2": 0.05}, SITUATION, MATCHED, "art-6", ranker.LEARNED_CONFIDENCE),
        # The same reading of a short question: the matcher's order stands (combined, below the band) ...
        ({"art-6": 0.8, OUT_OF_SCOPE: 0.15, "art-5.2": 0.05}, SHORT, MATCHED, "art-5.2", 0.0),
        # ... unless the classifier is all but certain (SHORT_LEAD): its clause, in the middle band.
        ({"art-6": 0.95, OUT_OF_SCOPE: 0.03, "art-5.2": 0.02}, SHORT, MATCHED, "art-6", ranker.LEARNED_CONFIDENCE),
        # A long message (LEARNED_LEAD_TERMS terms): the classifier's first clause leads from LEARNED_LEAD on ...
        ({"art-6": 0.35, OUT_OF_SCOPE: 0.3, "art-5.2": 0.35}, LONG, MATCHED[1:], "art-6", ranker.LEARNED_CONFIDENCE),
        # ... not under it, nor when "hors sujet" comes first.
        (
            {"art-6": 0.25, OUT_OF_SCOPE: 0.2, "art-5.2": 0.2, "art-3": 0.2, "art-1": 0.15},
            LONG,
            MATCHED,
            "art-5.2",
            0.0,
        ),
        ({"art-6": 0.35, OUT_OF_SCOPE: 0.45, "art-5.2": 0.2}, LONG, MATCHED, "art-5.2", 0.0),
        # "Hors sujet" too likely to overrule the matcher, though not enough to refuse.
        ({"art-6": 0.6, OUT_OF_SCOPE: 0.3, "art-5.2": 0.1}, SITUATION, MATCHED, "art-5.2", 0.0),
        # No word of the convention shared with the classifier's clause: not given.
        ({"art-3": 0.9, OUT_OF_SCOPE: 0.05, "art-5.2": 0.05}, SITUATION, MATCHED, "art-5.2", 0.0),
        # Less assurance is enough when the matcher ranks the same clause first.
        ({"art-5.2": 0.45, OUT_OF_SCOPE: 0.1, "art-6": 0.45}, SITUATION, MATCHED, "art-5.2", ranker.LEARNED_CONFIDENCE),
        (
            {"art-6": 0.45, OUT_OF_SCOPE: 0.1, "art-5.2": 0.45},
            SITUATION,
            MATCHED[1:],
            "art-6",
            ranker.LEARNED_CONFIDENCE,
        ),
        ({"art-6": 0.45, OUT_OF_SCOPE: 0.1, "art-5.2": 0.45}, SITUATION, MATCHED, "art-5.2", 0.0),
        # "Hors sujet" first and likely enough: refused.
        ({OUT_OF_SCOPE: 0.7, "art-6": 0.3}, SITUATION, MATCHED, None, 0.0),
        # The matcher sure: its ranking stands, whatever the classifier reads.
        ({OUT_OF_SCOPE: 0.9, "art-6": 0.1}, SITUATION, [Candidate("art-3", 0.8, ("duree",))], "art-3", 0.8),
    ],
)
def test_ranking_rules(
    probabilities: dict[str, float], terms: list[str], ranked: list[Candidate], first: str | None, at_least: float
) -> None:
    result = _ranker(probabilities).rank("message", terms, ranked)
    assert (result[0].clause_id if result else None) == first
    assert not result or result[0].confidence >= at_least


@pytest.mark.parametrize(
    ("terms", "answerable"),
    [
        (SHORT, True),  # known words only, matched on generic ones: the classifier's near certainty gives the clause
        ([*SHORT, "foreign-stage"], False),  # a word the convention never uses: left refused
    ],
)
def test_generic_words_and_a_certain_classifier(terms: list[str], answerable: bool) -> None:
    weak = [Candidate("art-5.2", 0.2, ()), Candidate("art-6", 0.1, ())]  # matched on generic words only
    result = _ranker({"art-6": 0.99, OUT_OF_SCOPE: 0.005, "art-5.2": 0.005}).rank("question", terms, weak)
    assert result[0].clause_id == "art-6"
    assert bool(result[0].strong_terms) is answerable
    assert (result[0].confidence == ranker.LEARNED_CONFIDENCE) is answerable
