"""Reads the parts of one message into the questions to answer, and answers them in order.

Why a module of its own: a message asking several things ("Notre site est en panne. Qui est responsable ? Et le CDG,
il peut aussi ?") is answered question by question, and reading each question is a set of rules apart from the
engine's orchestration (which decides whether a message is read in parts and answers one question at a time): which
text it is read with (alone, then with the sentence before it; a follow-up with the question it takes up), when two
questions are one written in two sentences, when one asks again an earlier one, and what the earlier ones answered."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from .answer import Answer, Citation
from .context_terms import first_terms
from .figures import shared, with_own
from .matching import Matcher
from .message import Message
from .part_answers import (
    NEAR,
    Answered,
    asked_again,
    clause_answer,
    computed_before,
    first_clause,
    not_found,
    one_sentence,
    refused,
    repeated,
    said_again,
    settled,
    worth_giving,
)
from .questions import MAX_PARTS, Question
from .replies import SURE_CONFIDENCE


class PartAnswerer(Protocol):
    """Answers one question of the message (the engine's `_answer_part`, given the message's date and whole text): `text`
    is the reading tried, `focus` the same when it is read for itself ("" if not), `terms` those of the reading and of
    the message's context, `figures` what the calculations read; `whole` "" reads it as the only question."""

    def __call__(
        self, question: str, text: str, focus: str, *, terms: list[str], figures: str, whole: str = ...
    ) -> Answer: ...


def reads_in_parts(asked: Sequence[Question]) -> bool:
    """Whether a message is answered question by question: it asks two questions or more, and no more than
    one reply can hold (a message asking one question, or too many, is answered as a whole)."""
    return 1 < len(asked) <= MAX_PARTS


@dataclass(frozen=True)
class _Asking:
    """What every question of one message is read with."""

    message: Message
    context: list[str]  # its context sentences, without a list whose items it asks ("plafond fibre ; durée conv")
    context_terms: list[str]  # the terms of the message's context sentences, the first ones only
    figures: str  # its context as the calculations read it, then a space ("" for none): figures.shared
    anchored: bool  # the message names the convention, its parties or its services
    answer_part: PartAnswerer


