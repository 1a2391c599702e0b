"""What the calculations read of a long message: its first and its last sentences, and the question it asks.

A message of up to FIGURES_CHARS characters (every message of the development and held-out sets: 939 at most) is read
whole. A longer one (a forwarded thread, several e-mails pasted one after another) is read by its start, where it says
what it is about (its subject, the convention's dates), and by its end, where it asks, each up to half of
FIGURES_CHARS and cut at a sentence's end; its question's own sentence is read too when it stands between them. The
calculations scan each text they read a few dozen times (cue words, dates, durations, amounts): a 4,096-character
message cost them twice the time of the same message cut to 2,000 characters, and the figures far from both its start
and its question are those of other exchanges than the one asked about.
"""

from __future__ import annotations

from .folding import share_start

FIGURES_CHARS = 2_000  # twice the longest message of the development and held-out sets
_ENDS = (". ", "? ", "! ")  # a sentence's end, then the next one


def window(text: str, keep: str = "") -> str:
    """`text` as the calculations read it: whole up to FIGURES_CHARS characters, else its first sentences, `keep` (the
    question's sentence) if it stands between, and its last sentences, joined by spaces."""
    if len(text) <= FIGURES_CHARS:
        return text
    half = FIGURES_CHARS // 2
    head, tail = _end_before(text, half), _start_after(text, len(text) - half)
    spans = [(0, head), (tail, len(text))]
    if keep and (at := text.find(keep)) != -1 and at + len(keep) > head and at < tail:
        spans.insert(1, (max(at, head), min(at + len(keep), tail)))  # the question, asked in the middle of the message
    return " ".join(piece for start, end in spans if (piece := text[start:end].strip()))


def _end_before(text: str, limit: int) -> int:
    """Where the last sentence ending before `limit` ends (its mark kept), else the last word before it."""
    end = max(text.rfind(mark, 0, limit + 1) for mark in _ENDS)
    return end + 1 if end > 0 else max(text.rfind(" ", 0, limit), 0) or limit


def _start_after(text: str, start: int) -> int:
    """Where the first sentence starting at or after `start` starts, else the first word after it."""
    found = [at for mark in _ENDS if (at := text.find(mark, start - 1)) != -1]
    if found:
        return min(found) + 2
    space = text.find(" ", start)
    return space + 1 if space != -1 else start


def shared(context: list[str]) -> str:
    """The context sentences a message's questions share, as the calculations read it (`window`), then a space ("" for
    no context): each question's text starts with it, folded once for all of them (folding.share_start)."""
    text = window(" ".join(context))
    share_start(text)
    return f"{text} " if context else ""
