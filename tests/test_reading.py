"""Reading unpunctuated and dictated messages, and follow-up questions (the rows are in messages.yaml)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.engine import Engine

TODAY = date(2026, 11, 28)


@pytest.mark.parametrize(
    ("said", "written"),
    [
        ("c est le maire virgule deux questions", "c est le maire, deux questions"),
        ("ça dure combien point d'interrogation", "ça dure combien?"),
        ("un taux de 3 virgule 5 pour cent", "un taux de 3,5 pour cent"),
        ("la durée point est-ce que le CDG facture", "la durée. est-ce que le CDG facture"),
        ("sur ce point la convention dure combien", "sur ce point la convention dure combien"),  # a word here
        ("le point de contact au CDG", "le point de contact au CDG"),
    ],
)
def test_spoken_punctuation_is_written(engine: Engine, said: str, written: str) -> None:
    assert engine.reader.punctuate(said) == written


@pytest.mark.parametrize(
    ("message", "follows"),
    [
        ("Est-ce que La Fibre peut résilier à tout moment ? Et le CDG, il peut aussi ?", [False, True]),
        ("Quelle est l'adresse du CDG 62 ? Et celle du tribunal ?", [False, True]),
        ("Quel préavis pour résilier la convention ? Et pour La Fibre ?", [False, True]),
        ("Qui est responsable si le site est piraté ? Et pourquoi ?", [False, True]),
        # Its own topic: a question of its own, not a follow-up.
        (
            "Le CDG peut-il résilier ? Et la commune, peut-elle y mettre fin si La Fibre manque à ses obligations ?",
            [False, False],
        ),
        # A context sentence between them: the second one takes up that context, not the first question.
        ("Qui paie le technicien ? Nous voulons résilier la convention. Comment faire ?", [False, False]),
    ],
)
def test_follow_ups_take_up_the_question_before(engine: Engine, message: str, follows: list[bool]) -> None:
    found = engine.questions.find_questions(engine.reader.read(message))
    assert [question.follows for question in found] == follows


def test_a_follow_up_keeps_its_own_party(engine: Engine) -> None:
    answer = engine.answer("Est-ce que La Fibre peut résilier à tout moment ? Et nous, on peut aussi ?", today=TODAY)
    first, second = answer.all_parts
    assert first.text.startswith("La Fibre Numérique 59 62 peut résilier")
    assert second.text.startswith("Non : la collectivité")
    answer = engine.answer("Est-ce que la commune peut résilier à tout moment ? Et le CDG ?", today=TODAY)
    assert answer.all_parts[1].text.startswith("Le CDG 62 peut résilier")


# A message of one sentence is what it asks, marked or not (Message.lone): the engine reads what the convention never
# gives in it ("vous avez le numéro de …" with no "?"); a message of several sentences has no lone one.
LONE = [
    ("vous auriez le numéro de l'assistance pour quand le site est en panne", True),
    ("Le site est en panne. Vous auriez le numéro de l'assistance ?", False),
    ("Qui signe pour le CDG ?", True),
]


@pytest.mark.parametrize(("message", "lone"), LONE)
def test_a_message_of_one_sentence_is_what_it_asks(engine: Engine, message: str, lone: bool) -> None:
    assert (engine.reader.read(message).lone == message) is lone
