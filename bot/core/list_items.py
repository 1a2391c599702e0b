"""Which items of a message's lists are its questions: every item of a list some items of which ask, but not an item
that tells the situation in a list whose questions end with "?"; and the things a count announces ("deux trucs. …")."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Protocol

from .lists import BULLETS, COUNTED_MARK
from .sentences import Sentence

# Dash bullets: a note's marks ("- devis validé ✅"), not a checklist's boxes ("☐ date du conseil"), nor the mark of items
# counted by words (announced by them), nor a numbered list's (no bullet).
DASHES = frozenset(BULLETS) - frozenset(f"□☐{COUNTED_MARK}")
_TOLD_ITEM = re.compile(r"^(?:\S+\s+){11,}[^?]*\.$")  # twelve words or more, ending with a full stop


class ItemReading(Protocol):
    """What a list's items tell (line_questions.LineQuestions)."""

    def tells(self, sentence: str) -> bool: ...
    def tells_story(self, sentence: str) -> bool: ...
    def requests(self, item: str) -> bool: ...


def asking_items(sentences: list[tuple[str, bool, bool]], reading: ItemReading) -> set[int]:
    """Which of the sentences (text, listed, asks) are questions as items: every item of a list some items of which
    ask (of every list when none asks), but not, in a list whose questions end with "?", an item ending with a full
    stop that is long or tells (`reading.tells`) what happened or a value ("2. Aux termes de l'article L. 2312-1, le
    budget doit être voté en équilibre ; je souhaite donc inscrire un crédit.", "2. Le devis a été signé par le
    maire."; before the first "?", "2. Le CDG est venu deux fois."); in a to-do list some items of which are requests
    (`reading.requests`: "- demander si …"), those only: the others are tasks."""
    quiet = not any(asks for _, _, asks in sentences)
    asking: set[int] = set()
    for run in runs([listed for _, listed, _ in sentences]):
        if todo := {i for i in run if reading.requests(sentences[i][0])}:
            asking |= todo | {i for i in run if sentences[i][2]}
        elif quiet or any(sentences[i][2] for i in run):
            marked = [i for i in run if sentences[i][0].rstrip().endswith("?")]
            # before the first item with its "?", "être" tells too ("2. Le CDG est venu deux fois. 3. Qui paie … ?")
            story = [i for i in run if marked and i < marked[0] and _told(sentences[i][0], reading.tells_story)]
            told = {i for i in run if marked and not sentences[i][2] and _told(sentences[i][0], reading.tells)}
            asking |= set(run) - told - set(story)
    return asking


def notes(sentences: list[tuple[str, bool, str]], asks: Callable[[str], bool]) -> set[int]:
    """Which of the sentences (text, dashed, last character as written) note the situation: in a list of dash items
    announced by nothing, some of which ask with a "?", an item without one that asks nothing by its own words ("- devis
    validé ✅ / - le maire part en congés 🏖️ / - qui signe pour le CDG 62 ?"). Not a numbered list's item nor a
    checklist's empty box ("☐ date du prochain conseil"), things to find out; nor an item of a list announced
    ("Trois questions : - la durée - le tarif ?"). `asks`: whether an item asks by its own words, as it would alone
    ("- le trésorier demande le mode de paiement du CDG")."""
    noted: set[int] = set()
    for run in runs([dashed for _, dashed, _ in sentences]):
        announced = run[0] > 0 and sentences[run[0] - 1][2] == ":"
        marked = {i for i in run if "?" in sentences[i][0] or sentences[i][2] == "?"}
        if marked and not announced:
            noted |= {i for i in run if i < min(marked) and not asks(sentences[i][0])}
    return noted


def _told(item: str, tells: Callable[[str], bool]) -> bool:
    """Does an item ending with a full stop tell: long, or telling what happened or a value?"""
    return bool(_TOLD_ITEM.search(item)) or (item.rstrip().endswith(".") and tells(item))


def runs(listed: list[bool]) -> list[list[int]]:
    """The indexes of each list of a message's sentences (`listed`: whether each is a list item): items one after
    another."""
    found: list[list[int]] = []
    for i, item in enumerate(listed):
        if item:
            if found and found[-1][-1] == i - 1:
                found[-1].append(i)
            else:
                found.append([i])
    return found


def counted_things(
    sentences: list[Sentence], counts: Callable[[str], int], asks: Callable[[str, bool], bool]
) -> list[Sentence]:
    """`sentences`, the things a count announces ("bonjour deux trucs. le CDG il fait quoi pour nous. et aussi on
    peut … ?") asking by their words without their "?" too, when exactly that many sentences end the message after
    it and one of them asks."""
    for index, sentence in enumerate(sentences):
        number = 0 if sentence.asks or sentence.listed else counts(sentence.text)
        after = sentences[index + 1 :]
        if number > 1 and len(after) == number and any(s.asks for s in after):
            return [*sentences[: index + 1], *(replace(s, asks=s.asks or asks(s.text, True)) for s in after)]
    return sentences
