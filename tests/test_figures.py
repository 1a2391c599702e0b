"""What the calculations read of a message (figures.window): a message up to 2,000 characters whole; a longer one by
its first and last sentences, and its question when it stands between them."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.engine import Engine
from bot.core.figures import FIGURES_CHARS, window

TODAY = date(2026, 11, 28)
FILLER = "Nous avons eu une réunion du conseil municipal sur le budget de la commune. "  # 76 characters, no figure
START = "Convention signée le 15/03/2025. "
QUESTION = "Jusqu'à quand pouvons-nous résilier ?"


def _long(*pieces: str, fill: int = 40) -> str:
    """`pieces` with `fill` filler sentences after each of them but the last."""
    return "".join(piece + (FILLER * fill if index < len(pieces) - 1 else "") for index, piece in enumerate(pieces))


@pytest.mark.parametrize(
    ("text", "keep", "kept", "left_out"),
    [
        # up to 2,000 characters: the message whole, whatever it holds
        (_long(START, QUESTION, fill=20), "", [START.strip(), FILLER * 20, QUESTION], []),
        # longer: its first sentence (its subject, its date) and its last one (the question), not the middle
        (_long(START, "Le CDG 62 est venu 3 h le 02/10/2026. ", QUESTION), "", [START.strip(), QUESTION], ["3 h"]),
        # the question asked in the middle: read too, between the start and the end
        (_long(START, QUESTION + " ", "Cordialement, la mairie."), QUESTION, [START.strip(), QUESTION], []),
        # the question in the middle but not said to be kept: left out
        (_long(START, QUESTION + " ", "Cordialement, la mairie."), "", [START.strip()], [QUESTION]),
    ],
)
def test_window(text: str, keep: str, kept: list[str], left_out: list[str]) -> None:
    read = window(text, keep)
    assert all(piece.strip() in read for piece in kept), read
    assert not any(piece in read for piece in left_out), read
    assert len(read) <= max(FIGURES_CHARS + len(keep) + 2, len(text) if len(text) <= FIGURES_CHARS else 0)
    assert read == text or len(text) > FIGURES_CHARS


def test_cut_at_sentences_or_words() -> None:
    """A long text is cut where a sentence ends, else between two words, never inside a word."""
    read = window(FILLER * 60)
    assert read.startswith(FILLER.strip()) and read.endswith(FILLER.strip())
    words = window("mot " * 1_000)
    assert set(words.split()) == {"mot"}


def test_long_message_reads_its_start_and_question(engine: Engine) -> None:
    """The signing date at a long message's start still sets the deadline of the question at its end; hours said in its
    middle (another exchange) are not read."""
    text = _long(START, "Le technicien du CDG 62 est resté 3 h en mairie. ", QUESTION, fill=14)
    assert len(text) > FIGURES_CHARS
    answer = engine.answer(text, today=TODAY)
    assert answer.kind == "calculation", answer.text
    assert "15/03/2025" in answer.text or "15 mars 2025" in answer.text, answer.text
    assert "3 h" not in answer.text, answer.text
