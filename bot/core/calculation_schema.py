"""The model of knowledge/calculations.yaml: the words the calculations read (bot/core/calculations/), checked
by pydantic like the other knowledge files (layer 1; calculation_checks.py is layer 2)."""

from __future__ import annotations

from datetime import date
from functools import cached_property

from pydantic import Field

from .calendar_schema import FollowingDaysWords, InvoiceTiming, LaterPeriods
from .duration_grammar import DurationGrammar
from .role_schema import DateRole, DurationRole, Events, with_events
from .schema import StrictModel
from .visit_schema import AskedMonths, DaySchedules, PauseWords, VisitSpans


class PartyWords(StrictModel):
    name: str
    cues: list[str] = Field(min_length=1)


class LiabilityExclusion(StrictModel):
    cues: list[str] = Field(min_length=1)
    case: str  # the excluded case as article 5.2 words it ("en cas d'intrusion d'un tiers …")


class PartyClause(StrictModel):
    clause: str
    party: str  # "" for an article shared by the parties, each with its own sub-clause ("art-4.2")
    counterpart: dict[str, str]
    note: dict[str, str] = {}
    asked_with: list[str] = []  # if given, only a question saying one of these near the other party's name


class ExecutionYears(StrictModel):
    """The years of execution an amount is said of, and the damaging event's date (calculations.yaml,
    `execution_years:`): the liability cap's year (article 5.2)."""

    nouns: list[str] = []
    range_ends: list[str] = []
    open_starts: list[str] = []
    event_words: list[str] = []
    discovery_words: list[str] = []
    entry_words: list[str] = []
    start_words: list[str] = []
    list_links: list[str] = []
    paid_for_words: list[str] = []
    calendar_year_words: list[str] = []  # "sur l'année civile 2026": a calendar year, not a year of execution
    next_words: list[str] = []  # "… puis 4 750 € pour la période suivante": the year after the amount before's


class SharedBudget(StrictModel):
    """`shared_budget:`: a budget next to La Fibre's quote, paid from it or not."""

    whole_words: list[str] = []
    apart_words: list[str] = []


class CalculationClauses(StrictModel):
    """The clauses the calculations quote and compare with (`clauses:` of knowledge/calculations.yaml)."""

    duration: str  # the term and its renewal (article 3)
    termination: str  # the notice and the breach route (article 6)
    cost: str  # the CDG 62's hourly rate (article 4.2.1)
    billing: list[str]  # every clause about prices and bills: a "HT ou TTC ?" near them is the rate's
    signing: list[str]  # besides the calendar's, those near which a question may ask a signature's calendar


