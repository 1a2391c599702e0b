"""Regular expressions built from the maintainers' phrase lists (knowledge/vocabulary.yaml), compared
folded, where spaces, hyphens and apostrophes are interchangeable."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from .french import fold


def alternatives(words: tuple[str, ...] | list[str]) -> str:
    """A regex alternation of `words`, as written and folded, longest first (matches nothing if none)."""
    forms = {form for word in words for form in (word.lower(), fold(word)) if form.strip()}
    return "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True)) or r"(?!x)x"


def phrases_pattern(phrases: tuple[str, ...], *, start: bool) -> re.Pattern[str]:
    """A pattern of any of `phrases` (folded), at the start of a text if `start`, else anywhere."""
    folded = sorted({fold(phrase).strip() for phrase in phrases if phrase.strip()}, key=len, reverse=True)
    if not folded:
        return re.compile(r"(?!x)x")  # matches nothing
    alternatives = "|".join(flexible(phrase, folded=True) for phrase in folded)
    # Not "\b": a phrase may open with a mark ("+1").
    return re.compile((r"^\W*(?:" if start else r"(?<!\w)(?:") + alternatives + r")(?!\w)")


def flexible(phrase: str, *, folded: bool = False) -> str:
    """A phrase as a pattern where spaces, hyphens and apostrophes are interchangeable; for `folded` texts
    only the straight apostrophe (fold unifies them): a class without "’" compiles six times faster, and
    the asking phrases' patterns were a tenth of a cold `ask`."""
    return _gap(folded).join(re.escape(word) for word in _words(phrase))


def _gap(folded: bool) -> str:
    return r"[\s\-']*" if folded else r"[\s\-'’]*"


def _words(phrase: str) -> list[str]:
    return [word for word in re.split(r"[\s\-'’]+", phrase) if word]


def written_forms(phrases: tuple[str, ...]) -> set[str]:
    """The forms of `phrases` a text not folded may hold: as written (lower-case) and folded."""
    return {form for phrase in phrases for form in (phrase.lower().strip(), fold(phrase).strip()) if form}


def hints(phrases: tuple[str, ...]) -> tuple[str, ...]:
    """The longest word of each written form of `phrases`: a text holding none of them holds no phrase (a cheap test
    before a pattern that would be tried at every character or word). The shortest first: most texts hold one of the
    short ones ("part" of "d'une part"), and the test stops at the first found (0.04 -> 0.01 ms on 4,096 characters)."""
    return tuple(
        sorted({max(_words(form), key=len) for form in written_forms(phrases)}, key=lambda hint: (len(hint), hint))
    )


def may_hold(text: str, found: tuple[str, ...]) -> bool:
    """Whether `text` holds one of the `hints` `found` (then it may hold one of their phrases)."""
    return any(map(text.lower().__contains__, found))  # in C: no generator step per hint


def trie_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """A pattern of any of `phrases` in a folded text, from a word's start to a word's end, as a trie (`phrase_trie`):
    for thousands of phrases, where an alternation would be tried at every character (12 ms on 4,096 characters)."""
    forms = {fold(phrase).strip() for phrase in phrases} - {""}
    return re.compile(rf"{phrase_trie(forms, folded=True)}(?!\w)")


def phrase_trie(forms: set[str], *, folded: bool) -> str:
    """A regex matching what the alternation of `flexible(form, folded=folded)` matches at a word's start (not
    after a letter, a digit or "_"), written as a trie: each letter of the text is tried against one branch per
    first letter, not against every phrase (the asking phrases crossed with the reporting verbs are thousands:
    their alternation cost 0.1 ms per sentence). Where several forms match at one place, the trie may take
    another than the alternation would: for patterns whose matches are tested, or whose end is fixed by
    what follows them."""
    trie: dict[str, dict] = {}
    for form in forms:
        node = trie
        for index, word in enumerate(_words(form)):
            node = node.setdefault(" ", {}) if index else node  # " ": the gap between two words
            for letter in word:
                node = node.setdefault(letter, {})
        if node is not trie:
            node[""] = {}  # a form ends here
    gap = _gap(folded)

    def below(node: dict[str, dict]) -> str:
        branches = [(gap if key == " " else re.escape(key)) + below(rest) for key, rest in sorted(node.items()) if key]
        branches += [""] if "" in node else []
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    if not trie:
        return r"(?!x)x"
    if not folded:
        return _caseless_trie(trie, below)
    # The first letter, then "not after a word character" checked behind it: the regex engine skips the
    # characters no form starts with (a look-behind first would be tried at every character).
    first = [rf"{re.escape(letter)}(?<!\w{re.escape(letter)}){below(rest)}" for letter, rest in sorted(trie.items())]
    return f"(?:{'|'.join(first)})"


