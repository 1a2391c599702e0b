"""The model of the words that say how often and how long the CDG 62's visits go on, and their breaks
(knowledge/calculations.yaml `visit_spans:`, `day_schedules:` and `pause:`), part of calculation_schema.py's."""

from __future__ import annotations

from pydantic import Field

from .schema import StrictModel


class PauseWords(StrictModel):
    words: list[str] = Field(min_length=1)
    kinds: list[str] = []
    links: list[str] = []
    after: list[str] = []
    labels: list[str] = []
    verbs: list[str] = []  # "il a déjeuné avec le maire de 12h à 13h": a meal said by its verb, a few words before
    away: list[str] = []  # "de 15h à 15h30, pendant laquelle le conseiller s'est absenté": hours within a stay, away


class VisitSpans(StrictModel):
    """How long visits said for a period go on ("par mois pendant 12 mois"): its links and units (a year's count)."""

    links: list[str] = []
    articles: list[str] = []  # "pendant les douze mois": between the link and the number
    units: dict[str, int] = {}
    single_articles: list[str] = []  # "sur toute l'année": a unit without a number, one of it
    bare_articles: list[str] = []  # "2 h par mois toute l'année": one of the unit, no link needed
    whole_term: list[str] = []  # "sur toute la durée initiale de la convention": its first period, two years
    exclusions: list[str] = []  # "sauf en août": the months named after one are left out of a year of monthly visits


class DaySchedules(StrictModel):
    """A day's timetable said for several days: the days' nouns, and the words a timetable holds between its times."""

    days: list[str] = []
    timetable_words: list[str] = []
    per_day: list[str] = []


class AskedMonths(StrictModel):
    """The months a price question asks (`asked_months:`): two months a range joins ask those between them too, an
    ordinal before a part of the year ("le troisième trimestre") asks its months."""

    range_starts: list[str] = []  # "entre", "de", "du": before the first month of a range
    range_ends: list[str] = []  # "et", "à", "au": between its two months
    year_parts: dict[str, int] = {}  # "trimestre: 3": "au titre du troisième trimestre", its months
    year_part_letters: dict[str, int] = {}  # "t: 3": a part of the year by its letter and number ("le T3"), its months
    month_parts: dict[str, int] = {}  # "quinzaine: 15": "la première quinzaine de septembre", its days
    list_links: list[str] = []  # "et", ",": months listed ("pour mars et avril")
    year_links: list[str] = []  # "en", "exercice": right before the year asked ("réalisées en 2026", "pour 2026")
    year_unless: list[str] = []  # "depuis", "signée": in its clause before it, the year is no period asked
    period_told_words: list[str] = []  # "période", "charges": a sentence telling the period an amount is for
