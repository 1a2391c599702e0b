"""What the calculations read of a message asking several questions: the context its questions share, then each
question's own words (part_reader.py). The whole context is read, however long: a long message's dates, hours and
amounts in its middle are its own (the last signature of a list may be there), so no part of it is left out to save
time (tried in session 10: a window of the start and end of a message over 2,000 characters read the first signature
of a list and gave a wrong deadline; rejected, see tests/data/trust-audit.yaml)."""

from __future__ import annotations

from .folding import share_start


def shared(context: list[str]) -> str:
    """The context sentences a message's questions share, joined, then a space ("" for no context): each question's
    text starts with it, folded once for all of them (folding.share_start)."""
    text = " ".join(context)
    share_start(text)
    return f"{text} " if context else ""
