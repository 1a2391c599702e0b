"""Deadlines and support cost, from tests/data/calculators.yaml."""

from __future__ import annotations

import time
from datetime import date
from decimal import Decimal

import pytest
from conftest import table

from bot.core.agenda import ALARM_BEFORE
from bot.core.calculations.execution_years import When
from bot.core.calculations.future_visits import dated
from bot.core.calculations.visit_parts import apart_bounds
from bot.core.date_mentions import find_dates
from bot.core.deadlines import alarm_day, compute_deadlines
from bot.core.duration_values import Duration
from bot.core.engine import Engine
from bot.core.money import format_euros, support_cost

TABLE = table("calculators.yaml")


@pytest.mark.parametrize("case", TABLE["deadlines"], ids=[case["name"] for case in TABLE["deadlines"]])
def test_deadlines(case: dict) -> None:
    result = compute_deadlines(case["signature"], case["today"])
    assert result.period_number == case["period"]
    assert result.period_end == case["end"]
    assert result.notice_deadline == case["notice"]
    assert result.notice_passed is case["passed"]
    if "next_notice" in case:
        assert result.next_notice_deadline == case["next_notice"]


@pytest.mark.parametrize("case", TABLE["dates"], ids=[case["text"] for case in TABLE["dates"]])
def test_dates(case: dict) -> None:
    found = find_dates(case["text"], case.get("today"))
    if case.get("none"):
        assert found == []
        return
    assert len(found) == 1
    assert found[0].value == case.get("date")
    assert case.get("problem", "") in found[0].problem


@pytest.mark.parametrize("case", TABLE["durations"], ids=[case["text"] for case in TABLE["durations"]])
def test_durations(engine: Engine, case: dict) -> None:
    found = engine.calculations.reader.first(case["text"])
    if case.get("none"):
        assert found is None
        return
    assert found is not None
    if "hours" in case:
        assert found.hours == Decimal(case["hours"]) and found.problem == ""
    else:
        assert found.hours is None and case["problem"] in found.problem


@pytest.mark.parametrize("case", TABLE["costs"], ids=[case["text"] for case in TABLE["costs"]])
def test_costs(case: dict) -> None:
    assert format_euros(support_cost(Decimal(case["hours"]))).replace("\u202f", " ") == case["text"]


@pytest.mark.parametrize("case", TABLE["questions"], ids=[case["q"] for case in TABLE["questions"]])
def test_calculation_answers(engine: Engine, case: dict) -> None:
    answer = engine.answer(case["q"], today=case.get("today", date(2026, 11, 28)))
    assert answer.kind == "calculation"
    assert answer.answered is case["answered"]
    assert [c.id for c in answer.citations] == case.get("cites", [])
    for fragment in case["contains"]:
        assert fragment in answer.text


@pytest.mark.parametrize("case", TABLE["alarms"], ids=[case["name"] for case in TABLE["alarms"]])
def test_alarm_never_lies_in_the_past(case: dict) -> None:
    assert alarm_day(case["deadline"], case["today"], ALARM_BEFORE) == (case["ring"], case["moved"])


@pytest.mark.parametrize("case", TABLE["visit_days"], ids=[case["name"] for case in TABLE["visit_days"]])
def test_a_visit_day_without_its_year_is_the_nearest(case: dict) -> None:
    assert dated(tuple(case["day"]), case["today"]) == case["found"]


@pytest.mark.parametrize("case", TABLE["execution_years"], ids=[case["name"] for case in TABLE["execution_years"]])
def test_execution_years(case: dict) -> None:
    when = When(case["day"], case["entry"])
    assert when.number(case["day"]) == case["number"]
    if case["number"]:
        assert when.bounds(case["number"]) == (case["first"], case["last"])


@pytest.mark.parametrize(
    "case", TABLE["cap_with_signature"], ids=[case["q"][:60] for case in TABLE["cap_with_signature"]]
)
def test_the_cap_counts_years_from_the_recorded_signature(engine: Engine, case: dict) -> None:
    """A signature the message names wins over the recorded one (as for deadlines)."""
    answer = engine.answer(case["q"], today=date(2026, 11, 28), signature=case.get("signature"))
    assert [c.id for c in answer.citations] == ["art-5.2"]
    for fragment in case.get("contains", []):
        assert fragment in answer.text
    for fragment in case.get("not_contains", []):
        assert fragment not in answer.text


@pytest.mark.parametrize(
    "text", ["1," * 2048, "1/" * 2048, "1." * 2048, "1h " * 1365, "de 1h a " * 512, "12 mars " * 512]
)
def test_reading_user_text_stays_linear(engine: Engine, text: str) -> None:
    """A 4,096-character message of repeated number fragments is read in a blink, not in quadratic time. CPU time of
    this process: on a machine shared with other jobs (CI's parallel workers), waiting for the CPU is not reading."""
    start = time.process_time()
    engine.calculations.reader.first(text)
    engine.calculations.reader.amounts(text)
    find_dates(text, date(2026, 11, 28))
    assert time.process_time() - start < 0.1  # the quadratic reading took 0.4 s on "1,1,1,…"


# Where the words said of some hours may stand (visit_parts.apart_bounds): between the hours said before and after
# them, never cut by hours inside them ("commencé à 8h45 (…), pause de 12h15 à 13h15 … fini à 15h15": the stay's own
# aside stays inside its window, so it is read as an aside, not as opening hours).
BOUNDS = [
    # (spans of the message's hours, index, text length, window)
    ([(10, 90), (50, 60)], 0, 100, (0, 100)),  # a stay holding a pause: the pause does not cut it
    ([(10, 90), (50, 60)], 1, 100, (0, 100)),  # the pause: no hours before or after it outside the stay
    ([(0, 5), (20, 30), (40, 45)], 1, 50, (5, 40)),  # hours one after another: their neighbours bound them
]


@pytest.mark.parametrize(("spans", "index", "length", "window"), BOUNDS)
def test_the_words_of_some_hours_stand_between_their_neighbours(
    spans: list[tuple[int, int]], index: int, length: int, window: tuple[int, int]
) -> None:
    durations = [Duration("x", Decimal(1), start=start, end=end) for start, end in spans]
    assert apart_bounds(durations, index, length) == window
