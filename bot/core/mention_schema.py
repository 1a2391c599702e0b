"""The vocabulary's fields on what the convention only names or never says (mentions.py reads them), apart from
schema.py's other vocabulary fields."""

from __future__ import annotations

from .strict_model import StrictModel


class UnstatedFact(StrictModel):
    """A fact the convention never gives: asked when a phrase of `asks` stands near one of `near`; `answer` says so."""

    asks: list[str]
    near: list[str]
    answer: str


class MentionFields(StrictModel):
    """knowledge/vocabulary.yaml: names the convention only mentions, facts it never gives, and how they are asked."""

    mentioned_only: list[str] = []
    mentioned_forms: dict[str, str] = {}
    entity_facts: list[str] = []
    unstated_facts: list[UnstatedFact] = []
    complement_articles: list[str] = []
    precision_words: list[str] = []
    reason_words: list[str] = []
    object_articles: list[str] = []
    other_bodies: list[str] = []
    own_bodies: list[str] = []
