"""Loading the knowledge base (`knowledge/`): files, schema, meaning, all errors at once."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, fields
from importlib.resources import files
from pathlib import Path

from . import checks
from .calculation_checks import check_calculations
from .calculation_schema import CalculationsFile
from .french import fold
from .out_of_scope import OUT_OF_SCOPE_FILE, OutOfScopeFile, check_out_of_scope
from .reading import Reading
from .schema import (
    Clause,
    ClauseFile,
    CommonWordsFile,
    Model,
    SmallTalk,
    SmallTalkFile,
    SynonymFile,
    Topic,
    TopicFile,
    VocabularyFile,
    parse_document,
)
from .training import read_training
from .vocabulary_checks import check_vocabulary
from .yamlfile import Problem, YamlDocument, load_yaml


def _default_knowledge_dir() -> Path:
    """The knowledge base shipped in the wheel (pyproject maps the package `bot.knowledge` to the
    knowledge/ folder), else the checkout's knowledge/ folder (an editable install, the tests)."""
    shipped = files("bot") / "knowledge"
    if shipped.is_dir():
        return Path(str(shipped))
    return Path(__file__).resolve().parents[2] / "knowledge"


DEFAULT_KNOWLEDGE_DIR = _default_knowledge_dir()
SOURCE_FILE = Path("source") / "convention.txt"
CLAUSES_DIR = "clauses"

# Word's export leaves bookmark markers in the text; they are not part of the convention.
_BOOKMARK = re.compile(r"\[bookmark: [^\]]*\]")


@dataclass(frozen=True)
class Knowledge:
    """Everything the engine knows, validated. Clauses are in document order."""

    root: Path
    clauses: dict[str, Clause]
    topics: dict[str, Topic]
    synonyms: tuple[tuple[str, ...], ...]
    smalltalk: tuple[SmallTalk, ...]
    courtesy_words: tuple[str, ...]
    generic_words: tuple[str, ...]
    source: str
    calculations: CalculationsFile
    out_of_scope: tuple[str, ...] = ()  # questions confirmed out of scope (out_of_scope.yaml, /revue)
    stop_words: frozenset[str] = frozenset()  # function words, folded (vocabulary.yaml)
    verb_endings: tuple[str, ...] = ()
    sound_alike: tuple[tuple[str, str], ...] = ()  # as heard -> as usually written, folded (vocabulary.yaml)
    common_words: tuple[str, ...] = ()  # everyday French words: never a topic (common_words.yaml)
    reading: Reading = field(default_factory=Reading)
    # (clause id or "hors-sujet", phrasing): what the learned classifier learns besides the clauses' questions
    training: tuple[tuple[str, str], ...] = ()

    def children(self, clause_id: str) -> list[Clause]:
        """The clauses whose parent is `clause_id`."""
        return [clause for clause in self.clauses.values() if clause.parent == clause_id]

    def articles_of(self, clause_id: str) -> tuple[str, ...]:
        """The articles `clause_id` is a sub-article of, nearest first, as the document numbers them ("Article 4.2.1"
        -> "Article 4.2", "Article 4"); not article 9 for an annex it lists."""
        clause = self.clauses.get(clause_id)
        parent = self.clauses.get(clause.parent) if clause and clause.parent else None
        return (parent.id, *self.articles_of(parent.id)) if parent and clause.ref.startswith(f"{parent.ref}.") else ()

    def within(self, clause_id: str) -> set[str]:
        """What a reference to `clause_id` may mean: the clause, its parts at any depth, and a clause the document
        prints under the same number (its second "4.2.1.", whose ref is "Article 4.2.1 (le second)")."""
        printed = self.clauses[clause_id].ref
        found = {c.id for c in self.clauses.values() if c.ref.split(" (")[0] == printed}
        for clause in self.clauses.values():  # document order: a parent comes before its parts
            if clause.parent in found:
                found.add(clause.id)
        return found | {clause_id}

    @property
    def question_count(self) -> int:
        return sum(len(clause.questions) for clause in self.clauses.values())


