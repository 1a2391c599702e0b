"""Lists written on one line ("Deux questions : a) … b) …", "(i) … ; (ii) …", "1. … 2. …", "Trois points :
- … - …", "• … • …", "la durée ; et le tarif", "Premièrement, … Deuxièmement, …"), written one item a line so that
the reader reads them as it reads a list written line by line (bot/core/message.py): each item a question, the words
announcing them context."""

from __future__ import annotations

import re
from collections.abc import Callable

from .phrases import any_phrase, hints, may_hold, written_forms
from .reading import Reading

__all__ = ["FULL_STOP", "CountedLists", "SequenceLists", "ended_items", "inline_items", "semicolon_items"]

# The marks of a list written on one line ("a) … b) …", "(i) … (ii) …", "1. … 2. …"): a run of them counting
# up from the first value ("a", "i", "1") makes each its own item, as if on its own line.
# The class of a mark's first characters ahead, then the look-behind: the look-behind is tried only where a mark may
# start (first, it was tried at every character of the message; the same matches, 0.15 -> 0.10 ms on 4,096 characters).
_INLINE_MARK = re.compile(
    r"(?=[(\da-hA-HivIV])(?<![\w(.,/-])\(?(?:(\d{1,2})(°?[)./-]|°)|([a-hA-H]|i{1,3}|iv|vi{0,3}|I{1,3}|IV|VI{0,3})(\)))"
    r"\s+(?=\S)"
)
_FIRST_VALUES = ("a", "i", "1")
# Dash bullets on one line ("Trois points : - le tarif - la durée - le tribunal"); "•" needs no colon.
# The mark first, the space before it checked behind it: the regex engine skips to the marks (a look-behind first was
# tried at every character); the same matches as "(?<=\s)[-•–—]\s+(?=[^\W\d])" and "(?<=\s)•\s+(?=\w)".
_INLINE_DASH = re.compile(r"[-•–—](?<=\s.)\s+(?=[^\W\d])")  # not "8 h 30 - 12 h": a range of numbers
_INLINE_BULLET = re.compile(r"•(?<=\s•)\s+(?=\w)")
# A form's field after a dash ("Ticket n° 12 — Catégorie : Devis — Description : …"): a label, not an item.
# The words that may stand between what a list announces and its colon ("trois choses que l'on me demande souvent et que
# je n'ai jamais su dire de mémoire :"); words only, no comma nor sentence mark.
ANNOUNCE_WORDS = 14
NAMED_ITEMS = (2, 2, 3)  # the fewest items of a list announced without its number: cut at ";", " / ", else ","
ITEM_WORDS = 15  # the most words of each such item
# What opens a list item's line: dashes, bullets, a checklist's empty box ("☐ date d'entrée en vigueur", not a ticked
# box "☑ délibération rédigée": a thing done), and "‣", the mark of items counted by words ("Premièrement, …").
BULLETS, COUNTED_MARK = "-•*–—▪◦●○■□☐➢►‣", "‣"  # counted items are announced by their words: no note's dashes
# a list item's line: "- …", "• …", "2) …", "1- …", "3° …", "1°) …" (formal French's numbered points)
_LINE_ITEM = re.compile(rf"[ \t]*(?:[{BULLETS}]|\d{{1,2}}(?:°?[.)/-]|°))[ \t]+\S")
ENDED = re.compile(r"[.;:!?,]\s*$")
FULL_STOP = re.compile(r"[.!…]\s+\w")  # a sentence ends and another follows
_FIELD_LABEL = re.compile(r"[^\W\d][\w'’]*(?:\s+[\w'’]+){0,2}\s*:(?!\d)")


def ended_items(text: str) -> str:
    """`text` with each list item's line ("- 06/10 : sur place 9h-12h, trajet 45 min") ended by ";" when it ends with
    no mark: what the calculations read of an item (its hours, its role words) stops at its line, as written."""
    lines = text.split("\n")
    ended = [f"{line} ;" if _LINE_ITEM.match(line) and not ENDED.search(line) else line for line in lines]
    return "\n".join(ended)


