"""A cache of the validated, indexed knowledge base, so that a cold `convention-bot ask` skips YAML,
validation and indexing (about 0.2 s) when nothing changed.

The cache holds the pickled `Engine` (and babel's calendar names, see deadlines.py) under a key made
of the content of every knowledge file, the source of the `bot` package, the Python version, the
installed libraries and the engine's settings: any change makes a new key, hence a rebuild. It is never trusted blindly: the file must belong to this user and be writable
by no one else, carry the expected key and the SHA-256 of its payload; anything else is rebuilt.
One file per knowledge folder (overwritten, so the folder does not grow); deleting it is always safe.
"""

from __future__ import annotations

import hashlib
import importlib.util
import io
import logging
import os
import pickle
import re
import stat
import sys
import tempfile
import time
from pathlib import Path

import platformdirs

from .compiled_patterns import FORMAT_STAMP, Program, pattern_of, program
from .core.calendar_names import CalendarNames, calendar_names, use_calendar_names
from .core.engine import Engine
from .core.knowledge import load_knowledge

log = logging.getLogger(__name__)
FORMAT = b"convention-bot engine cache 4\n"
STALE_SECONDS = 30 * 24 * 3600  # a folder's file not rewritten for a month (a deleted checkout…) goes
PACKAGE = Path(__file__).resolve().parent
# Libraries whose behaviour is baked into the index (stems, normalized forms, parsed models); the same
# list in every process, so that the CLI and the bot share one key. Add any the core starts to use.
ENGINE_LIBRARIES = (
    "pydantic", "pydantic_core", "rapidfuzz", "snowballstemmer", "Stemmer", "yaml", "dateutil", "babel", "text_to_num",
    "numpy", "scipy", "sklearn",  # the classifier's training: what it learned is in the cache
)  # fmt: skip


def default_cache_dir() -> Path:
    return platformdirs.user_cache_path("convention-bot")


def cached_engine(
    root: Path, kind: type[Engine] = Engine, *, contact: str, threshold: float, cache_dir: Path | None
) -> Engine:
    """The engine (of class `kind`) of the knowledge base in `root`, from the cache when still valid."""
    if cache_dir is None:
        return kind(load_knowledge(root), contact=contact, threshold=threshold)
    key = cache_key(root, kind, contact=contact, threshold=threshold)
    path = cache_dir / f"engine-{hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:16]}.pickle"
    if (engine := _read(path, key, kind)) is not None:
        return engine
    engine = kind(load_knowledge(root), contact=contact, threshold=threshold)  # raises if invalid: nothing cached
    _write(path, key, engine)
    return engine


def cache_key(root: Path, kind: type[Engine] = Engine, *, contact: str, threshold: float) -> bytes:
    """A digest of everything the engine is built from."""
    digest = hashlib.sha256(FORMAT + FORMAT_STAMP)
    digest.update(
        f"{sys.version}\n{kind.__module__}.{kind.__qualname__}\n{root.resolve()}\n{contact}\n{threshold!r}\n".encode()
    )
    digest.update(_libraries())
    for folder, pattern in ((root, "*"), (PACKAGE, "*.py")):
        for file in sorted(path for path in folder.rglob(pattern) if path.is_file()):
            digest.update(file.relative_to(folder).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(file.read_bytes()).digest())
    return digest.hexdigest().encode()


def _prune(folder: Path, keep: Path) -> None:
    """Delete the other folders' files left unused for a month: the cache does not grow without end."""
    old = time.time() - STALE_SECONDS
    for other in folder.glob("engine-*.pickle"):
        try:
            if other != keep and other.stat().st_mtime < old:
                other.unlink()
        except OSError:  # another process pruned it first
            continue


def _libraries() -> bytes:
    """The files of the libraries the engine's index depends on: an upgrade (new files) rebuilds.

    Found without importing them: a cache hit must not pay for numpy or scikit-learn, which only train."""
    stamps = []
    for name in ENGINE_LIBRARIES:
        spec = importlib.util.find_spec(name)
        origin = (spec.origin if spec else None) or name
        try:
            status = os.stat(origin)
        except OSError:  # not installed (or no file): its absence is the stamp
            stamps.append(f"{name}=")
            continue
        stamps.append(f"{name}={origin}:{status.st_size}:{status.st_mtime_ns}")
    return "\n".join(stamps).encode()


def _read(path: Path, key: bytes, kind: type[Engine]) -> Engine | None:
    try:
        with path.open("rb") as handle:
            status = os.fstat(handle.fileno())
            if status.st_uid != os.getuid() or status.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
                log.warning("knowledge cache ignored: %s is not this user's private file", path)
                return None
            header, stored_key, checksum = (handle.readline().rstrip(b"\n") for _ in range(3))
            payload = handle.read()
    except OSError:
        return None
    if header != FORMAT.rstrip(b"\n") or stored_key != key or hashlib.sha256(payload).hexdigest().encode() != checksum:
        return None
    try:
        engine, names = pickle.loads(payload)
    except Exception:  # a damaged or foreign file: rebuild rather than fail
        return None
    if type(engine) is not kind or type(names) is not CalendarNames:
        return None
    use_calendar_names(names)
    return engine


def _write(path: Path, key: bytes, engine: Engine) -> None:
    """Write atomically (a reader sees the old file or the new one), private to this user."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        # With babel's month and day names: a cache hit answers without loading babel's locale data.
        buffer = io.BytesIO()
        _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump((engine, calendar_names()))
        payload = buffer.getvalue()
        checksum = hashlib.sha256(payload).hexdigest().encode()
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".engine-")  # mode 0600
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(FORMAT + key + b"\n" + checksum + b"\n" + payload)
        os.replace(temporary, path)
        _prune(path.parent, keep=path)
    except OSError as error:  # a read-only home, a full disk: answer anyway, uncached
        log.info("knowledge cache not written: %s", error)


class _Pickler(pickle.Pickler):
    """Regular expressions go into the cache as text and compiled program, rebuilt when first used (`LazyPattern`)."""

    def reducer_override(self, obj: object) -> object:
        if isinstance(obj, re.Pattern):
            return LazyPattern, (obj.pattern, obj.flags, program(obj))
        return NotImplemented


_OWN = ("pattern", "flags", "stored")  # a LazyPattern's own attributes, set before any use


class LazyPattern:
    """A regular expression of the cached engine, rebuilt at its first use.

    Unpickling a compiled pattern compiles it again, in pure Python (1.5 s for the engine's patterns): the cache
    holds the program each compiled to (compiled_patterns.py), and a cached `ask` uses only some of them. The first
    call to one of its methods rebuilds it and keeps the compiled pattern's methods, so that later calls go
    straight to them.
    """

    def __init__(self, pattern: str, flags: int, stored: Program | None = None) -> None:
        self.pattern = pattern
        self.flags = flags
        self.stored = stored

    def __getattr__(self, name: str) -> object:  # only for what is not set yet: the first use
        if name.startswith("__") or name in _OWN:  # copy's and pickle's probes, a half-made object
            raise AttributeError(name)
        compiled = pattern_of(self.pattern, self.flags, self.stored)
        for method in ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner"):
            setattr(self, method, getattr(compiled, method))
        self.groups, self.groupindex = compiled.groups, compiled.groupindex
        return getattr(compiled, name)

    def __reduce__(self) -> tuple[object, tuple[str, int]]:
        return re.compile, (self.pattern, self.flags)
