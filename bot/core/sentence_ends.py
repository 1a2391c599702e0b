"""Where a message's sentences end: at . ! ? … (a question mark ends one even without a space after it), or at a
line break; "4.2.1" and "1.600" are not cut since no space follows their dots, nor "2. " at a line's start (a
numbered item: message.py drops its number). A text holding ")" is also cut before "2) ".

A full stop then "?" or "!" on its line ends no sentence: an abbreviation's ("Objet exact de la conv. ?").

The cuts are those of "(?<=\\?)\\s*|(?<=[.!…])(?<!^\\d\\.)(?<!^\\d\\d\\.)(?!(?<=\\.)[^\\S\\n]+[?!])\\s+|\\s*\\n+\\s*" (and
"|\\s+(?=\\(?\\d{1,2}\\)\\s)"),
found from the characters they follow or open: a mark (the cut starts after it) or a space (the cut starts there).
The pattern opens with the class of those characters, so that the regex engine skips the others (twice as fast
on 4,096 characters as a look-behind tried at every character; `tests/test_fast_paths.py` compares the cuts with
the plain pattern's).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

_MARKS = "?.!…"
_LINE_MARKS = tuple(_MARKS + ":;,)»")  # a line ending with one of these is punctuated (bare_line)
_ABBREVIATION = re.compile(r"[^\S\n]+[?!]")  # after a full stop, on its line: an abbreviation's ("la conv. ?")
_ALTERNATIVE = re.compile(r"ou\s")  # after an ellipsis, on its line: the other choice of the same question
_ITEM_AHEAD = re.compile(r"\(?\d{1,2}\)\s")  # a numbered item's mark ("2) ", "(2) "): a cut before one
_CODE_NUMBER = re.compile(r"[^\S\n]+\d")  # after "L." or "R.", on its line: a code's article ("article L. 1612-1")
_LOWER_AFTER = re.compile(r"[^\S\n]+[a-zà-ÿ]")  # after an initial ("Mme D."), on its line: the sentence goes on
EXCLAIMED_WORDS = 3  # words before the colon of an exclamation ("Quel week-end :")
# The character a cut follows (a mark) or opens with (a space) first, one class the regex engine skips to, then the
# rest of the cut as the character just read allows it.
# A mark then a closing bracket or quote ends a sentence too, before a capital ("(… du Département.) Combien …").
_AFTER = (
    r"(?<=\?)\s*|(?<=[.!…])(?<!^\d\.)(?<!^\d\d\.)\s+|(?<=\n)\s*|(?<=[^\S\n])[^\S\n]*\n\s*"
    r"|(?<=[.!?…][)»][^\S\n])[^\S\n]*(?=[A-ZÀ-Þ])"
)
_END = re.compile(rf"[{_MARKS}\s](?:{_AFTER})", re.MULTILINE)
_NUMBERED_END = re.compile(rf"[{_MARKS}\s](?:{_AFTER}|(?<=\s)\s*(?=\(?\d{{1,2}}\)\s))", re.MULTILINE)  # for ")" texts
# A text on one line without ")" nor "»": every cut follows a mark, the engine skips to the marks only (0.46 -> 0.13 ms on
# 4,096 characters; the cuts that open with a space all hold a line break).
_MARK_END = re.compile(r"[?.!…](?:(?<=\?)\s*|(?<=[.!…])(?<!^\d\.)(?<!^\d\d\.)\s+)")


class Titles:
    """Title abbreviations ("M", "Mme"): a full stop right after one ends no sentence ("M. Baert"); so after one of
    `notes`, abbreviations of notes in either case of their first letter ("Rés. conv. de la cne")."""

    def __init__(self, words: Iterable[str], notes: Iterable[str] = ()) -> None:
        noted = [spelling for note in notes for spelling in (note, note[:1].upper() + note[1:])]
        words = sorted({*words, *noted}, key=len, reverse=True)
        self._pattern = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, words))})\Z") if words else None
        self._reach = len(words[0]) + 1 if words else 0  # the longest, and the character before it
        self._lasts = frozenset(word[-1] for word in words if word)  # a full stop after another letter: no title
        # A title then a capitalised name ("M. Garcia demande …", "Me Carlier"): a person, who names no topic.
        # (The titles' first letters ahead: the regex engine skips to them, the look-behind is tried only there.)
        titles, firsts = (
            "|".join(map(re.escape, words)),
            "".join(sorted({re.escape(word[0]) for word in words if word})),
        )
        name = rf"(?=[{firsts}])(?<!\w)(?:{titles})\.?\s+[A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]*)?"
        self.names = re.compile(name) if words else None

    def end_at(self, text: str, at: int) -> bool:
        """Does a title end right before the full stop at `at`?"""
        if text[at - 1 : at] not in self._lasts:
            return False
        return bool(self._pattern and self._pattern.search(text, max(0, at - self._reach), at))


def sentences(text: str, titles: Titles | None = None) -> list[str]:
    """`text` cut at its sentences' ends (what `re.split` with the plain pattern gives), not after `titles` ("M. Baert")."""
    return list(each_sentence(text, titles))


