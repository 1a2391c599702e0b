"""Items labelled with a number: "Observation n° 1 : …", "Question 2 : …", dictated "Question deux : …" are read as the
items "1) …", "2) …" of a list, at a line's start or after a sentence's end (a dictated message has no line breaks)."""

from __future__ import annotations

import re

from .french import fold
from .number_words import number_in_words
from .phrases import alternatives

MAX_LABEL = 20  # "Question trois" labels an item; "Point quarante" would not


class ItemLabels:
    """Writes labelled items ("Question deux : …") as numbered ones ("2) …")."""

    def __init__(self, labels: tuple[str, ...]) -> None:
        words = alternatives(labels)  # knowledge/vocabulary.yaml item_labels
        self._labelled = re.compile(
            rf"(^|(?<=[.!?])[ \t]+)[ \t]*(?:{words})[ \t]*(?:n[ \t]*[°º][ \t]*|no\.?[ \t]+)?(\d{{1,2}}|[^\W\d_]+)[ \t]*:",
            re.I | re.M,
        )

    def numbered(self, text: str) -> str:
        """`text` with each labelled item written "N) …"."""
        return self._labelled.sub(self._item, text)

    @staticmethod
    def _item(found: re.Match[str]) -> str:
        number = found.group(2)
        count = int(number) if number.isdigit() else number_in_words(fold(number))
        return f"{found.group(1)}{count})" if 0 < count <= MAX_LABEL else found.group(0)
