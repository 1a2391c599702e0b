"""The notes a deadline answer adds about the message's other dates: an end that is no anniversary, coming events."""

from __future__ import annotations

from datetime import date

from dateutil.relativedelta import relativedelta

from ..date_mentions import DateMention
from ..deadlines import compute_deadlines, format_date

# The breach path said, not computed, when the anniversary's deadline is what is asked (dates.py, `_at_the_term`).
BREACH_TOO = (
    "Votre mise en demeure du {date} ouvre aussi la résiliation pour manquement si elle reste infructueuse durant trois "
    "mois (article 6) : demandez-moi cette date si vous la voulez."
)


def not_an_anniversary(end: DateMention, signature: date) -> list[str]:
    """The note for an end the collectivité wants on a day that is not an anniversary of `signature`."""
    assert end.value is not None
    years = end.value.year - signature.year
    if years > 0 and years % 2 == 0 and signature + relativedelta(years=years) == end.value:
        return []
    return [
        # its day not written again: the answer's own dates are the ones to read (a skimming reader takes the first)
        "La date de fin que donne votre message n'est pas une date anniversaire de la convention : la collectivité ne "
        "peut la résilier qu'à sa date anniversaire (article 6)."
    ]


def coming_events(events: list[date], signature: date, today: date) -> list[str]:
    """Each coming event of the message (a council meeting) said before or after the letter's deadline."""
    now = compute_deadlines(signature, today)
    lines = []
    for day in events:
        if day == now.open_notice:  # not "before the deadline … (0 jours plus tard)"
            lines.append(
                f"Le {format_date(day)}, la date que vous indiquez, est le dernier jour : la lettre recommandée doit être "
                f"reçue par les autres parties ce jour-là au plus tard (pour l'échéance du {now.open_end:%d/%m/%Y})."
            )
            continue
        if day < now.open_notice:
            lines.append(
                f"Le {format_date(day)}, la date que vous indiquez, est avant la date limite du "
                f"{now.open_notice:%d/%m/%Y} (pour l'échéance du {now.open_end:%d/%m/%Y}) : vous êtes encore dans les temps, si "
                f"la lettre recommandée est ensuite "
                f"reçue par les autres parties au plus tard le {now.open_notice:%d/%m/%Y} "
                f"({(now.open_notice - day).days} jours plus tard)."
            )
            continue
        then = compute_deadlines(signature, day)
        lines.append(
            f"Le {format_date(day)}, la date que vous indiquez, est après la date limite du "
            f"{now.open_notice:%d/%m/%Y} : trop tard pour l'échéance du {now.open_end:%d/%m/%Y}. Sans lettre reçue "
            f"d'ici là, la convention est reconduite tacitement ; l'échéance suivante est le "
            f"{then.open_end:%d/%m/%Y}, avec une lettre reçue au plus tard le {then.open_notice:%d/%m/%Y}."
        )
    return lines