def _caseless_trie(trie: dict[str, dict], below: Callable[[dict[str, dict]], str]) -> str:
    """The trie of texts not folded, case-blind by itself (compiled without re.IGNORECASE, as its callers do): under
    re.IGNORECASE the regex engine skips no character by itself, and tried the pattern at every character of a
    message. Here it opens with a class without a case flag, which the engine skips to in C: the ASCII characters
    that one of the first letters matches case-blind, and every other character (whatever of them matches a first
    letter case-blind: "K", the Kelvin sign, for "k"). The first letter is then checked case-blind behind it
    (0.16 -> 0.08 ms per message of 4,096 characters of bench_engine.py)."""
    firsts = [re.escape(letter) for letter in sorted(trie)]
    ascii_firsts = {chr(code) for code in range(128) for first in firsts if re.fullmatch(first, chr(code), re.I)}
    opening = "".join(map(re.escape, sorted(ascii_firsts))) + "\x80-\U0010ffff"
    branches = [rf"(?<={first}){below(rest)}" for first, (_, rest) in zip(firsts, sorted(trie.items()), strict=True)]
    return rf"[{opening}](?<!\w.)(?i:{'|'.join(branches)})"


def any_phrase(phrases: tuple[str, ...]) -> str:
    """A regex alternation of `phrases`, as written (lower-case) and folded, spaces, hyphens and apostrophes
    interchangeable, longest first, for texts not folded (compile it with re.IGNORECASE)."""
    return "|".join(flexible(form) for form in sorted(written_forms(phrases), key=len, reverse=True)) or r"(?!x)x"


class PhraseFinder:
    """Finds phrases in texts not folded, in one pass over the words: a phrase is tried only where its first
    word stands (a long alternation tried at every character would cost a millisecond per Telegram message)."""

    def __init__(self, phrases: tuple[str, ...]) -> None:
        forms = written_forms(phrases)
        by_first: dict[str, list[str]] = {}
        for form in forms:
            by_first.setdefault(re.split(r"[\s\-'’]+", form)[0], []).append(form)
        self._hints = hints(phrases)
        self._firsts = frozenset(first[:1] for first in by_first)
        # The last text's phrases: a sentence is asked whether it asks, then cut into pieces, both finding them.
        self._last: tuple[str, tuple[re.Match[str], ...]] = ("", ())
        # A phrase ends a word; one written with its elision ("est-ce qu'") ends with its apostrophe, before a word.
        # The texts are read with their curly apostrophes made straight (`_straight`): "’" in the thousands of
        # gaps' classes made the patterns three times longer to compile (a class holding a character above U+00FF
        # is compiled, in pure Python, through a 65,536-entry map): about 1 s of a cold `ask --json` of 1,000 questions.
        self._patterns = {
            first: re.compile(
                "|".join(
                    flexible(f, folded=True) + ("'" if f[-1] in "'’" else r"(?![\w'])")
                    for f in sorted(group, key=len, reverse=True)
                ),
                re.I,
            )
            for first, group in by_first.items()
        }

    def __getstate__(self) -> dict[str, object]:
        return {**self.__dict__, "_last": ("", ())}  # a pickled engine carries no message (nor its matches)

    def may_open(self, text: str, position: int) -> bool:
        """Whether a phrase may start at `position` of `text`: its first letter opens a phrase's first word (the
        first letter of a word lower-cased is that of the letter lower-cased)."""
        return text[position : position + 1].lower()[:1] in self._firsts

    def match(self, text: str, position: int) -> re.Match[str] | None:
        """The phrase starting at `position` of `text`, if one does."""
        word = WORD.match(text, position)
        pattern = self._patterns.get(word.group().lower()) if word else None
        return pattern.match(_straight(text), position) if pattern else None

    def find(self, text: str) -> list[re.Match[str]]:
        """The phrases of `text`, in order, none overlapping, each starting a word (not after a hyphen or an
        apostrophe: "peut-on" holds no "on", "qu'est-ce" no "est-ce")."""
        last = self._last  # one read: another thread answering at once may replace it
        if last[0] == text:
            return list(last[1])
        found = self._find(text)
        self._last = (text, tuple(found))
        return found

    def _find(self, text: str) -> list[re.Match[str]]:
        found: list[re.Match[str]] = []
        if not may_hold(text, self._hints):
            return found
        text = _straight(text)
        end = 0
        for word in WORD.finditer(text):
            start = word.start()
            pattern = self._patterns.get(word.group().lower())
            if pattern is None or start < end or (start and text[start - 1] in "-'’"):
                continue
            if match := pattern.match(text, start):
                found.append(match)
                end = match.end()
        return found


def _straight(text: str) -> str:
    """`text` with its curly apostrophes straight (the same length: a match's positions are those of `text`)."""
    return text.replace("’", "'") if "’" in text else text


WORD = re.compile(r"\w+")  # a word of a text (phrases, pieces and questions read words alike)
