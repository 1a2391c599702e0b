"""The words of knowledge/calculations.yaml compiled once into patterns and term sets, shared by every
calculator. A cue matches the words that start with it, folded ("resili" finds "résiliation")."""

from __future__ import annotations

import re

from ..calculation_schema import CalculationsFile
from ..cost import alternation
from ..french import fold
from ..matching import Matcher
from ..number_text import elided, in_figures
from ..word_patterns import folded_words
from .count_patterns import counted
from .cue_patterns import CuePattern, cue_pattern
from .pauses import Pauses
from .writers import writer_patterns


class Cues:
    """The patterns of one knowledge base's calculation words."""

    def __init__(self, words: CalculationsFile, matcher: Matcher) -> None:
        self.calendar_terms = set(matcher.question_terms(words.calendar_words))
        # The calendar words that ask about it ("résilier", "durée", "préavis"), not only name a signing; the
        # deadline phrases ("date limite") are read as phrases (`deadline_words`), not as their loose words.
        signing = words.date_roles["signature"].cues if "signature" in words.date_roles else []
        self.calendar_asked_terms = self.calendar_terms - set(
            matcher.question_terms(" ".join([*signing, *words.deadline_words]))
        )
        self.cost_terms = set(matcher.question_terms(words.cost_words))
        self.date_cues = {
            role: near(cue_pattern(s.cues, s.words, s.unless), s.reach) for role, s in words.date_roles.items()
        }
        self.weak_cues = {role: cue_pattern(s.weak, unless=s.unless) for role, s in words.date_roles.items() if s.weak}
        self.after_cues = {role: cue_pattern(spec.after) for role, spec in words.date_roles.items() if spec.after}
        self.overrides: dict[str, list[str]] = {}  # formal_notice's "overrides: [letter]": {"letter": [formal_notice]}
        for role, spec in words.date_roles.items():
            for other in spec.overrides:
                self.overrides.setdefault(other, []).append(role)
        self.overriding = [role for role, spec in words.date_roles.items() if spec.overrides]  # for a date with no cue
        self.duration_cues = {role: cue_pattern(s.cues, whole=s.words) for role, s in words.duration_roles.items()}
        self.pauses = Pauses(words.pause)  # "avec une pause de 15 min": hours taken off the stay
        self.duration_idioms = {role: cue_pattern(s.idioms) for role, s in words.duration_roles.items() if s.idioms}
        self.repeat = counted(words.repeat_words, words.multiplication_signs, words.count_adjectives)
        signs = alternation(words.multiplication_signs) if words.multiplication_signs else None
        # "25 min x 2": the count after the hours (not an amount nor other hours: "1 h x 50 €", "2 h x 3 h")
        self.times_after = re.compile(rf" ?(?:{signs}) ?(\d{{1,2}})(?![\d€]|[.,]\d| ?€| ?[a-z])") if signs else None
        self.visit_count = counted(words.visit_words, between=words.count_adjectives) if words.visit_words else None
        # "Il confirme les 2 sessions, de 8h30 à 12h": visits said before, named again with their count (added.py)
        restating, nouns = alternation(words.restating_determiners), cue_pattern(words.visit_words).pattern
        restated = rf"(?<![a-z])(?:{restating}) \d{{1,2}} (?:{nouns})"
        self.restating = re.compile(restated) if restating and words.visit_words else None
        # "à chaque fois 30 min de trajet": travel of every visit; not "chaque mois", a period (`recurring`)
        self.each = optional(words.each_words, unless=words.recurring_words)
        self.once = optional(words.once_words)  # "…, une seule fois dans la journée": travel of one visit only
        self.recurring = optional(words.recurring_words)  # "2 h par mois, soit 6 visites": each visit's hours
        # "Quel montant annuel ?": a year of the visits said per period; read in `digits` text too ("sur l' année")
        self.yearly = optional([*words.yearly_words, *(elided(said) for said in words.yearly_words)])
        self.parties = {party: cue_pattern(spec.cues) for party, spec in words.parties.items()}
        self.termination = cue_pattern(words.termination_words, unless=words.termination_denials)
        self.anytime = cue_pattern(words.anytime_words)
        self.apposed = optional(words.apposed_words)  # "le CDG, lui, nous a facturé": the subject is before it
        self.copula = optional(words.copula_words)  # "Leur facture, c'est 1 440 €": the words before the comma
        self.early = optional(words.early_words)  # "avant l'échéance": an early end, or the notice's own wording
        self.breach = optional(words.breach_words)  # "nos relances", "jamais venu": a party failing
        self.cap_words = cue_pattern(words.liability_cap_words) if words.liability_cap_words else None
        self.cap_alone = optional(words.liability_cap_alone_words)  # "quel plafond ?": the cap asked, no loss said
        self.before_tax_words = cue_pattern(words.before_tax_words)
        self.tax = optional(words.tax_words)  # "ajouter 20 % de TVA": the rate is TTC already
        # "2 conseillers de 9h à 12h" (a text passed through `digits`): the count of the CDG 62's staff, group 1
        nouns, unless = alternation(words.staff_count_nouns), alternation(words.staff_count_not_before) or "(?!)"
        self.staff_count = (
            re.compile(rf"(?<![\w,.])([2-9]) (?:{nouns})(?![a-z])(?! (?:{unless})(?![a-z]))") if nouns else None
        )
        # "un pirate est entré dans notre réseau": a case article 5.2 excludes, with its words
        self.exclusions = [(cue_pattern(spec.cues), spec.case) for spec in words.liability_exclusions]
        # whole words: "il" is not the start of "illégal", "ma" not that of "mairie" (visit_sentences.py)
        self.visit_sentence = cue_pattern((), whole=words.visit_sentence_words) if words.visit_sentence_words else None
        self.writer_subject = cue_pattern((), whole=words.writer_subjects) if words.writer_subjects else None
        self.other_subject = cue_pattern((), whole=both_forms(words.other_subjects)) if words.other_subjects else None
        self.compensation = cue_pattern(words.compensation_words) if words.compensation_words else None
        self.addition = joining(words.addition_words) if words.addition_words else None
        self.alternative = joining(words.alternative_words) if words.alternative_words else None
        self.claimed = optional(words.claimed_words)  # "nous facture 3 h": the hours of the bill, to check
        self.planned_hours = optional(words.planned_hours_words)  # "un devis pour 10 h" (remaining.py)
        self.done_hours = optional(words.done_hours_words)
        self.contrast = optional(words.contrast_words)  # "facturé 4 h alors qu'il est venu 2 h": not to add
        self.restated_total = optional(words.restated_total_words)  # "2h et 3h, soit 5h": the same hours again
        self.unsigned = cue_pattern(words.unsigned_words) if words.unsigned_words else None
        self.to_come = cue_pattern(words.signing_to_come_words) if words.signing_to_come_words else None
        self.signing_after = optional(words.signing_after_words)  # "signera après son CA du 10 décembre"
        # "l'exemplaire signé par tous", "(exemplaire reçu chez nous le 26 août)": a copy, and a word of its journey
        self.copy = cue_pattern(words.copy_words).compiled if words.copy_words else None
        self.copy_moved = cue_pattern(words.copy_moved_words).compiled if words.copy_moved_words else None
        self.copy_dated = _at_end(words.copy_dated_words)  # "les exemplaires … sont revenus datés du": their signing
        self.setting = optional(words.setting_words)  # "signature … lors d'une réunion le": the meeting is its setting
        self.all_parties = optional(words.all_parties_words)  # "tout le monde a signé le": the convention's signing
        self.intervention = cue_pattern(words.intervention_words) if words.intervention_words else None
        convention = words.convention_words  # and "conv" as a whole word ("la conv signée", not "convocation")
        self.convention = cue_pattern(convention, words.this_convention_whole_words) if convention else None
        self.party_clauses = {entry.clause: entry for entry in words.party_clauses}
        self.party_asked = optional(words.party_asked_words)  # "qui fournit le matériel ?": which party is asked
        # "obligations de", "s'engage": a question about a party's own duties (parties.py, `of_other`)
        self.party_duties = {e.clause: cue_pattern(e.asked_with) for e in words.party_clauses if e.asked_with}
        self.included = optional(words.included_words)
        self.included_before = _at_end(words.included_before_words)  # "2h30 avec la route": the trip counted in
        self.trip = optional(words.trip_words)  # "il a mis 1 h pour venir": a delay that may be the trip
        self.same = optional(words.same_words)  # "… et autant pour repartir": the trip back, the same
        self.same_trip = optional(words.same_trip_words)  # "…, même trajet": a later visit's trip, the same
        self.both_ways = optional(words.both_ways_words)  # "30 min de route dans chaque sens": there and back
        self.no_trip = optional(words.no_trip_words)  # "une visio d'1h15 (pas de trajet)": no travel
        self.unrelated = optional(words.unrelated_words)  # "…de 17h à 23h30, rien à voir": nobody's bill
        self.back = optional(words.return_words)
        self.part_of = optional(words.part_of_words)  # "3 h, dont 30 min de trajet": hours within hours said
        # read in `digits` text, where "combien d'heures" is split as "combien d' heures"
        self.hours_asked = optional([elided(asked) for asked in words.hours_asked_words])
        self.sessions_asked = optional([elided(asked) for asked in words.sessions_asked_words])
        # "j'ai calculé 15 h sur place": the user's own figure, to check
        self.own_figure = optional([elided(said) for said in words.own_figure_words])
        self.remaining = optional(words.remaining_words)  # "il nous reste combien d'heures ?": of an amount spent
        self.amount_asked = optional(words.amount_asked_words)
        self.invoiced = optional(words.invoiced_words)
        self.current_year = optional(words.cap_current_year_words)
        self.other_year = optional(words.cap_other_year_words)
        self.loss = optional(words.loss_words)
        self.budget_amount = optional(words.budget_amount_words)  # "l'enveloppe … est de 2 300 €": not a bill
        self.budget_links = folded_words(words.budget_amount_links)  # "1 500 € prévus au budget"
        self.income = optional(words.income_words)  # "j'ai vendu une pouliche 1 200 euros": no cost to add
        self.budget_enough = optional(words.budget_enough_words)  # "ça suffit ?": the budget against the price
        self.quote_amount = optional(words.quote_amount_words)  # "devis signé de 4 200 €": not invoiced
        self.indirect_loss = optional(words.indirect_loss_words)  # "perte d'image": a loss the cap never repairs
        self.deadline_words = optional(words.deadline_words)
        self.missed = optional(words.missed_deadline_words)
        self.notice_received = optional(words.notice_received_words)
        self.notice_sent = optional(words.notice_sent_words)
        self.announce = optional(words.announce_words)
        self.letter = optional(words.letter_words)  # "un courrier du CDG 62": who sent a letter (parties.py)
        self.letter_from = _at_end(words.letter_from_links)
        self.letter_to = _at_end(words.letter_to_links)
        self.letter_sent = optional(words.letter_sent_words)
        self.letter_subject = cue_pattern((), whole=words.letter_subject_words).compiled
        # "Au CDG 62, nous …" at the text's start (matched there alone) or after a sentence's mark (searched from the
        # marks, which the regex engine skips to: "^" as an alternative was tried at every character, 3.5 times slower).
        speaking = {
            party: rf"(?:{alternation(words.speaker_words)})\s+(?:{cue_pattern(spec.cues).pattern})[a-z]*[\s\d]*,?\s*nous(?![a-z])"
            for party, spec in words.parties.items()
            if words.speaker_words
        }
        self.speaker = {party: (re.compile(p), re.compile(rf"[.!?:,;]\s*{p}")) for party, p in speaking.items()}
        # "Service juridique de La Fibre Numérique 59 62. Nous …", "CDG 62, pôle numérique : …", "… de notre côté (La
        # Fibre)": the message says who writes it; its "nous" is that provider.
        self.writer = {
            party: writer_patterns(alternation(words.writer_words), cue_pattern(spec.cues).pattern)
            for party, spec in words.parties.items()
            if party != "commune" and words.writer_words
        }
        self.own_convention = optional(words.own_convention_words)
        self.other_contract_words = optional(words.other_contract_words, words.other_contract_whole_words)
        self.this_convention = optional(words.this_convention_words, words.this_convention_whole_words)
        self.address = optional(words.address_words)
        self.price_asked = optional(words.price_asked_words)
        self.time_asked = optional(words.time_asked_words)
        self.interest = optional(words.interest_words)
        terms, days = words.payment_term_words, words.payment_term_units  # "payable à 30 jours": the days, read
        self.payment_term = (
            re.compile(rf"(?<![a-z])(?:{alternation(terms)})\s*(\d{{1,3}})\s*(?:{alternation(days)})(?![a-z])")
            if terms and days
            else None
        )
        self.total = optional(words.total_words)
        self.budget_words = {
            "whole": optional(words.shared_budget.whole_words),
            "apart": optional(words.shared_budget.apart_words),
        }
        rates = alternation(map(elided, words.rate_after_words))  # read in `digits` text: "l'heure" is "l' heure" there
        self.rate_after = re.compile(rf"\s*(?:{rates})") if words.rate_after_words else None
        # "mettre fin à la convention au 31/03/2027": a termination word, then (no sentence end) a link at the date.
        self.end_link = _at_end(words.end_links)
        self.end_link_weak = _at_end(words.end_links_weak)
        self.delay_before = _at_end(words.delay_before_words)
        later = alternation(map(elided, words.delay_after_words)) if words.delay_after_words else None
        self.delay_after = re.compile(rf"\s*(?:{later})(?![a-z])") if later else None  # "48h après", "24 h plus tard"
        self.stay_before = _at_end(words.stay_words)  # "reparti 2 h après son arrivée": the stay
        # "30 min aller": read right after the hours, in `digits` text ("à l'aller" is "a l' aller" there)
        after = alternation(map(elided, words.travel_after_words)) if words.travel_after_words else None
        self.travel_after = re.compile(rf"\s*(?:{after})(?![a-z])") if after else None
        summed = alternation(map(elided, words.total_after_words)) if words.total_after_words else None
        self.total_after = re.compile(rf"\s*(?:{summed})(?![a-z])") if summed else None  # "2h30 en tout": no delay
        units = alternation(words.distance_units) if words.distance_units else None
        self.distance = re.compile(rf"\d\s*(?:{units})(?![a-z])") if units else None  # "25 km"
        self.distance_word = optional(words.distance_units)  # "indemnisé à 0,50 €/km": a mileage, not a loss
        links = alternation(words.distance_rate_links) if units and words.distance_rate_links else None
        self.distance_rate = re.compile(rf"\d\s*(?:{units})\s+(?:{links})\s*$") if links else None  # "80 km à 0,45 €"
        self.travel_cost = optional(words.travel_cost_words)  # "48 € de frais kilométriques": in the hourly rate

    def other_contract(self, folded: str) -> bool:
        """Does `folded` name another contract ("le bail de la salle", "son propre fournisseur"), neither this convention
        nor an organisation of the convention (the commune aside)? Its dates are that contract's, never this one's."""
        if not self.other_contract_words or not self.other_contract_words.search(folded):
            return False
        rest = self.other_contract_words.sub(" ", folded)  # "la convention d'occupation du gymnase": not this one
        named = any(pattern.search(folded) for party, pattern in self.parties.items() if party != "commune")
        return not (named or (self.this_convention and self.this_convention.search(rest)))

    def ends_at_once(self, folded: str) -> bool:
        """Does the message ask to end the convention at once ("résilier du jour au lendemain ?", "résilier avant
        l'échéance ?")? Not "date limite pour dénoncer avant l'échéance ?": with a deadline asked besides, "avant
        l'échéance" is the notice's own wording (three months before it)."""
        if self.anytime.search(folded):
            return True
        early = self.early.search(folded) if self.early else None
        if early is None:
            return False
        rest = f"{folded[: early.start()]} {folded[early.end() :]}"
        return not (self.deadline_words and self.deadline_words.search(rest))


