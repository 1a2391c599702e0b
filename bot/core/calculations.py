"""What the text implies for one message: deadlines, prices, and who may do what.

The engine calls `Calculations.answer` once per message. It finds the dates and durations, gives each
one a role from the words around it (knowledge/calculations.yaml), and computes only what the question
asks; a role it cannot tell is stated as an assumption in the answer. It also answers in the name of
the right party: a question about La Fibre Numérique 59 62 is not answered with a CDG 62 clause.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from dateutil.relativedelta import relativedelta

from .answer import Answer, Citation
from .calendar_text import deadline_text, early_signature_warning
from .cost import (
    HOURLY_RATE,
    Duration,
    DurationReader,
    alternation,
    digits,
    format_euros,
    format_hours,
    support_cost,
)
from .deadlines import (
    DateMention,
    compute_deadlines,
    find_dates,
    format_date,
    from_anniversary,
    plausibility_problem,
)
from .french import fold
from .knowledge import Knowledge
from .matching import Candidate, Matcher
from .schema import CalculationsFile

CALENDAR_CLAUSES = ("art-3", "art-6")
TERMINATION_CLAUSE = "art-6"
COST_CLAUSE = "art-4.2.1"
BILLING_CLAUSES = ("art-4", "art-4.1", "art-4.2", "art-4.2.1", "art-4.2.2", "annexe-2")
# Why hours that are not a CDG 62 intervention get no price (only facts the text holds).
NOT_BILLED = {
    "outage": "Une panne ou une coupure n'est pas une intervention du CDG 62 à facturer : je ne calcule aucun "
    "montant, et la convention ne prévoit pas d'indemnisation calculée à l'heure.",
    "delay": "Ce délai n'est pas une intervention à facturer : je ne calcule aucun montant, et la convention ne "
    "fixe aucun délai d'intervention.",
    "training": "La convention ne parle pas de formation en particulier : je ne chiffre pas cette durée. Si le "
    "CDG 62 la fait dans le cadre de son accompagnement, chaque intervention est facturée au temps passé, au taux "
    "horaire de l'article 4.2.1.",
}
COMMUNE_NOT_AT_ANY_TIME = (
    "Non : la collectivité peut résilier la convention à sa date anniversaire, en ayant averti les autres parties "
    "par lettre recommandée avec accusé de réception au moins trois mois avant l'échéance. « À tout moment » ne "
    "vaut que pour le CDG 62 et La Fibre Numérique 59 62. En cas de manquement de l'une des deux autres parties, "
    "la collectivité peut aussi résilier après une mise en demeure restée infructueuse durant trois mois (article 6)."
)
NO_HT = "La convention ne donne que des prix TTC : elle ne fixe aucun montant HT."
ACTOR_REACH = 30  # characters between a party's name and the termination verb it is the subject of
ROLE_REACH = 80  # characters before a date where its role is looked for
_SENTENCE_END = re.compile(r"[.;!?]")
REPEAT_REACH = 50  # characters before hours where "10 demi-journées d'accompagnement de" gives their count
# Between a termination word and the party after it: the agent ("par", "du", "de la"), nothing else.
_AGENT = re.compile(r"\s*(?:par|du|de|des|d')\s*(?:l[ae]\s+|l'\s*)?")
FORMAL_NOTICE = relativedelta(months=3)  # Article 6: "restée infructueuse durant trois (3) mois"

Cite = Callable[[str, "list[str] | None"], Citation]


def cue_pattern(cues: Iterable[str]) -> re.Pattern[str]:
    """One pattern for a list of cues: each matches the words that start with it (folded)."""
    return re.compile(r"(?<![a-z0-9])(?:" + alternation(cues) + ")")


@dataclass(frozen=True)
class Role:
    """A date with the role the words before it give it; `assumed` when no word said it."""

    mention: DateMention
    role: str
    assumed: bool = False


class Calculations:
    """The calculators and party rules, read from knowledge/calculations.yaml."""

    def __init__(self, knowledge: Knowledge, matcher: Matcher, cite: Cite, threshold: float) -> None:
        words: CalculationsFile = knowledge.calculations
        self.words = words
        self.knowledge = knowledge
        self.matcher = matcher
        self.cite = cite
        self.threshold = threshold  # the engine's: below it, a clause is not sure enough to redirect
        self.reader = DurationReader(words.durations)
        self._calendar_terms = set(matcher.question_terms(words.calendar_words))
        self._cost_terms = set(matcher.question_terms(words.cost_words))
        self._date_cues = {role: cue_pattern(spec.cues) for role, spec in words.date_roles.items()}
        self._weak_cues = {role: cue_pattern(spec.weak) for role, spec in words.date_roles.items() if spec.weak}
        # "overrides: [letter]" under formal_notice → {"letter": ["formal_notice"]}
        self._overrides: dict[str, list[str]] = {}
        for role, spec in words.date_roles.items():
            for other in spec.overrides:
                self._overrides.setdefault(other, []).append(role)
        self._duration_cues = {role: cue_pattern(spec.cues) for role, spec in words.duration_roles.items()}
        self._repeat = re.compile(r"(?<![\d.,])(\d{1,2}) ?(?:" + cue_pattern(words.repeat_words).pattern + r")")
        self._parties = {party: cue_pattern(spec.cues) for party, spec in words.parties.items()}
        self._termination = cue_pattern(words.termination_words)
        self._anytime = cue_pattern(words.anytime_words)
        self._cap_words = cue_pattern(words.liability_cap_words) if words.liability_cap_words else None
        self._before_tax_words = cue_pattern(words.before_tax_words)
        self._compensation = cue_pattern(words.compensation_words) if words.compensation_words else None
        self._addition = _joining(words.addition_words) if words.addition_words else None
        self._unsigned = cue_pattern(words.unsigned_words) if words.unsigned_words else None
        self._intervention = cue_pattern(words.intervention_words) if words.intervention_words else None
        self._convention = cue_pattern(words.convention_words) if words.convention_words else None
        self._party_clauses = {entry.clause: entry for entry in words.party_clauses}
        self._included = _optional(words.included_words)
        self._hours_asked = _optional(words.hours_asked_words)
        self._invoiced = _optional(words.invoiced_words)
        self._deadline_words = _optional(words.deadline_words)
        self._notice_received = _optional(words.notice_received_words)

    def calendar_citations(self) -> tuple[Citation, ...]:
        """Articles 3 and 6, quoted where they set the calendar (duration, renewal, notice)."""
        terms = self.matcher.question_terms(self.words.calendar_quote_words)
        return tuple(self.cite(clause_id, terms) for clause_id in CALENDAR_CLAUSES)

    def answer(
        self, question: str, text: str, terms: list[str], ranked: list[Candidate], today: date, signature: date | None
    ) -> Answer | None:
        """The computed or party-aware answer to `text`, or None when the clause answer is right."""
        folded = " ".join(fold(text).split())
        near = {candidate.clause_id for candidate in ranked[:3]}
        named = self._named_parties(folded)
        sure = bool(ranked) and ranked[0].confidence >= self.threshold and bool(ranked[0].strong_terms)
        return (
            self._cost(question, digits(text), terms, near, named)
            or self._dates(question, folded, terms, near, today, signature)
            or self._termination_party(question, folded, near, ranked, sure)
            or self._letter_without_date(question, folded, ranked, sure)
            or (self._liability_cap(question, folded, terms, ranked[0].clause_id, sure) if ranked else None)
            or (self._party_mismatch(question, terms, ranked, named) if sure else None)
            or (self._before_tax(question, folded, terms, ranked[0].clause_id) if sure else None)
        )

    def contact(self, question: str, default: str, contacts: dict[str, str]) -> str:
        """The contact of the one organisation `question` is about, else `default`."""
        named = self._named_parties(" ".join(fold(question).split()))
        return contacts.get(next(iter(named)), default) if len(named) == 1 else default

    # --- prices (Article 4.2.1)

    def _cost(self, question: str, text: str, terms: list[str], near: set[str], named: set[str]) -> Answer | None:
        durations = self.reader.durations(text)
        if not durations and (hours := self._hours_of_amount(question, text, terms, near, named)):
            return hours
        if not durations and COST_CLAUSE in near and self._cost_terms & set(terms):
            return self._days(question, text, terms)
        if not durations or not (COST_CLAUSE in near or self._cost_terms & set(terms)):
            return None
        if self._compensation and self._compensation.search(text):
            return self._not_billed(question, terms, "outage", named)  # hours of a loss, not of a bill
        roles: list[tuple[Duration, str]] = []
        for d in durations:
            role = self._duration_role(text, d)
            # "a mis 48h à venir, on paie les 48h ?": the same hours said again keep the role they were given.
            earlier = next((r for e, r in roles if e.hours == d.hours and r != "intervention"), None)
            roles.append((d, earlier if role == "intervention" and earlier else role))
        billed = [(d, role) for d, role in roles if role in ("intervention", "travel")]
        if not billed:
            return self._not_billed(question, terms, roles[0][1], named)
        own = [(d, role) for d, role in billed if self._party_of(text, d) != "fibre"]
        if not own:
            return self._counterpart(question, terms, COST_CLAUSE, "fibre")
        if problem := next((d.problem for d, _ in own if d.hours is None), ""):
            return _refusal(question, f"Je ne peux pas calculer : {problem}.")
        if not self._added_up(text, [d for d, _ in own]):
            prices = " ; ".join(
                f"{format_hours(d.hours)} = {format_euros(support_cost(d.hours))} TTC" for d, _ in own if d.hours
            )
            text_out = (
                f"Votre message donne plusieurs durées sans dire s'il faut les additionner. Au taux de "
                f"{format_euros(HOURLY_RATE)} TTC de l'heure, temps et frais de déplacement compris (article 4.2.1) : "
                f"{prices}. Précisez le temps passé par le CDG 62 si vous voulez un seul montant."
            )
            return Answer(question, True, "calculation", text_out, (self.cite(COST_CLAUSE, terms),), 1.0)
        starts = [d.start for d, _ in own]
        visits = [d.start for d, role in own if role == "intervention"]  # travel is not one of the visits
        parts = [(d, role, self._repeats(text, d, starts, visits)) for d, role in own]
        hours = sum((d.hours * count for d, _, count in parts if d.hours), Decimal(0))
        amount = support_cost(hours)
        detail = " + ".join(
            (f"{count} × " if count > 1 else "")
            + format_hours(d.hours or Decimal(0))
            + (" de trajet" if role == "travel" else "")
            for d, role, count in parts
        )
        lines = [
            f"{format_hours(hours)} d'intervention du CDG 62"
            + (f" ({detail})" if len(parts) > 1 or parts[0][2] > 1 else "")
            + f" : {format_hours(hours)} × {format_euros(HOURLY_RATE)} TTC = {format_euros(amount)} TTC, "
            "temps et frais de déplacement compris (le temps de trajet est du temps facturé).",
            "Montant indicatif : le CDG 62 facture le temps réellement passé (article 4.2.1), payé par mandat "
            "administratif.",
        ]
        if len(own) < len(billed) or "fibre" in named:
            lines.append(
                "Les heures de La Fibre Numérique 59 62 ne sont pas comptées : la convention ne lui fixe aucun taux "
                "horaire, son prix est celui du devis signé (article 4.1 et annexe n°2)."
            )
        if self._before_tax_words.search(fold(question)):
            lines.append(NO_HT)
        return Answer(question, True, "calculation", " ".join(lines), (self.cite(COST_CLAUSE, terms),), 1.0)

    def _days(self, question: str, text: str, terms: list[str]) -> Answer | None:
        """ "3 jours d'intervention": the text prices hours only; ask for them rather than guess a working day."""
        days = self.reader.days(text)
        if not days or find_dates(text) or any(p.search(text) for p in self._duration_cues.values()):
            return None
        answer = (
            f"La convention facture le temps passé par le CDG 62 à l'heure, au taux horaire de {HOURLY_RATE} € "
            f"TTC, temps et frais de déplacement compris (article 4.2.1) ; elle ne fixe aucun prix à la journée. "
            "Combien d'heures le CDG 62 a-t-il passées ? Donnez-moi le nombre d'heures et je calculerai le montant."
        )
        return Answer(question, True, "calculation", answer, (self.cite(COST_CLAUSE, terms),), 1.0)

    def _hours_of_amount(
        self, question: str, text: str, terms: list[str], near: set[str], named: set[str]
    ) -> Answer | None:
        """ "275 euros, combien d'heures ?": an amount billed by the CDG 62 divided by its hourly rate."""
        if self._hours_asked is None or not self._hours_asked.search(text) or named - {"cdg"}:
            return None
        if not (COST_CLAUSE in near or self._cost_terms & set(terms)):
            return None
        amounts = self.reader.amounts(text)
        if len(amounts) != 1 or amounts[0] <= 0:
            return None
        hours = amounts[0] / HOURLY_RATE
        text_out = (
            f"{format_euros(amounts[0])} TTC au taux horaire de {format_euros(HOURLY_RATE)} TTC, temps et frais de "
            f"déplacement compris (article 4.2.1) : {format_euros(amounts[0])} ÷ {format_euros(HOURLY_RATE)} = "
            f"{format_hours(hours)} de temps passé par le CDG 62, trajets compris. Calcul indicatif, si ce montant "
            "ne facture que le temps passé par le CDG 62."
        )
        return Answer(question, True, "calculation", text_out, (self.cite(COST_CLAUSE, terms),), 1.0)

    def _before_tax(self, question: str, folded: str, terms: list[str], best: str) -> Answer | None:
        """A price asked before tax: the text gives TTC prices only, and says so."""
        if best not in BILLING_CLAUSES or not self._before_tax_words.search(folded):
            return None
        text = f"{self.knowledge.clauses[best].answer} {NO_HT}"
        return Answer(question, True, "clause", text, (self.cite(best, terms),), 1.0)

    def _added_up(self, text: str, durations: list[Duration]) -> bool:
        """Are consecutive durations joined by an addition ("et", "puis", "plus", a comma)?"""
        if self._addition is None:
            return True
        return all(
            self._addition.search(text, first.end, second.start) for first, second in itertools.pairwise(durations)
        )

    def _not_billed(self, question: str, terms: list[str], role: str, named: set[str]) -> Answer | None:
        """Hours of an outage, a delay or a training: no bill; the clause that speaks of it instead."""
        if role not in NOT_BILLED:
            return None  # opening hours, the collectivité's own staff: no bill and no clause of their own
        clause_id = self.words.duration_roles[role].clause
        if role != "training" and len(named) == 1:
            clause_id = self.words.responsibility_clauses.get(next(iter(named)), clause_id)
        if clause_id is None or clause_id not in self.knowledge.clauses:
            return None
        clause = self.knowledge.clauses[clause_id]
        text = f"{NOT_BILLED[role]} Ce que prévoit la convention ({clause.ref}) : {clause.answer}"
        return Answer(question, True, "clause", text, (self.cite(clause_id, terms),), 1.0)

    def _party_of(self, text: str, duration: Duration) -> str | None:
        """The provider named in the same part of the sentence as `duration`, if any."""
        around = self.reader.clause_around(text, duration.start, duration.end)
        named = self._named_parties(around)
        return next(iter(named)) if len(named) == 1 else None

    def _duration_role(self, text: str, duration: Duration) -> str:
        around = self.reader.clause_around(text, duration.start, duration.end)
        for role, pattern in self._duration_cues.items():
            if match := pattern.search(around):
                if role == "travel" and self._included and self._included.match(_word_end(around, match.end())):
                    continue  # "déplacements compris": the hours include the travel, they are not only travel
                if role in ("outage", "own_staff") and self._intervention and self._intervention.search(around):
                    return "intervention"  # "venu de 23h à 2h pour la panne": the CDG 62's time on the outage
                return role
        return "intervention"  # no cue: the hours of an intervention, as a price question means

    def _repeats(self, text: str, duration: Duration, starts: list[int], visits: list[int]) -> int:
        """2 for "2 interventions de 3 h" or "2 fois 3 h": the count written just before the hours.

        Only for the first hours after the count (of all `starts`), and not when the intervention hours from
        here on (`visits`) are as many as the count: they list those interventions one by one ("3 fois : 2 h, 1 h 30 et
        45 min")."""
        first = max(0, duration.start - REPEAT_REACH)
        found = list(self._repeat.finditer(text, first, duration.start))
        if not found or any(found[-1].end() <= start < duration.start for start in starts):
            return 1
        count = int(found[-1].group(1))
        following = sum(start >= duration.start for start in visits)
        return count if 1 < count <= 50 and count != following else 1

    # --- dates (Articles 3 and 6)

    def _dates(
        self, question: str, folded: str, terms: list[str], near: set[str], today: date, signature: date | None
    ) -> Answer | None:
        mentions = find_dates(folded, today)
        on_calendar = bool(near & set(CALENDAR_CLAUSES)) or bool(self._calendar_terms & set(terms))
        if not on_calendar or not (mentions or (signature and self._calendar_terms & set(terms))):
            return None
        if bad := next((m for m in mentions if m.value is None), None):
            return _refusal(question, f"{bad.problem}. Écrivez la date sous la forme 15/03/2025.")
        roles = self._roles(folded, mentions)
        by_role: dict[str, list[Role]] = {}
        for item in roles:
            by_role.setdefault(item.role, []).append(item)
        stated_today = by_role["today"][-1].mention if "today" in by_role else None
        if stated_today and stated_today.value:
            # "on est le 5 décembre": the year that puts it nearest the real today, not the last 5 December past.
            today = _nearest_year(stated_today.value, today) if stated_today.assumed_year else stated_today.value
        notice = (
            self._formal_notice(question, by_role["formal_notice"][-1].mention, today)
            if "formal_notice" in by_role
            else None
        )
        if notice and not any(not r.assumed for r in by_role.get("signature", [])):
            return notice
        if self._unsigned and self._unsigned.search(folded):
            text = (
                "La convention entre en vigueur à sa signature par toutes les parties (article 3) : tant qu'une "
                "partie n'a pas signé, elle ne court pas et aucune date limite ne se calcule. Donnez-moi la date de "
                "la dernière signature quand elle sera apposée : je calculerai l'échéance et la date limite."
            )
            return Answer(question, True, "calculation", text, self.calendar_citations(), 1.0)
        if self._provider_actor(folded):
            # The CDG 62 or La Fibre ending it: not the collectivité's calendar; a letter's date gives the end.
            return self._provider_notice(question, roles)
        notes: list[str] = []
        if stated_today and (stated_today.month_only or stated_today.assumed_year):
            notes.append(f"« {stated_today.text} » : j'ai compté les jours depuis le {format_date(today)}.")
        anniversary: date | None = None
        signatures = by_role.get("signature", [])
        signatures = [r for r in signatures if not (r.assumed and r.mention.month_only)]
        if month_only := next((r.mention for r in signatures if r.mention.month_only), None):
            return self._month_only(question, month_only, today)
        if signatures:
            last = max(signatures, key=lambda r: r.mention.value or date.min)
            signature = last.mention.value
            if len(signatures) > 1:
                notes.append(
                    f"La date qui compte est celle de la dernière signature par toutes les parties : le "
                    f"{format_date(last.mention.value)}."  # type: ignore[arg-type]
                )
            if last.assumed:
                notes.append(f"J'ai lu « {last.mention.text} » comme la date de signature de la convention.")
            if last.mention.assumed_year:
                notes.append(_assumed_year(last.mention))
            if last.mention.approximate:
                return self._approximate(question, last.mention, today)
        elif anniversaries := by_role.get("anniversary"):
            mention = anniversaries[-1].mention
            anniversary = mention.value
            assert anniversary is not None
            if mention.assumed_year and anniversary < today:
                anniversary = anniversary.replace(year=anniversary.year + 1)
            if mention.assumed_year:
                notes.append(
                    f"J'ai supposé l'échéance du {format_date(anniversary)} ; sinon, écrivez la date complète."
                )
            signature = from_anniversary(anniversary, today).signature
        if signature is None and (letters := by_role.get("letter") or by_role.get("receipt")):
            sent = letters[-1].mention
            text = (
                f"Votre lettre du {format_date(sent.value)} doit avoir été reçue par les autres parties au moins "  # type: ignore[arg-type]
                "trois mois avant l'échéance (article 6). Pour vérifier qu'elle est dans les délais, donnez-moi la "
                "date de la dernière signature ou celle de l'échéance (par exemple : « signée le 15/03/2025 »)."
            )
            return Answer(question, True, "calculation", text, self.calendar_citations(), 1.0)
        if signature is None:
            return None
        if problem := plausibility_problem(signature, today):
            return _refusal(question, f"Je ne peux pas calculer : {problem}.")
        if anniversary is None and (warning := early_signature_warning(signature, self.words.earliest_signature)):
            notes.append(warning)
        if receipts := by_role.get("receipt"):  # the day it reached them is the one article 6 reads
            body = self._letter(receipts[-1].mention, signature, received=True)
        elif letters := by_role.get("letter"):
            body = self._letter(letters[-1].mention, signature)
        else:
            body = deadline_text(signature, today, anniversary=anniversary)
        if self._anytime.search(folded) and self._termination.search(folded):
            body = f"{COMMUNE_NOT_AT_ANY_TIME}\n{body}"
        if (
            notice
            and not (self._deadline_words and self._deadline_words.search(folded))
            and not self._notice_to_us(folded)
        ):
            # The breach route is what is asked: the anniversary's dates only when the question asks a deadline.
            text = (
                f"{notice.text} La résiliation à la date anniversaire reste aussi possible (articles 3 et 6) : "
                "demandez-moi la date limite de la lettre recommandée si vous la voulez."
            )
            return Answer(question, True, "calculation", text, notice.citations, 1.0)
        if notice:  # a formal notice and a named signature: the breach path and the anniversary's, both
            text = "\n".join([notice.text, "Par ailleurs, pour résilier à la date anniversaire :", body, *notes])
            return Answer(question, True, "calculation", text, (*notice.citations, self.calendar_citations()[0]), 1.0)
        return Answer(question, True, "calculation", "\n".join([body, *notes]), self.calendar_citations(), 1.0)

    def _roles(self, folded: str, mentions: list[DateMention]) -> list[Role]:
        """Each date's role: the nearest cue before it, else the role of the date before it."""
        roles: list[Role] = []
        previous_end = 0
        for mention in mentions:
            window = folded[max(previous_end, mention.start - ROLE_REACH) : mention.start]
            role = _nearest(window, self._date_cues) or _nearest(window, self._weak_cues)
            if role == "signature" and self._signs_other(window):
                role = "other"  # "le devis signé le 20/10": the signature of another document
            role = next((r for r in self._overrides.get(role or "", ()) if self._date_cues[r].search(window)), role)
            if role:
                roles.append(Role(mention, role))
            elif roles and roles[-1].role == "signature" and self._continues_signatures(window):
                # a list of signatures: "le CDG le 14/10, La Fibre le 17/11"
                roles.append(Role(mention, "signature", roles[-1].assumed))
            elif not any(item.role == "signature" for item in roles):
                roles.append(Role(mention, "signature", assumed=True))
            previous_end = mention.start + len(mention.text)
        if any(item.role == "signature" and not item.assumed for item in roles):
            # A named signature anywhere: a date without a cue is not read as one ("résilier au 31/12, signée le …").
            roles = [item for item in roles if not (item.role == "signature" and item.assumed)]
        return [item for item in roles if item.role != "other"]

    def _continues_signatures(self, window: str) -> bool:
        """Does a date without a cue go on a list of signatures? Not across a sentence unless a party is
        named ("Le CDG l'a signée le 12/11. La Fibre le 19/11"), never after a termination word ("; nous
        souhaitons que la résiliation prenne effet au 15/09/2027")."""
        if self._termination.search(window):
            return False
        return not _SENTENCE_END.search(window) or any(p.search(window) for p in self._parties.values())

    def _signs_other(self, window: str) -> bool:
        """Is the last signing word of `window` about another document ("le devis … signé", "l'avenant signé")?

        It is when another document's name comes after the last name of the convention itself."""
        signing = list(self._date_cues["signature"].finditer(window))
        other = self._date_cues.get("other")
        if not signing or other is None:
            return False
        before = window[: signing[-1].start()]
        last_other = max((m.end() for m in other.finditer(before)), default=-1)
        last_convention = (
            max((m.end() for m in self._convention.finditer(before)), default=-1) if self._convention else -1
        )
        return last_other > last_convention

    def _formal_notice(self, question: str, notice: DateMention, today: date) -> Answer:
        assert notice.value is not None
        possible = notice.value + FORMAL_NOTICE
        when = "dès aujourd'hui" if possible <= today else f"à partir du {format_date(possible)}"
        text = (
            f"Mise en demeure du {format_date(notice.value)} : si elle reste infructueuse durant trois mois, la "
            f"résiliation pour manquement est possible {when} (article 6 : « après mise en demeure restée "
            "infructueuse durant trois (3) mois »). Ce droit vaut pour chaque partie, en cas de manquement de "
            "l'une des deux autres parties ; il ne dépend pas de la date anniversaire."
        )
        if notice.assumed_year:
            text += " " + _assumed_year(notice)
        if notice.approximate:
            text += (
                f" « {notice.text} » : j'ai compté depuis le {format_date(notice.value)}, une date approchée ; "
                "la date qui compte est celle de la mise en demeure (son accusé de réception) : vérifiez-la."
            )
        terms = self.matcher.question_terms(self.words.termination_quote_words.get("breach", ""))
        return Answer(question, True, "calculation", text, (self.cite(TERMINATION_CLAUSE, terms),), 1.0)

    def _notice_to_us(self, folded: str) -> bool:
        """Did the collectivité receive the formal notice? Then its own way out is the anniversary's."""
        return bool(self._notice_received and self._notice_received.search(folded))

    def _provider_notice(self, question: str, roles: list[Role]) -> Answer | None:
        """The CDG 62 or La Fibre ends it at any time: at the earliest three months after its letter arrives."""
        letters = [r for r in roles if r.role in ("receipt", "letter") or (r.role == "signature" and r.assumed)]
        if not letters or letters[-1].mention.value is None:
            return None
        mention = letters[-1].mention
        end = mention.value + FORMAL_NOTICE  # type: ignore[operator]
        text = (
            "Le CDG 62 et La Fibre Numérique 59 62 peuvent résilier la convention à tout moment, en ayant averti les "
            "autres parties par lettre recommandée avec accusé de réception au moins trois mois avant l'échéance "
            "(article 6 : « au moins trois (3) mois avant l'échéance »)."
            f" Pour une lettre reçue le {format_date(mention.value)}, la "  # type: ignore[arg-type]
            f"convention peut prendre fin au plus tôt le {format_date(end)}, trois mois après. J'ai supposé que le "
            f"{mention.value:%d/%m/%Y} est le jour où la lettre vous a été remise (l'accusé de réception) : c'est "
            "la réception qui compte. Si le courrier donne une date de fin plus lointaine, c'est elle qui vaut."
        )
        if mention.assumed_year:
            text += " " + _assumed_year(mention)
        terms = self.matcher.question_terms(self.words.termination_quote_words.get("provider", ""))
        return Answer(question, True, "calculation", text, (self.cite(TERMINATION_CLAUSE, terms),), 1.0)

    def _letter(self, letter: DateMention, signature: date, received: bool = False) -> str:
        """Is a letter sent (or received) on that day in time? It must have REACHED the others by the deadline."""
        assert letter.value is not None
        d = compute_deadlines(signature, letter.value)
        text = ""
        if received:
            verdict = (
                "trop tard" if d.notice_passed else f"dans les délais pour l'échéance du {format_date(d.period_end)}"
            )
            text = f"Lettre reçue le {format_date(letter.value)} : {verdict}"
            if not d.notice_passed:
                return (
                    f"{text}, si chacune des autres parties l'a reçue au plus tard le "
                    f"{format_date(d.notice_deadline)} (article 6 : « avoir averti les autres parties … au moins "
                    "trois (3) mois avant l'échéance »)."
                )
        if d.notice_passed:
            return (
                (text if received else f"Lettre envoyée le {format_date(letter.value)} : trop tard")
                + f" pour l'échéance du {format_date(d.period_end)}, dont la date limite était le "
                f"{format_date(d.notice_deadline)}. La convention est reconduite tacitement (article 3). Pour "
                f"l'échéance suivante, le {format_date(d.open_end)}, la lettre doit être reçue au plus tard le "
                f"{format_date(d.open_notice)}."
            )
        return (
            f"Lettre envoyée le {format_date(letter.value)}, pour l'échéance du {format_date(d.period_end)} : "
            f"elle est dans les délais si les autres parties l'ont reçue au plus tard le "
            f"{format_date(d.notice_deadline)}. L'article 6 demande qu'elles aient été averties au moins trois "
            "mois avant l'échéance : c'est la date de réception (l'accusé de réception) qui compte, pas celle de "
            "l'envoi."
        )

    def _month_only(self, question: str, mention: DateMention, today: date) -> Answer:
        assert mention.value is not None
        first = mention.value
        last = first + relativedelta(months=1, days=-1)
        early, late = compute_deadlines(first, today), compute_deadlines(last, today)
        text = (
            f"Il me faut le jour exact de la dernière signature. Pour une signature « {mention.text} », la date "
            f"limite de réception de la lettre recommandée tombe entre le {format_date(early.open_notice)} et le "
            f"{format_date(late.open_notice)} selon le jour : écrivez la date complète (par exemple "
            f"{first.replace(day=15):%d/%m/%Y})."
        )
        return Answer(question, True, "calculation", text, self.calendar_citations(), 1.0)

    def _approximate(self, question: str, mention: DateMention, today: date) -> Answer:
        """ "signée il y a 18 mois": a day a deadline cannot rest on; ask for it, say what it would give."""
        assert mention.value is not None
        d = compute_deadlines(mention.value, today)
        text = (
            f"Il me faut le jour exact de la dernière signature : « {mention.text} » mène vers le "
            f"{format_date(mention.value)}. Si c'était ce jour-là, la prochaine échéance où résilier serait le "
            f"{format_date(d.open_end)}, la lettre recommandée avec accusé de réception devant être reçue au plus tard "
            f"le {format_date(d.open_notice)} ; sans cette lettre, la convention est reconduite tacitement pour deux "
            "ans (article 3). Quelques jours d'écart changent la date limite : vérifiez la date sur la convention "
            "signée et écrivez-la (par exemple 15/03/2025)."
        )
        return Answer(question, True, "calculation", text, self.calendar_citations(), 1.0)

    # --- who may terminate how (Article 6)

    def _provider_actor(self, folded: str) -> str | None:
        """The CDG 62 or La Fibre, when the question is about THEM ending the convention."""
        verb = self._termination.search(folded)
        if not verb:
            return None
        # The party named nearest the verb: its subject ("Le CDG 62 peut-il résilier") or its agent
        # ("la résiliation du CDG", "résiliée par La Fibre"); the subject wins a tie.
        end = verb.end() + len(re.match(r"[a-z]*", folded[verb.end() :]).group(0))  # type: ignore[union-attr]
        reach = ACTOR_REACH
        named = [
            (verb.start() - m.end(), 0, party)
            for party, p in self._parties.items()
            for m in p.finditer(folded, max(0, verb.start() - reach), verb.start())
        ] + [
            (m.start() - end, 1, party)
            for party, p in self._parties.items()
            for m in p.finditer(folded, end, end + reach)
            if _AGENT.fullmatch(folded[end : m.start()])  # "résiliée par La Fibre", not "résilier notre convention"
        ]
        actor = min(named)[2] if named else None
        return actor if actor in ("cdg", "fibre") else None

    def _termination_party(
        self, question: str, folded: str, near: set[str], ranked: list[Candidate], sure: bool
    ) -> Answer | None:
        if TERMINATION_CLAUSE not in near or not self._termination.search(folded):
            return None
        quotes = self.words.termination_quote_words
        if actor := self._provider_actor(folded):
            name = self.words.parties[actor].name
            text = (
                f"{_capital(name)} peut résilier la convention à tout moment, sous réserve d'avoir averti les autres "
                "parties par lettre recommandée avec accusé de réception au moins trois mois avant l'échéance "
                "(article 6). La date anniversaire ne limite que la collectivité. En cas de manquement de l'une des "
                "deux autres parties, chaque partie peut aussi résilier après une mise en demeure restée "
                "infructueuse durant trois mois."
            )
            terms = self.matcher.question_terms(quotes.get("provider", ""))
        elif self._anytime.search(folded):
            text = COMMUNE_NOT_AT_ANY_TIME
            terms = self.matcher.question_terms(quotes.get("commune", ""))
        elif sure and ranked[0].clause_id not in CALENDAR_CLAUSES:
            # "Y a-t-il des frais de résiliation ?": about ending the convention, whatever else it names.
            clause = self.knowledge.clauses[TERMINATION_CLAUSE]
            text = f"Ce que la convention prévoit pour la résiliation ({clause.ref}) : {clause.answer}"
            return Answer(question, True, "clause", text, (self.cite(TERMINATION_CLAUSE, None),), 1.0)
        else:
            return None
        return Answer(question, True, "clause", text, (self.cite(TERMINATION_CLAUSE, terms),), 1.0)

    def _letter_without_date(self, question: str, folded: str, ranked: list[Candidate], sure: bool) -> Answer | None:
        """The registered letter lives in articles 3 and 6: "si on oublie d'envoyer la lettre" is about renewal."""
        letter = self._date_cues.get("letter")
        if not letter or not letter.search(folded) or (sure and ranked[0].clause_id in CALENDAR_CLAUSES):
            return None
        if sure and not ({c.clause_id for c in ranked[:3]} & set(CALENDAR_CLAUSES)):
            return None
        clause = self.knowledge.clauses["art-3"]
        return Answer(question, True, "clause", clause.answer, self.calendar_citations(), 1.0)

    def _liability_cap(self, question: str, folded: str, terms: list[str], best: str, sure: bool) -> Answer | None:
        """A question about the cap quotes the cap sentence; an amount in it is compared with the cap.

        Even when the matcher is not sure, an amount invoiced beside another (the loss) is that comparison."""
        cap = self.words.liability_cap_clause
        if cap is None or cap != best or self._cap_words is None or not self._cap_words.search(folded):
            return None
        quote = self.cite(cap, self.matcher.question_terms(self.words.liability_cap_quote_words))
        spans = self.reader.amount_spans(folded)
        amounts = [amount for amount, _ in spans]
        if len(amounts) > 1 and self._invoiced:
            # "facturé 1 350 € … préjudice estimé à 4 000 €": the invoiced amount is the cap, the other the loss.
            invoiced = [a for a, start in spans if self._invoiced.search(_since_break(folded, start))]
            if len(invoiced) == 1:
                return self._cap_of(question, quote, invoiced[0], [a for a in amounts if a != invoiced[0]])
        if not sure:
            return None
        if len(amounts) != 1:
            return Answer(question, True, "clause", self.knowledge.clauses[cap].answer, (quote,), 1.0)
        return self._cap_of(question, quote, amounts[0], [])

    def _cap_of(self, question: str, quote: Citation, cap: Decimal, losses: list[Decimal]) -> Answer:
        loss = ""
        if len(losses) == 1:  # the loss is not repeated as a sum: only the cap is an amount to obtain
            loss = (
                f" Le préjudice que vous estimez dépasse ce plafond : vous ne pouvez pas obtenir plus de "
                f"{format_euros(cap)}."
                if losses[0] > cap
                else " Le préjudice que vous estimez reste sous ce plafond."
            )
        text = (
            f"Au plus {format_euros(cap)}, si c'est bien le montant facturé pour l'année en cours d'exécution "
            "au moment de l'événement qui a causé le préjudice : pour faute prouvée, La Fibre Numérique 59 62 ne "
            "répare que le préjudice direct et immédiat, dans cette limite (article 5.2). Sa responsabilité n'est "
            "pas engagée dans les cas que l'article exclut (intrusion d'un tiers, contenu des données, fiabilité "
            "des transmissions…)." + loss
        )
        return Answer(question, True, "calculation", text, (quote,), 1.0)

    # --- the right party's clause

    def _named_parties(self, folded: str) -> set[str]:
        return {party for party, pattern in self._parties.items() if party != "commune" and pattern.search(folded)}

    def _party_mismatch(
        self, question: str, terms: list[str], ranked: list[Candidate], named: set[str]
    ) -> Answer | None:
        if not ranked or len(named) != 1:
            return None
        entry = self._party_clauses.get(ranked[0].clause_id)
        (asked,) = named
        if entry is None or entry.party == asked or asked not in entry.counterpart:
            return None
        return self._counterpart(question, terms, entry.clause, asked)

    def _counterpart(self, question: str, terms: list[str], clause_id: str, asked: str) -> Answer | None:
        """Answer a question about `asked` from its own clause, saying what `clause_id` is about."""
        entry = self._party_clauses.get(clause_id)
        if entry is None or asked not in entry.counterpart:
            return None
        own = self.knowledge.clauses[entry.counterpart[asked]]
        other = self.knowledge.clauses[clause_id]
        parts = [own.answer]
        if note := entry.note.get(asked):
            parts.append(note)
        parts.append(
            f"Attention : l'{other.ref} ({other.title}) concerne {self.words.parties[entry.party].name}, "
            f"pas {self.words.parties[asked].name}."
        )
        citations = (self.cite(own.id, terms), self.cite(other.id, terms))
        return Answer(question, True, "clause", " ".join(parts), citations, 1.0)


def _joining(words: list[str]) -> re.Pattern[str]:
    """Words must stand alone ("et", not the end of "trajet"); a sign ("," "+") may touch a word ("aller,")."""
    signs = [w for w in words if not re.search(r"[a-z]", fold(w))]
    alone = [w for w in words if w not in signs]
    parts = [rf"(?<![a-z])(?:{alternation(alone)})(?![a-z])"] if alone else []
    return re.compile("|".join(parts + ([f"(?:{alternation(signs)})"] if signs else [])))


def _optional(words: list[str]) -> re.Pattern[str] | None:
    return cue_pattern(words) if words else None


def _word_end(text: str, position: int) -> str:
    """`text` after the word that ends at or goes on after `position` ("deplacement|s compris" → " compris")."""
    rest = text[position:]
    return rest[len(re.match(r"[a-z]*", rest).group(0)) :].lstrip()  # type: ignore[union-attr]


def _since_break(text: str, position: int) -> str:
    """The words before `position` back to the last sentence end or comma (at most 60 characters)."""
    before = text[max(0, position - 60) : position]
    return re.split(r"[.;!?,]", before)[-1]


def _nearest(window: str, patterns: dict[str, re.Pattern[str]]) -> str | None:
    """The role whose cue ends nearest the end of `window`."""
    best: tuple[int, str] | None = None
    for role, pattern in patterns.items():
        for match in pattern.finditer(window):
            if best is None or match.end() > best[0]:
                best = (match.end(), role)
    return best[1] if best else None


def _nearest_year(day: date, today: date) -> date:
    """`day` moved to the year (today's, or one either side) that brings it nearest `today`."""
    options = []
    for year in (today.year - 1, today.year, today.year + 1):
        try:
            options.append(day.replace(year=year))
        except ValueError:  # 29 February
            continue
    return min(options, key=lambda option: abs((option - today).days), default=day)


def _assumed_year(mention: DateMention) -> str:
    assert mention.value is not None
    return (
        f"« {mention.text} » ne donne pas l'année : j'ai supposé le {format_date(mention.value)}. "
        "Si ce n'est pas la bonne année, écrivez la date complète (par exemple 15/03/2025)."
    )


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _refusal(question: str, text: str) -> Answer:
    return Answer(question, False, "calculation", text)
