"""Alternatives a message sets side by side ("Scénario 1 : 10 interventions de 3 h … Scénario 2 : 8 interventions de
5 h …", "option A : … ; option B : …"): each is computed on its own, never added to the others
(knowledge/calculations.yaml, `alternative_labels`)."""

from __future__ import annotations

import re

from ..cost import alternation
from ..folding import folded as fold_spaced
from ..french import fold, original_length
from ..rescan import SentenceFinds

MAX_ALTERNATIVES = 4  # more labels are a numbered list, not alternatives to weigh
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


class Alternatives:
    """Splits a message into its labelled alternatives."""

    def __init__(self, labels: list[str]) -> None:
        # One word each, no sentence mark (calculation_checks.py says so of the knowledge base): see `split`.
        self._words = sorted({fold(label).strip() for label in labels}, key=len, reverse=True)
        words = alternation(self._words)
        # a label, its number or letter, then its colon or bracket: "scenario 1 :", "option b)"
        self._label = re.compile(rf"(?<![a-z])(?:{words})\s+(\d{{1,2}}|[a-d])\s*[:)]") if labels else None
        self._labels = SentenceFinds(self._label) if self._label else None  # no mark: a context's labels found once

    def split(self, text: str) -> list[tuple[str, str]]:
        """Each alternative's label as written and the message as it reads for that one alone (the words before the
        first label and after the last one's sentence kept), when it labels two to MAX_ALTERNATIVES of them; else []."""
        # Most messages weigh none: their labels are looked for in the text folded with its words spaced once, whose
        # context a message's questions share is folded once (folding.py). A label holds no space and the pattern
        # reads spaces only as `\s+` or `\s*`: that text holds the same labels, with the same names, as `folded`.
        if self._label is None or self._labels is None:
            return []
        spaced = fold_spaced(text)
        if not any(word in spaced for word in self._words) or not _weighed([m.group(1) for m in self._labels(spaced)]):
            return []
        folded = fold(text)
        found = list(self._label.finditer(folded))  # the same labels, placed in the text as written
        starts = [original_length(text, m.start()) for m in found]
        heads = [original_length(text, m.end()) for m in found]
        last_end = _SENTENCE_END.search(text, heads[-1])
        tail = last_end.end() if last_end else len(text)
        before, after = text[: starts[0]], text[tail:]
        return [
            (text[start:head].rstrip(" :)"), f"{before}{text[start:end]} {after}")
            for start, head, end in zip(starts, heads, [*starts[1:], tail], strict=True)
        ]


def _weighed(names: list[str]) -> bool:
    """Do these labels' names set two to MAX_ALTERNATIVES alternatives side by side, each once?"""
    return 2 <= len(set(names)) <= MAX_ALTERNATIVES and len(names) == len(set(names))
