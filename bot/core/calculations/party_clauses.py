"""The right party's clause: a question about La Fibre Numérique 59 62 is not answered with a CDG 62 clause, unless the
question asks which party does it and names this one as an answer offered ("vous ou La Fibre ?"); nor with an article
both share when each has its own part of it ("C'est qui qui nous adresse la facture du CDG 62 ?": 4.2.1, not 4.2)."""

from __future__ import annotations

from ..answer import Answer
from ..calculation_schema import PartyClause
from ..folding import folded as fold_spaced
from ..french import fold
from ..matching import Candidate
from .base import Calculator

OFFER_REACH = 12  # characters before a party's name where "ou", "ou bien" offers it as one answer
NEAR = 3  # the nearest clauses where an article's own part for the party asked must stand
DUTY_REACH = 30  # characters between a party's name and the words asking its duties ("obligations de La Fibre")


class PartyClauses(Calculator):
    """A party's clause given for a question about another party: the other's own clause instead."""

    def named(self, folded: str) -> set[str]:
        """The organisations a folded text names (the commune aside): Parties'."""
        raise NotImplementedError

    def mismatch(self, question: str, terms: list[str], ranked: list[Candidate], named: set[str]) -> Answer | None:
        """A clause of one party given for a question about the other: the other's own clause instead; an article both
        share, for a question about one of them: its own part, when among the nearest clauses (`_shared`)."""
        if not ranked or not (self.of_other(ranked[0].clause_id, named, question) or self._shared(ranked, named)):
            return None
        own = fold_spaced(question)  # "Ici : qui fournit le matériel ?" asks the party: the context's names none, or
        # names it as one answer offered ("Qui va m'accompagner, vous ou La Fibre ?")
        if self.cues.party_asked and self.cues.party_asked.search(own) and not (self.named(own) - self._offered(own)):
            return None
        return self.counterpart(question, terms, ranked[0].clause_id, next(iter(named)))

    def _shared(self, ranked: list[Candidate], named: set[str]) -> bool:
        """Whether the first clause is an article both parties share (`party: ""`: "art-4.2") and the one party `named`
        has its own part of it among the NEAR nearest clauses ("la facture du CDG 62, c'est qui qui nous l'envoie ?":
        4.2.1; not "… ? Et La Fibre, elle s'engage à quoi ?", which reads article 4.2 only with the question before it)."""
        if not (found := self._entry(ranked[0].clause_id, named)) or found[0].party:
            return False
        entry, asked = found
        return entry.counterpart[asked] in [candidate.clause_id for candidate in ranked[:NEAR]]

    def _entry(self, clause_id: str, named: set[str]) -> tuple[PartyClause, str] | None:
        """The `party_clauses` entry of `clause_id` and the one party `named`, when it has its own clause there."""
        entry = self.cues.party_clauses.get(clause_id)
        if entry is None or len(named) != 1 or (asked := next(iter(named))) not in entry.counterpart:
            return None
        return entry, asked

    def _offered(self, folded: str) -> set[str]:
        """The parties `folded` names right after an alternative word ("vous ou La Fibre", "ou bien le CDG")."""
        if (either := self.cues.alternative) is None:
            return set()
        return {
            party
            for party, pattern in self.cues.parties.items()
            if any(either.search(folded, max(0, m.start() - OFFER_REACH), m.start()) for m in pattern.finditer(folded))
        }

    def of_other(self, clause_id: str, named: set[str], text: str) -> bool:
        """Whether `clause_id` is a party's clause, `named` only another, who has its own (its duties asked in `text`)."""
        if not (found := self._entry(clause_id, named)) or not found[0].party or found[0].party in named:
            return False
        if not (duties := self.cues.party_duties.get(clause_id)):
            return True
        folded, party = " ".join(fold(text).split()), self.cues.parties[next(iter(named))]
        return any(
            party.search(folded[max(0, m.start() - DUTY_REACH) : m.end() + DUTY_REACH]) for m in duties.finditer(folded)
        )

    def counterpart(self, question: str, terms: list[str], clause_id: str, asked: str) -> Answer | None:
        """Answer a question about `asked` from its own clause, saying what `clause_id` is about."""
        entry = self.cues.party_clauses.get(clause_id)
        if entry is None or asked not in entry.counterpart:
            return None
        own = self.knowledge.clauses[entry.counterpart[asked]]
        if not entry.party:  # an article shared by the parties ("art-4.2"): the asked party's own sub-clause answers
            return Answer(question, True, "clause", own.answer, (self.cite(own.id, terms),), 1.0)
        other = self.knowledge.clauses[clause_id]
        parts = [own.answer]
        if note := entry.note.get(asked):
            parts.append(note)
        parts.append(
            f"Attention : l'{other.ref} ({other.title}) concerne {self.words.parties[entry.party].name}, "
            f"pas {self.words.parties[asked].name}."
        )
        citations = (self.cite(own.id, terms), self.cite(other.id, terms))
        return Answer(question, True, "clause", " ".join(parts), citations, 1.0)
