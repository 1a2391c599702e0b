"""The replies the user reads once a clause is chosen, or none is: the clause's answer with its quote
(with the middle band's warning and the next clauses), or the honest "not found" with hints."""

from __future__ import annotations

from dataclasses import replace

from .answer import Answer
from .calculations import Calculations
from .citing import Citations
from .knowledge import Knowledge
from .matching import Candidate
from .schema import Clause

# Between the threshold and this confidence the best clause is given with a warning and the next
# clauses as buttons: the middle band (README, "Comment il répond", table of thresholds).
SURE_CONFIDENCE = 0.5
UNSURE_LINE = (
    "Cette réponse ne correspond peut-être pas exactement à votre question ; voyez aussi les articles proposés."
)
PART_NOT_FOUND = "Je n'ai pas trouvé de réponse à cette question dans la convention."
ALTERNATIVE_SHARE = 0.75  # another clause this close to the best one is offered as well
MAX_ALTERNATIVES = 3


class Replies:
    """Builds the `Answer` of a chosen clause, or of no clause."""

    def __init__(
        self,
        knowledge: Knowledge,
        citations: Citations,
        calculations: Calculations,
        *,
        threshold: float,
        contact: str,
        contacts: dict[str, str],
    ) -> None:
        self.knowledge = knowledge
        self.citations = citations
        self.calculations = calculations
        self.threshold = threshold
        self.contact = contact
        self.contacts = contacts  # the engine's own mapping (completed after construction)

    def clause_answer(
        self, question: str, clause: Clause, terms: list[str] | None, score: float, ranked: list[Candidate]
    ) -> Answer:
        """The answer of `clause`, quoted for `terms` (whole if None), with the next clauses of `ranked`."""
        alternatives = [
            c.clause_id
            for c in ranked
            if c.clause_id != clause.id
            and c.confidence >= ALTERNATIVE_SHARE * score
            and c.confidence >= self.threshold / 2
        ]
        unsure = terms is not None and score < SURE_CONFIDENCE
        if unsure:  # the next clauses, whatever their confidence, are the other readings of the question
            alternatives = [c.clause_id for c in ranked if c.clause_id != clause.id and c.strong_terms]
        suggestions = alternatives or [related for related in clause.related if related in self.knowledge.clauses]
        return Answer(
            question,
            True,
            "clause",
            f"{UNSURE_LINE} {clause.answer}" if unsure else clause.answer,
            (self.citations.citation(clause.id, terms),),
            score,
            tuple(suggestions[:MAX_ALTERNATIVES]),
            confidence="unsure" if unsure else "sure",
        )

    def misquoted(self, question: str, named_id: str, ranked: list[Candidate]) -> Answer:
        """The answer of a question that names one clause for what another holds ("l'article 3 dit que le CDG facture
        50 € de l'heure ?"): the other's answer, saying which one holds it."""
        named = self.knowledge.clauses[named_id]
        return self._noted(
            question, ranked, f"Attention : cela ne relève pas de « {named.ref} – {named.title} » mais de"
        )

    def misnumbered(self, question: str, name: str, ranked: list[Candidate]) -> Answer:
        """The answer of a question that names a clause the convention does not have ("l'article 6.2", "art. 4.3") for
        what another one surely holds: that one's answer, saying the name does not exist."""
        return self._noted(question, ranked, f"Attention : « {name} » n'existe pas dans la convention ; cela relève de")

    def _noted(self, question: str, ranked: list[Candidate], note: str) -> Answer:
        """The answer of the clause ranked first, after `note` and that clause's name."""
        clause = self.knowledge.clauses[ranked[0].clause_id]
        answer = self.clause_answer(question, clause, None, ranked[0].confidence, ranked)
        return replace(answer, text=f"{note} « {clause.ref} – {clause.title} ». {answer.text}")

    def unknown(self, question: str, text: str, ranked: list[Candidate] | None = None) -> Answer:
        """No answer: `text` says why, its contact the one of the question's subject."""
        hints = tuple(c.clause_id for c in _hints(ranked or []))
        best = ranked[0].confidence if ranked else 0.0
        text = text.replace(self.contact, self.calculations.contact(question, self.contact, self.contacts))
        return Answer(question, False, "unknown", text, (), best, hints)

    def unsaid(self, name: str, ranked: list[Candidate]) -> str:
        """The answer to a question asking a fact of what the convention only names ("Qui préside Somme Numérique ?")."""
        return self.not_found(ranked, f"La convention ne le dit pas : elle cite « {name} » sans rien en préciser.")

    def not_bound(self, name: str) -> str:
        """The answer to a question about a body the convention does not bind ("Le CDG 59 propose-t-il … ?")."""
        return self.not_found([], f"La convention ne concerne pas « {name} » : elle lie {self._parties()}.")

    def other_convention(self) -> str:
        """The answer to a question about another convention or contract ("ma convention de stage", "le contrat de
        location du photocopieur")."""
        return self.not_found(
            [],
            "La convention ne le dit pas : votre question porte sur un autre contrat ou une autre convention que celle "
            f"des services numériques, qui lie {self._parties()} ; ses règles sont celles de ce document-là.",
        )

    def _parties(self) -> str:
        """The parties as knowledge/calculations.yaml names them: "la collectivité, le CDG 62 et La Fibre …"."""
        *others, last = [party.name for party in self.calculations.words.parties.values()]
        return f"{', '.join(others)} et {last}"

    def not_found(self, ranked: list[Candidate], opening: str = PART_NOT_FOUND) -> str:
        """The "not found" text, with the nearest clauses as hints and what the bot knows about."""
        hints = [self.knowledge.clauses[c.clause_id] for c in _hints(ranked)]
        lines = [opening]
        if hints:
            lines.append("Pistes possibles : " + " ; ".join(f"{h.ref} ({h.title})" for h in hints) + ".")
        lines.append(self.contents())
        return " ".join(lines)

    def contents(self) -> str:
        """What the bot can talk about, and whom to contact otherwise."""
        topics = ", ".join(topic.label for topic in self.knowledge.topics.values())
        return f"Je peux vous renseigner sur : {topics}. {self.contact}"


def _hints(ranked: list[Candidate]) -> list[Candidate]:
    """The clauses a "not found" reply points to: the nearest ones matched on a word that is not generic."""
    return [c for c in ranked[:MAX_ALTERNATIVES] if c.strong_terms]
