"""Cleaning a raw message before it is read: no control characters, markup (HTML, Markdown's bold) or web addresses, plain
spaces, and at most one Telegram message long."""

from __future__ import annotations

import re
import unicodedata

MAX_QUESTION_CHARS = 4096  # a Telegram message; longer input is cut, not refused
# What carries no words: invisible characters, ANSI codes, markup tags, web addresses. Each invisible character
# is an alternative of its own, so that every alternative opens with one character (none opens with the same):
# the regex engine then skips the characters none opens with, three times faster than with a class first.
_INVISIBLE = (*range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2060, 0x2065), 0xFEFF)
# Markdown's bold ("**Objet :**", "__Q1__", copied from a web form or a chat) is markup too: "Objet :" must read as a
# header's field, "Q1 :" as a list's label. So is a tag in capitals in square brackets ("[URGENT]", "[EXTERNE]",
# "[RELANCE]"), an e-mail's subject label: its word is no topic. Underscores touching no word are a form's blank to fill
# ("conclue pour ___ ans"), kept: a line holding one asks (pieces.py).
_NOISE = re.compile(
    "|".join(map(chr, _INVISIBLE))
    + r"|\x1b\[[0-9;?]*[ -/]*[@-~]|</?[a-zA-Z][^<>]{0,80}>|https?://\S+|\*\*+|(?<=\w)__+|__+(?=\w)|\[[A-ZÀ-Ý0-9][A-ZÀ-Ý0-9 '’/&.-]{1,30}\]"
)

# A task list's box opening a line ("- [ ] délai de prévenance", "[x] rappeler le plombier", copied from Planner, Notion
# or Markdown) is a checklist's: empty, an item to fill in (lists.py reads "☐" as a list's bullet); ticked, a thing done.
_TASK_BOX = re.compile(r"^([ \t]*)(?:[-*•][ \t]*)?\[([ xX✓✔]?)\](?=[ \t])", re.MULTILINE)


def _box(match: re.Match[str]) -> str:
    return match.group(1) + ("☐" if match.group(2).strip() == "" else "☑")


# Line breaks, tabs and no-break spaces are spaces (and printable once replaced). Replaced one by one:
# str.replace scans in C, where str.translate looks each character of a long message up in a dict.
_COMMON_SPACES = tuple((char, " ") for char in "\n\r\t\xa0\u202f\u2009")
_LINE_SPACES = (*((char, " ") for char in "\t\xa0\u202f\u2009"), ("\r", "\n"))
# A spoken elision before a consonant: written French elides only before a vowel or a mute h. "c'", "d'", "l'", "j'",
# "m'", "n'", "s'", "t'" are then "ce", "de", "le", "je"… said quickly ("combien d'temps", "l'maire", "j'peux",
# "c'matin"); another consonant lost the mute "e" of its own word ("r'partir", "v'nir": "repartir", "venir").
# The apostrophe first, its letter checked behind it: the regex engine then skips from apostrophe to apostrophe (a
# look-behind first was tried at every character); the apostrophe alone is replaced, the letter kept before it.
_SPOKEN_ELISION = re.compile(r"['’](?<=(?<![\w'’])[bcdfgjlmnpqrstvz]['’])(?=[bcdfgjklmnpqrstvwxzç])", re.IGNORECASE)
_FUNCTION_WORD_LETTERS = "cdljmnstCDLJMNST"  # "ce", "de", "le", "je", "me", "ne", "se", "te"
# A word cut at a line's end with a hyphen, as scanned or typeset letters print it ("la conven-\ntion"): one word again
# (a compound cut at its own hyphen, "peut-\nêtre", loses it: no word list tells them apart, and matching hardly cares)
_HYPHENATED = re.compile(r"-(?<=[a-zà-ÿ]-)[ \t]*\r?\n[ \t]*(?=[a-zà-ÿ])")  # the hyphen first: found fast
_MARKS_LINE = re.compile(r"\n([?!]+)(?=\n|$)")  # a line of question or exclamation marks only (a chat's burst)


def _unelided(match: re.Match[str]) -> str:
    return "e " if match.string[match.start() - 1] in _FUNCTION_WORD_LETTERS else "e"


def clean(question: str, *, lines: bool = False) -> str:
    """The question without control characters, markup or addresses, cut to a Telegram message; with
    `lines`, its non-empty lines each cleaned, one per line (a line break ends a sentence or a list item)."""
    visible = question[: MAX_QUESTION_CHARS * 2]
    if "[" in visible:
        visible = _TASK_BOX.sub(_box, visible)
    visible = _NOISE.sub(" ", visible)
    visible = _HYPHENATED.sub("", visible)
    for char, space in _LINE_SPACES if lines else _COMMON_SPACES:
        if char in visible:
            visible = visible.replace(char, space)
    if not visible.replace("\n", "").isprintable():  # rare: a test per character only when one may be invisible
        visible = "".join(
            char if char == "\n" or unicodedata.category(char) not in ("Cc", "Cf", "Zl", "Zp") else " "
            for char in visible
        )
    if lines:
        text = "\n".join(" ".join(words) for words in map(str.split, visible.split("\n")) if words)
        if "\n?" in text or "\n!" in text:  # "c'est ttc ou ht\n?\net la fibre…": a mark alone ends the line before
            text = _MARKS_LINE.sub(r" \1", text)
    else:
        text = " ".join(visible.split())
    if "'" in text or "’" in text:
        text = _SPOKEN_ELISION.sub(_unelided, text)
    if len(text) > MAX_QUESTION_CHARS:  # cut between words: a half word would read as an unknown one
        text = text[: MAX_QUESTION_CHARS + 1].rsplit(" ", 1)[0]
    return text
