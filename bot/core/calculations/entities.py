"""A message about several communes (or other bodies), each with its own dates and amounts, asking about one of them
("Agnez (entrée en vigueur le 07/07/2025), Gouy (… le 30/10/2025) et Habarcq (… le 12/02/2026). Pour Gouy, à quelle
date …?"): the calculations read that one's figures, not the others'.

A name is a capitalised word standing alone (not beside another capitalised word: "La Fibre", "Mme Caron" are no
commune), inside a sentence or labelling it ("Aubigny : …"), that is not a month, a weekday or a party's name."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..french import fold

_CAPITALISED = re.compile(r"(?<![\w-])[A-ZÀ-Ý][\w-]*")
_NAME = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-Za-zà-ÿ]+)*")  # "Gouy", "Saint-Omer", not "CDG"
_BETWEEN = re.compile(r"[ \t]+")  # two capitalised words one after the other: "La Fibre", "Mme Caron"
_SENTENCE_END = re.compile(r"[.!?;\n]")
_LABEL = re.compile(r"\s*[:(]")  # "Aubigny : maire le 03/06/2025", "Agnez (entrée en vigueur …)"
_ASKED = re.compile(r"[^.!?\n]*\?")
# Another body is one of a list, labelled like the others ("Agnez (…), Habarcq : …", "Pour Hermaville, …"): a name
# followed by a verb ("Mme Dupont a signé le …") is a person's, whose figures may be the asked body's own.
_LISTED = re.compile(r"\s*[:(,]")
_BRACKETS = re.compile(r"\s*\([^()]*\)")  # "Gouy (délibération le 18/09/2025, signatures … le 30/10/2025)"
_FIGURES_END = re.compile(r"[,;)]")  # what ends a body's figures ("Bezinghem, signée le 21/01/2026, quelles …")


class Entities:
    """Keeps, of a message naming several bodies with their figures, what is said of the one its question names."""

    def __init__(self, excluded: Iterable[str]) -> None:
        self.excluded = frozenset(fold(word) for word in excluded)  # months, weekdays, parties' names

    def scoped(self, text: str) -> str:
        """`text` without what it says of the bodies its question does not name, when it names exactly one of
        several bodies given their own figures; else `text`."""
        names = self._names(text) if "?" in text else []
        if len({fold(m.group()) for m in names}) < 2:
            return text
        questions = [m.span() for m in _ASKED.finditer(text)]
        asked = {fold(m.group()) for m in names if any(a <= m.start() < b for a, b in questions)}
        if len(asked) != 1:
            return text
        outside = [m for m in names if not any(a <= m.start() < b for a, b in questions)]
        return self._kept(text, outside, asked) or text

    def each(self, text: str) -> list[tuple[str, str]]:
        """Each body a message gives its own figures ("Pour Beussent, signée le 07/07/2025, et pour Bezinghem, signée
        le 21/01/2026, quelles … ?"), with the message as it reads for that one alone; [] for fewer than two."""
        names = self._names(text) if "?" in text else []
        if len({fold(m.group()) for m in names}) < 2:
            return []
        bodies = {
            fold(m.group()): m.group() for m in names if self._span(text, names, m)[1] and _LISTED.match(text, m.end())
        }
        if len(bodies) < 2:
            return []
        kept = [(written, self._kept(text, names, {name})) for name, written in bodies.items()]
        return [(written, body) for written, body in kept if body]

    def _kept(self, text: str, names: list[re.Match[str]], asked: set[str]) -> str:
        """`text` without the figures of the bodies other than `asked` ("" when `asked` has none of its own)."""
        cuts: list[tuple[int, int]] = []
        own = False  # the asked one's own figures: else the others' may be its own too
        for name in names:
            stop, figures = self._span(text, names, name)
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

    @staticmethod
    def _span(text: str, names: list[re.Match[str]], name: re.Match[str]) -> tuple[int, bool]:
        """Where what a name's mention says of it ends (its brackets, else the break after its last figure, before
        the next name or the sentence's end), and whether it gives figures."""
        following = [m.start() for m in names if m.start() > name.start()]
        end = _SENTENCE_END.search(text, name.end())
        stop = min(end.start() if end else len(text), following[0] if following else len(text))
        digits = [i for i in range(name.end(), stop) if text[i].isdigit()]
        if not digits:
            return stop, False
        brackets = _BRACKETS.match(text, name.end())
        after = _FIGURES_END.search(text, digits[-1], stop)
        return max(brackets.end() if brackets else 0, after.end() if after else stop), True

    def _names(self, text: str) -> list[re.Match[str]]:
        words = list(_CAPITALISED.finditer(text))
        opening = [_opens(text, word.start()) for word in words]  # "Pour Gouy": "Pour" opens its sentence
        leading = [_opens(text, word.start(), ",") for word in words]  # "Bonjour, Pour Beussent": so does this one
        names = []
        for index, word in enumerate(words):
            alone = not (
                (index and not leading[index - 1] and _BETWEEN.fullmatch(text, words[index - 1].end(), word.start()))
                or (index + 1 < len(words) and _BETWEEN.fullmatch(text, word.end(), words[index + 1].start()))
            )
            named = alone and _NAME.fullmatch(word.group()) and fold(word.group()) not in self.excluded
            if named and (not opening[index] or _LABEL.match(text, word.end())):
                names.append(word)
        return names


def _opens(text: str, start: int, marks: str = "") -> bool:
    """Does the word at `start` open its sentence, a line or a list item (or follow one of `marks`)?"""
    before = text[max(0, start - 3) : start].rstrip(" \t")
    return not before or before[-1] in '.!?:;\n"«(' + marks or before.endswith(("-", "•", "*"))