def semicolon_items(text: str, counts: Callable[[str], bool], asks: Callable[[str], bool]) -> str:
    """`text` with a list written with semicolons after words that count its items and ask nothing ("le maire me demande
    deux choses ; la durée ; et le tarif") as a list after a colon, one item a line (else the first: "objet ; litiges")."""
    lines = []
    for line in text.split("\n"):
        head, _, rest = line.partition(";")
        if rest.count(";") and ":" not in head and not FULL_STOP.search(head) and counts(head) and not asks(head):
            line = f"{head.rstrip()} :\n- " + "\n- ".join(item.strip() for item in rest.split(";"))
        lines.append(line)
    return "\n".join(lines)


def inline_items(text: str) -> str:
    """`text` with the items of a list written on one line each on its own line, the words announcing them
    ending with a colon ("Deux questions : a) … b) …", "je voudrais savoir (1) … (2) …", "Trois points :
    - … - …"): the reader then reads them as it reads a list written line by line."""
    starts: list[int] = []
    if ")" in text or any(f"1{closing}" in text for closing in ".°/-"):  # a first mark: "a)", "(i)", "1.", "1/"
        marks = [
            (m.start(), (m.group(1) or m.group(3)).lower(), m.group(2) or m.group(4))
            for m in _INLINE_MARK.finditer(text)
        ]
        for first in (m for m in marks if m[1] in _FIRST_VALUES):
            run, expected = [first[0]], _next_value(first[1])
            for start, value, closing in marks:
                if start > run[-1] and value == expected and closing == first[2]:
                    run.append(start)
                    expected = _next_value(expected)
            # a list written one item a line ("1. Considérant … ;" then "2. …") is one already: not this one's
            if len(run) > len(starts) and not all(_opens_line(text, start) for start in run):
                starts = run
    if len(starts) < 2 and any(dash in text for dash in "-–—•"):
        # Right after a colon, two dashes make a list; else three ("qq questions - … - … - …"): two dashes alone may set
        # a phrase apart ("la convention - signée en 2024 - prévoit-elle …", "… : passé à 9h – le maire était absent – puis …").
        # (a dash opening its line is a list written line by line: "Compte rendu - Points divers\n- Mme X demande …")
        found = _INLINE_DASH.finditer(text, max(text.find(":"), 0))
        dashes = [m.start() for m in found if not (_FIELD_LABEL.match(text, m.end()) or _opens_line(text, m.start()))]
        announced = bool(dashes) and text[: dashes[0]].rstrip().endswith(":")
        starts = dashes if len(dashes) >= (2 if announced else 3) else []
    if len(starts) < 2 and "•" in text:
        bullets = [m.start() for m in _INLINE_BULLET.finditer(text)]
        starts = bullets if len(bullets) >= 2 else []
    if len(starts) < 2:
        return text
    line_start = text.rfind("\n", 0, starts[0]) + 1
    announce = text[line_start : starts[0]].rstrip()
    colon = ":" if any(c.isalnum() for c in announce) and not announce.endswith(":") else ""
    pieces = [text[:line_start] + announce + colon]
    pieces += [text[start:end].rstrip() for start, end in zip(starts, [*starts[1:], len(text)], strict=True)]
    return "\n".join(pieces)


def _opens_line(text: str, start: int) -> bool:
    """Whether only spaces stand before `start` on its line."""
    return not text[text.rfind("\n", 0, start) + 1 : start].strip()


