"""The words a sentence is cut and read with, compiled once (knowledge/vocabulary.yaml), and the small rules that read
one piece of it: whether it asks, ends with an asking phrase, is a relative clause or a second subject; pieces.py cuts."""

from __future__ import annotations

import re

from .asking_phrases import AskingPhrases
from .cuts import Cutter
from .french import fold
from .lists import CountedLists
from .phrases import WORD, alternatives, phrase_trie, phrases_pattern
from .reading import Reading

HALF_REACH = 24  # a piece's first characters, where its "ou" (or) or "où" (where) stands after its linking words
SHARED_VERB_WORDS = 3  # "sous quelle forme | et dans quel délai nous devons …": question phrases sharing one verb
MAX_SUBJECT_WORDS = 7  # "Pour quelle raison le CDG 62": a question phrase and a subject, no verb


class PieceWords:
    """The compiled words of the sentence reader, and the rules that read one piece with them."""

    def __init__(self, reading: Reading, counted: CountedLists) -> None:
        # A question reported ("Un maire me demande à quel moment …", "elle demande à qui …") asks like "savoir si".
        opening = (*reading.if_words, *reading.question_openers, *reading.indirect_openers)
        reported = tuple(f"{verb} {word}" for verb in reading.reporting_verbs for word in opening)
        # "souhaite en outre connaître", "je souhaiterais aussi savoir": an adverb before an asking phrase's last word.
        inside = tuple(
            f"{' '.join(words[:-1])} {adverb} {words[-1]}"
            for phrase in reading.asking_phrases
            if len(words := phrase.split()) >= 2
            for adverb in reading.asking_adverbs
        )
        asking_phrases = (*reading.asking_phrases, *inside, *reported)
        self._opener = phrases_pattern(reading.question_openers, start=True)
        self._indirect = phrases_pattern((*reading.if_words, *reading.indirect_openers), start=True)  # "savoir | si"
        self._if = phrases_pattern(reading.if_words, start=True)  # "si …": indirect question or condition
        folded_asking = {fold(phrase).strip() for phrase in asking_phrases if phrase.strip()}
        asking = phrase_trie(folded_asking, folded=True)  # built once: thousands of phrases, read three times below
        # not after a negation ("de ne pas savoir"); asides between commas read as absent ("demande, pour sa part, quel")
        self._asking = AskingPhrases(asking, reading)
        # A new question may start after a comma, a semicolon or a linking word ("…, et peut-on résilier ?"), kept where
        # the piece after it asks (`pieces`); not at "aussi", "également" after a word ("vise aussi les syndicats").
        links = alternatives(reading.linking_words)
        adverbs = {fold(word) for word in reading.adverb_links}
        free = alternatives(tuple(word for word in reading.linking_words if fold(word) not in adverbs))
        going_on = alternatives(reading.link_continuations)  # "quatre heures | et demie": no cut there
        self._piece_end = re.compile(rf"(\s*[,;]\s*|\s+(?=(?:{free})[\s,](?!\s*(?:{going_on})\b)))", re.IGNORECASE)
        self._link = re.compile(rf"^(?:(?:{links})(?:[\s,]+|$))+")
        # "Signature de l'agent CDG 62 : ________": a pasted form's place to sign, never a blank asking to be filled
        slots = alternatives(reading.signing_slots)
        self._signing_slot = re.compile(rf"(?<!\w)(?:{slots})\b[^:_\n]*:\s*_+\W*$", re.IGNORECASE) if slots else None
        # "… ? et le portable du commercial svp": a thing asked for (an aside in brackets after it says who asks)
        self._please = re.compile(rf"(?<!\w)(?:{alternatives(reading.please_words)})\W*(?:\([^)]*\)\W*)?$")
        self._run_on_start = re.compile(rf"\s+(?=(?:{alternatives(reading.run_on_starts)})\s)", re.IGNORECASE)
        # "le technicien est venu de 14h à 17h30 | combien on va payer": a story, then its question in its words' order
        subjects = alternatives(reading.inverted_subjects)
        self._run_on_tail = re.compile(
            rf"(?<!\w)(?:{alternatives(reading.tail_question_words)}) (?:{subjects}) \w+(?: \w+){{0,2}}\W*$"
        )
        self._inversion = re.compile(rf"\w-(?:t-)?(?:{alternatives(reading.inverted_subjects)})\b")
        inverted = alternatives(reading.asking_inversions)
        spaced = alternatives(reading.spaced_inversion_verbs)
        # "doit-on", and as typed on a phone "peut il", "faut il"
        self._asked_inverted = re.compile(rf"\w-(?:t-)?(?:{inverted})\b|\b(?:{spaced})\s(?:t\s)?(?:{inverted})\b")
        self._subject = re.compile(rf"(?:{alternatives(reading.inverted_subjects)})\b")  # "on doit …", "il est …"
        self._sole_subject = re.compile(rf"(?:{inverted})\b")  # never an object: "et on peut …", not "et nous facturer"
        self._named_subject = phrases_pattern(reading.named_subjects, start=True)  # "et le CDG nous prend combien"
        named = phrases_pattern(reading.named_subjects, start=False).pattern
        self._named_last = re.compile(rf"{named}\W*$")  # "Est-ce que la Fibre | et le CDG savent …": one verb
        # "… et La Fibre ont-ils …": a second subject, then the verb both share (see `_joined_subjects`).
        self._plural = re.compile(rf"^(?:[\w'’]+\s+){{1,4}}\w+-(?:t-)?(?:{alternatives(reading.plural_subjects)})\b")
        self.closing_words = frozenset(fold(word).strip() for word in reading.closing_question_words)  # folded
        self._unasking = phrases_pattern(reading.unasking_idioms, start=False)  # "tel quel": no question
        self._indefinite = re.compile(rf"(?:{alternatives(reading.indefinite_words)})\s+\w+\W*$")  # n'importe quand
        trailing = alternatives(reading.trailing_adverbs)
        self._trailing = re.compile(rf"(?:\s+(?:{trailing}))+\W*$") if reading.trailing_adverbs else None
        self._reason = re.compile(rf",\s*(?:{alternatives(reading.reason_words)})(?!\w).*$")  # "…, parce que …"
        self._yes_no = re.compile(rf"(?:{phrases_pattern(reading.closing_yes_no, start=False).pattern})\W*$")
        self._condition = phrases_pattern(reading.condition_words, start=True)
        self._direct = phrases_pattern(reading.direct_question_marks, start=False)  # "est-ce que" asks anywhere
        self._topic = phrases_pattern(reading.topic_openers, start=True)  # a new question follows: "autre chose :"
        self._item = phrases_pattern(reading.listing_openers, start=True)
        self._adverbial = phrases_pattern(reading.adverbial_phrases, start=True)  # "le cas échéant": no item
        self._relative = phrases_pattern(reading.relative_words, start=True)
        told = rf"(?:{alternatives(reading.relative_words)})\s+(?:{alternatives(reading.telling_auxiliaries)})\s"
        self._told_relative = re.compile(told)  # "…, qui a duré 2h40": it tells what the noun before it did
        self._unsure = reading.unsure_pattern  # thousands: "je ne sais pas si", "demande les noms"
        self._demonstrative = phrases_pattern(reading.demonstratives, start=False)  # "celui", "celle"
        self._resuming = phrases_pattern(reading.resuming_relatives, start=True)  # "…, ce qui …": of the clause before
        self._pronoun_relative = phrases_pattern(reading.pronoun_relatives, start=True)  # "…, laquelle …": of its noun
        self._pointing = phrases_pattern(reading.pointing_words, start=True)
        item = self._item.pattern.removeprefix("^")
        self._clause = re.compile(rf"{self._condition.pattern}\W*(?:{self._subject.pattern}|{item})")  # "quand le …"
        # not after an asking phrase ending with "si": a clause follows ("savoir si le CDG facture …, et l'essence")
        not_if = "".join(rf"(?<![^\w'’]{re.escape(fold(word).strip())})" for word in reading.if_words)
        self._listing = re.compile(rf"{asking}{not_if}[\s,]+{item}") if folded_asking else None
        # What only opens the next item: "Je vous saurais gré de m'indiquer", "d'une part".
        items = {fold(opener).strip() for opener in reading.listing_openers if opener.strip()}
        # (not a phrase holding its first item: "me demande la durée, | le prix …" asks the duration itself)
        leads = {phrase for phrase in folded_asking if items.isdisjoint(re.split(r"(?<=')|\s+", phrase))}
        self._lead = re.compile(rf"{phrase_trie(leads | items, folded=True)}\W*$")
        # "… se demande, | si …"
        self._ends_asking = re.compile(rf"{phrase_trie(leads, folded=True)}\W*$") if leads else None
        self._in_place = frozenset(fold(word).strip() for word in reading.in_place_question_words)
        self._which = frozenset(fold(word).strip() for word in reading.sentence_question_words)  # quel, laquelle
        self._in_sentence = self._in_place | self._which  # see `asks`
        self._cutter = Cutter(reading, asking_phrases, self._piece_end, counted)  # where a new question may start
        self._enumerators, self._ordinals = self._cutter.enumerators, self._cutter.ordinals
        self._follow_up = phrases_pattern(reading.follow_up_words, start=False)
        # "…, et au bout de combien de temps": how long, asked of the question before it
        self.time_question = phrases_pattern(reading.time_question_words, start=False)
        self.question_words = (*reading.closing_question_words, *reading.in_place_question_words)  # never a topic

    def asks_indirectly(self, sentence: str) -> bool:
        """Whether a sentence holds an asking phrase ("savoir si"), or, without "?", says what the writer does not know
        ("je ne sais pas si …, ni si …"): a "si" in it may then open a question, not a condition."""
        folded = fold(sentence)
        return bool(self._asking.search(folded) or ("?" not in sentence and self._unsure.search(folded)))

    def shares_verb(self, own: str, after: str) -> bool:
        """Is `own` (folded) a question word's phrase alone after its asking phrase, or a time question's alone ("combien
        de temps à l'avance"), and `after` another one with the verb they share ("m'indiquer sous quelle forme | et dans
        quel délai nous devons vous en faire part", "combien de temps à l'avance | et sous quelle forme devons-nous …")?"""
        asking, found = -1, self._asking.search(own)
        while found:  # the last asking phrase ("je vous saurais gré de m'indiquer")
            asking = (asking if asking >= 0 else 0) + found.end()
            found = self._asking.search(own[asking:])
        words = own.split()  # ... or a which-word and its noun, no asking phrase ("Quel support | et quel délai …")
        phrase = own[asking:].split() if asking >= 0 else words if len(words) == 2 and words[0] in self._which else []
        after = fold(after).strip()
        linked = self._link.match(after)
        rest = after[linked.end() :].split() if linked else []
        timed = asking < 0 and (untimed := self.time_question.sub(" ", own)) != own  # "combien de temps" and 2 words
        bare = (0 < len(phrase) <= SHARED_VERB_WORDS and bool(set(phrase) & self._in_sentence)) or (
            timed and len(untimed.split()) < SHARED_VERB_WORDS < len(rest)  # `after` holds the verb
        )
        return bare and bool(rest and set(rest[:SHARED_VERB_WORDS]) & self._in_sentence)

    def _opens_next(self, folded: str, listing: bool) -> bool:
        """Whether a piece only opens the next one: it ends with an asking phrase, an aside after it read as absent
        ("notre adjoint se demande, | et nous aussi, | si le prix …"), or, in a list, with an item's opener."""
        if listing and self._lead.search(folded):
            return True
        return bool(self._ends_asking and self._ends_asking.search(self._asking.without_asides(f"{folded},")))

    def _joined_subjects(self, before: str, separator: str, own: str) -> bool:
        """A second subject of the question before (its words past a colon): "Pourquoi le CDG 62 | et La Fibre ont-ils …",
        "Est-ce que la Fibre | et le CDG savent …"."""
        few = len(WORD.findall(before.rsplit(":", 1)[-1])) <= MAX_SUBJECT_WORDS
        named = bool(self._named_subject.match(own) and self._named_last.search(fold(before)))
        return few and "," not in separator and (bool(self._plural.match(own)) or named)

    def _relative_clause(self, split: list[str], index: int, indirect: bool) -> bool:
        """Whether the piece at `index` is a relative clause between commas ("La Fibre, | qui nous fournit les
        services, | est-elle responsable ?"): it opens with a relative word and the piece after it goes on with
        the main clause (no linking word, question word, subject, nor, in a sentence asking `indirect`ly, article)."""
        piece = split[index]
        rest = "".join(split[index + 1 :])  # the last piece, or the rest its brackets hold ("qui a duré 2h (… , …)")
        last = not rest or piece.count("(") - piece.count(")") == rest.count(")") - rest.count("(") == 1
        if (
            index and last and not any("?" in p for p in split)
        ):  # no "?" asked: "savoir combien coûte la séance, qui a …"
            return bool(self._told_relative.match(fold(piece).strip()))
        if not index or index + 2 >= len(split) or piece.count("(") != piece.count(")"):
            return False  # "qui fournit le matériel (ordinateurs, | bornes wifi)": the comma is in brackets
        # "…, établissement distinct mais qui partage nos agents, peut-il …": a link with no comma joins it to the noun
        folded, after = fold(piece).strip(), fold(split[index + 2]).strip()
        if not self._relative.match(folded if "," in split[index - 1] else self._link.sub("", folded)):
            return False
        # an item lists what an asking phrase asks ("me dire qui signe, le montant …"); else "des" goes on the clause
        openers = (self._link, self._opener, self._subject) + ((self._item,) if indirect else ())
        return not any(p.match(after) for p in openers)

    def reported(self, question: str) -> str:
        """What a question reports, without who asks it ("Le correspondant de La Voix du Nord nous demande qui …" ->
        "qui …"), folded; the whole question when no asking phrase stands in it."""
        folded = fold(question)
        asking = self._asking.search(folded)
        return folded[asking.end() :] if asking else folded

    def refers_back(self, question: str) -> bool:
        """Whether a question refers back to the one before it ("Et celle du tribunal ?", "idem pour La Fibre")."""
        return bool(self._follow_up.search(fold(question)))

    def own_words(self, question: str) -> str:
        """`question` (folded) without its words referring back ("… avons-nous le même pouvoir ?" names no topic of its own)."""
        return self._follow_up.sub(" ", fold(question))

    def before_demonstrative(self, question: str) -> str:
        """The words of `question` (folded) before its demonstrative pronoun ("… le tribunal compétent est | celui
        d'Arras ?"), or "" when it holds none ("c'est facturé pareil ?")."""
        folded = fold(question)
        found = self._demonstrative.search(folded)
        return folded[: found.start()] if found else ""

    def is_linked(self, question: str) -> bool:
        """Whether a question opens with a linking word ("Et le CDG, il peut aussi ?")."""
        return bool(self._link.match(fold(question).strip(" ,;:-–—«\"'")))

    def _piece_asks(self, folded: str, indirect: bool, in_place: bool = False) -> bool:
        """Whether a piece of a sentence (folded, without its linking word) asks something; `in_place`:
        a question word asks wherever it stands (a message without "?")."""
        if in_place and not self._in_place.isdisjoint(WORD.findall(folded)):
            return True  # "et on doit prévenir combien de temps avant", "si on paie en retard c'est combien"
        if self._direct.search(folded):
            return True  # "pour ajouter un service est-ce qu'il faut un devis": its topic, then the question
        label_off = folded.rsplit(" : ", 1)[-1]  # "ma question : quand il vient en visio, …": a condition still
        if self._condition.match(label_off) and not (indirect and self._if.match(label_off)):
            # A condition, unless it is itself a question ("quand la Fibre facture-t-elle ?").
            return bool(self._inversion.search(folded) or self._closes(folded)) or folded.endswith("?")
        return bool(
            self._opener.match(folded)
            or (indirect and bool(self._indirect.match(folded)))
            or self._inversion.search(folded)
            or self._asking.search(folded)  # "les élus veulent savoir pour combien de temps…"
            or self._run_on_tail.search(folded)
            or self._unsure.search(folded)  # "je sais pas qui signe pour le CDG, et …": what she does not know
            or self._closes(folded, self.has_subject(folded.rsplit(":", 1)[-1].strip()))  # "et ça commence quand"
            or (":" in folded and self._opener.search(folded.rsplit(":", 1)[-1]))
        )

    def asked_in_place(self, folded: str) -> bool:
        """Whether a folded sentence ending with a full stop asks by its last piece: a pronoun subject, then its only
        question word at the end ("le maire veut changer la convention, on fait comment.", "…, on la paie comment, car
        …": why it is asked after it); not "… qui fait quoi.", "Le CDG nous dira qui fait quoi." (what someone tells)."""
        last = self._piece_end.split(self._reason.sub("", folded).rstrip(". "))[-1].strip()  # "où, car …": its why
        asked = [word for word in WORD.findall(last) if word in self.closing_words]
        return bool(self._subject.match(last)) and len(asked) == 1 and self._closes(last)

    def has_subject(self, folded: str) -> bool:
        """Whether a folded piece opens with its subject, a pronoun or a name ("on doit …", "le CDG nous prend …")."""
        return bool(self._subject.match(folded) or self._named_subject.match(folded))

    def _closes(self, folded: str, which: bool = False, yes_no: bool = True) -> bool:
        """Whether a folded text ends with its question word ("ça commence quand") or asks yes or no ("… ou c'est compris",
        if `yes_no`); with `which`, a piece with its subject, "quel" and its noun too ("elle envoie sa facture à quel moment")."""
        end = (self._trailing.sub("", folded[-60:]) if self._trailing else folded)[-40:]  # "… à quoi au juste"
        words = WORD.findall(end) or [""]
        # "la convention dure combien de temps": its question word with what it counts, "de" and one word, at the end
        counted = len(words) >= 3 and words[-2] in ("de", "d") and words[-3] in self.closing_words
        which = which and len(words) >= 2 and words[-2] in self._which
        closing = (words[-1] in self.closing_words or counted or which) and not self._indefinite.search(end)
        return closing or (yes_no and bool(self._yes_no.search(end)))


def opens_other_half(piece: str, own: str) -> bool:
    """Whether a piece (`own`: folded, its linking word off) opens the other half of an alternative question ("… d'un
    courrier | ou faut-il …"); not "et où …" (where), a question of its own that folding writes alike."""
    return own.startswith("ou ") and "où" not in piece[:HALF_REACH].lower()
