"""The shape of each knowledge file (layer 1 of validation), with errors in French at file:line. pydantic checks the
types; strict mode keeps `parent: 4.10` from becoming the float 4.1, `extra="forbid"` catches misspelt field names."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, Field, ValidationError
from rapidfuzz import process

from .mention_schema import MentionFields, UnstatedFact
from .strict_model import StrictModel
from .yamlfile import Problem, YamlDocument

__all__ = ["StrictModel", "UnstatedFact"]  # (other schema modules import them from here)

ANSWER_MAX_CHARS = 600


class Clause(StrictModel):
    """One citable part of the convention."""

    id: str
    ref: str
    title: str
    parent: str | None = None
    note: str | None = None
    topics: list[str]
    text: str
    answer: str = Field(max_length=ANSWER_MAX_CHARS)
    questions: list[str]
    keywords: list[str] = []
    related: list[str] = []


class Topic(StrictModel):
    id: str
    label: str
    example: str


class SmallTalk(StrictModel):
    id: str
    patterns: list[str] = Field(min_length=1)
    reply: str


class ClauseFile(StrictModel):
    clauses: list[Clause]


class TopicFile(StrictModel):
    topics: list[Topic] = Field(min_length=1)


class SynonymFile(StrictModel):
    synonyms: list[list[str]]


class SmallTalkFile(StrictModel):
    smalltalk: list[SmallTalk]


class VocabularyFile(MentionFields):
    courtesy_words: list[str]
    generic_words: list[str]
    forward_markers: list[str] = []  # from here, how a message is read (message.py): optional for a small base
    sender_fields: list[str] = []
    subject_fields: list[str] = []
    sign_offs: list[str] = []
    closing_lines: list[str] = []
    bare_line_openers: list[str] = []
    bare_line_things: list[str] = []
    thing_complements: list[str] = []
    story_auxiliaries: list[str] = []
    story_openers: list[str] = []
    postscript_markers: list[str] = []
    own_question_markers: list[str] = []
    unsure_phrases: list[str] = []
    title_abbreviations: list[str] = []
    note_abbreviations: list[str] = []
    question_nouns: list[str] = []
    topic_openers: list[str] = []
    asking_inversions: list[str] = []
    spaced_inversion_verbs: list[str] = []
    telling_auxiliaries: list[str] = []
    participle_endings: list[str] = []
    question_openers: list[str] = []
    indirect_openers: list[str] = []
    if_words: list[str] = []
    relative_words: list[str] = []
    resuming_relatives: list[str] = []
    pronoun_relatives: list[str] = []
    pointing_words: list[str] = []
    back_questions: list[str] = []
    back_references: list[str] = []
    check_questions: list[str] = []
    claim_links: list[str] = []
    complement_links: list[str] = []
    claim_verbs: list[str] = []
    restating_words: list[str] = []
    forward_words: list[str] = []
    returning_phrases: list[str] = []
    demonstratives: list[str] = []
    possessive_pronouns: list[str] = []
    asking_phrases: list[str] = []
    reporting_verbs: list[str] = []
    wanting_verbs: list[str] = []
    party_pronouns: list[str] = []
    impersonal_verbs: list[str] = []
    requested_facts: list[str] = []
    asking_adverbs: list[str] = []
    anchor_words: list[str] = []
    linking_words: list[str] = []
    run_on_starts: list[str] = []
    asking_negations: list[str] = []
    adverb_links: list[str] = []
    link_continuations: list[str] = []
    prepositions: list[str] = []
    guess_endings: list[str] = []
    inverted_subjects: list[str] = []
    plural_subjects: list[str] = []
    named_subjects: list[str] = []
    closing_question_words: list[str] = []
    proposed_answer_openers: list[str] = []
    closing_yes_no: list[str] = []
    indefinite_words: list[str] = []
    unasking_idioms: list[str] = []
    condition_words: list[str] = []
    direct_question_marks: list[str] = []
    tail_question_words: list[str] = []
    trailing_adverbs: list[str] = []
    listing_openers: list[str] = []
    adverbial_phrases: list[str] = []
    question_starts: list[str] = []
    question_enumerators: list[str] = []
    ordinal_enumerators: list[str] = []
    in_place_question_words: list[str] = []
    sentence_question_words: list[str] = []
    follow_up_words: list[str] = []
    time_question_words: list[str] = []
    request_openers: list[str] = []
    call_words: list[str] = []
    please_words: list[str] = []
    signing_slots: list[str] = []
    check_words: list[str] = []
    reply_attributions: list[str] = []
    quote_pointers: list[str] = []
    quote_passers: list[str] = []
    relay_closings: list[str] = []
    party_corrections: list[str] = []
    hesitations: list[str] = []
    spoken_commas: list[str] = []
    spoken_question_marks: list[str] = []
    spelled_acronyms: list[str] = []
    item_labels: list[str] = []
    todo_requests: list[str] = []
    done_values: list[str] = []
    greeting_words: list[str] = []
    spoken_stops: list[str] = []
    spoken_stops_before_question: list[str] = []
    list_counts: dict[str, int] = {}
    line_numbers: dict[str, int] = {}
    listed_things: list[str] = []
    sequence_words: list[str] = []
    aside_phrases: list[str] = []
    stop_words: list[str] = []
    verb_endings: list[str] = []
    sound_alike: dict[str, str] = {}
    regional_forms: dict[str, str] = {}


class CommonWordsFile(StrictModel):
    common_words: list[str]


Model = TypeVar("Model", bound=BaseModel)

_MESSAGES = {
    "missing": "champ obligatoire « {field} » manquant",
    "string_type": "« {field} » doit être un texte (mettez-le entre guillemets), pas {value}",
    "list_type": "« {field} » doit être une liste (une ligne « - » par élément)",
    "model_type": "« {field} » doit être une liste de champs « clé: valeur »",
    "dict_type": "« {field} » doit être une liste de champs « clé: valeur »",
    "string_too_long": "« {field} » est trop long ({length} caractères, {max_length} au plus)",
    "too_short": "« {field} » ne doit pas être vide",
    "value_error": "{msg}",
    "string_pattern_mismatch": "« {field} » a une forme invalide (attendu : {pattern})",
    "literal_error": "« {field} » doit valoir {expected}",
    "greater_than_equal": "« {field} » doit valoir au moins {ge}",
    "less_than_equal": "« {field} » doit valoir au plus {le}",
}


def parse_document(document: YamlDocument, model: type[Model]) -> tuple[Model | None, list[Problem]]:
    """Check `document` against `model`; return the model or French problems with lines."""
    try:
        return model.model_validate(document.data), []
    except ValidationError as error:
        return None, validation_problems(document, model, error)


def validation_problems(document: YamlDocument, model: type[BaseModel], error: ValidationError) -> list[Problem]:
    """pydantic's errors about `document`, in French with their lines."""
    return [_problem(document, model, item) for item in error.errors()]


