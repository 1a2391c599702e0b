"""Shared fixtures: the real knowledge base and engine (built once per test run), data tables, and
`convention_bot`, the command line run in this process."""

from __future__ import annotations

import contextlib
import fcntl
import functools
import hashlib
import io
import logging
import os
import pickle
import shutil
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import redirect_stderr, redirect_stdout
from datetime import date
from pathlib import Path
from typing import IO, Any, NamedTuple, TypeVar
from unittest import mock

import pytest

from bot.assembly import build_engine
from bot.cli import main
from bot.core import classifier
from bot.core.engine import Engine
from bot.core.evaluation import Case, Report, evaluate, load_cases
from bot.core.guard import GuardedEngine
from bot.core.knowledge import DEFAULT_KNOWLEDGE_DIR, Knowledge, load_knowledge
from bot.core.ranker import Ranker
from bot.core.readings import Readings
from bot.core.yamlfile import load_data
from bot.engine_cache import cache_key
from bot.settings import CacheSettings, Settings, load_settings

# A test run starts many interpreters (pytest-xdist's workers, `convention-bot` processes): they cache
# compiled modules and pytest's rewritten tests in __pycache__/ (git-ignored), as Python does by default,
# even where PYTHONDONTWRITEBYTECODE is set (the processes tests start: see `engine_cache`). About 2 s of
# CPU less per worker, 0.2 s per process.
sys.dont_write_bytecode = False


# pytest's temporary folders of this checkout's runs, apart from other checkouts' (by default all share
# /tmp/pytest-of-USER, and each run deletes the folders over the last three there, however big), in
# memory where Linux offers it (/dev/shm): on this machine's disk, each test database's creation
# waited 28 ms for fsync (1.5 ms in memory), and deleting files already written was slow.
def _temporary_root() -> Path:
    memory = Path("/dev/shm")
    roomy = memory.is_dir() and os.access(memory, os.W_OK) and shutil.disk_usage(memory).free > 2**30
    checkout = hashlib.sha256(bytes(Path(__file__))).hexdigest()[:12]
    return (memory if roomy else Path(tempfile.gettempdir())) / f"convention-bot-{checkout}"


TEMP_ROOT = _temporary_root()
TEMP_ROOT.mkdir(mode=0o700, exist_ok=True)
os.environ.setdefault("PYTEST_DEBUG_TEMPROOT", str(TEMP_ROOT))
DATA = Path(__file__).parent / "data"
FIXTURES = Path(__file__).parent / "fixtures"
T = TypeVar("T")
EVALUATION_DAY = date(2026, 11, 28)  # "today" for the evaluation tables (a row may set its own)


def table(name: str) -> Any:
    """A YAML table from tests/data (read by libyaml: the tables are read at collection, by each worker)."""
    return load_data((DATA / name).read_text(encoding="utf-8"))


def open_marked(rows: list[dict]) -> list[Any]:
    """The rows of a table, each marked `open:` (a known defect, as in trust-audit.yaml) expected to fail: strictly, so
    that a fixed one fails the suite until its mark is taken off."""
    return [
        pytest.param(row, marks=pytest.mark.xfail(strict=True, reason=row["open"])) if row.get("open") else row
        for row in rows
    ]


@functools.cache
def cases(name: str) -> list[Case]:
    """The cases of the evaluation table tests/data/<name>, read once per test run."""
    return load_cases(DATA / name)


class Result(NamedTuple):
    returncode: int
    stdout: str
    stderr: str


class _Reads:
    """A stand-in classifier that reads the same probabilities in every text."""

    def __init__(self, probabilities: dict[str, float]) -> None:
        self._probabilities = probabilities

    def probabilities(self, text: str, terms: list[str]) -> dict[str, float]:
        return dict(self._probabilities)


def stand_in_ranker(probabilities: dict[str, float], *, fair_out: float = 1.0) -> Ranker:
    """A Ranker over art-3, art-5.2 and art-6 whose classifier reads `probabilities`; `fair_out` is the
    factor that takes "hors sujet"'s prior out (1.0: none)."""
    readings = Readings.__new__(Readings)
    readings.classifier = _Reads(probabilities)  # type: ignore[assignment]
    readings._recent = ()
    readings._fair_out = fair_out
    found = Ranker.__new__(Ranker)
    found.readings = readings
    found._order = ["art-3", "art-5.2", "art-6"]
    found._foreign = lambda term: term.startswith("foreign")
    return found


