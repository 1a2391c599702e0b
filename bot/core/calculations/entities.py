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


class Entities:
    """Keeps, of a message naming several bodies with their figures, what is said of the one its question names."""

    def __init__(self, excluded: Iterable[str]) -> None:
        self.excluded = frozenset(fold(word) for word in excluded)  # months, weekdays, parties' names

    def scoped(self, text: str) -> str:
        """`text` without what it says of the bodies its question does not name, when it names exactly one of
        several bodies given their own figures; else `text`."""
        if "?" not in text:
            return text
        names = self._names(text)
        if len({fold(m.group()) for m in names}) < 2:
            return text
        questions = [m.span() for m in _ASKED.finditer(text)]
        in_question = [any(a <= m.start() < b for a, b in questions) for m in names]
        asked = {fold(m.group()) for m, inside in zip(names, in_question, strict=True) if inside}
        if len(asked) != 1:
            return text
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

    def _names(self, text: str) -> list[re.Match[str]]:
        words = list(_CAPITALISED.finditer(text))
        opening = [_opens(text, word.start()) for word in words]  # "Pour Gouy": "Pour" opens its sentence
        names = []
        for index, word in enumerate(words):
            alone = not (
                (index and not opening[index - 1] and _BETWEEN.fullmatch(text, words[index - 1].end(), word.start()))
                or (index + 1 < len(words) and _BETWEEN.fullmatch(text, word.end(), words[index + 1].start()))
            )
            named = alone and _NAME.fullmatch(word.group()) and fold(word.group()) not in self.excluded
            if named and (not opening[index] or _LABEL.match(text, word.end())):
                names.append(word)
        return names


def _opens(text: str, start: int) -> bool:
    """Does the word at `start` open its sentence, a line or a list item?"""
    before = text[max(0, start - 3) : start].rstrip(" \t")
    return not before or before[-1] in '.!?:;\n"«(' or before.endswith(("-", "•", "*"))
