"""Dates read against today: counted back ("il y a 18 mois"), and written without a year ("le 22/01"), whose year is
chosen from the dated ones around them or from today (date_mentions.find_dates gives them all)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta
from functools import cache

from dateutil.relativedelta import relativedelta

from .calendar_names import calendar_names
from .date_mention import DateMention, yearless
from .date_mention import mention as written_date
from .french import fold
from .number_words import count_of

COUNT = r"(\d{1,3}|[a-z]+(?:[ -][a-z]+)?)"  # "il y a 18 mois", "dans trois jours": the count, in digits or words
_LIST_BREAK = re.compile(r"[.;!?\n]")  # what ends a list of dates (a sentence, a ";")
# "il y a 18 mois", "il y a un an et deux semaines": counted back from today, an approximate day (the answer says so);
# "il y a un an jour pour jour", "il y a exactement deux semaines": that very day. "Ça fait vingt mois que …", "voilà
# deux ans qu'…" too, before "que" only ("ça fait 2 ans de convention" is a length). Two patterns of one form, each
# scanned only when its lead is in the text, its word boundary checked behind: "il y a " is a literal prefix the regex
# engine finds fast; one alternation of the leads tries every position (measured 37 times slower).
_COUNTED_BACK = (
    rf"(?P<exactly>(?:exactement|precisement|tout juste|pile) )?{COUNT} (ans?|annees?|mois|semaines?)"
    rf"(?:( et demie?)| et {COUNT} (mois|semaines?|jours?))?\b( (?:jour pour jour|pile|aujourd'hui|aujourd hui)\b)?"
)
_AGO = re.compile(rf"il y a (?<!\wil y a )(?P<since>){_COUNTED_BACK}")
_SINCE = re.compile(rf"(?P<since>ca fait|cela fait|voila) (?<!\wca fait )(?<!\wcela fait )(?<!\wvoila ){_COUNTED_BACK}")
_SINCE_LEADS = ("ca fait ", "cela fait ", "voila ")
_THAT = re.compile(r" qu(?:e(?!\w)|')")  # after "ça fait deux ans": "que", "qu'"
_AGO_UNITS = {"an": "years", "ans": "years", "annee": "years", "annees": "years", "mois": "months"}
WEEKS_SAID_IN_DAYS = {8: 1, 15: 2}  # as French counts weeks: "dans huit jours", "il y a quinze jours" (approximate)
NEAR_FUTURE = timedelta(days=92)  # how far after today a day without a year may be read, after a dated day
# A day and a month in digits, no year, after "le", "du", "au" or a weekday ("le 22/01", "reçu le lundi 23/11": `_day_month`),
# or a list line's label ("- 10/11 : …"); the month of two digits ("le 1/3 du montant" is a third).
_DAY_MONTH = (
    r"(?:(?:le|du|au) (?:(?:{weekdays}) )?|(?:{weekdays}) |(?<![\d/.,])(?=\S+ ?:))(\d{{1,2}})/(0[1-9]|1[0-2])(?![\d/])"
)
_MONTH_OFFSETS = {"prochain": 1, "suivant": 1, "dernier": -1, "precedent": -1, "passe": -1}
# "le 3 du mois prochain", "le 15 du mois dernier", "le 1er de ce mois": a day of a month counted from today's; or the
# month first ("le mois dernier, le 6").
_DAY_OF_MONTH = re.compile(
    rf"(?:le|du|au) (\d{{1,2}})(?:er)? (?:du mois ({'|'.join(_MONTH_OFFSETS)}|en cours|courant)|de ce mois)\b"
    rf"|(?:le|au) mois ({'|'.join(_MONTH_OFFSETS)}) ?, ?le (\d{{1,2}})(?:er)?\b"
)

# What may stand between "il y a deux ans" and the exact date that tells the same day ("il y a 2 ans le 15 janvier
# 2025", "il y a deux ans, soit le 15/01/2025", "il y a un an et deux jours, le 26 novembre 2025"): no sentence end, at
# most four short words.
_SAME_DAY_GAP = re.compile(r"[^\w.;!?]*(?:\w{1,6}[^\w.;!?]+){0,4}")


def ago(folded: str, today: date, exact: Sequence[DateMention] = ()) -> list[DateMention]:
    """ "il y a 18 mois" → today minus 18 months, flagged approximate; not when one of the `exact` dates written next
    to it tells the day ("signée il y a 2 ans le 15 janvier 2025": that day, not an approximate 28 November 2024)."""
    found: list[DateMention] = []
    matches = [*_AGO.finditer(folded)] if "il y a " in folded else []  # (every match holds its lead)
    if any(lead in folded for lead in _SINCE_LEADS):
        matches += _SINCE.finditer(folded)
    for match in sorted(matches, key=lambda m: m.start()):  # in the text's order, as one pattern gave them
        if match["since"] and not _THAT.match(folded, match.end()):
            continue  # "ça fait 2 ans de convention": a length, not a day counted back
        if (count := count_of(match.group(3))) is None:
            continue  # "il y a quelques mois": no number, no date
        unit = _AGO_UNITS.get(match.group(4), "weeks")
        if match.group(5):  # "il y a un an et demi": 18 months; half a month or week is too vague to count
            if unit != "years":
                continue
            unit, count = "months", count * 12 + 6
        # the exact day told right after it, or before it ("le 27 novembre 2025, il y a un an"): the gap between them
        gaps = [
            (match.end(), m.start) if m.start >= match.end() else (m.start + len(m.text), match.start())
            for m in exact
            if m.value
        ]
        told = [gap for gap in gaps if gap[0] <= gap[1] and _SAME_DAY_GAP.fullmatch(folded, *gap)]
        second = match.group(7) or ""  # "et deux semaines"
        more = count_of(match.group(6)) if second else 0
        most = 30 * (12 if unit == "months" else 52 if unit == "weeks" else 1)
        if 0 < count <= most and not told and more is not None:
            unit_more = "days" if second.startswith("jour") else _AGO_UNITS.get(second, "weeks")
            value = today - relativedelta(**{unit: count}) - relativedelta(**{unit_more: more})
            # "il y a un an jour pour jour": that day
            exact_day = bool(match.group(8) or match["exactly"]) and not second
            found.append(DateMention(match.group(0), value, "", match.start(), approximate=not exact_day))
    return found


def days_months(folded: str, today: date) -> list[DateMention]:
    """ "le 22/01": the last such day up to `today` (its year said to be assumed), as for "le 15 mars"."""
    found = []
    for match in _day_month().finditer(folded) if "/" in folded else ():
        if match.start() and folded[match.start() - 1].isalpha():
            continue  # "mille 22/01"
        day, month = int(match.group(1)), int(match.group(2))
        found.append(yearless(folded[match.start(1) : match.end()], month, day, match.start(1), today))
    return found


@cache
def _day_month() -> re.Pattern[str]:
    """`_DAY_MONTH` with the weekdays' names (CLDR, folded)."""
    weekdays = "|".join(re.escape(fold(day)) for day in calendar_names().weekdays)
    return re.compile(_DAY_MONTH.format(weekdays=weekdays))


