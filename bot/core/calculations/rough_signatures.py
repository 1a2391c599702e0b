"""A last signature known only roughly: a month ("signée en mars 2025") or a lapse ("il y a 18 mois"). The day is asked
for, with the deadlines the month or the lapse would give; a month before a full date signed later ("le CDG 62 le 20
janvier 2025, les deux autres en décembre 2024") is no candidate for the last signature; one said the last ("la
dernière signature le 20/11/2025") is it, whatever later day a signed copy is sent back."""

from __future__ import annotations

import re
from datetime import date

from dateutil.relativedelta import relativedelta

from ..answer import Answer, Citation
from ..date_mentions import DateMention
from ..deadlines import compute_deadlines, format_date
from ..role_schema import DateRole
from .cues import cue_pattern
from .date_roles import Role

# The last day a part of a month said can be ("début mars": by the 10th, "mi-mars": by the 20th), as folded.
_PART_ENDS = {"debut": 10, "mi": 20}


_FIGURE = re.compile(r"\d")
FINAL_REACH = 60  # characters before a date where "la dernière signature" may stand
# up to a few words, no mark nor figure ("le", "a eu lieu le", "c'est le")
_LINKS = re.compile(r"[^\W\d]*(?:[\s']+[^\W\d]+){0,3}\s*")


class SaidLast:
    """The signature a message says is the last one ("LFN a mis la dernière signature le 20/11/2025"), whatever later date
    it gives a signed copy ("le CDG nous a renvoyé l'exemplaire signé par mail le 25/11/2025")."""

    def __init__(self, role: DateRole | None) -> None:
        self._final = cue_pattern(role.final) if role and role.final else None

    def of(self, folded: str, signatures: list[Role]) -> list[Role]:
        """`signatures`, or the one said the last, when one only is: its words right before it, nothing but a few words
        between ("la dernière signature le 20/11"; not "c'était la dernière signature (le CDG le 12/12 …)")."""
        if self._final is None or len(signatures) < 2:
            return signatures
        # a day written with its figures (not "le lundi qui a suivi le concours, c'est-à-dire le 7 juillet")
        said = [r for r in signatures if _FIGURE.search(r.mention.text) and self._said_before(folded, r.mention.start)]
        return said if len(said) == 1 else signatures

    def settles(self, folded: str, signatures: list[Role]) -> bool:
        """Is one of several signatures said the last ("nous en dernier le 1er décembre (la Fibre avant nous, je sais
        plus quand)"): the others' days, known or not, do not count?"""
        return len(signatures) > 1 and len(self.of(folded, signatures)) == 1

    def _said_before(self, folded: str, start: int) -> bool:
        """Is a word of the last signature right before `start`, a few words at most between?"""
        assert self._final is not None
        found = list(self._final.compiled.finditer(folded, max(0, start - FINAL_REACH), start))
        return bool(found) and bool(_LINKS.fullmatch(folded, found[-1].end(), start))


def without_earlier_months(signatures: list[Role]) -> list[Role]:
    """`signatures` without the months (or their start or middle: "début mars 2026") that end before a full date signed
    later ("… le CDG et La Fibre le 24 mars": the 24th is the last signature)."""
    full = max((r.mention.value for r in signatures if r.mention.value and not r.mention.month_only), default=None)
    return [
        r for r in signatures if not (full and r.mention.month_only and r.mention.value and _ends(r.mention) < full)
    ]


def _ends(mention: DateMention) -> date:
    """The day after the last one a month said (`month_only`) can be."""
    assert mention.value is not None
    part = mention.text.split("-")[0].split()[0] if mention.text.strip() else ""
    return (
        mention.value.replace(day=_PART_ENDS[part] + 1)
        if part in _PART_ENDS
        else mention.value + relativedelta(months=1)
    )


def month_only(question: str, mention: DateMention, today: date, citations: tuple[Citation, ...]) -> Answer:
    """ "signée en mars 2025": the day is needed; the range of deadlines the month gives."""
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
    return Answer(question, True, "calculation", text, citations, 1.0)


def approximate(question: str, mention: DateMention, today: date, citations: tuple[Citation, ...]) -> Answer:
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
    return Answer(question, True, "calculation", text, citations, 1.0)
