"""Import example phrasings written apart from the evaluation sets into knowledge/training/.

    python scripts/training_data.py PHRASINGS_DIR [LONG_PHRASINGS_DIR] [--negatives FILE] [--pairs FILE] [--note TEXT]

Each source folder holds one `<clause id>.yaml` list of phrasings (or a mapping whose `questions:` is that
list); a negatives file holds a list of out-of-scope questions (or such a mapping); a pairs file holds
rows `{in, clause (or id), out}` on the scope's boundary (`in` teaches its clause, `out` "hors sujet"). With `--note`, the
phrasings appended to a file come after a `  # TEXT` comment line saying where they come from. A phrasing is kept only if it is not near-identical (rapidfuzz ratio >= 90 on
folded text) to any evaluation question (tests/data/*.yaml, ../shared/eval/*.yaml beside the checkout) nor already an
example question of a clause; the kept ones are appended to knowledge/training/<clause id>.yaml
(out of scope: knowledge/training/hors-sujet.yaml). `--check` only reports training examples too
close to an evaluation question (the test suite runs the same check). A new file gets its schema
modeline from `python -m bot.knowledge_schema`.
"""

from __future__ import annotations

import argparse
import bisect
import sys
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz, process

from bot.core.french import comparable
from bot.core.knowledge import DEFAULT_KNOWLEDGE_DIR, load_knowledge
from bot.core.yamlfile import load_data

ROOT = Path(__file__).resolve().parents[1]
# The shared development sets sit beside the checkout (as in CI); tests/data holds copies of them.
EVAL_SOURCES = (ROOT / "tests" / "data", ROOT.parent / "shared" / "eval")
TRAINING = DEFAULT_KNOWLEDGE_DIR / "training"
OUT_OF_SCOPE = "hors-sujet"
NEAR = 90
BLOCK = 32  # texts of close lengths scored together


def evaluation_questions() -> list[str]:
    """Every question of every evaluation table (any YAML list entry with `q:`, or `expect_parts` message)."""
    found: list[str] = []
    for folder in EVAL_SOURCES:
        for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else ():
            data = _read(path)
            found += _questions_in(data)
    return [comparable(q) for q in found]


def _questions_in(data: object) -> list[str]:
    if isinstance(data, dict):
        own = [data["q"]] if isinstance(data.get("q"), str) else []
        return own + [q for value in data.values() for q in _questions_in(value)]
    if isinstance(data, list):
        return [q for item in data for q in _questions_in(item)]
    return []


def too_close(text: str, evaluation: list[str]) -> str | None:
    return near_evaluation([text], evaluation)[0]


