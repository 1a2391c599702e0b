"""Engine speed: knowledge load, one answer (p50/p99), and `ask` over 1,000 stdin lines.

Run: python benchmarks/bench_engine.py   (prints figures; asserts nothing)
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import yaml
from rapidfuzz import fuzz, process, utils

from bot.core.engine import Engine
from bot.core.evaluation import IN_SCOPE, evaluate, load_cases
from bot.core.knowledge import load_knowledge

ROOT = Path(__file__).resolve().parents[1]
QUESTION_FILES = ["questions.yaml", "paraphrases.yaml", "adversarial.yaml", "holdout.yaml"]


def main() -> None:
    started = time.perf_counter()
    knowledge = load_knowledge()
    loaded = time.perf_counter()
    engine = Engine(knowledge)
    built = time.perf_counter()
    print(
        f"knowledge load + validation: {(loaded - started) * 1000:.0f} ms; index build: {(built - loaded) * 1000:.0f} ms"
    )

    questions = [
        row["q"] for name in QUESTION_FILES for row in yaml.safe_load((ROOT / "tests/data" / name).read_text())
    ]
    today = date(2026, 11, 28)
    for question in questions:  # warm the caches as a running bot would be
        engine.answer(question, today=today)
    timings = []
    for _ in range(20):
        for question in questions:
            start = time.perf_counter()
            engine.answer(question, today=today)
            timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    p50 = statistics.median(timings)
    p99 = timings[int(len(timings) * 0.99)]
    print(f"one answer over {len(timings)} calls: p50 {p50:.2f} ms, p99 {p99:.2f} ms, max {timings[-1]:.2f} ms")

    lines = "\n".join(questions[i % len(questions)] for i in range(1000)) + "\n"
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--json"],
        input=lines,
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    elapsed = time.perf_counter() - start
    print(
        f"ask --json, 1,000 questions on stdin, start-up included: {elapsed:.2f} s ({len(result.stdout.splitlines())} lines)"
    )

    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "bot", "ask", "--json", "tarif"], capture_output=True, cwd=ROOT, check=True)
    print(f"ask of a single question (start-up cost): {time.perf_counter() - start:.2f} s")

    print("\nfirst-citation accuracy on in-scope questions, engine vs rapidfuzz alone on the raw clauses:")
    texts = {clause.id: clause.text for clause in knowledge.clauses.values()}
    for name in QUESTION_FILES:
        cases = [case for case in load_cases(ROOT / "tests/data" / name) if case.group == IN_SCOPE]
        report = evaluate(engine, cases, today)
        ours = sum(outcome.passed for outcome in report.outcomes)
        baseline = sum(
            process.extractOne(case.question, texts, scorer=fuzz.token_set_ratio, processor=utils.default_process)[2]
            in case.expect
            for case in cases
        )
        print(
            f"  {name:<18} engine {ours}/{len(cases)} ({ours / len(cases):.0%})   rapidfuzz {baseline}/{len(cases)} ({baseline / len(cases):.0%})"
        )


if __name__ == "__main__":
    main()
