"""The asking phrases of a folded text ("je voudrais savoir", "il demande si"): words that only say something is asked,
unless a negation stands right before them ("un conseiller m'avait reproché de ne pas savoir ce que je signais": a
story, nothing asked)."""

from __future__ import annotations

import re
from itertools import pairwise

from .french import fold
from .phrases import alternatives, flexible
from .reading import Reading

NEGATION_REACH = 16  # characters before an asking phrase where its negation is looked for ("de ne pas savoir")
MAX_INTERRUPTION = 80  # characters of an aside a request opener is cut by ("Pourriez-vous, avant jeudi, me dire …")


class AskingPhrases:
    """Finds the first asking phrase of a folded text that no negation takes back."""

    def __init__(self, trie: str, reading: Reading) -> None:
        negations, asides, listing = reading.asking_negations, reading.aside_phrases, reading.listing_openers
        self._pattern = re.compile(rf"{trie}(?!\w)")  # the phrases as one trie (phrases.phrase_trie)
        self._negated = re.compile(rf"(?<!\w)(?:{alternatives(negations)})\s+$") if negations else None
        # "Je vous demande, d'une part, pour quelle durée …": an aside between commas, read as spaces
        self._aside = re.compile(rf",\s*(?:{alternatives(asides)})\s*,") if asides else None
        # ... or between words, without commas ("il demande en gros à quoi sert …", "elle demande aussi si …")
        self._bare = re.compile(rf"(?<=[a-z]) (?:{alternatives(asides)})(?= )") if asides else None
        # ... and left out of the text cut into questions, unless it opens a list's items (`listing`: "d'une part")
        unlisted = tuple(aside for aside in asides if fold(aside) not in {fold(opener) for opener in listing})
        self._unlisted = re.compile(rf",\s*(?:{alternatives(unlisted)})\s*,") if unlisted else None
        # A request opening a sentence, cut by an aside between commas ("Pourriez-vous, pour notre dossier, me
        # préciser …"): one request, its commas read as spaces (the aside may name the topic: "…, s'agissant du CDG, …")
        cut = sorted(
            {tuple(fold(opener).strip().split(" ", 1)) for opener in reading.request_openers if " " in opener.strip()}
        )
        cuts = "|".join(
            rf"{flexible(head, folded=True)}(,[^,?]{{1,{MAX_INTERRUPTION}}},)\s*{flexible(rest, folded=True)}"
            for head, rest in cut
        )
        self._interrupted = re.compile(rf"^\W*(?:{cuts})(?!\w)") if cut else None  # opening the sentence: cheap

    def without_asides(self, folded: str) -> str:
        """`folded` with its asides read as spaces (the same positions)."""
        if self._aside and "," in folded:
            folded = self._aside.sub(_blank, folded)
        return self._bare.sub(_blank, folded) if self._bare else folded

    def without_asides_as_written(self, text: str) -> str:
        """`text` without its asides between commas ("Le conseil souhaite connaître, avant de voter, les règles …, ainsi
        que le prix …" lists as "Le conseil souhaite connaître les règles …, ainsi que le prix …"); as it is when its
        fold does not keep its positions."""
        folded = fold(text)
        if "," not in text or len(folded) != len(text):
            return text
        if self._interrupted and (interrupted := self._interrupted.match(folded)):
            start, end = interrupted.span(interrupted.lastindex or 0)  # the one aside group that matched
            text = f"{text[:start]} {text[start + 1 : end - 1]} {text[end:]}"
            folded = fold(text)
        if not self._unlisted:
            return text
        kept = [(0, 0), *((m.start(), m.end()) for m in self._unlisted.finditer(folded)), (len(text), len(text))]
        if len(kept) == 2:
            return text
        return " ".join(text[end:start].strip() for (_, end), (start, _) in pairwise(kept))

    def search(self, folded: str) -> re.Match[str] | None:
        """The first asking phrase of `folded` not right after a negation (its asides read as spaces), or None."""
        folded = self.without_asides(folded)
        for match in self._pattern.finditer(folded):
            start = match.start()
            if not (self._negated and self._negated.search(folded, max(0, start - NEGATION_REACH), start)):
                return match
        return None


def _blank(aside: re.Match[str]) -> str:
    return " " * len(aside.group())
