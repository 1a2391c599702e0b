"""Layer 2 for knowledge/vocabulary.yaml's word lists: what the schema cannot say about them."""

from __future__ import annotations

from collections.abc import Iterable

from .french import fold
from .schema import VocabularyFile
from .yamlfile import Problem, YamlDocument

# Lists whose entries are compared one word at a time, already folded by the matcher.
SINGLE_WORD_LISTS = ("stop_words", "verb_endings", "inverted_subjects")


def check_vocabulary(vocabulary: VocabularyFile, document: YamlDocument) -> Iterable[Problem]:
    """Single-word lists hold single words without accents; no list holds an entry twice; no regional form is a stop
    word (it would be rewritten in every message: "de" for "demie"); a mentioned name's other word names one of
    mentioned_only (the answer quotes it); the demonstratives and possessive pronouns are follow_up_words (only those
    make a question refer back)."""
    for name in VocabularyFile.model_fields:
        for location, entries in _lists(name, getattr(vocabulary, name)):
            yield from _check_list(name, location, entries, document)
    stop_words = {fold(word).strip() for word in vocabulary.stop_words}
    for form in vocabulary.regional_forms:
        if " ".join(fold(form).split()) in stop_words:
            yield document.problem(
                ("regional_forms", form), f"regional_forms : « {form} » est un mot vide, réécrit dans tous les messages"
            )
    follow_ups = {fold(word).strip() for word in vocabulary.follow_up_words}
    for field in ("demonstratives", "possessive_pronouns"):
        for index, word in enumerate(getattr(vocabulary, field)):
            if fold(word).strip() not in follow_ups:
                yield document.problem((field, index), f"{field} : « {word} » manque dans follow_up_words")
    for form, name in vocabulary.mentioned_forms.items():
        if name not in vocabulary.mentioned_only:
            yield document.problem(
                ("mentioned_forms", form), f"mentioned_forms : « {name} » n'est pas un nom de mentioned_only"
            )


def _lists(name: str, value: object) -> Iterable[tuple[tuple[str | int, ...], list[str]]]:
    """Each list of words of a vocabulary field, with where it stands: the field itself, or each list of each of
    its entries (unstated_facts: asks, near)."""
    entries = list(value)  # type: ignore[call-overload]  # a list, or a mapping's keys (list_counts)
    if entries and not isinstance(entries[0], str):
        for index, entry in enumerate(entries):
            for field, words in entry:
                if isinstance(words, list):
                    yield (name, index, field), words
    else:
        yield (name,), entries


def _check_list(
    name: str, where: tuple[str | int, ...], entries: list[str], document: YamlDocument
) -> Iterable[Problem]:
    """One list's problems: an empty entry, a single-word list's entry that is not one folded word, a repeat."""
    seen: set[str] = set()
    for index, entry in enumerate(entries):
        location = (*where, index)
        key = " ".join(fold(entry).split())
        if not key:
            yield document.problem(location, f"{name} : entrée vide")
        elif name in SINGLE_WORD_LISTS and (not key.isalpha() or key != entry.strip()):
            yield document.problem(location, f"{name} : « {entry} » doit être un seul mot, en minuscules, sans accent")
        elif entry.strip().casefold() in seen:
            yield document.problem(location, f"{name} : « {entry} » est en double", warning=True)
        seen.add(entry.strip().casefold())