def _problem(document: YamlDocument, model: type[BaseModel], item: Any) -> Problem:
    location = tuple(item["loc"])
    field = str(location[-1]) if location else "document"
    if item["type"] == "extra_forbidden":
        allowed = _fields_at(model, location[:-1])
        guess = process.extractOne(field, allowed, score_cutoff=70) if allowed else None
        hint = f" ; vouliez-vous dire « {guess[0]} » ?" if guess else f" ; champs permis : {', '.join(allowed)}"
        return document.problem(location, f"champ inconnu « {field} »{hint}")
    value = item.get("input")
    template = _MESSAGES.get(item["type"])
    context = item.get("ctx") or {}
    length = len(value) if isinstance(value, str) else 0
    message = (
        template.format(
            field=field, value=repr(value), length=length, msg=item["msg"].removeprefix("Value error, "), **context
        )
        if template
        else f"« {field} » : {item['msg']}"
    )
    return document.problem(location, message)


def _fields_at(model: type[BaseModel], location: tuple[Any, ...]) -> list[str]:
    """The field names allowed at `location` inside `model` (to suggest a misspelt one)."""
    current: Any = model
    for step in location:
        if isinstance(step, int):
            continue
        annotation = current.model_fields[step].annotation
        current = getattr(annotation, "__args__", (annotation,))[0]
    return list(current.model_fields) if isinstance(current, type) and issubclass(current, BaseModel) else []
