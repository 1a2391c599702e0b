"""A text's French number words written in digits ("vingt-cinq heures" → "25 heures") by `text2num` (a maintained
parser of French numbers), for the patterns of durations, amounts and dates that read digits (cost.py)."""

from __future__ import annotations

import re

from text_to_num import alpha2digit

from .folding import folded as fold_spaced
from .folding import folded_start, share_form
from .french import fold

# An elided letter and its apostrophe before a letter ("d'une"), found from the apostrophe, the letter and the
# word boundary before it checked behind: the same places as "\b([a-z]')(?=[a-z])", ten times faster on a
# long text (no look-behind tried at every position).
_ELISION = re.compile(r"'(?<=(?<!\w)[a-z]')(?=[a-z])")
# ... and written without its apostrophe, as in SMS ("une visio dune heure vingt", "dun quart d'heure")
_BARE_ELISION = re.compile(r"(?<![\w'])(?<!la )(?<!les )(?<!une )d(?=une? \w)")  # not "la dune de sable"


def elided(word: str) -> str:
    """`word` folded and split after an elision as `digits` splits it ("de l'heure" → "de l' heure")."""
    return " ".join(_ELISION.sub("' ", fold(word)).split())


def digits(question: str) -> str:
    """`question` folded, its French number words written in digits ("vingt-cinq" → "25").

    The context a message's questions share (folding.share_start) is read once, apart from each question: a
    question's numbers are its own words, never read on from the context's last words (text2num reads "neuf"
    after some words as a word, not a number)."""
    global _context, _last
    folded = fold_spaced(question)  # one space at most between words: patterns stay linear
    if not (start := folded_start(folded)):
        last, done = _last  # one read: another thread may set it in between
        if last != folded:  # a message asking one question: its prices, periods and cap read it in turn
            done = _digits(folded)
            _last = (folded, done)
        return done
    last, done = _context  # one read: another thread may set it in between
    if last != start:
        done = _digits(start)
        _context = (start, done)
    share_form(done)  # the texts in digits of the message's questions start with it: scanned once (rescan.py)
    return f"{done} {_digits(folded[len(start) + 1 :])}"


def in_figures(words: str) -> str:
    """`words` folded, written as `digits` writes them ("une seule fois" → "1 seule fois"), for cue words read in
    `digits` text; the message caches of `digits` are left alone."""
    return _digits(fold_spaced(words))


_context = ("", "")  # the context of the last message's questions, folded, and its digits
_last = ("", "")  # the last other text read, folded, and its digits


def _digits(folded: str) -> str:
    folded = folded.encode("utf-8", "replace").decode("utf-8")  # a lone surrogate cannot cross into text2num
    folded = _ELISION.sub("' ", folded)  # "d'une heure": text2num reads "une" only as a word of its own
    folded = _BARE_ELISION.sub("d' ", folded) if "dun" in folded else folded
    return alpha2digit(folded, "fr", threshold=0) if re.search(r"[a-z]", folded) else folded  # text2num reads words