def joining(words: list[str]) -> re.Pattern[str]:
    """Words must stand alone ("et", not the end of "trajet"); a sign ("," "+") may touch a word ("aller,")."""
    signs = [w for w in words if not re.search(r"[a-z]", fold(w))]
    alone = [w for w in words if w not in signs]
    parts = [rf"(?<![a-z])(?:{alternation(alone)})(?![a-z])"] if alone else []
    return re.compile("|".join(parts + ([f"(?:{alternation(signs)})"] if signs else [])))


def _at_end(words: list[str]) -> re.Pattern[str] | None:
    """Words that end the text they are searched in (right before a date), or None for an empty list."""
    return re.compile(r"(?<![a-z])(?:" + alternation(words) + r")\s*$") if words else None


def near(pattern: CuePattern, reach: int | None) -> CuePattern:
    """`pattern`, its cues found only `reach` characters at most before the end of the window (the date), if set:
    "nous sommes le 5 décembre" is today, not "nous sommes liés par la convention depuis le 8 septembre"."""
    if reach is None:
        return pattern
    return CuePattern(re.compile(rf"(?:{pattern.pattern})(?=[^.;!?]{{0,{reach}}}$)"), pattern.longest)


def optional(words: list[str], whole: list[str] | None = None, unless: list[str] | None = None) -> CuePattern | None:
    """The cue pattern of `words` (and of `whole`, matched as whole words only; none inside a phrase of `unless`), or
    None when both are empty; a word with an elision matches too as `digits` writes it ("à l'aller" is "a l' aller")."""
    return cue_pattern(both_forms(words), whole=whole or (), unless=unless or ()) if words or whole else None


def both_forms(words: list[str]) -> list[str]:
    """`words`, for those with an apostrophe their form split after the elision (number_text.elided), and for those
    with a number word their form in figures ("une seule fois" is "1 seule fois" in `digits` text)."""
    split = (elided(word) for word in words if "'" in word or "’" in word)
    return list(dict.fromkeys([*words, *split, *(in_figures(word) for word in words)]))
