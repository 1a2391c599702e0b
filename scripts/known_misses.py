"""Regenerate tests/data/known_misses.yaml: every question each evaluation set misses today.

    python scripts/known_misses.py          # rewrite the file
    python scripts/known_misses.py --diff   # only print what would change (passes again, new misses)

The sets are those the file already lists (add a line `name.yaml: []` to follow a new one). The header
comment and each set's note after its count ("(first measured …)") are kept. A new miss is a
regression: justify it in the commit or fix it (tests/test_regressions.py).
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

import yaml

from bot.core.engine import Engine
from bot.core.evaluation import evaluate, load_cases
from bot.core.knowledge import load_knowledge

DATA = Path(__file__).parents[1] / "tests" / "data"
FILE = DATA / "known_misses.yaml"
TODAY = date(2026, 11, 28)  # the evaluation tables' day (tests/conftest.py EVALUATION_DAY)
SET_LINE = re.compile(r"^(?P<name>[\w.-]+\.yaml):.*?(?:#\s*\d+ of \d+\s*(?P<note>.*))?$")


def main(arguments: list[str]) -> None:
    lines = FILE.read_text(encoding="utf-8").splitlines()
    header = lines[: next(i for i, line in enumerate(lines) if SET_LINE.match(line))]
    notes = {m["name"]: (m["note"] or "").strip() for line in lines if (m := SET_LINE.match(line))}
    old: dict[str, list[str] | None] = yaml.safe_load(FILE.read_text(encoding="utf-8"))
    engine = Engine(load_knowledge())
    out = list(header)
    for name, note in notes.items():
        cases = load_cases(DATA / name)
        misses = [o.case.question for o in evaluate(engine, cases, TODAY).outcomes if not o.passed]
        before = set(old.get(name) or [])
        for question in misses:
            if question not in before:
                print(f"NEW MISS {name}: {question[:160]!r}")
        for question in sorted(before - set(misses)):
            print(f"passes   {name}: {question[:160]!r}")
        count = f"  # {len(misses)} of {len(cases)}" + (f" {note}" if note else "")
        out.append(f"{name}: []{count}" if not misses else f"{name}:{count}")
        out += [f"  - {json.dumps(question, ensure_ascii=False)}" for question in misses]
    if "--diff" not in arguments:
        FILE.write_text("\n".join(out) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
