"""Durations and euro amounts in French questions (their price and how answers write them: money.py).

Number words ("vingt-cinq heures", "deux heures trente") are turned into digits by `text2num` (a maintained parser of
French numbers) before the patterns below read them. Every pattern is linear-time: a number can only start where no
digit, dot or comma precedes it, and it is read possessively, so "1,1,1,…" is scanned once.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from .calendar_names import calendar_names
from .carried_units import CarriedUnits
from .clock_lists import listed_times
from .duration_grammar import DurationGrammar
from .duration_values import Duration, checked_duration
from .french import fold
from .number_text import digits, elided
from .times_of_day import TimesOfDay
from .word_patterns import alternation, folded_words, scanned

# A number's first character, then what stands before it checked behind: as "(?<![\w.,^])(-?\d++…)", but the regex
# engine jumps from "-" or digit to the next one (`_amount` alike); "2x25 min" touches a count's sign (visits.py).
_NUMBER = (
    r"((?:-(?<![\w.,^/⁄]-)\d|\d(?:(?<![\w.,^/⁄]\d)|(?<=\d[x×]\d)))\d*+(?:[.,]\d++)*+(?:\s*(?:\^|\*\*|e\+?)\s*\d+)?)"
)
# An aside in brackets holding a number ("(mairie ouverte de 8 h 30 à 12 h)") or over three words is a part of its own,
# giving no role to the figures outside it; a few words without one ("1 h (aller-retour)") say what precedes them.
_PUNCTUATION_BREAK = r"[.;:!?,)]|\((?=[^()]*\d|\s*(?:[^()\s]+\s+){3}[^()\s])"
CLAUSE_REACH = 80  # characters looked at on each side of a duration for its role
LABEL_WORDS = 3  # "trajet aller-retour : 45 min" names its hours; a longer text before a colon is a sentence
# A sentence's label: its first words, up to a colon, then no sentence end up to the duration.
# a sentence's label, or a list item's ("…, je compare : - prévu au devis : 4 demi-journées de 3 h ; - réalisé : …"),
# up to 48 characters ("Permanence de l'accueil du public ce jour-là :"; not "Notre agent a saisi pour la commune de … :")
_LABEL = re.compile(r"(?:^|[.!?;]\s+|:\s+(?=[-•*]))(?:[-•*]\s+)?([^.!?:;\d]{3,48}):[^.!?:;]*$")
TIME_OF_DAY_REACH = 12  # characters before "14h" where "à" or "vers" make it a time of day
EVENT_DAY_REACH = 30  # characters before "10h35" where an event and its day are read ("Appel — sam. 28/11, 10h35")


class DurationReader:
    """Durations and amounts as French writes them, from the grammar in knowledge/calculations.yaml."""

    def __init__(self, grammar: DurationGrammar) -> None:
        hour, minute = alternation(grammar.hour_units), alternation(grammar.minute_units)
        self._fractions = {" ".join(fold(word).split()): minutes for word, minutes in grammar.fractions.items()}
        link, fraction = alternation(grammar.fraction_links), alternation(self._fractions)
        after_minutes = rf"(?:\s*(?:{minute})(?![a-z]))?"
        # "2 h 05", "2 h 5 min"; not "2 h 1 fois", nor a date's day ("2h 26/10", "2 h 26 octobre": the next line's date),
        # nor a number counting something else ("3 heures 10 fois dans l'année", "2 h 50 € de l'heure", "3 h 10 km")
        months, counted = alternation(calendar_names().months), alternation([*grammar.currency, *grammar.counted_after])
        minutes = rf"\d\d(?![\d/]|\.\d|\s+(?:{months})(?![a-z])|\s*(?:{counted})(?![a-z]))|\d(?!\d)(?=\s*(?:{minute})(?![a-z]))"
        # "1 heure et demie": "et" links a fraction word only ("2h et 3h" is two durations, never 2 h 03).
        self._duration = re.compile(
            rf"{_NUMBER}\s*(?:({hour})|({minute}))(?![a-z])"
            rf"(?:\s*(?:(?:{link})\s+(?=(?:{fraction})(?![a-z])))?({fraction}|{minutes}){after_minutes})?"
        )
        self._times = TimesOfDay(grammar)
        self._carried = CarriedUnits(grammar.carried_unit_links, [elided(w) for w in grammar.carried_unit_after])
        # "une demi-heure", "3 quarts d'heure": the cue words go through the same elision split as `digits`.
        # An elision may be written without its apostrophe ("TROIS QUARTS D HEURE", dictated or in capitals).
        forms = [(elided(word), minutes) for word, minutes in grammar.hour_fractions.items()]
        self._hour_fractions = dict([*forms, *((form.replace("' ", " "), minutes) for form, minutes in forms)])
        self._hour_fraction = re.compile(
            rf"(?<![\w.,])(?:(\d{{1,2}})\s+)?({alternation(self._hour_fractions)})(?![a-z])"
        )
        self._fraction_words = folded_words(self._hour_fractions)
        # "à 12 heures par an": hours per period are an amount of time, whatever word comes before them.
        self._period = (
            re.compile(rf"\s*(?:{alternation(grammar.period_words)})(?![a-z])") if grammar.period_words else None
        )
        self._rate = re.compile(rf"(?<![a-z])(?:{alternation(grammar.rate_words)})\s*$") if grammar.rate_words else None
        self._days = (
            re.compile(rf"(?<![\w.,])\d{{1,3}}\s+(?:{alternation(grammar.day_units)})(?![a-z])")
            if grammar.day_units
            else None
        )
        self._break = re.compile(rf"{_PUNCTUATION_BREAK}|(?<![a-z])(?:{alternation(grammar.clause_breaks)})(?![a-z])")
        currency, thousands = alternation(grammar.currency), alternation(grammar.thousand_marks)  # "k": "1,5 k€"
        attached = rf"|(?<=\d\d)(?:{alternation(grammar.attached_currency)})" if grammar.attached_currency else ""
        # "1 980 €", "2.500 euros", "75,50 €", "520e" (SMS; not "2e année"), "1,5 k€": an amount, thousands grouped or not.
        self._amount = re.compile(
            rf"(\d(?<![\d,.]\d)(?:\d{{0,2}}(?:[ .]\d{{3}})++|\d*))(?:,(\d{{1,2}}))?( ?(?:{thousands}))?(?: ?(?:{currency}){attached})(?![a-z])"
        )

    def durations(self, text: str) -> list[Duration]:
        """Every duration in `text` (passed through `digits`), in order; a range counts as one."""
        text = self._times.written(text)
        found: list[Duration] = []
        taken: list[tuple[int, int]] = []
        ranges = self._times.ranges(text)
        for start, end, hours, _ in ranges:
            written = text[start:end].strip()
            taken.append((start, end))
            if hours is None:  # "de 14h à 13h"
                problem = f"« {written} » : l'heure de fin doit suivre l'heure de début"
                found.append(Duration(written, None, problem, start, end))
            else:
                found.append(Duration(written, hours, start=start, end=end, clock=True))
        clock: list[re.Match[str]] = []  # times of day ("à 14h"), read below as arrivals and departures
        maybe: set[int] = set()  # of those, the ones that are hours unless they make a stay ("début 9h")
        times: set[str] = set()  # those said as times of day ("à 18 h"), as written without spaces
        hour_matches = list(self._duration.finditer(text))
        listed = listed_times(text, hour_matches, ranges)  # "(8h45, 10h, 11h10, 14h)": when, not how long
        for match in hour_matches:
            before = text[max(0, match.start() - TIME_OF_DAY_REACH) : match.start()]
            per_period = self._period is not None and self._period.match(text, match.end())
            if any(a <= match.start() < b for a, b in taken) or self._times.is_bound(text, match.start()):
                continue
            # Minutes alone are never a time of day ("reparti à 16h30 après 30 min de route").
            # A clock's hours are written with their minutes ("14h30"): "un délai de 72 h", "de 12 h" may be durations.
            clock_hour = int(match.group(1)) if match.group(4) and match.group(1).isdigit() else 0
            spent = self._times.spent(text, match.end())  # "le formateur a 1h de route"
            said = "".join(match.group().split()).lower()  # as written, without spaces: "18 h" is "18h"
            timed = not per_period and not spent and "h" in match.group().lower()
            if timed and match.start() not in listed:  # (a listed time is one: its own words are not read)
                hours = int(match.group(1)) if match.group(1).isdigit() else 0
                padded = match.group(1).startswith("0") and bool(match.group(4))  # "08h50", "08:50"
                wide = text[max(0, match.start() - EVENT_DAY_REACH) : match.start()]
                timed = self._times.is_time(before, clock_hour, hours, wide, padded=padded)
            if timed:
                clock.append(match)
                times.add(said)
            elif not per_period and self._times.milestone(text, match.start(), before, clock_hour):
                maybe.add(len(clock))
                clock.append(match)
            elif said in times:
                continue  # "on se retrouve à 18 h … oui oui 18 h": that time said again, no hours spent
            elif written := self._written(match):
                found.append(written)
                unit = 60 if match.group(2) else 1  # "30 minutes à l'aller et 30 au retour": the second in minutes
                found.extend(
                    checked_duration(n, n, unit, 0, span) for n, span in self._carried.after(text, match.end())
                )
        stays, paired = self._times.stays(text, clock)
        went_on = self._times.later.stays(text, ranges, clock, paired)  # "… est restée seule jusqu'à 11h30"
        found.extend(
            Duration(text[s:e], hours, start=s, end=e, clock=True, went_on=(s, e, hours, span) in went_on)
            for s, e, hours, span in [*stays, *went_on]
        )
        # "arrivé à 9h, reparti à 14h. Entre midi et 12h50 il a mangé …": a range within a stay is no time added to it
        within = {start for start, _, _, (a, b) in ranges if any(s <= a and b <= e for *_, (s, e) in stays)}
        found = [replace(d, inside=True) if d.clock and d.start in within else d for d in found]
        # "de 9h à 17h, dont une réunion de 10h à 11h": within another range, its role says (billed.py)
        outer = self._times.nested(text, ranges)
        found = [replace(d, outer=outer[d.start]) if d.clock and d.start in outer else d for d in found]
        found.extend(d for i in sorted(maybe - paired) if (d := self._written(clock[i])))
        for match in scanned(self._hour_fraction, text, self._fraction_words):
            before = text[max(0, match.start() - TIME_OF_DAY_REACH) : match.start()]
            if self._rate and not match.group(1) and self._rate.search(before):
                continue  # "au quart d'heure près": a billing step, not hours spent
            if not any(a <= match.start() < b for a, b in taken) and not _inside(found, match.start()):
                minutes = self._hour_fractions[" ".join(match.group(2).split())]
                found.append(checked_duration(match.group(0), match.group(1) or "1", minutes, 0, match.span()))
        return sorted(found, key=lambda d: d.start)

    def _written(self, match: re.Match[str]) -> Duration | None:
        """The duration a match of `_duration` writes ("2h30", "90 min"), or None ("30 min 20")."""
        per_unit = 60 if match.group(2) else 1
        extra = match.group(4) or "0"
        if per_unit == 1 and extra != "0":
            return None  # "30 min 20": not a duration this reads
        added = self._fractions.get(extra) or int(extra)
        return checked_duration(match.group(0).strip(), match.group(1), per_unit, added, match.span())

    def days(self, text: str) -> list[str]:
        """Counts of days in `text` (passed through `digits`): "3 jours", "1 demi-journee"."""
        return [match.group(0) for match in self._days.finditer(text)] if self._days else []

    def first(self, question: str) -> Duration | None:
        """The first duration written in `question` (3 h, 2h30, 90 min, trois heures, de 9h à 12h)."""
        found = self.durations(digits(question))
        return found[0] if found else None

    def clause_around(
        self, text: str, start: int, end: int, *, labelled: bool = False, bounds: tuple[int, int] | None = None
    ) -> str:
        """The words of `text` around [start, end) up to the nearest break (comma, "et", full stop); `labelled`: after
        the label its sentence opens with, if any ("Horaires de la mairie : 8 h 30 - 12 h et 14 h - 17 h"); `bounds`:
        within them only (between the hours said before and after: "2h sur place trajet 30 min" are two parts)."""
        low, high = bounds or (0, len(text))
        opening, closing = text.rfind("(", low, start), text.find(")", end, high)
        if opening >= 0 and closing >= 0 and not text[opening + 1 : start].strip() and not text[end:closing].strip():
            start, end = (
                opening,
                closing + 1,
            )  # "40 km (35 min) pour venir": the figure alone, read where its brackets are
        first = max(0, start - CLAUSE_REACH)
        before = list(self._break.finditer(text, max(low, first), start))
        if labelled and before and before[-1].group() == ":" and not text[before[-1].end() : start].strip():
            named = text[before[-2].end() if len(before) > 1 else max(low, first) : before[-1].start()]
            if len(named.split()) <= LABEL_WORDS:
                before.pop()  # "2h sur place, route : 1 h": the word before the colon names the hours after it
        cut, stop = before[-1].end() if before else max(low, first), min(high, self.clause_end(text, end))
        # A bracket whose words come before the figure is its part ("(ouverte le mardi et le jeudi de 9h à 12h)", "(l'an
        # dernier c'était 1 250 €)"); one holding the figure alone says what the words before it name ("le devis (1 250 €)").
        opening = text.rfind("(", max(low, first), start)
        if opening > text.rfind(")", opening, start) and any(c.isalpha() for c in text[opening:start]):
            cut = opening + 1
        # "sur place : 2 h route : 40 min": "route" names the hours right after its colon, not these
        label_after = text.startswith(":", stop) and not text[stop + 1 : high].strip()
        if labelled and label_after and len(text[end:stop].split()) <= LABEL_WORDS:
            stop = end
        clause = text[cut:stop]
        label = _LABEL.search(text, first, start) if labelled else None
        return f"{label.group(1)} {clause}" if label else clause

    def clause_end(self, text: str, end: int) -> int:
        """Where the part of the sentence going on at `end` stops: the next break, at most CLAUSE_REACH on."""
        after = self._break.search(text, end, end + CLAUSE_REACH)
        return after.start() if after else end + CLAUSE_REACH

    def amounts(self, text: str) -> list[Decimal]:
        """The euro amounts written in `text` (folded, one space between words)."""
        return [amount for amount, _ in self.amount_spans(text)]

    def amount_spans(self, text: str) -> list[tuple[Decimal, int]]:
        """Each euro amount of `text` with where it starts (the spaces replaced keep positions); one said again in
        brackets right after itself is one ("neuf cents euros (900 €)", in figures "900 euros (900 €)")."""
        spans: list[tuple[Decimal, int]] = []
        last: re.Match[str] | None = None
        for match in self._amount.finditer(text := _spaced(text)):
            amount = _euros(match)
            if not (last and spans[-1][0] == amount and _OPENING.fullmatch(text, last.end(), match.start())):
                spans.append((amount, match.start()))
            last = match
        return spans

    def amount_end(self, text: str, start: int) -> int:
        """Where the amount that `amount_spans` found at `start` ends (its currency word included)."""
        match = self._amount.match(_spaced(text), start)
        return match.end() if match else start


_OPENING = re.compile(r"\s*\(\s*")  # between an amount and the same said again in brackets


def _euros(match: re.Match[str]) -> Decimal:
    """The amount an `_amount` match writes: its units, cents, and thousands when it says so ("0,6 k€": 600 €)."""
    return Decimal(match[1].replace(" ", "").replace(".", "") + "." + (match[2] or "0")) * (1000 if match[3] else 1)


def _spaced(text: str) -> str:
    """Narrow and non-breaking spaces as plain ones (same length: positions stay)."""
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def _inside(found: list[Duration], position: int) -> bool:
    return any(d.start <= position < d.end for d in found)
