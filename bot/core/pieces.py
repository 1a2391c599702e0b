"""Cutting one asking sentence into the pieces that may be questions of their own: at commas and linking words
("qui est responsable, et peut-on résilier ?"), at enumerators ("première question … deuxième question …") and,
without "?" (dictated, SMS), where a question starts mid-sentence. The words are data (knowledge/vocabulary.yaml)."""

from __future__ import annotations

import re
from collections.abc import Callable

from .cuts import link_ends
from .french import fold
from .phrases import WORD
from .piece_words import PieceWords, opens_other_half

PREAMBLE_WORDS = 3  # the fewest words of a preamble before a question ("je suis secrétaire, c'est qui …")
ASKING_START = 15  # characters of a clause before its asking phrase ("et je voulais savoir si"), for `past_telling`
TELLING_CLAUSES = 3  # the fewest clauses told in one breath before an asking phrase that `past_telling` leaves out
TONE_WORDS = 3  # the fewest words of a question asked by its tone after a link ("et on peut le modifier ?")

_BRACKETS = re.compile(r"\([^()]*\)")  # a remark in brackets ("(trois nouveaux élus arrivent lundi)")
_BLANK = re.compile(r"(?<!\w)_+(?!\w)")  # a form's blank ("conclue pour ___ ans"): a question to fill in


