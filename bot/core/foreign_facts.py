"""A fact asked of something the convention never names ("Quel est le budget de la kermesse ?", "le président du club de
foot"): the convention cannot say; the clause its fact word would find (article 4.1's amount) answers another question.

Why a module of its own: `mentions.py` reads the names the convention gives (Somme Numérique, the Région); this reads
the names it never gives, by the matcher's view of their words (a word the knowledge base never uses, nor an everyday
one: `Matcher.is_foreign`), found right after a fact word (`entity_facts`) and the article of its complement
(`complement_articles`: "du", "de la", "d'un" …).
"""

from __future__ import annotations

import re

from .french import fold
from .matching import Matcher
from .phrases import alternatives, phrases_pattern
from .reading import Reading

SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")  # a sentence and its closing marks


class ForeignFacts:
    """Finds the name a question asks a fact of, when the convention never uses it."""

    def __init__(self, reading: Reading, matcher: Matcher) -> None:
        facts, articles = alternatives(reading.entity_facts), alternatives(reading.complement_articles)
        self._asked = re.compile(rf"(?<!\w)(?:{facts})\s+(?:{articles})\s+([^\W\d_][\w-]*)")  # (folded text)
        self._own = phrases_pattern(reading.own_bodies, start=False)  # "le prix de la téléphonie de La Fibre": its own
        self.matcher = matcher

    def name(self, question: str) -> str:
        """The word a fact is asked of that the convention never uses ("kermesse"), as written, else ""."""
        # Only in the last clause of a sentence that asks ("?"): not before a colon ("Directeur du SIVOM : avons-nous le
        # droit … ?" asks nothing of the SIVOM) or a comma ("Et les tarifs de ces postes, ils sont fixés où ?" asks where
        # a price is written); naming none of the convention's bodies (their services' names are not all known)
        if "?" not in question:
            return ""
        folded = fold(question)
        for sentence in SENTENCE.finditer(folded):
            if not sentence.group().endswith("?") or self._own.search(sentence.group()):
                continue
            start = sentence.start() + max(sentence.group().rfind(":"), sentence.group().rfind(",")) + 1
            for asked in self._asked.finditer(folded, start, sentence.end()):
                # ("pare-feu": "par", everyday, and "feu", foreign; none the convention's)
                terms = self.matcher.question_terms(asked.group(1))
                if any(map(self.matcher.is_foreign, terms)) and not any(map(self.matcher.is_strong, terms)):
                    written = len(folded) == len(question)  # the name as the question writes it ("Kermesse")
                    return question[asked.start(1) : asked.end(1)] if written else asked.group(1)
        return ""
