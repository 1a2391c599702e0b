"""What the calculations read of a message's context once for all its questions (folding.share_start) is what each
question's whole text gives: the sentences that ask, a provider writing as "nous", the communes listed, the role of
each date; whatever text was read just before, wherever the context ends."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date

import pytest

from bot.core import folding
from bot.core.calculations.base import asking
from bot.core.date_mentions import find_dates
from bot.core.engine import Engine

TODAY = date(2026, 11, 28)


def _alike(read: Callable[[str], object], contexts: list[str], questions: list[str]) -> None:
    """`read` gives of each context and question what it gives of their text read whole, the context shared."""
    generator = random.Random(29)
    for context in contexts:
        if not context.strip() or context != " ".join(context.split()):
            continue
        for question in questions:
            text = f"{context} {question}"
            folding.share_start("")
            expected = read(text)
            folding.share_start(context)
            try:
                read(f"{context} {generator.choice(questions)}")  # another question of the message read before
                assert read(text) == expected, (context, question)
                assert read(text) == expected, (context, question)  # and the same text again
            finally:
                folding.share_start("")


def _texts(pieces: list[str], count: int, seed: int) -> list[str]:
    generator = random.Random(seed)
    return [" ".join(generator.choice(pieces) for _ in range(generator.randint(1, 9))) for _ in range(count)]


ASKING = ["quel preavis ?", "signee le 12/03/2025.", "le maire demande combien", "ok!", "?", "a.", "nous demande", "x"]


def test_what_a_message_asks_is_read_once_in_its_context(engine: Engine) -> None:
    reported = engine.calculations.liability.reported
    contexts, questions = _texts(ASKING, 300, 31), _texts(ASKING, 12, 37)
    _alike(asking, contexts, questions)
    _alike(lambda text: asking(text, reported), contexts, questions)
    assert any(asking(text, reported) != asking(text) for text in contexts)  # the reported phrases are read


SPEAKING = ["au cdg 62, nous", "nous (la fibre)", "la mairie nous demande", ".", "!", "au", "cdg", "nous", "fibre", ","]
SPEAKING += ["cordialement, service financier - la fibre numerique 59 62", "chez la fibre nous voulons resilier"]


def test_the_provider_writing_as_nous_is_found_once_in_the_context(engine: Engine) -> None:
    speaker = engine.calculations.parties.writer.of
    contexts = _texts(SPEAKING, 600, 41)
    _alike(speaker, contexts, _texts(SPEAKING, 10, 43))
    assert {speaker(text) for text in contexts} >= {"cdg", "fibre", None}


NAMES = ["Agnez (signee le 07/07/2025)", "Gouy :", "Pour Gouy, quand ?", "La Fibre,", "Habarcq (le 12/02/2026),"]
NAMES += ["Bonjour,", "Mme Caron :", "et", ".", "Givenchy-les-Noyelles :", "le 30/10/2025", "?", "Aubigny", "Beussent"]
# What a question may start with: the label of a name the context ends with ("… et Beussent" "(signée le …) ?").
LABELS = [": le 21/01/2026 ?", "(le 12/02/2026) ?", ", signee le 21/01/2026, quand ?", "-Plage : le 02/02/2026 ?"]


def test_the_communes_a_message_lists_are_found_once_in_the_context(engine: Engine) -> None:
    entities = engine.calculations.entities

    def names(text: str) -> list[tuple[int, str]]:
        entities._last = ("", [])
        return [(m.start(), m.group()) for m in entities._names(text)]

    contexts = _texts(NAMES, 400, 47)
    _alike(names, contexts, _texts(NAMES, 10, 53) + LABELS)
    _alike(entities.scoped, contexts, _texts(NAMES, 10, 59) + LABELS)
    assert sum(len(entities._bodies(text)) > 1 for text in contexts) > 20  # lists of communes are read


ROLES = ["signee le 12/03/2025", "lettre recue le 02/10/2026", "mise en demeure du 05/10/2026", "facture du 15/09"]
ROLES += ["payee le 30/10/2026", "le 14/10", ".", "resilier au 31/12/2027", "le cdg", "et la fibre le 17/11", "x" * 30]
ROLES += ["le 20/11/2026", "le 05/10/2026"]
# What a question may start with: the words after a date the context ends with that give it its role ("le 20/11/2026"
# "nous avons reçu un courrier"), a date ending it ("…/2026 ?"), a formal notice that overrides a letter.
AFTER = ["nous avons recu un courrier ?", "la mise en demeure ?", "/2027 ?", "2026 ?", "a recu la lettre ?"]


def test_the_role_of_each_date_of_the_context_is_read_once(engine: Engine) -> None:
    roles = engine.calculations.dates.date_roles

    def read(text: str) -> object:
        mentions = find_dates(text, TODAY)
        return roles.roles(text, mentions, other=True, today=TODAY), roles.roles(text, mentions)

    contexts = _texts(ROLES, 300, 61)
    _alike(read, contexts, _texts(ROLES, 8, 67) + AFTER)


@pytest.mark.parametrize("phrase", ["ok. demande", "a? b", "fin!"])
def test_a_reported_phrase_never_holds_a_sentence_mark(phrase: str) -> None:
    from bot.core.calculations.base import Reported

    with pytest.raises(ValueError):
        Reported(["nous demande", phrase])
