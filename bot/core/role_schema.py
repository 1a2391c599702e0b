"""The models of knowledge/calculations.yaml's date and duration roles, and the commune's events that two of them share
(calculation_schema.py holds the rest)."""

from __future__ import annotations

from typing import TypeVar

from pydantic import Field

from .schema import StrictModel


class DateRole(StrictModel):
    cues: list[str] = Field(min_length=1)
    words: list[str] = []  # whole words only: a cue also takes the words it starts ("conseil": "conseiller")
    weak: list[str] = []
    overrides: list[str] = []
    lists: bool = False  # a date with no cue right after one of this role has it too ("le 10/10 et le 30/10")
    after: list[str] = []  # read after a date no cue before names ("le 20/11/2026, nous avons reçu un courrier")
    reach: int | None = Field(default=None, gt=0)  # characters at most between a cue and its date, if limited
    unless: list[str] = []  # phrases holding a cue, weak or not, that do not say this role ("en toutes lettres")
    today_words: list[str] = []  # said right after a cue, the act is dated today ("une mise en demeure aujourd'hui")
    final: list[str] = []  # right before one of its dates, the last of them ("la dernière signature le …"): that one
    signers: list[str] = []  # on a list of its dates, who acts for a party before its name ("par le président du")


class DurationRole(StrictModel):
    cues: list[str] = Field(min_length=1)
    clause: str | None = None
    idioms: list[str] = []  # phrases holding a cue that do not say this role ("mettre en route" the software)
    words: list[str] = []  # whole words only ("du conseil", a meeting, not "du conseiller", the CDG 62's adviser)
    # to_come only: said of the hours before it, a visit made ("venu hier"): the visit to come is not billed yet
    done: list[str] = []


R = TypeVar("R", "DateRole", "DurationRole")


class Events(StrictModel):
    cues: list[str] = []
    words: list[str] = []  # whole words only ("loto", "match")


def with_events(roles: dict[str, R], role: str, events: Events) -> dict[str, R]:
    """`roles` with the commune's events added to `role`'s cues and whole words."""
    if role not in roles:
        return roles
    spec = roles[role]
    added = {"cues": [*spec.cues, *events.cues], "words": [*spec.words, *events.words]}
    return {**roles, role: spec.model_copy(update=added)}
