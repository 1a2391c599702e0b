"""A message about several communes (or other bodies), each with its own dates and amounts, asking about one of them
("Agnez (entrée en vigueur le 07/07/2025), Gouy (… le 30/10/2025) et Habarcq (… le 12/02/2026). Pour Gouy, à quelle
date …?"): the calculations read that one's figures, not the others'.

A name is a capitalised word standing alone (not beside another capitalised word: "La Fibre", "Mme Caron" are no
commune), inside a sentence or labelling it ("Aubigny : …"), that is not a month, a weekday or a party's name."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

from ..french import fold
from ..rescan import shared_start

# A capital first, the character before it checked just after (the same matches as "(?<![\w-])[A-ZÀ-Ý][\w-]*"): the
# regex engine jumps from capital to capital instead of trying the look-behind at every character.
_CAPITALISED = re.compile(r"[A-ZÀ-Ý](?<![\w-][A-ZÀ-Ý])[\w-]*")
_NAME = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-Za-zà-ÿ]+)*")  # "Gouy", "Saint-Omer", not "CDG"
_BETWEEN = re.compile(r"[ \t]+")  # two capitalised words one after the other: "La Fibre", "Mme Caron"
_SENTENCE_END = re.compile(r"[.!?;\n]")
_LABEL = re.compile(r"\s*[:(]")  # "Aubigny : maire le 03/06/2025", "Agnez (entrée en vigueur …)"
_MARK = re.compile(r"[.!?\n]")  # where a sentence ends (`_questions`)
# Another body is one of a list, labelled like the others ("Agnez (…), Habarcq : …", "Pour Hermaville, …"): a name
# followed by a verb ("Mme Dupont a signé le …") is a person's, whose figures may be the asked body's own.
_LISTED = re.compile(r"\s*[:(,]")
_BRACKETS = re.compile(r"\s*\([^()]*\)")  # "Gouy (délibération le 18/09/2025, signatures … le 30/10/2025)"
_FIGURES_END = re.compile(r"[,;)]")  # what ends a body's figures ("Bezinghem, signée le 21/01/2026, quelles …")


class Entities:
    """Keeps, of a message naming several bodies with their figures, what is said of the one its question names."""

    def __init__(self, excluded: Iterable[str]) -> None:
        self.excluded = frozenset(fold(word) for word in excluded)  # months, weekdays, parties' names
        # The last text read, whether each of its capitalised words (by place) is a name, and its names: each question
        # of a message is read with the same context (its words are names or not alike), and each calculator in turn.
        self._read: tuple[str, dict[tuple[int, int], bool], list[re.Match[str]]] = ("", {}, [])

    def __getstate__(self) -> dict[str, object]:
        return {**self.__dict__, "_read": ("", {}, [])}  # a pickled engine carries no message

    def scoped(self, text: str) -> str:
        """`text` without what it says of the bodies its question does not name, when it names exactly one of
        several bodies given their own figures; else `text`."""
        names = self._names(text) if "?" in text else []
        if len({fold(m.group()) for m in names}) < 2:
            return text
        questions = _questions(text)
        asked = {fold(m.group()) for m in names if _inside(questions, m.start())}
        if len(asked) != 1:
            return text
        outside = [m for m in names if not _inside(questions, m.start())]
        return self._kept(text, outside, asked) or text

    def each(self, text: str) -> list[tuple[str, str]]:
        """Each body a message gives its own figures ("Pour Beussent, signée le 07/07/2025, et pour Bezinghem, signée
        le 21/01/2026, quelles … ?"), with the message as it reads for that one alone; [] for fewer than two."""
        names = self._names(text) if "?" in text else []
        if len({fold(m.group()) for m in names}) < 2:
            return []
        bodies = {
            fold(m.group()): m.group()
            for m, (_, figures) in zip(names, _spans(text, names), strict=True)
            if figures and _LISTED.match(text, m.end())
        }
        if len(bodies) < 2:
            return []
        kept = [(written, self._kept(text, names, {name})) for name, written in bodies.items()]
        return [(written, body) for written, body in kept if body]

    def _kept(self, text: str, names: list[re.Match[str]], asked: set[str]) -> str:
        """`text` without the figures of the bodies other than `asked` ("" when `asked` has none of its own)."""
        cuts: list[tuple[int, int]] = []
        own = False  # the asked one's own figures: else the others' may be its own too
        for name, (stop, figures) in zip(names, _spans(text, names), strict=True):
            if fold(name.group()) in asked:
                own = own or figures
            elif figures and _LISTED.match(text, name.end()):  # its own figures, not the asked one's
                cuts.append((name.start(), stop))
        if not own:
            return ""
        kept, last = [], 0
        for start, stop in cuts:
            kept.append(text[last:start])
            last = stop
        return "".join(kept) + text[last:]

    def _names(self, text: str) -> list[re.Match[str]]:
        """The names of `text`, in order. A word the last text read holds as well, with the word after it (all that
        `_named` reads), is a name there if it was one in that text."""
        last, known, names = self._read  # one read: another thread may set it in between
        if last is text:
            return names
        shared = shared_start(last, text) - 1
        words = list(_CAPITALISED.finditer(text))
        flags: dict[tuple[int, int], bool] = {}
        for index, word in enumerate(words):
            reach = words[index + 1].end() if index + 1 < len(words) else len(text)
            flag = known.get(word.span()) if reach < shared else None
            flags[word.span()] = self._named(text, words, index) if flag is None else flag
        names = [word for word in words if flags[word.span()]]
        self._read = (text, flags, names)
        return names

    def _named(self, text: str, words: list[re.Match[str]], index: int) -> bool:
        """Is `words[index]` a name: alone (not beside another capitalised word, unless that one opens its sentence or
        follows a comma: "Pour Gouy", "Bonjour, Pour Beussent"), not a month, a weekday or a party's name, not
        opening its sentence unless it labels it ("Aubigny : …")? The cheap tests first: most open their sentence."""
        word = words[index]
        if _opens(text, word.start()) and not _LABEL.match(text, word.end()):
            return False
        if not _NAME.fullmatch(word.group()) or fold(word.group()) in self.excluded:
            return False
        before = index and not _opens(text, words[index - 1].start(), ",")
        return not (
            (before and _BETWEEN.fullmatch(text, words[index - 1].end(), word.start()))
            or (index + 1 < len(words) and _BETWEEN.fullmatch(text, word.end(), words[index + 1].start()))
        )


def _spans(text: str, names: list[re.Match[str]]) -> list[tuple[int, bool]]:
    """For each of `names` (in order), where what its mention says of it ends (its brackets, else the break after its
    last figure, before the next name or the sentence's end), and whether it gives figures."""
    found = []
    for index, name in enumerate(names):
        end = _SENTENCE_END.search(text, name.end())
        following = names[index + 1].start() if index + 1 < len(names) else len(text)
        stop = min(end.start() if end else len(text), following)
        last = next((i for i in range(stop - 1, name.end() - 1, -1) if text[i].isdigit()), -1)
        if last < 0:
            found.append((stop, False))
            continue
        brackets = _BRACKETS.match(text, name.end())
        after = _FIGURES_END.search(text, last, stop)
        found.append((max(brackets.end() if brackets else 0, after.end() if after else stop), True))
    return found


def _questions(text: str) -> list[tuple[int, int]]:
    """Where each question is: from its sentence's start to its "?", found from mark to mark (the spans of the
    pattern '[^.!?]*[?]' with line ends as marks too, which read each sentence again from each of its characters)."""
    spans, start = [], 0
    for mark in _MARK.finditer(text):
        if mark.group() == "?":
            spans.append((start, mark.end()))
        start = mark.end()
    return spans


def _inside(spans: list[tuple[int, int]], position: int) -> bool:
    """Whether `position` is in one of `spans` (in order, apart): the last one starting at or before it."""
    index = bisect_right(spans, (position, 1 << 62))
    return index > 0 and position < spans[index - 1][1]


def _opens(text: str, start: int, marks: str = "") -> bool:
    """Does the word at `start` open its sentence, a line or a list item (or follow one of `marks`)?"""
    before = text[max(0, start - 3) : start].rstrip(" \t")
    return not before or before[-1] in '.!?:;\n"«(' + marks or before.endswith(("-", "•", "*"))
