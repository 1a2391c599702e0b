"""A party's name corrected by its writer ("La Fibre, pardon le CDG, facture combien de l'heure ?", "Qui paie, La Fibre ?
Non pardon, je voulais dire le CDG."): the name meant replaces the name said, before the message is read, so that no
calculation nor answer takes the party the writer took back. The words are data (`party_corrections`)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from .french import fold

SHORT_WORD = r"(?:\w{1,3}['’]?\s*)?"  # an article before a name ("le CDG", "l'LFN"), whatever the word


class Corrections:
    """Puts the party meant in the place of the party said, where the writer corrects it."""

    def __init__(self, markers: Iterable[str], names: Mapping[str, Iterable[str]]) -> None:
        self._party_of = {fold(name).strip(): party for party, cues in names.items() for name in cues if name.strip()}
        spelled = {spelling for name in self._party_of for spelling in (name, *self._accented(names, name))}
        name = "|".join(sorted(map(re.escape, spelled), key=len, reverse=True))
        mark = "|".join(sorted((re.escape(m.strip()) for m in markers if m.strip()), key=len, reverse=True))
        if not (name and mark):
            self._inline = self._alone = self._name = None
            return
        party = rf"(?<![\w])(?:{name})(?![\w])"
        # "La Fibre, pardon le CDG", "le centre de gestion, euh non La Fibre", "La Fibre (enfin le CDG …)": the name said,
        # its article too, goes
        self._inline = re.compile(
            rf"(?<!\w){SHORT_WORD}(?P<said>{party})\s*[,(–—-]?\s*(?:{mark})\s*[,:]?\s+(?={SHORT_WORD}(?P<meant>{party}))",
            re.IGNORECASE,
        )
        # "… ? Non pardon, je voulais dire le CDG.": a sentence naming only the party meant
        self._alone = re.compile(
            rf"(?:(?<=[.?!])|^)\s*(?:{mark})(?:\W+(?:{mark}))*\W*{SHORT_WORD}(?P<meant>{party})\s*[.!]*(?=\s|$)",
            re.IGNORECASE | re.MULTILINE,
        )
        self._name = re.compile(party, re.IGNORECASE)

    @staticmethod
    def _accented(names: Mapping[str, Iterable[str]], folded: str) -> list[str]:
        """The spellings of the data that fold to `folded` ("la fibre numérique" for "la fibre numerique")."""
        return [name for cues in names.values() for name in cues if fold(name).strip() == folded]

    def apply(self, text: str) -> str:
        """`text` with each corrected party's name replaced by the one meant."""
        if self._inline is None or self._alone is None or self._name is None:
            return text
        text = self._inline.sub(lambda m: "" if self._differ(m["said"], m["meant"]) else m.group(), text)
        for alone in reversed(list(self._alone.finditer(text))):
            said = [m for m in self._name.finditer(text, 0, alone.start()) if self._differ(m.group(), alone["meant"])]
            if said:
                last = said[-1]
                text = f"{text[: last.start()]}{alone['meant']}{text[last.end() : alone.start()]}{text[alone.end() :]}"
        return text

    def _differ(self, said: str, meant: str) -> bool:
        """Are `said` and `meant` names of two different parties?"""
        first, second = self._party_of.get(fold(said).strip()), self._party_of.get(fold(meant).strip())
        return bool(first and second and first != second)