class PartReader:
    """Answers the questions of a message read in parts, in order."""

    def __init__(
        self,
        matcher: Matcher,
        named: Callable[[str], set[str]],
        join_quotes: Callable[[Citation, Citation], Citation],
        names_a_party: Callable[[str], bool] = bool,
        *,
        threshold: float,
        counterpart: Callable[[str, list[str], str, str], Answer | None] = lambda *_: None,
        inside: Callable[[str], tuple[str, ...]] = lambda _: (),
        off_topic: Callable[[str, bool], bool] = lambda *_: False,
        own_words: Callable[[str], str] = lambda text: text,
    ) -> None:
        self.matcher = matcher
        self.threshold = threshold  # a lone question's: a part answered under it is answered only as one of several
        self.named = named  # the parties a text names (the commune aside)
        self.names_a_party = names_a_party  # whether a text names a party, the commune ("nous", "on") included
        self.join_quotes = join_quotes  # a clause's citation quoting what two citations of it quote
        self.counterpart = counterpart  # (question, terms, a party's clause, another party): that party's own clause
        self.inside = inside  # the articles a clause is a sub-article of (Knowledge.articles_of)
        self.off_topic = off_topic  # whether the classifier reads a text alone as "hors sujet"
        self.own_words = own_words  # a follow-up's words, those referring back aside ("le même droit")

    def answers(
        self, message: Message, asked: Sequence[Question], *, anchored: bool, answer_part: PartAnswerer
    ) -> list[Answer]:
        """One answer per question `asked` of `message`, in order; a question that only asks again what an
        earlier one asked, on the same clause, is left out."""
        context = [text for text in message.context if not any(q.item and q.text.rstrip(" ?") in text for q in asked)]
        figures = shared(context)  # each question's `figures` starts with it: folded once
        asking = _Asking(message, context, first_terms(self.matcher, context), figures, anchored, answer_part)
        answered, texts = Answered(), [sentence.text for sentence in message.sentences]  # texts: where each was asked
        for question in asked:
            part, reading = self._first_good_reading(asking, question)
            part = settled(part, reading, question, answered, self.matcher)
            if question.follows and (own := self._counterpart(question.text, answered)):
                part = own  # "… du CDG ? Et pour La Fibre, c'est pareil ?": La Fibre's own clause, its reading aside
            shown = part if worth_giving(part) else not_found(question.text, part.text)  # as the reply gives it
            again = repeated(shown, answered) or computed_before(shown, answered)
            if again and (own := self._own_clause(asking, question.text, reading, answered)):
                part = shown = own  # the computation before again ("Il me faut le jour exact …"): its own clause
            if self._refused_alone(asking, part, question, answered) or self._off_topic(part, question):
                part = shown = not_found(question.text)
            if not (said_again(shown, question, answered) or self._joined(part, question, answered, texts)):
                self._record(part, shown, question, answered)
        return answered.parts

    def _first_good_reading(self, asking: _Asking, question: Question) -> tuple[Answer, str]:
        """The answer of the first reading of `question` that answers it (or computes something), else of its last."""
        focus, before, follows, checks = question.text, question.before, question.follows, question.checks
        # A follow-up ("Et le CDG, il peut aussi ?") is read with the question it takes up, whose clause it may share, a
        # question asked again too, and one with a pronoun, with its party; another too weak alone, with the one before.
        together = follows or question.restates or question.subject
        readings = (f"{before} {focus}",) if together else (focus, f"{before} {focus}") if before else (focus,)
        # A follow-up giving figures of its own ("2) et pour 3 h") is computed with them, not with those of the question
        # it takes up (2 h + 3 h); one giving none ("Et pour La Fibre ?") keeps that question's date. One naming a topic
        # of its own (not "Comment ?", nor what its words referring back name: "le même droit") is first read alone.
        figured = follows and not any(char.isdigit() for char in focus)
        strong = follows and any(map(self.matcher.is_strong, self.matcher.question_terms(self.own_words(focus))))
        if strong and not question.restates and before and not self.named(focus):
            alone = self._answer(asking, focus, focus, focus)
            if clause_answer(alone) and alone.confidence == "sure" and alone.score >= SURE_CONFIDENCE:
                return alone, focus
        for reading in readings:
            # A question too weak alone is read again with the sentence (or the piece) before it, unless that only finds
            # again an earlier question's clause (then not its own), and with its figures when it gives none ("… 3 h 15
            # … enfin combien au total"); a claim checked is read on its own words
            borrows = figured or (reading != focus and not any(char.isdigit() for char in focus))
            part = self._answer(asking, focus, reading, "" if checks else reading if borrows else focus, alone=checks)
            if worth_giving(part) or refused(part, reading, self.matcher):
                break
        return part, reading

    def _counterpart(self, follow_up: str, answered: Answered) -> Answer | None:
        """A follow-up naming one other party, unanswered: that party's own clause, when the clause the question before
        got speaks of a party and the text has one for it (knowledge/calculations.yaml, `party_clauses`)."""
        last = first_clause(answered.parts[-1]) if answered.parts else ""
        if not last or len(named := self.named(follow_up)) != 1:
            return None
        return self.counterpart(follow_up, self.matcher.question_terms(follow_up), last, next(iter(named)))

    def _own_clause(self, asking: _Asking, focus: str, reading: str, answered: Answered) -> Answer | None:
        """`focus` read without the context's figures, when its own words rank first a clause the answer before lacks, or
        surely one it quotes after its first (a calendar quotes article 6 second: "… et faut-il prévenir aussi le CDG ?")."""
        cited = [citation.id for citation in answered.parts[-1].citations]
        if (ranked := self.matcher.rank(self.matcher.question_terms(focus))) and ranked[0].clause_id in cited[:1]:
            return None
        own = self._answer(asking, focus, reading, "")
        kept = clause_answer(own) and own.citations[0].id not in cited[:1]
        return own if kept and (own.citations[0].id not in cited or own.score >= SURE_CONFIDENCE) else None

    def _answer(
        self, asking: _Asking, focus: str, reading: str, figured: str | None = None, alone: bool = False
    ) -> Answer:
        """The answer of `focus` read as `reading`; the calculations read the context and `figured` ("": `focus` alone);
        `alone`, the context's terms are not read either."""
        return asking.answer_part(
            focus,
            reading,
            reading if asking.anchored else "",
            terms=([] if alone else asking.context_terms) + self.matcher.question_terms(reading),
            figures=focus if figured == "" else with_own(asking.figures, asking.context, figured or focus),
        )

    def _refused_alone(self, asking: _Asking, part: Answer, question: Question, answered: Answered) -> bool:
        """Whether `question`, answered in the middle band with the clause of the question before, is refused asked
        alone (with the context): it asks what the convention does not say ("Quel tribunal ? Et de combien de temps
        disposons-nous pour déposer un recours ?"), or its own words name a foreign topic that the context lent the
        clause ("Et le recensement de la population, c'est quand ?"). Not a follow-up, a piece naming nothing ("c'est
        écrit où ?"), no "?"."""
        same = bool(answered.parts) and first_clause(answered.parts[-1]) == first_clause(part) != ""
        text, terms = question.text, self.matcher.question_terms(question.text)
        kept = not same or part.confidence == "sure" or question.follows or not text.endswith("?")
        if kept or not any(map(self.matcher.is_strong, terms)):
            return False
        # a topic of its own, the clause only lent by the context ("… perd le droit à l'offre ? Et le recensement de la
        # population, c'est quand ?"): its own words are foreign, and none of their nearest clauses is it
        near = [candidate.clause_id for candidate in self.matcher.rank(terms)[:NEAR]]
        if any(map(self.matcher.is_foreign, terms)) and first_clause(part) not in near:
            return True
        if part.score >= self.threshold:
            return False  # above a lone question's threshold, it answers alone too (the slow reading is not made)
        figures = with_own(asking.figures, asking.context, text)
        alone = asking.answer_part(text, text, text, terms=asking.context_terms + terms, figures=figures, whole="")
        return not alone.answered

    def _off_topic(self, part: Answer, question: Question) -> bool:
        """Whether `question`, answered in the middle band, reads "hors sujet" on its own words ("Et sinon, la CNIL
        peut-elle venir contrôler la mairie ?"), and with the sentence before it too ("Point 1 : durée de la convention.
        Le bureau souhaite connaître la durée initiale." names its topic before, unless it asks and is not taken up by
        a follow-up: "… ? À quelle cadence ?"): its clause came from a shared word."""
        doubted = not self.named(question.text)  # a provider named: the classifier's doubt alone does not refuse it
        if not clause_answer(part) or part.score >= SURE_CONFIDENCE or not self.off_topic(question.text, doubted):
            return False
        before = question.before.rstrip()
        asked_before = before.endswith("?") and not question.follows
        return not before or asked_before or self.off_topic(f"{before} {question.text}", doubted)

    def _joined(self, part: Answer, question: Question, answered: Answered, texts: list[str]) -> bool:
        """Whether `question` is answered with the question before, once: it asks the same again in other words ("Qui
        signe pour La Fibre ? Enfin, je veux dire, qui est son président ?"), it only takes it up on its clause ("Peut-on
        résilier avant le terme ? Comment ?"; not a list's item: "Question 3 : par quel moyen ?"), or a computation
        quoting its clause answers it in the same sentence (`texts`: "combien coûte une heure du CDG, et si le trajet est
        compté en plus"), or asks on its clause in one written sentence ("des intérêts, et à partir de quand ?"); never a
        question naming a party the one before does not. In two sentences, two ("La Fibre facture quand ? et si … ?")."""
        last = answered.parts[-1] if answered.parts else None
        if not (last and clause_answer(part)) or (question.follows and self.names_a_party(question.text)):
            return False  # "et nous, on peut aussi ?" asks another party's case
        computed = last.kind == "calculation" and last.citations and last.citations[0].id == part.citations[0].id
        same_party = not self.named(question.text) - self.named(last.question)
        if computed and one_sentence(texts, last.question, question.text) and not question.follows and same_party:
            answered.parts[-1] = replace(last, question=f"{last.question} {question.text}")
            return True
        if not clause_answer(last):
            return False
        first, second = last.citations[0].id, part.citations[0].id
        # a follow-up on the same clause, or a clause and its article ("art-4.2.1", "art-4.2": "… ? Comment ?"), or one
        # clause or a clause and its article in one written sentence ("est-ce plus cher que le CDG 62, qui facture combien ?")
        last_inside, part_inside = second in self.inside(first), first in self.inside(second)
        again = first == second and question.text.endswith(("?", ".", "!"))  # (written, not dictated)
        inside = (last_inside or part_inside or again) and one_sentence(texts, last.question, question.text)
        taken_up = question.follows and not question.listed and (first == second or last_inside or part_inside)
        if not (question.restates or ((inside or taken_up) and same_party)):
            return False
        joined = f"{last.question}{' ' if last.question.endswith(('?', '.', '!')) else ' ; '}{question.text}"
        # the clause's answer (what was asked precisely), else the surer reading's
        surer, other = (part, last) if part_inside or (not last_inside and part.score > last.score) else (last, part)
        quote = self.join_quotes(surer.citations[0], other.citations[0]) if first == second else surer.citations[0]
        answered.parts[-1] = replace(surer, question=joined, citations=(quote, *surer.citations[1:]))
        answered.cited.add(quote.id)
        answered.words |= {term for term in self.matcher.question_terms(question.text) if self.matcher.is_strong(term)}
        return True

    def _record(self, part: Answer, shown: Answer, question: Question, answered: Answered) -> None:
        """Keep `part` as the answer of `question`, unless it asks again what an earlier question asked."""
        own = {term for term in self.matcher.question_terms(question.text) if self.matcher.is_strong(term)}
        if not question.follows and (own or not question.listed) and asked_again(part, own, answered):
            return  # the same question again, on the same clause: answered once (a list item only if in words said)
        answered.cited.update(citation.id for citation in part.citations[:1])
        answered.words |= own
        answered.parts.append(shown)
