"""Dates written in French questions: "15/03/2025", "le 2 octobre 2025", "en mars 2026", "il y a 18 mois".

Each mention keeps its text and position (the calculations read the words around it to know its role)
and, when the day does not exist, why. The month and weekday names come from babel (calendar_names.py).
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache, lru_cache

from .bare_days import bare_days
from .calendar_names import calendar_names
from .date_mention import DateMention, yearless
from .date_mention import mention as _mention
from .folding import folded as fold_spaced
from .french import fold
from .number_words import SPOKEN, number_in_words, year_in_words
from .phrases import flexible
from .relative_dates import ago, days_from_today, days_months, days_of_months, weekday_days, years_from_neighbours
from .rescan import Item, Rescan

# A digit first, the character before it checked just after (the same matches as a look-behind first,
# "(?<![\d.,/-])(\d{1,4})"): the regex engine then jumps from digit to digit instead of trying every position.
_NUMERIC = re.compile(r"(\d(?<![\d.,/-]\d)\d{0,3})([/.-])(\d{1,2})\2(\d{2,4})(?![\d/.-]*\d)")
# What a month with its year holds (its year after a space): without it, the month pattern is not tried. The space
# first: the regex engine jumps from space to space (five times faster than looking for digits everywhere).
_YEAR = re.compile(r" \d{4}")
WEEKDAY_REACH = 15  # characters before a day where its weekday's name is read ("mercredi le 4")


@cache
def _month_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """ "15 mars 2025", "le 3 fevrier dernier"; "en avril 2025": built from the month names."""
    month = "(" + "|".join(sorted(calendar_names().numbers, key=len, reverse=True)) + r")\b"
    # a year of two digits too, 20 to 39 ("le 15 mars 25"), not a time or an amount after the day ("le 3 mars 14 h")
    short_year = r"[23]\d(?!\d|\s?(?:h\b|h\d|heures?\b|min|€|eur|%|[,.:]\d))"
    written = re.compile(r"(\d(?<!\d\d)\d?) ?(?:er|e)? " + month + rf"\.? ?(\d{{4}}|{short_year})?(?!\d)( dernier)?")
    # Each word first, the word boundary before it checked behind (see _AGO): "\b(?:en|d'|courant|fin|debut|mi-?)".
    leading = r"(?:e(?<!\we)n|d(?<!\wd)'|c(?<!\wc)ourant|f(?<!\wf)in|d(?<!\wd)ebut|m(?<!\wm)i-?)"
    return written, re.compile(leading + " ?" + month + r" (\d{4})(?!\d)")


_YEAR_AFTER = re.compile(r" (\d{4})(?!\d)")


@cache
def _weekday_before() -> tuple[re.Pattern[str], dict[str, int]]:
    """A weekday's name right before a day ("mardi 15 decembre"), and each name's number (0: Monday)."""
    names = {fold(name): number for number, name in enumerate(calendar_names().weekdays)}
    return re.compile(r"\b(" + "|".join(names) + r")\s+(?:le\s+)?$"), names


@cache
def _folded_months() -> tuple[str, ...]:
    return tuple(fold(name) for name in calendar_names().months)


def _wide_months(folded: str, start: int = 0) -> list[tuple[int, int, int]]:
    """Each month's full name in `folded` ("aout", "septembre": after a day in words, an abbreviation would be a
    number, "sept"), as (start, end, month); found with str.find, several times faster than a regex here."""
    found = []
    for number, name in enumerate(_folded_months(), start=1):
        begin = folded.find(name, start)
        while begin != -1:
            end = begin + len(name)
            if not (begin and folded[begin - 1].isalpha()) and not (end < len(folded) and folded[end].isalpha()):
                found.append((begin, end, number))
            begin = folded.find(name, end)
    return sorted(found)


def find_dates(question: str, today: date | None = None) -> list[DateMention]:
    """Every date written in `question` (15/03/2025, 2025-03-15, 15 mars 2025, 1er juin 2025).

    Given `today`, also the dates written without a year ("le 15 mars", "le 3 février dernier":
    the last such day up to today) and months without a day ("en avril 2025")."""
    return list(_find_dates(question, today))


@lru_cache(maxsize=8)  # the calculators of one question read its dates in turn (deadlines, interest): once
def _find_dates(question: str, today: date | None) -> tuple[DateMention, ...]:
    folded = fold_spaced(question)
    found = [mention for _, _, mention in _numeric(folded, today)]
    found += [mention for _, _, mention in _written(folded, today) if mention]
    found += [mention for _, _, mention in _days_in_words(folded, today) if mention]
    if today is not None:
        for start, _, (text, month, year) in _month_years(folded, today) if _YEAR.search(folded) else ():
            if not any(m.start <= start < m.start + len(m.text) + 8 for m in found):
                found.append(DateMention(text, date(year, month, 1), "", start, month_only=True))
        found.extend(ago(folded, today, found))
        found.extend(days_from_today(folded, today, found))
        found.extend(days_months(folded, today))
        found.extend(days_of_months(folded, today))
        found.extend(weekday_days(folded, today, found))
    found.sort(key=lambda mention: mention.start)
    found = years_from_neighbours(found, today, folded) if today is not None else found
    # "le 3 février 2026, par le CDG le 11 et par La Fibre le 19": days of that month (bare_days.py)
    return tuple(sorted([*found, *bare_days(folded, found)], key=lambda mention: mention.start))


def _scan_numeric(folded: str, start: int, today: object) -> list[Item[DateMention]]:
    found = []
    for match in _NUMERIC.finditer(folded, start):
        first, _, middle, last = match.groups()
        if len(first) == 4:
            year, month, day = int(first), int(middle), int(last)
        else:
            day, month, year = int(first), int(middle), int(last)
            year += 2000 if len(last) == 2 else 0
        found.append((match.start(), match.end(), _mention(match.group(0), year, month, day, match.start())))
    return found


def _scan_written(folded: str, start: int, today: object) -> list[Item[DateMention | None]]:
    """ "15 mars 2025", "le 12 aout deux mille vingt-cinq", "le 3 fevrier" (the last such day up to `today`)."""
    written, months = _month_patterns()[0], calendar_names().numbers
    found: list[Item[DateMention | None]] = []
    for match in written.finditer(folded, start):
        day, month, mention = int(match.group(1)), months[match.group(2)], None
        spoken = None if match.group(3) else year_in_words(folded, match.end(2))  # "12 aout deux mille vingt-cinq"
        if match.group(3) or spoken:
            written_year = match.group(3)
            year, end = (  # type: ignore[misc]
                (int(written_year) + (2000 if len(written_year) == 2 else 0), match.end(3)) if written_year else spoken
            )
            mention = _mention(folded[match.start() : end].strip(), year, month, day, match.start())
        elif isinstance(today, date) and (said := _year_said(folded, match.end(), today)):
            year, end = said  # "le 5 mars de l'an dernier": that year, said
            mention = _mention(folded[match.start() : end].strip(), year, month, day, match.start())
        elif isinstance(today, date):
            weekday_name, weekdays = _weekday_before()
            named = weekday_name.search(folded, max(0, match.start() - WEEKDAY_REACH), match.start())
            weekday = weekdays[named.group(1)] if named else None
            mention = yearless(match.group(0).strip(), month, day, match.start(), today, weekday)
        found.append((match.start(), match.end(), mention))
    return found


@cache
def _year_moves() -> tuple[re.Pattern[str], list[int]] | None:
    """The years named from today's (`CalendarNames.year_moves`), right after a day and its month, "de" before them,
    one group each (an elision written with a space too: "l an dernier"), and each one's move from today's year."""
    moves = sorted(calendar_names().year_moves.items(), key=lambda item: len(item[0]), reverse=True)
    said = "|".join(f"({flexible(move, folded=True)})" for move, _ in moves)
    return (re.compile(rf" ?(?:de |d')?(?:{said})(?![\w'])"), [years for _, years in moves]) if moves else None


def _year_said(folded: str, end: int, today: date) -> tuple[int, int] | None:
    """The year a day without one is said to fall in ("le 5 mars de l'an dernier"), and where that ends; else None."""
    if not (found := _year_moves()) or not (said := found[0].match(folded, end)):
        return None
    return today.year + found[1][said.lastindex - 1], said.end()


def _scan_month_years(folded: str, start: int, today: object) -> list[Item[tuple[str, int, int]]]:
    """ "en avril 2025": a month without a day (kept unless a date found already holds it)."""
    month_year, months = _month_patterns()[1], calendar_names().numbers
    return [
        (match.start(), match.end(), (match.group(0), months[match.group(1)], int(match.group(2))))
        for match in month_year.finditer(folded, start)
    ]


# Each scan of a long message's text reads again only past the start it shares with the last text scanned (the
# message's context, read with each question in turn). The numbers read nothing past a space; the written dates
# read at most SCAN_REACH characters from where they start (a day, a month, a year, and 60 characters of a year
# in words after the month), and so do the months without a day and the days in words (40 characters before the
# month name, the year after it).
SCAN_REACH = 200
_numeric = Rescan(_scan_numeric, None)
_written = Rescan(_scan_written, SCAN_REACH)
_month_years = Rescan(_scan_month_years, SCAN_REACH)


def _scan_days_in_words(folded: str, start: int, today: object) -> list[Item[DateMention | None]]:
    """Dates dictated in words ("le deux aout deux mille vingt-cinq", "le premier mars 2026", "le douze aout"), read
    by text2num: the words right before a month's full name that make a day, the words after it that make a year."""
    found: list[Item[DateMention | None]] = []
    for begin, end, month in _wide_months(folded, start):
        found.append((begin, end, _day_in_words(folded, begin, end, month, today)))
    return found


def _day_in_words(folded: str, begin: int, end: int, month: int, today: object) -> DateMention | None:
    words = folded[max(0, begin - 40) : begin].split()[-3:]
    if not words or not SPOKEN.fullmatch(words[-1]):  # "le 12 aout" is read with the dates in digits
        return None
    suffixes = (" ".join(words[i:]) for i in range(len(words)))
    day, size = next(((n, len(text)) for text in suffixes if 1 <= (n := number_in_words(text)) <= 31), (0, 0))
    if not day:
        return None
    start = begin - 1 - size
    digits = _YEAR_AFTER.match(folded, end)
    year = (int(digits.group(1)), digits.end()) if digits else year_in_words(folded, end)
    if year:
        return _mention(folded[start : year[1]], year[0], month, day, start)
    return yearless(folded[start:end], month, day, start, today) if isinstance(today, date) else None


_days_in_words = Rescan(_scan_days_in_words, SCAN_REACH)
