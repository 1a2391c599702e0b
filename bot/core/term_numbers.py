"""Numbers as the terms read them: a number written with spaces between its thousands ("5 200") joined, and a
number written in words around "mille" or "cent" ("trois mille cinq cents") in digits, before the words are cut
(the words of a long text are cut at its spaces)."""

from __future__ import annotations

import re

# A number written with spaces between its thousands ("5 200", "1 000 000", also with a no-break or a narrow
# no-break space): one number, as "5200" is. Every group after the first holds exactly three digits ("59 62"
# stays two numbers); the first group's other digits, before the match, are checked by `_joined_number`. The
# regex opens on a digit, not on a look-behind: digits are rare in a message, so the scan skips most of it.
_SPACED_NUMBER = re.compile(r"[0-9](?:[ \u00a0\u202f][0-9]{3})+(?![0-9])")
_THOUSANDS_SPACES = str.maketrans("", "", " \u00a0\u202f")
# "trois mille cinq cents habitants": 3500. The first letter, then "not after a letter" checked behind it: the regex
# engine skips to the "m" and "c" (the same matches as "(?<!\w)(?:mille|cents?)(?!\w)", tried at every character).
_LARGE_NUMBER_WORDS = re.compile(r"(?:m(?<!\wm)ille|c(?<!\wc)ents?)(?!\w)")
NUMBER_REACH = 40  # characters around "mille" or "cent" that may hold the rest of the number
_DIGITS = frozenset("0123456789")


def numbers_joined(text: str) -> str:
    """`text` with its spaced numbers joined and its first number in words around "mille" or "cent" in digits."""
    text = _SPACED_NUMBER.sub(_joined_number, text)
    return _in_digits(text, large) if (large := large_number(text)) else text


def large_number(text: str) -> re.Match[str] | None:
    """The first number word of `text` read with the words around it ("trois mille cinq cents"), if any."""
    return _LARGE_NUMBER_WORDS.search(text) if "mille" in text or "cent" in text else None


def _in_digits(text: str, large: re.Match[str]) -> str:
    """`text` with the number around `large` in digits ("trois mille cinq cents" -> "3500"; "deux", "une" stay)."""
    from text_to_num import alpha2digit  # rarely needed: not loaded by every answer

    start = text.rfind(" ", 0, max(0, large.start() - NUMBER_REACH)) + 1  # whole words around it
    end = (text.find(" ", large.end() + NUMBER_REACH) + 1 or len(text) + 1) - 1
    return text[:start] + alpha2digit(text[start:end], "fr") + text[end:]


def _joined_number(match: re.Match[str]) -> str:
    """The matched number without its spaces, unless its first group is no group of thousands: more than
    three digits ("2025 100": a year, then a number) or a decimal or a reference ("1,5 200", "4.2.1 200")."""
    text, start = match.string, match.start()
    first = start
    while first > 0 and text[first - 1] in _DIGITS:
        first -= 1
        if start - first >= 3:
            return match[0]
    if first > 0 and text[first - 1] in ".,":
        return match[0]
    return match[0].translate(_THOUSANDS_SPACES)
