"""The answering engine: a question in, an `Answer` with clause citations out.

Pure: no Telegram, no network, no clock (the caller passes `today`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from datetime import date

from rapidfuzz import fuzz, process

from .answer import Answer, Citation
from .calculations import Calculations
from .french import comparable
from .knowledge import Knowledge
from .matching import Candidate, Matcher
from .quotes import select_quote, sentences
from .references import find_reference
from .schema import Clause

DEFAULT_THRESHOLD = 0.4
DEFAULT_CONTACT = "Pour toute autre question, contactez le CDG 62 (votre interlocuteur habituel)."
# One contact per organisation, chosen by the question's subject (parties of knowledge/calculations.yaml).
DEFAULT_CONTACTS = {
    "fibre": "Pour une question sur les services de La Fibre Numérique 59 62, contactez La Fibre Numérique 59 62.",
}
MAX_QUESTION_CHARS = 4096  # a Telegram message; longer input is cut, not refused
SMALLTALK_SIMILARITY = 88
ALTERNATIVE_SHARE = 0.75  # another clause this close to the best one is offered as well
MAX_ALTERNATIVES = 3
# What carries no words: invisible characters, ANSI codes, markup tags, web addresses.
_NOISE = re.compile(
    r"[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]|\x1b\[[0-9;?]*[ -/]*[@-~]|</?[a-zA-Z][^<>]{0,80}>|https?://\S+"
)


class Engine:
    """Answers questions about one validated knowledge base."""

    def __init__(
        self,
        knowledge: Knowledge,
        *,
        contact: str = DEFAULT_CONTACT,
        threshold: float = DEFAULT_THRESHOLD,
        contacts: Mapping[str, str] | None = None,
    ):
        self.knowledge = knowledge
        self.contact = contact
        self.contacts = {**DEFAULT_CONTACTS, "cdg": contact, **(contacts or {})}
        self.threshold = threshold
        self.matcher = Matcher(knowledge)
        self.calculations = Calculations(knowledge, self.matcher, self.citation, threshold)
        self._sentence_cache: dict[str, list[str]] = {}
        self._smalltalk = {comparable(p): entry for entry in knowledge.smalltalk for p in entry.patterns}

    def answer(self, question: str, *, today: date, signature: date | None = None) -> Answer:
        """Answer `question` as asked on `today`; `signature` is the chat's stored signing date."""
        text = clean(question)
        if not text:
            return self._unknown(question, "Votre message est vide : écrivez votre question sur la convention.")
        if smalltalk := self._small_talk(text):
            return Answer(question, False, "smalltalk", smalltalk, score=1.0)
        terms = self.matcher.question_terms(text)
        ranked = self.matcher.rank(terms)
        if calculation := self.calculations.answer(question, text, terms, ranked, today, signature):
            return calculation
        reference = find_reference(text)
        if reference and reference.clause_id in self.knowledge.clauses:
            clause = self.knowledge.clauses[reference.clause_id]
            return self._clause_answer(question, clause, None, 1.0, ranked)
        if reference and reference.explicit:
            return self._unknown(question, f"« {reference.text} » n'existe pas dans la convention. {self._contents()}")
        best = ranked[0] if ranked else None
        if best and best.confidence >= self.threshold and best.strong_terms:
            return self._clause_answer(question, self.knowledge.clauses[best.clause_id], terms, best.confidence, ranked)
        return self._unknown(question, self._not_found(ranked), ranked)

    def about(self, clause_id: str, question: str = "") -> Answer:
        """The card of one clause, asked for by name: its short answer and its whole text."""
        return self._clause_answer(question, self.knowledge.clauses[clause_id], None, 1.0, [])

    def calendar_citations(self) -> tuple[Citation, ...]:
        """Articles 3 and 6, quoted where they set the calendar (duration, renewal, notice)."""
        return self.calculations.calendar_citations()

    def citation(self, clause_id: str, terms: list[str] | None) -> Citation:
        """A citation of `clause_id` quoting the sentences that best match `terms` (all if None)."""
        clause = self.knowledge.clauses[clause_id]
        if terms is None:
            return Citation(clause.id, clause.ref, clause.title, " ".join(sentences(clause.text)))
        relevant = set(terms)
        weight = self.matcher.weight
        quote = select_quote(
            clause.text, lambda sentence: sum(weight(t) for t in set(self._sentence_terms(sentence)) & relevant)
        )
        return Citation(clause.id, clause.ref, clause.title, quote)

    def full_text(self, clause_id: str) -> str:
        clause = self.knowledge.clauses[clause_id]
        return f"{clause.text}\n\n{clause.note}" if clause.note else clause.text

    def _sentence_terms(self, sentence: str) -> list[str]:
        # Sentences come from the knowledge base only, so this cache is bounded by it.
        if sentence not in self._sentence_cache:
            self._sentence_cache[sentence] = self.matcher.analyzer.terms(sentence)
        return self._sentence_cache[sentence]

    def _small_talk(self, text: str) -> str | None:
        key = comparable(text)
        match = process.extractOne(key, self._smalltalk.keys(), scorer=fuzz.ratio, score_cutoff=SMALLTALK_SIMILARITY)
        if match:
            return self._smalltalk[match[0]].reply
        # Only politeness and vague words ("Bonjour, j'ai une question"): answer the politeness.
        terms = self.matcher.analyzer.terms(text)
        polite = [t for t in terms if t in self.matcher.courtesy]
        if polite and all(t in self.matcher.courtesy or t in self.matcher.generic for t in terms):
            entry = next((self._smalltalk[w] for w in key.split() if w in self._smalltalk), self.knowledge.smalltalk[0])
            return entry.reply
        return None

    def _clause_answer(
        self, question: str, clause: Clause, terms: list[str] | None, score: float, ranked: list[Candidate]
    ) -> Answer:
        alternatives = [
            c.clause_id
            for c in ranked
            if c.clause_id != clause.id
            and c.confidence >= ALTERNATIVE_SHARE * score
            and c.confidence >= self.threshold / 2
        ]
        suggestions = alternatives or [related for related in clause.related if related in self.knowledge.clauses]
        return Answer(
            question,
            True,
            "clause",
            clause.answer,
            (self.citation(clause.id, terms),),
            score,
            tuple(suggestions[:MAX_ALTERNATIVES]),
        )

    def _unknown(self, question: str, text: str, ranked: list[Candidate] | None = None) -> Answer:
        hints = tuple(c.clause_id for c in (ranked or [])[:MAX_ALTERNATIVES] if c.strong_terms)
        best = ranked[0].confidence if ranked else 0.0
        text = text.replace(self.contact, self.calculations.contact(question, self.contact, self.contacts))
        return Answer(question, False, "unknown", text, (), best, hints)

    def _not_found(self, ranked: list[Candidate]) -> str:
        hints = [self.knowledge.clauses[c.clause_id] for c in ranked[:MAX_ALTERNATIVES] if c.strong_terms]
        lines = ["Je n'ai pas trouvé de réponse à cette question dans la convention."]
        if hints:
            lines.append("Pistes possibles : " + " ; ".join(f"{h.ref} ({h.title})" for h in hints) + ".")
        lines.append(self._contents())
        return " ".join(lines)

    def _contents(self) -> str:
        topics = ", ".join(topic.label for topic in self.knowledge.topics.values())
        return f"Je peux vous renseigner sur : {topics}. {self.contact}"


def clean(question: str) -> str:
    """The question without control characters, markup or addresses, cut to a Telegram message."""
    visible = "".join(
        " " if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") else char
        for char in _NOISE.sub(" ", question[: MAX_QUESTION_CHARS * 2])
    )
    text = " ".join(visible.split())
    if len(text) > MAX_QUESTION_CHARS:  # cut between words: a half word would read as an unknown one
        text = text[: MAX_QUESTION_CHARS + 1].rsplit(" ", 1)[0]
    return text
