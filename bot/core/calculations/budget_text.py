"""The wording of the budget answers (budget.py): what an amount buys of the CDG 62's time, what is left of it, and how
it was counted (article 4.2.1: 50 € TTC an hour, travel included)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from ..cost import Duration
from ..money import HOURLY_RATE, format_euros, format_hours, support_cost
from .visit_parts import Part, detail

TTC = f"au taux horaire de {format_euros(HOURLY_RATE)} TTC, temps et frais de déplacement compris (article 4.2.1)"
NO_VAT = "Le taux est TTC : il n'y a pas de TVA à ajouter."


def shared(amount: Decimal, quote: Decimal, reading: str) -> str:
    """How the budget and La Fibre's quote were read: the quote taken out of it, or the reading taken said."""
    rest = amount - quote
    if reading == "less" and rest <= 0:
        return (
            f"Le devis de La Fibre Numérique 59 62 ({format_euros(quote)}) se paie sur ce même budget de "
            f"{format_euros(amount)} et {'le dépasse' if quote > amount else 'l’épuise'} : il ne reste rien pour l'accompagnement du CDG 62 (article 4.2.1)."
        )
    less = f"{format_euros(amount)} − {format_euros(quote)} = {format_euros(rest)}"
    if reading == "less":
        return f"Le devis de La Fibre Numérique 59 62 se paie sur ce même budget : {less} pour le CDG 62."
    return (
        f"J'ai compté les {format_euros(amount)} pour le seul CDG 62. Si le devis de La Fibre Numérique 59 62 "
        f"({format_euros(quote)}) se paie sur ce même montant, il reste {less}, soit "
        f"{format_hours(rest / HOURLY_RATE)} de temps du CDG 62, trajets compris."
    )


def checked(mine: list[Duration], found: Decimal) -> str:
    """The user's own figure compared with the hours found ("J'ai calculé qu'on aurait 15 heures sur place")."""
    if len(mine) != 1 or mine[0].hours is None:
        return ""
    if mine[0].hours == found:
        return f" Votre calcul ({format_hours(found)}) est juste."
    return f" Votre chiffre de {format_hours(mine[0].hours)} n'est pas le bon : {format_hours(found)} au plus."


def hours_bought(amount: Decimal) -> str:
    """ "275,00 € TTC … = 5 h 30 de temps passé par le CDG 62, trajets compris." """
    return (
        f"{format_euros(amount)} TTC {TTC} : {format_euros(amount)} ÷ {format_euros(HOURLY_RATE)} = "
        f"{format_hours(amount / HOURLY_RATE)} de temps passé par le CDG 62, trajets compris."
    )


def hours_left(amount: Decimal, travel: list[Part]) -> str:
    """The hours an amount pays, less the travel it must also pay: the hours left on site."""
    bought = amount / HOURLY_RATE
    if not travel:
        return (
            f"{hours_bought(amount)} {NO_VAT} Calcul indicatif, si ce montant ne paie que le temps passé par le CDG 62."
        )
    trips, said = sum((p.hours for p in travel), Decimal(0)), detail(travel)
    if trips >= bought:
        left = f"ce montant ne couvre pas plus que le trajet ({said} = {format_hours(trips)}) : il ne reste aucune heure sur place."
    else:
        left = (
            f"moins le trajet ({said} = {format_hours(trips)}, du temps facturé aussi), il reste au plus "
            f"{format_hours(bought - trips)} sur place."
        )
    return f"{hours_bought(amount)} Soit {format_hours(bought)} en tout ; {left} {NO_VAT} Calcul indicatif."


def hours_remaining(amount: Decimal, spent: Sequence[Part]) -> str:
    """The hours an amount still pays once the hours already worked (travel included, each as many times as billed)
    are paid: what is left first, then how (the amount's hours in all are never said first: a reader in a hurry would
    take them for what is left)."""
    used = sum((p.hours for p in spent), Decimal(0))
    paid = support_cost(used)
    hours = f"{detail(spent)} = {format_hours(used)}" if len(spent) > 1 or spent[0].count > 1 else detail(spent)
    done = f"les heures déjà passées ({hours}) coûtent {format_euros(paid)} TTC"
    if paid >= amount:
        than = "autant que" if paid == amount else "plus que"
        left = f"Il ne reste aucune heure : {done}, {than} les {format_euros(amount)} TTC du montant"
    else:
        rest = amount - paid
        left = (
            f"Il reste {format_hours(rest / HOURLY_RATE)} de temps passé par le CDG 62, trajets compris ("
            f"{format_euros(rest)} TTC) : {done}, et {format_euros(amount)} − {format_euros(paid)} = {format_euros(rest)}"
        )
    return f"{left}, {TTC}. {NO_VAT} Calcul indicatif."


def added_hours(billed: list[tuple[Duration, str]]) -> str:
    """ "1 h + 0 h 30 de trajet": the hours added up, travel said as such."""
    return " + ".join(format_hours(d.hours or Decimal(0)) + (" de trajet" * (r == "travel")) for d, r in billed)
