"""The one place confirmed out-of-scope wordings refuse a message, before the engine reads it.

A subclass rather than a change to the engine's answer flow: matching stays as it is, and every
shell gets the same behaviour because every engine is built by `Settings.engine`.
"""

from __future__ import annotations

from typing import Any

from .answer import Answer
from .cleaning import clean
from .engine import Engine
from .knowledge import Knowledge
from .out_of_scope import OutOfScope

REFUSAL = "Cette question ne relève pas de la convention : je ne peux pas y répondre."


class GuardedEngine(Engine):
    """The engine, refusing at once a message that rewords a confirmed out-of-scope question."""

    def __init__(self, knowledge: Knowledge, **options: Any) -> None:
        super().__init__(knowledge, **options)
        self.out_of_scope = OutOfScope(knowledge.out_of_scope)

    def answer(self, question: str, **options: Any) -> Answer:
        if clean(question) in self.out_of_scope:
            return Answer(question, False, "unknown", f"{REFUSAL} {self.contact}")
        return super().answer(question, **options)
