"""The role of one duration of a message, from the words of its part of the sentence: an intervention, travel, an
outage, a delay, a training, opening hours, the collectivité's own staff (`duration_roles` of knowledge/calculations.yaml;
billed.py reads them all, with what they say of each other)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from ..calendar_names import calendar_names
from ..cost import Duration
from ..french import fold
from .added import word_end
from .asked_months import AskedMonths
from .base import ASIDE, Context, sentence_start
from .cues import CuePattern, optional
from .future_visits import to_come
from .trips import Trips
from .visit_parts import Part
from .visit_sentences import MARKS  # (";" ends a sentence for the price reading)

DISTANCE_REACH = 20  # characters before a travel word where a distance names its way ("60 km aller-retour")
DELAY_REACH = 20  # characters before hours where "dans un délai de" makes them a delay
# A time of day as the figures write it ("9h00", "12 h", "14:30"): a stay's first and last ones bound what is said of it
_CLOCK_TIME = re.compile(r"\d{1,2} ?[h:] ?\d{0,2}")
_SENTENCE_MARK = re.compile(f"[{re.escape(MARKS)}]")  # where a timetable row's label ends
_CANCELLED_COUNT = re.compile(r"[\s,;:(]*(?:\w+\s+)?(\d+)\s*")  # ", 2 annulés", ", dont 1 annulée": how many
_COUNT_BEFORE = re.compile(r"\d\s*$")  # a count right before the cue ("2 annulés", "dont 1 annulée")
# hours or an amount of the next part's own ("2 h lundi, 1 h jeudi sans le CDG"); not a number word read as a figure
# ("annulée, reportée à une date non fixée": "1 date")
_OWN_FIGURE = re.compile(r"\d\s*(?:h\b|h\d|min|heure|€|/\d)")
LABEL_GAP = 2  # words between a travel word and the hours it names ("trajet a/r 45 min")
SAID_AFTER = ("paid", "cancelled", "later_invoice", "without_cdg")  # roles the next part of a sentence may say


class DurationRoles(Trips):
    """The role of one duration."""

    def __init__(self, context: Context) -> None:
        super().__init__(context)
        # "jecris …", "moi …": the writer's own words, whole ("mois" is no "moi"), an elision before its word ("j'ai")
        writer = self.words.writer_aside_words
        self._writer = optional(
            [w for w in writer if w.endswith("'")], whole=[w for w in writer if not w.endswith("'")]
        )
        self._so_far = optional(self.words.so_far_words)  # "à ce jour": what is due now, not a visit to come
        to_come = self.words.duration_roles.get("to_come")
        self._done = optional(to_come.done) if to_come else None  # "il est venu hier …, et il revient le 8 pour 3h"
        # "Combien sur la facture d'octobre ?", "… au titre du troisième trimestre ?": their hours only
        ordinals = self.words.later_periods.ordinals
        asks = self.cues.amount_asked  # without "?", what a dictated message asks starts at its last "combien"
        priced = self.cues.price_asked  # "j'ai besoin du coût … entre le 1er septembre et le 31 octobre."
        names, words = calendar_names().numbers, self.words.asked_months
        paid = self.cues.duration_cues.get("paid")  # "Nous avons déjà payé la facture de septembre.": no period asked
        self.months = AskedMonths(names, words, ordinals, context.reported, asks, priced, paid)

    def _duration_role(self, text: str, duration: Duration, bounds: tuple[int, int]) -> str:
        """What hours are: an intervention, travel, an outage… (the cue in their part of the sentence, not beyond the
        hours said before and after them: those have their own)."""
        if self.aside(text, duration):
            return "own_staff"  # "jecris pendant la sieste des petits (13h-15h)": the writer's day, nobody's bill
        paid = self.cues.duration_cues.get("paid")
        if self.said_right_after(text, duration.end, paid):
            return "paid"  # "2 h en octobre, déjà payées": the clause right after the hours says it
        for role in SAID_AFTER:  # "une heure mardi, mais elle ira sur la facture de novembre"
            if self._said_in_next_clause(text, duration.end, self.cues.duration_cues.get(role)):
                return role
        head = text[sentence_start(text, duration.start) : duration.start]
        if paid and head.rstrip().endswith(":") and paid.search(head):
            return "paid"  # "Nous avons déjà payé la première venue, en octobre : 3 heures": what the colon opens
        before = self.cues.delay_before
        if before and before.search(text, max(0, duration.start - DELAY_REACH), duration.start):
            return "delay"  # "sous 48 heures": a time limit, not hours worked
        later = self.cues.delay_after.match(text, duration.end) if self.cues.delay_after else None
        stay = self.cues.stay_before  # "de 13h à 15h après la pause": a stay
        stayed = stay and stay.search(text, max(0, duration.start - DELAY_REACH), duration.start)
        if later and not duration.clock and not stayed:
            return "delay"  # "venu 48h après notre appel": the time before the visit, not "de 13h à 15h après la pause"
        after = self.cues.travel_after.match(text, duration.end) if self.cues.travel_after else None
        if after and not (self.cues.included and self.cues.included.match(word_end(text, after.end()))):
            return "travel"  # "30 min aller, 30 min retour" (not "2 h aller-retour compris")
        around = self.reader.clause_around(text, duration.start, duration.end, labelled=True, bounds=bounds)
        at = around.find(own := text[duration.start : duration.end])  # (where the hours start, kept below)
        if "(" in own:  # "arrivé à 9h15 (on ouvre à 8h30) et reparti à 11h45"
            around = around.replace(own, ASIDE.sub(" ", own))  # the aside inside a span is not said of it
        elif duration.clock and len(times := list(_CLOCK_TIME.finditer(own))) > 1:
            # "arrivée à 9h00, on a fermé l'accueil à 12h00 mais elle est restée jusqu'à 12h15": what happened between the
            # arrival and the departure is another story's (the reception closing), not said of the stay
            inner = own[times[0].end() : times[-1].start()]
            around = around.replace(own, own.replace(inner, " ", 1)) if inner.strip() else around
        for role, pattern in self.cues.duration_cues.items():
            if role == "delay" and self.cues.total_after and self.cues.total_after.match(text, duration.end):
                continue  # "il a mis 2h30 en tout": the time spent, not the time before a visit
            if match := self._cue(role, pattern, around):
                if self._opening_between(role, around, match, at, at + len(own)):
                    continue  # "45 min pour repartir la mairie elle est ouverte de 8h30 à midi": the nearer word's
                if role == "travel" and self._visit_named(around, match):
                    continue  # "2 h à chaque déplacement": each visit, not travel
                if role == "travel" and self.included(around, match):
                    continue  # "déplacements compris", "avec la route": the hours include the travel, not only it
                if role in ("outage", "own_staff") and self.cues.intervention and self.cues.intervention.search(around):
                    return "intervention"  # "venu de 23h à 2h pour la panne": the CDG 62's time on the outage
                if role == "opening" and self._visit_then_place(around, match, at):
                    return "intervention"  # "venu de 9h à 11h15 pour paramétrer le portail de réservation": its stay
                if role == "opening" and self._names_later_time(around, match, at + len(own)):
                    continue  # "revenu de 13h30 a 15h la mairie ferme a 17h": the closing time's word, not the stay's
                if role == "travel" and self._nearer_on_site(around, pattern, text[duration.start : duration.end]):
                    return "intervention"  # "2h sur place trajet 30 min": "sur place" is said of the 2h
                if role == "floor" and not (self.cues.each and self.cues.each.search(around)):
                    continue  # "il est resté 2 h minimum": time spent, not a floor said of every visit
                if role == "to_come" and not self._not_due_yet(text, duration):
                    return "intervention"  # "il revient mardi pour 2 h, combien ?": the visit asked, priced
                return role
        # "Il doit revenir le 15 décembre, pour une heure environ": the visit to come said earlier in the sentence
        to_come = self.cues.duration_cues.get("to_come")
        head = text[max(sentence_start(text, duration.start), bounds[0]) : duration.start]
        if to_come and to_come.search(head) and self._not_due_yet(text, duration):
            return "to_come"
        return "intervention"  # no cue: the hours of an intervention, as a price question means

    def less_cancelled(self, text: str, parts: list[Part]) -> tuple[list[Part], int]:
        """`parts`, a count of visits less those the words right after its hours say cancelled ("8 créneaux de 45 min, 2
        annulés": 6 are billed), and how many were taken off (the answer says so)."""
        cue, kept = self.cues.duration_cues.get("cancelled"), []
        for part in parts:
            said = _CANCELLED_COUNT.match(text, part.duration.end) if cue and part.role == "intervention" else None
            if said and cue and cue.compiled.match(text, said.end()) and 0 < int(said.group(1)) < part.count:
                part = replace(part, count=part.count - int(said.group(1)))
            kept.append(part)
        return kept, sum(p.count for p in parts) - sum(p.count for p in kept)

    def dated_to_come(self, text: str, roles: list[tuple[Duration, str]], today: date) -> list[tuple[Duration, str]]:
        """`roles`, the billed hours dated after `today` to come (future_visits.py), unless their sentence says them done
        before them ("le CDG 62 a fait 2 h le 18 novembre et 3 h le 9 décembre")."""
        done = self._done
        said = [bool(done and done.search(text, sentence_start(text, d.start), d.start)) for d, _ in roles]
        return to_come(roles, self.months.days(text, [d for d, _ in roles]), said, today)

    def _not_due_yet(self, text: str, duration: Duration) -> bool:
        """Are the hours of a visit to come not due yet: the message asks what is due so far, or tells a visit made
        before them?"""
        return bool(self._so_far and self._so_far.search(text)) or self._done_beside(text, duration)

    def _done_beside(self, text: str, duration: Duration) -> bool:
        """Are hours of a visit already made said beside those of a visit to come, before or after them ("venu hier de
        13h30 à 15h, et il revient le 8 pour 3h", "vient mardi prochain de 14h à 16h, et il est venu hier de 8h à
        10h30"): what is billed is the time spent, the visit to come not yet (duration_roles `to_come` `done`)?"""
        done = self._done
        return bool(done) and any(
            d.start != duration.start and done.search(self.reader.clause_around(text, d.start, d.end))
            for d in self.reader.durations(text)
        )

    def _said_in_next_clause(self, text: str, end: int, cue: CuePattern | None) -> bool:
        """Is `cue` said in the part of the sentence right after the one going on at `end`, that part holding no figure
        of its own nor opened by someone else ("1 h mardi, mais elle ira sur la facture de novembre"; not "2 h lundi,
        1 h jeudi sans le CDG")?"""
        if cue is None or (start := self.reader.clause_end(text, end)) >= len(text) or text[start] in MARKS:
            return False
        if text[start] == ":" and text[end:start].strip():
            return False  # "14h→14h45 ven 6 : annulé": the next item's label comes first
        opening = len(text) - len(text[start + 1 :].lstrip())  # its first word may be a break ("…, mais elle ira")
        stop, label = self.reader.clause_end(text, opening + 1), text[start] == ":"
        if label:  # "14h00-15h30 : réunion interne de l'équipe, sans le CDG": what the hours were, to the row's end
            stop = row_end.start() if (row_end := _SENTENCE_MARK.search(text, stop)) else len(text)
        following = text[start + 1 : stop]
        other = self.cues.other_subject  # "…, la réunion avec la secrétaire (sans le CDG)": the meeting's, not theirs
        if not label and other and other.compiled.match(fold(following).lstrip(" ,;:-–—•*")):
            return False
        found = cue.search(following) if not _OWN_FIGURE.search(following) else None
        # "8 créneaux de 45 min, 2 annulés": some of the visits counted, not these hours
        return bool(found) and not _COUNT_BEFORE.search(following, 0, found.start())

    def _cue(self, role: str, pattern: CuePattern, around: str) -> re.Match[str] | None:
        """The first cue of `role` in `around` outside the role's idioms ("mettre en route les logiciels")."""
        idioms = [
            p for p in (self.cues.duration_idioms.get(role), self.cues.no_trip if role == "travel" else None) if p
        ]
        spans = [(m.start(), m.end()) for idiom in idioms for m in idiom.finditer(around)]
        found = (m for m in pattern.finditer(around) if not any(a <= m.start() < b for a, b in spans))
        return next((m for m in found if role != "travel" or not self._of_distance(around, m.start())), None)

    def _opening_between(self, role: str, around: str, cue: re.Match[str], start: int, end: int) -> bool:
        """Does an opening hours' word stand between `cue` and the hours (`start`, `end` in `around`): in a sentence run on
        without stops, the nearer word is said of them ("… pour repartir la mairie elle est ouverte de 8h30 à midi")?"""
        if start < 0:
            return False
        span = (cue.end(), start) if cue.end() <= start else (end, cue.start()) if cue.start() >= end else None
        opening = self.cues.duration_cues.get("opening")  # (only opening hours: other roles' words go with a visit's)
        return span is not None and role != "opening" and bool(opening and opening.search(around, *span))

    def _visit_then_place(self, around: str, opening: re.Match[str], at: int) -> bool:
        """Is an intervention word said before the hours (at `at`) and the opening word only after them: the stay's
        hours, the opening word naming what was worked on ("est venu de 9h à 11h15 pour le portail de réservation")?"""
        visit = self.cues.intervention
        return 0 <= at < opening.start() and bool(visit and visit.search(around, 0, at))

    @staticmethod
    def _names_later_time(around: str, cue: re.Match[str], hours_end: int) -> bool:
        """Is the cue said after the hours (ending at `hours_end`) and followed by a time of day of its own, which it
        names ("de 13h30 a 15h la mairie elle ferme a 17h": the closing time, not the stay before it)?"""
        return 0 <= hours_end <= cue.start() and bool(_CLOCK_TIME.search(around, cue.end()))

    def _of_distance(self, around: str, start: int) -> bool:
        """Does a distance end right before `start` ("il vient de Bruay, 60 km aller-retour": the way of the distance,
        not of hours said further back)?"""
        window = around[max(0, start - DISTANCE_REACH) : start].rstrip()
        found = list(self.cues.distance.finditer(window)) if self.cues.distance else []
        return bool(found) and found[-1].end() == len(window)

    def _visit_named(self, around: str, travel: re.Match[str]) -> bool:
        """Is every travel word of `around` a visit counted one by one ("à chaque déplacement", "par déplacement": a
        noun of `session_nouns`), not the trip ("chaque trajet : 30 min")?"""
        each = [m.span() for m in self.cues.each.finditer(around)] if self.cues.each else []
        visits = tuple(fold(one.split()[-1]) for one in self.words.session_nouns.values())
        words = self.cues.duration_cues["travel"].finditer(around)
        return bool(each) and all(
            m.group().startswith(visits) and any(start < m.start() <= end + 1 for start, end in each) for m in words
        )

    def _nearer_on_site(self, around: str, travel: re.Pattern[str], hours: str) -> bool:
        """Is the first cue after `hours` an intervention word ("2h sur place trajet 30 min": "sur place" is said of
        the 2h, "trajet" of the 30 min)? An intervention word before the hours does not decide ("venu 1 h de
        route"); a travel word right before them names them ("déplacement a/r 1h sur place 2h30")."""
        if self.cues.intervention is None or (at := around.find(hours)) < 0:
            return False
        named = [m.end() for m in travel.finditer(around, 0, at)]
        if named and len(around[named[-1] : at].split()) <= LABEL_GAP:
            return False
        after = at + len(hours)
        on_site = self.cues.intervention.search(around, after)
        road = travel.search(around, after)
        return bool(on_site and (road is None or on_site.start() < road.start()))

    def aside(self, text: str, duration: Duration) -> bool:
        """Are the hours in brackets after words of the writer's own, no visit word before them: alone in brackets after
        such words in their sentence ("jecris pendant la sieste des petits (13h-15h)"), or after such words in the
        brackets themselves ("(pendant ce temps j'entraînais les minimes, 1h30 de séance)")?"""
        opening = text.rfind("(", 0, duration.start)
        closing = text.find(")", duration.end)
        if opening < 0 or closing < 0 or ")" in text[opening : duration.start] or "(" in text[duration.end : closing]:
            return False
        inside = text[opening + 1 : duration.start]
        alone = not inside.strip() and not text[duration.end : closing].strip()
        head = text[sentence_start(text, opening) : opening] if alone else inside
        writer, visit = self._writer, self.cues.intervention
        return bool(writer and writer.search(head)) and not (visit and visit.search(head))
