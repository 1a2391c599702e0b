"""A clock's hours written with a colon ("09:30") read as "09h30" (times_of_day.clock_colons): a table of cases, and
the same rewriting as the plain pattern that specifies it, on random texts."""

import random
import re

import pytest

from bot.core.clock_minutes import clock_colons

SPEC = re.compile(r"(?<![\d:\[])([01]?\d|2[0-3]):([0-5]\d)(?![\d:\]])")  # readable, slow: a look-behind everywhere

CASES = [
    ("Arrivée 09:00, départ 11:30", "Arrivée 09h00, départ 11h30"),
    ("de 9:15 à 23:59", "de 9h15 à 23h59"),
    ("[14:02] Marie : bonjour", "[14:02] Marie : bonjour"),  # a chat's stamp
    ("durée 1:30:00", "durée 1:30:00"),
    ("24:00, 123:45, 12:60", "24:00, 123:45, 12:60"),
    ("Objet : convention", "Objet : convention"),
]


@pytest.mark.parametrize(("text", "read"), CASES)
def test_clock_colons(text: str, read: str) -> None:
    assert clock_colons(text) == read


def test_same_as_the_plain_pattern() -> None:
    generator = random.Random(10)
    for _ in range(20_000):
        text = "".join(generator.choice("0123456789:[] ah") for _ in range(generator.randint(0, 14)))
        assert clock_colons(text) == SPEC.sub(r"\1h\2", text), text
