"""The sentences of the price answers (prices.py) that say why hours are priced or left out: only facts the
convention holds (article 4.2.1: 50 € TTC an hour, travel time and costs included)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from ..cost import Duration
from ..money import HOURLY_RATE, format_euros, format_hours, support_cost
from .asked import OTHER_DAYS, OTHER_MONTH, OTHER_YEAR
from .misread_hours import misread_notes
from .visit_sentences import APART, QUOTED

if TYPE_CHECKING:
    from .visit_parts import Part

# Why hours that are not a CDG 62 intervention get no price (only facts the text holds).
NOT_BILLED = {
    "outage": "Une panne ou une coupure n'est pas une intervention du CDG 62 à facturer : je ne calcule aucun "
    "montant, et la convention ne prévoit pas d'indemnisation calculée à l'heure.",
    "delay": "Ce délai n'est pas une intervention à facturer : je ne calcule aucun montant, et la convention ne "
    "fixe aucun délai d'intervention.",
    "training": "La convention ne parle pas de formation en particulier : je ne chiffre pas cette durée. Si le "
    "CDG 62 la fait dans le cadre de son accompagnement, chaque intervention est facturée au temps passé, au taux "
    "horaire de l'article 4.2.1.",
}
TRAINING_PRICED = (
    "La convention ne parle pas de formation en particulier : j'ai compté ce temps comme une intervention du CDG 62 "
    "dans le cadre de son accompagnement (article 2.2), facturée au temps passé."
)
TRAINING_LEFT_OUT = (
    "Les heures de formation de votre message ne sont pas comptées : la convention ne parle pas de formation en "
    "particulier. Si le CDG 62 la fait dans le cadre de son accompagnement, ajoutez-les au temps passé."
)
TRAVEL_UNTIMED = (
    "Votre message ne donne pas le temps de trajet, seulement une distance : ce temps est facturé aussi (article "
    "4.2.1), ajoutez-le pour chaque déplacement ; les kilomètres ne sont pas facturés à part (frais de déplacement "
    "compris dans le taux horaire)."
)
ONE_VISIT = (
    "Ce montant est celui d'une seule venue : votre message donne des heures par période sans dire combien de venues "
    "il y a. Multipliez-le par leur nombre, le trajet de chacune compris."
)
PER_PERIOD = "C'est le montant d'une période (« {period} ») ; pour un total, multipliez-le par le nombre de périodes."
NO_HOURS = (
    "La convention ne fixe aucun horaire (ni d'ouverture, ni de support, ni d'intervention) : je ne peux pas vous "
    "répondre. Demandez-les directement à l'organisme concerné."
)
NO_HT = "La convention ne donne que des prix TTC : elle ne fixe aucun montant HT."
# "ajouter 20 % de TVA": the hourly rate is TTC.
TAX_INCLUDED = (
    f"Le taux horaire de {format_euros(HOURLY_RATE)} est TTC (toutes taxes comprises, article 4.2.1) : aucune TVA ne "
    "s'y ajoute."
)
# "le CDG nous facture 3 h … il est arrivé à 14h et reparti à 15h45": the hours billed are the bill to check.
PAID = "Je n'ai pas compté {hours} : votre message les dit déjà payées ou facturées."
CLAIMED = (
    "Je n'ai pas compté {hours}, les heures facturées : le CDG 62 facture le temps réellement passé (article 4.2.1), "
    "celui que votre message décrit ; comparez-les à ce montant."
)
# "J'ai roulé 4h30 … Le technicien du CDG est venu de 14h à 16h15": hours said apart from the visit (visit_sentences.py).
APART_NOTE = (
    "Je n'ai pas compté {hours} : les mots de ces heures ne parlent pas de la venue du CDG 62 ; si c'est aussi du "
    "temps passé par lui, ajoutez-les."
)

# "Un administré m'écrit : « … de 14h à 18h … ». Le technicien était en fait là de 14h à 15h30" (visit_sentences.py).
QUOTED_NOTE = (
    "Je n'ai pas compté {hours} : ces heures sont citées, et votre message donne ailleurs le temps passé par le CDG 62 ; "
    "si elles s'y ajoutent, ajoutez-les."
)


# "le 14, rendez-vous de 2 heures annulé par nous la veille": a visit that did not take place (duration_roles `cancelled`).
CANCELLED_NOTE = (
    "Je n'ai pas compté {hours} : cette venue n'a pas eu lieu (annulée ou reportée), et le CDG 62 facture le temps "
    "réellement passé (article 4.2.1)."
)

# "une heure mardi, mais elle ira sur la facture de novembre" (duration_roles `later_invoice`).
LATER_INVOICE_NOTE = (
    "Je n'ai pas compté {hours} : votre message dit que ces heures iront sur une autre facture (ou une autre période)."
)
# "le conseil, qui a duré deux heures mais sans personne du CDG" (duration_roles `without_cdg`).
WITHOUT_CDG_NOTE = (
    "Je n'ai pas compté {hours} : votre message dit que le CDG 62 n'y était pas, et il ne facture que le temps qu'il "
    "passe (article 4.2.1)."
)
# "venu chez nous 1h30 le matin, puis il est allé à Barlin pour 2h" (duration_roles `elsewhere`).
ELSEWHERE_NOTE = (
    "Je n'ai pas compté {hours} : d'après votre message, ces heures ont été passées ailleurs, pour une autre "
    "collectivité (le CDG 62 facture chaque intervention à la collectivité au profit de laquelle elle est faite)."
)

# "En novembre elle est revenue le 4 pour 1h. Combien sur la facture d'octobre ?", "… le deuxième trimestre ?"
OTHER_MONTH_NOTE = "Je n'ai pas compté {hours} : ces heures sont d'un autre mois, hors de la période de votre question."
OTHER_YEAR_NOTE = (
    "Je n'ai pas compté {hours} : ces heures sont d'une autre année, hors de la période de votre question."
)
# "… le 16/09 (1h). Combien pour ses passages du 1er au 15 septembre ?": its month asked, not its day.
OTHER_DAYS_NOTE = "Je n'ai pas compté {hours} : ces heures sont d'un autre jour, hors de la période de votre question."
# "elle revient mardi prochain pour 2h environ. On doit combien à ce jour ?" (duration_roles `to_come`).
TO_COME_NOTE = "Je n'ai pas compté {hours} : cette venue est encore à venir ; seul le temps déjà passé est dû."

# "3 h … 2 h … combien ?" with no word saying whether they add up: each priced, the time spent asked (prices.py).
NOT_ADDED = (
    "Votre message donne plusieurs durées sans dire s'il faut les additionner. Au taux de {rate} TTC de l'heure, temps "
    "et frais de déplacement compris (article 4.2.1) : {prices}. Précisez le temps passé par le CDG 62 si vous voulez "
    "un seul montant."
)
# Hours of La Fibre's beside the CDG 62's (prices.py): never priced at the CDG 62's rate.
FIBRE_NOT_COUNTED = (
    "Les heures de La Fibre Numérique 59 62 ne sont pas comptées : la convention ne lui fixe aucun taux horaire, son "
    "prix est celui du devis signé (article 4.1 et annexe n°2)."
)

# "un entretien téléphonique de 45 minutes … Quel montant pour les seules interventions sur site ?" (trips.py)
REMOTE = "remote"
REMOTE_NOTE = (
    "Je n'ai pas compté {hours} : ce temps est passé à distance ; votre question porte sur les venues sur place."
)

# "pensait que chaque passage compte 1 h minimum" (duration_roles `floor`): a rule believed, not time spent.
FLOOR_NOTE = (
    "Je n'ai pas compté {hours} : c'est un minimum par venue, et l'article 4.2.1 n'en prévoit pas ; le CDG 62 facture "
    "le temps réellement passé."
)

# "03/09 | 2h00 / 17/09 | 1h30 / Total : 4h45": the writer's total is not the sum of the hours detailed (prices.py).
SAID_TOTAL = "said_total"
SAID_TOTAL_NOTE = (
    "Je n'ai pas compté {hours}, le total écrit dans votre message : ce n'est pas la somme des durées détaillées, "
    "celle que j'ai comptée ; vérifiez ce total."
)


def role_notes(roles: list[tuple[Duration, str]], misread: list[tuple[Duration, Duration]]) -> list[str]:
    """The notes of hours read but not priced: the hours billed to check, those said apart from the visit ("j'ai roulé
    4h30"), decimals misconverting a visit's hours ("1,45 h" for 1 h 45)."""
    notes = {
        "claimed": CLAIMED,
        "paid": PAID,
        "cancelled": CANCELLED_NOTE,
        "later_invoice": LATER_INVOICE_NOTE,
        "without_cdg": WITHOUT_CDG_NOTE,
        "elsewhere": ELSEWHERE_NOTE,
        "to_come": TO_COME_NOTE,
        "floor": FLOOR_NOTE,
        REMOTE: REMOTE_NOTE,
        SAID_TOTAL: SAID_TOTAL_NOTE,
        OTHER_MONTH: OTHER_MONTH_NOTE,
        OTHER_DAYS: OTHER_DAYS_NOTE,
        OTHER_YEAR: OTHER_YEAR_NOTE,
        APART: APART_NOTE,
        QUOTED: QUOTED_NOTE,
    }
    return [
        note.format(hours=", ".join(f"« {d.text} »" for d in said))
        for role, note in notes.items()
        if (said := [d for d, other in roles if other == role])
    ] + misread_notes(misread)


# Travel and no visit's hours, or hours not the CDG 62's ("4 fois, 30 min de route"): the trip alone is never priced.
TRAVEL_ALONE = (
    "Votre message donne {travel} de trajet{others} : je ne chiffre pas le trajet seul. Le CDG 62 facture tout son "
    "temps, trajet compris, {rate} TTC de l'heure (article 4.2.1) : dites-moi combien d'heures il passe sur place et "
    "je calculerai le montant."
)
# Remote sessions only, and a trip said: never made, never billed (Article 4.2.1 bills the time really spent).
REMOTE_TRIPS = (
    "Je n'ai pas compté {hours} de trajet : votre message ne parle que de séances à distance, sans déplacement, et le "
    "CDG 62 facture le temps réellement passé (article 4.2.1). Si le conseiller s'est déplacé, ajoutez ce trajet."
)
# A trip told once, apart from the visits' hours, for several visits: each visit made it (Article 4.2.1 bills the trip).
TRIP_EACH_VISIT = (
    "J'ai compté le trajet pour chacune des {visits} interventions : chaque venue a le sien. S'il n'a été fait qu'une "
    "fois, retirez {extra} de trajet."
)


def trip_each_visit(parts: Sequence[Part], visits: int) -> str:
    """The note of a trip counted for each of `visits` visits, the other reading said in hours, never as an amount."""
    trips = sum((p.hours for p in parts if p.role == "travel"), Decimal(0))
    return TRIP_EACH_VISIT.format(visits=visits, extra=format_hours(trips * (visits - 1) / visits))


# A trip told once with one visit's hours, for several visits: counted as written, the other reading priced.
TRIP_ONCE = (
    "J'ai compté le trajet ({trips}) une seule fois, comme votre message l'écrit ; compté pour chacune des {visits} "
    "interventions, le montant serait de {amount} TTC."
)
TRAVEL_LEFT_OUT = ", mais je n'ai pas compté {hours} comme du temps passé par le CDG 62"
NO_VISIT = " et aucun temps sur place"


def visits_unclear(own: list[tuple[Duration, str]]) -> str:
    """Travel said for each visit, but how many visits is not clear: the price of one visit (or of the hours on site
    and of one trip, when several visits are listed), and the question."""
    groups = [[d for d, r in own if r != "travel"], [d for d, r in own if r == "travel"]]
    hours = [sum((d.hours or Decimal(0) for d in group), Decimal(0)) for group in groups]
    if len(groups[0]) > 1:  # "4 déplacements : 2 h, 1 h et 1 h 30": not one visit's hours
        on_site, trip = (f"{format_hours(h)} = {format_euros(support_cost(h))} TTC" for h in hours)
        priced = f"Heures sur place : {on_site} ; trajet de chaque intervention : {trip}"
    else:
        total = hours[0] + hours[1]
        detail = " + ".join(format_hours(d.hours or Decimal(0)) + " de trajet" * (r == "travel") for d, r in own)
        detail = f"{detail} = " if len(own) > 1 else ""  # "1 h = 1 h" says nothing
        priced = f"Pour une intervention : {detail}{format_hours(total)} = {format_euros(support_cost(total))} TTC"
    said = "un temps de trajet" if groups[1] else "la durée"  # never a trip the message does not give
    return (
        f"Votre message donne {said} pour chaque intervention sans dire clairement combien "
        f"d'interventions il y a : je ne calcule pas de total. {priced}, au taux de {format_euros(HOURLY_RATE)} "
        "TTC de l'heure, temps et frais de déplacement compris (article 4.2.1). Dites-moi le nombre "
        "d'interventions et la durée de chacune."
    )


def staff_note(count: int, hours: Decimal) -> str:
    """ "2 conseillers de 9h à 12h": article 4.2.1 bills the time spent without saying whether for each agent."""
    return (
        f"Votre message parle de {count} agents du CDG 62 : la convention facture « le temps passé » (article 4.2.1) "
        f"sans dire s'il se compte pour chacun. Compté pour chacun, ce serait {format_hours(hours * count)}, soit "
        f"{format_euros(support_cost(hours * count))} TTC : vérifiez-le sur le devis."
    )


# Visits counted, some said cancelled right after their hours ("8 créneaux de 45 min, 2 annulés"): not billed, said.
def cancelled_left_out(count: int) -> str:
    """The note of the visits counted and said cancelled, left out of the price."""
    said = "la séance dite annulée" if count == 1 else f"les {count} séances dites annulées"
    return f"Je n'ai pas compté {said} : seules les autres sont facturées."