class CountedLists:
    """Lists announced by their number ("deux questions : la durée, et le tarif", "trois points : qui signe ;
    combien d'exemplaires ; à partir de quand"): the writer said how many things are asked, so the words after
    the colon, when they cut at ";" (else at ",") into exactly that many pieces, are that many items."""

    def __init__(
        self,
        counts: dict[str, int],
        things: tuple[str, ...],
        nouns: tuple[str, ...] = (),
        ordinals: tuple[str, ...] = (),
    ) -> None:
        self._counts = {word.lower(): number for word, number in counts.items()}
        # "J'ai deux questions. La première concerne la durée. La seconde porte sur le paiement.": after the count, two
        # sentences or more opening with an ordinal are its items (the ordinal kept: "la première année" is no item)
        self._ordinals = SequenceLists(ordinals, keep=True) if ordinals else None
        # Several things announced without their number ("Mes questions : …", "Questions de l'opposition à vérifier :
        # …"): a plural or a phrase of `nouns` (question_nouns, not "Question : …"), a few words more, then the colon.
        plurals = "|".join(re.escape(noun) for noun in nouns if " " in noun or noun.endswith("s"))
        self._named = re.compile(rf"(?<![\w'’])(?:{plurals})(?:\s+[\w'’-]+){{0,3}}\s*:\s*", re.I) if plurals else None
        words = "|".join(re.escape(word) for word in sorted(self._counts, key=len, reverse=True)) or r"(?!x)x"
        asked = "|".join(re.escape(thing) for thing in things) or r"(?!x)x"
        # The number, what is counted ("deux questions", not "trois interventions : 1h30, 2h et 45 min"), maybe
        # words more ("trois points avant de signer"), then the colon.
        # A class of the numbers' first characters ahead: with re.IGNORECASE the regex engine skips no character by
        # itself, and one test of a class leaves most of them (0.09 -> 0.03 ms on 4,096 characters).
        firsts = "".join(sorted({re.escape(word[0]) for word in self._counts if word}))
        # a word may stand between ("deux petites questions", "trois autres points")
        counted = rf"(?=[{firsts}])(?<![\w'’])({words})\s+(?:[^\W\d][\w'’-]*\s+)?(?:{asked})(?![\w'’])"
        self._announce = re.compile(rf"{counted}(?:\s+[\w'’-]+){{0,{ANNOUNCE_WORDS}}}\s*:\s*", re.IGNORECASE)
        self._counted = re.compile(counted, re.IGNORECASE)

    @classmethod
    def of(cls, reading: Reading) -> CountedLists:
        """The lists announced with the words of `reading` (knowledge/vocabulary.yaml)."""
        nouns, ordinals = reading.question_nouns, reading.ordinal_enumerators
        return cls(dict(reading.list_counts), reading.listed_things, nouns, ordinals)

    def counts(self, sentence: str) -> int:
        """How many things `sentence` counts ("Mon adjoint affirme deux choses": 2), 0 if none."""
        return self._counts[found.group(1).lower()] if (found := self._counted.search(sentence)) else 0

    def asked(self, sentences: list[tuple[str, bool, bool]]) -> set[int] | None:
        """The indexes of the items of a list whose number the writer gave ("Donc trois choses : quel tribunal, comment
        sortir, et si …"), when exactly that many follow and ask, among `sentences` (text, listed, asks): what she
        asks, the questions said elsewhere (a dialogue written out) being the same ones, told; else None."""
        for index, (text, listed, _) in enumerate(sentences):
            found = None if listed else self._counted.search(text)
            number = self._counts[found.group(1).lower()] if found else 0
            run = {i for i in range(index + 1, min(index + 1 + number, len(sentences))) if sentences[i][1]}
            longer = index + 1 + number < len(sentences) and sentences[index + 1 + number][1]  # miscounted: all asked
            if number and len(run) == number and not longer and all(sentences[i][2] for i in run):
                return run
        return None

    def items(self, text: str) -> str:
        """`text` with each announced list cut into its items, one a line after the announcing words."""
        if self._ordinals and (counted := self._counted.search(text)):
            text = text[: counted.end()] + self._ordinals.items(text[counted.end() :])
        if ":" not in text:
            return text
        return "\n".join(self._line(line) for line in text.split("\n"))

    def _line(self, line: str) -> str:
        counted = self._announce.search(line)
        announce = counted or (self._named and self._named.search(line))
        if not announce:
            return line
        rest = line[announce.end() :]
        end = _NEXT_SENTENCE.search(rest)  # the list is the sentence after the colon
        listed, after = (rest[: end.end()], rest[end.end() :]) if end else (rest, "")
        if "?" in listed and "?" in after:
            return line  # "deux questions : si …, quand … ? Et qui … ?": the questions are the sentences
        count = self._counts[counted.group(1).lower()] if counted else 0
        for separator, least in zip(_ITEM_SEPARATORS, NAMED_ITEMS, strict=True):
            pieces = [piece.strip() for piece in separator.split(listed.strip())]
            # without a number: enough short items ("la date limite, le tarif du CDG, et le tribunal compétent")
            named = not count and len(pieces) >= least and max(len(piece.split()) for piece in pieces) <= ITEM_WORDS
            if (len(pieces) == count or named) and all(any(char.isalnum() for char in piece) for piece in pieces):
                items = "\n- ".join(pieces)
                return f"{line[: announce.end()].rstrip()}\n- {items}" + (f"\n{after.strip()}" if after.strip() else "")
        return line


