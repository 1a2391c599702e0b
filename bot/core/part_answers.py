"""What one question of a message read in parts gets, set against what the earlier questions got: a reading that only
finds an earlier clause again, a reason said twice, a refusal in one short line (part_reader.py reads the questions)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from .answer import Answer
from .follow_ups import MAX_BARE_WORDS
from .matching import Matcher
from .questions import Question
from .replies import PART_NOT_FOUND

NEAR = 3  # the nearest clauses of a refused question that may take the whole message's answer (`placed`)


@dataclass
class Answered:
    """What the earlier questions of the message answered."""

    parts: list[Answer] = field(default_factory=list)
    cited: set[str] = field(default_factory=set)  # the first clause each answer cites
    words: set[str] = field(default_factory=set)  # the strong words of the questions answered so far


def settled(part: Answer, reading: str, question: Question, answered: Answered, matcher: Matcher) -> Answer:
    """The answer of `question` found by `reading` once set against the earlier ones: read with the
    sentence before it, a question that only finds an earlier question's clause is not answered (unless in a few words
    its own: `names_its_clause`); one that answers, with it, the unanswered question just before is that question's
    second sentence (that question's answer then leaves `answered`)."""
    focus, before, taken_up = question.text, question.before, question.follows or question.restates or question.subject
    cited = part.answered and part.citations[0].id in answered.cited and not first_computation(part, answered)
    if reading != focus and cited and not taken_up and not names_its_clause(part, focus, matcher):
        return not_found(focus)
    parts = answered.parts
    if reading != focus and part.answered and parts and parts[-1].question == before and not parts[-1].answered:
        # "ya moyen de faire un point avec eux ? c prevu qq part ?": the first, unanswered alone, and the
        # second, which names nothing, answered together: one question in two sentences, answered once.
        parts.pop()
        return replace(part, question=reading)
    return part


def names_its_clause(part: Answer, question: str, matcher: Matcher) -> bool:
    """Whether a question of a few words, too weak alone, names with its own strong words the clause found with the
    question before it, among their nearest ("Le CDG facture-t-il les déplacements ? À quel taux ?"): a question of its
    own on that clause (not "Quel tribunal ? Et de combien de temps disposons-nous pour déposer un recours ?")."""
    terms = [term for term in matcher.question_terms(question) if matcher.is_strong(term)]
    if not terms or len(question.split()) > MAX_BARE_WORDS:
        return False
    return part.citations[0].id in [candidate.clause_id for candidate in matcher.rank(terms)[:NEAR]]


def asked_again(part: Answer, own: set[str], answered: Answered) -> bool:
    """Whether `part` (its question's strong terms `own`) cites a clause cited before, naming nothing new, and is no
    `first_computation`."""
    cited = bool(part.citations) and part.citations[0].id in answered.cited and own <= answered.words
    return cited and not first_computation(part, answered)


def first_computation(part: Answer, answered: Answered) -> bool:
    """Whether `part` computes, after answers that computed nothing ("le cdg c ht ou ttc ? pr 10h faut mettre cb": the
    clause's answer, then a total on that clause asked too)."""
    return part.kind == "calculation" and all(earlier.kind != "calculation" for earlier in answered.parts)


def said_again(shown: Answer, question: Question, answered: Answered) -> bool:
    """Whether `shown` (a computation or a reason) is what the question before got ("Et quel est ce SIRET ?"): once."""
    if again := repeated(shown, answered) or restated(shown, question, answered):
        answered.parts[-1] = replace(answered.parts[-1], question=f"{answered.parts[-1].question} {question.text}")
    return again


def restated(shown: Answer, question: Question, answered: Answered) -> bool:
    """Is `shown` a computation on the clause the question just before computed, asked by a question giving no figure
    and taking nothing up ("combien pour septembre-octobre ? Voici ses passages : … Merci de me dire le montant.")? The
    same computation asked again: read alone, it lacks what the first question said (its months)."""
    last = answered.parts[-1] if answered.parts else shown
    computed = last is not shown and last.kind == shown.kind == "calculation" and last.citations and shown.citations
    same = computed and last.citations[0].id == shown.citations[0].id
    return bool(same) and not question.follows and not any(char.isdigit() for char in question.text)


def repeated(shown: Answer, answered: Answered) -> bool:
    """Is `shown` (a computation or a reason; not the refusal of two questions) what the question just before got?"""
    last = answered.parts[-1] if answered.parts else shown  # none before: nothing repeated
    fresh = last is shown or clause_answer(shown) or shown.text == PART_NOT_FOUND
    return not fresh and (same_computation(last, shown) or (last.kind, last.text) == (shown.kind, shown.text))


def computed_before(shown: Answer, answered: Answered) -> bool:
    """Is `shown` a computation an earlier question got, a section between them ("… date limite ? Faut-il un recommandé ?
    Et si on n'est pas d'accord, qui tranche ?": the calendar was the first question's)?"""
    return any(same_computation(part, shown) for part in answered.parts[:-1])


def same_computation(one: Answer, other: Answer) -> bool:
    """The same computation, its notes aside ("J+730 ça tombe quand ? et le J-90 pour la lettre ?": one calendar)."""
    return one.kind == other.kind == "calculation" and one.text.split("\n")[0] == other.text.split("\n")[0]


def clause_answer(part: Answer) -> bool:
    """An answer citing a clause, not a calculation."""
    return part.answered and part.kind != "calculation" and bool(part.citations)


def first_clause(part: Answer) -> str:
    """The clause a clause answer cites first ("" for a calculation or a refusal)."""
    return part.citations[0].id if clause_answer(part) else ""


def worth_giving(part: Answer) -> bool:
    """An answer, or a calculation: a calculation refused says why (an impossible date)."""
    return part.answered or part.kind == "calculation"


def refused(part: Answer, reading: str, matcher: Matcher) -> bool:
    """Refused with no clause at all although its own words are the convention's, and words of another topic with them:
    read out of scope (another contract, "notre contrat d'assurance"), not too weak; the sentence before would lend it
    its topic. Without such words ("Le bureau municipal souhaite connaître la durée initiale." after "Point 1 : durée
    de la convention.") it is read again with that sentence."""
    terms = matcher.question_terms(reading)
    return (
        part.score == 0.0
        and not part.alternatives
        and any(map(matcher.is_strong, terms))
        and any(map(matcher.is_foreign, terms))
    )


def not_found(question: str, text: str = "") -> Answer:
    """A question of the message left unanswered: one short line, the message's other answers around it; a refusal
    that says why ("La convention ne le dit pas : …", "« article 12 » n'existe pas …") keeps that first sentence."""
    said = text.split(". ")[0].rstrip(".") + "." if text and not text.startswith(PART_NOT_FOUND) else PART_NOT_FOUND
    return Answer(question, False, "unknown", said)


def placed(whole: Answer, parts: list[Answer], matcher: Matcher) -> list[Answer]:
    """The parts of a message whose every question was refused, once the whole message was read at once: its answer
    given to the first question whose own nearest clauses hold its clause ("… quel tribunal ? Et quand rendre le compte
    administratif ?": the first, the second still refused), every refusal kept when the whole is refused too; the
    whole alone when no question holds its clause (it answers what they ask together)."""
    if len(parts) < 2 or not whole.answered:
        return parts if len(parts) > 1 else [whole]
    clause = first_clause(whole) or (whole.citations[0].id if whole.citations else "")
    for index, part in enumerate(parts):
        near = [candidate.clause_id for candidate in matcher.rank(matcher.question_terms(part.question))[:NEAR]]
        if clause in near:
            return [*parts[:index], replace(whole, question=part.question), *parts[index + 1 :]]
    return [whole]


def one_sentence(sentences: list[str], first: str, second: str) -> bool:
    """Whether two questions as found (`first` then `second`) were asked in one of the message's `sentences`: the end of
    the first and the start of the second stand in it ("combien coûte une heure du CDG, et si le trajet est compté")."""
    end, start = " ".join(first.split()[-3:]), " ".join(second.split()[:3])
    return any(end in text and start in text for text in (" ".join(sentence.split()) for sentence in sentences))


def computes_last(whole: Answer, parts: list[Answer]) -> bool:
    """Whether `whole`, the message read at once, computes on the clause its last question's piece got: run-on pieces
    without "?" ("on a signé hier … donc si on veut arrêter … faut envoyer le recommandé au plus tard quand") that are
    one calculation cut apart, not questions of their own ("… pas de facture cest normal et le cdg …")."""
    last = parts[-1].citations[0].id if parts and parts[-1].citations else None
    return whole.kind == "calculation" and any(citation.id == last for citation in whole.citations)
