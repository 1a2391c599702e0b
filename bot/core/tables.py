"""Pasted tables ("Date | Arrivée | Départ", a spreadsheet's rows copied with their tabs): each row is read as one
sentence that names its cells by their column ("Date 12/03/2026, Arrivée 09:00, Départ 11:30."), as a person reads
a table: a row's hours, dates and amounts belong together, and a column's title gives each its role (an arrival, a
trip, an invoice's amount). Without a title row (a cell of its first line starts with a figure), the cells are read
side by side."""

from __future__ import annotations

import re

MIN_COLUMNS = 2
MIN_LINES = 2  # a title row and one row, or two rows: one line with a "|" is no table ("oui | non")
_RULE = re.compile(r"[\s|:+=-]*")  # a markdown table's rule line: "|---|:---|"
_DIGIT = re.compile(r"\d")
_END = re.compile(r"[.;!?:]$")
# A title's abbreviation point ("Sign. maire", "Délib.") ends no sentence: the row is one sentence, its cells one body's.
_TITLE_POINT = re.compile(r"\.(?=\s|$)")


def rows_as_sentences(text: str) -> str:
    """`text` with each run of table lines (the same number of cells, at least two, on two lines or more) written as
    one sentence per row; the other lines as they are."""
    if "|" not in text and "\t" not in text:
        return text
    lines = text.split("\n")
    cells = [_cells(line) for line in lines]
    # A cell "?" is a value not known yet ("| Signature CDG 62 | ? |"): asked only when no line outside a table asks.
    blank = "?" if any("?" in line for line, row in zip(lines, cells, strict=True) if row is None) else ""
    out: list[str] = []
    index = 0
    while index < len(lines):
        run = _run(cells, index)
        if len(run) < MIN_LINES:
            out.append(lines[index])
            index += 1
            continue
        first = cells[run[0]] or []
        titled = not any(_DIGIT.match(cell) for cell in first)  # "signature CDG62" is a title, "12/03" a value
        titles = [_TITLE_POINT.sub("", title) for title in first] if titled else [""] * len(first)
        out.extend(_sentence(titles, cells[row] or [], blank) for row in (run[1:] if titled else run))
        index = run[-1] + 1
    return "\n".join(out)


def _cells(line: str) -> list[str] | None:
    """The cells of a table line ("| a | b |", "a\tb"), None for a rule line or a line that is no table's."""
    line = line.rstrip("\r")
    if "|" in line:
        if _RULE.fullmatch(line):
            return []
        cells = line.strip().removeprefix("|").removesuffix("|").split("|")
    elif "\t" in line.strip():
        cells = line.strip().split("\t")
    else:
        return None
    cells = [" ".join(cell.split()) for cell in cells]
    return cells if len(cells) >= MIN_COLUMNS else None


def _run(cells: list[list[str] | None], start: int) -> list[int]:
    """The table lines from `start` with as many cells as its first (rule lines skipped), by index."""
    if not cells[start]:
        return []
    width = len(cells[start] or [])
    run = [start]
    for index in range(start + 1, len(cells)):
        line = cells[index]
        if line == []:
            continue  # "|---|---|"
        if line is None or len(line) != width:
            break
        run.append(index)
    return run


def _sentence(titles: list[str], row: list[str], blank: str = "") -> str:
    """One row as a sentence: "Date 12/03/2026, Arrivée 09:00, Départ 11:30."; no colon after a
    title: "Date :" is a header's field, whose date is the e-mail's. Cells that are `blank` are left out."""
    kept = [(title, cell) for title, cell in zip(titles, row, strict=True) if cell and cell != blank]
    said = ", ".join(f"{title} {cell}" if title else cell for title, cell in kept)
    return said if not said or _END.search(said) else f"{said}."
