"""Inline keyboards and their callback data ("f:art-6"): short, so always under 64 bytes."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from ..core.answer import Answer
from ..core.knowledge import Knowledge
from ..core.schema import Clause

# Callback data: an action letter, a colon, a clause or topic id.
FULL_TEXT, SHORT_VIEW, SEE_CLAUSE, TOPIC, EXAMPLE, LIKE, DISLIKE, AGENDA = "f", "s", "c", "t", "e", "+", "-", "a"
BUTTON_LABEL_MAX = 48
MAX_SUGGESTIONS = 3


def data(action: str, ident: str) -> str:
    return f"{action}:{ident}"


def parse(callback_data: str | None) -> tuple[str, str]:
    action, _, ident = (callback_data or "").partition(":")
    return action, ident


def clause_label(clause: Clause) -> str:
    label = f"{clause.ref} · {clause.title}"
    return label if len(label) <= BUTTON_LABEL_MAX else label[: BUTTON_LABEL_MAX - 1] + "…"


def answer_keyboard(knowledge: Knowledge, answer: Answer, *, full_text_shown: bool = False) -> InlineKeyboardMarkup:
    """Buttons under an answer: full text (or back), suggestions, feedback; topics if unanswered."""
    if not answer.answered:
        return topics_keyboard(knowledge) if answer.kind == "unknown" else InlineKeyboardMarkup([])
    primary = knowledge.clauses[answer.citations[0].id]
    rows: list[list[InlineKeyboardButton]] = []
    if full_text_shown:
        rows.append([InlineKeyboardButton("↩ Réponse courte", callback_data=data(SHORT_VIEW, primary.id))])
    elif " ".join(answer.citations[0].quote.split()) != " ".join(primary.text.split()):
        rows.append([InlineKeyboardButton("📄 Texte complet", callback_data=data(FULL_TEXT, primary.id))])
    # The other cited clauses first (a calculation cites two), then the engine's alternatives.
    suggested = [i for i in (*(c.id for c in answer.citations[1:]), *answer.alternatives) if i in knowledge.clauses]
    for clause_id in list(dict.fromkeys(suggested))[:MAX_SUGGESTIONS]:
        label = "➡ " + clause_label(knowledge.clauses[clause_id])
        rows.append([InlineKeyboardButton(label, callback_data=data(SEE_CLAUSE, clause_id))])
    rows.append(
        [
            InlineKeyboardButton("👍", callback_data=data(LIKE, primary.id)),
            InlineKeyboardButton("👎", callback_data=data(DISLIKE, primary.id)),
        ]
    )
    return InlineKeyboardMarkup(rows)


def topics_keyboard(knowledge: Knowledge) -> InlineKeyboardMarkup:
    buttons = [
        InlineKeyboardButton(topic.label, callback_data=data(TOPIC, topic.id)) for topic in knowledge.topics.values()
    ]
    return InlineKeyboardMarkup([buttons[i : i + 2] for i in range(0, len(buttons), 2)])


def examples_keyboard(knowledge: Knowledge, count: int = 3) -> InlineKeyboardMarkup:
    topics = list(knowledge.topics.values())[:count]
    return InlineKeyboardMarkup([[InlineKeyboardButton(t.example, callback_data=data(EXAMPLE, t.id))] for t in topics])


def clauses_keyboard(clauses: list[Clause]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(clause_label(clause), callback_data=data(SEE_CLAUSE, clause.id))] for clause in clauses]
    )
