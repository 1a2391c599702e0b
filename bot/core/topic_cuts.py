"""Two questions run on without any "?" (an SMS, a dictation): "la convention on peut la resilier quand on veut et le
cdg il facture le trajet en plus". No question word marks the second, so the reading of the sentence (pieces.py) keeps
one question; where a linking word, no comma before it, or a question word said a second time ("savoir comment … comment
…") parts two halves that each name a clause of their own, sure on their own words (or one clearly, the other less),
they are two questions."""

from __future__ import annotations

from collections.abc import Callable

from .french import fold
from .matching import Matcher

WEAKER_SIDE, CLEAR_SIDE = 0.3, 0.6  # confidences: a side under the threshold is cut off one clearly naming its clause
RUN_ON_REACH = 400  # characters: a run-on SMS is short; a longer unpunctuated text is a dictation or a pasted page


class TopicCuts:
    """Cuts an unpunctuated question where its halves name different clauses."""

    def __init__(
        self,
        matcher: Matcher,
        threshold: float,
        cuts: Callable[[str], list[tuple[int, int]]],
        asks: Callable[[str], bool],
        topical: Callable[[str], bool],
        inside: Callable[[str], tuple[str, ...]],
        shares_verb: Callable[[str, str], bool],
        goes_on: Callable[[str], bool],
    ) -> None:
        self.matcher = matcher
        self.threshold = threshold  # a lone question's: each half must be sure of its clause on its own words
        self._cuts = cuts  # where a piece may end: a comma, a semicolon, before a linking word
        self._asks = asks  # whether a text says it asks ("et nous voudrions savoir combien …", asking phrases)
        self._topical = topical  # whether a text names a topic, not only a party ("et la fibre aussi")
        self._inside = inside  # the articles a clause is a sub-article of (Knowledge.articles_of)
        self._shares_verb = shares_verb  # "sous quelle forme | et dans quel délai nous devons …": one question
        self._goes_on = goes_on  # "si on signe | et que ça marche mal, …": the same condition (or claim) goes on

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

    def _first(self, text: str) -> tuple[int, int] | None:
        """The first cut of `text` whose two sides name two clauses, neither inside the other."""
        for start, end in self._cuts(text):
            if text[start:end].strip():
                continue  # a comma or a semicolon: a written sentence's clauses, not a run-on
            head, tail = text[:start], text[end:]
            if self._shares_verb(fold(head), tail) or self._goes_on(fold(tail).lstrip()):
                continue  # "m'indiquer sous quelle forme et dans quel délai nous devons …": one verb, one question
            if not (self._topical(head) and self._topical(tail)) or (self._asks(tail) and not self._asks(head)):
                continue  # "… et la fibre aussi", "le cdg et la fibre peuvent …": a party joined to the same question;
                # "nous sommes une petite mairie et nous voudrions savoir combien …": what she tells, then what she asks
            (left, left_score), (right, right_score) = self._clause(head), self._clause(tail)
            sure = min(left_score, right_score) >= self.threshold
            # one side weaker, when the other names its clause clearly ("comment on paie le cdg | comment on arrête")
            clear = min(left_score, right_score) >= WEAKER_SIDE and max(left_score, right_score) >= CLEAR_SIDE
            if left and right and (sure or clear) and not self._nested(left, right):
                return start, end
        return None

    def _nested(self, first: str, second: str) -> bool:
        """The same clause, or a clause and one of its sub-clauses ("art-4.2", "art-4.2.1")."""
        return first == second or first in self._inside(second) or second in self._inside(first)

    def _clause(self, text: str) -> tuple[str, float]:
        """The clause `text` names first on its own words, with its confidence ("" and 0 for none)."""
        ranked = self.matcher.rank(self.matcher.question_terms(text))
        return (ranked[0].clause_id, ranked[0].confidence) if ranked else ("", 0.0)
