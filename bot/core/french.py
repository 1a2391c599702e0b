"""French text normalization: folding, tokenizing, stop words and stemming.

Users type fast, without accents, with typographic apostrophes and stretched letters;
the knowledge base is written with accents. Both sides go through the same functions so
that "Résiliation", "resiliation" and "RÉSILIATIONNN" meet.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from itertools import chain, repeat
from operator import add
from typing import TypeVar

import snowballstemmer

# Ligatures and apostrophes, replaced one by one (str.replace is much faster than a translate table).
_LIGATURES = (("œ", "oe"), ("æ", "ae"), ("’", "'"), ("‘", "'"), ("ʼ", "'"), ("`", "'"), ("´", "'"), ("ß", "ss"))
# Numbers keep their inner dots and commas ("4.2.1", "87,50"); words are runs of letters,
# so "l'article" gives "l", "article" and "cdg62" gives "cdg", "62".
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[a-z]+")
_STRETCHED = re.compile(r"([a-z])\1\1+")  # three letters or more; twice as fast as "\1{2,}"
# The blocks of combining marks (accents once decomposed): one regex pass instead of a test per character.
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


_stemmer = snowballstemmer.stemmer("french")
SUBJECT_WORDS = 3  # the first words of a sentence, where its subject stands ("Héninel veut …", "Pour Gouy, ils …")
LONG_TEXT = 300  # characters
WORD_CACHE_SIZE = 50_000
SENTENCE_CACHE_SIZE = 2_000  # sentences of the last messages (a few hundred characters each)
SHORT_FOLDS_SIZE = 4_096  # at most (a message's sentences and pieces number a few hundred)
_folded_words: dict[str, str] = {}
_short_folds: dict[str, str] = {}
_word_tokens: dict[str, list[str]] = {}
_folded_sentences: dict[str, str] = {}
_sentence_tokens: dict[str, tuple[str, ...]] = {}
T = TypeVar("T")


def fold(text: str) -> str:
    """Lower-case `text`, drop accents, spell out ligatures and unify apostrophes."""
    if text.isascii():
        # Text folded once already (the calculations fold their folded text again), or typed without accents:
        # NFKC and NFD leave ASCII as it is and no accent is left to drop, so only the case and "`" change
        # (ten times faster than the Unicode steps).
        return text.lower().replace("`", "'")
    # A long message is folded by several readers in turn (question, calculations, classifier): once. So is a
    # sentence of the message being answered, read by several readers too (`forget_folds` empties them).
    if len(text) > LONG_TEXT:
        return _fold_long(text)
    if (folded := _short_folds.get(text)) is None:
        if len(_short_folds) >= SHORT_FOLDS_SIZE:
            _short_folds.clear()
        folded = _short_folds[text] = _fold_sentence(text)  # its words' folds, from the cache of words
    return folded


def forget_folds() -> None:
    """Empty the folds of the last message's sentences (the engine does so before each message)."""
    _short_folds.clear()


@lru_cache(maxsize=8)  # the texts of the message being answered, not of earlier ones
def _fold_long(text: str) -> str:
    return " ".join(_by_sentence(text, _folded_sentences, _fold_sentence))


def _fold_sentence(sentence: str) -> str:
    return " ".join(_word_by_word(sentence, _folded_words, _fold))


def _by_sentence(text: str, cache: dict[str, T], function: Callable[[str], T]) -> list[T]:
    """`function` of each sentence of `text` (cut at ". " and "? ", each keeping its mark), from a bounded cache.

    A sentence is a run of words (see `_word_by_word`): `text` is its sentences joined by spaces, so its fold is
    theirs joined by spaces, and its words are theirs. A message's readers (its parts, its context, the
    calculations' text) read the same sentences in other texts: each sentence's words are then looked up once
    (a word at a time, 8 % of a long message's time), not once per text."""
    sentences: list[str] = []
    for part in _cut(text, ". "):
        if "? " in part:
            sentences += _cut(part, "? ")
        else:
            sentences.append(part)
    return _cached(sentences, cache, function, SENTENCE_CACHE_SIZE)


def _cut(text: str, end: str) -> list[str]:
    """`text` cut after each `end` (a mark and a space): the pieces keep their mark, the space joins them again."""
    pieces = text.split(end)
    last = pieces[-1]
    pieces = list(map(add, pieces, repeat(end[0])))  # in C
    pieces[-1] = last
    return pieces


