"""French text normalization: folding, tokenizing, stop words and stemming.

Users type fast, without accents, with typographic apostrophes and stretched letters;
the knowledge base is written with accents. Both sides go through the same functions so
that "Résiliation", "resiliation" and "RÉSILIATIONNN" meet.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

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
LONG_TEXT = 300  # characters
WORD_CACHE_SIZE = 50_000
_folded_words: dict[str, str] = {}


def fold(text: str) -> str:
    """Lower-case `text`, drop accents, spell out ligatures and unify apostrophes."""
    # A long message is folded by several readers in turn (question, calculations, classifier): once.
    return _fold_long(text) if len(text) > LONG_TEXT else _fold(text)


@lru_cache(maxsize=8)  # the texts of the message being answered, not of earlier ones
def _fold_long(text: str) -> str:
    # Word by word: a space (U+0020) never composes, decomposes or reorders with its neighbours under NFKC
    # and NFD, and casefold maps each character alone, so a text's fold is the join of its words' folds.
    # The parts of a message are its sentences joined again: their words are folded once (a bounded cache).
    words_ = text.split(" ")
    folded = list(map(_folded_words.get, words_))
    if None in folded:
        if len(_folded_words) >= WORD_CACHE_SIZE:
            _folded_words.clear()
        for index, word in enumerate(words_):
            if folded[index] is None:
                folded[index] = _folded_words[word] = _fold(word)
    return " ".join(folded)  # type: ignore[arg-type]


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    for written, spelt in _LIGATURES:
        if written in text:
            text = text.replace(written, spelt)
    return _COMBINING.sub("", unicodedata.normalize("NFD", text))


def words(text: str) -> list[str]:
    """The folded words and numbers of `text`, stretched letters squeezed ("ouiii" -> "oui")."""
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
