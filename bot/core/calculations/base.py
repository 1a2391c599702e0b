"""What every calculator shares: the knowledge, the compiled cues, the matcher, the citer, and the
quotes of the calendar (Articles 3 and 6)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from ..answer import Answer, Citation
from ..calculation_schema import CalculationsFile
from ..cost import DurationReader
from ..folding import folded_start
from ..french import fold
from ..knowledge import Knowledge
from ..matching import Matcher
from .cues import CuePattern, Cues, cue_pattern

SENTENCE_MARKS = ".!?"  # what ends a sentence, for hours and questions
SENTENCE_END = re.compile(f"[{SENTENCE_MARKS}]")
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")  # between two sentences (`asking`; a date's role: `sentence_break`)
# a sentence's or a list part's end, not a month's abbreviation nor a date's dot ("nov. 2025", "15.09.2025")
PART_END = re.compile(r"[;!?]|\.(?! ?\d)")
ASIDE = re.compile(r"\([^()]*\)")  # an aside in brackets, closed: it says more of what precedes it
REPORTED_CACHE_SIZE = 512  # sentences searched for a reported question: a few messages'
LETTER_ALONE_TERMS = 6  # a question of fewer terms that names a letter is about that letter (the calendar's)

Cite = Callable[[str, "list[str] | None"], Citation]


@cache
def sentence_break(titles: tuple[str, ...]) -> re.Pattern[str]:
    """`SENTENCE_BREAK`, not after a title (folded: "signée par m. le maire le 4 mars" is one sentence)."""
    after = "".join(rf"(?<!(?<![a-z]){re.escape(fold(title))}\.)" for title in titles)
    return re.compile(rf"(?<=[.!?]){after}\s+")


@dataclass(frozen=True)
class Context:
    """What the calculators of one engine are built from."""

    knowledge: Knowledge
    matcher: Matcher
    cite: Cite
    cues: Cues
    reader: DurationReader
    reported: Reported  # a question reported or asked without "?" ("Le maire demande combien …", "merci de confirmer")


class Calculator:
    """A calculator of the text's implications: one kind of question (prices, dates, parties…)."""

    def __init__(self, context: Context) -> None:
        self.knowledge = context.knowledge
        self.words: CalculationsFile = context.knowledge.calculations
        self.matcher = context.matcher
        self.cite = context.cite
        self.cues = context.cues
        self.reader = context.reader
        reading = context.knowledge.reading  # a note's abbreviation ends no sentence either: "Sign. CC 12/09/2025"
        self.sentence_break = sentence_break((*reading.title_abbreviations, *reading.note_abbreviations))
        clauses = self.words.clauses  # knowledge/calculations.yaml `clauses:`
        self.duration_clause, self.termination_clause, self.cost_clause = (
            clauses.duration,
            clauses.termination,
            clauses.cost,
        )
        self.calendar_clauses = (clauses.duration, clauses.termination)  # a deadline quotes both
        self._quotes: dict[tuple[str, str], Citation] = {}

    def quoted(self, clause_id: str, words: str) -> Citation:
        """`clause_id` quoted where `words` (a `*_quote_words` of the calculations file) say: the same for every
        question, chosen once."""
        if (clause_id, words) not in self._quotes:
            self._quotes[clause_id, words] = self.cite(clause_id, self.matcher.question_terms(words))
        return self._quotes[clause_id, words]

    def priced(self, question: str, text: str, terms: list[str]) -> Answer:
        """A computed price (or why there is none), quoting the CDG 62's hourly rate where `terms` point."""
        return Answer(question, True, "calculation", text, (self.cite(self.cost_clause, terms),), 1.0)

    def calendar_citations(self) -> tuple[Citation, ...]:
        """Articles 3 and 6, quoted where they set the calendar (duration, renewal, notice)."""
        return tuple(self.quoted(clause_id, self.words.calendar_quote_words) for clause_id in self.calendar_clauses)

    def review_citations(self) -> tuple[Citation, ...]:
        """Article 3, quoted where it sets the review."""
        return (self.quoted(self.duration_clause, self.words.review_quote_words),)


UNKNOWN_DAY = (  # after a signature's day no one can tell ("et La Fibre quelques jours après")
    " : la convention entre en vigueur à sa signature par toutes les parties (article 3), et tout son calendrier se "
    "compte de ce jour-là. Donnez-moi la date exacte de la dernière signature : je calculerai l'échéance et la date "
    "limite."
)
UNKNOWN_SIGNATURE = (
    "La date qui compte est celle de la dernière signature par toutes les parties (article 3), et votre message dit ne "
    "pas la connaître : je ne peux pas calculer la date limite sur une autre date. Elle figure sur l'exemplaire signé par "
    "tous ; donnez-la-moi (par exemple « signée par tous le 15/03/2025 ») et je calculerai l'échéance et la date limite "
    "de la lettre recommandée (trois mois avant)."
)
UNSIGNED = (
    "La convention n'est pas encore en vigueur : elle entre en vigueur à sa signature par toutes les parties (article "
    "3) ; tant qu'une partie n'a pas signé, elle ne court pas et aucune date limite ne se calcule. Donnez-moi la date de la dernière signature quand "
    "elle sera apposée : je calculerai l'échéance et la date limite."
)


