"""Safe YAML loading that remembers where every value came from.

PyYAML silently keeps the last of two duplicate keys and forgets line numbers once the
data is built. Maintainers need both: a duplicate key is an error, and every later
message (schema or meaning) must point at `file:line`. So we compose the node tree
with the safe loader and build the Python values ourselves, recording each value's line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import yaml

Location = tuple[str | int, ...]
# libyaml's loader, when PyYAML was built with it, composes the same nodes with the same marks
# (line numbers) six times faster than the pure-Python one. Chosen at the first load: PyYAML is
# imported only to read files, never by a `convention-bot ask` answered from the engine cache.
_Loader: type[yaml.SafeLoader] | type[yaml.CSafeLoader] | None = None
# Plain YAML types only: a tag like !!python/object is refused, never constructed.
_STANDARD_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("map", "seq", "str", "int", "float", "bool", "null", "timestamp")
)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a knowledge file, reported as `path:line: message`."""

    path: str
    line: int
    message: str
    warning: bool = False

    def __str__(self) -> str:
        prefix = "avertissement : " if self.warning else ""
        return f"{self.path}:{self.line}: {prefix}{self.message}"


@dataclass
class YamlDocument:
    """The data of one YAML file and the line of each value, keyed by its location."""

    path: str
    data: Any
    lines: dict[Location, int] = field(default_factory=dict)

    def line_of(self, location: Location) -> int:
        """The line of the value at `location`, or of its nearest parent that has one."""
        while location not in self.lines and location:
            location = location[:-1]
        return self.lines.get(location, 1)

    def problem(self, location: Location, message: str, *, warning: bool = False) -> Problem:
        """A problem of the value at `location`, reported at its line (see `line_of`)."""
        return Problem(self.path, self.line_of(location), message, warning)


def load_yaml(path: Path, display_path: str | None = None) -> tuple[YamlDocument | None, list[Problem]]:
    """Load one YAML file safely; return the document or the problems that prevent it."""
    shown = display_path or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        return None, [Problem(shown, 1, f"le fichier n'est pas en UTF-8 ({error.reason})")]
    except OSError as error:
        return None, [Problem(shown, 1, f"lecture impossible : {error.strerror}")]
    if not text.strip():
        return None, [Problem(shown, 1, "le fichier est vide")]
    import yaml

    loader = safe_loader()(text)
    try:
        node = loader.get_single_node()
        document = YamlDocument(shown, None)
        problems: list[Problem] = []
        document.data = _build(loader, node, (), document, problems)
        return (None if problems else document), problems
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        started = error.context_mark.line + 1 if error.context_mark else line
        where = f" (élément commencé ligne {started})" if started != line else ""
        return None, [Problem(shown, line, f"erreur de syntaxe YAML : {error.problem or error}{where}")]
    except yaml.YAMLError as error:
        return None, [Problem(shown, 1, f"erreur YAML : {error}")]
    finally:
        loader.dispose()


def safe_loader() -> type[yaml.SafeLoader] | type[yaml.CSafeLoader]:
    """PyYAML's safe loader, libyaml's when PyYAML has it (see `_Loader`)."""
    global _Loader
    if _Loader is None:
        import yaml

        _Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return _Loader


def load_data(text: str) -> Any:
    """The plain data of a YAML text (no line numbers, duplicate keys not refused), read by `safe_loader()`."""
    import yaml

    return yaml.load(text, Loader=safe_loader())


def _build(
    loader: yaml.SafeLoader | yaml.CSafeLoader,
    node: yaml.Node,
    location: Location,
    document: YamlDocument,
    problems: list[Problem],
) -> Any:
    document.lines[location] = node.start_mark.line + 1
    if node.tag not in _STANDARD_TAGS:
        problems.append(
            Problem(document.path, node.start_mark.line + 1, f"étiquette YAML non autorisée « {node.tag} »")
        )
        return None
    import yaml  # already loaded by `load_yaml`

    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str | int):
                problems.append(Problem(document.path, key_node.start_mark.line + 1, "clé invalide"))
                continue
            if key in result:
                problems.append(
                    Problem(
                        document.path,
                        key_node.start_mark.line + 1,
                        f"clé « {key} » en double (déjà définie ligne {document.lines[(*location, key)]})",
                    )
                )
                continue
            result[key] = _build(loader, value_node, (*location, key), document, problems)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(loader, item, (*location, index), document, problems) for index, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)
