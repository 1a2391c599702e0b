"""Reading a message as a person would, before any matching.

A secretary forwards "TR: Message transféré de la mairie de X : « Bonjour, … Devons-nous … ? » Merci de m'aider." The
header and the signature say nothing; the quote is the message; its sentences are either questions (each answered in
turn) or context (kept: "notre site a été défiguré samedi. Qui doit réparer ?" names its topic before its question).
The words marking a header, a signature or a question are data (knowledge/vocabulary.yaml), patterns by `phrases.py`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import partial

from .chat import ChatNoise
from .forwarding import Forwarding
from .french import fold
from .history import ReplyHistory
from .item_labels import ItemLabels
from .line_questions import LineQuestions
from .list_items import DASHES, asking_items, counted_things, notes
from .lists import BULLETS, FULL_STOP, CountedLists, SequenceLists, inline_items, semicolon_items
from .phrases import PhraseFinder, alternatives, phrases_pattern
from .pieces import Pieces
from .reading import Reading
from .sentence_ends import Titles, each_sentence, exclaimed
from .sentences import Message, Sentence
from .sign_offs import SignOffs
from .spoken import Dictation
from .told_values import situations, tells_date
from .unsure import UnsureSentences

__all__ = ["Message", "Reader", "Reading", "Sentence"]

_ITEM_STARTS = frozenset(f"0123456789(Qq{BULLETS}")  # what a list item may start with, besides "a) "
_ITEM_NUMBER = re.compile(
    r"^\(?(?:\d{1,2}(?:°?[)./-]|°)|(?:[a-zA-Z]|i{1,3}|iv|vi{0,3}|I{1,3}|IV|VI{0,3})[).°])\s+|^[" + BULLETS + r"]\s*"
    r"|^[Qq]\d{1,2}\b\s*[).:/-]?\s*"  # "Q1 durée ?", "Q2 : tarif": a question's number
)
# A remark in brackets, closed or not where the sentence ends ("R : à compléter (hors sujet ?"): its "?" asks nothing.
_ASIDE = re.compile(r"\([^()]*(?:\)|$)")
_TRAILING_LINK = re.compile(r"\s+et$")  # "(i) le coût horaire et (ii) …": the item ends before "et"
_QUOTED_LINE = re.compile(r"«[^«»]*»[\s.!?]*$")  # a line quoted whole ("« … »"): set apart by its writer, as an item
_ALNUM = re.compile(r"[^\W_]")  # a letter or a digit (what str.isalnum says of one character)
# A form's empty answer field ("Q : … ? R : ?", "Réponse : ?"): a label and a colon, then only marks; it asks nothing
_EMPTY_FIELD = re.compile(r"^\s*[^\W\d_]{1,12}\.?\s*\d{0,2}\s*[:–-][\s?!.…]*$")  # "R1 : ?", "Réponse 2 -"


class Reader:
    """Splits messages into sentences, knowing which ones ask something."""

    def __init__(self, reading: Reading) -> None:
        self.reading = reading
        self.sign_offs = SignOffs(reading.sign_offs, reading.postscript_markers, reading.closing_lines)
        self._titles = Titles(reading.title_abbreviations, reading.note_abbreviations)  # "M. Baert", "rés. conv."
        self.question_nouns = PhraseFinder(reading.question_nouns)  # "Nos questions :" announces questions
        self._opens_question = phrases_pattern(reading.question_openers, start=True)  # "Quel week-end !" (exclaims)
        self._done = re.compile(rf":\s*(?:{alternatives(reading.done_values)})\W*$", re.I)  # "… : OK": a thing done
        self._checks = PhraseFinder(reading.check_words)  # "Vrai ou faux ?" announces the statements listed after it
        self.back_question = phrases_pattern(reading.back_questions, start=True)  # "Est-ce conforme ?": asks of before
        self.dictation = Dictation(reading)
        self.counted = CountedLists.of(reading)  # "deux questions :", built once for every reader of a count
        self.cutter = Pieces(reading, self.counted)
        self._unsure = UnsureSentences(reading, self.cutter.opens_topic)  # "je ne sais pas si …"
        self._sequence = SequenceLists(reading.sequence_words)
        self.chat = ChatNoise(reading)
        self._forwarding = Forwarding(reading, self.chat)
        self.history = ReplyHistory(reading)
        self.own_question = PhraseFinder(reading.own_question_markers)  # "de mon côté": hers, besides another's
        self._lines = LineQuestions(reading, self.counted, self.cutter.asks)
        self._labels = ItemLabels(reading.item_labels)  # "Observation n° 1 : …", "Question deux : …" are "1) …", "2) …"

    def tidy(self, text: str, *, whole: bool = False) -> str:
        """`text` without @mentions and request openers, a `whole` message without its "+1" (see `ChatNoise`)."""
        return self.chat.tidy(text, whole=whole)

    def read(self, text: str, written: str | None = None) -> Message:
        """The sentences of `text` without forwarding header and signature, its spoken punctuation written
        (`written`, if the caller did so already)."""
        written = self.dictation.punctuate(text) if written is None else written
        body, outside, sender, after = self._forwarding.unwrap(self.chat.without_mentions(written))
        body, history = self.history.split(body)  # a reply's quoted history ("> …") read after its new text
        read = f"{body}\n{history}" if history else body
        # Dictated, or without any "?" (SMS), it asks wherever a question word stands, unless most full stops are followed
        # by a capital: it asks indirectly ("Il voudrait …"); not "son siege c ou. et le cdg c ou", "… 2025... Yvette".
        capitals = [stop.group()[-1].isupper() for stop in FULL_STOP.finditer(read)]
        sms = "?" not in read and capitals.count(True) * 2 < max(len(capitals), 1)
        unpunctuated = written != text or sms
        sentences = self._asking(body, unpunctuated)
        sentences = self._unsure.asked(sentences, marked="?" in read)  # "Je ne sais pas quel tribunal …": asks
        if history:
            # The history's questions were asked before: context, unless the new text asks nothing, points to them (they
            # are then read where it does: "Je reprends ci-dessous la question de la DPO. J'ajoute la mienne") or passes
            # them on ("je vous transfère la demande de la mairie": read where the quote stands)
            quoted, texts = self._asking(history, unpunctuated), [s.text for s in sentences]
            pointer = self.history.pointer(texts, written)
            passed = self.history.passes_on(texts) or self.history.forwarded(written)
            # ... or adds her own to them, no attribution making them an earlier message ("Réf. ticket … > … ? > … ?
            # Bonjour, de mon côté : … ?"); not a new text opening with "et" alone ("Bonjour, et qui est … ?"): measured,
            # threads quoting an exchange already answered lost their questions
            adds = any(map(self.own_question.find, texts))
            passed = passed or (adds and not self.history.attributed(written))
            if (
                any(s.asks and not self.history.greets_only(s.text) for s in sentences)
                and pointer is None
                and not passed
            ):
                quoted = [replace(sentence, asks=False) for sentence in quoted]
            at = self.history.place(texts, written, pointer, passed)
            sentences[at:at] = quoted
        # "Objet : Résiliation + plafond d'indemnisation", a body that only tells: the subject asks (topic_lists.py)
        if subject_asks := not any(s.asks for s in sentences) and bool(subject := self._forwarding.subject(written)):
            sentences = [s.asked() if s.text.strip() and s.text.strip() in subject else s for s in sentences]
        forwarded, aside = (read if read != written else ""), partial(self._aside, outside)
        return Message(tuple(sentences), forwarded, aside, outside, sender if forwarded else "", after, subject_asks)

    def _aside(self, outside: str) -> tuple[Sentence, ...]:
        """The sentences of the forwarder's words `outside`: context."""
        return tuple(Sentence(sentence, False) for sentence, *_ in self._sentences(outside))

    def _asking(self, body: str, unpunctuated: bool) -> list[Sentence]:
        """The sentences of `body`, each knowing whether it asks something."""
        sentences: list[Sentence] = []
        ends: list[str] = []  # each sentence's last character as written
        found = self._sentences(body)
        listing = False  # in a list announced by "Pourriez-vous m'indiquer :" or "Nos questions :"
        asked = False  # the sentence before asked something
        for index, (sentence, mark, end, quoted) in enumerate(found):
            item = bool(mark)
            # an item ending with a colon heads the items after it ("1) Accompagnement CDG : a) … b) …"): it asks nothing
            heading = not item or end == ":"
            opens_list = heading and index + 1 < len(found) and found[index + 1][1] and self._announces(sentence, end)
            request = self.chat.without_opener(sentence)
            if _EMPTY_FIELD.match(sentence) or self.chat.only_calls(sentence, request, self.cutter.asks):
                continue  # "Quelqu'un a la réponse ?", "Tu peux me répondre vite ?": a call, the question is elsewhere
            # The announcing sentence is context: its items are the questions. A request ("Dites-moi, …") asks,
            # and so does a sentence going on with the question before it ("… savoir si X. Et aussi si Y.").
            # An item telling a date ("1) Convention signée le 15 octobre 2025 ; 2) …") is a fact unless it asks itself.
            # An announcement that neither asks, nor names or counts questions ("Échanges :") lists the situation,
            # unless nothing else asks (see the lists below).
            announced = opens_list and (
                request != sentence
                or self.cutter.asks(sentence, True)
                or self.cutter.asks(f"{sentence} {found[index + 1][0]}", True)  # "Le maire voudrait a) connaître …"
                or self.question_nouns.find(sentence)
                or self.counted.counts(sentence)  # "Mon adjoint affirme deux choses :"
            )
            asks = (item and listing and not opens_list and not tells_date(sentence)) or (
                not opens_list
                and (
                    request != sentence
                    or self.cutter.asks(_ASIDE.sub("", sentence), unpunctuated or self.sign_offs.bare(sentence))
                    or (asked and self.cutter.goes_on(sentence))
                    or self.cutter.opens_item(sentence)
                )
            )
            # "Quel week-end !" in a message asking with "?": an exclamation, unless an asking phrase or a request says so
            exclaims = not unpunctuated and request == sentence and exclaimed(sentence, end)
            exclaims = exclaims and bool(self._opens_question.match(fold(sentence).lstrip()))
            asks = asks and not (exclaims and not self.cutter.says_asking(sentence))
            # "le maire voudrait savoir deux trois choses.", "(• … • …) Répondez sur ces deux points.": it counts, asks none
            around = index + 1 < len(found) or (index and found[index - 1][1])
            # ... unless its count is a label before a colon, a question after it ("Deux questions : Mme X demande si …")
            head, colon, tail = sentence.partition(":")
            counting = "?" not in sentence and self.counted.counts(sentence) and around
            asks = asks and not (counting and not (colon and self.counted.counts(head) and self._asks_alone(tail)))
            listing = (item and listing) or bool(announced)
            asked = asks
            # a heading is no item of its list
            sentences.append(
                Sentence(sentence, asks, item and not opens_list, mark in DASHES and not opens_list, quoted)
            )
            ends.append(end)
        if unpunctuated:  # one question a line, as on a phone
            sentences = [replace(s, asks=a) for s, a in zip(sentences, self._lines.asked(sentences, ends), strict=True)]
        sentences = counted_things(sentences, self.counted.counts, self.cutter.asks)
        if sum(s.listed for s in sentences) > 1:
            # Nothing asks but a list ("1) durée 2) tarif du CDG"), or a list some items of which ask: its items are the
            # questions (list_items.py), unless one tells a date or what happened (the situation).
            asking = asking_items([(s.text, s.listed, s.asks) for s in sentences], self._lines)
            sentences = [
                replace(s, asks=s.asks or (i in asking and not tells_date(s.text))) for i, s in enumerate(sentences)
            ]
        # "Donc trois choses : quel tribunal, comment sortir, et si …" after a dialogue that asked them: those items
        if (counted := self.counted.asked([(s.text, s.listed, s.asks) for s in sentences])) is not None:
            sentences = [replace(s, asks=s.asks and i in counted) for i, s in enumerate(sentences)]
        # The situation told: listed facts in a message telling a value, the values told before an announced question
        said = [(s.text, s.asks, s.listed) for s in sentences]
        told = situations(said, self.cutter.asks, self.cutter.announced_only, self._done.search)
        noted = notes([(s.text, s.dashed, end) for s, end in zip(sentences, ends, strict=True)], self._asks_alone)
        return [
            replace(s, asks=asks and i not in noted) for i, (s, asks) in enumerate(zip(sentences, told, strict=True))
        ]

    def _asks_alone(self, text: str) -> bool:
        """Does `text` ask by its own words, as it would alone ("le trésorier demande le mode de paiement du CDG")?"""
        return self.cutter.asks(text, True) or self._unsure.says(text)

    def punctuate(self, text: str) -> str:
        """`text` with its spoken punctuation written (see `Dictation`)."""
        return self.dictation.punctuate(text)

    def pieces(self, question: str) -> list[str]:
        """The pieces of one asking sentence that may be questions of their own (see `Pieces`)."""
        return self.cutter.pieces(question)

    def _sentences(self, text: str) -> list[tuple[str, str, str, bool]]:
        """Each sentence, its list item's mark (its first character: "-" of "- …", "2" of "2) …", "«" of "« … »"; "" if
        no item), its last character (see `_announces`) and whether it ends inside « … » (`Sentence.quoted`)."""
        found: list[tuple[str, str, str, bool]] = []
        # Items between semicolons are the questions only in a message without "?" ("piraté ; données perdues. Qui … ?")
        listed = text.count(";") >= 2 and "?" not in text
        text = self._labels.numbered(text)
        text = self._lines.numbered(text) if "\n" in text else text
        text = semicolon_items(text, self.counted.counts, self.cutter.asks) if listed else text
        text = inline_items(self.counted.items(self._sequence.items(text)))
        signed = ""  # after a sign-off, "signed": a signature, read again from a postscript on ("P.S." alone: the next)
        cursor = depth = 0  # where the sentence just read ends, and how many « are open there
        for raw in each_sentence(text, self._titles):
            start, cursor = cursor, text.find(raw, cursor) + len(raw)
            depth += text.count("«", start, cursor) - text.count("»", start, cursor) if "«" in text else 0
            quoted = depth > 0
            raw = raw.strip()
            if signed:
                if (rest := self.sign_offs.postscript(raw)) is None and signed != "P.S.":
                    continue
                raw, signed = (raw, "") if rest is None else (rest, "" if rest else "P.S.")
            if raw.startswith(")") and found:  # "(… qui paie le trajet ?) et le portail …": a bracket's "?" ends none
                found[-1] = (f"{found[-1][0]} {raw}", found[-1][1], raw[-1:], quoted)
                continue
            marked = raw[:1] in _ITEM_STARTS or raw[1:2] == ")" or (raw[:1] in "ivIV" and _ITEM_NUMBER.match(raw))
            piece = _ITEM_NUMBER.sub("", raw) if marked else raw
            item = piece != raw or bool(_QUOTED_LINE.match(raw))
            piece = piece.rstrip(" ,;:-–—»«\"'").lstrip(" ,:-–—»«\"'")  # "… inclus ? ; intérêts": the item's mark kept
            piece = _TRAILING_LINK.sub("", piece) if piece.endswith("et") else piece  # most pieces end otherwise
            if not _ALNUM.search(piece):
                continue  # "??": the end of the sentence before
            if found and (self.sign_offs.opens(piece) or self.sign_offs.closes(piece, text)):
                signed = "signed"  # a signature follows
                continue
            found.append((piece, raw[:1] if item else "", raw[-1:], quoted))
        return found

    def _announces(self, sentence: str, end: str) -> bool:
        """Whether a sentence (without its marks, `end` its last character as written) announces a list: it ends with a
        colon, or asks to check what follows ("Vrai ou faux ?")."""
        return end == ":" or (end == "?" and bool(self._checks.find(sentence)))