class CalculationsFile(StrictModel):
    """knowledge/calculations.yaml: the words the calculations read (see the file's comments)."""

    clauses: CalculationClauses
    calendar_words: str
    cost_words: str
    calendar_quote_words: str
    review_quote_words: str = ""
    durations: DurationGrammar
    unsigned_words: list[str] = []
    unknown_signature_words: list[str] = []
    unknown_hours_words: list[str] = []
    signing_to_come_words: list[str] = []
    signing_after_words: list[str] = []
    other_contract_words: list[str] = []
    other_contract_whole_words: list[str] = []
    never_this_contract_words: list[str] = []  # "contrat de location", "contrat d'assurance": never this convention
    contract_of_words: list[str] = []  # "le contrat de la photocopieuse": what it is for, in words never this one's
    this_convention_words: list[str] = []
    this_convention_whole_words: list[str] = []
    provider_period_end_words: list[str] = []  # the CDG 62 or La Fibre ending it at a period's end
    address_words: list[str] = []
    price_asked_words: list[str] = []
    time_asked_words: list[str] = []
    delay_before_words: list[str] = []
    delay_after_words: list[str] = []  # right after hours, a delay ("48h après notre appel"), see stay_words
    stay_words: list[str] = []  # right before hours, they are the stay whatever follows ("reparti 2 h après")
    travel_after_words: list[str] = []
    no_trip_words: list[str] = []
    writer_aside_words: list[str] = []  # "jecris pendant la sieste des petits (13h-15h)": the writer's hours
    so_far_words: list[str] = []  # "on doit combien à ce jour ?": a visit to come (`to_come`) is not due yet
    on_site_words: list[str] = []  # a visit on site told: the trips said are not those of remote sessions
    only_words: list[str] = []  # "pour les seules interventions sur site ?": the visits on site only are asked
    unrelated_words: list[str] = []
    distance_units: list[str] = []
    distance_rate_links: list[str] = []
    travel_cost_words: list[str] = []
    declared_date_roles: dict[str, DateRole] = Field(alias="date_roles")  # as written (+ `commune_events`: "other")
    declared_duration_roles: dict[str, DurationRole] = Field(alias="duration_roles")  # (+ them: "opening")
    commune_events: Events = Events()
    pause: PauseWords | None = None
    intervention_words: list[str] = []
    convention_words: list[str] = []
    copy_words: list[str] = []
    copy_moved_words: list[str] = []
    copy_dated_words: list[str] = []
    setting_words: list[str] = []
    all_parties_words: list[str] = []
    income_words: list[str] = []
    responsibility_clauses: dict[str, str]
    compensation_words: list[str] = []
    liability_cap_clause: str | None = None
    liability_cap_words: list[str] = []
    liability_cap_alone_words: list[str] = []
    liability_cap_quote_words: str = ""
    repeat_words: list[str]
    day_schedules: DaySchedules | None = None
    multiplication_signs: list[str] = []
    visit_words: list[str] = []
    recurring_words: list[str] = []
    periods_per_year: dict[str, int] = {}
    yearly_words: list[str] = []
    visit_spans: VisitSpans = VisitSpans()
    asked_months: AskedMonths = AskedMonths()
    each_words: list[str] = []
    once_words: list[str] = []
    part_of_words: list[str] = []
    restated_total_words: list[str] = []
    pointing_hours_words: list[str] = []
    count_adjectives: list[str] = []  # "2 autres séances de 2 h": between a count and what it counts
    restating_determiners: list[str] = []  # "les deux sessions, de 8h30 à 12h": visits said before, timed again
    trip_words: list[str] = []
    same_words: list[str] = []
    same_trip_words: list[str] = []
    both_ways_words: list[str] = []
    return_words: list[str] = []
    sessions_asked_words: list[str] = []
    session_nouns: dict[str, str] = {}
    times_nouns: list[str] = []
    remaining_words: list[str] = []
    own_figure_words: list[str] = []
    addition_words: list[str] = []
    alternative_words: list[str] = []
    contrast_words: list[str] = []
    claimed_words: list[str] = []
    planned_hours_words: list[str] = []  # "un devis pour 10 h": hours planned, never added to those done
    done_hours_words: list[str] = []
    included_words: list[str] = []
    included_before_words: list[str] = []
    visit_sentence_words: list[str] = []
    writer_subjects: list[str] = []
    other_subjects: list[str] = []
    total_after_words: list[str] = []
    hours_asked_words: list[str] = []
    amount_asked_words: list[str] = []
    not_amount_words: list[str] = []
    invoiced_words: list[str] = []
    paid_words: list[str] = []
    copula_words: list[str] = []
    invoice_count_words: list[str] = []
    cap_current_year_words: list[str] = []
    cap_other_year_words: list[str] = []
    execution_years: ExecutionYears = ExecutionYears()
    shared_budget: SharedBudget = SharedBudget()
    quote_amount_words: list[str] = []
    budget_amount_words: list[str] = []
    budget_amount_links: list[str] = []
    budget_enough_words: list[str] = []
    alternative_labels: list[str] = []
    festivals: list[str] = []  # capitalised names of a village's year, never a commune ("le marché de Noël, …")
    loss_words: list[str] = []
    indirect_loss_words: list[str] = []
    deadline_words: list[str] = []
    missed_deadline_words: list[str] = []
    later_periods: LaterPeriods = LaterPeriods()
    following_days: FollowingDaysWords = FollowingDaysWords()
    notice_received_words: list[str] = []
    notice_sent_words: list[str] = []
    end_links: list[str] = []
    end_links_weak: list[str] = []
    other_documents: dict[str, dict[str, str]] = {}
    sentence_document_roles: list[str] = []  # taken from a document named further back in the sentence
    new_subject_words: list[str] = []
    body_label_words: list[str] = []
    period_end_words: list[str] = []  # "du 24 décembre au 3 janvier": its first date opens a period
    reminder_words: list[str] = []  # "– 6 octobre : relance par courrier": a reminder's date, no letter's
    unanswered_words: list[str] = []  # "un courrier le 14 octobre, sans réponse": a complaint's date, no notice's
    signature_block_words: list[str] = []  # "Le 03/02/2026\nPour La Fibre …": the party signing below a date
    limit_words: list[str] = []  # "court jusqu'au 15/01/2027": the date after one closes a period, never signs
    after_reach: int = Field(default=0, ge=0, le=200)
    date_clause_subjects: list[str] = []  # "et le 7 nous avons rangé": another event's date
    announce_words: list[str] = []
    speaker_words: list[str] = []
    first_person_words: list[str] = []
    together_words: list[str] = []  # "le conseiller du CDG et l'agent de La Fibre, ensemble de 14h à 15h30"
    writer_words: list[str] = []
    letter_words: list[str] = []
    letter_from_links: list[str] = []
    letter_to_links: list[str] = []
    letter_sent_words: list[str] = []
    letter_subject_words: list[str] = []  # "… une LRAR de La Fibre. Elle résilie …": the letter's sender
    own_convention_words: list[str] = []
    interest_clause: str | None = None
    interest_words: list[str] = []
    payment_term_words: list[str] = []  # "payable à 30 jours": the due date, days after the invoice's date
    payment_term_units: list[str] = []
    interest_quote_words: str = ""
    invoice_timing: InvoiceTiming = InvoiceTiming()
    total_words: list[str] = []
    rate_after_words: list[str] = []
    rate_before_words: list[str] = []  # "2,95 h × 50 €": a factor, not an amount
    parties: dict[str, PartyWords]
    party_clauses: list[PartyClause]
    party_asked_words: list[str] = []
    comparison_words: list[str] = []
    termination_words: list[str]
    termination_denials: list[str] = []  # phrases holding a termination word that say none was made
    anytime_words: list[str]
    early_words: list[str] = []
    breach_words: list[str] = []  # a party failing its obligations ("nos relances", "sans suite"): the breach route
    apposed_words: list[str] = []
    termination_quote_words: dict[str, str]
    before_tax_words: list[str]
    tax_words: list[str] = []
    staff_count_nouns: list[str] = []
    staff_count_not_before: list[str] = []
    liability_exclusions: list[LiabilityExclusion] = []
    earliest_signature: date | None = Field(default=None, strict=False)  # quoted in YAML ("2025-06-12"): a string
    earliest_signature_source: str | None = None

    @cached_property
    def date_roles(self) -> dict[str, DateRole]:
        return with_events(self.declared_date_roles, "other", self.commune_events)

    @cached_property
    def duration_roles(self) -> dict[str, DurationRole]:
        return with_events(self.declared_duration_roles, "opening", self.commune_events)