def years_from_neighbours(found: list[DateMention], today: date, folded: str = "") -> list[DateMention]:
    """A date without a year takes the year of the nearest dated one before it, else after it ("le 2 octobre 2025, le
    CDG le 14 octobre"; "signé le 15/01/2026, le CDG le 22/01, La Fibre le 5 fev. La délibération : le 9/12/2025": 2026,
    the list's), unless that would put it after today (then it stays the last such day up to today), but for a day soon
    after today that the year before would put before the dated day written before it."""
    dated = [m for m in found if m.value and not m.assumed_year and not m.month_only]
    if not dated:
        return found
    result = []
    for mention in found:
        if mention.assumed_year and mention.value:
            before = [m for m in dated if m.start < mention.start]
            neighbour = before[-1] if before else min(dated, key=lambda m: m.start - mention.start)
            year = neighbour.value.year  # type: ignore[union-attr]
            # None: 29 February of a common year
            moved, later = (_replaced(mention.value, year=y) for y in (year, year + 1))
            # the year after the neighbour's when that puts it nearer its neighbour, up to today ("facture du 2 novembre
            # 2026, … payée le 8 janvier", on 10 January 2027: 8 January 2027, not 298 days before the invoice)
            gap = abs((neighbour.value - moved).days) if moved and neighbour.value else 0
            if moved and later and later <= today and neighbour.value and (later - neighbour.value).days < gap:
                moved = later
            # a day soon after today, said after a date it cannot precede ("facture du 2 octobre 2026 … 60 jours de retard
            # au 1er décembre", on 28 November 2026): that year's, not the year before's (it was before the invoice)
            soon = (
                moved is not None
                and before
                and mention.value < before[-1].value <= today < moved <= today + NEAR_FUTURE
            )
            # a plan: its dated day still to come, the days listed after it (commas, no sentence or ";" between) in the
            # same year ("signature du maire le 30 juin 2026, du CDG le 7 juillet", asked on 10 June 2026); not after
            # the day a message says it is written ("Nous sommes le 01/01/2027 ; … signée le 3 février")
            planned = (
                moved is not None
                and before
                and today < before[-1].value <= moved
                and not _LIST_BREAK.search(folded, before[-1].start + len(before[-1].text), mention.start)
            )
            if moved is not None and (moved <= today or soon or planned):
                mention = DateMention(mention.text, moved, "", mention.start, True)
        result.append(mention)
    return result


def _replaced(known: date, **fields: int) -> date | None:
    """`known` with `fields` replaced (its year, its day), or None when there is no such day (29 February, 31 April)."""
    try:
        return known.replace(**fields)
    except ValueError:
        return None


