"""The code's layout: small modules with one job (no module of bot/ over 250 lines), constructors that set each attribute once."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

MAX_LINES = 250
BOT = Path(__file__).parents[1] / "bot"


def test_no_module_of_bot_is_over_250_lines() -> None:
    sizes = {path.relative_to(BOT.parent): len(path.read_text("utf-8").splitlines()) for path in BOT.rglob("*.py")}
    assert len(sizes) > 50  # the walk found the package
    assert {str(path): lines for path, lines in sizes.items() if lines > MAX_LINES} == {}


def _assigned_twice(init: ast.FunctionDef) -> list[str]:
    """The attributes of `self` that the statements of `init`'s own body (not nested blocks) assign more than once."""
    targets = [
        element
        for statement in init.body
        if isinstance(statement, ast.Assign | ast.AnnAssign)
        for target in (statement.targets if isinstance(statement, ast.Assign) else [statement.target])
        for element in (target.elts if isinstance(target, ast.Tuple) else [target])
    ]
    names = Counter(
        t.attr
        for t in targets
        if isinstance(t, ast.Attribute) and isinstance(t.value, ast.Name) and t.value.id == "self"
    )
    return sorted(name for name, count in names.items() if count > 1)


def test_no_constructor_assigns_one_attribute_twice() -> None:
    # A second `self.restating = …` in Cues once silently replaced the first, another rule's cue (session 53).
    found = {}
    for path in BOT.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.FunctionDef) and node.name == "__init__" and (twice := _assigned_twice(node)):
                found[f"{path.relative_to(BOT.parent)}:{node.lineno}"] = twice
    assert found == {}
    bad = ast.parse(
        "class C:\n    def __init__(self):\n        self.a = 1\n        self.b = self.a\n        self.a = 2\n"
    )
    assert _assigned_twice(bad.body[0].body[0]) == ["a"]  # type: ignore[attr-defined]
