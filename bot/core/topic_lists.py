"""A list of topics asked in one breath ("durée / préavis / tribunal ?", "taux horaire CDG + mode de paiement ?"): each
item is a question of its own."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from .phrases import WORD

if TYPE_CHECKING:
    from .message import Sentence


MAX_KEYWORD_WORDS = 6  # an item of a list of topics asked in one breath ("durée / préavis / tribunal ?")
# What parts such a list: a semicolon, a comma (three items or more), or a slash or a plus between spaces
_KEYWORD_BREAK = re.compile(r"\s*;\s*|\s+[/+]\s+")
_KEYWORD_COMMA = re.compile(r"\s*,\s*")


def topic_items(
    sentence: str,
    names_something: Callable[[str], bool],
    asks: Callable[[str, bool], bool],
    told: Callable[[str], bool],
) -> list[str]:
    """The items of a list of topics asked in one breath, each a question of its own; [] for any other sentence. Every
    item is short, names something the convention knows (`names_something`) and asks nothing by itself (`asks`: no
    question word, the pieces' rules read those); none opens with a subject (`told`: "on a reçu un mail piégé, tous
    nos fichiers sont cryptés, La Fibre est responsable ?" tells a story, then asks one question)."""
    text = sentence.rstrip()
    if not text.endswith("?"):
        return []
    body = text.rstrip("? ")
    if ";" not in body and "/" not in body and "+" not in body and body.count(",") < 2:
        return []  # (most sentences: no separator to split at)
    items = _KEYWORD_BREAK.split(body)
    if len(items) < 2:
        items = _KEYWORD_COMMA.split(body)
        if len(items) < 3:
            return []
    if any(len(WORD.findall(item)) > MAX_KEYWORD_WORDS or told(item) for item in items) or asks(body, True):
        return []  # an item too long, or a question word: the pieces' rules read it
    return [f"{item.strip()} ?" for item in items] if all(map(names_something, items)) else []


def headed_topics(
    sentences: Sequence[Sentence],
    names_something: Callable[[str], bool],
    asks: Callable[[str, bool], bool],
    told: Callable[[str], bool],
) -> list[str]:
    """In a message that asks nothing else, the topics listed after a heading's colon ("Pour ma fiche de synthèse :
    objet de la convention, durée et reconduction, mode de fixation du prix, et voie de règlement des litiges."),
    each a question of its own (`topic_items`); [] when no sentence is such a list."""
    for sentence in sentences:
        head, colon, body = sentence.text.partition(" : ")
        if colon and head.strip() and (items := topic_items(f"{body.rstrip(' .')} ?", names_something, asks, told)):
            return items
    return []
