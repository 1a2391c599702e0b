"""A message about several communes (or other bodies), each with its own dates and amounts, asking about one of them
("Agnez (entrée en vigueur le 07/07/2025), Gouy (… le 30/10/2025) et Habarcq (… le 12/02/2026). Pour Gouy, à quelle
date …?"): the calculations read that one's figures, not the others'.

A name is a capitalised word standing alone (not beside another capitalised word: "La Fibre", "Mme Caron" are no
commune), inside a sentence or labelling it ("Aubigny : …"), that is not a month, a weekday or a party's name."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable

from ..french import fold
from ..rescan import shared_start

# A capital first, the character before it checked just after (the same matches as "(?<![\w-])[A-ZÀ-Ý][\w-]*"): the
# regex engine jumps from capital to capital instead of trying the look-behind at every character.
_CAPITALISED = re.compile(r"[A-ZÀ-Ý](?<![\w-][A-ZÀ-Ý])[\w-]*")
_NAME = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-Za-zà-ÿ]+)*")  # "Gouy", "Saint-Omer", not "CDG"
_BETWEEN = re.compile(r"[ \t]+")  # two capitalised words one after the other: "La Fibre", "Mme Caron"
_SENTENCE_END = re.compile(r"[.!?;\n]")
_LABEL = re.compile(r"\s*[:(]")  # "Aubigny : maire le 03/06/2025", "Agnez (entrée en vigueur …)"
_MARK = re.compile(r"[.!?\n]")  # where a sentence ends
# Another body is one of a list, labelled like the others ("Agnez (…), Habarcq : …", "Pour Hermaville, …"): a name
# followed by a verb ("Mme Dupont a signé le …") is a person's, whose figures may be the asked body's own.
_LISTED = re.compile(r"\s*[:(,]")


class Entities:
    """Keeps, of a message naming several bodies with their figures, what is said of the one its question names."""

    def __init__(self, excluded: Iterable[str]) -> None:
        self.excluded = frozenset(fold(word) for word in excluded)  # months, weekdays, parties' names
        self._read: tuple[str, dict[tuple[int, int], bool]] = ("", {})  # the last text read, which words are names

    def __getstate__(self) -> dict[str, object]:
        return {**self.__dict__, "_read": ("", {})}  # a pickled engine carries no message

    def scoped(self, text: str) -> str:
        """`text` without what it says of the bodies its question does not name, when it names exactly one of
        several bodies given their own figures; else `text`."""
        if "?" not in text:
            return text
        words = list(_CAPITALISED.finditer(text))
        questions = _questions(text)
        # The one body its questions name first (a few words), then the names of the whole message (all its words)
        starts = [word.start() for word in words]
        inside = (i for a, b in questions for i in range(bisect_left(starts, a), bisect_left(starts, b)))
        named = self._flags(text, words)
        asked = {fold(words[i].group()) for i in inside if named(i)}
        if len(asked) != 1:
            return text
        names = [word for index, word in enumerate(words) if named(index)]
        if len({fold(m.group()) for m in names}) < 2:
            return text
        in_question = [_inside(questions, m.start()) for m in names]
        cuts: list[tuple[int, int]] = []
        own = False  # the asked one's own figures, outside the question: else the others' may be its own too
        for index, name in enumerate(names):
            if in_question[index]:
                continue
            end = _SENTENCE_END.search(text, name.end())
            stop = min(
                end.start() if end else len(text), names[index + 1].start() if index + 1 < len(names) else len(text)
            )
            figures = any(char.isdigit() for char in text[name.start() : stop])
            if fold(name.group()) in asked:
                own = own or figures
            elif figures and _LISTED.match(text, name.end()):  # its own figures, not the asked one's
                cuts.append((name.start(), stop))
        if not own:
            return text
        kept, last = [], 0
        for start, stop in cuts:
            kept.append(text[last:start])
            last = stop
        return "".join(kept) + text[last:]

    def _flags(self, text: str, words: list[re.Match[str]]) -> Callable[[int], bool]:
        """Whether `words[index]` is a name (`_named`), kept: a word the last text read holds as well, with the word
        after it (what `_named` reads), is what it was there (each question of a message is read with its context)."""
        last, known = self._read  # one read: another thread may set it in between
        shared = shared_start(last, text) - 1
        found: dict[tuple[int, int], bool] = {}
        self._read = (text, found)

        def named(index: int) -> bool:
            word = words[index]
            reach = words[index + 1].end() if index + 1 < len(words) else len(text)
            flag = found.get(word.span(), known.get(word.span()) if reach < shared else None)
            if flag is None:
                flag = self._named(text, words, index)
            found[word.span()] = flag
            return flag

        return named

    def _named(self, text: str, words: list[re.Match[str]], index: int) -> bool:
        """Is the capitalised word `words[index]` a body's name: alone (not beside another capitalised word, unless
        that one opens its sentence: "Pour Gouy"), not a month, a weekday or a party, not opening its sentence unless
        it labels it ("Aubigny : …")?"""
        word = words[index]  # the cheap tests first: most capitalised words open their sentence
        if _opens(text, word.start()) and not _LABEL.match(text, word.end()):
            return False
        if not _NAME.fullmatch(word.group()) or fold(word.group()) in self.excluded:
            return False
        before = index and not _opens(text, words[index - 1].start())
        return not (
            (before and _BETWEEN.fullmatch(text, words[index - 1].end(), word.start()))
            or (index + 1 < len(words) and _BETWEEN.fullmatch(text, word.end(), words[index + 1].start()))
        )


def _opens(text: str, start: int) -> bool:
    """Does the word at `start` open its sentence, a line or a list item?"""
    before = text[max(0, start - 3) : start].rstrip(" \t")
    return not before or before[-1] in '.!?:;\n"«(' or before.endswith(("-", "•", "*"))


def _inside(spans: list[tuple[int, int]], position: int) -> bool:
    """Whether `position` is in one of `spans` (in order, apart): the last one starting at or before it."""
    index = bisect_right(spans, (position, 1 << 62))
    return index > 0 and position < spans[index - 1][1]


def _questions(text: str) -> list[tuple[int, int]]:
    """Where each question is: from its sentence's start to its "?", found from mark to mark (the spans of the
    pattern '[^.!?]*[?]' with line ends as marks too, which read each sentence again from each of its characters)."""
    spans, start = [], 0
    for mark in _MARK.finditer(text):
        if mark.group() == "?":
            spans.append((start, mark.end()))
        start = mark.end()
    return spans
