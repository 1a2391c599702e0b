"""A text folded with its words spaced once (`folded`), the start a message's questions share folded once.

Each question of a message is read by the calculations with the message's context before it (part_reader.py):
2-4 KB, another question after it, folded again by each reader (the calculations, their dates, their numbers).
`fold` goes word by word (words split at U+0020, see french.py), so the fold of a start, a space and the rest is
their folds joined by that space, and spacing the words once ("a  b" → "a b") spaces each side alone: the start
shared is folded once (`share_start`), each question's text only past it.
"""

from __future__ import annotations

from .french import fold

_starts: tuple[tuple[str, str], ...] = ()  # (a start shared, its `folded`), set at once: threads see one whole
_forms: tuple[str, ...] = ()  # the start shared in other forms (its digits: number_text.py)
_dones: tuple[str, ...] = ()  # every form of the start shared, folded (`folded_start` looks for them)
# The forms looked for, the last text looked at and the form it starts with: each calculator asks of its text in turn.
_found: tuple[tuple[str, ...], str, str] = ((), "", "")
_last = ("", "")  # the last other text folded, and its fold


def folded(text: str) -> str:
    """`text` folded, one space between its words: `" ".join(fold(text).split())`."""
    global _last
    for start, done in _starts:
        if text.startswith(start) and text[len(start) : len(start) + 1] == " ":
            rest = " ".join(fold(text[len(start) + 1 :]).split())
            return f"{done} {rest}" if done and rest else done or rest
    last, done = _last  # one read: another thread may set it in between
    if last != text:  # a message asking one question: each calculator folds it in turn
        done = " ".join(fold(text).split())
        _last = (text, done)
    return done


def share_start(start: str) -> None:
    """The texts folded next start with `start` and a space (a message's context): fold it once, and its fold
    too (the calculators fold the folded text again)."""
    global _starts, _forms, _dones
    once = " ".join(fold(start).split())
    _starts = ((start, once), (once, " ".join(fold(once).split()))) if start else ()
    _forms = ()
    _dones = tuple(done for _, done in _starts if done)


def share_form(form: str) -> None:
    """The next texts may also start with `form` and a space: the shared start in another form (its digits)."""
    global _forms, _dones
    _forms = (form,)
    _dones = (*(done for _, done in _starts if done), form)


def folded_start(folded: str) -> str:
    """The start the next texts share (`share_start`), folded (or in a form of `share_form`), when the folded text
    `folded` starts with it and a space; else ""."""
    global _found
    dones = _dones
    seen, last, found = _found  # one read: another thread may set it in between
    if last is not folded or seen is not dones:
        found = next((d for d in dones if folded.startswith(d) and folded[len(d) : len(d) + 1] == " "), "")
        _found = (dones, folded, found)
    return found


def written_start(text: str) -> str:
    """The start the next texts share (`share_start`), as written, when `text` starts with it and a space; else ""."""
    starts = _starts  # one read: another thread may set it in between
    start = starts[0][0] if starts else ""
    return start if start and text.startswith(start) and text[len(start) : len(start) + 1] == " " else ""
