"""Pasted tables read row by row (bot/core/tables.py): each case, the text and what the engine reads."""

import pytest

from bot.core.tables import rows_as_sentences

CASES = [
    # a title row, then rows: each row names its cells by their column
    (
        "Relevé\nDate | Arrivée | Départ\n12/03/2026 | 09:00 | 11:30\n19/03/2026 | 14:00 | 15:30\nCombien ?",
        "Relevé\nDate 12/03/2026, Arrivée 09:00, Départ 11:30.\nDate 19/03/2026, Arrivée 14:00, Départ 15:30.\n"
        "Combien ?",
    ),
    # a markdown table: its outer bars and rule line dropped, an empty cell left out
    (
        "| Objet | Montant |\n|---|---|\n| site | 390 € |\n| messagerie | |",
        "Objet site, Montant 390 €.\nObjet messagerie.",
    ),
    # a title may hold a figure ("CDG62"); a row whose cell starts with one is no title row: the cells side by side
    ("Commune | signature CDG62\nBours | 2025-11-05", "Commune Bours, signature CDG62 2025-11-05."),
    ("12/03 | 2h\n19/03 | 1h30", "12/03, 2h.\n19/03, 1h30."),
    # a spreadsheet's rows, copied with their tabs
    ("Date\tDurée\n12/03\t2h", "Date 12/03, Durée 2h."),
    # one line with a bar, or lines of different widths: no table
    ("oui | non ?", "oui | non ?"),
    ("a | b\nc | d | e", "a | b\nc | d | e"),
    ("Bonjour, une question.", "Bonjour, une question."),
]


@pytest.mark.parametrize(("text", "read"), CASES)
def test_rows_as_sentences(text: str, read: str) -> None:
    assert rows_as_sentences(text) == read
