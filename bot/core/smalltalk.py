"""Small talk: a greeting or a thank-you gets its polite reply (knowledge/smalltalk), not a clause."""

from __future__ import annotations

from rapidfuzz import fuzz, process

from .french import comparable
from .knowledge import Knowledge
from .matching import Matcher

SMALLTALK_SIMILARITY = 88
MAX_SMALLTALK_CHARS = 200


class SmallTalk:
    """Recognizes a message that is only politeness and gives its reply."""

    def __init__(self, knowledge: Knowledge, matcher: Matcher) -> None:
        self.knowledge = knowledge
        self.matcher = matcher
        self._smalltalk = {comparable(p): entry for entry in knowledge.smalltalk for p in entry.patterns}

    def reply(self, text: str) -> str | None:
        """The reply to a cleaned message that is only politeness, else None."""
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
