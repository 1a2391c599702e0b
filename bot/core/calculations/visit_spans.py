"""How long visits said for a period go on (knowledge/calculations.yaml `visit_spans:`): "pendant 6 mois" is half a
year, "sur toute l'année" one, "sur toute la durée de la convention" its first period's two; "de janvier à juin" six
months."""

from __future__ import annotations

import re
from fractions import Fraction

from ..calendar_names import calendar_names
from ..cost import alternation
from ..deadlines import PERIOD
from ..french import fold
from ..visit_schema import VisitSpans
from ..word_patterns import folded_words

MONTHS = 12


class Spans:
    """The spans of visits a folded text says."""

    def __init__(self, spans: VisitSpans) -> None:
        self._units = {fold(unit): count for unit, count in spans.units.items()}  # "mois": 12 a year
        links, units = alternation(map(fold, spans.links)), alternation(self._units)
        article = rf"(?:(?:{alternation(map(fold, spans.articles))}) )?" if spans.articles else ""
        term = alternation(map(fold, spans.whole_term)) if spans.whole_term else r"(?!x)x"  # the convention's 2 years
        year = r"(?P<year>20\d\d)(?!\d)"  # "tous les deux mois en 2027": a calendar year
        # "sur toute l'année": one unit
        single, bare = (_articles(words) for words in (spans.single_articles, spans.bare_articles))
        number = rf"{article}(\d{{1,3}}|une?) |(?:{single})"
        linked = rf"(?:{links}) (?:(?:{number})({units})|(?P<term>{term})|{year})"
        span = rf"(?<![a-z])(?:{linked}|(?:{bare})(?P<whole>{units}))(?![a-z])"  # "par mois toute l'année": no link
        self._span = re.compile(span) if links and units else None
        # "2 h par mois de février à décembre inclus": the months from one to the other, both counted
        self._month_numbers = {fold(name): number for number, name in enumerate(calendar_names().months, 1)}
        names = alternation(self._month_numbers)
        self._month_range = re.compile(rf"(?:de|d')\s*({names}) (?:a|au|jusqu'a|jusqu'en|jusqu'au mois de) ({names})\b")
        # "sauf en août", "hors juillet-août", "excepté juillet et août": months left out of a year of visits
        left_out = alternation(map(fold, spans.exclusions)) if spans.exclusions else r"(?!x)x"
        self._left_out = re.compile(
            rf"(?<![a-z])(?:{left_out}) (?:(?:en|pendant|le mois d'|le mois de) ?)?({names})"
            rf"(?:(?: et | ?- ?| ?, ?)(?:en )?({names}))?(?![a-z])"
        )

    @property
    def known(self) -> bool:
        """Whether any span can be read (the knowledge gives links and units)."""
        return self._span is not None

    def years(self, folded: str, *, anywhere: bool = True) -> Fraction:
        """The years the first span of `folded` lasts (at its start only, unless `anywhere`), else 0."""
        if self._span is None or not (span := (self._span.search if anywhere else self._span.match)(folded)):
            return Fraction(0)
        if span["term"] or span["year"]:
            return Fraction(PERIOD.years if span["term"] else 1)
        count = span.group(1) or "1"  # none written: "sur toute l'année"
        return Fraction(int(count) if count.isdigit() else 1, self._units[span.group(2) or span["whole"]])

    def left_out(self, folded: str) -> int:
        """How many months of a year `folded` says the visits leave out ("sauf en août": 1, "hors juillet-août": 2)."""
        return len({name for found in self._left_out.finditer(folded) for name in found.groups() if name})

    def months(self, folded: str, *, anywhere: bool = True) -> int:
        """How many months a range of months in `folded` covers, both ends counted ("de mars à juin": 4), else 0."""
        if not (found := (self._month_range.search if anywhere else self._month_range.match)(folded)):
            return 0
        first, last = (self._month_numbers[name] for name in found.groups())
        return (last - first) % MONTHS + 1


def _articles(words: list[str]) -> str:
    """An alternation of articles, each followed by its space ("toute la ") or not after an apostrophe ("l'")."""
    # a space after "l'" or not: number_text.py writes "l' année"
    ordered = sorted(folded_words(words), key=len, reverse=True)
    return "|".join(re.escape(a) + (" ?" if a.endswith("'") else " ") for a in ordered) or r"(?!x)x"
