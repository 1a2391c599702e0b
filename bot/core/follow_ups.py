"""The rules a message's questions are read with that look at one short question: whether it names something the
convention knows, or another topic, and whether it takes up the question before it ("Et le CDG, il peut aussi ?",
"Et celle du tribunal ?", "À partir de quand ?"). QuestionFinder (questions.py) reads a message with them."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cached_property

from .calendar_names import day_of_month
from .french import fold
from .matching import Matcher
from .message import Reader, Sentence
from .options import lists_options, proposes
from .phrases import WORD, phrases_pattern
from .pronoun_subjects import PronounSubjects
from .sentence_ends import bare_line
from .told_values import DATE_TOLD
from .topic_lists import LEADING_BREAK, MAX_KEYWORD_WORDS, topic_items

MIN_FOREIGN_TERMS = 2  # a question naming this many words of another topic asks about it
MAX_BARE_WORDS = 5  # a question word and little else: "À partir de quand ?", "Pour combien de temps ?"
MAX_BACK_WORDS = 3  # "Est-ce conforme ?", "Est-ce que c'est permis ?" (its opener one word): asks about before
MAX_FOLLOW_UP_WORDS = 12  # a follow-up is short: "Et pour combien de temps ?", "Et celle du tribunal ?"
OWN_TOPICS = 2  # topics (strong terms, parties aside) after "si oui" that make a question of its own
MIN_OWN_WORDS = 6  # a question after a linking word, this long, asks anew ("Et combien la Région verse-t-elle … ?")
MAX_SIGNATURE_WORDS = 4  # a first line saying who writes: "sofiane la fibre", "Jérôme, mairie de Wail"


class FollowUps(PronounSubjects):
    """What one short question names, and whether it takes up the one before it."""

    reader: Reader
    matcher: Matcher
    _question_words: set[str]  # folded
    _not_topic_terms: set[str]  # the terms of the parties and of the question words
    _party_terms: frozenset[str]  # the terms of the parties' names
    _back_reference: re.Pattern[str]  # what a question checks against ("… à la convention ?")
    _topic_reads: tuple[Callable[..., bool], ...]  # what `topic_items` reads a list's items with
    _party: re.Pattern[str]  # any party's name, the commune's words included
    named: Callable[[str], set[str]]  # the parties a text names, the commune aside
    unstated: Callable[[str], str]  # what the convention never gives, asked ("quel est le SIRET du CDG ?"), else ""

    def names_something(self, text: str) -> bool:
        """Whether `text` holds a word the convention knows (a strong term), not a day's number ("Notre conseil du 9
        décembre veut savoir qui fait quoi.": a day, not article 9)."""
        return any(self.matcher.is_strong(term) for term in self.matcher.question_terms(self._without_days(text)))

    def topics(self, text: str) -> tuple[set[str], str]:
        """The terms of `text` besides its parties, question words and numbers ("Cotisation CDG 2026 → ?": one), and the
        clause they name first ("" for none)."""
        terms = self.matcher.question_terms(text)
        ranked = self.matcher.rank(terms)
        words = {term for term in terms if term not in self._not_topic_terms and not term[0].isdigit()}
        return words, ranked[0].clause_id if ranked else ""

    def _without_days(self, text: str) -> str:
        """`text` without its days of a month ("9 décembre", "1er mars 2026"), then folded; else `text` as it is (its
        terms cached, its titled names read: "M. Garcia")."""
        if not any(char.isdigit() for char in text):
            return text
        folded, day = fold(text), day_of_month()
        return day.sub(" ", folded) if day.search(folded) else text

    def _items_after(self, text: str, question: str) -> list[str]:
        """A list's items added after a `question` that names its own topic, behind a list mark or a linking word, with no
        "?" and no subject ("tarif cdg ? / annexe tarifs / tribunal", "préavis ? et tribunal compétent"), or one clause
        left without any mark that names a topic and tells no date ("… ? et la fibre facture avant ou apres"): each a
        question of its own; else []."""
        item = LEADING_BREAK.sub("", text)
        if (item == text and not self.reader.cutter.is_linked(text)) or not self._topical(question):
            return []
        if items := topic_items(f"{item} ?", *self._topic_reads):
            return items
        if self.reader.cutter.told(item):
            return []
        short = 0 < len(WORD.findall(item)) <= MAX_KEYWORD_WORDS
        # SMS: a clause left without its mark after the question ("… par chorus aussi ? et la fibre facture avant ou
        # apres l installation"): the writer's next question, when it names a topic of its own
        bare = bare_line(text) and not DATE_TOLD.search(item)
        return [item] if (short or bare) and (self._topical(item) or self._foreign(item)) else []

    def _elsewhere(self, text: str, others: bool) -> bool:
        """Whether a question naming nothing the convention knows, beside `others` questions, asks about something else
        ("… ? Au fait, vous savez quand ouvre la déchetterie ?"): it names words of another topic, or its writer opens it
        as a new one ("Par ailleurs, quel antivirus … ?", "Et combien la Région verse-t-elle aux communes ?": a linking
        word, then a whole question), so it is answered (refused) in its place, not left out."""
        if not others or self._foreign(text):
            return others
        cutter = self.reader.cutter
        whole = len(WORD.findall(text)) >= MIN_OWN_WORDS
        return text.endswith("?") and (cutter.opens_topic(text) or (whole and cutter.is_linked(text)))

    def _unstated_after(self, question: str, text: str) -> bool:
        """Does `text`, right after `question`, ask a fact the convention never gives, by its own words ("… ? Et le SIRET
        du syndicat ?") or of what `question` names, which asks none ("Où est le tribunal ? Et son téléphone ?")?"""
        return bool(self.unstated(text) or (self.unstated(f"{question} {text}") and not self.unstated(question)))

    def _past_announcement(self, piece: str) -> str:
        """`piece` after a colon when what comes before it only counts the questions ("Bonjour, deux questions de
        nouvelle arrivée : …") and asks nothing, or is a preamble naming nothing ("le maire m'a chargé d'une note pour le
        conseil : qui …", see `past_preamble`): its words are no part of the question."""
        head, colon, rest = piece.partition(" : ")
        announces = colon and self.reader.counted.counts(head) and not self.reader.cutter.asks(head)
        return (
            rest if announces and rest.strip() else self.reader.cutter.past_preamble(piece, self.names_something, " : ")
        )

    def _foreign(self, text: str) -> bool:
        """Whether `text` names words of another topic than the convention's (see `_elsewhere`)."""
        terms = self.matcher.question_terms(self._without_days(text))  # a few words only ("Virement, chèque ?") detail
        foreign = sum(map(self.matcher.is_foreign, terms))  # the one before; a day names no topic
        return len(terms) > MIN_FOREIGN_TERMS and foreign >= MIN_FOREIGN_TERMS

    def _topical(self, text: str) -> bool:
        """Whether `text` names a word the convention knows besides its parties' names."""
        terms = self.matcher.question_terms(text)
        return any(self.matcher.is_strong(term) and term not in self._party_terms for term in terms)

    def _greeting(self, text: str, first: bool = False) -> bool:
        """Whether a line asking by no words of its own opens with a greeting ("bonjour sait dorothee de lentretien",
        "salut sofiane de la fibre", a phone message's first line), or, `first`, says who writes in a few words that name
        nothing the convention knows but a party ("sofiane la fibre", "natacha fillievres"): context, not a question."""
        if self.reader.cutter.asks(text, True):
            return False
        if first and len(text.split()) <= MAX_SIGNATURE_WORDS:
            return not self._topical(text)
        return bool(self.reader.history.greeting.match(fold(text)))

    @cached_property
    def _which_words(self) -> set[str]:
        return {fold(word) for word in self.reader.reading.sentence_question_words}  # "quel", "laquelle"

    def _takes_up(self, text: str, adjacent: bool, previous: str = "") -> bool:
        """Whether a short question takes up the topic of the one before (`previous`): it refers back
        ("celle du tribunal", "idem"), or (`adjacent`: no context sentence between them) names no topic but
        a party after a linking word ("Et le CDG, il peut aussi ?", "Et pourquoi ?"), or asks only a question
        word the one before did not ask ("… des intérêts si on paie en retard ? À partir de quand ?"; not
        "Combien ça coûte ? Combien ?": asked again)."""
        if not text or len(text.split()) > MAX_FOLLOW_UP_WORDS:
            return False
        if self.reader.cutter.refers_back(text):
            # "Et celle du tribunal ?" takes up the question before; not "… que le tribunal compétent est celui
            # d'Arras ?", whose own topic comes before the word referring back, nor "Et pour résilier notre abonnement
            # chez SFR, c'est pareil ?", which names another topic
            told = self.matcher.question_terms(self.reader.cutter.before_demonstrative(text))
            own = any(self.matcher.is_strong(term) and term not in self._not_topic_terms for term in told)
            # "… ? et si oui La Fibre peut-elle résilier du jour au lendemain ?": two topics of its own, its own question
            # (the one before is only its condition); not "et si oui, à quel tarif ?"
            # (what the words referring back name is the topic taken up: "Et nous, avons-nous le même pouvoir ?")
            topics = [
                t
                for t in self.matcher.question_terms(self.reader.cutter.own_words(text))
                if self.matcher.is_strong(t) and t not in self._not_topic_terms
            ]
            # "… et sur quelle base le CDG calcule-t-il la sienne ?": a noun of the question before, whatever it names
            possessive = bool(self._possessive.search(fold(text)))
            return possessive or not (own or len(topics) >= OWN_TOPICS or self._foreign(text))
        if adjacent and self._asks_more(text, previous):
            return True
        # Any other word is a topic, even a general one ("et c qui le président du CDG").
        words = {term for term in self.matcher.question_terms(text) if not term[0].isdigit()}
        return adjacent and words <= self._not_topic_terms and self.reader.cutter.is_linked(text)

    def _options(self, piece: str, question: str) -> bool:
        """Whether `piece` only lists answers `question` may have ("… ? Le CDG ou La Fibre ?"), or proposes one to the
        question word `question` ends on ("… ça finit où ? Au tribunal d'Arras ?"): short, asking nothing of its own."""
        cutter = self.reader.cutter  # a question word of its own: a question of its own
        return lists_options(piece, question, self.matcher, self._not_topic_terms) or proposes(
            piece, question, cutter.closing_words, self._proposing, self._question_words | self._which_words
        )

    @cached_property
    def _possessive(self) -> re.Pattern[str]:
        return phrases_pattern(self.reader.reading.possessive_pronouns, start=False)  # "la sienne"

    @cached_property
    def _proposing(self) -> re.Pattern[str]:
        return phrases_pattern(self.reader.reading.proposed_answer_openers, start=True)  # "Au tribunal …?"

    def _asks_when(self, piece: str) -> bool:
        """ "…, et au bout de combien de temps": how long or from when, asked of the piece before it; not a piece naming
        another topic ("… et ensuite la salle des fêtes elle se loue combien pour le repas des aînés"), nor one asking
        what the convention never gives ("…, et quel est son IBAN ?")."""
        rest = self.reader.cutter.time_question.sub(" ", fold(piece))  # "… combien de temps on lui laisse pour …"
        other = self.names_something(rest) or self._foreign(rest) or self.unstated(rest)
        return self.reader.cutter.is_linked(piece) and not other

    def _asks_more(self, text: str, previous: str) -> bool:
        """Whether `text` is a question word and little else, naming nothing, that `previous` did not ask ("À partir de
        quand ?", "Par quel moyen ?")."""
        words = set(WORD.findall(fold(text)))
        asking = words & (self._question_words | self._which_words)
        if len(words) > MAX_BARE_WORDS or not asking or self.names_something(text):
            return False
        return not words <= set(WORD.findall(fold(previous)))

    def _asks_bare(self, piece: str) -> bool:
        """Whether `piece` holds a question word and more words ("combien ça fait"; not "comment" alone, which asks
        with the question after it: "comment, et dans quel délai …")."""
        said = set(WORD.findall(fold(piece)))
        return bool(said & self._question_words) and not said <= self._question_words

    def _party_only(self, piece: str, then: Sequence[Sentence] | None = None) -> bool:
        """A linking word and a party, no question word, or a sentence (`then`: the sentences after it) naming a party
        and referring back ("Même question pour le CDG 62."): the second party of the piece before it; not when,
        without a mark, the sentence after it asks: it opens that question."""
        if "?" not in piece and then and then[0].asks:
            return False
        return (self.reader.cutter.is_linked(piece) and self._no_topic(piece)) or (
            then is not None and bool(self.named(piece)) and self.reader.cutter.refers_back(piece)
        )

    def _opens_next(self, piece: str, then: Sequence[Sentence]) -> bool:
        """A party alone, no question word and no mark, on the line before a question naming none ("pour le cdg" /
        "c'est qui qui signe"): the party that question is about, its context (a chat's lines, one idea each)."""
        if "?" in piece or not then or not then[0].asks:
            return False
        if not self._party_terms.isdisjoint(self.matcher.question_terms(then[0].text)):
            return False  # the question names its own party
        return not self._party_terms.isdisjoint(self.matcher.question_terms(piece)) and self._no_topic(piece)

    def _no_topic(self, piece: str) -> bool:
        """No question word, and no term but the parties' names and the question words (days aside)."""
        terms = {term for term in self.matcher.question_terms(piece) if not term[0].isdigit()}
        return terms <= self._not_topic_terms and not set(WORD.findall(fold(piece))) & self._question_words

    def _party_then_back(self, piece: str) -> bool:
        """A second party of the piece before, then a question on it all ("… signé la convention avec La Fibre | et le
        CDG 62 : est-ce possible ?"): the party ends the piece before, whose question the words after the colon ask."""
        head, colon, tail = piece.partition(":")
        return bool(colon) and self._party_only(head) and self._points_back(tail.strip())

    def _points_back(self, piece: str) -> bool:
        """A question of MAX_BACK_WORDS words at most about what was said before it, its opener counted as one ("Est-ce
        conforme ?", "Est-ce que c'est permis ?"), or with what it checks against after them ("Est-ce conforme à la
        convention ?": `back_references`)."""
        folded = fold(piece).rstrip(" ?!.")
        if ends := [m for m in self._back_reference.finditer(folded) if m.end() == len(folded)]:
            folded = folded[: ends[0].start()]
        opener = self.reader.back_question.match(folded)  # its longest opener ("est-ce que c'est"): one word
        return opener is not None and len(folded[opener.end() :].split()) < MAX_BACK_WORDS

    def mostly_foreign(self, question: str) -> bool:
        """Whether a question names more words of another topic than of the convention (its parties aside), counted
        in what it reports (who asks is no topic: "Le correspondant de La Voix du Nord nous demande qui …")."""
        terms = self.matcher.question_terms(self.reader.cutter.reported(question))
        foreign = sum(map(self.matcher.is_foreign, terms))
        return foreign > sum(self.matcher.is_strong(term) and term not in self._party_terms for term in terms)