class SequenceLists:
    """Items counted by words at their sentence's start ("Premièrement, l'objet de la convention. Deuxièmement,
    faut-il un avenant ?", "d'une part … ; d'autre part …"): two or more make a list, one item a line."""

    def __init__(self, words: tuple[str, ...], keep: bool = False) -> None:
        self._keep = keep  # whether an item keeps its counting word ("la première …") or drops it ("premièrement, …")
        # As written and folded ("premierement" typed without accents), like every phrase of the vocabulary.
        # At a sentence's start or after a colon, or after ", et" ("… deux points : d'une part, …, et d'autre part, …").
        # The first letters of the words ahead: most marks are followed by none, and then no word is tried.
        firsts = "".join(sorted({re.escape(form[0]) for form in written_forms(words)})) or r"\W\w"
        item = rf"\s*(?:et\s+)?(?=[{firsts}])(?:{any_phrase(words)})(?![\w'’])[\s,:]*"
        self._first = re.compile(item, re.IGNORECASE)  # at the text's start
        # Elsewhere after the mark before it, the item its group: the regex engine skips from mark to mark (a
        # look-behind first was tried at every character: 0.2 ms on 4,096 characters), the pattern opening with the
        # class of the marks (a comma then needs "et" after it): an alternation first made it try every character.
        self._after = re.compile(rf"[.;:!?\n,](?:(?<=,)(?=(?i:\s*et\s))|(?<!,))((?i:{item}))")  # case-blind after
        self._hints = hints(words)

    def items(self, text: str) -> str:
        """`text` with each counted item on its own line, marked as a list item ("- …")."""
        if not may_hold(text, self._hints):
            return text
        found = self._items(text)
        if len(found) < 2:
            return text
        kept, end = [], 0
        for start, stop in found:
            kept += [text[end:start].rstrip(" ;"), f"\n{COUNTED_MARK} "]
            end = start if self._keep else stop
        return "".join([*kept, text[end:]])

    def _items(self, text: str) -> list[tuple[int, int]]:
        """Where each item's counting word starts and ends, as a pattern opening with "at the start, or after one of
        `.;:!?` or a line break, or after a comma before "et"" would find them one after the other: the mark before
        an item may close the item before it ("d'une part : … ; d'autre part : …")."""
        found = [first.span()] if (first := self._first.match(text)) else []
        position = max(found[-1][1] - 1, 0) if found else 0
        while after := self._after.search(text, position):
            found.append(after.span(1))
            position = max(after.end(1) - 1, after.start(1))
        return found


_NEXT_SENTENCE = re.compile(r"[.?!…](?=\s+\S)")  # a sentence ends and another follows on the same line
# How the items of a counted list are set apart: semicolons, else commas (an "et"/"ou" after one belongs to it).
_ITEM_SEPARATORS = tuple(re.compile(rf"{mark}(?:(?:et|ou)\s+)?") for mark in (r"\s*;\s*", r"\s+/\s+", r"\s*,\s*"))


def _next_value(value: str) -> str:
    """The value after `value` in a list's marks: "b" after "a", "ii" after "i", "3" after "2"."""
    if value.isdigit():
        return str(int(value) + 1)
    romans = ("i", "ii", "iii", "iv", "v", "vi", "vii")
    if value in romans and value != "v":
        return romans[romans.index(value) + 1]
    return chr(ord(value) + 1)
