"""Clock times written as four digits ("1015", "0830-1115") read as "10h15", "8h30-11h15" when the writer uses them
(clock_minutes.military_times): a table of cases, references, years and amounts left as they are."""

import pytest

from bot.core.clock_minutes import military_times

CASES = [
    ("Venu 0845, reparti 1115. Route 20 min.", "Venu 8h45, reparti 11h15. Route 20 min."),
    ("Entrée 1330, sortie 1615. Salle louée 1300-1900.", "Entrée 13h30, sortie 16h15. Salle louée 13h00-19h00."),
    ("présence 0830-1115, mail reçu à 0712, 1300 € TTC", "présence 8h30-11h15, mail reçu à 7h12, 1300 € TTC"),
    ("installé le 15/03 à 1800", "installé le 15/03 à 1800"),  # no four-digit time otherwise: an amount may be meant
    ("budget 2025-2026 de 1200 euros", "budget 2025-2026 de 1200 euros"),  # years
    ("facture n° 2026-0412, F-0915, F2026-0412", "facture n° 2026-0412, F-0915, F2026-0412"),  # references
    ("compte rendu n° 0917, n°0918 : 8h45", "compte rendu n° 0917, n°0918 : 8h45"),
    ("le 0845 puis 2026 et 1300,50", "le 8h45 puis 2026 et 1300,50"),  # a year, a decimal
    ("tél 0321263030, 62150 Hesdin", "tél 0321263030, 62150 Hesdin"),
]


@pytest.mark.parametrize(("text", "read"), CASES)
def test_military_times(text: str, read: str) -> None:
    assert military_times(text) == read
