"""Whose a question is when its subject is a pronoun after its verb ("Par ailleurs, à quoi s'engage-t-il ?"): the party
the sentence before names. A part of the rules of follow_ups.py, apart so that each module keeps one job."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cached_property

from .french import SUBJECT_WORDS, fold
from .matching import Matcher
from .message import Reader


class PronounSubjects:
    """The party a pronoun subject takes up."""

    reader: Reader
    matcher: Matcher
    _party: re.Pattern[str]  # any party's name, the commune's words included
    named: Callable[[str], set[str]]  # the parties a text names, the commune aside

    def subject_taken_up(self, piece: str, before: str) -> str:
        """The party a question whose subject is a pronoun after its verb ("à quoi s'engage-t-il ?") and that names no
        party is about: the one (the commune aside) the sentence before names, as written there ("Le CDG 62 peut-il se
        retirer ? Par ailleurs, à quoi s'engage-t-il ?": "Le CDG 62"), not that sentence's own topic; else ""."""
        inverted = self._pronoun_subject.search(fold(piece))
        verb = inverted.group(1).rpartition("'")[2] if inverted else ""  # "s'agit-il": "agit", impersonal
        if not verb or verb in self._impersonal or self.named(piece) or len(self.named(before)) != 1:
            return ""
        if next(self._subjects(piece, lambda party: bool(self.matcher.question_terms(party))), ""):
            return ""  # its own subject, the commune's noun ("Et la mairie, à quoi s'engage-t-elle ?"; "nous": no term)
        return next(self._subjects(before, lambda party: bool(self.named(party))), "")

    def _subjects(self, text: str, kept: Callable[[str], bool]) -> Iterable[str]:
        """The parties `kept` that are a subject of `text`: in its first words ("La Fibre a coupé …"), or right before an
        inverted verb ("Madame, le CDG 62 peut-il …"; not "Les frais du CDG 62 peuvent-ils …", "La facture de …")."""
        return (
            m.group()
            for m in self._party.finditer(text)
            if kept(m.group())
            and (
                len(text[: m.start()].split()) < SUBJECT_WORDS
                or self._pronoun_subject.match(fold(text[m.end() :]).lstrip())
            )
        )

    @cached_property
    def _pronoun_subject(self) -> re.Pattern[str]:
        pronouns = "|".join(map(re.escape, self.reader.reading.party_pronouns)) or r"(?!x)x"
        return re.compile(rf"([a-z']+)-(?:t-)?(?:{pronouns})(?![\w-])")  # "s'engage-t-il", "peut-elle" (folded)

    @cached_property
    def _impersonal(self) -> frozenset[str]:
        return frozenset(fold(verb) for verb in self.reader.reading.impersonal_verbs)  # "faut-il", "y a-t-il"