def _word_by_word(text: str, cache: dict[str, T], function: Callable[[str], T]) -> list[T]:
    """`function` of each word of `text` (split at U+0020), from a bounded cache of words.

    Folding and tokenizing go word by word: a space never composes, decomposes or reorders with its
    neighbours under NFKC and NFD, casefold maps each character alone, and no token or stretched letter
    spans a space; so a long text's fold is the join of its words' folds, and its words their words.
    The parts of a message are its sentences joined again: their words are read once."""
    return _cached(text.split(" "), cache, function, WORD_CACHE_SIZE)


def _cached(pieces: list[str], cache: dict[str, T], function: Callable[[str], T], size: int) -> list[T]:
    """`function` of each piece, from `cache` (emptied when it holds `size` pieces)."""
    done = list(map(cache.get, pieces))
    if None in done:
        if len(cache) >= size:
            cache.clear()
        for index, piece in enumerate(pieces):
            if done[index] is None:
                done[index] = cache[piece] = function(piece)
    return done  # type: ignore[return-value]


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    for written, spelt in _LIGATURES:
        if written in text:
            text = text.replace(written, spelt)
    return _COMBINING.sub("", unicodedata.normalize("NFD", text))


def words(text: str) -> list[str]:
    """The folded words and numbers of `text`, stretched letters squeezed ("ouiii" -> "oui")."""
    if len(text) > LONG_TEXT:
        # Its sentences without their marks: a "." or "?" ending a text adds no token to it (a number's inner dot
        # needs a digit after it), so none need be put back as the fold's sentences need them.
        sentences: list[str] = []
        for part in text.split(". "):
            if "? " in part:
                sentences += part.split("? ")
            else:
                sentences.append(part)
        return list(chain.from_iterable(_cached(sentences, _sentence_tokens, _sentence_words, SENTENCE_CACHE_SIZE)))
    return _tokens(text)


def _sentence_words(sentence: str) -> tuple[str, ...]:
    return tuple(chain.from_iterable(_word_by_word(sentence, _word_tokens, _tokens)))


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(_STRETCHED.sub(r"\1", fold(text)))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The French stem of a folded word; numbers and very short words stay as they are."""
    if len(word) <= 3 or word[0].isdigit():
        return word
    stemmed = _stemmer.stemWord(word)
    # Snowball strips "-ée" only when accented; on folded text it leaves an "e" ("duree" ->
    # "dure", "reexaminee" -> "reexamine"), so drop it to meet the accented spelling's stem.
    return stemmed[:-1] if stemmed.endswith("e") and len(stemmed) > 4 else stemmed


def comparable(text: str) -> str:
    """A question's identity for duplicate checks: folded words joined by single spaces."""
    return " ".join(words(text))


def original_length(text: str, folded_length: int) -> int:
    """The shortest start of `text` whose folded form is `folded_length` long or more (folding may
    lengthen a few characters: "œ" gives "oe")."""
    high = min(len(text), folded_length)
    if not _LENGTH_MAY_CHANGE.search(text, 0, high):  # each of its characters folds into one: its own length
        return high
    return _searched_length(text, folded_length)


def _searched_length(text: str, folded_length: int) -> int:
    """`original_length`, found by folding starts of `text` (a binary search)."""
    low, high = 0, min(len(text), folded_length)
    while low < high:
        middle = (low + high) // 2
        if len(fold(text[:middle])) >= folded_length:
            high = middle
        else:
            low = middle + 1
    return low


def _one_for_one() -> re.Pattern[str]:
    """A class of the characters whose fold may not be one character of their own: every character but those of
    Latin text and its punctuation ("é", "«", "’", "€") that fold into one character and never compose with their
    neighbours (no combining mark; a combining mark is the one such character these blocks hold). A text of the
    others folds into as many characters, one per character, as NFKC and NFD then change nothing across two of
    them."""
    kept = [
        code
        for first, last in ((0x00, 0x24F), (0x2000, 0x206F), (0x20A0, 0x20CF))
        for code in range(first, last + 1)
        if len(_fold(chr(code))) == 1 and not unicodedata.combining(chr(code))
    ]
    ranges: list[list[int]] = []
    for code in kept:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return re.compile("[^" + "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in ranges) + "]")


_LENGTH_MAY_CHANGE = _one_for_one()
