"""The message proper inside what forwards it: a forwarding header ("TR: Message transféré de la mairie de X :",
"De : … Objet : …"), the forwarder's words before a header field or a separator line, or a long quote (« … »).

The markers of a header are data (knowledge/vocabulary.yaml: forward_markers), made into patterns by `phrases.py`.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .chat import ChatNoise
from .french import fold, original_length
from .phrases import alternatives, flexible
from .reading import Reading

# A forwarded message inside another one starts after a separator line ("---------- Message transféré
# ----------", "-----Original Message-----"): what comes before is the forwarder's words.
_SEPARATOR = re.compile(r"^[ \t>]*[-_=]{3,}[^\n]*\n", re.MULTILINE)
# A quote's sentence goes on after it to its "?" ("» ?", "», c'est quoi ?"; not "» Peux-tu répondre ?", a new one).
_ASKED_AFTER = re.compile(r"\s*+(?:[,;:]\s*+)?(?![A-ZÀ-Ý])[^.?!«»\n]{0,40}\?")
_QUOTE = re.compile(r"«\s*(.+?)\s*»|\"(.+?)\"", re.DOTALL)
# A header's last field when it is a date ("Date : 28 nov. 2026 à 08:30", "Envoyé : jeudi 26 novembre 2026 16:22"): the
# header is dropped up to that field's colon, and the date left alone on its line dates the e-mail, never the situation.
_DAY = r"\d{1,2}(?:er)?[ \t/.-]+(?:\d{1,2}|[^\W\d]+\.?)[ \t/.-]+\d{2,4}"  # "28/11/2026", "1er déc. 2026"
_DATED_LINE = re.compile(rf"[ \t]*(?:[^\W\d]+\.?[ \t]+)?{_DAY}[^\n\w]*(?:(?:à[ \t]+)?\d{{1,2}}[:h]\d{{2}})?[ \t]*\n")
# A letter's date line ("Le 28/11/2026", "Arras, le 28 novembre 2026") opening a message, a greeting line after it,
# dates the writing, never the situation (a formal notice named after it is not of that day).
_LETTER_DATE = re.compile(
    rf"[ \t]*(?:[^\W\d][^\n,]{{0,40}},[ \t]*)?[Ll]e[ \t]+{_DAY}[ \t]*\n"
    r"(?=[ \t]*[^\W\d][^\n\d]{0,30},[ \t]*\n)"  # then a greeting line ("Bonjour,", "Madame, Monsieur,"): a letter
)
_OTHER_LABEL = r"[^\n:«?]{1,40}:"  # a line's label ("Horaires sur place :"): a header's field ends before it
HEADER_CHARS = 400  # forwarding headers are at the start
MAX_FIELD_WORDS = 6  # a header field's value ("Demandeur : Océane (accueil Lumbres)"), not a message
MIN_QUOTED_MESSAGE = 40  # a shorter quote is a phrase quoted inside a sentence (« à tout moment »)


class Unwrapped(NamedTuple):
    """A message without what forwards it."""

    body: str  # the message proper
    outside: str  # the forwarder's words around it ("" when none)
    sender: str = ""  # its header's sender field ("De : La Fibre Numérique 59 62"), or ""
    after: str = ""  # the end of `outside` that follows a forwarded quote ("« … » Et de mon côté : … ?"), or ""


class Forwarding:
    """Finds the forwarded message in a text, and what the forwarder wrote around it."""

    def __init__(self, reading: Reading, chat: ChatNoise) -> None:
        markers = sorted({fold(marker).strip() for marker in reading.forward_markers}, key=len, reverse=True)
        # A marker ending in a colon ("Objet :") is a whole header; another runs to its colon
        # ("Message transféré de la mairie de X :").
        fields = "|".join(flexible(marker, folded=True) for marker in markers if marker.endswith(":"))
        headers = [
            # "De : X Objet : Y": a field runs to the next field; its last one ends at its colon.
            # (never past a question: "Description :\n1/ … ?\nDemandeur : …" is a form's fields around its text; nor
            # past a line another label opens: "Date : 10/11\nHoraires sur place : 8h40 – 11h10\nObjet : …" is a report's)
            flexible(marker, folded=True) + rf"(?:(?:(?!\n{_OTHER_LABEL})[^«?]){{0,120}}?(?=\s(?:{fields})))?"
            if marker.endswith(":")
            # "Ticket n° 8915 — Priorité : …": a marker with no colon of its own runs to the next field, else to its colon
            else flexible(marker, folded=True) + rf"(?!\w)(?:[^:«]{{0,80}}?(?=\s(?:{fields}))|[^:«]{{0,80}}:)"
            for marker in markers
            if marker
        ]
        self._header = re.compile(r"^(?:\s*(?:" + "|".join(headers) + "))+") if headers else None
        # A header field opening a line further down ("De : Mairie de X" after the forwarder's "Peux-tu
        # regarder ?"): the forwarded message starts there.
        self._field_line = re.compile(rf"^[ \t>]*(?:{fields})", re.MULTILINE) if fields else None
        senders = alternatives(reading.sender_fields)  # "De : La Fibre Numérique 59 62": who wrote the message
        self._sender = re.compile(rf"^[ \t>]*(?:{senders})[^\n]*", re.IGNORECASE | re.MULTILINE)
        # "Objet : durée + tarif CDG" (or "Objet: …"): what the e-mail is about
        subjects = alternatives(tuple(field.rstrip(": ") for field in reading.subject_fields))
        self._subject = re.compile(rf"^[ \t>]*(?:{subjects})[ \t]*:[ \t]*([^\n]*)", re.IGNORECASE | re.MULTILINE)
        # "Un administré me demande « si la mairie peut … »": a quote that only goes on with the reporting verb before it
        # (an indirect question opened by "si") is a sentence of the message, not a message quoted
        reported, ifs = alternatives(reading.reporting_verbs), alternatives(reading.if_words)
        self._reported = re.compile(rf"(?:{reported})\s*:?\s*$", re.IGNORECASE) if reported else None
        self._indirect = re.compile(rf"(?:{ifs})\b", re.IGNORECASE) if ifs else None
        self.chat = chat

    def subject(self, text: str) -> str:
        """The subject field of an e-mail's header at the start of `text` ("Objet : durée + tarif CDG"), or ""."""
        found = self._subject.search(text, 0, HEADER_CHARS)
        return found.group(1).strip() if found else ""

    def unwrap(self, text: str) -> Unwrapped:
        """The message proper, what surrounds a forwarded quote (or ""), and its header's sender field (or "")."""
        forwarded = subject_only = False
        sender = ""
        if letter_date := _LETTER_DATE.match(text):
            text = text[letter_date.end() :]
        if self._header:
            match = self._header.match(fold(text[:HEADER_CHARS]))
            if match:
                forwarded = True
                header = text[: original_length(text, match.end())]
                sender = self._sender_of(header)
                # "TR: réexamen" alone: the forwarder's words come next, then the message, after a bare rule
                subject_only = "\n" not in header.strip()
                text = undated(text[len(header) :])
        lines = "\n" in text  # else a line starts only where the text does, and no separator line ends
        # A header field found on a later line: the forwarder's words end there. In a text of one line a field can only
        # open it, where no words come before it: nothing to look for (the whole text was folded to find none).
        if (
            lines
            and self._field_line
            and not _SEPARATOR.search(text)
            and (field := self._field_line.search(fold(text)))
        ):
            start = original_length(text, field.start())
            body = text[start:]
            match = self._header.match(fold(body[:HEADER_CHARS])) if self._header else None
            header = body[: original_length(body, match.end())] if match else ""
            body = undated(body[len(header) :]) if match else body
            # A quoted field ("> De : mairie d'Enquin") after words that ask, before words that do not, is a reply's
            # history (history.py), the questions above it the message's own: nothing forwarded.
            replied = text[start:].lstrip(" \t").startswith(">") and "?" in text[:start] and "?" not in body
            if start and not replied and _is_message(body):
                return Unwrapped(body, text[:start].strip(), self._sender_of(header))
        if lines and (separator := _SEPARATOR.search(text)):
            body = text[separator.end() :]
            match = self._header.match(fold(body[:HEADER_CHARS])) if self._header else None
            header = body[: original_length(body, match.end())] if match else ""
            body = undated(body[len(header) :]) if match else body
            # A bare rule ("---") with no header after it only sets apart parts of one message (a pasted report,
            # then the question on it): a forwarded message's separator names it or a header follows it.
            named = any(char.isalpha() for char in separator.group())
            if body.strip() and (match or named or (forwarded and subject_only)):
                return Unwrapped(body, text[: separator.start()].strip(), self._sender_of(header))
        quotes = list(_QUOTE.finditer(text))
        quote = next(
            (
                m
                for m in quotes
                if len(m.group(m.lastindex or 1)) >= MIN_QUOTED_MESSAGE
                and not _quoted_phrase(m.group(m.lastindex or 1), text, m.end())
            ),
            None,
        )
        # A question quoted from the chat, then "+1 même question, …": the quote is the question asked.
        agreed = next((m for m in quotes if "?" in m.group() and self.chat.agrees(text[m.end() :])), None)
        if agreed:  # what follows the agreement is read too: it may ask more ("+1, et aussi : …")
            remark = self.chat.without_agreement(text[agreed.end() :].strip())
            return Unwrapped(f"{agreed.group(agreed.lastindex or 1)}\n{remark}", text[: agreed.start()].strip())
        if quote and self._reported_if(text, quote):  # read as written without its marks: "me demande si …"
            return Unwrapped(
                f"{text[: quote.start()]}{quote.group(quote.lastindex or 1)}{text[quote.end() :]}", "", sender
            )
        if quote and (forwarded or quote.end() - quote.start() > len(text) / 2):
            outside = f"{text[: quote.start()]} {text[quote.end() :]}".strip()
            return Unwrapped(quote.group(quote.lastindex or 1), outside, sender, text[quote.end() :].strip())
        return Unwrapped(text, "", sender)

    def _reported_if(self, text: str, quote: re.Match[str]) -> bool:
        """Is `quote` an indirect question ("si …") right after a reporting verb ("me demande « si … »")?"""
        quoted = quote.group(quote.lastindex or 1)
        return bool(
            self._reported
            and self._indirect
            and self._indirect.match(quoted)
            and self._reported.search(text, 0, quote.start())
        )

    def _sender_of(self, header: str) -> str:
        """The sender field's line of a forwarded message's `header` ("De : La Fibre Numérique 59 62"), or ""."""
        found = self._sender.search(header)
        return found.group().strip(" \t>") if found else ""


def _quoted_phrase(quoted: str, text: str, end: int) -> bool:
    """Whether a quote is a phrase quoted in a question ("Que veut dire « Le règlement interviendra par mandat
    administratif » ?"), not the message: it asks nothing, is no whole sentence, and the sentence it stands in
    ends with a question mark."""
    return "?" not in quoted and not quoted.rstrip().endswith((".", "!", "…")) and bool(_ASKED_AFTER.match(text, end))


def _is_message(body: str) -> bool:
    """Whether what follows a header field found on a later line is a message, not only that field's short value: a
    form's last field ("… ?\nDemandeur : Océane (accueil Lumbres)") ends the text it follows, forwards nothing."""
    body = body.strip()
    return "?" in body or "\n" in body or len(body.split()) > MAX_FIELD_WORDS


def undated(body: str) -> str:
    """`body` without its first line when that line is only a date (the header's last field's value)."""
    return body[match.end() :] if (match := _DATED_LINE.match(body)) else body