def convention_bot(*args: str, stdin: str | None = None, **environment: str) -> Result:
    """`convention-bot ARGS` in this process (`main(argv)`, real text streams, `environment` added to
    the process's for the call): its exit code and what it printed. A real process costs a Python start
    and the imports (about 0.6 s of CPU): tests start one only where the process itself is tested."""
    streams = [io.TextIOWrapper(io.BytesIO(), encoding="utf-8") for _ in range(2)]
    entry = io.TextIOWrapper(io.BytesIO((stdin or "").encode()), encoding="utf-8")
    saved, sys.stdin = sys.stdin, entry
    try:
        with mock.patch.dict(os.environ, environment), redirect_stdout(streams[0]), redirect_stderr(streams[1]):
            try:
                code = main(list(args))
            except SystemExit as exit:  # argparse's --help and usage errors end the process
                code = exit.code if isinstance(exit.code, int) else int(exit.code is not None)
    finally:
        sys.stdin = saved
    for stream in streams:
        stream.flush()
    out, err = (stream.buffer.getvalue().decode() for stream in streams)  # type: ignore[attr-defined]
    return Result(code, out, err)


# Modules that train classifiers (the classifier's own tests, taught examples): one scope, so that a
# single pytest-xdist worker imports scikit-learn (about 1 s of CPU per process). Others may be added.
TRAINING_MODULES = ("tests/test_classifier.py", "tests/test_learned.py", "tests/test_review.py")
DURATIONS = "convention-bot/test-seconds"  # pytest's cache: each test's duration in the last run
STORE = "convention-bot-engine"  # pytest's cache folder of the engine (and its fits) built by an earlier run
SLOW_GUESS = 5.0  # seconds: a slow test never run yet (a real process) is costly


def _scope(nodeid: str) -> str:
    """What pytest-xdist runs on one worker: a module (its module-scoped fixtures are built once), or
    the training modules together."""
    module = nodeid.split("::", 1)[0]
    return "training" if module in TRAINING_MODULES else module


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """--dist loadscope with `_scope`'s scopes."""
    if config.getvalue("dist") != "loadscope":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class Scheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return _scope(nodeid)

    return Scheduling(config, log)


@pytest.hookimpl(trylast=True)  # after -m and -k have deselected
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The costliest scopes first (their tests' durations in the last run; a test never run counts the
    mean, a slow one SLOW_GUESS), each keeping its order: pytest-xdist hands them out in this order
    (`--no-loadscope-reorder`), so that the workers' long tasks overlap instead of one ending the run
    alone (the longest-first rule of scheduling)."""
    cache = getattr(config, "cache", None)
    seen: dict[str, float] = cache.get(DURATIONS, {}) if cache else {}
    mean = sum(seen.values()) / len(seen) if seen else 0.0
    costs: dict[str, float] = {}
    for item in items:
        guess = SLOW_GUESS if item.get_closest_marker("slow") else mean
        costs[_scope(item.nodeid)] = costs.get(_scope(item.nodeid), 0.0) + seen.get(item.nodeid, guess)
    order = {scope: index for index, scope in enumerate(costs)}
    items.sort(key=lambda item: (-costs[_scope(item.nodeid)], order[_scope(item.nodeid)]))


_durations: dict[str, float] = {}


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Each test's duration (setup, call and teardown), reported by the workers to the controller."""
    _durations[report.nodeid] = _durations.get(report.nodeid, 0.0) + report.duration