class KnowledgeError(Exception):
    """The knowledge base cannot be used; `problems` say where and why."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        errors = [problem for problem in problems if not problem.warning]
        super().__init__("\n".join(str(problem) for problem in errors) or "base de connaissances invalide")


def normalized_source(text: str) -> str:
    """The source text as quotes are compared to it: no bookmarks, single spaces."""
    return squeeze_spaces(_BOOKMARK.sub("", text))


def squeeze_spaces(text: str) -> str:
    return " ".join(text.split())


def read_knowledge(root: Path = DEFAULT_KNOWLEDGE_DIR) -> tuple[Knowledge | None, list[Problem]]:
    """Load and validate the knowledge base in `root`; return it (or None) and every problem."""
    problems: list[Problem] = []

    def parse(path: Path, model: type[Model]) -> tuple[Model | None, YamlDocument | None]:
        document, found = load_yaml(path, _display(path))
        problems.extend(found)
        if document is None:
            return None, None
        parsed, found = parse_document(document, model)
        problems.extend(found)
        return parsed, document

    source_path = root / SOURCE_FILE
    try:
        source = source_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return None, [Problem(_display(source_path), 1, f"texte source illisible : {error}")]

    clause_files = sorted((root / CLAUSES_DIR).glob("*.yaml"))
    if not clause_files:
        problems.append(Problem(_display(root / CLAUSES_DIR), 1, "aucun fichier de clauses (*.yaml)"))
    located: list[checks.Located] = []
    for path in clause_files:
        parsed, document = parse(path, ClauseFile)
        if parsed is not None:
            located.extend(checks.Located(clause, document, ("clauses", i)) for i, clause in enumerate(parsed.clauses))
    topics, _topics_doc = parse(root / "topics.yaml", TopicFile)
    synonyms, synonyms_doc = parse(root / "synonyms.yaml", SynonymFile)
    smalltalk, smalltalk_doc = parse(root / "smalltalk.yaml", SmallTalkFile)
    vocabulary, vocabulary_doc = parse(root / "vocabulary.yaml", VocabularyFile)
    common_path = root / "common_words.yaml"  # optional: a small base may do without
    common = parse(common_path, CommonWordsFile)[0] if common_path.exists() else CommonWordsFile(common_words=[])
    calculations, calculations_doc = parse(root / "calculations.yaml", CalculationsFile)
    refused, refused_doc = (
        parse(root / OUT_OF_SCOPE_FILE, OutOfScopeFile)
        if (root / OUT_OF_SCOPE_FILE).exists()
        else (OutOfScopeFile(questions=[]), YamlDocument(OUT_OF_SCOPE_FILE, {}))
    )
    if any(not problem.warning for problem in problems) or None in (
        topics,
        synonyms,
        smalltalk,
        vocabulary,
        common,
        calculations,
        refused,
    ):
        return None, problems

    flat_source = normalized_source(source)
    problems.extend(
        checks.check_meaning(
            located,
            topics=topics.topics,
            synonyms=(synonyms.synonyms, synonyms_doc),
            smalltalk=(smalltalk.smalltalk, smalltalk_doc),
            generic_words=(vocabulary.generic_words, vocabulary_doc),
            stop_words=frozenset(fold(word) for word in vocabulary.stop_words),
            source=flat_source,
        )
    )
    problems.extend(check_vocabulary(vocabulary, vocabulary_doc))
    problems.extend(check_calculations(calculations, calculations_doc, located))
    problems.extend(check_out_of_scope(refused.questions, refused_doc, located))
    training, found = read_training(root, (item.clause for item in located), _display)
    problems.extend(found)
    if any(not problem.warning for problem in problems):
        return None, problems
    ordered = sorted(located, key=lambda item: flat_source.find(squeeze_spaces(item.clause.text)))
    knowledge = Knowledge(
        root=root,
        clauses={item.clause.id: item.clause for item in ordered},
        topics={topic.id: topic for topic in topics.topics},
        synonyms=tuple(tuple(group) for group in synonyms.synonyms),
        smalltalk=tuple(smalltalk.smalltalk),
        courtesy_words=tuple(vocabulary.courtesy_words),
        generic_words=tuple(vocabulary.generic_words),
        source=source,
        calculations=calculations,
        out_of_scope=tuple(refused.questions),
        common_words=tuple(common.common_words),
        stop_words=frozenset(fold(word) for word in vocabulary.stop_words),
        verb_endings=tuple(vocabulary.verb_endings),
        sound_alike=tuple((fold(heard), fold(usual)) for heard, usual in vocabulary.sound_alike.items()),
        reading=_reading(vocabulary),
        training=training,
    )
    return knowledge, problems


def _reading(vocabulary: VocabularyFile) -> Reading:
    """The word lists that shape how a message is read: each field of `Reading` from the vocabulary's field of
    the same name (a mapping, `list_counts`, as its pairs), so that a new list is declared in two places only."""

    def values(value: list[str] | dict[str, int] | dict[str, str]) -> tuple:
        return tuple(value.items()) if isinstance(value, dict) else tuple(value)

    return Reading(**{item.name: values(getattr(vocabulary, item.name)) for item in fields(Reading)})


def load_knowledge(root: Path = DEFAULT_KNOWLEDGE_DIR) -> Knowledge:
    """Load the knowledge base or raise KnowledgeError with every error found."""
    knowledge, problems = read_knowledge(root)
    if knowledge is None:
        raise KnowledgeError(problems)
    return knowledge


def _display(path: Path) -> str:
    """A path as maintainers see it: relative to the working directory when inside it."""
    relative = os.path.relpath(path)
    return path.as_posix() if relative.startswith("..") else Path(relative).as_posix()
