"""How the learned classifier's weights change the answers: one table, one column group per evaluation set.

    python benchmarks/calibrate_learned.py [tests/data/realistic.yaml ...]

Each row sets bot/core/ranker.py's constants (the classifier's share of a clause's confidence, the
"hors sujet" probability that refuses, the matcher confidence that is never overruled) and the engine's
threshold; each cell gives in-scope questions answered with the right first clause, out-of-scope
questions refused, several-question messages with every part right. The first row is the lexical
matcher alone. The constants were chosen on tests/data/realistic.yaml (first set); the other sets are
checked, not tuned on.
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from bot.core import ranker
from bot.core.engine import DEFAULT_THRESHOLD, Engine
from bot.core.evaluation import IN_SCOPE, OUT_OF_SCOPE, SEVERAL, evaluate, load_cases
from bot.core.knowledge import load_knowledge

SHARES = (0.1, 0.15, 0.2, 0.25, 0.3, 0.5)
OUT_LIMITS = (0.3, 0.5)
MATCHER_SURE = (0.5, 0.6)
THRESHOLDS = (0.3, 0.35, 0.45, 0.5)  # with the chosen constants; DEFAULT_THRESHOLD is in the grid above
TODAY = date(2026, 11, 28)
NEVER = 2.0  # above any probability or confidence


def settings() -> Iterator[tuple[float, float, float, float]]:
    chosen = (ranker.LEARNED_SHARE, ranker.OUT_OF_SCOPE_LIMIT, ranker.MATCHER_SURE)
    yield 0.0, NEVER, 0.0, DEFAULT_THRESHOLD  # the matcher alone: no share, never out of scope, always first
    for share, limit, sure in itertools.product(SHARES, OUT_LIMITS, MATCHER_SURE):
        yield share, limit, sure, DEFAULT_THRESHOLD
    for threshold in THRESHOLDS:
        yield (*chosen, threshold)


def main(paths: list[Path]) -> None:
    knowledge = load_knowledge()
    sets = [(path.name, load_cases(path)) for path in paths]
    print(
        "part appris | hors sujet dès | matcher sûr dès | seuil | "
        + " | ".join(f"{name} : in-scope, hors sujet refusés, plusieurs" for name, _ in sets)
    )
    for share, limit, sure, threshold in settings():
        ranker.LEARNED_SHARE, ranker.OUT_OF_SCOPE_LIMIT, ranker.MATCHER_SURE = share, limit, sure
        engine = Engine(knowledge, threshold=threshold)
        cells = []
        for _name, cases in sets:
            report = evaluate(engine, cases, TODAY)
            groups = (IN_SCOPE, OUT_OF_SCOPE, SEVERAL)
            cells.append(", ".join("{}/{}".format(*report.accuracy("group", group)) for group in groups))
        shown = f"{share:.2f} | {limit if share else '-'} | {sure if share else '-'}"
        print(f"{shown} | {threshold:.2f} | " + " | ".join(cells), flush=True)


if __name__ == "__main__":
    main([Path(arg) for arg in sys.argv[1:]] or [Path("tests/data/realistic.yaml")])
