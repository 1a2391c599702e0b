"""The maintainers' report queries (synchronous: used by the CLI)."""

from __future__ import annotations

import sqlite3
from datetime import date

from .connection import Database
from .erasure import LOW_CONFIDENCE


class ReportStore(Database):
    def questions_for_report(self, since: date) -> list[sqlite3.Row]:
        return self.read(
            "SELECT question, kind, clause_id, candidates, score, answered, created_at FROM answers"
            " WHERE created_at >= ? AND question IS NOT NULL AND (answered = 0 OR score < ?) AND kind != 'smalltalk'",
            (since.isoformat(), LOW_CONFIDENCE),
        )

    def feedback_for_report(self, since: date) -> list[sqlite3.Row]:
        return self.read("SELECT clause_id, vote, question FROM feedback WHERE created_at >= ?", (since.isoformat(),))
