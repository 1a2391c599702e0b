"""Layer 2 of validation: what the knowledge files mean, once their shape is right (clauses, questions,
synonyms, small talk; calculation_checks.py and vocabulary_checks.py check their own files)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from text_to_num import alpha2digit

from .analysis import Analyzer
from .french import comparable, fold
from .schema import Clause, SmallTalk, Topic
from .yamlfile import Location, Problem, YamlDocument

CLAUSE_ID = re.compile(r"^(parties|preambule|signatures|art-\d+(\.\d+)*|annexe-\d+)$")
MIN_QUESTIONS = 6
# What an answer may only say if its clause says it too: numbers (amounts, durations, dates), parties.
_REFERENCE = re.compile(r"\b(?:articles?|art\.?)\s+\d+(?:\.\d+)*(?:\s*(?:,|et|ou)\s*\d+(?:\.\d+)*)*|\d+(?:\.\d+)+")
_FACT_NUMBER = re.compile(r"(?<![\d.,])\d+(?:[.,]\d+)?(?![\d])")
_THOUSANDS = re.compile(r"(\d)[ \u202f\u00a0](\d{3})(?!\d)")  # 3 500 is 3500
PARTY_NAMES = ("CDG 62", "La Fibre Numérique 59 62")


@dataclass(frozen=True)
class Located:
    """A clause with the file and place it was read from, for messages."""

    clause: Clause
    document: YamlDocument
    location: Location

    def problem(self, field: str | tuple[str | int, ...], message: str, *, warning: bool = False) -> Problem:
        path = (field,) if isinstance(field, str) else field
        return self.document.problem(self.location + path, message, warning=warning)


def check_meaning(
    located: list[Located],
    *,
    topics: list[Topic],
    synonyms: tuple[list[list[str]], YamlDocument],
    smalltalk: tuple[list[SmallTalk], YamlDocument],
    generic_words: tuple[list[str], YamlDocument],
    source: str,
    stop_words: frozenset[str] = frozenset(),
) -> list[Problem]:
    """Every problem of meaning: ids, references, quotes, questions, synonyms, small talk."""
    ids = {item.clause.id for item in located}
    topic_ids = {topic.id for topic in topics}
    problems = list(_check_ids(located))
    for item in located:
        problems.extend(_check_clause(item, ids, topic_ids, source))
    problems.extend(_check_questions(located))
    problems.extend(_check_synonyms(*synonyms, stop_words))
    problems.extend(_check_smalltalk(*smalltalk, located))
    problems.extend(_check_generic_words(*generic_words, synonyms[0]))
    return problems


def _check_ids(located: list[Located]) -> Iterable[Problem]:
    seen: dict[str, Located] = {}
    refs: dict[str, Located] = {}
    for item in located:
        clause = item.clause
        if not CLAUSE_ID.match(clause.id):
            yield item.problem(
                "id", f"id « {clause.id} » invalide (forme attendue : art-3, art-4.2.1, annexe-2, parties…)"
            )
        if clause.id in seen:
            first = seen[clause.id]
            yield item.problem("id", f"id « {clause.id} » en double (déjà dans {first.document.path})")
        seen.setdefault(clause.id, item)
        if clause.ref in refs:
            yield item.problem("ref", f"référence « {clause.ref} » déjà utilisée par {refs[clause.ref].clause.id}")
        refs.setdefault(clause.ref, item)


def _check_clause(item: Located, ids: set[str], topic_ids: set[str], source: str) -> Iterable[Problem]:
    clause = item.clause
    if clause.parent is not None and clause.parent not in ids:
        yield item.problem("parent", f"parent « {clause.parent} » inconnu")
    for index, related in enumerate(clause.related):
        if related not in ids:
            yield item.problem(("related", index), f"clause liée « {related} » inconnue")
        elif related == clause.id:
            yield item.problem(("related", index), "une clause ne peut pas être liée à elle-même")
    for index, topic in enumerate(clause.topics):
        if topic not in topic_ids:
            yield item.problem(("topics", index), f"thème « {topic} » inconnu (voir topics.yaml)")
    for field in ("text", "answer", "title", "ref"):
        if not getattr(clause, field).strip():
            yield item.problem(field, f"« {field} » ne doit pas être vide")
    text = " ".join(clause.text.split())
    if text and text not in source:
        yield item.problem(
            "text", f"le texte de {clause.id} ne figure pas tel quel dans le texte source{_drift(text, source)}"
        )
    yield from _check_answer_facts(item)
    if not clause.questions:
        yield item.problem("questions", f"{clause.id} n'a aucune question d'exemple")
    elif len(clause.questions) < MIN_QUESTIONS:
        yield item.problem(
            "questions",
            f"{clause.id} n'a que {len(clause.questions)} questions (au moins {MIN_QUESTIONS})",
            warning=True,
        )


def _drift(text: str, source: str) -> str:
    """Where the quote stops matching the source, to spare maintainers a hunt."""
    words = text.split()
    for count in range(len(words), 0, -1):
        if " ".join(words[:count]) in source:
            if count == len(words):
                break
            return f" (écart à partir de « {' '.join(words[count : count + 6])} »)"
    return ""


def _check_questions(located: list[Located]) -> Iterable[Problem]:
    seen: dict[str, str] = {}
    for item in located:
        for index, question in enumerate(item.clause.questions):
            key = comparable(question)
            if not key:
                yield item.problem(("questions", index), "question vide")
            elif key in seen:
                yield item.problem(("questions", index), f"question « {question} » déjà présente sous {seen[key]}")
            else:
                seen[key] = item.clause.id


def _check_synonyms(groups: list[list[str]], document: YamlDocument, stop_words: frozenset[str]) -> Iterable[Problem]:
    seen: dict[str, int] = {}
    for group_index, group in enumerate(groups):
        if len(group) < 2:
            yield document.problem(("synonyms", group_index), "un groupe de synonymes a au moins deux expressions")
        for index, expression in enumerate(group):
            key = comparable(expression)
            location = ("synonyms", group_index, index)
            if not key:
                yield document.problem(location, "expression vide")
            elif key in stop_words:  # "dès" folds to "des": the article would become the synonym
                yield document.problem(location, f"« {expression} » se lit comme le mot vide « {key} »")
            elif key in seen and seen[key] != group_index:
                first = document.line_of(("synonyms", seen[key]))
                yield document.problem(location, f"« {expression} » est déjà dans un autre groupe (ligne {first})")
            seen.setdefault(key, group_index)


def _check_smalltalk(entries: list[SmallTalk], document: YamlDocument, located: list[Located]) -> Iterable[Problem]:
    questions = {comparable(q): item.clause.id for item in located for q in item.clause.questions}
    ids: set[str] = set()
    for entry_index, entry in enumerate(entries):
        if entry.id in ids:
            yield document.problem(("smalltalk", entry_index, "id"), f"id « {entry.id} » en double")
        ids.add(entry.id)
        for index, pattern in enumerate(entry.patterns):
            clause_id = questions.get(comparable(pattern))
            if clause_id:
                location = ("smalltalk", entry_index, "patterns", index)
                yield document.problem(location, f"« {pattern} » est aussi une question de {clause_id}")


def _check_generic_words(words: list[str], document: YamlDocument, groups: list[list[str]]) -> Iterable[Problem]:
    """A generic word read as a synonym concept would make that whole group generic."""
    # The expressions holding a word ("!!" holds none; `_check_synonyms` reports it): the analyzer keys each
    # expression by its first word, and names each group by its first expression.
    worded = tuple(kept for group in groups if (kept := tuple(e for e in group if comparable(e))))
    analyzer = Analyzer(worded)  # synonyms only: no stop words needed
    generic = {comparable(word) for word in words}
    # A group meant to be generic (its first expression is a generic word) is fine.
    generic_groups = {"=" + "_".join(comparable(g[0]).split()) for g in worded if comparable(g[0]) in generic}
    for index, word in enumerate(words):
        concepts = [term for term in analyzer.terms(word) if term.startswith("=") and term not in generic_groups]
        if concepts:
            yield document.problem(
                ("generic_words", index),
                f"« {word} » se lit comme le synonyme « {concepts[0][1:]} » : tout ce groupe deviendrait général",
            )


def answer_facts(text: str) -> set[str]:
    """The numbers (number words read as digits) and party names that `text` states, references aside."""
    digits = _REFERENCE.sub(" ", alpha2digit(_THOUSANDS.sub(r"\1\2", fold(text)), "fr"))
    facts = {number.replace(",", ".") for number in _FACT_NUMBER.findall(digits)}
    return facts | {name for name in PARTY_NAMES if fold(name) in fold(text)}


def _check_answer_facts(item: Located) -> Iterable[Problem]:
    """An answer states no number, amount, duration, date or party its clause (or note) does not."""
    clause = item.clause
    allowed = answer_facts(f"{clause.text} {clause.note or ''} {clause.title}")
    for fact in sorted(answer_facts(clause.answer) - allowed):
        yield item.problem("answer", f"la réponse de {clause.id} mentionne « {fact} », absent du texte de la clause")
