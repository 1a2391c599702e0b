"""Who sent a letter a message tells of, and who received it: "une lettre recommandée du CDG 62", "La Fibre nous a
adressé un recommandé", "Le CDG 62 a adressé … à la commune un courrier" (the letter that ends the convention is its
sender's, article 6)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .cues import Cues

NUMBERS = re.compile(r"(?:\s*\d+(?![\d/.-]))*")  # "59 62" and "62" right after a name belong to it
_ARTICLE_END = re.compile(r"(?:la |le |les |l')$")
SUBJECT_GAP = 6  # characters between a sender's name and its sending word ("Le CDG 62 a adressé")
LETTER_REACH = 40  # characters between a letter's word and its sender's name ("un courrier recommandé du CDG 62")


class LetterSenders:
    """Reads the senders and the receivers of the letters a message tells of."""

    def __init__(self, cues: Cues) -> None:
        self.cues = cues
        self._providers = [pattern for party, pattern in cues.parties.items() if party != "commune"]

    def senders(self, folded: str, start: int, stop: int) -> list[tuple[int, str]]:
        """Where each provider named as a sender between `start` and `stop` ends, and which it is. Each reading finds
        a provider's name there first (the cues look behind, never ahead): without one, none is read."""
        if not any(pattern.search(folded, start, stop) for pattern in self._providers):
            return []
        return [
            *self._letter_from(folded, start, stop),
            *self._announcers(folded, start, stop),
            *self._sent_by(folded, start, stop),
        ]

    def _letter_from(self, folded: str, start: int, stop: int) -> list[tuple[int, str]]:
        """Where each provider named as a letter's sender ends ("une lettre recommandée du CDG 62"), before `stop`."""
        found = []
        for noun in self.cues.letter.finditer(folded, start, stop):  # type: ignore[union-attr]
            first = self._first_party(folded, noun.end(), min(stop, noun.end() + LETTER_REACH))
            if (
                first
                and first[2] != "commune"
                and self.cues.letter_from
                and self.cues.letter_from.search(folded[noun.end() : first[0]])
            ):
                found.append((first[1], first[2]))
        return found

    def providers(self, folded: str, start: int, stop: int) -> Iterator[tuple[int, str]]:
        """Where each provider named between `start` and `stop` ends (its numbers with it: "CDG 62"), and which it is."""
        for party, pattern in self.cues.parties.items():
            if party != "commune":
                for m in pattern.finditer(folded, start, stop):
                    yield NUMBERS.match(folded, m.end()).end(), party  # type: ignore[union-attr]

    def _announcers(self, folded: str, start: int, stop: int) -> list[tuple[int, str]]:
        """Where each provider telling the collectivité ends ("La Fibre nous a adressé un recommandé")."""
        announce = self.cues.announce
        if announce is None:
            return []
        return [
            (end + 1, party) for end, party in self.providers(folded, start, stop) if announce.match(folded, end + 1)
        ]

    def _sent_by(self, folded: str, start: int, stop: int) -> list[tuple[int, str]]:
        """Where each provider ends that is the subject of a sending word ("Le CDG 62 a adressé … un courrier")."""
        sent = self.cues.letter_sent
        if sent is None:
            return []
        return [
            (end, party)
            for end, party in self.providers(folded, start, stop)
            if (hit := sent.search(folded, end, stop)) and hit.start() - end <= SUBJECT_GAP
        ]

    def _first_party(self, folded: str, start: int, stop: int) -> tuple[int, int, str] | None:
        """The first party named between `start` and `stop`: where its name starts and ends, and which it is."""
        found = [
            (m.start(), NUMBERS.match(folded, m.end()).end(), party)  # type: ignore[union-attr]
            for party, pattern in self.cues.parties.items()
            if (m := pattern.search(folded, start, stop))
        ]
        return min(found) if found else None

    def addressed(self, folded: str, start: int) -> bool:
        """Is the name at `start` who a letter is sent to ("envoyé le 10/12 à La Fibre un courrier")?"""
        cues = self.cues
        article = _ARTICLE_END.search(folded, max(0, start - 4), start)  # "à la commune de Monchiet"
        start = article.start() if article else start
        if not (cues.letter_to and cues.letter_sent and cues.letter_to.search(folded, 0, start)):
            return False
        return bool(cues.letter_sent.search(folded, max(0, start - LETTER_REACH), start))