class Pieces(PieceWords):
    """Finds whether a sentence asks, and the pieces of it that may be questions of their own."""

    def pieces(self, question: str) -> list[str]:
        """The pieces of one asking sentence that may be questions of their own, in order, as written (an aside between
        commas left out: "Le conseil souhaite connaître, avant de voter, les règles …, ainsi que le prix …"). A piece
        that does not ask ("Signée le 1er mars", "c'est possible ?") stays with its neighbour, and so does the
        question after a condition ("si nous payons en retard, que se passe-t-il ?": one question)."""
        pieces: list[str] = []
        asks: list[bool] = []
        question = self._asking.without_asides_as_written(question)  # "souhaite connaître, avant de voter, les …"
        # "si …" asks only after "savoir si" ("… si les frais sont facturés"), else it is a condition ("Et si ça …").
        indirect = self.asks_indirectly(question)
        # "m'indiquer le taux horaire, la juridiction … ainsi que la durée": one question per item after its asking phrase
        # (an `indirect` found, then a space or a comma), not before it ("venu le lundi 2 mars …, le lundi 9 mars …, et je
        # voudrais savoir combien"); without "?", a question word asks wherever it stands, a question starts mid-sentence.
        listing = indirect and bool(self._listing and self._listing.search(fold(question)))
        in_place = "?" not in question
        split, kinds = self._cutter.split(question, starts=in_place)
        asked_at = (i for i in range(0, len(split), 2) if indirect and self._asking.search(fold(split[i])))
        phrase_at = next(asked_at, 0)  # the first piece holding the asking phrase
        items_from = phrase_at if listing else 0
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
            # its question word stands, "?" or not; so does a clause a semicolon sets apart, like a sentence ("Le CDG
            # facture combien de l'heure ; et la convention dure combien de temps ?").
            after = split[index + 1] if index + 1 < len(split) else ""
            loose = in_place or self.has_subject(own) or ";" in separator or ";" in after
            other_half = bool(index) and opens_other_half(split[index], own)  # ", ou …", "… | ou faut-il …"
            asks_alone = not other_half and (
                self._piece_asks(folded, indirect, loose) or (conditional and self._piece_asks(own, indirect, loose))
            )
            # A piece whose subject points back ("…, déplacements compris, cette somme permet-elle de payer ?") goes
            # on with the question before it, unless it opens with a question word of its own.
            back = bool(index) and bool(self._pointing.match(own)) and not self._opener.match(own)
            # Before the asking phrase of its sentence, a piece past the first tells (its "qui", "où" are relatives:
            # "Nous préparons, avec la commission, | qui se réunit …, | et nous aimerions savoir où …"), unless inverted.
            telling = 0 < index < phrase_at and not self._inversion.search(folded) and "?" not in piece
            # "…, ce qui conditionne la présentation au conseil,": right after a comma, no link, it says more of the clause
            linked = fold(split[index]).strip() != own
            relative = bool(self._pronoun_relative.match(own)) and any(asks)  # of a noun of the question before it
            resumes = (bool(self._resuming.match(own)) and "?" not in piece) or relative
            telling = telling or (bool(index) and not linked and resumes)
            # "…, et on peut le modifier ?": after a link, its own subject and the sentence's "?", a question by its tone
            # (a pronoun: "… la commune et le CDG 62 ?" names whom; one never an object: "… et nous facturer …")
            # (no "?" in the whole sentence, the last piece ends it: "… il se passe quoi, et on peut modifier …")
            ended = piece.rstrip().endswith("?") or (in_place and index == len(split) - 1)
            tone = linked and ended and bool(self._sole_subject.match(own))
            tone = tone and len(own.split()) >= TONE_WORDS
            asks_alone = asks_alone or (tone and not other_half)
            asks_alone = (
                asks_alone and not back and not telling and not self._relative_clause(split, index, indirect)
            ) or (listed and not index)
            following = kinds[index // 2] if index + 1 < len(split) else ""
            # What comes before a question starting without punctuation belongs to it, when it does not
            # ask by itself ("et on a signé il y a deux ans | est-ce que …"), and so does a condition
            # ("et si on paie en retard, | c'est combien ?").
            condition = bool(following) and self._condition.match(folded) and not (indirect and self._if.match(folded))
            # A condition goes with the question after it only where it refers back ("et si oui, | à quel
            # tarif ?") or where no "?" punctuates the sentence: elsewhere its own words would outweigh
            # that question's ("si le défaut de paiement persistait, | serait-il fondé à résilier ?").
            # Right after an enumerator too: it announced one question, the condition opens it ("Deuxième question :
            # en cas de sinistre imputable à La Fibre, | sur quelle base est calculé le plafond ?").
            # After a linking word, a condition opens the next question ("combien d'originaux faut-il signer, et si on
            # veut dénoncer la convention, par quel moyen faut-il écrire ?"), not the end of the one before.
            condition = condition and (in_place or announced or linked or self.refers_back(folded))
            # "comment | et quand peut-elle partir ?": question words alone, joined to the next question's
            bare = bool(following) and bool(own) and set(own.split()) <= self.closing_words
            bare = bare or (
                bool(following) and self.shares_verb(own, split[index + 2] if index + 2 < len(split) else "")
            )
            leads = ((following == "start" or condition) and not asks_alone) or bare
            if not folded or leads or (index + 1 < len(split) and self._opens_next(folded, listing)):
                # An enumerator is dropped, not carried ("deuxième question"): it only says a question follows.
                carried_separator = " " if following == "enumerator" else split[index + 1] if following else ""
                carried = f"{piece.lstrip() if carried else piece.strip()}{carried_separator}"
                carried = carried if carried.strip() else ""
                announced = announced or following in ("start", "enumerator")
                conditional = conditional or bool(condition)
                continue
            carried = ""
            inside_brackets = bool(pieces) and pieces[-1].count("(") > pieces[-1].count(")")
            item = (
                listing and index >= items_from and bool(self._item.match(folded)) and not self._adverbial.match(folded)
            )
            asking = (announced and not other_half) or asks_alone or item
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

    def past_preamble(self, piece: str, names_something: Callable[[str], bool], mark: str = ", ") -> str:
        """`piece` from its question on, when words that ask nothing and name nothing the convention knows open it,
        then a comma, or `mark` ("bonjour je suis au conseil municipal des jeunes, c'est qui le président du CDG 62 ?"):
        they only weigh the question down. Not a topic ("Pour la résiliation, qui …") nor a condition ("si …, qui …")."""
        comma = piece.find(mark)
        if comma < 0:
            return piece
        head, rest = piece[:comma], piece[comma + len(mark) :]
        folded = fold(head)
        asking = self._asking.search(fold(rest))  # "En préparant la pose des bornes, | je me demande si …"
        opens = self._opener.match(fold(rest)) or (asking and asking.start() <= ASKING_START)
        if not opens or self.asks(head) or self._condition.match(folded):
            return piece
        if len(head.split()) < PREAMBLE_WORDS or self._topic.match(folded) or self._link.match(folded):
            return piece  # "Enfin, qui …", "Et autre chose, …": they say a new question follows
        return piece if names_something(_BRACKETS.sub(" ", head)) else rest  # a remark in brackets: the writer's day

    def past_telling(self, piece: str) -> str:
        """`piece` from the clause its asking phrase opens, when TELLING_CLAUSES or more that ask nothing come before it
        ("ce matin la photocopieuse est tombée en panne, le facteur est passé, bref, je voulais savoir si La Fibre peut
        …"): a story told in one breath, context read with the whole message, not the question's own words."""
        clauses = piece.split(", ")
        for index in range(TELLING_CLAUSES, len(clauses)):
            asking = self._asking.search(fold(clauses[index]))
            if asking and asking.start() <= ASKING_START:
                head = ", ".join(clauses[:index])
                return piece if self.asks(head) else ", ".join(clauses[index:])
        return piece

    def goes_on(self, sentence: str) -> bool:
        """Whether a sentence goes on with the question before it, after a linking word, "+" or an ordinal ("Et
        aussi si le CDG facture les déplacements.", "Deuxièmement, qui paie si le site est piraté.", "+ adresse du
        tribunal svp": a thing asked for with a please word)."""
        stripped = sentence.lstrip(" ,;:-–—«\"'")
        ordinal = self._ordinals.match(stripped, 0)
        folded = fold(stripped[ordinal.end() :] if ordinal else stripped).strip(" ,;:-–—«\"'")
        rest = self._link.sub("", folded.removeprefix("+").lstrip())
        linked = bool(ordinal) or rest != folded
        return linked and bool(self._if.match(rest) or self._opener.match(rest) or self._please.search(rest))

    def opens_item(self, sentence: str) -> bool:
        """Whether a sentence opens with an ordinal then asks ("Deuxièmement, qui paie ?"): a list's item, wherever."""
        stripped = sentence.lstrip(" ,;:-–—«\"'")
        ordinal = self._ordinals.match(stripped, 0)  # most sentences: no ordinal, nothing folded
        rest = fold(stripped[ordinal.end() :]).strip(" ,;:-–—«\"'") if ordinal else ""
        return bool(rest) and self._piece_asks(self._link.sub("", rest), False)

    def says_asking(self, text: str) -> bool:
        """Whether `text` holds an asking phrase ("nous voudrions savoir", "le maire demande si")."""
        return bool(self._asking.search(fold(text)))

    def link_cuts(self, text: str) -> list[tuple[int, int]]:
        """Where a piece of `text` may end: a comma, a semicolon, or the spaces before a linking word ("… et …")."""
        return link_ends(self._piece_end, text)

    def run_on_cuts(self, text: str) -> list[tuple[int, int]]:
        """`link_cuts`, and the spaces before a question word said a second time, that may start a question run on
        without "?" ("savoir comment on paie le cdg | comment on arrête la convention")."""
        starts = list(self._run_on_start.finditer(text))
        said = [fold(text[match.end() :].split(maxsplit=1)[0]) for match in starts]
        again = [match.span() for index, match in enumerate(starts) if said[index] in said[:index]]
        return sorted([*self.link_cuts(text), *again])

    def told(self, text: str) -> bool:
        """Whether `text` opens with a subject ("on a reçu …", "il est …"): a clause that tells, not a topic named."""
        return bool(self._subject.match(fold(text).strip()))

    def opens_topic(self, sentence: str) -> bool:
        """Whether a sentence opens with words saying a new question follows ("Par ailleurs, …", "Autre chose : …")."""
        return bool(self._topic.match(fold(sentence).lstrip(" ,;:-–—«\"'")))

    def announced_only(self, sentence: str) -> bool:
        """Whether a sentence asks only by its enumerator ("Autre question cdg : 95 min sur place.")."""
        found = self._enumerators.find(sentence) if "?" not in sentence else []
        for match in reversed(found):
            sentence = f"{sentence[: match.start()]} {sentence[match.end() :]}"
        return bool(found) and not self.asks(sentence)

    def asks(self, sentence: str, unpunctuated: bool = False) -> bool:
        """Whether a sentence asks something; `unpunctuated`: its message has no "?" (dictated, SMS)."""
        if "?" in sentence or (
            _BLANK.search(sentence) and not (self._signing_slot and self._signing_slot.search(sentence))
        ):
            return True  # a blank to fill asks too ("La convention est conclue pour ___ ans.")
        folded = self._unasking.sub(" ", fold(sentence))  # "je vous transfère tel quel le message": no "quel" asked
        opened = self._opener.match(self._link.sub("", folded.lstrip(" ,;:-–—«\"'")))  # "et qui est le tribunal …"
        # "Quand une copie arrivait abîmée, le distributeur n'y était pour rien.": a time clause told, no question
        if opened and sentence.rstrip().endswith(".") and "," in folded and self._condition.match(folded.lstrip()):
            opened = None  # told, not asked
        if opened or self._asking.search(folded) or self._enumerators.find(sentence):
            return True  # an enumerator too: "première question … deuxième question …"
        if self._ordinals.find(sentence) and any(
            cut.kind == "enumerator" for cut in self._cutter.cuts(sentence, starts=unpunctuated)
        ):
            return True  # an ordinal after the count of what is asked: "deux choses, la première c'est …"
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
            return self.asked_in_place(folded)  # "…, on fait comment.", not "… qui fait quoi."
        closing = not self.closing_words.isdisjoint(WORD.findall(folded)) or (
            unpunctuated and self._yes_no.search(folded)
        )
        if not closing:
            return False  # (yes or no, only without "?": "… hésite à dire oui ou non" tells, "?" asked elsewhere)
        return any(self._closes(piece, yes_no=unpunctuated) for piece in self._piece_end.split(folded)[::2])
