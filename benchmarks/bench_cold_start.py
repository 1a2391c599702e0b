"""Cold start: one `convention-bot ask "durée ?"` as a fresh process, median of 5, in each situation.

Run: python benchmarks/bench_cold_start.py [--against OTHER_CHECKOUT …]   (prints a comparison; asserts nothing)

- "imports only": `python -c "import bot.cli"`, the floor a cache cannot go under;
- "no cache": the knowledge read, validated and indexed at every start (libyaml's loader);
- "cache, first run": the same, plus training the classifier and writing the cache (after any change);
- "cache hit": the validated, indexed knowledge unpickled from the user cache (its default folder);
- "cache hit, setting in environment": the same with a `CONVENTION_BOT__…` variable set, so that
  pydantic-settings is loaded to read the environment.
Each run's wall time and its CPU time (user + system: on a machine shared with other jobs, waiting for
the CPU is not the program's time). `--against` measures other checkouts (the same commands, run from
there, one after the other in each round) for a before/after in the same run.
In-process, the YAML loading itself: PyYAML's pure-Python loader against libyaml's.
"""

from __future__ import annotations

import argparse
import os
import resource
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
ROOT = Path(__file__).resolve().parents[1]
ASK = [sys.executable, "-m", "bot", "ask", "durée ?"]  # run from a checkout: that checkout's `bot`
IMPORTS = [sys.executable, "-c", "import bot.cli"]


def run(command: list[str], checkout: Path, environment: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one run of `command` from `checkout`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, cwd=checkout, env=environment, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def situations(cache: Path) -> list[tuple[str, list[str], dict[str, str], bool]]:
    """(name, command, environment, forget the cache first) for each situation."""
    clean = {k: v for k, v in os.environ.items() if not k.upper().startswith(("CONVENTION_BOT_", "TELEGRAM_BOT_"))}
    plain = {**clean, "XDG_CACHE_HOME": str(cache)}  # the default cache folder, here <cache>/convention-bot
    off = {**plain, "CONVENTION_BOT__CACHE__ENABLED": "false"}
    variable = {**plain, "CONVENTION_BOT__CACHE__PATH": str(cache / "convention-bot")}
    return [
        ("imports only", IMPORTS, plain, False),
        ("no cache", ASK, off, False),
        ("cache, first run (writes it)", ASK, plain, True),
        ("cache hit", ASK, plain, False),
        ("cache hit, setting in environment", ASK, variable, False),
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--against", type=Path, action="append", default=[], help="another checkout to compare")
    checkouts = [ROOT, *(path.resolve() for path in parser.parse_args().against)]
    caches = {checkout: Path(tempfile.mkdtemp(prefix="convention-bot-cache-")) for checkout in checkouts}
    times: dict[tuple[Path, str], list[tuple[float, float]]] = {}
    for _ in range(RUNS):
        for checkout in checkouts:
            for name, command, environment, forget in situations(caches[checkout]):
                if forget:
                    shutil.rmtree(caches[checkout] / "convention-bot", ignore_errors=True)
                times.setdefault((checkout, name), []).append(run(command, checkout, environment))
    for cache in caches.values():
        shutil.rmtree(cache, ignore_errors=True)
    load = os.getloadavg()[0]
    print(
        f'`convention-bot ask "durée ?"`, {RUNS} runs, {os.cpu_count()} cores, load {load:.1f} (goal: cache hit < 300 ms)'
    )
    for (checkout, name), runs in times.items():
        walls, cpus = [wall for wall, _ in runs], [cpu for _, cpu in runs]
        print(
            f"  {checkout.name:<12} {name:<34} median {statistics.median(walls) * 1000:5.0f} ms   "
            f"fastest {min(walls) * 1000:5.0f} ms   CPU median {statistics.median(cpus) * 1000:5.0f} ms"
        )

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