def each_sentence(text: str, titles: Titles | None = None) -> Iterator[str]:
    """`sentences`, one after the other: a reader stopping at a signature cuts no further."""
    start = 0
    pattern = _NUMBERED_END if ")" in text else _END if "\n" in text or "»" in text else _MARK_END
    for end in pattern.finditer(text):
        at = end.start()
        if text[at] == "." and (
            _ABBREVIATION.match(text, at + 1)
            or (titles and titles.end_at(text, at))
            or _code_article(text, at)
            or _initial(text, at)
        ):
            continue  # "M. Baert": a title, not a sentence's end; "Objet de la conv. ?": an abbreviation's dot
        if text[at].isspace() and _inside_bracket(text, start, at, end.end()):
            continue  # "dernière signature (CDG 62) le 27/11": a number inside a bracket, not an item's "2) "
        if _ALTERNATIVE.match(text, end.end()) and (text[at] == "…" or text.endswith("...", 0, at + 1)):
            continue  # "il faut un avenant je suppose… ou une lettre suffit ?": an alternative goes on the sentence
        yield text[start : at + (text[at] in _MARKS)]  # a mark stays with its sentence
        start = end.end()
    yield text[start:]


def _inside_bracket(text: str, start: int, at: int, after: int) -> bool:
    """Whether the cut at `at` (its sentence from `start`) comes before a number closing a bracket opened on its line."""
    inside = "\n" not in text[at:after] and text.count("(", start, at) > text.count(")", start, at)
    return inside and bool(_ITEM_AHEAD.match(text, after))


def _code_article(text: str, at: int) -> bool:
    """Is the full stop at `at` that of a code's part letter before its article's number ("article L. 1612-1 du
    CGCT", "R. 2131-1"): one capital letter standing alone, then a number on the same line?"""
    letter = text[at - 1 : at]
    alone = at < 2 or not text[at - 2].isalnum()
    return letter.isupper() and letter.isascii() and alone and bool(_CODE_NUMBER.match(text, at + 1))


def _initial(text: str, at: int) -> bool:
    """Is the full stop at `at` that of a name's initial, the sentence going on in lower case on its line ("pour
    remplacer Mme D. qui part en mai ?")?"""
    letter = text[at - 1 : at]
    alone = at < 2 or not text[at - 2].isalnum()
    return letter.isupper() and alone and bool(_LOWER_AFTER.match(text, at + 1))


def bare_line(sentence: str) -> bool:
    """A sentence ended by a line break with no mark (a chat burst: "le CDG compte le trajet ?" then "ça dure cmb de
    temps la convention au fait"): it asks wherever a question word stands, like a message without any mark."""
    return not sentence.rstrip().endswith(_LINE_MARKS)


def exclaimed(sentence: str, end: str) -> bool:
    """Does a sentence exclaim rather than ask, in a message whose questions end with "?": it ends with "!" ("Quel
    week-end !"), or its first few words stand before a colon, a statement after it ("Quelle journée : le salon a
    accueilli 300 visiteurs.")?"""
    head, colon, _ = sentence.partition(":")
    return "?" not in sentence and (end == "!" or (end == "." and bool(colon) and len(head.split()) <= EXCLAIMED_WORDS))
