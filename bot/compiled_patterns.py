"""Regular expressions stored compiled in the engine cache, so that a later process does not compile them again.

Python compiles a regular expression in pure Python (parsing, then code generation) and only then hands the program
to its C engine. The engine's patterns, some of them tries of thousands of asking phrases, took about 1.5 s of
every cold `convention-bot ask`. The cache stores each pattern with the program `re.compile` made of it; a later
process gives that program straight to the C engine (`_sre.compile`, the call `re.compile` ends with), at the
pattern's first use. The program's format belongs to one Python version: the cache key holds `sys.version` and
`FORMAT_STAMP`; a program is stored only when the pattern it rebuilds equals the original (CPython compares the
pattern text, flags and program), and anything unexpected falls back to `re.compile`.
"""

from __future__ import annotations

import _sre  # the C engine of `re`: what `re.compile` calls last
import re
from array import array
from re import _compiler, _parser  # type: ignore[attr-defined]

FORMAT_STAMP = f"_sre {_sre.MAGIC} {_sre.CODESIZE}".encode()  # in the cache key: another engine, another program

Program = tuple[int, array, int, dict[str, int], tuple[str | None, ...]]  # flags, code, groups, groupindex, indexgroup


def program(pattern: re.Pattern[str]) -> Program | None:
    """What `_sre.compile` takes to rebuild `pattern` (as `re.compile` computes it), or None when the rebuilt
    pattern would differ (another version of `re`'s internals)."""
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
        code = _compiler._code(parsed, pattern.flags)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in parsed.state.groupdict.items():
            indexgroup[index] = name
        stored = (
            pattern.flags | parsed.state.flags,
            array("I", code),
            parsed.state.groups - 1,
            dict(parsed.state.groupdict),
            tuple(indexgroup),
        )
        return stored if rebuild(pattern.pattern, stored) == pattern else None
    except Exception:  # any surprise of a private API: store the text, compile it later
        return None


def rebuild(text: str, stored: Program) -> re.Pattern[str]:
    """The compiled pattern of `text` from its stored program."""
    flags, code, groups, groupindex, indexgroup = stored
    return _sre.compile(text, flags, code.tolist(), groups, groupindex, indexgroup)


def pattern_of(text: str, flags: int, stored: Program | None) -> re.Pattern[str]:
    """The pattern `text`, rebuilt from its program when one was stored and it rebuilds, else compiled."""
    if stored is not None:
        try:
            return rebuild(text, stored)
        except Exception:  # a damaged program: compile the text, as without a cache
            pass
    return re.compile(text, flags)
