"""The answering engine: a question in, an `Answer` with clause citations out.

Pure: no Telegram, no network, no clock (the caller passes `today`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import replace
from datetime import date

from rapidfuzz import fuzz, process

from .answer import Answer, Citation
from .calculations import Calculations
from .french import comparable
from .knowledge import Knowledge
from .matching import Candidate, Matcher
from .message import Message, Reader
from .quotes import select_quote, sentences
from .ranker import Ranker
from .references import find_reference
from .schema import Clause

DEFAULT_THRESHOLD = 0.4
# Between the threshold and this confidence the best clause is given with a warning and the next
# clauses as buttons: the middle band (README, "Comment il répond", table of thresholds).
SURE_CONFIDENCE = 0.5
UNSURE_LINE = (
    "Cette réponse ne correspond peut-être pas exactement à votre question ; voyez aussi les articles proposés."
)
PART_NOT_FOUND = "Je n'ai pas trouvé de réponse à cette question dans la convention."
DEFAULT_CONTACT = "Pour toute autre question, contactez le CDG 62 (votre interlocuteur habituel)."
# One contact per organisation, chosen by the question's subject (parties of knowledge/calculations.yaml).
DEFAULT_CONTACTS = {
    "fibre": "Pour une question sur les services de La Fibre Numérique 59 62, contactez La Fibre Numérique 59 62.",
}
MAX_QUESTION_CHARS = 4096  # a Telegram message; longer input is cut, not refused
SMALLTALK_SIMILARITY = 88
MAX_SMALLTALK_CHARS = 200
ALTERNATIVE_SHARE = 0.75  # another clause this close to the best one is offered as well
MAX_ALTERNATIVES = 3
MAX_CONTEXT_TERMS = 80  # a long message's context: its first sentences say what it is about
MAX_PARTS = 5
# The question sentence of a message that names the convention, its parties or its services, read
# for itself: a weaker match is still its best reading (given in the middle band, with the warning).
ANCHORED_THRESHOLD = 0.35  # chosen on tests/data/realistic.yaml (README, threshold table)
PART_THRESHOLD = 0.25  # chosen on tests/data/realistic.yaml (README, threshold table)
# What carries no words: invisible characters, ANSI codes, markup tags, web addresses.
_NOISE = re.compile(
    r"[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]|\x1b\[[0-9;?]*[ -/]*[@-~]|</?[a-zA-Z][^<>]{0,80}>|https?://\S+"
)

# Line breaks, tabs and no-break spaces are spaces (and printable once replaced).
_COMMON_SPACES = str.maketrans(dict.fromkeys("\n\r\t\xa0\u202f\u2009", " "))
_LINE_SPACES = str.maketrans({**dict.fromkeys("\t\xa0\u202f\u2009", " "), "\r": "\n"})


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
        self.ranker = Ranker(knowledge, self.matcher.question_terms)
        self.calculations = Calculations(knowledge, self.matcher, self.citation, threshold)
        self._sentence_cache: dict[str, list[str]] = {}
        self._smalltalk = {comparable(p): entry for entry in knowledge.smalltalk for p in entry.patterns}
        self.reader = Reader(knowledge.reading)
        # Anchors are matched as written (folded), not through synonyms: "contrat" may be anyone's contract.
        # A plural or a longer word counts too ("conventions", "conventionnées", "cdg62").
        self._anchors = [f" {comparable(words)}" for words in knowledge.reading.anchor_words if comparable(words)]

    def answer(self, question: str, *, today: date, signature: date | None = None) -> Answer:
        """Answer the message `question` as asked on `today`; `signature` is the chat's stored signing date.

        A message holding several questions gets one part per question (`Answer.parts`), in order;
        the answer's own fields are then those of its first part."""
        # The cache of one message's terms never outlives it.
        self.matcher.forget_texts()
        lines = clean(question, lines=True)  # line breaks end sentences
        text = " ".join(lines.split())  # what `clean(question)` gives
        if not text:
            return self._unknown(question, "Votre message est vide : écrivez votre question sur la convention.")
        if smalltalk := self._small_talk(text):
            return Answer(question, False, "smalltalk", smalltalk, score=1.0)
        message = self.reader.read(lines)
        asked = self._questions(message)
        focuses = [focus for focus, _ in asked]
        # Tied to the convention, a question may be answered alone, whatever its context says.
        written = f" {comparable(text)} "
        anchored = any(anchor in written for anchor in self._anchors)
        if len(focuses) <= 1 or len(focuses) > MAX_PARTS:
            focus = focuses[0] if len(focuses) == 1 and anchored else ""
            return self._answer_part(question, text, focus, today, signature, situational=anchored)
        context = self.matcher.question_terms(" ".join(message.context))[:MAX_CONTEXT_TERMS]
        parts: list[Answer] = []
        cited: set[str] = set()
        words: set[str] = set()  # the strong words of the questions answered so far
        for focus, before in asked:
            for reading in (focus, f"{before} {focus}") if before else (focus,):
                # A question too weak alone is read again with the sentence (or the piece) before it,
                # unless that only finds again the clause of an earlier question (then it is not its own).
                part = self._answer_part(
                    focus,
                    reading,
                    reading if anchored else "",
                    today,
                    signature,
                    text,
                    context + self.matcher.question_terms(reading),
                    figures=" ".join([*message.context, focus]),
                    cited=frozenset(cited),
                )
                if part.answered or part.kind == "calculation":
                    break
            if reading != focus and part.answered and part.citations[0].id in cited:
                part = Answer(focus, False, "unknown", PART_NOT_FOUND)
            own = {term for term in self.matcher.question_terms(focus) if self.matcher.is_strong(term)}
            if part.citations and part.citations[0].id in cited and own <= words:
                continue  # the same question again, on the same clause: answered once
            cited.update(citation.id for citation in part.citations[:1])
            words |= own
            # A calculation refused says why (an impossible date); any other miss is one short line.
            keep = part.answered or part.kind == "calculation"
            parts.append(part if keep else Answer(focus, False, "unknown", PART_NOT_FOUND))
        if not any(part.answered for part in parts):
            return self._answer_part(question, text, "", today, signature, situational=anchored)
        if len(parts) == 1:
            return replace(parts[0], question=question)
        return replace(parts[0], question=question, parts=tuple(parts))

    def _questions(self, message: Message) -> list[tuple[str, str]]:
        """The distinct questions of a message, each with the sentence or piece before it: its asking
        sentences, cut where a new question starts; a piece that names nothing the convention knows
        ("Sommes-nous bloqués") stays with its neighbour, and a question that names nothing at all
        ("Quelle procédure suivre ?") takes the sentence before it."""
        focuses: list[tuple[str, str]] = []
        previous: list[str] = []  # the context sentences since the last question, nearest last
        last = ""  # the sentence just before, whatever it is
        if len(message.questions) > MAX_PARTS:
            return [(question, "") for question in message.questions]  # more than one reply can hold
        for sentence in message.sentences:
            if not sentence.asks:
                previous.append(sentence.text)
                last = sentence.text
                continue
            pieces: list[str] = []
            pending = ""
            for piece in self.reader.pieces(sentence.text):
                piece = f"{pending}, {piece}" if pending else piece
                if self._names_something(piece):
                    pieces.append(piece)
                    pending = ""
                else:
                    pending = piece
            if pending and pieces:
                pieces[-1] = f"{pieces[-1]}, {pending}"
            elif not pieces:
                # The nearest context that names something: "Nous voulons sortir de la convention. Je
                # prépare le dossier. Comment faut-il procéder ?"
                for start in range(len(previous) - 1, -1, -1):
                    joined = " ".join([*previous[start:], sentence.text])
                    if self._names_something(" ".join(previous[start:])):
                        pieces, last = [joined], ""
                        break
            focuses += [(piece, before) for piece, before in zip(pieces, [last, *pieces], strict=False)]
            previous, last = [], sentence.text
        return focuses

    def _names_something(self, text: str) -> bool:
        return any(self.matcher.is_strong(term) for term in self.matcher.question_terms(text))

    def _answer_part(
        self,
        question: str,
        text: str,
        focus: str,
        today: date,
        signature: date | None,
        whole: str = "",
        terms: list[str] | None = None,
        situational: bool = True,
        figures: str = "",
        cited: frozenset[str] = frozenset(),
    ) -> Answer:
        """One question: `focus` is its sentence ("" if none stands out), `text` the same with its context
        (or `terms`, those of its context and itself), `whole` the message when it holds several questions.
        The calculations read `figures` (else `text`): for one of several questions, the question and the
        message's context, not the other questions (their dates, hours or parties are not its own), and
        only the question's own words say whether it asks for a calculation. A clause already `cited` by an
        earlier question gives way to the next one of the ranking when that one is nearly as good."""
        terms = terms if terms is not None else self.matcher.question_terms(text)
        focus_terms = self.matcher.question_terms(focus) if focus else []
        # One of several questions is read with its context weaker (no second reading of the whole).
        if whole and focus_terms:
            ranked = self.matcher.rank(focus_terms, terms)
        else:  # a message that never names the convention: its unknown words may well be its topic
            ranked = self.matcher.rank(terms, dilute=situational)
        # The calculation hook: once per question (see `figures` above).
        own_terms = focus_terms if whole and focus_terms else terms
        if calculation := self.calculations.answer(question, figures or text, own_terms, ranked, today, signature):
            return calculation
        # The one combination point with the learned classifier (bot/core/ranker.py), after the
        # calculations: they keep the matcher's view of the near clauses, so they do not change with it.
        ranked = self.ranker.rank(*((focus, focus_terms) if whole and focus_terms else (text, terms)), ranked)
        reference = find_reference(text)
        if reference and reference.clause_id in self.knowledge.clauses:
            clause = self.knowledge.clauses[reference.clause_id]
            return self._clause_answer(question, clause, None, 1.0, ranked)
        if reference and reference.explicit:
            return self._unknown(question, f"« {reference.text} » n'existe pas dans la convention. {self._contents()}")
        if focus_terms and focus_terms != terms and not whole:
            # The question itself first, its context weaker: the context's words would dilute it.
            focus_ranked = self.ranker.rank(focus, focus_terms, self.matcher.rank(focus_terms, terms), (text, terms))
            if self._sure(focus_ranked, min(self.threshold, ANCHORED_THRESHOLD)):
                best = _own_best(focus_ranked, cited)
                clause = self.knowledge.clauses[best.clause_id]
                return self._clause_answer(question, clause, focus_terms, best.confidence, focus_ranked)
        # One of several questions of a message about the convention: a weaker match is still its best
        # reading, given in the middle band (with the warning and the next clauses).
        threshold = min(self.threshold, PART_THRESHOLD) if whole and focus_terms else self.threshold
        if self._sure(ranked, threshold):
            best = _own_best(ranked, cited)
            return self._clause_answer(question, self.knowledge.clauses[best.clause_id], terms, best.confidence, ranked)
        return self._unknown(question, self._not_found(ranked), ranked)

    def _sure(self, ranked: list[Candidate], threshold: float) -> bool:
        return bool(ranked) and ranked[0].confidence >= threshold and bool(ranked[0].strong_terms)

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
        if len(text) > 2 * MAX_SMALLTALK_CHARS:
            return None  # a long message is never only politeness
        key = comparable(text)
        if len(key) > MAX_SMALLTALK_CHARS:
            return None
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
        unsure = terms is not None and score < SURE_CONFIDENCE
        if unsure:  # the next clauses, whatever their confidence, are the other readings of the question
            alternatives = [c.clause_id for c in ranked if c.clause_id != clause.id and c.strong_terms]
        suggestions = alternatives or [related for related in clause.related if related in self.knowledge.clauses]
        return Answer(
            question,
            True,
            "clause",
            f"{UNSURE_LINE} {clause.answer}" if unsure else clause.answer,
            (self.citation(clause.id, terms),),
            score,
            tuple(suggestions[:MAX_ALTERNATIVES]),
            confidence="unsure" if unsure else "sure",
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


def _own_best(ranked: list[Candidate], cited: frozenset[str]) -> Candidate:
    """The best clause of a ranking, or, when an earlier question of the message already cites it, the
    first other clause nearly as good (an alternative's share): two questions on one clause are answered
    once only when no other clause fits the second nearly as well."""
    best = ranked[0]
    if best.clause_id not in cited:
        return best
    for candidate in ranked[1:]:
        if candidate.confidence < ALTERNATIVE_SHARE * best.confidence:
            break
        if candidate.clause_id not in cited and candidate.strong_terms:
            return candidate
    return best


def clean(question: str, *, lines: bool = False) -> str:
    """The question without control characters, markup or addresses, cut to a Telegram message; with
    `lines`, its non-empty lines each cleaned, one per line (a line break ends a sentence or a list item)."""
    visible = _NOISE.sub(" ", question[: MAX_QUESTION_CHARS * 2]).translate(_LINE_SPACES if lines else _COMMON_SPACES)
    if not visible.replace("\n", "").isprintable():  # rare: a test per character only when one may be invisible
        visible = "".join(
            char if char == "\n" or unicodedata.category(char) not in ("Cc", "Cf", "Zl", "Zp") else " "
            for char in visible
        )
    if lines:
        text = "\n".join(" ".join(words) for words in map(str.split, visible.split("\n")) if words)
    else:
        text = " ".join(visible.split())
    if len(text) > MAX_QUESTION_CHARS:  # cut between words: a half word would read as an unknown one
        text = text[: MAX_QUESTION_CHARS + 1].rsplit(" ", 1)[0]
    return text
