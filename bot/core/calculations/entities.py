"""A message about several communes (or other bodies), each with its own dates and amounts ("Agnez (entrée en vigueur
le 07/07/2025), Gouy (… le 30/10/2025) et Habarcq (… le 12/02/2026). Pour Gouy, à quelle date …?"): the calculations
read the figures of the one its question names, or of each one in turn when it names none or several.

A body is a capitalised word standing alone (not beside another capitalised word: "La Fibre", "Mme Caron" are no
commune) that labels its figures like a list's item ("Aubigny : …", "Agnez (…)", "Pour Beussent, signée le …"), inside
a sentence or opening it with ":" or "(", or right after a label word with no mark ("Pour Wancourt c'est le CDG qui a
signé …": calculations.yaml body_label_words), and that is not a month, a weekday or a party's or clause's name."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

from ..folding import written_start
from ..french import SUBJECT_WORDS, fold
from .base import sentence_start

# A capitalised word then the mark that lists it: the few words worth a closer look (most texts have none, or one).
# (Its capital first: the regex engine then skips every other character at once.)
# A compound name ("Hesmond-le-Petit", "Saint-Rémy-au-Bois") is a place's, listed or not.
_LISTED_NAME = re.compile(
    r"[A-ZÀ-Ý](?<![\w-][A-ZÀ-Ý])[a-zà-ÿ]+(?:(?:-[A-Za-zà-ÿ]+)*(?=\s*[:(,])|(?:-[A-Za-zà-ÿ]+)+(?![\w-]))"
)
_NAME_OR_SPACE = re.compile(r"[A-ZÀ-Ýa-zà-ÿ\s-]")  # what a listed name and the spaces after it are made of
_CAPITALISED_BEFORE = re.compile(r"[A-ZÀ-Ý][\w-]*[ \t]+$")  # "La Fibre", "Mme Caron": the word before is capitalised
_SENTENCE_END = re.compile(r"[.!?;\n]")
_QUESTION_MARK = re.compile(r"\?")
_LABEL = re.compile(r"\s*[:(]")  # "Aubigny : maire le 03/06/2025", "Agnez (entrée en vigueur …)"
_BRACKETS = re.compile(r"\s*\([^()]*\)")  # "Gouy (délibération le 18/09/2025, signatures … le 30/10/2025)"
_FIGURES_END = re.compile(r"[,;)]")  # what ends a body's figures ("Bezinghem, signée le 21/01/2026, quelles …")
_OPENING_LABEL = re.compile(r"^\s*[A-ZÀ-Ý][\w-]*\s*:(?=[^:]*$)")  # "Demande : …": its line's one label
MAX_BODIES = 6  # a message listing more capitalised words with figures is not a list of communes
# A capitalised word after a lowercase one, its figures before it ("3h à Beaumetz le matin, puis 2h à Rivière")
_NAME_AFTER_FIGURES = re.compile(r"(?<=[a-zà-ÿ'’] )[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-Za-zà-ÿ]+)*")
_CLAUSE_MARK = re.compile(r"[,;.!?:\n]")
_DIGIT = re.compile(r"\d")


class Entities:
    """Keeps, of a message naming several bodies with their figures, what is said of one of them."""

    def __init__(self, excluded: Iterable[str], labels: Iterable[str] = ()) -> None:
        self.excluded = frozenset(fold(word) for word in excluded)  # months, weekdays, parties' names
        # "Pour Wancourt c'est le CDG qui a signé …": a word that labels the capitalised one after it, no mark needed
        # (its capital first, the label read behind it: the regex engine skips every other character at once)
        after = "|".join(rf"(?<=\b{re.escape(w)} .)|(?<=\b{re.escape(w.capitalize())} .)" for w in labels)
        self._labelled = re.compile(rf"[A-ZÀ-Ý](?:{after})[a-zà-ÿ]+(?:-[A-Za-zà-ÿ]+)*(?![\w-])") if after else None
        self._last: tuple[str, list[re.Match[str]]] = ("", [])  # the parts of a message share its context
        self._context: tuple[str, list[re.Match[str]], int] = ("", [], 0)  # that context, its names, where they end

    def __getstate__(self) -> dict[str, object]:
        return {**self.__dict__, "_last": ("", []), "_context": ("", [], 0)}  # a pickled engine carries no message

    def scoped(self, text: str) -> str:
        """`text` without what it says of the bodies its question does not name, when it names exactly one of
        several bodies given their own figures; else `text`."""
        names = self._bodies(text)
        if not names:
            return self._scoped_after_figures(text) if "?" in text else text
        asked = self._asked(text, {fold(m.group()) for m in names})
        return self._kept(text, names, asked) or text if len(asked) == 1 else text

    def _scoped_after_figures(self, text: str) -> str:
        """`text` without the clauses giving figures of the bodies its question does not name, each body named after its
        figures ("… 3h à Beaumetz le matin, puis 2h à Rivière l'après-midi. Combien sera facturé à Beaumetz ?"), when
        it names exactly one of them; else `text`."""
        clauses = self._clauses_after_figures(text)
        names = {fold(m.group()) for m, _, _ in clauses}
        if not 2 <= len(names) <= MAX_BODIES or len(asked := self._asked(text, names)) != 1:
            return text
        kept, last = [], 0
        for name, start, end in clauses:
            if fold(name.group()) not in asked:
                kept.append(text[last:start])
                last = end
        return "".join(kept) + text[last:]

    def _clauses_after_figures(self, text: str) -> list[tuple[re.Match[str], int, int]]:
        """The bodies named right after their figures, each with its clause (from the punctuation or the body before it,
        to the punctuation or the next body): one giving figures before the name and none after it."""
        found = [m for m in _NAME_AFTER_FIGURES.finditer(text) if fold(m.group()) not in self.excluded]
        if len(found) < 2:
            return []
        marks = [m.end() for m in _CLAUSE_MARK.finditer(text)]
        clauses = []
        for index, name in enumerate(found):
            opening = bisect_right(marks, name.start())  # the marks before it
            start = max(marks[opening - 1] if opening else 0, found[index - 1].end() if index else 0)
            mark = _CLAUSE_MARK.search(text, name.end())
            end = mark.start() if mark else len(text)
            if index + 1 < len(found) and found[index + 1].start() < end:
                end = name.end()  # "2h à Arras et 3h à Lens": the next one's figures start its own clause
            if _DIGIT.search(text, start, name.start()) and not _DIGIT.search(text, name.end(), end):
                clauses.append((name, start, end))
        return clauses

    def each(self, text: str) -> list[tuple[str, str]]:
        """Each body the message gives its own figures, with the message as it reads for that one alone, when the
        question does not name exactly one ("Pour Beussent, signée le …, et pour Bezinghem, signée le …, quelles … ?");
        [] otherwise."""
        names = self._bodies(text)
        bodies = {fold(m.group()): m.group() for m in names}
        if not names or len(self._asked(text, set(bodies))) == 1:
            return []
        kept = [(written, self._kept(text, names, {name})) for name, written in bodies.items()]
        return [(written, body) for written, body in kept if body]

    def _bodies(self, text: str) -> list[re.Match[str]]:
        """The mentions of the bodies of `text` that give figures, when there are two to MAX_BODIES of them."""
        last, found_last = self._last  # one read: another thread may set it in between
        if last == text:
            return found_last
        found: list[re.Match[str]] = []
        if "?" in text:
            names = self._names(text)
            found = [m for m in names if self._span(text, names, m)[1]]
            if not 2 <= len({fold(m.group()) for m in found}) <= MAX_BODIES:
                found = []
        self._last = (text, found)
        return found

    def _names(self, text: str) -> list[re.Match[str]]:
        """The capitalised words of `text` that label a body, those of the context a message's questions share
        (folding.share_start) found once: up to its last character that no name nor the spaces after one may hold
        (`_LISTED_NAME` and `_LABEL` read no further from a word before it), the context is read as the text is."""
        if not (shared := written_start(text)):
            return [m for m in self._found(text, 0, len(text)) if self._is_name(text, m)]
        last, known, settled = self._context  # one read: another thread may set it in between
        if last is not shared:
            settled = len(shared)
            while settled and _NAME_OR_SPACE.fullmatch(shared[settled - 1]):
                settled -= 1
            known = [m for m in self._found(shared, 0, settled) if self._is_name(shared, m)]
            self._context = (shared, known, settled)
        return known + [m for m in self._found(text, settled, len(text)) if self._is_name(text, m)]

    def _found(self, text: str, start: int, end: int) -> list[re.Match[str]]:
        """The capitalised words a mark lists, or a label word stands right before, in `text[start:end]`, in order."""
        found = list(_LISTED_NAME.finditer(text, start, end))
        if self._labelled is None or not (labelled := list(self._labelled.finditer(text, start, end))):
            return found
        starts = {m.start() for m in found}
        return sorted([*found, *(m for m in labelled if m.start() not in starts)], key=re.Match.start)

    def _is_name(self, text: str, match: re.Match[str]) -> bool:
        if _opens(text, match.start()) and not _LABEL.match(text, match.end()):
            return False  # "Bonjour,", "Merci,": a word opening its sentence names a body only as a label
        before = text[max(0, match.start() - 40) : match.start()]
        # "Pour Gouy", "Bonjour, Pour Beussent": a capitalised word opening its sentence does not make a name
        if (word := _CAPITALISED_BEFORE.search(before)) and not _opens(before, word.start(), ","):
            return False
        return fold(match.group()) not in self.excluded

    @staticmethod
    def _asked(text: str, names: set[str]) -> set[str]:
        """The bodies the questions name, each in its sentence, else the one opening the sentence before: its subject
        ("Héninel veut arrêter à l'issue de sa première période. Jusqu'à quand peut-elle écrire ?"; not "La Fibre a
        facturé 640 € à Ayette. Quel est le total pour les trois communes ?")."""
        asked: set[str] = set()
        for mark in _QUESTION_MARK.finditer(text):  # each question: back to its sentence's start
            start = sentence_start(text, mark.start(), ".!?\n")
            named = _named(text[start : mark.start()], names)
            opening = text[sentence_start(text, start - 1, ".!?\n") : start].split()[:SUBJECT_WORDS]
            if not named and len(subject := _named(" ".join(opening), names)) == 1:
                named = subject
            asked |= named
        return asked

    def _kept(self, text: str, names: list[re.Match[str]], asked: set[str]) -> str:
        """`text` without the figures of the bodies other than `asked` ("" when `asked` has none of its own)."""
        if not any(fold(m.group()) in asked for m in names):
            return ""  # the asked one's own figures: else the others' may be its own too
        kept, last = [], 0
        for name in names:
            if fold(name.group()) not in asked:
                kept.append(text[last : name.start()])
                last = self._span(text, names, name)[0]
        return "".join(kept) + text[last:]

    @staticmethod
    def _span(text: str, names: list[re.Match[str]], name: re.Match[str]) -> tuple[int, bool]:
        """Where what a name's mention says of it ends (its brackets, else the break after its last figure, before
        the next name or the sentence's end), and whether it gives figures."""
        following = next((m.start() for m in names if m.start() > name.start()), len(text))
        end = _SENTENCE_END.search(text, name.end(), following)
        stop = end.start() if end else following
        last = max(text.rfind(digit, name.end(), stop) for digit in "0123456789")
        if last < 0:
            return stop, False
        brackets = _BRACKETS.match(text, name.end())
        after = _FIGURES_END.search(text, last, stop)
        return max(brackets.end() if brackets else 0, after.end() if after else stop), True


def _named(sentence: str, names: set[str]) -> set[str]:
    """The bodies of `names` a sentence names; a label opening it names what it is, not a body ("Demande : … ?")."""
    folded = fold(_OPENING_LABEL.sub("", sentence))
    # "Givenchy ne veut pas continuer …?" names "Givenchy-lès-Noyelles": a compound name by its first part too
    return {
        name
        for name in names
        if any(re.search(rf"(?<![\w-]){re.escape(part)}(?![\w-])", folded) for part in {name, name.split("-")[0]})
    }


def _opens(text: str, start: int, marks: str = "") -> bool:
    """Does the word at `start` open its sentence, a line or a list item (or follow one of `marks`)?"""
    before = text[max(0, start - 3) : start].rstrip(" \t")
    return not before or before[-1] in '.!?:;\n"«(' + marks or before.endswith(("-", "•", "*"))
