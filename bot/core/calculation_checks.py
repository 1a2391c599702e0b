"""Layer 2 for knowledge/calculations.yaml: the roles and parties it names are those the calculators
read (bot/core/calculations/), its clauses exist, and its earliest signature date is in the text."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .calculation_schema import CalculationsFile
from .calendar_names import calendar_names
from .checks import Located
from .cue_words import unless_split
from .french import fold
from .yamlfile import Problem, YamlDocument

DATE_ROLES = ("signature", "anniversary", "today", "letter", "receipt", "formal_notice", "other")
OPTIONAL_DATE_ROLES = ("due", "payment", "end")  # an invoice's dates; the day a termination takes effect
# hours already paid, a visit called off, hours on another invoice, time without the CDG 62, a visit to come: read if given
OPTIONAL_DURATION_ROLES = ("paid", "cancelled", "later_invoice", "without_cdg", "elsewhere", "to_come", "floor")
DURATION_ROLES = ("travel", "outage", "delay", "training", "opening", "own_staff")
PARTIES = ("commune", "cdg", "fibre")


def check_calculations(
    calculations: CalculationsFile, document: YamlDocument, located: list[Located]
) -> Iterable[Problem]:
    """calculations.yaml names the roles and parties the code reads, and clauses that exist."""
    clauses = {item.clause.id: item.clause for item in located}

    def problem(path: tuple[str | int, ...], message: str) -> Problem:
        return Problem(document.path, document.line_of(path), message)

    for field, expected in (
        ("date_roles", DATE_ROLES),
        ("duration_roles", DURATION_ROLES),
        ("parties", PARTIES),
    ):
        present = getattr(calculations, field)
        for name in expected:
            if name not in present:
                yield problem((field,), f"« {field} » doit contenir « {name} »")
        for name in present:
            optional = OPTIONAL_DATE_ROLES if field == "date_roles" else OPTIONAL_DURATION_ROLES
            if name not in expected and not (field in ("date_roles", "duration_roles") and name in optional):
                yield problem((field, name), f"« {name} » inconnu dans « {field} » (attendu : {', '.join(expected)})")
    for role, spec in calculations.duration_roles.items():
        if spec.clause is not None and spec.clause not in clauses:
            yield problem(("duration_roles", role, "clause"), f"clause « {spec.clause} » inconnue")
    roles = calculations.clauses
    for field, value in roles:
        for index, clause_id in enumerate(value if isinstance(value, list) else [value]):
            if clause_id not in clauses:
                at = ("clauses", field, index) if isinstance(value, list) else ("clauses", field)
                yield problem(at, f"clause « {clause_id} » inconnue")
    for field in ("liability_cap_clause", "interest_clause"):
        clause_id = getattr(calculations, field)
        if clause_id is not None and clause_id not in clauses:
            yield problem((field,), f"clause « {clause_id} » inconnue")
    for document, roles in calculations.other_documents.items():
        for said, taken in roles.items():
            if not {document, said, taken} <= set(calculations.date_roles):
                yield problem(("other_documents", document), f"« {said}: {taken} » : rôle absent de « date_roles »")
    for index, role in enumerate(calculations.sentence_document_roles):
        if role not in calculations.date_roles:
            yield problem(("sentence_document_roles", index), f"rôle « {role} » absent de « date_roles »")
    for role, spec in calculations.date_roles.items():
        for other in spec.overrides:
            if other not in DATE_ROLES + OPTIONAL_DATE_ROLES:
                yield problem(("date_roles", role, "overrides"), f"rôle « {other} » inconnu")
    for party, clause_id in calculations.responsibility_clauses.items():
        if clause_id not in clauses or party not in PARTIES:
            yield problem(("responsibility_clauses", party), f"« {party}: {clause_id} » : partie ou clause inconnue")
    for index, entry in enumerate(calculations.party_clauses):
        for clause_id in (entry.clause, *entry.counterpart.values()):
            if clause_id not in clauses:
                yield problem(("party_clauses", index), f"clause « {clause_id} » inconnue")
        for party in (*([entry.party] if entry.party else []), *entry.counterpart, *entry.note):
            if party not in PARTIES:
                yield problem(("party_clauses", index), f"partie « {party} » inconnue (attendu : {', '.join(PARTIES)})")
    for label in calculations.alternative_labels:  # found in a text folded with its words spaced (alternatives.py)
        if any(char.isspace() or char in ".!?" for char in label.strip()):
            yield problem(
                ("alternative_labels",), f"« {label} » : un libellé d'alternative est un seul mot, sans point"
            )
    for index, phrase in enumerate(calculations.termination_denials):
        if unless_split([fold(word) for word in calculations.termination_words], phrase) is None:
            yield problem(
                ("termination_denials", index), f"« {phrase} » ne contient aucun mot de « termination_words »"
            )
    years = calculations.execution_years
    # a date after a word of both lists would be read as the event's (the first), never as the entry into force
    for word in sorted({fold(w) for w in years.event_words} & {fold(w) for w in years.entry_words}):
        yield problem(("execution_years", "entry_words"), f"« {word} » est aussi dans « event_words »")
    timing = calculations.invoice_timing
    # a date after a word of both lists could be the invoice's or the deployment's end (invoice_timing.py)
    for word in sorted({fold(w).strip() for w in timing.invoice} & {fold(w).strip() for w in timing.deployment}):
        yield problem(
            ("invoice_timing", "deployment"),
            f"« {word} » est aussi dans « invoice » : une date après lui serait ambiguë",
        )
    if years.nouns and not calculations.later_periods.ordinals:
        yield problem(("execution_years", "nouns"), "les ordinaux (« later_periods: ordinals ») manquent")
    source = clauses.get(calculations.earliest_signature_source or "")
    day = calculations.earliest_signature
    if day is None:
        return
    if source is None:
        yield problem(("earliest_signature_source",), f"clause « {calculations.earliest_signature_source} » inconnue")
    elif not {f"{day:%d/%m/%Y}", f"{day.day} {calendar_names().months[day.month - 1]} {day.year}"} & _spans(
        source.text
    ):
        yield problem(("earliest_signature",), f"la date {day:%d/%m/%Y} ne figure pas dans {source.id}")


def _spans(text: str) -> set[str]:
    """Dates as the convention writes them: 12/06/2025 and 12 juin 2025."""
    return set(re.findall(r"\d{2}/\d{2}/\d{4}|\d{1,2} [a-zéû]+ \d{4}", text))
