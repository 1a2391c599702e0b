"""Which hours of a message the CDG 62 bills (Article 4.2.1), and how many times: each duration's role from its part of
the sentence (an intervention, travel, an outage…), the count before it ("2 interventions de 3 h"), travel for each visit."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..cost import Duration
from .added import WORDS
from .base import Context, sentence_start
from .hours_parties import SENTENCE_END, SENTENCE_MARKS, HoursParties
from .parties import Parties
from .trips import SAME_REACH, next_start
from .visit_parts import Part, apart_bounds
from .visit_sentences import VisitSentences

_BACK_END = re.compile(r"[.!?(]|\d")  # where a trip back's words stop: a sentence's end, an aside, other figures
PART_OF_GAP = 3  # words between "dont" and the hours that are a part ("dont le trajet : 30 min")
CLAIM_REACH = 12  # characters between a billing word and the hours it bills ("nous facture 3 h")
BILL_REACH = 30  # characters between a billing word and the amount it bills ("la facture du CDG de 175 €")


class BilledHours(HoursParties):
    """The roles and counts of a message's hours."""

    def __init__(self, context: Context, parties: Parties) -> None:
        super().__init__(context)
        self.parties, self.sentences = parties, VisitSentences(self.cues, self.words.durations)

    def each_visit_trips(self, text: str, parts: list[Part]) -> tuple[list[Part], int, bool]:
        """`parts` with a trip told apart from visits on their own days counted for each visit ("il a 35 min de route"),
        how many visits a trip said once goes with (0: none, Trips.visits_apart), whether counted for each (trips_apart)."""
        visits = self.travel_once(text, parts) if self.visits_apart(text, parts) else 0
        if not (visits and self.trips_apart(text, parts)):
            return parts, visits, False
        return [replace(p, count=p.count * visits) if p.role == "travel" else p for p in parts], visits, True

    def roles(self, text: str, durations: list[Duration]) -> tuple[list[tuple[Duration, str]], bool]:
        """Each duration with its role, and whether training hours were priced as the CDG 62's time."""
        roles: list[tuple[Duration, str]] = []
        trained = False
        for i, d in enumerate(durations):
            bounds = apart_bounds(durations, i, len(text))
            after = roles[-1] if roles else None  # "3 h, dont 1 h de trajet": a part of the hours said just before
            # "avec une pause de 15 min": taken off the stay (pauses.py); "entre midi et 12h50": within the stay
            part = (after and self._part_of(text, *after, d)) or d.inside
            role = self.cues.pauses.role(text, d) or ("included" if part else self._duration_role(text, d, bounds))
            if role == "training" and self.cdg_time_priced(text, d):
                role, trained = "intervention", True
            if role == "intervention":
                # "a mis 48h à venir, on paie les 48h ?": the same hours said again keep the role they were given (not a
                # writer's aside's: "(11h30-13h30)"); hours listed right after opening hours are opening hours too
                kept = ("intervention", "included")
                said = (
                    r
                    for e, r in roles
                    if r not in kept and self.months.said_again(text, e, d) and not (d.clock or self.aside(text, e))
                )
                listed = after and after[1] == "opening" and self._listed_after(text, after[0], d)
                remote = self.cues.no_trip and self.cues.no_trip.search(self._around(text, d))  # "4 visios d'1 h"
                role = "opening" if listed else role if remote else next(said, role)
            roles.append((d, role))
        # "dont une réunion de 10h à 11h": not added; "… seules interventions sur site ?": no call's hours (trips.py)
        roles = self.on_site_only(text, self.months.apart(text, self.within_visits(text, roles)))
        for i in range(len(roles) - 1):  # "45 min pour venir et 45 min pour repartir": the trip there is travel too
            (d, role), (_, then) = roles[i], roles[i + 1]
            # ... and "40 min pour venir. Resté de 10h à 12h. Puis 40 min pour repartir": a trip back said later
            back = any(r == "travel" and self._said_back(text, e) for e, r in roles[i + 1 :])
            if role == "delay" and (then == "travel" or back) and self.cues.trip:
                roles[i] = (d, "travel") if self.cues.trip.search(self._around(text, d)) else roles[i]
        for i, (d, role) in enumerate(roles):  # "45 min pour venir et autant pour repartir": travel, there and back
            if role != "travel" and self.cues.trip and self._same_back(text, d, next_start(durations, d)):
                roles[i] = (d, "travel") if self.cues.trip.search(self._around(text, d)) else roles[i]
        # "les illuminations sont programmées de 17h à 23h30, rien à voir": hours of a sentence said unrelated, not the
        # visit's, given the role of hours nobody bills (own_staff's, as a council's meeting: left out, never priced)
        if (unrelated := self.cues.unrelated) and unrelated.search(text):
            visit = self.cues.intervention
            for i, (d, _role) in enumerate(roles):
                sentence = self._sentence_of(text, d, whole=True)
                if unrelated.search(sentence) and not (visit and visit.search(sentence)):
                    roles[i] = (d, "own_staff")
        # "à 1 h 15 de route, donc 2 h 30 de trajet au total": trip hours a later trips' total sums are a part of it
        for i, (d, role) in enumerate(roles):
            if role == "travel" and any(r == "travel" and self._sum_of(text, d, e) for e, r in roles[i + 1 :]):
                roles[i] = (d, "included")
        # "le CDG nous facture 3 h … il est arrivé à 14h et reparti à 15h45, 30 min de route": hours said billed beside
        # the visit's own hours and its trip are the bill to check, never hours to add (`claimed_words`)
        # ... and so are hours a billed amount said just before pays for ("la facture de 175 € pour 3h30"), trip or not
        bills = self._billed_amounts(text) if any(role == "intervention" for _, role in roles) else []
        paid = {i for i, (d, role) in enumerate(roles) if role == "intervention" and _paid_for(text, d, bills)}
        claimed = [i for i, (d, role) in enumerate(roles) if role == "intervention" and self._claimed(text, d)]
        claimed = sorted(paid.union(claimed))
        visit = self.cues.intervention  # the visit's own hours say the CDG 62 was there ("arrivé à 14h", "venu 2 h")
        said = [d for i, (d, role) in enumerate(roles) if role == "intervention" and i not in claimed]
        travel = any(role == "travel" for _, role in roles)  # else the difference may be the trip, billed too
        if claimed and (travel or paid) and visit and any(visit.search(self._sentence_of(text, d)) for d in said):
            roles = [(d, "claimed") if i in claimed else (d, role) for i, (d, role) in enumerate(roles)]
        return self.sentences.apart(text, roles), trained  # "j'ai roulé 4h30. Le CDG est venu 2 h": not its

    def _listed_after(self, text: str, before: Duration, duration: Duration) -> bool:
        """Are these hours the next item of a list after `before`: a link ("et", ",") and one word at most between?"""
        gap, link = text[before.end : duration.start], self.cues.addition
        listed = link is not None and not SENTENCE_END.search(gap) and link.search(gap) is not None
        return listed and len(WORDS.findall(link.sub(" ", gap))) <= 1

    def _billed_amounts(self, text: str) -> list[int]:
        """Where each amount a billing word stands shortly before ends ("la facture du CDG de 175 €"; not a quote's)."""
        claimed = self.cues.claimed
        return [
            self.reader.amount_end(text, start)
            for _, start in self.reader.amount_spans(text)
            if claimed and claimed.search(text, max(0, start - BILL_REACH), start)
        ]

    def _claimed(self, text: str, duration: Duration) -> bool:
        """Hours right after a billing word ("nous facture 3 h", "facturé 4 h")."""
        claimed = self.cues.claimed
        return bool(claimed and claimed.search(text, max(0, duration.start - CLAIM_REACH), duration.start))

    def _over_periods(self, text: str, part: Part) -> Part:
        """`part` billed each period it is said for, over the span said ("2 visites de 1 h par mois pendant 6 mois": 12)."""
        counted = part.count != 1 and not self.per_period_after(text, part.duration.end)  # the whole span's visits
        periods = 0 if counted or part.role != "intervention" else self.periods(text, part.duration)
        return replace(part, count=part.count * periods) if periods else part

    def counted(self, text: str, own: list[tuple[Duration, str]], listed: Sequence[Duration] = ()) -> list[Part] | None:
        """The billed hours with how many times each is billed; None when travel is said for each visit ("à chaque fois
        30 min de trajet") and the visits are not clear. `listed`: hours of visits counted, not billed ("deux
        demi-journées : le 3 de 9h à 12h, et le 17 de 9h à 12h, annulée"): never the first's again."""
        unbilled = [Part(d, "intervention", 1) for d in listed]  # (no range is then the visits' only one)
        starts = sorted([d.start for d, _ in own] + [d.start for d in listed])
        visits = sorted([d.start for d, role in own if role == "intervention"] + [d.start for d in listed])  # no trips
        back = self._backs(text, own)
        # "2 h par mois pendant 6 mois": the hours of each period, billed as many times
        parts = [Part(d, role, self.repeats(text, d, starts, visits)) for d, role in own]
        parts = [self._on_days(text, self._over_periods(text, p), parts + unbilled) for p in parts]
        parts = self.same_trips(text, parts)
        seen = parts + unbilled
        each = {
            i
            for i, p in enumerate(parts)
            if p.count == 1
            and (self._each(text, p.duration, parts) or self._recurring(text, p) or self._day_of(text, p, seen))
        }
        each = self.each_trip(text, parts, each)  # the trips said with hours of each visit are each visit's too
        # "on voudrait 3 venues, 20 min de route": a visit count and no visit's hours, each visit's trip
        if not visits and len(self._said_visits(text)) == 1:
            each |= {i for i, p in enumerate(parts) if p.role == "travel" and p.count == 1}
        # "par intervention, 30 min de route aller et autant au retour": each visit's trip, there and back
        twice = [replace(p, count=p.count * 2) if again else p for p, again in zip(parts, back, strict=True)]
        if not each:
            return twice
        # "4 fois, 1 h de route et 2 h sur place à chaque fois": the visits are counted from the other hours
        count = self.visits(text, [p for i, p in enumerate(twice) if i not in each])
        if count is None:
            return None
        return [replace(p, count=count * p.count) if i in each else p for i, p in enumerate(twice)]

    def travel_once(self, text: str, parts: list[Part]) -> int:
        """How many visits travel said once goes with ("3 interventions de 2 h, 30 min de trajet": once?), else 0."""
        visits = sum(p.count for p in parts if p.role == "intervention")
        ways = self._backs(text, [(p.duration, p.role) for p in parts])  # "30 min dans chaque sens": 2, once
        travel = [(p, 1 + back) for p, back in zip(parts, ways, strict=True) if p.role == "travel"]
        if visits < 2 or not travel or any(p.count > n or self._each(text, p.duration, parts) for p, n in travel):
            return 0
        if self.cues.no_trip and self.cues.no_trip.search(text):
            return 0  # "lundi une visio (pas de trajet), jeudi un passage": the trip said once is the one there was
        if self.cues.total and any(self.cues.total.search(self._around(text, p.duration)) for p, _ in travel):
            return 0  # "1 h de trajet au total": once, as written
        once = self.cues.once
        said_once = once and any(once.search(self._sentence_of(text, p.duration, whole=True)) for p, _ in travel)
        return 0 if said_once else visits  # "…, une seule fois dans la journée": once, as written

    def _each(self, text: str, duration: Duration, parts: list[Part]) -> bool:
        """Are these hours said for each visit ("à chaque fois", "par déplacement", "chacun", "Chaque trajet : 30 min")?
        Travel also when its sentence says so before it, after any visit's hours ("À chaque fois, 20 min à l'aller et
        20 min au retour"; not "2 interventions de 3 h chacune et 1 h de trajet")."""
        around = self.reader.clause_around(text, duration.start, duration.end, labelled=True)
        around = self.without_both_ways(around)  # "dans chaque sens": the trip there and back, not each visit
        if self.cues.each is None or self.cues.each.search(around):
            return self.cues.each is not None
        if next(p.role for p in parts if p.duration is duration) != "travel":
            return False
        ends = (p.duration.end for p in parts if p.role != "travel" and p.duration.end <= duration.start)
        visits = (min(self.reader.clause_end(text, end), duration.start) for end in ends)  # "3 h chacune": theirs
        opening = sentence_start(text, duration.start, SENTENCE_MARKS)
        if self.cues.each.search(text, max(opening, *visits, 0), duration.start):
            return True
        if self.said_right_after(text, duration.end, self.cues.each):
            return True  # "40 minutes pour repartir, à chaque fois aussi": said of the clause's trip, right after it
        # "30 min pour venir et autant pour repartir à chaque fois": said after the trip back, before any aside
        back = _BACK_END.search(text, duration.end, duration.end + SAME_REACH)
        stop = back.start() if back else duration.end + SAME_REACH
        if not self._same_back(text, duration, stop):
            return False
        if self.cues.each.search(self.without_both_ways(text[duration.end : stop])):
            return True
        # "…, et autant pour rentrer, à chaque passage", "… pareil pour repartir, les 2 fois": right after the trip back
        same = self.cues.same.search(text, duration.end, stop) if self.cues.same else None
        return bool(same) and self.said_right_after(text, same.end(), self.cues.each)

    def _day_of(self, text: str, part: Part, parts: list[Part]) -> bool:
        """The visits' only range, in a message that says how many visits there are ("trois séances … de 9h à
        10h30"): one day's hours, those of each visit. Not when the count is that of other hours ("Trajet : 2 fois
        25 min": the trip there and back)."""
        repeated = any(p.count > 1 for p in parts)
        return _only_range(part, parts) and not repeated and len(self._said_visits(text)) == 1

    def _on_days(self, text: str, part: Part, parts: list[Part]) -> Part:
        """The visits' only range after the days of its sentence ("venu mardi, jeudi et vendredi de 9h à 10h30"):
        those of each day listed, when the message writes no count of visits."""
        if part.count != 1 or not _only_range(part, parts) or self._said_visits(text):
            return part
        days = self.days_listed(text, part.duration)
        return replace(part, count=days) if days > 1 else part

    def _part_of(self, text: str, before: Duration, role: str, duration: Duration) -> bool:
        """Are these hours, in the sentence of those `before` them, a part of them ("3 h, dont 1 h de trajet"), the next
        item of such a part ("5 h dont 3 h sur place et 2 h de route") or them again as a range ("3 h 30 chacune (8 h 30
        – 12 h)")? Not after "dont" far from them ("2 h sur le serveur dont le disque était plein, et 1 h de trajet")."""
        gap = text[before.end : duration.start]
        if self.cues.part_of is None or SENTENCE_END.search(gap):
            return False
        # the same hours said again as a range; never a range after a range ("8h30-12h et 13h-16h30": two sessions)
        again = duration.clock and not before.clock and duration.hours == before.hours
        head, bracket, opener = gap.rpartition("(")  # "(de 9 h à 11 h)": one word at most opens the range
        if again and bracket and len(opener.split()) <= 1:
            return len(head.split()) <= PART_OF_GAP
        # "1 h 30 chacune, de 9h à 10h30": after a comma and at most the word saying "each"
        words = gap.replace(",", " ").split()[:-1]  # its last word opens the range ("de", "entre")
        if again and len(words) <= 1:
            return not words or bool(self.cues.each and self.cues.each.fullmatch(words[0]))
        said = [m.end() for m in self.cues.part_of.finditer(gap)]
        if said and len(gap[said[-1] :].split()) <= PART_OF_GAP:
            return True
        return role == "included" and not before.clock and len(gap.split()) <= PART_OF_GAP + 1  # not a range again


def _only_range(part: Part, parts: list[Part]) -> bool:
    """Are `part`'s hours the visits' only ones, from a time of day to another ("de 9h à 10h30")?"""
    return part.duration.clock and [p for p in parts if p.role == "intervention"] == [part]


def _paid_for(text: str, duration: Duration, bills: list[int]) -> bool:
    """Hours right after a billed amount and one word ("… 175 € pour 3h30"): what that amount pays for."""
    return any(
        end <= duration.start <= end + CLAIM_REACH and len(text[end : duration.start].split()) == 1 for end in bills
    )
