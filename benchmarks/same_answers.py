"""Every answer of this checkout, written to a file: compare two files with `cmp` to prove a speed change same-answer.

Run: python benchmarks/same_answers.py OUT   (then, after the change, again to OUT2, and `cmp OUT OUT2`)

The messages: every `q:` of tests/data/*.yaml and ../shared/eval/*.yaml, every phrasing of knowledge/training and
every example question of knowledge/clauses, and `bench_engine.py`'s messages of 4,096 characters. Written twice:
the in-process `repr` of each `Answer` (full-precision scores, parts, confidence), then the lines of
`convention-bot ask --json --today 2026-11-28` over the same messages on stdin (one line each, line breaks as spaces).
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 11, 28)


def _questions(node: object) -> list[str]:
    """Every `q:` value and every string of a `questions:` list, in file order."""
    if isinstance(node, list):
        return [text for item in node for text in _questions(item)]
    if not isinstance(node, dict):
        return []
    found = [node["q"]] if isinstance(node.get("q"), str) else []
    if isinstance(node.get("questions"), list):
        found += [text for text in node["questions"] if isinstance(text, str)]
    return found + [text for key, value in node.items() if key not in ("q", "questions") for text in _questions(value)]


def messages() -> list[str]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_engine import long_messages

    files = [
        *sorted((ROOT / "tests/data").glob("*.yaml")),
        *sorted((ROOT.parents[1] / "shared/eval").glob("*.yaml")),
        *sorted((ROOT / "knowledge/training").glob("*.yaml")),
        *sorted((ROOT / "knowledge/clauses").glob("*.yaml")),
    ]
    texts = [text for path in files for text in _questions(yaml.safe_load(path.read_text()))]
    realistic = [row["q"] for row in yaml.safe_load((ROOT / "tests/data/realistic.yaml").read_text())]
    return texts + long_messages(realistic)


def main() -> None:
    from bot.core.engine import Engine
    from bot.core.knowledge import load_knowledge

    texts = messages()
    engine = Engine(load_knowledge())
    lines = [repr(engine.answer(text, today=TODAY)) for text in texts]
    stdin = "".join(" ".join(text.split()) + "\n" for text in texts)
    result = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--json", "--today", TODAY.isoformat()],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    Path(sys.argv[1]).write_text("\n".join(lines) + "\n" + result.stdout)
    print(f"{len(texts)} messages, {len(result.stdout.splitlines())} JSON lines -> {sys.argv[1]}")


if __name__ == "__main__":
    main()
