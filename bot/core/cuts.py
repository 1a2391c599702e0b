"""Where one asking sentence may hold two questions: commas and linking words ("qui est responsable, | et peut-on
résilier ?"), enumerators ("première question … | deuxième question …") and, without "?" (dictated, SMS), a question
starting mid-sentence ("… compétent | combien dure …"). `pieces.py` keeps the cuts where the piece after them asks."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from text_to_num import alpha2digit

from .lists import CountedLists
from .phrases import PhraseFinder
from .reading import Reading

_AFTER_ENUMERATOR = re.compile(r"[\s,:.-]*")
_ONE_LETTER_END = re.compile(r"(?<!\w)\w[\s'’]+$")  # "c'est ce que": "est ce que" is no question there
ASKING_REACH = 80  # an asking phrase takes the question starting this close after it ("savoir | combien")


@dataclass(frozen=True)
class Cut:
    """Where a sentence may hold two questions: a comma or a linking word ("punctuation"), a question
    starting without punctuation ("start"), or an enumerator said before a question ("enumerator")."""

    start: int
    end: int
    kind: str


class Cutter:
    """Finds the cuts of a sentence."""

    def __init__(
        self, reading: Reading, asking_phrases: tuple[str, ...], piece_end: re.Pattern[str], counted: CountedLists
    ) -> None:
        self._piece_end = piece_end  # a comma, a semicolon or a linking word
        self._starts = PhraseFinder(reading.question_starts)  # a question starting without punctuation
        self.enumerators = PhraseFinder(reading.question_enumerators)
        self.ordinals = PhraseFinder(reading.ordinal_enumerators)
        self._sequence = frozenset(reading.sequence_words)  # "premièrement", "deuxièmement": only ever a list's
        self._counted = counted  # "deux choses", "trois points"
        self._asking_phrases = PhraseFinder(asking_phrases)
        self._last: tuple[str, bool, list[Cut]] = ("", False, [])

    def split(self, question: str, *, starts: bool) -> tuple[list[str], list[str]]:
        """`question` cut where a new question may start: its pieces and separators alternating (as
        `re.split` gives them), and the kind of each separator."""
        split: list[str] = []
        kinds: list[str] = []
        position = 0
        for cut in self.cuts(question, starts=starts):
            split += [question[position : cut.start], question[cut.start : cut.end]]
            kinds.append(cut.kind)
            position = cut.end
        split.append(question[position:])
        return split, kinds

    def cuts(self, question: str, *, starts: bool = True) -> list[Cut]:
        """See `_find_cuts` (the last sentence's cuts are kept: `asks`, then `pieces` ask for them)."""
        last = self._last  # one read: another thread answering at once may replace it
        if last[:2] != (question, starts):
            last = self._last = (question, starts, self._find(question, starts=starts))
        return last[2]

    def _find(self, question: str, *, starts: bool) -> list[Cut]:
        """Where `question` may hold two questions, in order, none overlapping: commas and linking words,
        enumerators ("deuxième question"), and question starts after words of their own ("… compétent
        combien dure …"), but not right after an asking phrase ("savoir | combien") nor after a one-letter
        word ("c'est ce que")."""
        found = [Cut(start, end, "punctuation") for start, end in link_ends(self._piece_end, question)]
        ordinals = self.ordinals.find(question)
        sequenced = [m for m in ordinals if m.group().lower() in self._sequence]  # not "la première facture"
        questions = self._starts.find(question) if starts or ordinals else []
        opened = {match.start() for match in questions}
        # An enumerator with the spaces and marks around it; an ordinal only before a question ("la deuxième |
        # qui paie"), or after the count of what is asked ("pour deux choses la première c'est la durée …").
        counted = bool(ordinals) and self._counted.counts(question)
        listed = len(sequenced) > 1  # "premièrement, si …, et, deuxièmement, quel …": they count the questions
        for match, ordinal in [*((m, False) for m in self.enumerators.find(question)), *((m, True) for m in ordinals)]:
            end = match.end() + len(_AFTER_ENUMERATOR.match(question, match.end())[0])
            if not ordinal or end in opened or listed or (counted and self._counted.counts(question[: match.start()])):
                found.append(Cut(len(question[: match.start()].rstrip()), end, "enumerator"))
        for match in questions if starts else ():
            before = question[max(0, match.start() - 60) : match.start()]
            # not after the question word it says again ("qui | c'est qui va l'aider": spoken "who is it who")
            said_again = bool(before.split()) and before.split()[-1].lower() in match.group().lower().split()
            if before[-1:].isspace() and not _ONE_LETTER_END.search(before) and not said_again:
                found.append(Cut(match.start() - (len(before) - len(before.rstrip())), match.start(), "start"))
        found.sort(key=lambda cut: (cut.start, -cut.end))
        # Where an asking phrase ends: a question starting right after one is its object.
        asked = [match.end() for match in self._asking_phrases.find(question)] if starts else []
        cuts: list[Cut] = []
        for cut in found:
            end = cuts[-1].end if cuts else 0
            if cut.kind == "enumerator" and cut.start < end and cuts[-1].kind == "punctuation" and cut.end > end:
                cuts[-1] = Cut(cuts[-1].start, cut.end, cut.kind)  # ", la deuxième": the comma and the enumerator
                continue
            if cut.start < end or (cut.kind == "start" and cut.start <= end):
                continue  # inside another cut, or a question start right after a comma: one cut
            after = bisect_left(asked, max(end, cut.start - ASKING_REACH))
            if cut.kind == "start" and after < len(asked) and asked[after] <= cut.start:
                continue  # what it asks is the object of "pouvez-vous nous dire", "je voudrais savoir"
            cuts.append(cut)
        return cuts


def link_ends(piece_end: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """Where a piece of `text` may end: the matches of `piece_end` (a comma, a semicolon, the spaces before a linking
    word), but not inside a number said in words."""
    return [m.span() for m in piece_end.finditer(text) if not _inside_number(text, m.start(), m.end())]


def _inside_number(question: str, start: int, end: int) -> bool:
    """Is the cut between `start` and `end`, the space before a linking word, inside a number said in words ("le vingt
    et un octobre", "trente et une heures") as text2num reads it? Then it joins no two questions."""
    before, after = question[max(0, start - 20) : start].split()[-1:], question[end : end + 40].split()[:2]
    if question[start:end].strip() or not before or len(after) < 2 or not (before[0] + after[1]).isalpha():
        return False
    link = after[0].lower()
    return link not in alpha2digit(f"{before[0]} {link} {after[1]}".lower(), "fr").split()
