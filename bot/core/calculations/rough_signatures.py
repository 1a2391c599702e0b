"""A last signature known only roughly: a month ("signée en mars 2025") or a lapse ("il y a 18 mois"). The day is asked
for, with the deadlines the month or the lapse would give; a month before a full date signed later ("le CDG 62 le 20
janvier 2025, les deux autres en décembre 2024") is no candidate for the last signature."""

from __future__ import annotations

from datetime import date

from dateutil.relativedelta import relativedelta

from ..answer import Answer, Citation
from ..date_mentions import DateMention
from ..deadlines import compute_deadlines, format_date
from .date_roles import Role

# The last day a part of a month said can be ("début mars": by the 10th, "mi-mars": by the 20th), as folded.
_PART_ENDS = {"debut": 10, "mi": 20}


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
