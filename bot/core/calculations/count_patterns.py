"""A count written before what it counts ("2 interventions", "3 autres séances", "2 x 25 min"): one pattern for a list
of counted words (knowledge/calculations.yaml: repeat_words, visit_words, count_adjectives)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..cost import alternation
from .cue_patterns import cue_pattern


def counted(words: list[str], signs: list[str] | None = None, between: Sequence[str] = ()) -> re.Pattern[str]:
    r"""A count written before one of `words` ("2 interventions", "3 fois"), maybe one of `between` after it ("2 autres
    séances"), or before one of `signs` touching the hours ("2 x 25 min", "2x25 min"), the number in group 1: the same
    matches as "(?<![\d.,])(\d{1,2})" first, written digit first (the regex engine jumps from digit to digit), to the
    word's end ("2 visites | par trimestre": a period after)."""
    sign = rf"|(?:{alternation(signs)}) ?(?=\d)" if signs else ""
    adjective = rf"(?:(?:{alternation(between)}) )?" if between else ""
    return re.compile(r"(\d(?<![\d.,]\d)\d?) ?" + adjective + "(?:" + cue_pattern(words).pattern + sign + r")[a-z]*")
