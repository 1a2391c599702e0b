"""The models of knowledge/calculations.yaml's calendar words that have parts of their own: later periods, days said
from another date, an invoice's timing (calculation_schema.py holds the rest)."""

from __future__ import annotations

from .schema import StrictModel


class FollowingDaysWords(StrictModel):
    """Days said from the date just before them (calculations.yaml, `following_days:`)."""

    days: dict[str, int] = {}
    counted: dict[str, int] = {}
    weekday_after: list[str] = []
    event_links: list[str] = []  # "le lendemain du conseil du 29 septembre": the day after the date that follows


class LaterPeriods(StrictModel):
    """A later two-year period named in a question (calculations.yaml, `later_periods:`)."""

    ordinals: dict[str, int] = {}
    period_nouns: list[str] = []
    counted_nouns: list[str] = []  # after an ordinal only: "la deuxième date anniversaire"
    renewal_nouns: list[str] = []
    renewal_complements: list[str] = []  # after a period's noun: "la première période de reconduction" is the second
    later_counted_nouns: list[str] = []  # after an ordinal of 2 or more only: "la deuxième échéance"
    after_words: list[str] = []
    before_words: list[str] = []
    year_units: list[str] = []
    in_year_words: list[str] = []
    past_told_words: list[str] = []
    next_words: list[str] = []
    # "pas à la première échéance, mais à la suivante": the period after the open one
    next_deadline_words: list[str] = []
    review_words: list[str] = []


class InvoiceTiming(StrictModel):
    """When La Fibre's invoice came against the end of its deployment (article 4.2.2: "après le déploiement")."""

    invoice: list[str] = []  # the words before an invoice's date ("facture du", "facturé le")
    deployment: list[str] = []  # those before the deployment's end ("déploiement terminé le", "mis en service le")
    asked: list[str] = []  # what asks whether the invoice came in time ("conforme", "trop tôt", "bon moment")
