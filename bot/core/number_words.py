"""Numbers written in words in a dictated date ("le deux aout deux mille vingt-cinq"), read by text2num."""

from __future__ import annotations

import re
from functools import lru_cache

SPOKEN = re.compile(r"[a-z -]+")  # number words only: no digit, no punctuation


def year_in_words(folded: str, end: int) -> tuple[int, int] | None:
    """The year written in words right after `end` ("deux mille vingt-cinq et …" → 2025) and where it ends."""
    spoken = re.match(r"[a-z\s-]*", folded[end : end + 60]).group(0)  # type: ignore[union-attr]  # to a comma, a digit…
    words = list(re.finditer(r"\S+", spoken))[:5]
    for count in range(len(words), 0, -1):
        # "deux mille" alone is as likely an amount ("le 15 mars deux mille euros") as the year 2000: not read
        if 2000 < (year := number_in_words(" ".join(word.group(0) for word in words[:count]))) <= 2100:
            return year, end + words[count - 1].end()
    return None


@lru_cache(maxsize=1024)
def number_in_words(words: str) -> int:
    """The number `words` write entirely ("dix-sept" → 17, "premier" → 1), else 0."""
    if not SPOKEN.fullmatch(words):
        return 0
    from text_to_num import alpha2digit  # rarely needed: not loaded by every answer

    digits = re.fullmatch(r"(\d+)(?:er)?", alpha2digit(words, "fr", threshold=0))
    return int(digits.group(1)) if digits else 0


def count_of(count: str) -> int | None:
    """A count in digits or in words ("trois", "vingt et un"), or None when it is no number ("quelques")."""
    if count.isdigit():
        return int(count)
    from text_to_num import text2num  # rarely needed: not loaded by every answer

    try:
        return int(text2num(count, "fr"))
    except ValueError:
        return None
