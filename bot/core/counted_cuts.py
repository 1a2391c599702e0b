"""A dictated message that says how many questions it asks, without a mark between them ("deux questions le cdg il
facture combien de l'heure le tribunal en cas de litige c'est lequel"): cut into that many pieces where each piece
reads best on its own.

The cuts run-on reading makes (topic_cuts.py) need a linking word or a question word said again, and a sure clause on
each side; a dictation often has neither ("… combien de l'heure | le tribunal …"). The count the writer said is what is
known: among the places where a question may start (before a linking word, an article, a subject pronoun or "si", never
after a preposition: knowledge/vocabulary.yaml), the cuts giving exactly that many pieces are chosen so that the
weakest piece reads best, then their sum: each piece read as the clause it names (the matcher's confidence) or as
another topic (the classifier's "hors sujet" probability, when all but certain: topic_cuts.RUN_ON_OUT), no piece under
MIN_PIECE_WORDS, and no two pieces side by side naming the same clause (that is one question)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from itertools import pairwise

from .phrases import alternatives
from .reading import Reading

MAX_COUNTED = 5  # the most questions a count announces (vocabulary list_counts)
# a question has a verb and its object ("qui signe la convention"), not a verb alone ("si je signe")
MIN_PIECE_WORDS = 4
ANNOUNCE_REACH = 40  # characters: the count opens the dictation ("alors voila trois trucs …", "deux choses euh …")
MAX_BOUNDARIES = 24  # places to cut tried at most (a dictation of a few questions; past them, none is made)

_MARKS = re.compile(r"[,;:()]")  # a sentence's marks: written, not dictated
PieceReading = Callable[[str], tuple[str, float]]  # a piece's clause ("" for another topic) and how well it reads so


class CountedCuts:
    """Cuts an unpunctuated sentence into the number of questions it announces."""

    def __init__(
        self, starts: tuple[str, ...], after: tuple[str, ...], counts: Callable[[str], int], reading: PieceReading
    ) -> None:
        # before one of these words, a question may start; not right after a linking word ("… combien et | on doit …"):
        # the question starts before it; nor after a preposition ("avant | la fin"): its object
        words = rf"(?:{alternatives(starts)})(?:(?<=['’])|(?![\w'’-]))"
        self._start = re.compile(rf"\s+(?={words})", re.IGNORECASE) if starts else None
        self._linked = re.compile(rf"(?<![\w'’-])(?:{alternatives(after)})$", re.IGNORECASE)
        self._counts = counts  # how many things a sentence announces ("trois questions": 3), 0 if none
        self._reading = reading

    @classmethod
    def of(cls, vocabulary: Reading, counts: Callable[[str], int], reading: PieceReading) -> CountedCuts:
        """The cuts of `vocabulary`'s words (knowledge/vocabulary.yaml): a question may start before a linking word, an
        article, a subject pronoun or "si", not after a preposition ("du", "des" are its forms: "la fin | des deux ans")."""
        v = vocabulary
        starts = (*v.linking_words, *v.listing_openers, *v.inverted_subjects, *v.if_words)
        return cls(
            tuple(w for w in starts if w not in v.prepositions), (*v.linking_words, *v.prepositions), counts, reading
        )

    def split(self, sentence: str, pieces: list[str]) -> list[str]:
        """`pieces` (the sentence's questions read so far), or the sentence cut into as many as it announces."""
        # said at its start, in a sentence without a mark ("… a vu 2 adresses pour La Fibre (Lille et Arras), il dde
        # laquelle est le siège" counts what was seen)
        wanted = self._counts(sentence[:ANNOUNCE_REACH]) if not _MARKS.search(sentence) else 0
        if self._start is None or not len(pieces) < wanted <= MAX_COUNTED:
            return pieces
        starts = [match.start() for match in self._start.finditer(sentence)]
        # the announcement opens the first question, never one of its own ("alors j'ai trois questions | le devis …")
        said = next((start for start in [*starts, len(sentence)] if self._counts(sentence[:start])), len(sentence))
        kept = (start for start in starts if start > said and not self._linked.search(sentence, 0, start))
        bounds = [0, *kept, len(sentence)]
        if len(bounds) - 2 > MAX_BOUNDARIES:
            return pieces
        read = cache(lambda start, end: self._piece(sentence, bounds[start], bounds[end]))
        # best[(first, last)] for k pieces: the best readings of k pieces ending with the piece first..last, the weakest
        # first (a piece cut too short or too long reads weakly), then their sum
        best: dict[tuple[int, int], tuple[float, float, tuple[int, ...]]] = {}
        for last in range(1, len(bounds)):
            if (score := read(0, last)) is not None:
                best[0, last] = (score[1], score[1], (0, last))
        for _ in range(wanted - 1):
            step: dict[tuple[int, int], tuple[float, float, tuple[int, ...]]] = {}
            for (first, middle), (weakest, total, cuts) in best.items():
                before = read(first, middle)
                for last in range(middle + 1, len(bounds)):
                    after = read(middle, last)
                    if after is None or (before and after[0] and after[0] == before[0]):
                        continue  # two pieces side by side on one clause: one question
                    value = (min(weakest, after[1]), total + after[1], (*cuts, last))
                    if (middle, last) not in step or step[middle, last][:2] < value[:2]:
                        step[middle, last] = value
            best = step
        ends = [value for (_, last), value in best.items() if last == len(bounds) - 1]
        if not ends:
            return pieces
        cuts = max(ends)[2]
        return [sentence[bounds[start] : bounds[end]].strip() for start, end in pairwise(cuts)]

    def _piece(self, sentence: str, start: int, end: int) -> tuple[str, float] | None:
        """The reading of one piece, None if it is too short to be a question."""
        text = sentence[start:end].strip()
        return self._reading(text) if len(text.split()) >= MIN_PIECE_WORDS else None
