"""Clock times written as four digits ("0930", "1400-1800") read as "9h30", "14h00-18h00" when the writer uses them
(clock_minutes.military_times): a table of cases, references, years and amounts left as they are."""

import pytest

from bot.core.clock_minutes import military_times

CASES = [
    ("Arrivée 0930, départ 1200. Trajet 30 min.", "Arrivée 9h30, départ 12h00. Trajet 30 min."),
    ("Début 1400, fin 1530. Mairie ouverte 1400-1800.", "Début 14h00, fin 15h30. Mairie ouverte 14h00-18h00."),
    ("sur site 0800-1200, facture reçue à 0745, 1200 € TTC", "sur site 8h00-12h00, facture reçue à 7h45, 1200 € TTC"),
    ("installé le 15/03 à 1800", "installé le 15/03 à 1800"),  # no four-digit time otherwise: an amount may be meant
    ("budget 2025-2026 de 1200 euros", "budget 2025-2026 de 1200 euros"),  # years
    ("facture n° 2026-0412, F-0915, F2026-0412", "facture n° 2026-0412, F-0915, F2026-0412"),  # references
    ("compte rendu n° 0917, n°0918 : 8h45", "compte rendu n° 0917, n°0918 : 8h45"),
    ("le 0930 puis 2026 et 1200,50", "le 9h30 puis 2026 et 1200,50"),  # a year, a decimal
    ("tél 0321263030, 62150 Hesdin", "tél 0321263030, 62150 Hesdin"),
]


@pytest.mark.parametrize(("text", "read"), CASES)
def test_military_times(text: str, read: str) -> None:
    assert military_times(text) == read
