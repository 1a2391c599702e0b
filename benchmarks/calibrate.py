"""Refusal threshold table: for each threshold, what an evaluation set's answers become.

    python benchmarks/calibrate.py tests/data/realistic.yaml

In-scope questions: answered with the right first clause, answered wrongly, refused;
out-of-scope questions: refused, answered. The engine's DEFAULT_THRESHOLD and SURE_CONFIDENCE
(the middle band) were chosen on this table for tests/data/realistic.yaml (README, "Mesures").
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from bot.core import engine as engine_module
from bot.core.engine import Engine
from bot.core.evaluation import IN_SCOPE, OUT_OF_SCOPE, SEVERAL, Case, evaluate, load_cases
from bot.core.knowledge import load_knowledge

THRESHOLDS = (0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)
PART_THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4)


def main(path: Path) -> None:
    knowledge = load_knowledge()
    cases = load_cases(path)
    print("seuil | in-scope justes | in-scope faux | in-scope refusés | hors sujet refusés | plusieurs questions")
    for threshold in THRESHOLDS:
        table_row(f"{threshold:.2f}", Engine(knowledge, threshold=threshold), cases)
    for name, label in (
        ("PART_THRESHOLD", "d'une question parmi plusieurs"),
        ("ANCHORED_THRESHOLD", "de la question d'un message qui nomme la convention"),
    ):
        print(f"\nseuil {label} ({name}), seuil général 0.40 :")
        chosen = getattr(engine_module, name)
        for threshold in PART_THRESHOLDS:
            setattr(engine_module, name, threshold)
            table_row(f"{threshold:.2f}", Engine(knowledge), cases)
        setattr(engine_module, name, chosen)


def table_row(label: str, engine: Engine, cases: list[Case]) -> None:
    report = evaluate(engine, cases, date(2026, 11, 28))
    inside = [o for o in report.outcomes if o.case.group == IN_SCOPE]
    right = sum(o.passed for o in inside)
    refused = sum(not o.passed and not o.answer.answered for o in inside)
    out_passed, out_total = report.accuracy("group", OUT_OF_SCOPE)
    multi_passed, multi_total = report.accuracy("group", SEVERAL)
    print(
        f"{label} | {right}/{len(inside)} | {len(inside) - right - refused} | {refused} | "
        f"{out_passed}/{out_total} | {multi_passed}/{multi_total}"
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("tests/data/realistic.yaml"))
