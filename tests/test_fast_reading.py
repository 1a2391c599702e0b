"""The reading's speed paths give what the plain code they stand in for gives (benchmarks/same_answers.py proves it
on every tracked message; these tests on the characters and openings that could tell them apart)."""

from __future__ import annotations

import random
import re

from conftest import table

from bot.core import chat, lists, term_numbers
from bot.core.engine import Engine
from bot.core.french import _fold, _searched_length, fold, original_length
from bot.core.phrases import phrases_pattern
from bot.core.sign_offs import SIGN_OFF_CHARS, SignOffs

# Characters folding into one (Latin letters, French punctuation), into several ("œ", "…", "ß", "ﬁ", "½") or into
# none alone (combining marks), and characters of other blocks.
CHARACTERS = list("abzAZ09 _'\n?.,éèàçÉÀ«»’–—€\u00a0\u202fıſǅİ") + list("œŒæßﬁ…½\u0301\u0327\u0338") + ["ǆ", "Ω", "ｅ"]


def test_a_folded_length_is_found_back_as_by_a_search_of_the_folded_starts() -> None:
    generator = random.Random(3)  # the same strings in every run
    for _ in range(3_000):
        text = "".join(generator.choice(CHARACTERS) for _ in range(generator.randint(0, 16)))
        for length in range(len(text) + 3):
            assert original_length(text, length) == _searched_length(text, length), (text, length)


def test_a_sign_off_is_found_as_by_its_pattern_on_every_folded_sentence(engine: Engine) -> None:
    phrases = engine.knowledge.reading.sign_offs
    sign_offs, plain = SignOffs(phrases), phrases_pattern(phrases, start=True)
    sentences = [sentence for row in table("realistic.yaml") for sentence in row["q"].split(". ")]
    openings = ["", " ", "-- ", "«", "_", "1 ", "…", "\u0301", "É", "œ", "(", "\n"]
    words = ["Cordialement", "cordialementt", "Dès que", "davance merci", "Bien à vous", "Bien", "bienvenue", "Je"]
    words += ["Sincères salutations", "sinceres", "Veuillez agréer", "CDLT", "bàv", "bav", "Salut", "merci d'avance"]
    sentences += [opening + word for opening in openings for word in words]
    found = [bool(plain.match(fold(sentence[:SIGN_OFF_CHARS]))) for sentence in sentences]
    assert [sign_offs.opens(sentence) for sentence in sentences] == found
    assert sum(found) >= len(openings) and not all(map(sign_offs._may_open.match, sentences))  # both paths taken


def test_a_short_text_is_folded_word_by_word_as_a_whole() -> None:
    generator = random.Random(5)  # the same strings in every run
    for _ in range(5_000):
        text = "".join(generator.choice(CHARACTERS) for _ in range(generator.randint(1, 30)))
        assert fold(text) == _fold(text), repr(text)


def test_a_list_s_dashes_and_bullets_are_found_as_with_a_look_behind_first() -> None:
    plain_dash, plain_bullet = re.compile(r"(?<=\s)[-•–—]\s+(?=[^\W\d])"), re.compile(r"(?<=\s)•\s+(?=\w)")
    pieces = ["a", "1", " ", "\n", "-", "•", "–", "—", "é", "_", "\t", "\u00a0", ":", "x-y"]
    generator = random.Random(9)  # the same strings in every run
    for _ in range(5_000):
        text = "".join(generator.choice(pieces) for _ in range(generator.randint(0, 14)))
        for fast, plain in ((lists._INLINE_DASH, plain_dash), (lists._INLINE_BULLET, plain_bullet)):
            for position in range(len(text) + 1):
                assert [m.span() for m in fast.finditer(text, position)] == [
                    m.span() for m in plain.finditer(text, position)
                ], repr(text)


def test_number_words_are_found_as_with_a_look_behind_first() -> None:
    plain = re.compile(r"(?<!\w)(?:mille|cents?)(?!\w)")
    pieces = ["mille", "cent", "cents", "s", "a", " ", "é", "_", "1", "-", "m", "c"]
    generator = random.Random(11)  # the same strings in every run
    for _ in range(5_000):
        text = "".join(generator.choice(pieces) for _ in range(generator.randint(0, 8)))
        for position in range(len(text) + 1):
            found = [m.span() for m in term_numbers._LARGE_NUMBER_WORDS.finditer(text, position)]
            assert found == [m.span() for m in plain.finditer(text, position)], repr(text)


def test_sentences_start_where_the_plain_pattern_says() -> None:
    pieces = ["a", " ", "\t", "\n", ".", "?", "!", "…", ";", ":", "\u00a0", "\r", "\x0b", "é", ","]
    generator = random.Random(13)  # the same strings in every run
    for _ in range(20_000):
        text = "".join(generator.choice(pieces) for _ in range(generator.randint(0, 12)))
        assert chat._sentence_starts(text) == [match.end() for match in chat._SENTENCE_START.finditer(text)], text
