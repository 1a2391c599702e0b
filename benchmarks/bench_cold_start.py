"""Cold start: one `convention-bot ask "durée ?"` as a fresh process, median of 5, in each situation.

Run: python benchmarks/bench_cold_start.py   (prints a comparison; asserts nothing)

- "imports only": `python -c "import bot.cli"`, the floor a cache cannot go under;
- "no cache": the knowledge read, validated and indexed at every start (libyaml's loader);
- "cache, first run": the same, plus writing the cache (after any change of knowledge/ or code);
- "cache hit": the validated, indexed knowledge unpickled from the user cache.
In-process, the YAML loading itself: PyYAML's pure-Python loader against libyaml's.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from bot.core import yamlfile
from bot.core.knowledge import read_knowledge

RUNS = 5
ASK = ["convention-bot", "ask", "durée ?"]
if shutil.which("convention-bot") is None:
    ASK = [sys.executable, "-m", "bot", "ask", "durée ?"]


def timed(command: list[str], environment: dict[str, str], before: list[str] | None = None) -> float:
    """Median wall time of RUNS runs of `command` (after running `before` each time, untimed)."""
    times = []
    for _ in range(RUNS):
        if before:
            subprocess.run(before, env=environment, check=True)
        started = time.perf_counter()
        subprocess.run(command, env=environment, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    cache = Path(tempfile.mkdtemp(prefix="convention-bot-cache-"))
    environment = {**os.environ, "CONVENTION_BOT__CACHE__PATH": str(cache)}
    off = {**environment, "CONVENTION_BOT__CACHE__ENABLED": "false"}
    forget = [sys.executable, "-c", f"import shutil; shutil.rmtree({str(cache)!r}, ignore_errors=True)"]
    rows = [
        ("imports only", timed([sys.executable, "-c", "import bot.cli"], off)),
        ("no cache", timed(ASK, off)),
        ("cache, first run (writes it)", timed(ASK, environment, before=forget)),
        ("cache hit", timed(ASK, environment)),
    ]
    shutil.rmtree(cache, ignore_errors=True)
    print(f"`{' '.join(ASK[-3:])}`, median of {RUNS} runs, {os.cpu_count()} cores (goal: cache hit < 300 ms)")
    for name, seconds in rows:
        print(f"  {name:<30} {seconds * 1000:6.0f} ms")

    for name, loader in (("pure Python", yaml.SafeLoader), ("libyaml", getattr(yaml, "CSafeLoader", None))):
        if loader is None:
            print(f"  YAML, {name}: not available")
            continue
        yamlfile._Loader = loader
        started = time.perf_counter()
        read_knowledge()
        print(
            f"  knowledge read + validated in-process, YAML {name:<12} {(time.perf_counter() - started) * 1000:6.0f} ms"
        )


if __name__ == "__main__":
    main()
