"""The bot's memory: one SQLite file, pseudonymous, purged, erasable.

What is kept and why (also told to users by /confidentialite):
- per chat: the signature date and the reminder choice (to compute its deadlines);
- per answer: the question, the clause and the score, so that feedback and the
  maintainers' report know what was asked. Well-answered questions without feedback are
  forgotten after a day; unanswered, doubtful or rated ones after `retention_days`;
- daily counters for /stats.
Users and chats are keyed by HMAC-SHA256 pseudonyms; a chat id needed to send a reminder is
stored encrypted (Fernet). No Telegram id, name or username is written in clear.

One module per thing kept: connection (+ migrations), pseudonyms (+ the secret), questions
(answers, feedback, counters), chats (settings, reminders), erasure (forget, retention), reports,
learning (the /revue queue and the examples taught there).
"""

from __future__ import annotations

from .chats import ChatStore, Reminder
from .erasure import LOW_CONFIDENCE, SHORT_RETENTION, ErasureStore, Forgotten
from .learning import LearningStore
from .migrations import MIGRATIONS, SCHEMA_VERSION
from .pseudonyms import load_secret
from .questions import QuestionStore
from .reports import ReportStore


class Storage(QuestionStore, ChatStore, ErasureStore, ReportStore, LearningStore):
    """The database, opened once per process; every public method is safe to call concurrently."""


__all__ = [
    "LOW_CONFIDENCE",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "SHORT_RETENTION",
    "Forgotten",
    "Reminder",
    "Storage",
    "load_secret",
]
