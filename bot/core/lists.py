"""Lists written on one line ("Deux questions : a) … b) …", "(i) … ; (ii) …", "1. … 2. …", "Trois points :
- … - …", "• … • …"), written one item a line so that the reader reads them as it reads a list written line by
line (bot/core/message.py): each item a question, the words announcing them context."""

from __future__ import annotations

import re

__all__ = ["inline_items"]

# The marks of a list written on one line ("a) … b) …", "(i) … (ii) …", "1. … 2. …"): a run of them counting
# up from the first value ("a", "i", "1") makes each its own item, as if on its own line.
_INLINE_MARK = re.compile(
    r"(?<![\w(.,/-])\(?(?:(\d{1,2})([).°/-])|([a-hA-H]|i{1,3}|iv|vi{0,3}|I{1,3}|IV|VI{0,3})(\)))\s+(?=\S)"
)
_FIRST_VALUES = ("a", "i", "1")
# Dash bullets on one line ("Trois points : - le tarif - la durée - le tribunal"); "•" needs no colon.
_INLINE_DASH = re.compile(r"(?<=\s)[-•–—]\s+(?=\w)")
_INLINE_BULLET = re.compile(r"(?<=\s)•\s+(?=\w)")


def inline_items(text: str) -> str:
    """`text` with the items of a list written on one line each on its own line, the words announcing them
    ending with a colon ("Deux questions : a) … b) …", "je voudrais savoir (1) … (2) …", "Trois points :
    - … - …"): the reader then reads them as it reads a list written line by line."""
    starts: list[int] = []
    if ")" in text or any(f"1{closing}" in text for closing in ".°/-"):  # a first mark: "a)", "(i)", "1.", "1/"
        marks = [
            (m.start(), (m.group(1) or m.group(3)).lower(), m.group(2) or m.group(4))
            for m in _INLINE_MARK.finditer(text)
        ]
        for first in (m for m in marks if m[1] in _FIRST_VALUES):
            run, expected = [first[0]], _next_value(first[1])
            for start, value, closing in marks:
                if start > run[-1] and value == expected and closing == first[2]:
                    run.append(start)
                    expected = _next_value(expected)
            if len(run) > len(starts):
                starts = run
    if len(starts) < 2 and any(dash in text for dash in "-–—•"):
        # After a colon, two dashes make a list; without one, three ("qq questions - … - … - …"): two dashes
        # alone may set a phrase apart ("la convention - signée en 2024 - prévoit-elle …").
        colon = text.find(":")
        dashes = [m.start() for m in _INLINE_DASH.finditer(text, max(colon, 0))]
        starts = dashes if len(dashes) >= (2 if colon >= 0 else 3) else []
    if len(starts) < 2 and "•" in text:
        bullets = [m.start() for m in _INLINE_BULLET.finditer(text)]
        starts = bullets if len(bullets) >= 2 else []
    if len(starts) < 2:
        return text
    line_start = text.rfind("\n", 0, starts[0]) + 1
    announce = text[line_start : starts[0]].rstrip()
    colon = ":" if any(c.isalnum() for c in announce) and not announce.endswith(":") else ""
    pieces = [text[:line_start] + announce + colon]
    pieces += [text[start:end].rstrip() for start, end in zip(starts, [*starts[1:], len(text)], strict=True)]
    return "\n".join(pieces)


def _next_value(value: str) -> str:
    """The value after `value` in a list's marks: "b" after "a", "ii" after "i", "3" after "2"."""
    if value.isdigit():
        return str(int(value) + 1)
    romans = ("i", "ii", "iii", "iv", "v", "vi", "vii")
    if value in romans and value != "v":
        return romans[romans.index(value) + 1]
    return chr(ord(value) + 1)
