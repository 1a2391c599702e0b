"""Long messages: one answer to a message of up to 4,096 characters (p50/p99), this checkout against others.

Run: python benchmarks/bench_long_messages.py [--against OTHER_CHECKOUT …] [--rounds 4]
(prints a comparison; asserts nothing)

The messages are `bench_engine.py`'s (realistic messages pasted one after another up to 4,096 characters).
Each checkout answers them in a fresh process run from its own folder (its own `bot`), the checkouts taking
turns round after round, so that a machine shared with other jobs loads them alike. Per answer, CPU time
(`time.process_time`: waiting for the CPU is not the engine's time) and wall time.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PASSES = 2  # each message answered this many times per process, after one warming pass


def measure() -> None:
    """In the checkout this process runs from: print the timings of its answers as JSON."""
    sys.path[:0] = [str(Path.cwd()), str(Path.cwd() / "benchmarks")]
    import yaml
    from bench_engine import MESSAGE_FILES, long_messages

    from bot.core.engine import Engine
    from bot.core.knowledge import load_knowledge

    rows = [row for name in MESSAGE_FILES for row in yaml.safe_load((Path("tests/data") / name).read_text())]
    messages = long_messages([row["q"] for row in rows])
    engine = Engine(load_knowledge())
    today = date(2026, 11, 28)
    for message in messages:  # warm the caches as a running bot would be
        engine.answer(message, today=today)
    gc.freeze()  # as the bot does after startup (bot/assembly.py, `keep_for_the_process`)
    cpu, wall = [], []
    for _ in range(PASSES):
        for message in messages:
            started_cpu, started = time.process_time(), time.perf_counter()
            engine.answer(message, today=today)
            cpu.append((time.process_time() - started_cpu) * 1000)
            wall.append((time.perf_counter() - started) * 1000)
    print(json.dumps({"cpu": cpu, "wall": wall}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", nargs="*", default=[], help="other checkouts to measure in the same run")
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        measure()
        return
    checkouts = [ROOT, *(Path(path).resolve() for path in args.against)]
    print(f"load average at the start: {' '.join(f'{load:.1f}' for load in os.getloadavg())}")
    timings: dict[Path, dict[str, list[float]]] = {path: {"cpu": [], "wall": []} for path in checkouts}
    for _ in range(args.rounds):
        for path in checkouts:
            result = subprocess.run(
                [sys.executable, str(Path(__file__).resolve()), "--measure"],
                cwd=path,
                capture_output=True,
                text=True,
                check=True,
            )
            for kind, values in json.loads(result.stdout).items():
                timings[path][kind] += values
    print(f"load average at the end: {' '.join(f'{load:.1f}' for load in os.getloadavg())}")
    figures: dict[Path, dict[str, tuple[float, float]]] = {}
    for path, kinds in timings.items():
        for kind, values in kinds.items():
            values.sort()
            p50, p99 = statistics.median(values), values[int(len(values) * 0.99)]
            figures.setdefault(path, {})[kind] = (p50, p99)
            print(f"{path!s:<30} {kind:<4} n={len(values)} p50 {p50:.2f} ms  p99 {p99:.2f} ms  max {values[-1]:.2f} ms")
    for other in checkouts[1:]:  # this checkout against each other one, same run
        for kind in ("cpu", "wall"):
            (p50, p99), (other50, other99) = figures[ROOT][kind], figures[other][kind]
            print(
                f"{ROOT.name} against {other.name} ({kind}): p50 {p50:.2f} vs {other50:.2f} ms "
                f"({(p50 / other50 - 1) * 100:+.0f} %), p99 {p99:.2f} vs {other99:.2f} ms ({(p99 / other99 - 1) * 100:+.0f} %)"
            )


if __name__ == "__main__":
    main()
