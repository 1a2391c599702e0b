"""Answers as Telegram HTML: everything from users or the knowledge base is escaped, and
long messages are split under Telegram's limit without cutting a tag, an entity or an emoji.
"""

from __future__ import annotations

import re
import unicodedata
from functools import partial
from html import escape as html_escape

from ..core.answer import Answer, Citation
from ..core.schema import Clause

MESSAGE_LIMIT = 4096
# Telegram needs only <, > and & escaped; apostrophes stay readable in the HTML source.
escape = partial(html_escape, quote=False)
# Telegram counts UTF-16 code units; measuring the HTML source that way is on the safe side.
_TAG = re.compile(r"(<[^>]+>|&[#\w]+;)")


def answer_html(answer: Answer) -> str:
    """The short answer, then each citation: reference and title in bold, quote in a blockquote.
    A message with several questions gets numbered sections, one per question, each with its citation."""
    if answer.parts:
        return "\n\n".join(
            f"<b>{number}. {escape(part.question)}</b>\n" + _single_html(part, part.citations[:1])
            for number, part in enumerate(answer.parts, start=1)
        )
    return _single_html(answer, answer.citations)


def _single_html(answer: Answer, citations: tuple[Citation, ...]) -> str:
    return "\n\n".join([escape(answer.text), *(citation_html(citation) for citation in citations)])


def citation_html(citation: Citation) -> str:
    return f"<b>{escape(citation.ref)} — {escape(citation.title)}</b>\n<blockquote>« {escape(citation.quote)} »</blockquote>"


def clause_html(clause: Clause, full_text: str) -> str:
    """A whole clause, verbatim, for "Texte complet" and /article."""
    return f"<b>{escape(clause.ref)} — {escape(clause.title)}</b>\n<blockquote>{escape(full_text)}</blockquote>"


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def split_html(html: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Cut `html` into parts of at most `limit` UTF-16 units, each with balanced tags.

    Cuts fall on paragraph, line or word boundaries when possible; a tag still open at a
    cut is closed there and reopened in the next part.
    """
    if utf16_length(html) <= limit:
        return [html]
    parts: list[str] = []
    open_tags: list[str] = []  # the opening tags, as written, of the elements still open
    current = ""

    def closing() -> str:
        return "".join(f"</{_name(tag)}>" for tag in reversed(open_tags))

    for whole in _pieces(html):
        piece = whole
        while piece:
            room = limit - utf16_length(current) - utf16_length(closing())
            if utf16_length(piece) <= room:
                current, piece = current + piece, ""
            elif current != "".join(open_tags):  # this part holds something: close it, go on in a new one
                parts.append(current + closing())
                current = "".join(open_tags)
            elif piece.startswith(("<", "&")):  # a tag or an entity is never cut
                current, piece = current + piece, ""
            else:  # one word longer than a whole part: cut it between two characters
                cut = _safe_cut(piece, room)
                parts.append(current + piece[:cut] + closing())
                current, piece = "".join(open_tags), piece[cut:]
        if whole.startswith("</"):
            if open_tags:
                open_tags.pop()
        elif whole.startswith("<"):
            open_tags.append(whole)
    if current != "".join(open_tags):
        parts.append(current + closing())
    return parts


def _pieces(html: str) -> list[str]:
    """Tags, entities, and runs of text ending after a space or newline."""
    pieces: list[str] = []
    for chunk in _TAG.split(html):
        if not chunk:
            continue
        if _TAG.fullmatch(chunk):
            pieces.append(chunk)
        else:
            pieces.extend(word for word in re.split(r"(?<=[ \n])", chunk) if word)
    return pieces


def _name(tag: str) -> str:
    return tag.strip("</>").split()[0]


def _safe_cut(text: str, room: int) -> int:
    """The largest cut inside `text` that fits `room` UTF-16 units and splits no character cluster."""
    cut = 0
    used = 0
    for index, char in enumerate(text):
        width = 2 if ord(char) > 0xFFFF else 1
        if used + width > room:
            break
        used += width
        cut = index + 1
    while 0 < cut < len(text) and _joins(text[cut - 1], text[cut]):
        cut -= 1
    return max(cut, 1) if room > 0 else 0


def _joins(before: str, after: str) -> bool:
    """True if a cut between `before` and `after` would break an emoji or an accented letter."""
    return (
        after == "\u200d"
        or before == "\u200d"
        or unicodedata.combining(after) > 0
        or "\ufe00" <= after <= "\ufe0f"
        or "\U0001f3fb" <= after <= "\U0001f3ff"
        or ("\U0001f1e6" <= before <= "\U0001f1ff" and "\U0001f1e6" <= after <= "\U0001f1ff")
        or "\U000e0020" <= after <= "\U000e007f"
    )
