"""JSON Schemas of the knowledge YAML files, generated from the pydantic models that validate them,
so that an editor (yaml-language-server) shows a misspelt field or a missing quote while typing.

    python -m bot.knowledge_schema          writes knowledge/schemas/*.json
    python -m bot.knowledge_schema --check  exit 1 if a schema or a file's modeline is out of date

Each YAML file names its schema on its first line: `# yaml-language-server: $schema=<relative path>`.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from pydantic import BaseModel

from .core.calculation_schema import CalculationsFile
from .core.knowledge import DEFAULT_KNOWLEDGE_DIR
from .core.out_of_scope import OUT_OF_SCOPE_FILE, OutOfScopeFile
from .core.schema import ClauseFile, SmallTalkFile, SynonymFile, TopicFile, VocabularyFile
from .core.training import TRAINING_DIR, TrainingFile

SCHEMA_DIR = "schemas"
MODELINE = "# yaml-language-server: $schema="
# schema name: (model, the knowledge files it describes)
SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
    "clauses": (ClauseFile, "clauses/*.yaml"),
    "topics": (TopicFile, "topics.yaml"),
    "synonyms": (SynonymFile, "synonyms.yaml"),
    "smalltalk": (SmallTalkFile, "smalltalk.yaml"),
    "vocabulary": (VocabularyFile, "vocabulary.yaml"),
    "out_of_scope": (OutOfScopeFile, OUT_OF_SCOPE_FILE),
    "calculations": (CalculationsFile, "calculations.yaml"),
    "training": (TrainingFile, f"{TRAINING_DIR}/*.yaml"),
}


def render(model: type[BaseModel]) -> str:
    """The model's schema in draft 7, the newest that yaml-language-server reads."""
    schema = model.model_json_schema(ref_template="#/definitions/{model}")
    definitions = schema.pop("$defs", {})
    schema = {"$schema": "http://json-schema.org/draft-07/schema#", **schema, "definitions": definitions}
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def modeline(root: Path, yaml_file: Path, name: str) -> str:
    return MODELINE + Path(os.path.relpath(root / SCHEMA_DIR / f"{name}.json", yaml_file.parent)).as_posix()


def expected_files(root: Path) -> dict[Path, str]:
    """Every schema file and every described YAML file, with the content it should have."""
    expected = {}
    for name, (model, pattern) in SCHEMAS.items():
        expected[root / SCHEMA_DIR / f"{name}.json"] = render(model)
        for yaml_file in sorted(root.glob(pattern)):
            lines = yaml_file.read_text(encoding="utf-8").splitlines(keepends=True)
            body = lines[1:] if lines and lines[0].startswith(MODELINE) else lines
            expected[yaml_file] = modeline(root, yaml_file, name) + "\n" + "".join(body)
    return expected


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.knowledge_schema", description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", type=Path, default=DEFAULT_KNOWLEDGE_DIR)
    parser.add_argument("--check", action="store_true", help="ne rien écrire ; code 1 si un fichier est à refaire")
    args = parser.parse_args(argv)
    stale = [
        path for path, text in expected_files(args.root).items()
        if not path.exists() or path.read_text(encoding="utf-8") != text
    ]  # fmt: skip
    if args.check:
        for path in stale:
            print(f"{path}: à régénérer avec `python -m bot.knowledge_schema`", file=sys.stderr)
        return 1 if stale else 0
    (args.root / SCHEMA_DIR).mkdir(exist_ok=True)
    for path, text in expected_files(args.root).items():
        if path in stale:
            path.write_text(text, encoding="utf-8")
            print(f"écrit : {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