def near_evaluation(texts: list[str], evaluation: list[str]) -> list[str | None]:
    """Per text, the first best evaluation question with a ratio >= NEAR on folded text (None if none).

    rapidfuzz `cdist` scores the pairs in C. Only pairs of close lengths can reach NEAR (the ratio is
    100 × (1 − Indel distance / total length), the distance at least the lengths' difference): texts
    sorted by length go in blocks, each against the questions of a length it can be near, a sixth of
    all pairs: 0.35 s of CPU instead of 0.85 s for the 3,800 training examples of `--check`."""
    import numpy as np  # rapidfuzz's cdist gives numpy arrays

    found: list[str | None] = [None] * len(texts)
    queries = [comparable(text) for text in texts]
    by_length = sorted(range(len(evaluation)), key=lambda index: len(evaluation[index]))
    lengths = [len(evaluation[index]) for index in by_length]
    shortest = NEAR / (200 - NEAR)  # the shorter of two strings whose ratio is NEAR, as a share of the longer
    order = sorted(range(len(queries)), key=lambda index: len(queries[index]))
    for start in range(0, len(order), BLOCK):
        block = order[start : start + BLOCK]
        low = bisect.bisect_left(lengths, len(queries[block[0]]) * shortest)
        high = bisect.bisect_right(lengths, len(queries[block[-1]]) / shortest)
        if low == high:
            continue
        columns = np.array(by_length[low:high])
        block_queries = [queries[index] for index in block]
        scores = process.cdist(
            block_queries, [evaluation[index] for index in columns], scorer=fuzz.ratio, score_cutoff=NEAR
        )
        for index, row in zip(block, scores, strict=True):
            if best := row.max():  # below NEAR: 0
                found[index] = evaluation[columns[row == best].min()]  # the first in `evaluation`'s order
    return found


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--negatives", type=Path, action="append", default=[])
    parser.add_argument("--pairs", type=Path, action="append", default=[])
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--drop", action="store_true")
    parser.add_argument("--note", default="", help="a comment written above the appended phrasings")
    args = parser.parse_args()
    evaluation = evaluation_questions()
    if args.drop:
        for path in sorted(TRAINING.glob("*.yaml")):
            lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
            items = [i for i, line in enumerate(lines) if line.startswith("  - ")]
            close = near_evaluation([_item(lines[i]) for i in items], evaluation)
            dropped = {i for i, match in zip(items, close, strict=True) if match}
            kept = [line for i, line in enumerate(lines) if i not in dropped]
            if len(kept) != len(lines):
                path.write_text("".join(kept), encoding="utf-8")
                print(f"{path.name}: -{len(lines) - len(kept)}")
        return 0
    if args.check:
        examples = [(path.name, q) for path in sorted(TRAINING.glob("*.yaml")) for q in _read(path)["questions"]]
        close = near_evaluation([q for _name, q in examples], evaluation)
        bad = [example for example, match in zip(examples, close, strict=True) if match]
        for name, question in bad:
            print(f"{name}: {question}")
        return 1 if bad else 0
    knowledge = load_knowledge()
    curated = {comparable(q) for clause in knowledge.clauses.values() for q in clause.questions}
    sources: dict[str, list[str]] = {}
    for folder in args.folders:
        for path in sorted(folder.glob("*.yaml")):
            if path.stem not in knowledge.clauses:
                print(f"skipped {path}: no clause {path.stem}", file=sys.stderr)
                continue
            sources.setdefault(path.stem, []).extend(_phrasings(path))
    for path in args.negatives:
        sources.setdefault(OUT_OF_SCOPE, []).extend(_phrasings(path))
    for path in args.pairs:
        for row in _read(path) or []:
            clause = row.get("clause", row.get("id"))  # writers name it either way
            if clause not in knowledge.clauses:
                print(f"skipped {row['in']!r}: no clause {clause}", file=sys.stderr)
                continue
            sources.setdefault(clause, []).append(" ".join(str(row["in"]).split()))
            sources.setdefault(OUT_OF_SCOPE, []).append(" ".join(str(row["out"]).split()))
    dropped = 0
    for name, phrasings in sources.items():
        target = TRAINING / f"{name}.yaml"
        existing = _read(target)["questions"] if target.exists() else []
        seen = curated | {comparable(q) for q in existing}
        kept = []
        for phrasing in phrasings:
            key = comparable(phrasing)
            if key in seen:
                continue
            if close := too_close(phrasing, evaluation):
                print(f"dropped ({name}) {phrasing!r}: near evaluation question {close!r}", file=sys.stderr)
                dropped += 1
                continue
            seen.add(key)
            kept.append(phrasing)
        if not kept:
            continue
        header = target.read_text(encoding="utf-8") if target.exists() else _header(name)
        lines = "".join(
            f"  - {yaml.safe_dump(q, allow_unicode=True, width=10_000).strip().removesuffix('...').strip()}\n"
            for q in kept
        )
        if args.note:
            lines = f"  # {args.note}\n{lines}"
        target.parent.mkdir(exist_ok=True)
        target.write_text(header.rstrip("\n") + "\n" + lines, encoding="utf-8")
        print(f"{target.name}: +{len(kept)}")
    print(f"dropped {dropped} near-evaluation phrasings", file=sys.stderr)
    return 0


def _phrasings(path: Path) -> list[str]:
    """The phrasings of a source file (a YAML list, or a mapping holding it under `questions:`), each on one
    line: the classifier reads words only, and a one-line item is one `  - …` line for `--drop`."""
    data = _read(path) or []
    found = data.get("questions") or [] if isinstance(data, dict) else data
    return [" ".join(str(item).split()) for item in found]


def _read(path: Path) -> Any:
    """A YAML file's data, parsed by libyaml when PyYAML has it (the pure-Python parser took 1.5 s of --check)."""
    return load_data(path.read_text(encoding="utf-8"))


def _item(line: str) -> str:
    """The phrasing of a `  - …` line (quoted or not)."""
    return str(yaml.safe_load(line.strip()[2:]))


def _header(name: str) -> str:
    if name == OUT_OF_SCOPE:
        return (
            '# Questions the convention does NOT answer, for the learned classifier\'s "hors sujet" class\n'
            "# (bot/core/classifier.py): a message close to these is refused. Many share the convention's words\n"
            "# (a lease, the commune's insurance, a parking fine) on purpose. Never an evaluation question.\n"
            f"clause: {OUT_OF_SCOPE}\nquestions:\n"
        )
    return (
        f"# More ways people ask about {name}, for the learned classifier only (bot/core/classifier.py); the\n"
        "# lexical matcher keeps the clause's own `questions:`. Written from the convention alone, never\n"
        "# copied from an evaluation set (scripts/training_data.py --check).\n"
        f"clause: {name}\nquestions:\n"
    )


if __name__ == "__main__":
    raise SystemExit(main())
