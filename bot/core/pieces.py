"""Cutting one asking sentence into the pieces that may be questions of their own: at commas and linking words
("qui est responsable, et peut-on résilier ?"), at enumerators ("première question … deuxième question …") and,
without "?" (dictated, SMS), where a question starts mid-sentence. The words are data (knowledge/vocabulary.yaml)."""

from __future__ import annotations

import re

from .asking_phrases import AskingPhrases
from .cuts import Cutter
from .french import fold
from .phrases import WORD, alternatives, phrase_trie, phrases_pattern
from .reading import Reading

MAX_SUBJECT_WORDS = 5  # "Pourquoi le CDG 62": a question word and a subject, no verb


class Pieces:
    """Finds whether a sentence asks, and the pieces of it that may be questions of their own."""

    def __init__(self, reading: Reading) -> None:
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
        self._asking = AskingPhrases(asking, reading.asking_negations, reading.aside_phrases)  # not "de ne pas savoir"
        # Inside a question, a new one may start after a comma or a semicolon ("qui est responsable, et peut-on résilier
        # ?") or at a linking word ("et comment", "ainsi que"), kept only where the piece after it asks (see `pieces`);
        # not at "aussi", "également" right after a word: they say more of its verb ("vise aussi les syndicats").
        links = alternatives(reading.linking_words)
        adverbs = {fold(word) for word in reading.adverb_links}
        free = alternatives(tuple(word for word in reading.linking_words if fold(word) not in adverbs))
        self._piece_end = re.compile(rf"(\s*[,;]\s*|\s+(?=(?:{free})[\s,]))", re.IGNORECASE)
        self._link = re.compile(rf"^(?:(?:{links})(?:[\s,]+|$))+")
        self._inversion = re.compile(rf"\w-(?:t-)?(?:{alternatives(reading.inverted_subjects)})\b")
        self._asked_inverted = re.compile(rf"\w-(?:t-)?(?:{alternatives(reading.asking_inversions)})\b")  # "doit-on"
        self._subject = re.compile(rf"(?:{alternatives(reading.inverted_subjects)})\b")  # "on doit …", "il est …"
        # "… et La Fibre ont-ils …": a second subject, then the verb both share (see `_joined_subjects`).
        self._plural = re.compile(rf"^(?:[\w'’]+\s+){{1,4}}\w+-(?:t-)?(?:{alternatives(reading.plural_subjects)})\b")
        self._closing_words = frozenset(fold(word).strip() for word in reading.closing_question_words)
        self._indefinite = re.compile(rf"(?:{alternatives(reading.indefinite_words)})\s+\w+\W*$")  # n'importe quand
        self._yes_no = re.compile(rf"(?:{phrases_pattern(reading.closing_yes_no, start=False).pattern})\W*$")
        self._condition = phrases_pattern(reading.condition_words, start=True)
        self._topic = phrases_pattern(reading.topic_openers, start=True)  # a new question follows: "autre chose :"
        self._item = phrases_pattern(reading.listing_openers, start=True)
        self._relative = phrases_pattern(reading.relative_words, start=True)
        self._pointing = phrases_pattern(reading.pointing_words, start=True)
        item = self._item.pattern.removeprefix("^")
        self._clause = re.compile(rf"{self._condition.pattern}\W*(?:{self._subject.pattern}|{item})")  # "quand le …"
        self._listing = re.compile(rf"{asking}[\s,]+{item}") if folded_asking else None
        # What only opens the next item: "Je vous saurais gré de m'indiquer", "d'une part".
        items = {fold(opener).strip() for opener in reading.listing_openers if opener.strip()}
        self._lead = re.compile(rf"{phrase_trie(folded_asking | items, folded=True)}\W*$")
        self._in_place = frozenset(fold(word).strip() for word in reading.in_place_question_words)
        self._in_sentence = self._in_place | {fold(w).strip() for w in reading.sentence_question_words}  # see `asks`
        self._cutter = Cutter(reading, asking_phrases, self._piece_end)  # where a new question may start
        self._enumerators, self._ordinals = self._cutter.enumerators, self._cutter.ordinals
        self._follow_up = phrases_pattern(reading.follow_up_words, start=False)
        # "…, et au bout de combien de temps": how long, asked of the question before it
        self.time_question = phrases_pattern(reading.time_question_words, start=False)
        self.question_words = (*reading.closing_question_words, *reading.in_place_question_words)  # never a topic
        self._bare_words = frozenset(fold(word) for word in reading.closing_question_words)

    def pieces(self, question: str) -> list[str]:
        """The pieces of one asking sentence that may be questions of their own, in order, as written. A piece
        that does not ask ("Signée le 1er mars", "c'est possible ?") stays with its neighbour, and so does the
        question after a condition ("si nous payons en retard, que se passe-t-il ?": one question)."""
        pieces: list[str] = []
        asks: list[bool] = []
        # "si …" asks only after "savoir si" ("… si les frais sont facturés"), else it is a condition ("Et si ça …").
        indirect = bool(self._asking.search(fold(question)))
        # "m'indiquer le taux horaire, la juridiction … ainsi que la durée": one question per item after its asking phrase
        # (an `indirect` found, then a space or a comma), not before it ("venu le lundi 2 mars …, le lundi 9 mars …, et je
        # voudrais savoir combien"); without "?", a question word asks wherever it stands, a question starts mid-sentence.
        listing = indirect and bool(self._listing and self._listing.search(fold(question)))
        in_place = "?" not in question
        split, kinds = self._cutter.split(question, starts=in_place)
        asked_at = (i for i in range(0, len(split), 2) if listing and self._asking.search(fold(split[i])))
        items_from = next(asked_at, 0)  # the first piece holding the asking phrase
        # Questions listed ("Quand entre-t-elle en vigueur, (…,) et qui signe ?"): the first asks, unless a subject follows
        first, last = fold(split[0]), fold(split[-1]).strip()
        listed = len(split) > 2 and bool(self._link.match(last) and self._opener.match(first))
        listed = listed and not self._clause.match(first)  # "quand le technicien vient, …": a condition
        carried, opening = "", 0  # a linking word alone ("et, d'autre part, …") opens the next piece
        announced = False  # the piece follows an enumerator or holds a question start
        conditional = False  # the piece follows its condition ("et si on paie en retard, | c'est combien ?")
        for index in range(0, len(split), 2):
            opening = opening if carried else index
            piece, separator = carried + split[index], split[opening - 1] if opening else ""
            announced = announced or (bool(opening) and kinds[opening // 2 - 1] in ("start", "enumerator"))
            folded = self._link.sub("", fold(piece).strip())
            own = self._link.sub("", fold(split[index]).strip())  # without what it carries
            # A piece whose own subject opens it ("et on doit prévenir combien de temps avant") asks where
            # its question word stands, "?" or not.
            loose = in_place or bool(self._subject.match(own))
            asks_alone = not (index and own.startswith("ou ")) and (  # ", ou …": the other half of a question
                self._piece_asks(folded, indirect, loose) or (conditional and self._piece_asks(own, indirect, loose))
            )
            # A piece whose subject points back ("…, déplacements compris, cette somme permet-elle de payer ?") goes
            # on with the question before it, unless it opens with a question word of its own.
            back = bool(index) and bool(self._pointing.match(own)) and not self._opener.match(own)
            asks_alone = (asks_alone and not back and not self._relative_clause(split, index)) or (listed and not index)
            following = kinds[index // 2] if index + 1 < len(split) else ""
            # What comes before a question starting without punctuation belongs to it, when it does not
            # ask by itself ("et on a signé il y a deux ans | est-ce que …"), and so does a condition
            # ("et si on paie en retard, | c'est combien ?").
            condition = bool(following) and self._condition.match(folded) and not (indirect and self._if.match(folded))
            # A condition goes with the question after it only where it refers back ("et si oui, | à quel
            # tarif ?") or where no "?" punctuates the sentence: elsewhere its own words would outweigh
            # that question's ("si le défaut de paiement persistait, | serait-il fondé à résilier ?").
            condition = condition and (in_place or self.refers_back(folded))
            # "comment | et quand peut-elle partir ?": question words alone, joined to the next question's
            bare = bool(following) and bool(own) and set(own.split()) <= self._bare_words
            leads = ((following == "start" or condition) and not asks_alone) or bare
            if not folded or leads or (listing and self._lead.search(folded) and index + 1 < len(split)):
                # An enumerator is dropped, not carried ("deuxième question"): it only says a question follows.
                carried_separator = " " if following == "enumerator" else split[index + 1] if following else ""
                carried = f"{piece.lstrip() if carried else piece.strip()}{carried_separator}"
                carried = carried if carried.strip() else ""
                announced = announced or following in ("start", "enumerator")
                conditional = conditional or bool(condition)
                continue
            carried = ""
            inside_brackets = bool(pieces) and pieces[-1].count("(") > pieces[-1].count(")")
            asking = announced or asks_alone or (listing and index >= items_from and bool(self._item.match(folded)))
            announced = conditional = False
            if pieces and (
                inside_brackets or not asking or not asks[-1] or self._joined_subjects(pieces[-1], separator, own)
            ):
                pieces[-1] = f"{pieces[-1]}{separator}{piece.rstrip()}"
                asks[-1] = asks[-1] or asking
            else:
                pieces.append(piece.strip())
                asks.append(asking)
        return pieces

    def _joined_subjects(self, before: str, separator: str, own: str) -> bool:
        """A second subject of the question before (its words past a colon): "Pourquoi le CDG 62 | et La Fibre ont-ils …"."""
        few = len(WORD.findall(before.rsplit(":", 1)[-1])) <= MAX_SUBJECT_WORDS
        return few and "," not in separator and bool(self._plural.match(own))

    def _relative_clause(self, split: list[str], index: int) -> bool:
        """Whether the piece at `index` is a relative clause between commas ("La Fibre, | qui nous fournit les
        services, | est-elle responsable ?"): it opens with a relative word and the piece after it goes on with
        the main clause (no linking word, question word, subject or article opens it)."""
        piece = split[index]
        if not index or index + 2 >= len(split) or piece.count("(") != piece.count(")"):
            return False  # "qui fournit le matériel (ordinateurs, | bornes wifi)": the comma is in brackets
        if not self._relative.match(fold(piece).strip()):
            return False
        after = fold(split[index + 2]).strip()
        return not any(p.match(after) for p in (self._link, self._opener, self._subject, self._item))

    def reported(self, question: str) -> str:
        """What a question reports, without who asks it ("Le correspondant de La Voix du Nord nous demande qui …" ->
        "qui …"), folded; the whole question when no asking phrase stands in it."""
        folded = fold(question)
        asking = self._asking.search(folded)
        return folded[asking.end() :] if asking else folded

    def refers_back(self, question: str) -> bool:
        """Whether a question refers back to the one before it ("Et celle du tribunal ?", "idem pour La Fibre")."""
        return bool(self._follow_up.search(fold(question)))

    def goes_on(self, sentence: str) -> bool:
        """Whether a sentence goes on with the question before it, after a linking word or an ordinal ("Et
        aussi si le CDG facture les déplacements.", "Deuxièmement, qui paie si le site est piraté.")."""
        stripped = sentence.lstrip(" ,;:-–—«\"'")
        ordinal = self._ordinals.match(stripped, 0)
        folded = fold(stripped[ordinal.end() :] if ordinal else stripped).strip(" ,;:-–—«\"'")
        rest = self._link.sub("", folded)
        return (bool(ordinal) or rest != folded) and bool(self._if.match(rest) or self._opener.match(rest))

    def opens_item(self, sentence: str) -> bool:
        """Whether a sentence opens with an ordinal then asks ("Deuxièmement, qui paie ?"): a list's item, wherever."""
        stripped = sentence.lstrip(" ,;:-–—«\"'")
        ordinal = self._ordinals.match(stripped, 0)  # most sentences: no ordinal, nothing folded
        rest = fold(stripped[ordinal.end() :]).strip(" ,;:-–—«\"'") if ordinal else ""
        return bool(rest) and self._piece_asks(self._link.sub("", rest), False)

    def is_linked(self, question: str) -> bool:
        """Whether a question opens with a linking word ("Et le CDG, il peut aussi ?")."""
        return bool(self._link.match(fold(question).strip(" ,;:-–—«\"'")))

    def _piece_asks(self, folded: str, indirect: bool, in_place: bool = False) -> bool:
        """Whether a piece of a sentence (folded, without its linking word) asks something; `in_place`:
        a question word asks wherever it stands (a message without "?")."""
        if in_place and not self._in_place.isdisjoint(WORD.findall(folded)):
            return True  # "et on doit prévenir combien de temps avant", "si on paie en retard c'est combien"
        if self._condition.match(folded) and not (indirect and self._if.match(folded)):
            # A condition, unless it is itself a question ("quand la Fibre facture-t-elle ?").
            return bool(self._inversion.search(folded) or self._closes(folded)) or folded.endswith("?")
        return bool(
            self._opener.match(folded)
            or (indirect and bool(self._indirect.match(folded)))
            or self._inversion.search(folded)
            or self._asking.search(folded)  # "les élus veulent savoir pour combien de temps…"
            or self._closes(folded)  # "et ça commence quand"
            or (":" in folded and self._opener.search(folded.rsplit(":", 1)[-1]))
        )

    def _closes(self, folded: str) -> bool:
        """Whether a folded text ends with its question word ("ça commence quand") or asks yes or no ("… ou c'est compris")."""
        end = folded[-40:]
        closing = (WORD.findall(end) or [""])[-1] in self._closing_words and not self._indefinite.search(end)
        return closing or bool(self._yes_no.search(end))

    def asks(self, sentence: str, unpunctuated: bool = False) -> bool:
        """Whether a sentence asks something; `unpunctuated`: its message has no "?" (dictated, SMS)."""
        if "?" in sentence:
            return True
        folded = fold(sentence)
        opened = self._opener.match(self._link.sub("", folded.lstrip(" ,;:-–—«\"'")))  # "et qui est le tribunal …"
        if opened or self._asking.search(folded) or self._enumerators.find(sentence):
            return True  # an enumerator too: "première question … deuxième question …"
        if topic := self._topic.match(folded):  # "Et au passage, qui signe …", "Et puis autre chose, c'est quoi …."
            rest = folded[topic.end() :].lstrip(" ,:;-")
            if self._opener.match(rest) or not self._in_place.isdisjoint(WORD.findall(rest)):
                return True
        if self._asked_inverted.search(folded):
            return True  # "comment son prix sera-t-il fixé.": a subject after its verb asks, whatever its mark
        # Without "?": a question word anywhere ("c'est quel tribunal"), or a question starting mid-sentence or after a comma.
        if unpunctuated and (
            not self._in_sentence.isdisjoint(WORD.findall(folded))
            or any(cut.kind == "start" for cut in self._cutter.cuts(sentence))
            or any(self._opener.match(piece.strip()) for piece in self._piece_end.split(folded)[::2])
        ):
            return True
        # SMS: a question word left in place, at the end of the sentence or of one of its pieces ("la facture arrive qd
        # et c'est qui le président"); not in punctuated sentences ("… qui fait quoi." tells, read before its words).
        if not unpunctuated and sentence.endswith("."):
            return False
        closing = not self._closing_words.isdisjoint(WORD.findall(folded)) or (
            unpunctuated and self._yes_no.search(folded)
        )
        if not closing:
            return False
        return any(self._closes(piece) for piece in self._piece_end.split(folded)[::2])
