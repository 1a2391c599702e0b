"""A list of topics asked in one breath ("durée / préavis / tribunal ?", "taux horaire CDG + mode de paiement ?"): each
item is a question of its own."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

from .phrases import WORD
from .told_values import tells_value

if TYPE_CHECKING:
    from .message import Sentence


MAX_KEYWORD_WORDS = 6  # an item of a list of topics asked in one breath ("durée / préavis / tribunal ?")
MAX_MARKED_WORDS = 8  # ... set apart by ";", " / " or " + " ("sous-louer nos services au syndicat des eaux / …")
# What parts such a list: a semicolon, a comma (three items or more), or a slash or a plus between spaces
_KEYWORD_BREAK = re.compile(r"\s*;\s*|\s+[/+]\s+")
_KEYWORD_COMMA = re.compile(r"\s*,\s*")
_PLUS = re.compile(r"\s+\+\s+")
_DIGIT = re.compile(r"\d")
_LARGE_NUMBER = re.compile(r"\d{3}")  # "prejudice direct 2000": a value told, even without its unit
MAX_VALUED_ITEMS = 1  # more items telling a value: a list of facts ("préjudice 2000 €, facture 1100 €, max ?")
LEADING_BREAK = re.compile(r"^\s*[;/+]\s*")  # a list's item after a question: "… inclus ? ; intérêts de retard"


def topic_items(
    sentence: str,
    names_something: Callable[[str], bool],
    asks: Callable[[str, bool], bool],
    told: Callable[[str], bool],
    elsewhere: Callable[[str], bool] = lambda _: False,
    commas: bool = True,
) -> list[str]:
    """The items of a list of topics asked in one breath, each a question of its own; [] for any other sentence. Every
    item is short, names something the convention knows (`names_something`) or words of another topic (`elsewhere`:
    refused in its place; one item at least names the convention's); between commas, none asks by itself (`asks`: a
    question word there is the pieces' rules'), while a marked list's item may ("durée conv + paiement fibre
    comment"); none opens with a subject (`told`: "on a reçu un mail piégé, tous nos fichiers sont cryptés, La Fibre
    est responsable ?" tells a story, then asks one question). Not `commas`: only a list marked by semicolons,
    slashes or pluses ("signée 07/07/2025, résiliation 1re période, date limite" tells facts between commas)."""
    text = sentence.rstrip()
    if not text.endswith("?"):
        return []
    body = LEADING_BREAK.sub("", text.rstrip("? "))
    head, colon, tail = body.rpartition(" : ")
    if colon and head.strip() and (tail.count(",") >= 2 or _KEYWORD_BREAK.search(tail)):
        body = tail  # "Note au conseil : objet, annexes, tribunal compétent ?": the label before its colon is no item
    if ";" not in body and "/" not in body and "+" not in body and body.count(",") < 2:
        return []  # (most sentences: no separator to split at)
    items, marked = _KEYWORD_BREAK.split(body), True
    if len(items) > 1 and ":" in body and not _KEYWORD_BREAK.search(body.rsplit(":", 1)[1]):
        return []  # "litige Monts-en-Ternois / LFN : tribunal compétent ?": the marks are the label's, before its colon
    if len(items) < 2:
        items, marked = _KEYWORD_COMMA.split(body), False
        if len(items) < 3 or not commas:
            return []
    if _adds_figures(body):
        return []  # "cdg 2h30 + devis fibre 350 euros, total ?": a sum to make, not a list
    if sum(bool(tells_value(item) or _LARGE_NUMBER.search(item)) for item in items) > MAX_VALUED_ITEMS:
        return []  # the situation's values listed, then one question ("direct 2000, indirect 3000, facture 1100, max ?")
    longest = MAX_MARKED_WORDS if marked else MAX_KEYWORD_WORDS
    if any(len(WORD.findall(item)) > longest or told(item) for item in items):
        return []  # an item too long: the pieces' rules read it
    if not marked and asks(body, True):
        return []  # a question word between commas: the pieces' rules read it ("comment résilier, et quel préavis ?")
    named = [names_something(item) for item in items]
    if not any(named) or not all(known or elsewhere(item) for known, item in zip(named, items, strict=True)):
        return []
    return [f"{item.strip()} ?" for item in items]


def _adds_figures(body: str) -> bool:
    """Whether a plus stands between two figures' groups ("2h30 + 350 euros")."""
    groups = _PLUS.split(body)
    return any(_DIGIT.search(left) and _DIGIT.search(right) for left, right in pairwise(groups))


def headed_topics(
    sentences: Sequence[Sentence],
    names_something: Callable[[str], bool],
    asks: Callable[[str, bool], bool],
    told: Callable[[str], bool],
    elsewhere: Callable[[str], bool] = lambda _: False,
) -> list[str]:
    """In a message that asks nothing else, the topics listed after a heading's colon ("Pour ma fiche de synthèse :
    objet de la convention, durée et reconduction, mode de fixation du prix, et voie de règlement des litiges."), or
    making up the whole message (keywords typed in a search box: "durée conv / tarif cdg"), each a question of its own
    (`topic_items`); [] when no sentence is such a list."""
    reads = (names_something, asks, told, elsewhere)
    for sentence in sentences:
        head, colon, body = sentence.text.partition(" : ")
        if colon and head.strip() and (items := topic_items(f"{body.rstrip(' .')} ?", *reads)):
            return items
    if len(sentences) == 1 and " : " not in sentences[0].text:
        return topic_items(f"{sentences[0].text.rstrip(' .')} ?", *reads, commas=False)
    return []
