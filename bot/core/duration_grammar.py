"""The model of `durations:` in knowledge/calculations.yaml: how durations, times of day and amounts are written
(read by cost.py and times_of_day.py), checked by pydantic with the rest of the file (calculation_schema.py)."""

from __future__ import annotations

from pydantic import Field

from .schema import StrictModel


class DurationGrammar(StrictModel):
    """How durations and amounts are written (calculations.yaml, `durations:`)."""

    hour_units: list[str] = Field(min_length=1)
    minute_units: list[str] = Field(min_length=1)
    counted_after: list[str] = []  # a number after hours, before these, counts them: no minutes ("3 h 10 fois")
    fractions: dict[str, int]
    fraction_links: list[str] = Field(min_length=1)
    minus_links: list[str] = []
    hour_fractions: dict[str, int] = Field(min_length=1)
    day_units: list[str] = []
    rate_words: list[str] = []
    period_words: list[str] = []
    range_links: list[str] = Field(min_length=1)
    range_openers: dict[str, list[str]] = {}
    loose_range_openers: list[str] = []  # a range with one hour unit ("de 9 à 11h30") after these
    loose_range_min_hour: int = Field(default=7, ge=0, le=24)  # ... its unit at the end only: its start from this on
    max_overnight_hours: int = Field(default=12, ge=0, le=23)
    time_of_day_words: list[str] = Field(min_length=1)
    event_time_words: list[str] = []  # hours right after these are when that event took place ("Appel 10h12")
    event_min_hour: int = Field(default=7, ge=1, le=24)  # ... with their minutes, or from this hour on ("réunion 9h")
    event_time_links: list[str] = []  # ... or after these too ("convoqué pour 8h": its time, not 8 hours)
    late_time_words: list[str] = []  # hours from `late_hour` on after these are a time of day ("l'appel de 14h30")
    late_hour: int = Field(default=12, ge=1, le=24)
    clock_hour: int = Field(default=24, ge=1, le=24)  # a clock's hours with their minutes from this on: a time of day
    elapsed_words: list[str] = []
    measured_words: list[str] = []  # hours after these are a length measured, never a time ("durée estimée à 2 h 15")
    spent_after_words: list[str] = []  # hours followed by these are time spent ("a 1h de route")
    clock_words: dict[str, int] = {}
    clock_words_not_after: list[str] = []
    span_start_words: list[str] = []
    span_end_words: list[str] = []
    planned_range_words: list[str] = []  # "une séance prévue de 14h à 18h, mais il est reparti à 17h": 3 h
    span_end_whole_words: list[str] = []  # whole words only: "fin : 17h", not "la commission des finances"
    stayed_on_words: list[str] = []  # then a departure word: a stay going on past a range ("restée … jusqu'à")
    among_themselves: list[str] = []  # "restées entre elles": the pronoun is the subject, not whoever came
    trip_end_words: list[str] = []  # a time after these, after a stay, ends the trip back ("de retour à Bruay à 12h55")
    clause_breaks: list[str] = Field(min_length=1)
    carried_unit_links: list[str] = []
    carried_unit_after: list[str] = []
    currency: list[str] = Field(min_length=1)
    attached_currency: list[str] = []
    thousand_marks: list[str] = []  # "1,5 k€": thousands
