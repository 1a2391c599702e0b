"""The ranker's reading of "hors sujet" (bot/core/ranker.py): for a short question, a refusal needs "hors
sujet" to win without the prior of its many examples; a strong doubt lowers every clause's confidence;
the classifier arbitrates when the sentence and the whole message disagree."""

from __future__ import annotations

import pytest
from conftest import stand_in_ranker

from bot.core import ranker
from bot.core.matching import Candidate
from bot.core.ranker import Ranker
from bot.core.training import OUT_OF_SCOPE

FAIR_OUT = 0.03  # "hors sujet"'s bias 0.7 above the clauses' highest, at the softmax's temperature of 5


def _ranker(probabilities: dict[str, float]) -> Ranker:
    return stand_in_ranker(probabilities, fair_out=FAIR_OUT)


SITUATION = [f"t{i}" for i in range(ranker.LEARNED_MIN_TERMS)]
SHORT = SITUATION[:3]
MATCHED = [Candidate("art-6", 0.45, ("preavis",)), Candidate("art-3", 0.2, ("echeance",))]


@pytest.mark.parametrize(
    ("probabilities", "terms", "first", "confidence"),
    [
        # A short question leaning "hors sujet" on its prior only: kept, the doubt weighed without the prior.
        ({OUT_OF_SCOPE: 0.85, "art-6": 0.1, "art-3": 0.05}, SHORT, "art-6", 0.45),
        # The same message, long: refused as before.
        ({OUT_OF_SCOPE: 0.85, "art-6": 0.1, "art-3": 0.05}, SITUATION, None, 0.0),
        # A short question that is "hors sujet" on evidence too: refused.
        ({OUT_OF_SCOPE: 0.99, "art-6": 0.005, "art-3": 0.005}, SHORT, None, 0.0),
        # "Hors sujet" doubted (0.45, not first): the blended confidence times 1 - 0.45.
        ({OUT_OF_SCOPE: 0.45, "art-6": 0.5, "art-3": 0.05}, SITUATION, "art-6", (0.2 * 0.5 + 0.8 * 0.45) * 0.55),
        # Under OUT_OF_SCOPE_WEIGH: the blended confidence stands.
        ({OUT_OF_SCOPE: 0.3, "art-6": 0.65, "art-3": 0.05}, SITUATION, "art-6", 0.2 * 0.65 + 0.8 * 0.45),
    ],
)
def test_hors_sujet_reading(
    probabilities: dict[str, float], terms: list[str], first: str | None, confidence: float
) -> None:
    result = _ranker(probabilities).rank("message", terms, MATCHED)
    assert (result[0].clause_id if result else None) == first
    assert not result or result[0].confidence == pytest.approx(confidence, abs=1e-4)


def test_the_classifier_says_which_clause_it_prefers() -> None:
    reads = _ranker({"art-6": 0.6, "art-3": 0.3, OUT_OF_SCOPE: 0.1})
    assert reads.readings.prefers("art-6", "art-3", "message", SHORT)
    assert not reads.readings.prefers("art-3", "art-6", "message", SHORT)
    assert not reads.readings.prefers("art-6", "art-6", "message", SHORT)  # a tie is no preference
