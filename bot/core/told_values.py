"""What a sentence tells rather than asks: a date, an amount, a duration (the situation of a message's question)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from .calendar_names import calendar_names
from .french import fold

# A fact told (a year, a day/month, a value after a label or in brackets: "enveloppe : 1 000 € TTC", "(2 350 €)"): a
# list's item holding one is the situation, unless it asks by itself. In a message telling one (a budget), an item with
# any amount or duration not asking by its own words tells one too ("- le CDG vient 2 h 30 par visite").
_VALUE_TOLD = r"[:=(]\s*\d[\d\s,.]*?\s?(?:€|h\b|min\b)"
_DAY = r"\b\d{1,2}/\d{1,2}\b"  # a day in figures ("le 02/10", "02/10/2026")
DAY_TOLD = re.compile(_DAY)
DATE_TOLD = re.compile(rf"\b(?:19|20)\d\d\b|{_DAY}|{_VALUE_TOLD}")
DIARY_LABEL_WORDS = 4  # words of a diary line's label before its colon ("Registre — 09/11 :")
FACT_TOLD = re.compile(r"\d\s?(?:€|h\b|min\b)")
ANY_VALUE_TOLD = re.compile(_VALUE_TOLD)
# an amount in euros (not FACT_TOLD's hours: a piece telling hours after "et" was not measured as a continuation)
_AMOUNT_TOLD = re.compile(r"\d\s?€")
_LABEL_HOURS = re.compile(r"\d\s*h")  # hours in a day's label ("lundi 9h-12h :"): the label is what the line tells
DAY_LABEL_REACH = 20  # characters at most between a diary line's day and its colon ("lundi 2 novembre :")


@cache
def _dated_year() -> re.Pattern[str]:
    """A year said with its month or its day ("en mars 2025", "le 15 octobre 2025"), not a year alone ("en 2025")."""
    months = "|".join(sorted(map(re.escape, calendar_names().numbers), key=len, reverse=True))
    return re.compile(rf"(?:\b(?:{months})\.?|\d)\s+(?:19|20)\d\d\b")


def tells_date(item: str) -> bool:
    """Whether a list's item tells a day or a value ("Convention signée le 15 octobre 2025", "le 02/10", "(2 350 €)"); a
    year alone is what an item asks of ("4. le montant total facturé à la commune en 2025")."""
    return bool(DAY_TOLD.search(item) or ANY_VALUE_TOLD.search(item) or _dated_year().search(fold(item)))


def tells_date_only(piece: str, asks: Callable[[str], bool]) -> bool:
    """Whether a piece of an asking sentence only tells a day or a value (`tells_date`), without "?" nor asking words
    ("…, le maire l'avait signée le 22 septembre 2025 et le Président de La Fibre le 15 octobre 2025."): the piece
    before it goes on; so does one telling an amount ("… : le budget est de 2 000 € et le devis est de 1 350 €")."""
    return "?" not in piece and (tells_date(piece) or bool(_AMOUNT_TOLD.search(piece))) and not asks(piece)


def tells_value(sentence: str) -> bool:
    """Whether a sentence tells a date or a value (a year, "15/01", "1 900 €", "2 h"): the situation, not a question."""
    return bool(DATE_TOLD.search(sentence) or FACT_TOLD.search(sentence))


def situations(
    sentences: list[tuple[str, bool, bool]],
    asks: Callable[[str, bool], bool],
    announced_only: Callable[[str], bool],
    done: Callable[[str], object] = lambda _: False,
) -> list[bool]:
    """Whether each sentence (text, asks, listed) still asks once what it tells is set apart as the situation: in a
    message telling a labelled value, a listed fact not asking by its own words ("- le CDG vient 2 h 30 par visite");
    a sentence asking by its enumerator alone and telling values, before the question that enumerator announced
    ("Autre question cdg : 95 min sur place + 20 min de route. Facture de combien ?"); a listed item told done ("☐
    Délibération autorisant le maire : OK", `done`) when another sentence asks with a "?"."""
    valued = any(ANY_VALUE_TOLD.search(text) for text, _, _ in sentences)
    marked = any("?" in text for text, _, _ in sentences)
    told = [
        listed and ((valued and bool(FACT_TOLD.search(text)) and not asks(text, True)) or (marked and bool(done(text))))
        for text, _, listed in sentences
    ]
    announcing = [
        i + 1 < len(sentences) and sentences[i + 1][1] and tells_value(text) and announced_only(text)
        for i, (text, _, _) in enumerate(sentences)
    ]
    return [
        asked and not fact and not before
        for (_, asked, _), fact, before in zip(sentences, told, announcing, strict=True)
    ]


@cache
def day_named() -> re.Pattern[str]:
    """A day by its name or its number and month, in folded text ("mardi", "3 novembre"): a date the hours are of."""
    names = calendar_names()
    months = "|".join(fold(month) for month in names.months)
    return re.compile(rf"\b(?:{'|'.join(fold(day) for day in names.weekdays)}|\d{{1,2}}(?:er)? (?:{months}))\b")


def diary_day(text: str) -> re.Match[str] | None:
    """The day a diary's line `text` (folded) opens with (`day_opening`), or names in a short label before a colon
    ("Registre — 09/11 : …", "Le 12/10 : …"); else None."""
    head, colon, _ = text.partition(":")
    short = colon and len(head.split()) <= DIARY_LABEL_WORDS
    return day_opening(text) or (day_named().search(head) or DAY_TOLD.search(head) if short else None)


def day_opening(text: str) -> re.Match[str] | None:
    """The day `text` (folded) opens with, by its name, its number and month or in figures ("vendredi 6 : …", "3
    novembre : …", "12/10 : …"): a diary's or a list's line of that day; else None."""
    return day_named().match(text) or DAY_TOLD.match(text)


def past_day_label(part: str) -> str:
    """`part` (folded) after the day a diary's line opens with and its colon ("jeudi 5 : la réunion de commission
    18h-20h" -> "la réunion …"); not a label holding hours ("lundi 9h-12h : …")."""
    day = day_opening(part)
    colon = part.find(":", day.end(), day.end() + DAY_LABEL_REACH) if day else -1
    return part[colon + 1 :].lstrip() if colon >= 0 and not _LABEL_HOURS.search(part, day.end(), colon) else part
