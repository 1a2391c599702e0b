"""Questions that name a clause ("article 5.2", "l'annexe 3", "le 4.2.1"): the named clause, the part of it the question
surely asks about, or, when its other words surely say what another clause holds ("l'article 3 dit que le CDG facture
50 € de l'heure ?"), that other clause with a word on the mix-up."""

from __future__ import annotations

import re

from .answer import Answer
from .calculations.parties import Parties
from .french import fold
from .knowledge import Knowledge
from .matching import Candidate, Matcher, is_sure
from .references import Reference, find_reference
from .replies import Replies

TWIN_REACH = 30  # characters after an ordinal where the number it qualifies may stand ("le second paragraphe … 4.2.1")
_STANDS_ALONE = re.compile(r"\s*(?:[^\w\s]|$)")  # after an ordinal standing for a clause: a mark, or the end
_LISTED = re.compile(r"\s*(?:,|et|ou|à|-)\s*\d")  # after a clause's number, more numbers: "annexes n°1, 2 et 3"
NEAR = 3  # the clauses a question's own words rank first, among which a clause it names is not misremembered
MIN_OWN_STRONG_TERMS = 2  # a question's own words besides the name: not only "que contient", "résumez"


class NamedClauses:
    """Answers the questions that name a clause."""

    def __init__(
        self,
        knowledge: Knowledge,
        matcher: Matcher,
        replies: Replies,
        threshold: float,
        parties: Parties,
    ) -> None:
        self.knowledge, self.matcher, self.replies, self.threshold = knowledge, matcher, replies, threshold
        self.parties = parties  # the organisations a text names ("pour La Fibre"), and each one's clauses
        # "le second 4.2.1", "De quoi parle le second ?": the ordinals of calculations.yaml (`later_periods: ordinals`)
        ordinals = knowledge.calculations.later_periods.ordinals
        self._ordinals = {fold(word): rank for word, rank in ordinals.items()}
        words = "|".join(re.escape(word) for word in sorted(self._ordinals, key=len, reverse=True)) or r"(?!x)x"
        self._ordinal = re.compile(rf"(?<!\w)(?:{words})(?!\w)")

    def answer(self, question: str, text: str, ranked: list[Candidate]) -> Answer | None:
        """The answer to `question` (read as `text`, ranked `ranked`) if it names a clause, else None."""
        reference = find_reference(text)
        if reference and reference.clause_id in self.knowledge.clauses:
            named = self.knowledge.within(reference.clause_id)
            # "il y a deux 4.2.1 : que dit le second ?", "… c'est lequel pour La Fibre ?"
            if twin := self._twin(reference, text) or self._party_twin(reference, text):
                return self.replies.clause_answer(question, self.knowledge.clauses[twin], None, 1.0, ranked)
            # "Dans l'article 5, quelle partie concerne nos obligations ?", "lequel des deux 4.2.1 concerne La
            # Fibre ?": a question that asks more than the name, surely about a part of the named clause, gets that part.
            part = ranked[0].clause_id if is_sure(ranked, self.threshold) and ranked[0].clause_id in named else None
            if not part and (said := self._said_elsewhere(text, reference.text, named)):
                return self.replies.misquoted(question, reference.clause_id, said)
            clause = self.knowledge.clauses[part or reference.clause_id]
            return self.replies.clause_answer(question, clause, None, 1.0, ranked)
        if reference and reference.explicit:
            # "Art. 4.3 : la facture, avant ou après ?": what the question surely asks, with a word on the name
            if said := ranked if is_sure(ranked, self.threshold) else self._said_elsewhere(text, reference.text, set()):
                return self.replies.misnumbered(question, reference.text, said)
            return self.replies.unknown(
                question, f"« {reference.text} » n'existe pas dans la convention. {self.replies.contents()}"
            )
        return None

    def _twin(self, reference: Reference, text: str) -> str:
        """The clause printed with the same number as the `reference` that an ordinal in `text` picks, in document order,
        or "": the document prints "4.2.1." twice (the second's `ref` is "Article 4.2.1 (le second)"). The ordinal stands
        for the clause: nothing but a mark or the end after it ("De quoi parle le second ?"), or the number soon after it
        ("le second paragraphe numéroté 4.2.1"); never "la deuxième année"."""
        twins = self._twins(reference)
        folded = fold(text)
        found = [
            m.group()
            for m in (self._ordinal.finditer(folded) if len(twins) > 1 else ())
            if _STANDS_ALONE.match(folded, m.end()) or reference.text in folded[m.end() : m.end() + TWIN_REACH]
        ]
        rank = self._ordinals[found[-1]] if found else 0  # the last one: "Le premier parle du CDG. Et le second ?"
        return twins[rank - 1] if 0 < rank <= len(twins) else ""

    def _twins(self, reference: Reference) -> list[str]:
        """The clauses printed with the number of `reference`, in document order ("4.2.1" twice)."""
        printed = self.knowledge.clauses[reference.clause_id].ref
        return [c.id for c in self.knowledge.clauses.values() if c.ref.split(" (")[0] == printed]

    def _party_twin(self, reference: Reference, text: str) -> str:
        """The twin of `reference` that is the own clause of the one party `text` names, when the named clause is
        another party's ("deux articles 4.2.1 : c'est lequel pour La Fibre ?": article 4.2.2), else ""."""
        entry, named = self.parties.cues.party_clauses.get(reference.clause_id), self.parties.named_in(text)
        own = entry.counterpart.get(next(iter(named)), "") if entry and len(named) == 1 else ""
        return own if own in self._twins(reference) else ""

    def _said_elsewhere(self, text: str, name: str, named: set[str]) -> list[Candidate]:
        """The ranking of `text`'s words without the clause's `name` when they say another clause's (two strong words
        at least: not only "que contient", "résumez"), surely or, one clause of the text named (`named`, empty for a
        number the text lacks), none of their nearest being it ("la clause limitative de responsabilité stipulée à
        l'article 6", "les obligations de la collectivité (l'article 4 je crois)": a number misremembered; "les annexes
        n°1, 2 et 3" names three), else []."""
        folded = fold(text)
        said = self.matcher.rank(self.matcher.question_terms(folded.replace(name, " ")))
        if not said or len(said[0].strong_terms) < MIN_OWN_STRONG_TERMS or said[0].clause_id in named:
            return []
        listed = name in folded and _LISTED.match(folded, folded.find(name) + len(name))
        near = named & {c.clause_id for c in said[:NEAR]}
        return said if is_sure(said, self.threshold) or (named and not (near or listed)) else []
