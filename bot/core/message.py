"""Reading a message as a person would, before any matching.

A secretary forwards "TR: Message transféré de la mairie de X : « Bonjour, … Devons-nous … ? »
Merci de m'aider." The header and the signature say nothing; the quote is the message; its
sentences are either questions (each answered in turn) or context (kept: "notre site a été
défiguré samedi. Qui doit réparer ?" names its topic before its question).

The words that mark a header, a signature or a question are data (knowledge/vocabulary.yaml), made
into patterns by `phrases.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .french import fold
from .phrases import alternatives, flexible, phrases_pattern

# Sentences end at . ! ? … (a question mark ends one even without a space after it), or at a line
# break; "4.2.1" and "1.600" are not cut since no space follows their dots.
# A numbered item ("1) … 2) …", "2. " at a line's start) starts a sentence too, its number dropped.
_SENTENCE_END = re.compile(r"(?<=\?)\s*|(?<=[.!…])(?<!^\d\.)(?<!^\d\d\.)\s+|\s*\n+\s*", re.MULTILINE)
# The same, cutting before "2) " as well: used only for a text holding ")" (most hold none).
_NUMBERED_END = re.compile(rf"{_SENTENCE_END.pattern}|\s+(?=\(?\d{{1,2}}\)\s)", re.MULTILINE)
# A forwarded message inside another one starts after a separator line ("---------- Message transféré
# ----------", "-----Original Message-----"): what comes before is the forwarder's words.
_SEPARATOR = re.compile(r"^[ \t>]*[-_=]{3,}[^\n]*\n", re.MULTILINE)
_WORD = re.compile(r"\w+")
_ITEM_STARTS = frozenset("0123456789(-•*–—")  # what a list item may start with, besides "a) "
_ITEM_NUMBER = re.compile(r"^\(?(?:\d{1,2}|[a-z])[).°]\s+|^[-•*–—]\s*")
_QUOTE = re.compile(r"«\s*(.+?)\s*»|\"(.+?)\"", re.DOTALL)
HEADER_CHARS = 400  # forwarding headers are at the start
SIGN_OFF_CHARS = 60  # a sign-off opens its sentence and is short ("dans l'attente de votre réponse")
MIN_QUOTED_MESSAGE = 40  # a shorter quote is a phrase quoted inside a sentence (« à tout moment »)


@dataclass(frozen=True)
class Reading:
    """The words that shape a message (lists from knowledge/vocabulary.yaml, compared folded)."""

    forward_markers: tuple[str, ...] = ()
    sign_offs: tuple[str, ...] = ()
    question_openers: tuple[str, ...] = ()
    asking_phrases: tuple[str, ...] = ()
    anchor_words: tuple[str, ...] = ()
    linking_words: tuple[str, ...] = ()
    inverted_subjects: tuple[str, ...] = ()
    closing_question_words: tuple[str, ...] = ()
    condition_words: tuple[str, ...] = ()
    listing_openers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Sentence:
    text: str
    asks: bool  # a question (direct or indirect), not context


@dataclass(frozen=True)
class Message:
    sentences: tuple[Sentence, ...]
    # The forwarded message alone, when the text held one (forwarder's words and header fields left
    # out), else "": what the calculations read, so that "Envoyé : jeudi 26 novembre 2026" is no date asked.
    forwarded: str = ""

    @property
    def questions(self) -> list[str]:
        return [sentence.text for sentence in self.sentences if sentence.asks]

    @property
    def context(self) -> list[str]:
        return [sentence.text for sentence in self.sentences if not sentence.asks]


class Reader:
    """Splits messages into sentences, knowing which ones ask something."""

    def __init__(self, reading: Reading) -> None:
        self._sign_off = phrases_pattern(reading.sign_offs, start=True)
        self._opener = phrases_pattern(reading.question_openers, start=True)
        self._asking = phrases_pattern(reading.asking_phrases, start=False)
        # Inside a question, a new one may start after a comma or a semicolon ("qui est responsable, et
        # peut-on résilier ?") or at a linking word ("et comment", "et on peut l'arrêter quand", "ainsi
        # que"): the cut is kept only where the piece after it asks something (see `pieces`).
        links = alternatives(reading.linking_words)
        self._piece_end = re.compile(rf"(\s*[,;]\s*|\s+(?=(?:{links})[\s,]))", re.IGNORECASE)
        self._link = re.compile(rf"^(?:(?:{links})(?:[\s,]+|$))+")
        self._inversion = re.compile(rf"\w-(?:t-)?(?:{alternatives(reading.inverted_subjects)})\b")
        self._closing_words = frozenset(fold(word).strip() for word in reading.closing_question_words)
        self._condition = phrases_pattern(reading.condition_words, start=True)
        self._item = phrases_pattern(reading.listing_openers, start=True)
        asking = "|".join(flexible(fold(phrase)) for phrase in reading.asking_phrases if phrase.strip())
        self._listing = re.compile(rf"\b(?:{asking})[\s,]+{self._item.pattern.removeprefix('^')}") if asking else None
        # What only opens the next item: "Je vous saurais gré de m'indiquer", "d'une part".
        items = "|".join(flexible(fold(opener)) for opener in reading.listing_openers if opener.strip()) or r"(?!x)x"
        self._lead = re.compile(rf"(?<!\w)(?:{asking or '(?!x)x'}|{items})\W*$")
        markers = sorted({fold(marker).strip() for marker in reading.forward_markers}, key=len, reverse=True)
        # A marker ending in a colon ("Objet :") is a whole header; another runs to its colon
        # ("Message transféré de la mairie de X :").
        fields = "|".join(flexible(marker) for marker in markers if marker.endswith(":"))
        headers = [
            # "De : X Objet : Y": a field runs to the next field; its last one ends at its colon.
            flexible(marker) + rf"(?:[^«]{{0,120}}?(?=\s(?:{fields})))?"
            if marker.endswith(":")
            else flexible(marker) + r"\b[^:«]{0,80}:"
            for marker in markers
            if marker
        ]
        self._header = re.compile(r"^(?:\s*(?:" + "|".join(headers) + "))+") if headers else None
        # A header field opening a line further down ("De : Mairie de X" after the forwarder's "Peux-tu
        # regarder ?"): the forwarded message starts there.
        self._field_line = re.compile(rf"^[ \t>]*(?:{fields})", re.MULTILINE) if fields else None

    def read(self, text: str) -> Message:
        """The sentences of `text` without forwarding header and signature."""
        body, outside = self._unwrap(text)
        sentences: list[Sentence] = []
        found = self._sentences(body)
        listing = False  # in a list announced by "Pourriez-vous m'indiquer :" or "Nos questions :"
        for index, (sentence, item, announces) in enumerate(found):
            opens_list = not item and announces and index + 1 < len(found) and found[index + 1][1]
            # The announcing sentence is context: its items are the questions.
            asks = (item and listing) or (not opens_list and self._asks(sentence))
            listing = (item and listing) or opens_list
            sentences.append(Sentence(sentence, asks))
        sentences += [Sentence(s, False) for s, _, _ in self._sentences(outside)]  # the forwarder's words
        return Message(tuple(sentences), body if body != text else "")

    def _unwrap(self, text: str) -> tuple[str, str]:
        """The message proper, and what surrounds a forwarded quote (or "")."""
        forwarded = False
        if self._header:
            match = self._header.match(fold(text[:HEADER_CHARS]))
            if match:
                forwarded = True
                text = text[_original_length(text, match.end()) :]
        if self._field_line and not _SEPARATOR.search(text) and (field := self._field_line.search(fold(text))):
            start = _original_length(text, field.start())
            body = text[start:]
            match = self._header.match(fold(body[:HEADER_CHARS])) if self._header else None
            body = body[_original_length(body, match.end()) :] if match else body
            if start and body.strip():
                return body, text[:start].strip()
        if separator := _SEPARATOR.search(text):
            body = text[separator.end() :]
            match = self._header.match(fold(body[:HEADER_CHARS])) if self._header else None
            body = body[_original_length(body, match.end()) :] if match else body
            if body.strip():
                return body, text[: separator.start()].strip()
        quote = next((m for m in _QUOTE.finditer(text) if len(m.group(m.lastindex or 1)) >= MIN_QUOTED_MESSAGE), None)
        if quote and (forwarded or quote.end() - quote.start() > len(text) / 2):
            return quote.group(quote.lastindex or 1), f"{text[: quote.start()]} {text[quote.end() :]}".strip()
        return text, ""

    def _sentences(self, text: str) -> list[tuple[str, bool, bool]]:
        """Each sentence, whether it is a list item ("- …", "2) …"), and whether it announces a list
        (it ends with a colon)."""
        found: list[tuple[str, bool, bool]] = []
        for raw in (_NUMBERED_END if ")" in text else _SENTENCE_END).split(text):
            raw = raw.strip()
            piece = _ITEM_NUMBER.sub("", raw) if raw[:1] in _ITEM_STARTS or raw[1:2] == ")" else raw
            item = piece != raw
            piece = piece.strip(" ,;:-–—»«\"'")
            if not any(char.isalnum() for char in piece):
                continue  # "??": the end of the sentence before
            if found and self._sign_off.match(fold(piece[:SIGN_OFF_CHARS])):
                break  # a signature follows
            found.append((piece, item, raw.endswith(":")))
        return found

    def pieces(self, question: str) -> list[str]:
        """The pieces of one asking sentence that may be questions of their own, in order, each as
        written. A piece that does not ask ("Signée le 1er mars", "c'est possible ?") stays with its
        neighbour, and so does the question that follows a condition ("si nous payons en retard, que se
        passe-t-il ?": one question)."""
        pieces: list[str] = []
        asks: list[bool] = []
        # "si …" asks only after "savoir si", "demande si" ("… si les frais sont facturés, et si on peut
        # arrêter"); otherwise it is a condition ("Et si ça ne convient pas, comment en sortir ?").
        indirect = bool(self._asking.search(fold(question).replace("s'il", "si il")))
        # "m'indiquer le taux horaire, la juridiction … ainsi que la durée": one question per item.
        listing = bool(self._listing and self._listing.search(fold(question)))
        split = self._piece_end.split(question)
        carried, opening = "", 0  # a linking word alone ("et, d'autre part, …") opens the next piece
        for index in range(0, len(split), 2):
            opening = opening if carried else index
            piece, separator = carried + split[index], split[opening - 1] if opening else ""
            folded = self._link.sub("", fold(piece).strip())
            if not folded or (listing and self._lead.search(folded) and index + 1 < len(split)):
                carried = f"{piece.lstrip() if carried else piece.strip()}{split[index + 1] if index + 1 < len(split) else ''}"
                carried = carried if carried.strip() else ""
                continue
            carried = ""
            inside_brackets = bool(pieces) and pieces[-1].count("(") > pieces[-1].count(")")
            asking = self._piece_asks(folded, indirect) or (listing and bool(self._item.match(folded)))
            if pieces and (inside_brackets or not asking or not asks[-1]):
                pieces[-1] = f"{pieces[-1]}{separator}{piece.rstrip()}"
                asks[-1] = asks[-1] or asking
            else:
                pieces.append(piece.strip())
                asks.append(asking)
        return pieces

    def _piece_asks(self, folded: str, indirect: bool) -> bool:
        """Whether a piece of a sentence (folded, without its linking word) asks something."""
        if self._condition.match(folded) and not (indirect and folded.startswith("si ")):
            # A condition, unless it is itself a question ("quand la Fibre facture-t-elle ?").
            return bool(self._inversion.search(folded) or self._closes(folded)) or folded.endswith("?")
        return bool(
            self._opener.match(folded)
            or (indirect and folded.startswith("si "))
            or self._inversion.search(folded)
            or self._asking.search(folded)  # "les élus veulent savoir pour combien de temps…"
            or self._closes(folded)  # "et ça commence quand"
            or (":" in folded and self._opener.search(folded.rsplit(":", 1)[-1]))
        )

    def _closes(self, folded: str) -> bool:
        """Whether a folded text ends with its question word ("ça commence quand")."""
        return _last_word(folded) in self._closing_words

    def _asks(self, sentence: str) -> bool:
        folded = fold(sentence).replace("s'il", "si il")
        if "?" in sentence or self._opener.match(folded) or self._asking.search(folded):
            return True
        # SMS: a question word left in place, at the end of the sentence or of one of its pieces
        # ("la facture arrive qd et c'est qui le président").
        if self._closing_words.isdisjoint(_WORD.findall(folded)):
            return False
        return any(self._closes(piece) for piece in self._piece_end.split(folded)[::2])


def _last_word(folded: str) -> str:
    """The last word of a folded text, without its punctuation."""
    words = _WORD.findall(folded[-40:])
    return words[-1] if words else ""


def _original_length(text: str, folded_length: int) -> int:
    """The shortest start of `text` whose folded form is `folded_length` long or more (folding may
    lengthen a few characters: "œ" gives "oe")."""
    low, high = 0, min(len(text), folded_length)
    while low < high:
        middle = (low + high) // 2
        if len(fold(text[:middle])) >= folded_length:
            high = middle
        else:
            low = middle + 1
    return low