def pytest_sessionfinish(session: pytest.Session) -> None:
    """The durations of this run into pytest's cache (by the controller, or the only process)."""
    cache = getattr(session.config, "cache", None)
    if cache is None or hasattr(session.config, "workerinput") or not _durations:
        return
    cache.set(DURATIONS, {**cache.get(DURATIONS, {}), **{k: round(v, 4) for k, v in _durations.items()}})


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    """A pytest-xdist worker, its results sent (pytest_sessionfinish) and pytest done, ends at once:
    Python's own teardown of its objects (engines, scikit-learn, Telegram's library) took about a
    second that the controller waited for at the end of every run."""
    if hasattr(config, "workerinput"):
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist starts the workers: the lock is taken first
def pytest_sessionstart(session: pytest.Session) -> None:
    """Under pytest-xdist, the controller process, idle while the workers start and collect the tests,
    makes the run's engine cache in the meantime (in a thread, holding the cache's lock file from
    before any worker starts): the workers then read the engine instead of each building it."""
    if hasattr(session.config, "workerinput") or not session.config.pluginmanager.has_plugin("dsession"):
        return  # a worker, or no workers (-n0): the `engine_cache` fixture builds it
    folder = session.config._tmp_path_factory.getbasetemp()  # type: ignore[attr-defined]  # the workers' parent
    classifier._fit = _shared_fits(folder / "fits")  # type: ignore[assignment]  # this process runs no tests
    lock = _lock_file(folder / "engine-cache.lock")
    settings = Settings(cache=CacheSettings(path=str(folder / "engine-cache")))  # the key `engine_cache`'s has

    def build() -> None:
        with lock:  # closing the file releases the lock
            _stored_build(session.config, folder, settings)

    threading.Thread(target=build, name="prefit", daemon=True).start()


def _stored_build(config: pytest.Config, folder: Path, settings: Settings) -> None:
    """`build_engine(settings)` in this run's `folder` (its engine cache), starting from what an earlier
    run stored in pytest's cache for the same engine key (every knowledge file, the `bot` package's
    source, Python and the libraries: see bot/engine_cache.py): its engine cache, read and checked as
    any cache, and the classifier's fits. A run after a change builds and trains (about 3.5 s of CPU),
    and stores."""
    cache = getattr(config, "cache", None)
    if cache is None:  # -p no:cacheprovider
        build_engine(settings)
        return
    key = cache_key(settings.knowledge_dir, GuardedEngine, contact=settings.contact, threshold=settings.threshold)
    store = cache.mkdir(STORE) / key.decode()[:32]
    saved = [path.relative_to(store) for path in store.glob("*/*.pickle")]
    with contextlib.suppress(OSError):  # another run replaced the store meanwhile: build
        for name in saved:
            if not (folder / name).exists():  # never rewritten under a process reading it
                (folder / name).parent.mkdir(mode=0o700, exist_ok=True)
                shutil.copy2(store / name, folder / name.with_suffix(".part"))
                (folder / name.with_suffix(".part")).replace(folder / name)
    build_engine(settings)
    made = [
        path.relative_to(folder)
        for folder_name in ("engine-cache", "fits")
        for path in (folder / folder_name).glob("*.pickle")
    ]
    if not saved and made:
        partial = store.parent / f".{store.name}.{os.getpid()}"
        for name in made:
            (partial / name).parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            shutil.copy2(folder / name, partial / name)
        for old in store.parent.iterdir():  # one engine kept: the last one built
            if old != partial:
                shutil.rmtree(old, ignore_errors=True)
        with contextlib.suppress(OSError):  # another run stored it first
            partial.rename(store)
        shutil.rmtree(partial, ignore_errors=True)


@pytest.hookimpl(tryfirst=True)
def pytest_runtestloop(session: pytest.Session) -> None:
    """A pytest-xdist worker waits for the controller's engine (its lock file) before its first test, so
    that the wait is not counted in that test's duration (they order the next run)."""
    if hasattr(session.config, "workerinput"):
        _lock_file(_run_folder(session.config._tmp_path_factory) / "engine-cache.lock").close()  # type: ignore[attr-defined]


def _run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of this test run, shared by pytest-xdist's workers (each has its own basetemp below it)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def _lock_file(path: Path) -> IO[str]:
    """`path` opened and locked (waiting for whoever holds it); closing the file releases the lock."""
    lock = path.open("w")
    fcntl.flock(lock, fcntl.LOCK_EX)
    return lock


def _once_per_run(path: Path, compute: Callable[[], T]) -> T:
    """`compute()`, made once in this test run by the first pytest-xdist worker that needs it (the
    others wait on its lock file), then read from `path` (pickled) by the others."""
    path.parent.mkdir(exist_ok=True)
    with _lock_file(path.with_suffix(".lock")):
        if path.exists():
            return pickle.loads(path.read_bytes())
        value = compute()
        path.with_suffix(".part").write_bytes(pickle.dumps(value))
        path.with_suffix(".part").replace(path)
        return value


