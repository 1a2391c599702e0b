"""The convention's calendar in words: the deadline answer, /echeances, reminder texts."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from .deadlines import compute_deadlines, format_date

# Article 6 says the other parties must "have been warned" three months before the end, not whether sending the letter
# is enough: every deadline is read on its receipt, the prudent reading, and said to be one (audit of session 40).
RECEIPT_PRUDENCE = "par prudence, comptez sa réception : l'article 6 ne dit pas si l'envoi suffit"
# A provider's letter: its end is counted from the receipt too, said as a reading (sending would give an earlier end).
RECEIPT_READING = "compté depuis la réception : l'article 6 ne dit pas si l'envoi suffit"


def notice_note(notice: date) -> str:
    """What a calendar answer closes with: how the notice is counted, and from which signature."""
    return (
        "L'article 6 demande que les autres parties aient été averties au moins trois mois avant l'échéance, sans "
        f"dire si l'envoi de la lettre suffit : par prudence, comptez sa réception et envoyez-la plusieurs jours avant "
        f"le {notice:%d/%m/%Y}. Calcul indicatif (articles 3 et 6) : la date qui compte est celle de la dernière "
        "signature par toutes les parties."
    )


def deadline_text(signature: date, today: date, *, anniversary: date | None = None, missed: bool = False) -> str:
    """The convention's calendar for `signature` (or for the period ending on `anniversary`), in plain French;
    `missed`: the message asks what follows a deadline missed, so the next one is said too."""
    d = compute_deadlines(signature, today)
    if anniversary is not None:
        lines = [f"Pour une convention dont l'échéance est le {format_date(anniversary)} :"]
    else:
        lines = [f"Pour une convention signée le {format_date(signature)} :"]
    if signature > today and anniversary is None:
        lines.append("• elle n'est pas encore en vigueur : elle le sera à sa signature par toutes les parties ;")
    number = "" if anniversary else f" (n°{d.period_number})"  # counted from the échéance, not the signature
    lines.append(f"• période de deux ans en cours{number} : jusqu'au {format_date(d.period_end)} ;")
    if d.notice_passed:
        lines.append(
            f"• la date limite pour ne pas la reconduire à cette échéance, le {format_date(d.notice_deadline)}, est "
            f"passée : elle sera reconduite jusqu'au {format_date(d.next_period_end)} ;"
        )
        lines.append(
            f"• pour y mettre fin à cette échéance-là, la lettre recommandée avec accusé de réception doit être reçue "
            f"par les autres parties au plus tard le {format_date(d.open_notice)}, soit {_in_days(d.days_left)}."
        )
    else:
        lines.append(
            f"• pour y mettre fin à cette échéance, la lettre recommandée avec accusé de réception doit être reçue par "
            f"les autres parties au plus tard le {format_date(d.open_notice)}, soit {_in_days(d.days_left)} "
            "(trois mois avant) ;"
        )
        lines.append(f"• sinon, elle est reconduite tacitement jusqu'au {format_date(d.next_period_end)}.")
        if missed:
            lines.append(
                f"• si cette date limite est manquée, la suivante est le {format_date(d.next_notice_deadline)} : la "
                f"lettre reçue au plus tard ce jour-là met fin à la convention le {d.next_period_end:%d/%m/%Y}."
            )
    lines.append(notice_note(d.open_notice))
    return "\n".join(lines)


def early_signature_warning(signature: date, earliest: date | None) -> str:
    """A warning when `signature` precedes the earliest date the convention could bear, or ""."""
    if earliest is None or signature >= earliest:
        return ""
    return (
        f"Attention : d'après le texte des parties, le CDG 62 n'a été autorisé à signer que le "
        f"{format_date(earliest)} ; une signature antérieure est à vérifier."
    )


def schedule_text(signature: date, today: date, *, earliest: date | None = None) -> str:
    """Every date of the chat's convention, with the days left (/echeances); `earliest`: see
    `early_signature_warning`."""
    d = compute_deadlines(signature, today)
    notice, end = d.open_notice, d.open_end
    lines = [
        f"• Entrée en vigueur : {format_date(signature)} (signature par toutes les parties, article 3).",
        f"• Fin de la période de deux ans en cours (n°{d.period_number}) : {format_date(d.period_end)}, "
        f"{_relative(d.period_end, today)}.",
    ]
    if d.notice_passed:
        lines.append(
            f"• Date limite de la lettre recommandée pour cette échéance : {format_date(d.notice_deadline)}, passée ; "
            f"prochaine date limite : {format_date(notice)}, {_relative(notice, today)} (échéance du {format_date(end)})."
        )
    else:
        lines.append(
            f"• Date limite pour envoyer la lettre recommandée avec accusé de réception (non-reconduction) : "
            f"{format_date(notice)}, {_relative(notice, today)} ; {RECEIPT_PRUDENCE}, par les autres parties au plus tard "
            "ce jour-là : envoyez-la plusieurs jours avant."
        )
    lines.append(
        f"• Prochain réexamen possible de la convention (date anniversaire, article 3) : {format_date(d.period_end)}."
    )
    lines.append("Dates indicatives, calculées depuis la date de signature enregistrée (articles 3 et 6).")
    if warning := early_signature_warning(signature, earliest):
        lines.append(warning)
    return "\n".join(lines)


def reminder_text(deadline: date, today: date) -> str:
    return (
        f"⏰ Rappel : pour ne pas reconduire la convention à sa prochaine échéance, la lettre recommandée avec "
        f"accusé de réception doit être reçue par les autres parties au plus tard le {format_date(deadline)}, "
        f"{_relative(deadline, today)} (article 6 ; {RECEIPT_PRUDENCE}) : envoyez-la plusieurs jours avant. Rien à faire si vous souhaitez continuer : la convention est reconduite tacitement (article 3)."
    )


def next_notice_deadline(signature: date, today: date) -> date:
    """The last day to send the LRAR that is still ahead (or today)."""
    return compute_deadlines(signature, today).open_notice


def reminder_times(
    deadline: date, days_before: list[int], send_time: time, timezone: str, now: datetime
) -> list[tuple[date, datetime]]:
    """When to remind of `deadline`: `days_before` it at `send_time` local time, those still ahead."""
    zone = ZoneInfo(timezone)
    due = [
        datetime.combine(deadline - timedelta(days=days), send_time, zone) for days in sorted(days_before, reverse=True)
    ]
    return [(deadline, moment) for moment in due if moment > now]


def _in_days(days: int) -> str:
    return {0: "aujourd'hui même", 1: "demain"}.get(days, f"dans {days} jours")


def _relative(target: date, today: date) -> str:
    days = (target - today).days
    return _in_days(days) if days >= 0 else f"il y a {-days} jours"
