"""Maintainers' tooling: the knowledge JSON Schemas match the pydantic models, and the pre-commit hooks are real."""

from __future__ import annotations

import shlex
from pathlib import Path

import jsonschema
import pytest

from bot.core.knowledge import DEFAULT_KNOWLEDGE_DIR
from bot.core.yamlfile import load_data
from bot.knowledge_schema import SCHEMAS, expected_files, main, render

ROOT = Path(__file__).parents[1]


def test_the_committed_schemas_and_modelines_are_up_to_date() -> None:
    assert main(["--check"]) == 0, "run: python -m bot.knowledge_schema"


def test_a_stale_schema_or_a_missing_modeline_is_caught(minimal_knowledge: Path) -> None:
    assert main([str(minimal_knowledge), "--check"]) == 1  # the fixture's files have no modeline
    assert main([str(minimal_knowledge)]) == 0
    assert main([str(minimal_knowledge), "--check"]) == 0
    assert (
        "yaml-language-server: $schema=../schemas/clauses.json" in (minimal_knowledge / "clauses/base.yaml").read_text()
    )


@pytest.mark.parametrize("name", SCHEMAS)
def test_each_schema_accepts_the_real_files_and_rejects_a_misspelt_field(name: str) -> None:
    model, pattern = SCHEMAS[name]
    schema = load_data(render(model))
    validator = jsonschema.validators.validator_for(schema)(schema)
    validator.check_schema(schema)  # once, not once per file as `jsonschema.validate` does
    files = sorted(DEFAULT_KNOWLEDGE_DIR.glob(pattern))
    assert files
    for path in files:
        data = load_data(path.read_text(encoding="utf-8"))
        validator.validate(data)
        with pytest.raises(jsonschema.ValidationError):
            validator.validate({**data, "mispelt_field": []})


def test_expected_files_cover_every_schema() -> None:
    names = {path.stem for path in expected_files(DEFAULT_KNOWLEDGE_DIR) if path.suffix == ".json"}
    assert names == set(SCHEMAS)


def test_pre_commit_hooks_run_real_commands() -> None:
    config = load_data((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    entries = {hook["id"]: shlex.split(hook["entry"]) for repo in config["repos"] for hook in repo["hooks"]}
    assert entries["convention-bot-validate"][:2] == ["convention-bot", "validate"]
    assert entries["knowledge-schemas"][-2:] == ["bot.knowledge_schema", "--check"]