def _shared_fits(folder: Path) -> Callable[..., classifier.Classifier]:
    """The classifier's fit (`bot.core.classifier._fit`), made once per example set in this test run:
    the base knowledge's fit (about 3 s of CPU with scikit-learn's import) once instead of once per
    worker. Still cached in the process, as the real one."""
    fit = classifier._fit.__wrapped__

    @functools.lru_cache(maxsize=8)
    def shared(examples: tuple[tuple[str, str, tuple[str, ...]], ...]) -> classifier.Classifier:
        digest = hashlib.sha256(pickle.dumps(examples)).hexdigest()
        return _once_per_run(folder / f"{digest}.pickle", lambda: fit(examples))

    return shared


@pytest.fixture(scope="session")
def engine(pytestconfig: pytest.Config, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """The engine `convention-bot` answers with, read from this test run's knowledge cache (`engine_cache`)
    as by every `convention-bot` process: test_cold_start compares it with an engine just built."""
    run = _run_folder(tmp_path_factory)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CONVENTION_BOT__CACHE__PATH", str(run / "engine-cache"))
        patch.delenv("PYTHONDONTWRITEBYTECODE", raising=False)
        patch.setattr(classifier, "_fit", _shared_fits(run / "fits"))
        settings = load_settings()
        with _lock_file(run / "engine-cache.lock"):
            if not hasattr(pytestconfig, "workerinput"):  # -n0: no pytest-xdist controller made it
                _stored_build(pytestconfig, run, settings)
        yield build_engine(settings)


@pytest.fixture(scope="session", autouse=True)
def engine_cache(engine: Engine, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The knowledge cache of this test run, in a temporary folder (inherited by the processes tests
    start), filled before the first test: every `convention-bot` process a test starts reads the engine
    instead of training the classifier again. Built once per run, under its lock file: by the
    controller of pytest-xdist's workers (`pytest_sessionstart`), else by the first worker; the others
    read it. Fits of other examples are shared by the workers too (`_shared_fits`)."""
    return _run_folder(tmp_path_factory) / "engine-cache"


@pytest.fixture(scope="session")
def knowledge(engine: Engine) -> Knowledge:
    """The shipped knowledge base, as the cached engine holds it (equal to a fresh load: test_cold_start)."""
    return engine.knowledge


@pytest.fixture(scope="session")
def evaluated(engine: Engine, tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Report]:
    """`evaluated(name)`: the engine's answers to the table tests/data/<name>, judged (as of
    EVALUATION_DAY); each table is answered once per test run (whichever worker asks first) and shared
    by the tests that check it."""
    folder = _run_folder(tmp_path_factory) / "evaluated"

    @functools.cache
    def report(name: str) -> Report:
        return _once_per_run(folder / f"{name}.pickle", lambda: evaluate(engine, cases(name), EVALUATION_DAY))

    return report


@pytest.fixture
def restored_logging() -> Iterator[None]:
    """`convention-bot run` in this process sets up the process's logging (a handler, levels): put back pytest's."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    levels = {name: logging.getLogger(name).level for name in ("telegram", "httpx", "httpcore")}
    yield
    root.handlers[:] = handlers
    root.setLevel(level)
    for name, saved in levels.items():
        logging.getLogger(name).setLevel(saved)


@pytest.fixture
def minimal_knowledge(tmp_path: Path) -> Path:
    """A small valid knowledge base (two files' worth) with the real source text."""
    root = tmp_path / "knowledge"
    shutil.copytree(FIXTURES / "minimal", root)
    (root / "source").mkdir()
    shutil.copy(DEFAULT_KNOWLEDGE_DIR / "source" / "convention.txt", root / "source" / "convention.txt")
    return root


@pytest.fixture(scope="session")
def untrained_engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    """The engine of the real knowledge base without its training phrasings (knowledge/training/), in a
    folder of its own (`engine.knowledge.root`): the classifier still learns every clause's own questions,
    and trains again in about 0.2 s instead of 1.7 s. For tests that teach examples, hence train again."""
    root = tmp_path_factory.mktemp("untrained") / "knowledge"
    shutil.copytree(DEFAULT_KNOWLEDGE_DIR, root, ignore=shutil.ignore_patterns("training"))
    return build_engine(Settings(), load_knowledge(root))
