"""A later two-year period asked (Articles 3 and 6): "à la fin de la deuxième période", "après une reconduction",
"au bout de 4 ans", "arrêter en 2029". Its end and the last day for the registered letter are given, not the open
period's: ending the convention then means letting it renew until that anniversary."""

from __future__ import annotations

import re
from datetime import date

from ..calendar_schema import LaterPeriods
from ..calendar_text import deadline_text, notice_note
from ..cost import alternation
from ..date_mentions import DateMention, find_dates
from ..deadlines import NOTICE, PERIOD, compute_deadlines, format_date, period_end
from ..french import fold
from ..number_text import digits
from ..rescan import SentenceFinds
from .base import SENTENCE_END, sentence_start
from .cues import CuePattern, cue_pattern
from .numbers_after import After

MAX_PERIOD = 10  # twenty years: further is not a period anyone plans
ENDING_REACH = 60  # characters before a period named where ending it is said ("puis arrêter à la fin de la 2e période")


class Periods:
    """The period a message names, and its calendar."""

    def __init__(
        self, words: LaterPeriods, ending: re.Pattern[str] | CuePattern, unrelated: CuePattern | None = None
    ) -> None:
        self._unrelated = unrelated  # a sentence said unrelated ("un bail jusqu'en 2029, mais ça n'a rien à voir")
        self._review = cue_pattern(words.review_words) if words.review_words else None
        self._ending = ending  # the words of ending the convention: then the letter's deadline is asked
        self._ordinals = {" ".join(fold(word).split()): number for word, number in words.ordinals.items()}
        self._renewal = cue_pattern(words.renewal_nouns)
        self._trigger = cue_pattern(
            [*words.period_nouns, *words.counted_nouns, *words.renewal_nouns, *words.year_units]
        )
        said = [*words.after_words, *words.before_words, *words.in_year_words, *self._ordinals]
        if any(mark in word for word in said for mark in ".!?"):
            raise ValueError("a word of later_periods holds a sentence's mark")  # see `_counted`
        if any(char.isdigit() for word in [*words.after_words, *words.in_year_words] for char in word):
            raise ValueError("a word of later_periods before a number holds a digit")  # see `After`
        after, before = alternation(words.after_words), alternation(words.before_words)
        # "après la première reconduction", "avant la 2e période": the link, a word at most, the number, the noun;
        # scanned in a message's context once (rescan.SentenceFinds: no word holds a mark)
        self._nouns = cue_pattern(
            [*words.period_nouns, *words.counted_nouns, *words.renewal_nouns, *words.later_counted_nouns]
        )
        self._later_counted = cue_pattern(words.later_counted_nouns)  # "la deuxième échéance", never "la première"
        self._renewed = cue_pattern(words.renewal_complements)  # "la première période de reconduction": the second
        self._counted = SentenceFinds(
            re.compile(
                rf"(?<![a-z0-9])(?:(?:({after})|({before})) (?:[a-z']+ )?)?({alternation(self._ordinals)}|\d{{1,2}}) "
                rf"(?:{self._nouns.pattern})"
            )
        )
        # "pas à la première échéance mais à la 2e.": an ordinal standing alone at a clause's end, its noun said before it
        self._bare_ordinal = re.compile(
            rf"(?<![a-z0-9])({alternation(self._ordinals)})(?=\s*(?:[,;:!?)\n]|\.(?!\d)|$))"
        )
        self._noun_after = re.compile(
            rf"(?<![a-z0-9])(?:{alternation(self._ordinals)}|\d{{1,2}}) ({self._nouns.pattern})"
        )
        # "au bout de 4 ans", "arrêter en 2029"
        units = alternation(words.year_units)
        self._years = After(words.after_words, rf"(\d\d?) (?:{units})") if words.after_words and units else None
        self._in_year = After(words.in_year_words, r"(20\d\d)(?![\d/-]|\.\d)") if words.in_year_words else None
        self._told = cue_pattern(words.past_told_words) if words.past_told_words else None
        nexts, nouns = alternation(words.next_words), alternation(words.period_nouns)
        # "la période d'après", "la prochaine période": the period after the open one
        self._next = (
            re.compile(rf"(?<![a-z0-9])(?:(?:{nexts}) (?:{nouns})|(?:{nouns}) (?:{nexts}))(?![a-z0-9])")
            if nexts and nouns
            else None
        )
        self._next_deadline = cue_pattern(words.next_deadline_words) if words.next_deadline_words else None

    def asked(self, folded: str, signature: date, today: date) -> int | None:
        """The number of the period `folded` names (1 = the first two years), or None: none, or several."""
        # Number words ("après deux reconductions") are read only where a period may be named: `digits` is slow.
        text = digits(folded) if self._trigger.search(folded) else folded
        numbers: set[int] = set()
        ended: set[int] = set()  # of those, the ones said right after ending the convention
        said: set[int] = set()  # every period counted ("la première échéance"), even one not the period asked
        # A count needs its noun: without one, the scan is not made.
        text = self._nouns_carried(text) if self._nouns.search(text) else text
        for match in self._counted(text) if self._nouns.search(text) else ():
            after, before, written = match.groups()
            said.add(number := self._ordinals.get(written) or int(written))
            if number < 2 and self._later_counted.match(text, match.end(3) + 1):
                continue  # "la première échéance": often the next one, whichever it is
            if self._renewed.match(text, match.end() + 1):
                number += 1  # "jusqu'au terme de la première période de reconduction": the end of the second period
            elif self._renewal.match(text, match.end(3) + 1):
                if not (after or before):
                    continue  # "la première reconduction aura lieu le …": no end is chosen
                number += 1  # "après une reconduction": the end of the second period
            numbers.add(number - 1 if before else number)  # "avant la 2e période": the end of the first
            start = max(sentence_start(text, match.start(), ".!?\n"), match.start(3) - ENDING_REACH)
            if self._ending.search(text[start : match.start(3)]):
                ended.add(number - 1 if before else number)
        for written in self._years.numbers(text) if self._years else ():
            years = int(written)
            if years % 2 == 0:
                numbers.add(years // 2)  # "au bout de 4 ans": the end of the second period
        for match in self._in_year.matches(text) if self._in_year else ():
            year = int(match.group(1))
            ending = [n for n in range(1, MAX_PERIOD + 1) if period_end(signature, n).year == year]
            # no period ends that year: the one whose letter is due then ("la date limite du recommandé en 2029")
            ending = ending or [n for n in range(1, MAX_PERIOD + 1) if (period_end(signature, n) - NOTICE).year == year]
            if ending and self._told_before(text, match.start()):
                continue  # "personne ne l'a dénoncée en 2025", "on ne la dénoncera pas en 2027": not the end asked
            numbers.update(ending)  # "arrêter en 2029": the period that ends that year, if one does
        # "arrêter le 16 juillet 2029", "en juillet 2029": a later anniversary itself (an earlier one is context)
        for mention in find_dates(folded, today):
            if mention.value and not (mention.assumed_year or mention.approximate):
                later = range(_open_number(signature, today) + 1, MAX_PERIOD + 1)
                numbers.update(n for n in later if _falls_on(period_end(signature, n), mention))
        # the period after the open one ("la période d'après", "mais à la suivante"): that one's year is context; or after
        # a period said already ended ("pas dénoncée avant la première échéance, … à l'échéance suivante")
        if any(pattern and pattern.search(folded) for pattern in (self._next, self._next_deadline)):
            ended_before = [n for n in said if period_end(signature, n) <= today]
            reference = max(ended_before, default=_open_number(signature, today))
            numbers = {number for number in numbers if number != reference} | {reference + 1}
        # "On garde la première période et la suivante, puis on arrête à la fin de la deuxième": the one said ended
        numbers = ended if len(numbers) > 1 and len(ended) == 1 else numbers
        return numbers.pop() if len(numbers) == 1 and 0 < min(numbers) <= MAX_PERIOD else None

    def _nouns_carried(self, text: str) -> str:
        """`text` with the noun of a counted period said again after an ordinal left alone later in its sentence ("pas à
        la première échéance mais à la 2e." reads "… mais à la 2e échéance.")."""
        for bare in reversed(list(self._bare_ordinal.finditer(text))):
            start = sentence_start(text, bare.start(), ".!?\n")
            if said := list(self._noun_after.finditer(text, start, bare.start())):
                text = f"{text[: bare.end()]} {said[-1].group(1)}{text[bare.end() :]}"
        return text

    def _told_before(self, text: str, start: int) -> bool:
        """Is one of the words of a thing not done said in the sentence before `start`, or its sentence unrelated?"""
        begin, end = sentence_start(text, start, ".!?\n"), SENTENCE_END.search(text, start)
        unrelated = self._unrelated and self._unrelated.search(text, begin, end.start() if end else len(text))
        return bool(unrelated or (self._told and self._told.search(text, begin, start)))

    def review(self, folded: str, signature: date, today: date) -> str:
        """The review's dates (article 3: at the anniversary, every two years) when `folded` asks about the review and
        not about ending the convention, else ""."""
        if not (self._review and self._review.search(folded)) or self._ending.search(folded):
            return ""
        first, second, coming = (
            signature + PERIOD,
            signature + PERIOD * 2,
            compute_deadlines(signature, today).period_end,
        )
        later = f" ; le prochain à venir : le {format_date(coming)}" if coming not in (first, second) else ""
        return (
            f"Pour une convention signée le {format_date(signature)} : un réexamen peut avoir lieu à sa date "
            f"anniversaire, tous les deux ans (article 3) ; le premier : le {format_date(first)} ; le deuxième : le "
            f"{format_date(second)}{later}. Il est possible, pas obligatoire : la convention ne fixe ni qui le demande, "
            "ni sous quelle forme."
        )

    def calendar(self, folded: str, signature: date, today: date, *, anniversary: date | None, missed: bool) -> str:
        """The calendar a deadline question asks: up to the later period it names; else the open period's (see
        `deadline_text`), after what an earlier period it names has become (a period counted from an anniversary has
        no number: none is read then)."""
        number = None if anniversary else self.asked(folded, signature, today)
        open_number = _open_number(signature, today)
        if number is not None and number > open_number:
            return self._later(number, signature, today)
        past = _past(signature, number, today) if number is not None and number < open_number else ""
        return past + deadline_text(signature, today, anniversary=anniversary, missed=missed)

    @staticmethod
    def _later(number: int, signature: date, today: date) -> str:
        """The calendar up to the later period `number` the question asks for."""
        now = compute_deadlines(signature, today)
        end = signature + PERIOD * number
        notice = end - NOTICE
        previous = signature + PERIOD * (number - 1)  # a letter received by its deadline ends the convention then
        lines = [
            f"Pour une convention signée le {format_date(signature)} :",
            f"• période de deux ans en cours (n°{now.period_number}) : jusqu'au {format_date(now.period_end)} ; "
            "sans lettre recommandée, la convention est reconduite tacitement à chaque échéance (article 3) ;",
            f"• fin de la période n°{number}, celle que vous demandez : le {format_date(end)} ;",
            f"• pour y mettre fin à cette échéance, la lettre recommandée avec accusé de réception doit être reçue par "
            f"les autres parties au plus tard le {format_date(notice)}, soit dans {(notice - today).days} jours "
            "(trois mois avant) ;",
            # the earlier deadline itself is not written: read in a hurry, it is taken for the one asked
            f"• ne l'envoyez pas trop tôt : reçue trois mois ou plus avant l'échéance du {previous:%d/%m/%Y}, elle "
            "pourrait mettre fin à la convention dès cette échéance-là.",
            notice_note(notice),
        ]
        return "\n".join(lines)


def _past(signature: date, number: int, today: date) -> str:
    """What an earlier period asked ("pour l'échéance de 2026", on 28/11/2026 for a convention of 01/10/2024) has
    become: its end and its letter's deadline, passed (the open period's calendar follows); an end still to come whose
    letter's deadline has passed is said as such ("le 30/11/2026", asked on 28/11/2026: not "passée")."""
    end = signature + PERIOD * number
    if end > today:
        return (
            f"L'échéance que vous demandez, le {format_date(end)}, n'est pas encore arrivée, mais il est trop tard pour "
            f"y mettre fin : la lettre recommandée devait être reçue par les autres parties au plus tard le "
            f"{format_date(end - NOTICE)}. Sans elle, la convention sera reconduite tacitement à cette date (article 3) :\n"
        )
    return (
        f"L'échéance que vous demandez, le {format_date(end)}, est passée : pour y mettre fin, la lettre recommandée "
        f"devait être reçue par les autres parties au plus tard le {format_date(end - NOTICE)}. Sans elle, la "
        "convention a été reconduite tacitement (article 3) :\n"
    )


def _open_number(signature: date, today: date) -> int:
    """The first period whose end can still be chosen (the next one once the open deadline has passed)."""
    now = compute_deadlines(signature, today)
    return now.period_number + now.notice_passed


def _falls_on(end: date, mention: DateMention) -> bool:
    """Is `end` the day `mention` writes, or in the month it writes ("en juillet 2029")?"""
    assert mention.value is not None
    if mention.month_only:
        return (end.year, end.month) == (mention.value.year, mention.value.month)
    return end == mention.value