def letter_alone(terms: list[str]) -> bool:
    """Whether a question naming a letter is short enough to be about that letter (its numbers not counted)."""
    return len({term for term in terms if not term[0].isdigit()}) < LETTER_ALONE_TERMS


def asking(folded: str, reported: Reported | None = None) -> str:
    """The sentences of `folded` that ask (those ending with "?", or holding a `reported` question: "Le maire demande
    combien …"), else its last sentence: what the message asks, not its context ("Convention signée le 01/07/2025.
    … Quel est le montant maximal des dommages ?")."""
    if reported is not None and any(map(reported.holds, sentences := SENTENCE_BREAK.split(folded))):
        asked = [s for s in sentences if s.endswith("?") or reported.holds(s)]
    else:
        asked = _questions(folded)
    return " ".join(asked) if asked else next((s for s in reversed(folded.split(".")) if s.strip(" !")), "")


class Reported:
    """The phrases of a reported question ("Le maire demande combien …"), searched sentence by sentence: the sentences
    of a message's context are the same for each of its questions, searched once (a few hundred kept at most). No
    phrase holds a sentence's mark (refused here), so no match spans two sentences: the text holds a match exactly
    when one of its sentences does."""

    def __init__(self, phrases: list[str]) -> None:
        if any(SENTENCE_END.search(phrase) for phrase in phrases):
            raise ValueError("a reported question's phrase holds a sentence's mark")
        self.pattern = cue_pattern(phrases).compiled
        self._held: dict[str, bool] = {}

    def __getstate__(self) -> dict[str, object]:
        return {**self.__dict__, "_held": {}}  # a pickled engine carries no message

    def holds(self, sentence: str) -> bool:
        held = self._held.get(sentence)
        if held is None:
            if len(self._held) >= REPORTED_CACHE_SIZE:
                self._held.clear()
            held = self._held[sentence] = self.pattern.search(sentence) is not None
        return held


def _questions(folded: str) -> list[str]:
    """The sentences of `folded` that ask, from their start to their "?", found from mark to mark: the matches of the
    pattern '[^.!?]*[?]' tried only where a sentence starts, without a look-behind tried at every character. The
    context a message's questions share (folding.share_start) is read once: its marks are the text's first ones."""
    if not (shared := folded_start(folded)):
        return _marked(folded, [], 0, 0)[0]
    known = _contexts.get(shared)  # the context folded, or in digits (number_text.py): both forms are read
    if known is None:
        if len(_contexts) >= 2:
            _contexts.clear()
        known = _contexts[shared] = _marked(shared, [], 0, 0)
    return _marked(folded, list(known[0]), known[1], len(shared))[0]


_contexts: dict[str, tuple[list[str], int]] = {}  # the shared context's questions and where its last sentence starts


def _marked(folded: str, asked: list[str], start: int, position: int) -> tuple[list[str], int]:
    """`asked` and the sentences of `folded` that ask past `position` (the sentence going on there starts at `start`),
    and where the sentence going on at its end starts."""
    for mark in SENTENCE_END.finditer(folded, position):
        if mark.group() == "?":
            asked.append(folded[start : mark.end()])
        start = mark.end()
    return asked, start


def refusal(question: str, text: str) -> Answer:
    """A calculation refused, saying why (an impossible date, hours it cannot read)."""
    return Answer(question, False, "calculation", text)


def in_brackets(text: str, start: int) -> bool:
    """Is the position `start` inside brackets opened before it and not closed yet (an aside)?"""
    return text.rfind("(", 0, start) > text.rfind(")", 0, start)


def sentence_start(text: str, position: int, marks: str = ".;!?\n") -> int:
    """Where the sentence holding `position` starts: after the last of `marks` before it."""
    return max(text.rfind(mark, 0, position) for mark in marks) + 1


_BREAK = re.compile(r"[;!?]|[.,](?!\d)")  # a sentence end or a comma, not an amount's decimal mark ("1 450,00 €")


def since_break(
    text: str, position: int, apposed: CuePattern | None = None, reach: int = 60, copula: CuePattern | None = None
) -> str:
    """The words before `position` back to a sentence end or comma (`reach` characters at most), with `apposed` the
    subject before an apposed word too ("le CDG, lui, nous a facturé 450 €": "le CDG nous a facturé"), and with
    `copula` the words before a comma that only a copula follows ("Leur facture, c'est 1 440 €")."""
    window = text[max(0, position - reach) : position]
    pieces = _BREAK.split(window)
    if apposed and len(pieces) > 2 and apposed.fullmatch(pieces[-2].strip()):
        return f"{pieces[-3]} {pieces[-1]}"
    restated = copula and len(pieces) > 1 and copula.fullmatch(pieces[-1].strip())
    return f"{pieces[-2]} {pieces[-1]}" if restated and window[-len(pieces[-1]) - 1] == "," else pieces[-1]
