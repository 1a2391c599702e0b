"""Alternatives a message sets side by side ("Scénario 1 : 10 interventions de 3 h … Scénario 2 : 8 interventions de
5 h …", "option A : … ; option B : …"): each is computed on its own, never added to the others
(knowledge/calculations.yaml, `alternative_labels`)."""

from __future__ import annotations

import re

from ..cost import alternation
from ..french import fold, original_length

MAX_ALTERNATIVES = 4  # more labels are a numbered list, not alternatives to weigh
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


class Alternatives:
    """Splits a message into its labelled alternatives."""

    def __init__(self, labels: list[str]) -> None:
        self._words = sorted({fold(label) for label in labels}, key=len, reverse=True)
        words = alternation(self._words)
        # a label, its number or letter, then its colon or bracket: "scenario 1 :", "option b)"
        self._label = re.compile(rf"(?<![a-z])(?:{words})\s+(\d{{1,2}}|[a-d])\s*[:)]") if labels else None

    def split(self, text: str) -> list[tuple[str, str]]:
        """Each alternative's label as written and the message as it reads for that one alone (the words before the
        first label and after the last one's sentence kept), when it labels two to MAX_ALTERNATIVES of them; else []."""
        folded = fold(text)
        if self._label is None or not any(word in folded for word in self._words):  # most messages weigh none
            return []
        found = list(self._label.finditer(folded))
        names = [m.group(1) for m in found]
        if not 2 <= len(set(names)) <= MAX_ALTERNATIVES or len(names) != len(set(names)):
            return []
        starts = [original_length(text, m.start()) for m in found]
        heads = [original_length(text, m.end()) for m in found]
        last_end = _SENTENCE_END.search(text, heads[-1])
        tail = last_end.end() if last_end else len(text)
        before, after = text[: starts[0]], text[tail:]
        return [
            (text[start:head].rstrip(" :)"), f"{before}{text[start:end]} {after}")
            for start, head, end in zip(starts, heads, [*starts[1:], tail], strict=True)
        ]
