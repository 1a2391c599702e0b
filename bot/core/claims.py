"""The claims a question checks: "Ma voisine de bureau affirme que le CDG facture au forfait et que la convention dure
trois ans. Qui a raison ?" asks two things, one per claim. A question holding a check phrase (`check_questions`: "qui a raison",
"est-ce exact", "c'est juste") asks whether what was said before it is right; when that is several claims (quotes
« … », the items of a numbered list, or "… et que …"), each is a question of its own, answered in its place (two on
the same clause are joined again by the part reader)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from itertools import takewhile

from .french import fold
from .message import Sentence
from .phrases import WORD, alternatives, phrases_pattern
from .reading import Reading

_QUOTED = re.compile(r"«\s*([^«»]+?)\s*(?:»|$)")  # a sentence's last quote may have lost its »
_NUMBERED = re.compile(r"(?:^|(?<=[\s,;:]))(?:\d{1,2}°?|[a-e])\s?[).]\s+")  # "1) …, 2) …", "a. …"
MIN_CLAIMS = 2
MAX_ECHO_WORDS = 3  # "Solide ?", "Sur mesure ?": words of the sentence before, said again as a question


def echoed(sentence: str, before: str) -> bool:
    """Whether `sentence` only says again words of the sentence `before` it ("On nous vend un accompagnement « sur
    mesure ». Sur mesure ?"): a rhetorical echo of what was claimed, no question of its own."""
    words = WORD.findall(fold(sentence))
    return 0 < len(words) <= MAX_ECHO_WORDS and set(words) <= set(WORD.findall(fold(before)))


class Claims:
    """Finds the claims a checking question asks about, each to be answered as a question of its own."""

    def __init__(self, reading: Reading, names_something: Callable[[str], bool]) -> None:
        self._check = phrases_pattern(reading.check_questions, start=False)
        # a question word right after a check phrase ("me confirmer | comment arrivent les factures")
        self._asked = re.compile(r"[\s,:]*" + phrases_pattern(reading.closing_question_words, start=False).pattern)
        links = alternatives(tuple(fold(link).strip() for link in reading.claim_links if link.strip()))
        self._link = re.compile(rf"\s*,?\s+(?:{links})(?=[\s\w])", re.IGNORECASE) if links else None
        # "ma collègue dit que …": a sentence reporting one claim
        self._reported = phrases_pattern(reading.claim_verbs, start=False)
        self.names_something = names_something

    def checked(self, told: list[str], listed: list[str], sentence: str) -> list[str]:
        """The claims `sentence` checks, each as a question, when there are several naming something: the items of a
        list before it (`listed`), else those of the sentences `told` before it (since the last question) and of its
        own words before its check phrase; else []."""
        if not (check := self._check.search(folded := fold(sentence))) or self._asks_after(folded, check.end()):
            return []
        own = _before(sentence, check.start()).rstrip(" ,;:-–—")
        said = " ".join([*filter(self.names_something, told), own]).strip()  # not "Bonjour,"
        reported = [text for text in (*told, own) if self._reported.search(fold(text))]  # "Elle dit aussi que …"
        quoted = _QUOTED.findall(said)
        if len(quoted) == 1 and (embedded := _embedding(said)):
            quoted = [embedded]  # "Le maire affirme que ça coûterait « moins de 100 € ». Qui a raison ?": the sentence
        for units in (listed, quoted, _NUMBERED.split(said)[1:], self._linked(said), reported):
            claims = [unit.strip(" ,;:.-–—") for unit in units]
            claims = [claim for claim in claims if claim and self.names_something(claim)]
            # one claim quoted is what is checked too ("J'aimerais écrire : « … ». Est-ce fidèle ?"): its words asked
            if len(claims) >= MIN_CLAIMS or (units is quoted and claims):
                return [f"{claim} ?" for claim in claims]
        return []

    def _asks_after(self, folded: str, end: int) -> bool:
        """Does a question word naming something follow the check phrase ending at `end` ("Pouvez-vous me confirmer
        comment arrivent les factures … ?"): the sentence asks that, it checks nothing said before (not "… ou je
        mélange ?")."""
        return bool(self._asked.match(folded, end)) and self.names_something(folded[end:])

    def listed_after(self, sentences: Sequence[Sentence]) -> tuple[Sentence, ...]:
        """`sentences` with the claims a check question lists right after it asked, each as a question, and the check
        as their context ("Lesquelles sont fausses ?\n1- le CDG facture le temps passé ;\n2- …"): list items that ask
        nothing and name something, at least two."""
        out = list(sentences)
        for index, sentence in enumerate(sentences):
            if sentence.listed or not sentence.asks or not self._check.search(fold(sentence.text)):
                continue
            items = list(takewhile(lambda item: item.listed, sentences[index + 1 :]))
            if len(items) < MIN_CLAIMS or any(item.asks or not self.names_something(item.text) for item in items):
                continue
            out[index] = replace(sentence, asks=False)
            for offset, item in enumerate(items, start=index + 1):
                out[offset] = replace(item, text=f"{item.text.rstrip(' ;,.')} ?", asks=True)
        return tuple(out)

    def bare(self, sentence: str) -> bool:
        """Whether `sentence` only checks what was said before it ("Vous confirmez ?", "C'est bien ça ?"): a check
        phrase, and no word of its own naming something."""
        folded = fold(sentence)
        check = self._check.search(folded)
        return bool(check) and not self.names_something(folded[: check.start()] + folded[check.end() :])

    def closes(self, before: list[tuple[bool, bool]], sentence: str) -> bool:
        """Whether `sentence` only asks about the items listed right before it ((listed, asks) of each sentence before),
        which ask themselves: "a) « … » ; b) « … ». Qu'en dit la convention pour chacune ?" asks nothing more."""
        return bool(before) and before[-1] == (True, True) and bool(self._check.search(fold(sentence)))

    def _linked(self, said: str) -> list[str]:
        """`said` cut where a claim links another ("… toute seule et qu'on peut en sortir …"), or [] if it holds none."""
        pieces = self._link.split(said) if self._link else [said]
        return pieces if len(pieces) >= MIN_CLAIMS else []


def _embedding(said: str) -> str:
    """The sentence of `said` holding its one quote, marks removed, when the quote goes on a sentence that says more
    before it than a lead-in ending with ":" ("… a affirmé que l'intervention coûterait « moins de 100 € »"); else ""."""
    start = said.index("«")
    opening = max(said.rfind(mark, 0, start) for mark in ".!?") + 1
    lead = said[opening:start].strip()
    if not lead or lead.endswith(":"):
        return ""
    end = said.find("»", start)
    return " ".join(f"{lead} {said[start + 1 : end if end >= 0 else len(said)]}".split())


def _before(text: str, folded_at: int) -> str:
    """The words of `text` before the word at `folded_at` in its fold: a fold goes word by word but may change a word's
    length ("œuvre" -> "oeuvre"), so the position is found word by word, never taken as it is."""
    position = 0
    for index, word in enumerate(words := text.split(" ")):
        if position >= folded_at:
            return " ".join(words[:index])
        position += len(fold(word)) + 1
    return text
