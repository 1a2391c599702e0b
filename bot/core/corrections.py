"""A party's name corrected by its writer ("La Fibre, pardon le CDG, facture combien de l'heure ?", "Qui paie, La Fibre ?
Non pardon, je voulais dire le CDG."): the name meant replaces the name said, before the message is read, so that no
calculation nor answer takes the party the writer took back. Then the hesitations of a dictated message ("euh") are
read as the pause they make, a comma: "et euh si ça marche pas" reads as the link it is. The words are data
(`party_corrections`, `hesitations`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from .acronym_typos import AcronymTypos
from .french import fold
from .reading import Reading
from .regional import RegionalForms

SHORT_WORD = r"(?:\w{1,3}['’]?\s*)?"  # an article before a name ("le CDG", "l'LFN"), whatever the word
SAID_REACH = 60  # characters before a correcting word where the name it takes back ends


class Corrections:
    """Puts the party meant in the place of the party said, where the writer corrects it."""

    def __init__(self, reading: Reading, names: Iterable[str], named: Callable[[str], set[str]]) -> None:
        """`names`: the parties' names (knowledge/calculations.yaml); `named`: the parties a text names, the commune
        aside (`Parties.named_in`: "nous" corrected is no party taken back)."""
        markers = reading.party_corrections
        self._named = named
        said = "|".join(map(re.escape, reading.hesitations))  # with its commas ("je t'explique, euh, samedi")
        self._hesitation = (
            re.compile(rf"[ \t]*,?[ \t]*(?<!\w)(?:{said})(?!\w)[ \t]*,?", re.IGNORECASE) if said else None
        )
        # ... looked for first from its first letters (the engine skips to them; the pattern above is tried everywhere)
        firsts = "".join(sorted({c for word in reading.hesitations for c in (word[:1].lower(), word[:1].upper())}))
        self._hesitated = re.compile(rf"(?=[{firsts}])(?<!\w)(?:{said})(?!\w)", re.IGNORECASE) if said else None
        self._typos = AcronymTypos(names)  # "le sdg 62": the CDG 62 mistyped, read first
        self._regional = RegionalForms(reading)  # "eune heure l'lundi": the mining basin's Picard, as French
        spelled = {spelling for name in names if name.strip() for spelling in (name.strip(), fold(name).strip())}
        name = "|".join(sorted(map(re.escape, spelled), key=len, reverse=True))
        mark = "|".join(sorted((re.escape(m.strip()) for m in markers if m.strip()), key=len, reverse=True))
        # (its first letters first: the regex engine tries the look-behind only where a correcting word may start)
        firsts = "".join(
            sorted({c for m in markers if m.strip() for c in (m.strip()[0].lower(), m.strip()[0].upper())})
        )
        self._mark = re.compile(rf"(?=[{firsts}])(?<!\w)(?:{mark})(?!\w)", re.IGNORECASE) if name and mark else None
        party = rf"(?<!\w)(?:{name})(?!\w)"
        # Looked for around a correcting word only (a message seldom holds one: the whole text is scanned once).
        # "La Fibre, pardon le CDG", "le centre de gestion, euh non La Fibre", "La Fibre (enfin le CDG …)": the name said
        # (its article too) right before the word, the name meant right after it.
        self._said = re.compile(rf"(?<!\w){SHORT_WORD}(?P<said>{party})\s*[,(–—-]?\s*$", re.IGNORECASE)
        self._meant = re.compile(rf"\s*[,:]?\s+(?={SHORT_WORD}(?P<meant>{party}))", re.IGNORECASE)
        # "… ? Non pardon, je voulais dire le CDG.": a sentence naming only the party meant after correcting words
        self._alone = re.compile(rf"(?:\W+(?:{mark}))*\W*{SHORT_WORD}(?P<meant>{party})\s*[.!]*(?=\s|$)", re.IGNORECASE)
        self._name = re.compile(party, re.IGNORECASE)

    def apply(self, text: str) -> str:
        """`text` with each corrected (or mistyped) party's name replaced by the one meant, without its hesitations."""
        text = self._parties(self._typos.apply(self._regional.apply(text)))
        if self._hesitation is None or self._hesitated is None or not self._hesitated.search(text):
            return text  # (most messages hold none: the pattern that replaces them is slow to try everywhere)
        return self._hesitation.sub(_pause, text)

    def _parties(self, text: str) -> str:
        if self._mark is None:
            return text
        for mark in reversed(list(self._mark.finditer(text))):  # from the end: earlier positions stay
            start, end = mark.start(), mark.end()
            said = self._said.search(text, max(0, start - SAID_REACH), start)
            meant = self._meant.match(text, end)
            if said and meant and self._differ(said["said"], meant["meant"]):
                text = text[: said.start()] + text[meant.end() :]
            elif (
                _opens_sentence(text, start)
                and (alone := self._alone.match(text, end))
                and (took := self._taken_back(text, start, alone["meant"]))
            ):
                text = f"{text[: took.start()]}{alone['meant']}{text[took.end() : start]}{text[alone.end() :]}"
        return text

    def _taken_back(self, text: str, before: int, meant: str) -> re.Match[str] | None:
        """The last name before `before` of another party than `meant`'s: the one a correcting sentence takes back."""
        said = [m for m in self._name.finditer(text, 0, before) if self._differ(m.group(), meant)]
        return said[-1] if said else None

    def _differ(self, said: str, meant: str) -> bool:
        """Are `said` and `meant` names of two different parties?"""
        first, second = self._named(said), self._named(meant)
        return bool(first and second and first != second)


def _opens_sentence(text: str, at: int) -> bool:
    """Does a sentence start at `at` (the text's start, or a sentence's end and spaces before it)?"""
    while at and text[at - 1].isspace():
        at -= 1
    return not at or text[at - 1] in ".?!"


def _pause(hesitation: re.Match[str]) -> str:
    """What a hesitation leaves: the pause it makes, a comma ("… qui débute euh qui c'est qui …": two clauses), unless it
    opens its line."""
    return "" if not hesitation.start() or hesitation.string[hesitation.start() - 1] == "\n" else ", "
