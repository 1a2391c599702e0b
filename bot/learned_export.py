"""Learned examples back into the YAML: under their clause's `questions:`, or in out_of_scope.yaml.

ruamel.yaml edits the files round-trip: comments, key order, block scalars and quoting stay as
the maintainers wrote them (PyYAML would drop every comment). Only the files that gain a line
are rewritten; the result is validated before it replaces anything.
"""

from __future__ import annotations

import difflib
import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from .core.knowledge import CLAUSES_DIR, Knowledge, read_knowledge
from .core.learned import LearnedExample, check_learned, is_known
from .core.out_of_scope import OUT_OF_SCOPE, OUT_OF_SCOPE_FILE
from .core.yamlfile import Problem, load_yaml


@dataclass(frozen=True)
class Export:
    """What an export changes: the new text of each file, and the examples left out (with why)."""

    texts: dict[Path, tuple[str, str]]  # path -> (old text, new text)
    exported: list[LearnedExample]
    problems: list[Problem]

    def diff(self) -> str:
        lines: list[str] = []
        for path, (old, new) in self.texts.items():
            lines += difflib.unified_diff(
                old.splitlines(keepends=True), new.splitlines(keepends=True), str(path), str(path)
            )
        return "".join(lines)


def _yaml() -> YAML:
    yaml = YAML()  # round-trip mode
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a maintainer's long line
    yaml.indent(mapping=2, sequence=4, offset=2)  # the knowledge files' layout
    return yaml


def plan_export(knowledge: Knowledge, examples: Iterable[LearnedExample]) -> Export:
    """The files `examples` would change; examples already in the YAML or invalid are left out."""
    examples = list(examples)
    problems = check_learned(knowledge, examples)
    rejected = {problem.line for problem in problems}
    wanted = [e for e in examples if e.id not in rejected and not is_known(knowledge, e)]
    yaml = _yaml()
    documents: dict[Path, tuple[str, CommentedMap]] = {}

    def document(path: Path) -> CommentedMap:
        if path not in documents:
            text = path.read_text(encoding="utf-8") if path.exists() else ""
            documents[path] = (text, yaml.load(text) or CommentedMap(questions=CommentedSeq()))
        return documents[path][1]

    targets = {e.target for e in wanted}
    homes = {}
    for path in sorted((knowledge.root / CLAUSES_DIR).glob("*.yaml")):
        # libyaml tells which files hold a target: only those go through ruamel's round trip (ten times slower)
        loaded, _ = load_yaml(path)
        if loaded is not None and not targets & {clause["id"] for clause in loaded.data["clauses"]}:
            continue
        for clause in document(path)["clauses"]:
            homes[clause["id"]] = clause
    for example in wanted:
        if example.target == OUT_OF_SCOPE:
            questions = document(knowledge.root / OUT_OF_SCOPE_FILE)["questions"]
        else:
            questions = homes[example.target]["questions"]
        if not questions:
            questions.fa.set_block_style()  # "questions: []" becomes a list of lines
        questions.append(example.wording)
    texts = {}
    for path, (old, data) in documents.items():
        output = io.StringIO()
        yaml.dump(data, output)
        if output.getvalue() != old:
            texts[path] = (old, output.getvalue())
    return Export(texts, wanted, problems)


def write_export(export: Export) -> list[Problem]:
    """Write the files, then validate the base; if it is not valid, put every file back as it was."""
    for path, (_, new) in export.texts.items():
        path.write_text(new, encoding="utf-8")
    if not export.texts:
        return []
    root = next(iter(export.texts)).parent
    root = root.parent if root.name == CLAUSES_DIR else root
    knowledge, problems = read_knowledge(root)
    if knowledge is None:
        for path, (old, _) in export.texts.items():
            path.write_text(old, encoding="utf-8")
        return [problem for problem in problems if not problem.warning]
    return []