def days_of_months(folded: str, today: date) -> list[DateMention]:
    """ "le 3 du mois prochain": the 3rd of the month after today's (a date as sure as one written in full)."""
    found = []
    for match in _DAY_OF_MONTH.finditer(folded) if " mois" in folded else ():
        day, move = (1, 2) if match.group(1) else (4, 3)
        month = today.replace(day=1) + relativedelta(months=_MONTH_OFFSETS.get(match.group(move) or "", 0))
        start = match.start(1) if match.group(1) else match.start()
        found.append(written_date(folded[start : match.end()], month.year, month.month, int(match.group(day)), start))
    return found


# "le maire signe lundi 30,": a weekday and a day of the month, no month (a clause ends right after it), read as the
# day of that weekday and number nearest today, at most this far (no such day: no date).
WEEKDAY_DAY_REACH = timedelta(days=45)


@cache
def _weekday_day() -> tuple[re.Pattern[str], dict[str, int]]:
    names = {fold(name): number for number, name in enumerate(calendar_names().weekdays)}
    weekdays = "|".join(re.escape(name) for name in names)
    return re.compile(rf"(?<![\w-])({weekdays}) (\d{{1,2}})(?:er)?(?=[ \t]*(?:[,.;:!?)\n]|$))"), names


def weekday_days(folded: str, today: date, found: Sequence[DateMention] = ()) -> list[DateMention]:
    """ "lundi 30", "le jeudi 3.": the day of that weekday and number nearest `today` (a date as sure as one written in
    full: the weekday confirms the month), not where another reading (`found`) holds it."""
    pattern, weekdays = _weekday_day()
    result = []
    for match in pattern.finditer(folded):
        if any(m.start <= match.start(2) < m.start + len(m.text) for m in found):
            continue
        first = today.replace(day=1)
        months = (first + relativedelta(months=step) for step in (-1, 0, 1, 2))
        days = [d for m in months if (d := _replaced(m, day=int(match.group(2)))) and d.weekday() == weekdays[match[1]]]
        if days and abs((day := min(days, key=lambda d: abs(d - today))) - today) <= WEEKDAY_DAY_REACH:
            result.append(written_date(match.group(0), day.year, day.month, day.day, match.start()))
    return result


@cache
def _from_today() -> re.Pattern[str] | None:
    """One pattern for the days named from today (`CalendarNames.near_days`, `weekday_moves`, `counted_days`): the
    names longest first, then the counted ones with their count's slot."""
    names = calendar_names()
    named = sorted([*names.near_days, *names.weekday_moves], key=len, reverse=True)
    counted = sorted([*names.counted_days, *names.counted_months], key=len, reverse=True)
    branches = [re.escape(name) for name in named] + [
        re.escape(pattern).replace(re.escape("{0}"), COUNT, 1) for pattern in counted
    ]
    return re.compile(rf"(?<![\w-])(?:{'|'.join(branches)})(?![\w'-])") if branches else None


def days_from_today(folded: str, today: date, found: Sequence[DateMention] = ()) -> list[DateMention]:
    """ "hier", "avant-hier", "mardi dernier", "dans 10 jours", "il y a 3 jours": the day they name from today
    (`relative`: a day no word may take for the signature); counted in weeks or months ("dans 2 semaines", "dans deux
    mois"), an approximate day.
    Not where another reading (`found`) already starts ("il y a 3 semaines": `ago`)."""
    names = calendar_names()
    pattern = _from_today()
    taken = {mention.start for mention in found}
    result: list[DateMention] = []
    for match in pattern.finditer(folded) if pattern else ():
        if match.start() in taken:
            continue
        text, approximate = match.group(0), False
        if (offset := names.near_days.get(text)) is not None:
            value = today + timedelta(days=offset)
        elif (move := names.weekday_moves.get(text)) is not None:
            weekday, step = move
            gap = (weekday - today.weekday()) % 7 if step > 0 else (today.weekday() - weekday) % 7
            value = today + timedelta(days=step * (gap or 7))  # "mardi dernier" said on a Tuesday: a week ago
        else:
            count = next(group for group in match.groups() if group)
            number = count_of(count)
            if number is None or not 0 < number <= 366:
                continue
            if months := next((m for pattern, m in names.counted_months.items() if _fits(pattern, text, count)), 0):
                value, approximate = today + relativedelta(months=months * number), True  # "dans deux mois"
            else:
                unit = next(days for pattern, days in names.counted_days.items() if _fits(pattern, text, count))
                weeks = WEEKS_SAID_IN_DAYS.get(number, 0) if abs(unit) == 1 else 0  # "il y a quinze jours": 2 weeks
                value = today + timedelta(days=unit * (7 * weeks or number))
                approximate = abs(unit) > 1 or weeks > 0
        result.append(DateMention(text, value, "", match.start(), approximate=approximate, relative=True))
    return result


def _fits(pattern: str, text: str, count: str) -> bool:
    """Is `text` the counted pattern `pattern` with `count` in its slot?"""
    return pattern.replace("{0}", count, 1) == text
