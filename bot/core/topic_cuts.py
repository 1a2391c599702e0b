"""Two questions run on without any "?" (an SMS, a dictation): "la convention on peut la resilier quand on veut et le
cdg il facture le trajet en plus". No question word marks the second, so the reading of the sentence (pieces.py) keeps
one question; where a linking word, no comma before it, or a question word said a second time ("savoir comment … comment
…") parts two halves that each name a clause of their own, sure on their own words (or one clearly, the other less),
they are two questions. Halves the matcher alone reads too weakly are read by the learned classifier too (ranker.py):
when it gives each its own clause with RUN_ON_READ at least and the first half asks in its own words, they are two
questions (measured in session 38: 0.6 loses a calculation dictated with "STOP", 0.9 gains fewer); so are halves whose
second opens with a question word and is sure on its own words, the first naming another clause at OPENED_HEAD at
least ("… jusqua quand on peut dire stop | et cest qui le president du cdg": 0.1 and 0.2 gain 2 tracked rows, 0.3 none);
and so are a first half asking surely of a clause and a second the classifier reads "hors sujet" with RUN_ON_OUT at
least (session 39, 0.95: one held-out message gained, no tracked row changed; session 48, 0.9: dictated messages gained
with counted_cuts.py, which reads the same threshold, as "le tribunal competent c'est lequel | et le fctva on peut le
toucher sur les factures"; no tracked row changed). A first half that asks nothing and ends with a date is a list of
dated facts going on, never cut off the question after it ("le maire a signé le trois février le centre de gestion le
dix février | et la fibre numérique en dernier le dix-sept février … avant quand": session 55). A first half naming a
clause at WEAKER_SIDE in more than a bare question's words is cut off a second asking a fact the convention never gives
(vocabulary.yaml `unstated_facts`), refused in its place (session 72: three read messages gained, no tracked row changed).
A second half naming nothing but a party is a question of its own when it asks in its own words ("le cdg il peut partir
quand il veut | et la fibre elle fait quoi"), not a party joined to the first ("… et la fibre aussi"): session 83, no
tracked or held-out row changed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from .date_mentions import find_dates
from .follow_ups import MAX_BARE_WORDS
from .french import fold
from .matching import Matcher
from .number_text import digits
from .ranker import Ranker
from .training import OUT_OF_SCOPE

WEAKER_SIDE, CLEAR_SIDE = 0.3, 0.6  # confidences: a side under the threshold is cut off one clearly naming its clause
RUN_ON_READ = 0.8  # the classifier's probability of each half's clause, for a cut the matcher alone does not make
OPENED_HEAD = 0.2  # the first half's confidence, when the second opens with a question word and is sure on its own
RUN_ON_OUT = 0.9  # the classifier's "hors sujet" probability of a second half, for a cut off a sure first one
ANY_DAY = date(2000, 1, 1)  # `_ends_dated` reads whether a date is written, not its year
RUN_ON_REACH = 400  # characters: a run-on SMS is short; a longer unpunctuated text is a dictation or a pasted page


class TopicCuts:
    """Cuts an unpunctuated question where its halves name different clauses."""

    def __init__(
        self,
        matcher: Matcher,
        threshold: float,
        cuts: Callable[[str], list[tuple[int, int]]],
        says_asking: Callable[[str], bool],
        topical: Callable[[str], bool],
        inside: Callable[[str], tuple[str, ...]],
        shares_verb: Callable[[str, str], bool],
        goes_on: Callable[[str], bool],
        question_like: Callable[[str, bool], bool],
        ranker: Ranker,
        unstated: Callable[[str], str],
    ) -> None:
        self.matcher = matcher
        self.threshold = threshold  # a lone question's: each half must be sure of its clause on its own words
        self._cuts = cuts  # where a piece may end: a comma, a semicolon, before a linking word
        self._says_asking = says_asking  # an asking phrase in a text ("et nous voudrions savoir combien …")
        self._topical = topical  # whether a text names a topic, not only a party ("et la fibre aussi")
        self._inside = inside  # the articles a clause is a sub-article of (Knowledge.articles_of)
        self._shares_verb = shares_verb  # "sous quelle forme | et dans quel délai nous devons …": one question
        self._goes_on = goes_on  # "si on signe | et que ça marche mal, …": the same condition (or claim) goes on
        self._question_like = question_like  # whether a text asks (True: written without "?", a question word anywhere)
        self._ranker = ranker  # the clauses of a text, the learned classifier's reading included
        self._unstated = unstated  # what the convention never gives, asked ("… et le SIRET du syndicat"), else ""

    def split(self, question: str) -> list[str]:
        """`question` cut into the questions it runs on, in order (itself alone when none is found)."""
        if len(question) > RUN_ON_REACH:
            return [question]  # (each cut tried reads both halves: not made on a long text)
        found: list[str] = []
        rest = question
        while cut := self._first(rest):
            found.append(rest[: cut[0]].strip())
            rest = rest[cut[1] :]
        return [*found, rest.strip()]

    def split_pieces(self, pieces: list[str], sentence: str) -> list[str]:
        """The pieces of an unpunctuated `sentence`, each cut where it runs on: one piece wholly (`split`); those after the
        first too when the sentence holds no mark ("… qui signe pour le syndicat et aussi combien de temps … et pis où …"), not the first (a
        greeting or a story may open it); a sentence written with commas or a full stop is cut where its writer cut it."""
        if len(pieces) == 1:
            return self.split(pieces[0])
        if not pieces or "," in sentence or sentence.rstrip().endswith("."):
            return pieces
        return [pieces[0], *(cut for piece in pieces[1:] for cut in self.split(piece))]

    def _first(self, text: str) -> tuple[int, int] | None:
        """The first cut of `text` whose two sides name two clauses, neither inside the other."""
        # a half asks an unstated fact only if the whole does (read once: most texts ask none)
        unstated = bool(self._unstated(text))
        for start, end in self._cuts(text):
            if text[start:end].strip():
                continue  # a comma or a semicolon: a written sentence's clauses, not a run-on
            head, tail = text[:start], text[end:]
            if self._shares_verb(fold(head), tail) or self._goes_on(fold(tail).lstrip()):
                continue  # "m'indiquer sous quelle forme et dans quel délai nous devons …": one verb, one question
            if not (self._topical(head) and (self._topical(tail) or self._question_like(tail, False))) or (
                self._says_asking(tail) and not self._says_asking(head)
            ):
                continue  # "… et la fibre aussi", "le cdg et la fibre peuvent …": a party joined to the same question;
                # "nous sommes une petite mairie et nous voudrions savoir combien …": what she tells, then what she asks
            asks = self._question_like(head, True)  # the first half asks in its own words
            if not asks and _ends_dated(head):
                continue  # a list of dated facts goes on, read by the question after it ("le maire a signé le 3 février le
                # centre de gestion le 10 février | et la fibre numérique en dernier le 17 février … le recommandé avant quand")
            sides = self._clause(head), self._clause(tail)  # the matcher's reading, read once for the rules below
            if self._parted(*sides):
                return start, end
            # Halves the learned classifier, which knows how people ask, reads each with assurance as a clause of its
            # own ("… ca fait combien | et la facture de la fibre on la recoit quand"), the first asking in its own words:
            # not a fact told before the question ("la fibre a signé le 17 janvier | et nous le 20 … quelle date
            # limite"), nor the hours of one visit ("venu 2h sur place | et 1h de route … ca fait combien").
            if asks and self._parted(*map(self._reread, (head, tail))):
                return start, end
            if self._question_like(tail, False) and self._parted(*sides, head=OPENED_HEAD):
                return start, end
            # A first half asking surely of a clause, a second the classifier reads as another topic, all but certainly
            # ("quel nom mettre comme représentant de la commune | et aussi le montant de la subvention du Département")
            if asks and sides[0][1] >= self.threshold and self._off_topic(tail):
                return start, end
            # A first half naming a clause, a second asking what the convention never gives ("le cdg il facture combien
            # quand il vient nous aider | et les bulletins de paie des agents c'est le cdg aussi"): the first answered, the
            # second refused apart; not a list's bare item ("nom | et téléphone du technicien référent")
            named = sides[0][1] >= WEAKER_SIDE and len(head.split()) > MAX_BARE_WORDS
            if unstated and named and self._unstated(tail) and not self._unstated(head):
                return start, end
        return None

    def reading(self, text: str) -> tuple[str, float]:
        """`_clause`, or "" and the learned classifier's "hors sujet" probability when that is higher and RUN_ON_OUT at
        least (counted_cuts.py): a piece of a question cut too short ("il est obligatoire avant de commencer") may read
        as another topic, less surely."""
        clause, elsewhere = self._clause(text), self._elsewhere(text)
        return ("", elsewhere) if elsewhere >= RUN_ON_OUT and elsewhere > clause[1] else clause

    def _off_topic(self, text: str) -> bool:
        """Whether the learned classifier reads `text` as no question of the convention's with RUN_ON_OUT at least."""
        return self._elsewhere(text) >= RUN_ON_OUT

    def _elsewhere(self, text: str) -> float:
        """The learned classifier's "hors sujet" probability of `text`."""
        return self._ranker.readings.probabilities(text, self.matcher.question_terms(text)).get(OUT_OF_SCOPE, 0.0)

    def _parted(self, left: tuple[str, float], right: tuple[str, float], head: float | None = None) -> bool:
        """Whether two halves, each with its first clause and confidence, name two clauses, neither inside the other, both
        surely (the first at `head` at least, if given) or one clearly, the other less."""
        (left_clause, left_score), (right_clause, right_score) = left, right
        sure = right_score >= self.threshold and left_score >= (self.threshold if head is None else head)
        # one side weaker, when the other names its clause clearly ("comment on paie le cdg | comment on arrête")
        clear = min(left_score, right_score) >= WEAKER_SIDE and max(left_score, right_score) >= CLEAR_SIDE
        return bool(left_clause and right_clause and (sure or clear) and not self._nested(left_clause, right_clause))

    def _nested(self, first: str, second: str) -> bool:
        """The same clause, or a clause and one of its sub-clauses ("art-4.2", "art-4.2.1")."""
        return first == second or first in self._inside(second) or second in self._inside(first)

    def _clause(self, text: str) -> tuple[str, float]:
        """The clause `text` names first on its own words, with its confidence ("" and 0 for none)."""
        ranked = self.matcher.rank(self.matcher.question_terms(text))
        return (ranked[0].clause_id, ranked[0].confidence) if ranked else ("", 0.0)

    def _reread(self, text: str) -> tuple[str, float]:
        """`_clause` with the learned classifier's reading too (ranker.py), when it gives that clause RUN_ON_READ."""
        terms = self.matcher.question_terms(text)
        ranked = self._ranker.rank(text, terms, self.matcher.rank(terms))
        if not ranked or self._ranker.readings.probabilities(text, terms).get(ranked[0].clause_id, 0.0) < RUN_ON_READ:
            return "", 0.0
        return ranked[0].clause_id, ranked[0].confidence


def _ends_dated(text: str) -> bool:
    """Does `text` end with a date ("… le centre de gestion le dix février")?"""
    written = digits(fold(text)).rstrip()
    dates = find_dates(written, ANY_DAY)  # with a day, those written without a year are found too
    return bool(dates) and dates[-1].start + len(dates[-1].text) >= len(written)
