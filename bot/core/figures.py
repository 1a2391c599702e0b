"""What the calculations read of a message: of one answered whole, its text (whole_figures); of one asking several
questions, the context its questions share, then each question's own words (part_reader.py). The whole context is
read, however long: a long message's dates, hours and amounts in its middle are its own (the last signature of a list may be there), so no part of it is left out to save
time (tried in session 10: a window of the start and end of a message over 2,000 characters read the first signature
of a list and gave a wrong deadline; rejected, see tests/data/trust-audit.yaml)."""

from __future__ import annotations

import re

from .folding import share_start
from .lists import ENDED, ended_items
from .message import Message
from .sign_offs import SignOffs

_SENTENCE_END = re.compile(r"[.!?…]\s*$")


def shared(context: list[str]) -> str:
    """The context sentences a message's questions share, joined, then a space ("" for no context): each question's
    text starts with it, folded once for all of them (folding.share_start)."""
    # a sentence ending with no mark (a list item's line, a chat's line) ends with ";": its hours and role words stop
    # there ("12/10 : sur place 2h" then "26/10 : …" is no "2h 26")
    text = " ".join(sentence if ENDED.search(sentence) else f"{sentence} ;" for sentence in context)
    share_start(text)
    return f"{text} " if context else ""


def with_own(figures: str, context: list[str], own: str) -> str:
    """What the calculations read for one question: the shared `figures` of `context`, then its `own` words; a context
    sentence its own words already hold is read once ("Le CDG est venu 2h le 3/11 et 1h30 le 17/11. Ça fait combien ?":
    the question is read with the sentence before it, whose hours were counted twice: 7 h). It is taken out of the
    question's words, not out of the shared context: the context stays the start every question's text shares."""
    for sentence in context:
        if sentence and sentence in own:
            own = own.replace(sentence, " ", 1)
    return figures + " ".join(own.split())


def chat_lines(text: str) -> str:
    """`text` with each line ended by ";" when none but the last ends a sentence with a mark: a chat's lines, each a
    sentence ("le CDG est venu 2 fois / lundi 1h et jeudi 1h30 / 20 min de route a chaque fois": "1h30" is no hours
    of the line after it). An e-mail wrapped mid-sentence has full stops at some of its lines' ends: left as it is."""
    lines = text.split("\n")
    if len(lines) < 3 or any(_SENTENCE_END.search(line) for line in lines[:-1]):
        return text
    return "\n".join(line if ENDED.search(line) or not line.strip() else f"{line} ;" for line in lines)


def whole_figures(message: Message, written: str, sign_offs: SignOffs) -> str:
    """What the calculations read of a message answered whole: a forwarded message without its header ("Envoyé : … 10:12"
    is no duration) but its sender ("De : La Fibre …": whose "nous"), a list item's figures to its line's end, then the
    forwarder's words if it asks nothing; else the message, its signature's figures blanked ("Tél. … lundi et mercredi
    14h-17h30" is no visit)."""
    itemized = chat_lines(ended_items(message.forwarded or written))
    if not message.forwarded and itemized == written:
        return " ".join(sign_offs.unfigured(written).split())
    # the forwarder's own words after a text that asks nothing (hers ask: "le maire la signera le vendredi 11 décembre,
    # date limite ?"), their signature's blanked; not after one that asks ("?"): her words are then about forwarding it
    asked = "?" in message.forwarded
    own = " ".join(sign_offs.unfigured(message.outside).split()) if message.forwarded and not asked else ""
    figures = " ".join(f"{itemized} {own}".split())
    return f"{message.sender}. {figures}" if message.sender else figures
