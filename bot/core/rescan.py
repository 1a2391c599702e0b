"""A scan of a long text that reads again only what differs from the last text it scanned.

Each question of a message is read by the calculations with the message's context before it: the same 2-4 KB,
another question after it. A scan that finds items left to right (regex matches, names found in turn) reads the
same items in the shared start again and again. `Rescan` keeps the last text's items and scans the new text
only from where the two may differ. A text that starts with the context a message's questions share
(folding.share_start) is scanned as if that context alone was the last text: the context is scanned once, and the
scans of other texts in between (a question alone, a text in digits) do not make the next text's scan whole again.

Why the items it keeps are the ones a whole scan of the new text finds: a bounded scanner decides at a position
from the characters at most `reach` after it (and any before it); a space-local one reads none past the next
space (a number pattern: "15/03/2025" holds no space, nor does what it checks after it). Both texts are the same
before `shared`, the length of their shared start: from every position before `cut` (`shared - reach`, or the
last space before `shared`) the two scans decide alike, so they find the same items there. The new text is
scanned from `cut`, or from the end of the last item kept when that item reaches past it (a scan of the whole
text resumes there: from a position inside an item it might find another one).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from .folding import folded_start

T = TypeVar("T")
Item = tuple[int, int, T]  # where it starts, where the scan resumes after it, what it reads there
# The text the scans read last, and per text read before it (by identity) the length of the start they share: the
# scans of one text compare it with the few texts each read last (the questions of the message before it).
_shared: tuple[str, dict[int, tuple[str, int]]] = ("", {})
STRIDE = 256  # characters compared at once before the binary search (each comparison copies its part of `last`)


def shared_start(last: str, text: str) -> int:
    """The length of the start `last` and `text` share."""
    global _shared
    if text.startswith(last):  # the same text again, or its start: one comparison
        return len(last)
    current, known = _shared
    if current is not text:
        known = {}
        _shared = (text, known)  # set at once: another thread sees a text with its own lengths
    if (hit := known.get(id(last))) is not None and hit[0] is last:
        return hit[1]
    low, high = 0, min(len(last), len(text))
    while low + STRIDE <= high and text.startswith(last[low : low + STRIDE], low):  # a stride at a time: few copies
        low += STRIDE
    high = min(high, low + STRIDE)  # they differ within the next stride (or end there)
    while low < high:  # the longest shared start: a binary search of C comparisons
        middle = (low + high + 1) // 2
        if text.startswith(last[low:middle], low):
            low = middle
        else:
            high = middle - 1
    known[id(last)] = (last, low)
    return low


class Rescan(Generic[T]):
    """`scan(text, start, key)` gives the items a whole scan of `text` finds from `start` on (`start` being where
    such a scan stands, never inside an item), in order; `key` is what else they depend on (today's date).
    `reach` bounds what the scanner reads after a position it decides at; None: it reads nothing past a space."""

    def __init__(self, scan: Callable[[str, int, Hashable], list[Item[T]]], reach: int | None) -> None:
        self._scan = scan
        self._reach = reach
        self._last: tuple[str, Hashable, list[Item[T]]] = ("", None, [])  # set at once: threads see one whole
        self._context: tuple[str, Hashable, list[Item[T]]] = ("", None, [])  # the shared context's, the same

    def __getstate__(self) -> dict[str, object]:
        return {**self.__dict__, "_last": ("", None, []), "_context": ("", None, [])}  # no message pickled

    def __call__(self, text: str, key: Hashable) -> list[Item[T]]:
        last, last_key, items = self._last
        if (start := folded_start(text)) and not (last_key == key and text.startswith(last)):
            last, last_key, items = self._context
            if last is not start or last_key != key:
                last, last_key, items = start, key, self._scan(start, 0, key)
                self._context = (last, last_key, items)
        shared = shared_start(last, text) if last_key == key else 0
        cut = max(0, shared - self._reach) if self._reach is not None else max(0, text.rfind(" ", 0, shared))
        kept = items[: bisect_left(items, cut, key=lambda item: item[0])]
        found = kept + self._scan(text, max(cut, kept[-1][1]) if kept else cut, key)
        self._last = (text, key, found)
        return found


class SentenceSearch:
    """Whether a pattern matches a text, the context a message's questions share (folding.share_start) searched once
    up to its last sentence's mark, each question's text only from there.

    For a pattern whose matches hold no sentence mark (".", "!", "?") but as their first character, and that looks
    past a match for no more than a letter (`(?![a-z])`): its matches in a text lie each within a sentence (from a mark
    to the next one), so the context's sentences before its last mark hold a match in every text starting with it,
    or none; the rest is the text's own."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self._context: tuple[str, int, bool] = ("", 0, False)  # the context, its last mark, a match before it

    def __getstate__(self) -> dict[str, object]:
        return {**self.__dict__, "_context": ("", 0, False)}  # a pickled engine carries no message

    def search(self, folded: str) -> bool:
        if not (shared := folded_start(folded)):
            return self.pattern.search(folded) is not None
        last, mark, found = self._context  # one read: another thread may set it in between
        if last is not shared:
            mark = max(0, *(shared.rfind(sign) for sign in ".!?"))
            found = self.pattern.search(shared, 0, mark) is not None
            self._context = (shared, mark, found)
        return found or self.pattern.search(folded, mark) is not None


class Spans:
    """Where the matches of a pattern in a text from a start on start and end, kept for the two texts read last: two
    scans of a message's context (rescan.py) read it from its start in turn."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self._last: tuple[tuple[str, int, list[tuple[int, int]]], ...] = (("", 0, []), ("", 0, []))

    def __getstate__(self) -> dict[str, object]:
        return {**self.__dict__, "_last": (("", 0, []), ("", 0, []))}  # a pickled engine carries no message

    def __call__(self, text: str, start: int) -> list[tuple[int, int]]:
        last = self._last  # one read: another thread may set it in between
        for read, first, spans in last:
            if read is text and first == start:
                return spans
        spans = [match.span() for match in self.pattern.finditer(text, start)]
        self._last = ((text, start, spans), last[0])
        return spans


class SentenceFinds:
    """The matches of a pattern in a text, those in the context a message's questions share (folding.share_start) up to
    its last sentence's mark found once, each question's text scanned only from there.

    For a pattern whose matches hold no sentence mark (".", "!", "?"), that looks behind a match freely and past it at
    most two characters, a mark and the one after it, reading a space and the end of the text alike there (`(?!\\.\\d)`):
    a match starting before the context's last mark ends at it or before, and is found alike in the context alone and
    in every text that starts with it and a space (what is read there is the same or, one character past the mark, a
    space or the end); past the last match before the mark, the scan of the whole text finds none up to the mark, so it
    goes on from there as a scan started at the mark does."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self._context: tuple[tuple[str, int, list[re.Match[str]]], ...] = ()  # the context's forms, their matches

    def __getstate__(self) -> dict[str, object]:
        return {**self.__dict__, "_context": ()}  # a pickled engine carries no message

    def __call__(self, text: str) -> list[re.Match[str]]:
        if not (shared := folded_start(text)):
            return list(self.pattern.finditer(text))
        known = self._context  # one read: another thread may set it in between
        hit = next((entry for entry in known if entry[0] is shared), None)
        if hit is None:
            mark = max(0, *(shared.rfind(sign) for sign in ".!?"))
            hit = (shared, mark, [m for m in self.pattern.finditer(shared) if m.start() < mark])
            self._context = (hit, *known[:1])  # the context folded and in digits: both read by turns
        _, mark, found = hit
        return found + list(self.pattern.finditer(text, mark))
