"""Reading a message's shared start once gives what reading each whole text gives (rescan.py, folding.py): the dates
of a message's context read with one question, then with the next one, whatever stands where the two texts part; its
fold, whatever characters stand around the space that joins it to each question."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from bot.core import date_mentions, folding
from bot.core.date_mentions import find_dates
from bot.core.engine import Engine
from bot.core.french import fold
from bot.core.number_text import digits

TODAY = date(2026, 11, 28)
FILLER = "la commune a ecrit au cdg 62 pour la convention. "
# Dates of every kind, each one placed at every distance from where the next text differs.
DATES = [
    "12/03/2025",
    "le 15 mars 2025",
    "le 3 fevrier",
    "le 12 aout deux mille vingt-cinq",
    "le deux aout deux mille vingt-cinq",
    "en avril 2025",
    "il y a 18 mois",
]
# What follows the shared start: it may end a date, give it a year, or start one.
ENDINGS = ["", " 2026 ?", "/2025 ?", " deux mille vingt-six ?", " dernier, quand resilier ?", "2 ?", " mars 2024 ?"]


def _forget() -> None:
    """The next scans read their text whole."""
    for scan in (
        date_mentions._numeric,
        date_mentions._written,
        date_mentions._month_years,
        date_mentions._days_in_words,
    ):
        scan._last = ("", None, [])
        scan._context = ("", None, [])
    date_mentions._find_dates.cache_clear()


@pytest.mark.parametrize("written", DATES)
def test_a_rescan_finds_the_dates_a_whole_scan_finds(written: str) -> None:
    base = FILLER * 6 + written
    for cut in range(0, 260, 4):  # the texts part `cut` characters after the date's start, or before it
        context = (base + " " + FILLER * 6)[: len(FILLER) * 6 + cut]
        for ending in ENDINGS:
            _forget()
            expected = find_dates(context + ending, TODAY)
            for other in ENDINGS[::2]:  # the text read just before shared `context`, another ending after it
                _forget()
                find_dates(context + other, TODAY)
                assert find_dates(context + ending, TODAY) == expected, (cut, ending, other)


def _whole(text: str) -> list[date_mentions.DateMention]:
    """The dates of `text` scanned whole, then the scans put back as they were."""
    scans = (date_mentions._numeric, date_mentions._written, date_mentions._month_years, date_mentions._days_in_words)
    kept = [(scan._last, scan._context) for scan in scans]
    starts = folding._starts
    _forget()
    folding._starts = ()
    found = find_dates(text, TODAY)
    folding._starts = starts
    for scan, (last, context) in zip(scans, kept, strict=True):
        scan._last, scan._context = last, context
    date_mentions._find_dates.cache_clear()
    return found


@pytest.mark.parametrize("written", DATES)
def test_a_text_after_the_shared_context_finds_the_dates_a_whole_scan_finds(written: str) -> None:
    """The context a message's questions share (folding.share_start) is scanned once: whatever texts are scanned in
    between, each text that starts with it finds the dates a whole scan finds."""
    base = FILLER * 6 + written
    try:
        for cut in range(0, 260, 8):  # the context ends `cut` characters after the date's start, or before it
            context = (base + " " + FILLER * 6)[: len(FILLER) * 6 + cut].strip()
            for ending in ENDINGS:
                _forget()
                folding.share_start("")
                expected = find_dates(f"{context} {ending}", TODAY)
                folding.share_start(context)
                for other in ENDINGS[::2]:  # another text scanned in between, then the text after the context
                    _forget()
                    find_dates(f"{context} {other}", TODAY)
                    between = f"{context[: cut + 100]}{other} {written}"  # its start only, not the context
                    assert find_dates(between, TODAY) == _whole(between), (cut, other)
                    assert find_dates(f"{context} {ending}", TODAY) == expected, (cut, ending, other)
    finally:
        folding.share_start("")


@pytest.mark.parametrize(
    "start, rest",
    [
        ("Signée le 15 mars 2025. Résiliation ?", "Quel préavis ?"),
        ("TR: Message transféré : « RÉSILIATIONNN »", "Œuvre  du CDG\u00a062 ?"),
        ("un\u00a0espace insécable\u00a0", "\u0301accent seul après l'espace"),
        ("", "question seule ?"),
        ("   ", "ÉTÉ"),
        ("contexte seul", ""),
        ("l´apostrophe ʼ et ß", "ﬁn ‘citée’"),
    ],
)
def test_a_shared_start_folds_as_the_whole_text(start: str, rest: str) -> None:
    text = f"{start} {rest}"
    folding.share_start(start)
    assert not start or folding._starts[0] == (start, " ".join(fold(start).split()))  # the start is folded once
    assert folding.folded(text) == " ".join(fold(text).split())
    once = folding.folded(text)  # the calculators fold the folded text again
    assert folding.folded(once) == " ".join(fold(once).split())


# Termination words and who announced them by letter: "un courrier du CDG 62 annonçant la résiliation", "La Fibre nous
# informe qu'elle résiliera" (the sender), "nous voulons résilier" (none).
SENDERS = [
    "on a recu un courrier du cdg 62 annoncant la resiliation",
    "la fibre nous informe qu'elle resiliera la convention",
    "la fibre nous a ecrit un courrier : nous voulons resilier",
    "le courrier de la commune au cdg 62 : resiliation",
    "un courrier du cdg 62 nous dit de mettre fin",
]
# What follows may complete a termination word cut in two ("resil|iation", "mettre f|in") or another sender's words.
SENDER_ENDINGS = ["", "iation ?", "in ?", " la fibre nous informe qu'elle met fin", "s nous informe qu'il resilie"]


LETTER_FILLER = "un courrier de la mairie parle de la convention. "


def _reads_alike(read: Callable[[str], object], forget: Callable[[], None], sentence: str, endings: list[str]) -> None:
    """`read` gives of each text after a shared context what it gives of that text read whole, whatever text sharing
    the context it read just before; the texts part anywhere in `sentence`, or after it."""
    base = LETTER_FILLER * 3 + sentence
    for cut in range(0, len(sentence) + 60, 2):
        context = (base + " " + LETTER_FILLER * 2)[: len(LETTER_FILLER) * 3 + cut]
        for ending in endings:
            forget()  # a whole scan
            expected = read(context + ending)
            for other in endings:  # the text read just before shared `context`, another ending after it
                forget()
                read(context + other)
                assert read(context + ending) == expected, (cut, ending, other)


@pytest.mark.parametrize("sentence", SENDERS)
def test_a_rescan_finds_the_senders_a_whole_scan_finds(engine: Engine, sentence: str) -> None:
    parties = engine.calculations.parties

    def forget() -> None:
        parties._senders._last = ("", None, [])

    _reads_alike(parties._letter_sender, forget, sentence, SENDER_ENDINGS)


# Termination words and the party that ends it: "le CDG 62 peut-il résilier", "la résiliation par La Fibre", "au CDG 62,
# nous voulons résilier" (the speaker), and a word too long to keep what it reads within the scan's reach.
ACTORS = [
    "le cdg 62 peut-il resilier la convention",
    "la resiliation par la fibre numerique 59 62",
    "nous voulons resilier, la fibre nous informe qu'elle met fin",
    "au cdg 62, nous voulons mettre fin a la convention",
    "la commune veut resilier" + "e" * 60 + " par la fibre",
]
# What follows may complete a termination word ("resil|iation"), name the party after it, or a party before another.
ACTOR_ENDINGS = ["", "iation par le cdg ?", " par la fibre ?", "in ?", " la fibre resilie", "s du cdg 62"]


@pytest.mark.parametrize("sentence", ACTORS)
def test_a_rescan_finds_the_provider_a_whole_scan_finds(engine: Engine, sentence: str) -> None:
    parties = engine.calculations.parties

    def forget() -> None:
        parties._verbs._last = ("", None, [])
        parties._actor = ("", None)

    _reads_alike(parties.provider_actor, forget, sentence, ACTOR_ENDINGS)
    assert any(parties.provider_actor(LETTER_FILLER * 3 + sentence + end) for end in ACTOR_ENDINGS)  # it finds one


@pytest.mark.parametrize(
    "context, question, expected",
    [
        # The context's numbers are read once, the question's apart: the same digits as the whole text here…
        (
            "Le CDG est venu deux fois.",
            "Combien pour trois heures et demie ?",
            "2 fois. combien pour 3 heures et demie ?",
        ),
        ("Signée le douze mars.", "Quinze heures, ça fait combien ?", "le 12 mars. 15 heures, ca fait combien ?"),
        # … and a question never read on from the context's last word (the whole text reads "29 heures").
        ("Le technicien a compté vingt", "neuf heures ?", "a compte 20 9 heures ?"),
    ],
)
def test_a_questions_numbers_are_read_apart_from_the_shared_context(context: str, question: str, expected: str) -> None:
    try:
        folding.share_start(context)
        read = digits(f"{context} {question}")
    finally:
        folding.share_start("")
    assert read.endswith(expected), read
    assert read == f"{digits(context)} {digits(question)}"
