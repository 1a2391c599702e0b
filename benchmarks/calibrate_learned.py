"""How the ranker's constants change the answers: one table, one column group per evaluation set.

    python benchmarks/calibrate_learned.py [tests/data/realistic.yaml ...]

The first rows are the lexical matcher alone, then the ranker without its "situation" rule (the
classifier only re-orders), then the chosen constants of bot/core/ranker.py and the engine's threshold;
each following row moves one of them, the others kept. Each cell gives, for in-scope questions, how many
are answered with a right first clause, answered with a wrong one, refused; then out-of-scope questions
refused and several-question messages with every part right. The constants were chosen on
tests/data/realistic.yaml (first set); the other sets are checked, not tuned on, except for the classifier's
lead (LEARNED_LEAD_TERMS, LEARNED_LEAD, SHORT_LEAD), chosen from the classifier's measured accuracy on all
the realistic and held-out sets (README, "Mesures").
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from bot.core import ranker
from bot.core.engine import DEFAULT_THRESHOLD, Engine
from bot.core.evaluation import IN_SCOPE, OUT_OF_SCOPE, SEVERAL, Report, evaluate, load_cases
from bot.core.knowledge import load_knowledge

TODAY = date(2026, 11, 28)
NEVER = 2.0  # above any probability or confidence
CONSTANTS = (
    "LEARNED_SHARE",
    "OUT_OF_SCOPE_LIMIT",
    "MATCHER_SURE",
    "CLASSIFIER_SURE",
    "AGREED_SURE",
    "OUT_OF_SCOPE_DOUBT",
    "LEARNED_MIN_TERMS",
    "LEARNED_CONFIDENCE",
    "OUT_OF_SCOPE_WEIGH",
    "LEARNED_LEAD_TERMS",
    "LEARNED_LEAD",
    "SHORT_LEAD",
)
# One constant moved at a time, around the chosen value.
MOVES = {
    "LEARNED_SHARE": (0.1, 0.35),
    "OUT_OF_SCOPE_LIMIT": (0.4, 0.6),
    "MATCHER_SURE": (0.5, 0.7),
    "CLASSIFIER_SURE": (0.4, 0.6, 0.7),
    "AGREED_SURE": (0.3, 0.5),
    "OUT_OF_SCOPE_DOUBT": (0.15, 0.4),
    "LEARNED_MIN_TERMS": (0, 4, 8),
    "LEARNED_CONFIDENCE": (0.4, 0.5),
    "OUT_OF_SCOPE_WEIGH": (0.25, 0.5, NEVER),
    "LEARNED_LEAD_TERMS": (6, 10, 15),
    "LEARNED_LEAD": (0.2, 0.4, 0.5),
    "SHORT_LEAD": (0.8, 0.95, NEVER),
    "threshold": (0.35, 0.45, 0.5),
}


def settings() -> Iterator[tuple[str, dict[str, float]]]:
    chosen: dict[str, float] = {name: getattr(ranker, name) for name in CONSTANTS} | {"threshold": DEFAULT_THRESHOLD}
    never = {"CLASSIFIER_SURE": NEVER, "AGREED_SURE": NEVER, "LEARNED_LEAD": NEVER, "SHORT_LEAD": NEVER}
    yield "mots seuls", chosen | never | {"LEARNED_SHARE": 0.0, "OUT_OF_SCOPE_LIMIT": NEVER, "MATCHER_SURE": 0.0}
    yield "sans la règle des situations ni la tête du classifieur", chosen | never
    yield "sans la tête du classifieur", chosen | {"LEARNED_LEAD": NEVER, "SHORT_LEAD": NEVER}
    yield "**choisi**", chosen
    for name, values in MOVES.items():
        for value in values:
            yield f"{name} = {value}", chosen | {name: value}


def cell(report: Report) -> str:
    inside = [o for o in report.outcomes if o.case.group == IN_SCOPE]
    right = sum(o.passed for o in inside)
    refused = sum(not o.passed and not o.answer.citations for o in inside)
    out = "{}/{}".format(*report.accuracy("group", OUT_OF_SCOPE))
    several = "{}/{}".format(*report.accuracy("group", SEVERAL))
    return f"{right}/{len(inside) - right - refused}/{refused}, {out}, {several}"


def main(paths: list[Path]) -> None:
    knowledge = load_knowledge()
    sets = [(path.name, load_cases(path)) for path in paths]
    heads = " | ".join(f"{name} : juste/faux/refusé, hors sujet refusés, plusieurs" for name, _ in sets)
    print(f"réglage | {heads}")
    for label, values in settings():
        for name in CONSTANTS:
            setattr(ranker, name, values[name])
        engine = Engine(knowledge, threshold=values["threshold"])
        cells = [cell(evaluate(engine, cases, TODAY)) for _name, cases in sets]
        print(f"{label} | " + " | ".join(cells), flush=True)


if __name__ == "__main__":
    main([Path(arg) for arg in sys.argv[1:]] or [Path("tests/data/realistic.yaml")])
