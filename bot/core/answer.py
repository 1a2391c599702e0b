"""The answer model shared by every shell (CLI, Telegram, evaluation)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Kind = Literal["clause", "calculation", "smalltalk", "unknown"]


@dataclass(frozen=True)
class Citation:
    """A clause an answer rests on, with the verbatim sentence(s) that say it."""

    id: str
    ref: str
    title: str
    quote: str

    def to_dict(self) -> dict[str, str]:
        return {"id": self.id, "ref": self.ref, "title": self.title, "quote": self.quote}


@dataclass(frozen=True)
class Answer:
    """What the assistant says to one question. `citations[0]` is the primary clause."""

    question: str
    answered: bool
    kind: Kind
    text: str
    citations: tuple[Citation, ...] = ()
    score: float = 0.0
    alternatives: tuple[str, ...] = ()
    # One answer per question of a message holding several, in order; empty for a single question.
    # The fields above are then those of the first part.
    parts: tuple[Answer, ...] = ()
    # "sure", or "unsure": the best clause is given but may not be exactly the question.
    confidence: Literal["sure", "unsure"] = "sure"

    @property
    def all_parts(self) -> tuple[Answer, ...]:
        return self.parts or (self,)

    def part_dict(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "answered": self.answered,
            "kind": self.kind,
            "answer": self.text,
            "citations": [citation.to_dict() for citation in self.citations],
        }

    def to_dict(self) -> dict[str, Any]:
        extra: dict[str, Any] = {"parts": [part.part_dict() for part in self.parts]} if self.parts else {}
        if self.confidence != "sure":
            extra["confidence"] = self.confidence
        return {**self.part_dict(), "score": round(self.score, 3), "alternatives": list(self.alternatives), **extra}
