"""Questions written one a line, as on a phone: lines numbered without a mark ("1 qui paye le deplacement" / "2 la
convention se renouvelle toute seule"), and lines with no mark at all after a line that asks."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Protocol

from .lists import CountedLists
from .phrases import alternatives
from .reading import Reading
from .told_values import tells_value

_LINE_END_MARK = re.compile(r"[^\W_]$")  # a line that ends on a letter or a digit: no mark closes it
MIN_LINE_WORDS = 4  # "le devis faut le signer": a question; "ok merci", "la mairie": no
TOPIC_LINE_WORDS = 2  # a topic line of a burst before its first question ("tribunal compétent")
# ... and at most this many: a longer bare line before the first question tells the story ("Je vous ecris du
# telephone desole", "la convention … a ete signee l an dernier"); measured on every tracked set, 5 loses none
TOPIC_LINE_MOST = 5


def _word(words: tuple[str, ...]) -> str:
    """Any of `words` as a whole word (one ending with an apostrophe glued to the next), nothing if none."""
    return rf"(?:(?:{alternatives(words)})(?<=['’])|(?:{alternatives(words)})(?![\w'’]))"


def _never(_sentence: str, _unpunctuated: bool) -> bool:
    return False


class Said(Protocol):
    """A sentence of a message, knowing whether it asks by its own words."""

    text: str
    asks: bool
    listed: bool  # a list's item ("- …", "2) …")


class LineQuestions:
    """Which lines of a message without "?" ask: those that do by their words, and the bare lines after them."""

    def __init__(self, reading: Reading, counted: CountedLists, asks: Callable[[str, bool], bool] = _never) -> None:
        self._asks = asks  # whether a sentence asks, "?" or not (pieces.Pieces.asks)
        # "on a bien reçu": an auxiliary, perhaps an adverb, a participle, with its accents ("il a compte" is no "a
        # compté": "é" is no "e", or every word ending in "e" would be one)
        endings = "|".join(re.escape(ending) for ending in sorted(reading.participle_endings, key=len, reverse=True))
        requests = alternatives(reading.todo_requests)  # "- demander si …": a to-do list's question
        self._request = re.compile(rf"(?:{requests})(?!\w)", re.IGNORECASE) if requests else None
        self._counted = counted  # "3 trucs vite fait": so many lines follow
        self._past = re.compile(rf"\b(?:{alternatives(reading.telling_auxiliaries)})\s+(?:\w+\s+)?\w+(?:{endings})\b")
        # ... and with "être", read only in the lines before a burst's first question ("le technicien du CDG est venu
        # mardi" tells; elsewhere "la convention est renouvelée" may ask)
        self._story = re.compile(rf"\b(?:{alternatives(reading.story_auxiliaries)})\s+(?:\w+\s+)?\w+(?:{endings})\b")
        # A line's bare number, digits or spelt ("2 la contention …", dictated "deux la facture …"), then a word; the
        # first may follow a word of greeting ("bonjour 1 qui …")
        self._numbers = {**{str(n): n for n in range(1, 10)}, **{w.lower(): n for w, n in reading.line_numbers}}
        spelled = alternatives([word for word, _ in reading.line_numbers])
        self._bare_number = re.compile(rf"^([ \t]*(?:[^\W\d]+[ \t]+)?)(\d|{spelled})[ \t]+(?=[^\W\d])", re.M | re.I)
        # "si l'association peut …", "le nom exact du syndicat qui …": an indirect question, a thing asked for
        opener, thing = _word(reading.bare_line_openers), _word(reading.bare_line_things)
        thing += rf"\s*(?:[^\W\d]+\s+){{1,3}}{_word(reading.thing_complements)}"
        self._opener = re.compile(f"{opener}|{thing}", re.I)

    def numbered(self, text: str) -> str:
        """`text` with lines numbered 1, 2, 3… without a mark written as list items ("1) …"), when their numbers follow
        each other from 1 at the starts of lines (a number alone at one line's start is a quantity: "2 agents sont …")."""
        found = list(self._bare_number.finditer(text))
        numbers = [self._numbers.get(match[2].lower()) for match in found]
        if len(found) < 2 or numbers != list(range(1, len(found) + 1)) or any(match[1].strip() for match in found[1:]):
            return text
        return self._bare_number.sub(lambda match: f"{match[1]}{self._numbers[match[2].lower()]}) ", text)

    def asked(self, sentences: Sequence[Said], ends: Sequence[str]) -> list[bool]:
        """Whether each sentence asks: as said, or, after a line that asks, a line with no mark either that neither
        tells a value nor what happened ("qui fait le devis" / "le devis faut le signer ou juste le lire"); in a burst of
        lines with no mark (no list's items), those before its first question too, two words being enough ("durée de la
        convention" / "tribunal compétent" / "combien coûte une heure du CDG")."""
        out, after_question = [], False
        run: list[int] = []  # the bare lines since the last line with a mark ("durée de la convention", …)
        for index, (sentence, end) in enumerate(zip(sentences, ends, strict=True)):
            bare = bool(_LINE_END_MARK.search(end))
            asked = sentence.asks or (after_question and bare and self._asks_in_line(sentence.text))
            burst = not any(sentences[i].listed for i in (*run, index))  # a chat's lines, not a list's items
            if asked and bare and burst and not after_question:  # "durée de la convention / tribunal compétent / …":
                for before in run:  # the bare lines of a burst before its first question ask too, topics alone
                    text = sentences[before].text  # a topic, or a thing asked for, not a story
                    thing = bool(self._opener.match(text)) and not self._story.search(text.lower())
                    topic = len(text.split()) <= TOPIC_LINE_MOST or thing
                    out[before] = out[before] or (topic and self._asks_in_line(text, TOPIC_LINE_WORDS))
            after_question = bare and (after_question or asked)
            run = [*run, index] if bare else []
            out.append(asked)
        for index, sentence in enumerate(sentences):  # "3 trucs vite fait" then three bare lines: they ask
            counted = range(index + 1, index + 1 + (0 if sentence.asks else self._counted.counts(sentence.text)))
            if counted and counted[-1] < len(sentences) and all(_LINE_END_MARK.search(ends[i]) for i in counted):
                out[index : counted[-1] + 1] = [False] + [True] * len(counted)  # the count announces, asks none
                # ... and a bare line after them is no more one of them ("2 questions / … / … / desole jsuis en reunion")
                rest = range(counted[-1] + 1, len(sentences))
                out[rest.start :] = [out[i] and (sentences[i].asks or not _LINE_END_MARK.search(ends[i])) for i in rest]
        return out

    def requests(self, item: str) -> bool:
        """Does a list's `item` open with a to-do request ("demander si le CDG fait un devis")?"""
        return bool(self._request and self._request.match(item))

    def tells(self, sentence: str) -> bool:
        """Does `sentence` tell a value or what happened ("on a bien reçu", "le devis a été signé"), asking nothing
        ("les signatures ont été échelonnées, et reste à savoir à partir de quelle signature …" asks)?"""
        return self._told(sentence) and not self._asks(sentence, True)

    def tells_story(self, sentence: str) -> bool:
        """Does `sentence` tell what happened with "avoir" or "être" ("le technicien du CDG est venu mardi"), asking
        nothing: a list's item before its first question is the story."""
        return (self._told(sentence) or bool(self._story.search(sentence.lower()))) and not self._asks(sentence, True)

    def _told(self, sentence: str) -> bool:
        return tells_value(sentence) or bool(self._past.search(sentence.lower()))

    def _asks_in_line(self, sentence: str, least: int = 0) -> bool:
        """Whether a bare line after a question is one too: long enough (`least` words, else MIN_LINE_WORDS), telling
        neither a value nor a past event."""
        return len(sentence.split()) >= (least or MIN_LINE_WORDS) and not self._told(sentence)
