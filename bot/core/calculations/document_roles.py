"""A date's cue said of another document than the convention: "le devis signé le" is the quote's date, "la facture
arrivée à échéance le" its due date, "la mise en demeure … revenue signée le" the notice's own
(knowledge/calculations.yaml, `other_documents:`)."""

from __future__ import annotations

import re

from ..date_mentions import DateMention
from ..phrases import phrases_pattern
from .base import SENTENCE_END, Calculator, Context
from .cue_roles import first as _first
from .cue_roles import nearest as _nearest

CLAUSE_END = re.compile(r"[.;!?,:]")
PART_END = re.compile(r"[;:(]")  # what a date's sentence says after it about another thing
ROLE_REACH = 80  # characters before a date where its role is looked for (date_roles.py)
COMPLEMENT_WORDS = 2  # words between a document that owns a role and another document named as its object ("pour une")
FAR_REACH = 240  # ... and in its sentence, when none is said in those
_BRACKET = re.compile(r"\s*\(([^()]*)")  # the brackets right after a date, what they hold
_COMPLEMENT = re.compile(r"\s(?:de|du|des|d')\s*(?:la\s+|le\s+|les\s+|l'\s*|votre\s+|notre\s+|sa\s+|leur\s+)?$")
_WORD_TAIL = re.compile(r"[a-z']*")  # the rest of the cue's word ("exigib|ilite")


class DocumentRoles(Calculator):
    """The role a date's cue takes when it is said of another document."""

    def __init__(self, context: Context) -> None:
        super().__init__(context)
        subjects = self.words.new_subject_words  # "… et la dernière signature date du": a clause of its own
        self._new_subject = phrases_pattern(tuple(subjects), start=False) if subjects else None

    def of_the_document(self, window: str) -> str | None:
        """The role said of a document named after it ("l'échéance de la facture", "le paiement de la facture"):
        the cue just before "de la <document>", read as said of another document."""
        other = list(self.cues.date_cues["other"].finditer(window))
        link = _COMPLEMENT.search(window, 0, other[-1].start()) if other else None
        if link is None:
            return None
        before = window[: link.start()]
        cues = {role: p for role, p in self.cues.date_cues.items() if role != "other"}
        role = _nearest(before, cues)
        if role is None or not _WORD_TAIL.fullmatch(before[max(m.end() for m in cues[role].finditer(before)) :]):
            return None
        return self.words.other_documents.get("other", {}).get(role, role)

    def said_after(self, after: str) -> str | None:
        """The role a cue after a date gives it ("le 20/11/2026, nous avons reçu un courrier": its receipt), or the one it
        takes when what follows the cue is another document ("le 10/11/2026, nous avons reçu la facture": the
        invoice's date, not a letter's receipt); none when it is a copy of the convention (its journey dates no letter)."""
        after = PART_END.split(after, maxsplit=1)[0]  # "ce samedi 28 novembre … : La Fibre l'a signée le …": not its
        role = _first(after, self.cues.after_cues)
        if role is None:
            return None
        cue = self.cues.after_cues[role].search(after)
        said = CLAUSE_END.split(after[cue.end() :])[0] if cue else ""  # what was received
        if cue and self.cues.copy and self.cues.copy.search(said):
            return None  # "le CDG le 15 juillet, et on a reçu notre exemplaire le 28": a copy's arrival, no letter's
        document = _first(said, self.cues.date_cues)
        return self.words.other_documents.get(document, {}).get(role, role) if document else role

    def said_after_own(self, folded: str, mention: DateMention, following: DateMention | None) -> str | None:
        """`said_after` of the words between a date and the `following` one (none: no role), to the sentence's end, the
        next date's own left out: "mardi dernier la Fibre a signé, c'était la dernière (le CDG avait signé le 10/11)"."""
        if following is None:
            return None
        end = mention.start + len(mention.text)
        return self.said_after(SENTENCE_END.split(folded[end : min(end + self.words.after_reach, following.start)])[0])

    def of_bracketed_document(self, after: str, role: str) -> str | None:
        """The role a `role` cue takes when the date's own brackets name another document, not the convention
        ("depuis l'échéance du 3 juin (facture FAC-2026-0457)" is the invoice's due date), else None."""
        bracket = _BRACKET.match(after)
        if not bracket or (self.cues.convention and self.cues.convention.search(bracket.group(1))):
            return None
        return next(
            (
                taken[role]
                for document, taken in self.words.other_documents.items()
                if role in taken
                and document in self.cues.date_cues
                and self.cues.date_cues[document].search(bracket.group(1))
            ),
            None,
        )

    def signed_since(self, folded: str, previous_end: int, start: int) -> str | None:
        """The role of a signing date far from the date before, when the document its sentence names since that date
        signs ("Un avenant (ajout d'un service) a ensuite été signé par les trois parties, la dernière signature datant
        du": the amendment's, never the convention's), else None."""
        if previous_end >= start - ROLE_REACH:
            return None  # the signing words near the date were read already
        return self.of_other_document(
            self.sentence_break.split(folded[max(previous_end, start - FAR_REACH) : start])[-1], "signature"
        )

    def of_other_document(self, window: str, role: str, cue_clause: bool = False) -> str | None:
        """The role a `role` cue takes when said of another document ("le devis … signé" is the quote's,
        "la facture … échue" its due date, "la mise en demeure … revenue signée" its own), else None.

        It is when that document's name comes after the last name of the convention itself, and of the documents
        the role belongs to (the nearest wins). `cue_clause`: read from the start of the last cue's clause."""
        cues = list(self.cues.date_cues[role].finditer(window))
        if cues and cue_clause:
            window = window[max((m.end() for m in CLAUSE_END.finditer(window, 0, cues[-1].start())), default=0) :]
            cues = list(self.cues.date_cues[role].finditer(window))
        if not cues or (self.cues.convention and self.cues.convention.search(window, cues[-1].end())):
            return None  # "signature de la convention : 25/06/2025"
        before = window[: cues[-1].start()]
        last_convention = (
            max((m.end() for m in self.cues.convention.finditer(before)), default=-1) if self.cues.convention else -1
        )
        named = [
            (
                max(((m.end(), m.start()) for m in self.cues.date_cues[document].finditer(before)), default=(-1, -1)),
                taken[role],
            )
            for document, taken in self.words.other_documents.items()
            if role in taken and document in self.cues.date_cues
        ]
        # The documents this role belongs to ("reçue le" is the letter's): named nearer, they keep it.
        owners = [
            d for d, taken in self.words.other_documents.items() if role not in taken and d in self.cues.date_cues
        ]
        last_owner = max((m.end() for d in owners for m in self.cues.date_cues[d].finditer(before)), default=-1)
        (end, start), taken = max(named, default=((-1, -1), None))
        if end >= 0 and self._new_subject and self._new_subject.search(before, end):
            return None  # "le conseil a délibéré le 05/02 et la dernière signature date du": not the deliberation's
        if 0 <= last_owner <= start and len(before[last_owner:start].split()) <= COMPLEMENT_WORDS:
            return None  # "une mise en demeure pour une facture pas payée, on l'a reçue le": the notice's, its object named
        return taken if end > max(last_convention, last_owner) else None
