"""Finding the distinct questions of a message read by `Reader`, each with the sentence or piece before it (what a
question too weak alone is read again with), and the follow-ups taking up the topic of the one before ("… La Fibre
peut-elle résilier à tout moment ? Et le CDG, il peut aussi ?")."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from .claims import Claims, echoed
from .counted_cuts import CountedCuts
from .follow_ups import FollowUps
from .forwarder_questions import ForwarderQuestions
from .french import fold
from .matching import Matcher
from .message import Message, Reader, Sentence
from .phrases import WORD, any_phrase, phrases_pattern
from .ranker import Ranker
from .story_after import StoryAfter
from .tails import Tails
from .told_values import tells_date_only
from .topic_cuts import TopicCuts
from .topic_lists import LEADING_BREAK, headed_topics, topic_items

MAX_PARTS = 5
MIN_ITEM_WORDS = 3  # a list item without "?" asks with a phrase ("la date des élections"), not a stray token
RETURN_REACH = 20  # characters before a returning phrase ("Bref, donc, "): past them, it quotes, it does not return


class Question(NamedTuple):
    text: str
    before: str  # the sentence or piece before it; for a follow-up, the topic it takes up
    follows: bool = False  # a follow-up: read with `before`, and it may cite the same clause
    restates: bool = False  # the question before asked again in other words: answered once with it, on one clause
    checks: bool = False  # a claim a check question asks about: its own words are what is asked, its context weaker
    item: bool = False  # an item of a list of topics ("durée conv / tarif cdg"): its list is no context of it
    subject: bool = False  # its subject a pronoun for the party `before` names: read with that party, like a follow-up
    listed: bool = False  # a list item's first question: set apart ("2/ à partir de quand … ?" is no question again)


class QuestionFinder(FollowUps):
    """Cuts a message's asking sentences into the questions answered one by one."""

    def __init__(
        self,
        reader: Reader,
        matcher: Matcher,
        parties: tuple[str, ...] = (),
        unstated: Callable[[str], str] = str,
        named: Callable[[str], set[str]] = lambda _: set(),
        *,
        threshold: float,
        inside: Callable[[str], tuple[str, ...]],
        ranker: Ranker,
    ) -> None:
        self.reader, self.matcher = reader, matcher
        cutter, links = reader.cutter, (*reader.reading.claim_links, *reader.reading.complement_links)
        cuts = (cutter.run_on_cuts, cutter.says_asking, self._topical, inside, cutter.shares_verb)  # run-on questions
        goes_on = phrases_pattern(links, start=True).match  # "… si on signe | et que …", "… en matière de X | et de Y"
        self.run_on = TopicCuts(matcher, threshold, *cuts, goes_on, cutter.asks, ranker, unstated)
        self.counted = CountedCuts.of(reader.reading, reader.counted.counts, self.run_on.reading)  # "deux questions …"
        # "et moi, …", a reply's questions above its quote; a quoted note asked again in the writer's words left out
        self.forwarders = ForwarderQuestions(reader, self.names_something, self.topics)
        self.story = StoryAfter(reader.reading, reader.cutter.opens_topic)  # "… ? Voilà l'histoire. …": asks no more
        self.unstated = unstated  # what the convention never gives, asked ("quel est le SIRET du CDG ?"), else ""
        self.is_tail, self.named = Tails(reader.reading).is_tail, named  # named: the parties said, the commune aside
        # The words naming a party: a follow-up's own replaces the previous question's ("Et le CDG, il peut aussi ?")
        self._party = re.compile(rf"(?<![\w'’-])(?:{any_phrase(parties)})(?![\w'’])", re.IGNORECASE)
        # What a follow-up may name besides its topic: parties, question words ("Et pourquoi ?", "et le CDG du coup ?")
        not_topics = (*parties, *reader.cutter.question_words, *reader.reading.linking_words)
        self._question_words = {fold(word).strip() for word in reader.cutter.question_words}
        self._not_topic_terms = {term for words in not_topics for term in matcher.question_terms(words)}
        self._party_terms = frozenset(term for cue in parties for term in matcher.question_terms(cue))
        self._restating = phrases_pattern(reader.reading.restating_words, start=True)  # "autrement dit, …"
        self._back_reference = phrases_pattern(reader.reading.back_references, start=False)  # "… à la convention ?"
        self._returning = phrases_pattern(reader.reading.returning_phrases, start=False)  # "pour revenir à ma question"
        self._if = phrases_pattern(reader.reading.if_words, start=True)  # "si …": a condition, before its question
        self.claims = Claims(reader.reading, self.names_something)  # "… et que … Qui a raison ?": each claim
        # a list of topics' items, each naming one besides a party ("missions LFN / CDG ?" asks one question of both)
        self._topic_reads = (self._topical, cutter.asks, cutter.told, self._foreign)

    def find(self, message: Message) -> list[tuple[str, str]]:
        """The distinct questions of a message, each with the sentence or piece before it."""
        return [(question.text, question.before) for question in self.find_questions(message)]

    def find_questions(self, message: Message) -> list[Question]:
        """The distinct questions of a message: its asking sentences, cut where a new question starts; a piece naming
        nothing known stays with its neighbour, a short one taking up the one before ("Et celle du tribunal ?") follows it."""
        questions: list[Question] = []
        previous: list[str] = []  # the context sentences since the last question, nearest last
        listed: list[str] = []  # those of them that are a list's items
        last = ""  # the sentence just before, whatever it is
        if len(message.questions) > MAX_PARTS:
            return [Question(question, "") for question in message.questions]  # more than one reply can hold
        if not message.questions and (items := headed_topics(message.sentences, *self._topic_reads)):
            return [Question(item, "", item=True) for item in items]  # "Pour ma fiche : objet, durée, prix, litiges."
        # "Lesquelles sont fausses ? 1- … 2- …": the claims listed after a check are its questions
        sentences = self.claims.listed_after(self.story.told(self.forwarders.sentences(message)))
        unpunctuated = "?" not in message.outside and not any("?" in sentence.text for sentence in sentences)
        for index, sentence in enumerate(sentences):
            # "Pouvez-vous me préparer des éléments de réponse ? • Peut-on … ? • Qui … ?": a request right before the
            # list items that ask, naming questions or answers, asks for theirs (or a check after them, itself no item
            # of the list: "- la durée : 2 ans → c'est juste ?" asks of its own line): context
            heading = not sentence.listed and (
                self._heads_asking_list(sentences[index + 1 :], sentence.text)
                or self.claims.closes([(s.listed, s.asks) for s in sentences[:index]], sentence.text)
            )
            # "ki signe pr la fibre? et pr le cdg 62": a linking word and a party right after a question take it up;
            # not a line the next question goes on from ("…ht ?\net la fibre\nelle envoie sa facture quand ?")
            party = questions and not previous and self._party_only(sentence.text, sentences[index + 1 :])
            opens = self._opens_next(sentence.text, sentences[index + 1 :])  # "pour le cdg" / "c'est qui qui signe"
            if questions and not previous and not sentence.asks and (items := self._items_after(sentence.text, last)):
                questions += [Question(item, last, item=True) for item in items]  # "préavis ? et tribunal compétent"
                last = sentence.text
                continue
            if heading or (not sentence.asks and not party) or opens or self._greeting(sentence.text, first=not index):
                previous.append(sentence.text)
                listed += [sentence.text] if sentence.listed else []
                last = sentence.text
                continue
            # "Ma collègue dit que … et que … Qui a raison ?": each claim checked is a question; else the sentence's pieces
            claimed = bool(pieces := self.claims.checked(previous, listed, sentence.text))
            cutter = self.reader.cutter
            asked = f"{sentence.text.rstrip(' .')} ?" if unpunctuated else sentence.text  # "… + paiement cdg comment"
            topics = topic_items(asked, *self._topic_reads) if not pieces else []
            pending = ""
            one = sentence.listed and sentence.text.count("?") == 1  # "1) … l'école voisine, qui n'a rien signé ?": one
            read = [] if topics or pieces else [sentence.text] if one else self.reader.pieces(sentence.text)
            # "on peut la resilier quand et le cdg il facture le trajet", "deux questions le cdg il facture … le tribunal …"
            if unpunctuated:
                read = self.counted.split(sentence.text, self.run_on.split_pieces(read, sentence.text))
            # "Si nous les refusons, pouvez-vous mettre fin à la convention ?": a condition, then the question it is of
            condition = not topics and len(read) == 2 and "?" in read[1] and "?" not in read[0]
            # (… after the colon that opens what is asked: "Mme X s'interroge : si un pirate entrait …, qui paie ?")
            condition = condition and bool(self._if.match(fold(read[0].rpartition(" : ")[2])))
            condition = condition and not cutter.is_linked(read[1])
            first = len(questions)  # this sentence's questions from here
            for at, piece in enumerate(topics or read, start=1):
                # "Qui a raison, à quelle date … ?": a bare check of the question after it in its sentence, asks that
                checks_next = at < len(topics or read) and self.claims.bare(piece)
                piece = LEADING_BREAK.sub("", piece)  # without its opener, a list mark, a preamble naming nothing
                piece = cutter.past_preamble(self.reader.tidy(piece).strip() or piece, self.names_something)
                piece = cutter.past_telling(piece)  # a story told in one breath before its asking phrase
                piece = self._past_announcement(piece)  # "deux questions de nouvelle arrivée : qui signe … ?"
                piece = f"{pending}, {piece}" if pending else piece
                # "…, et au bout de combien de temps", "… différend entre la commune et La Fibre." (no "?"): the same
                asked_before = pieces and (
                    self._asks_when(piece)
                    or ("?" not in sentence.text and self._party_only(piece))
                    or self._party_then_back(piece)
                    or tells_date_only(piece, self.reader.cutter.asks)  # "… et La Fibre le 15 octobre 2025."
                )
                # a piece on another topic, or asking what the convention never gives, is a question of its own
                apart = self.names_something(piece) or (
                    bool(pieces) and (self._foreign(piece) or bool(self.unstated(piece)))
                )
                # "…, et sur quelle autorisation ?": of the piece before, unless that asks of another topic (its own part)
                tail = bool(pieces) and self.is_tail(piece) and not self.mostly_foreign(pieces[-1])
                apart = apart and not ((condition and not pieces and not pending) or tail)
                # a bare question first asks of the context before it ("Le CDG est passé de 14h à 17h. Combien ça fait ?")
                bare = not pieces and not pending and self._asks_bare(piece)
                apart = apart or (bare and any(map(self.names_something, previous)))
                kept = apart and not asked_before and not checks_next and not self._points_back(piece)
                pieces, pending = ([*pieces, piece], "") if kept else (pieces, piece)
            if pending and pieces:
                pieces[-1] = f"{pieces[-1]}, {pending}"
            elif not pieces and questions and not previous and self._takes_up(pending, True, questions[-1].text):
                pieces = [pending]  # "Et pour combien de temps ?" just after a question
            elif not pieces and questions and self.claims.bare(sentence.text):
                pass  # "… ? Perso j'ai rien reçu. Vous confirmez ?": the question before, checked; nothing more asked
            elif not pieces and echoed(sentence.text, last):
                pass  # "… un accompagnement « sur mesure ». Sur mesure ?": words of the sentence before, echoed: no question
            elif not pieces:
                # The nearest context naming something: "Nous voulons sortir de la convention. … Comment procéder ?"
                for start in range(len(previous) - 1, -1, -1):
                    joined = " ".join([*previous[start:], sentence.text])
                    if self.names_something(" ".join(previous[start:])):
                        pieces, last = [joined], ""
                        break
                else:
                    # A question naming nothing the convention knows is still one of its own when its writer set
                    # it apart (a list item: "- c'est quand les prochaines élections ?") or when it names another
                    # topic after a question (`_elsewhere`): answered (refused) in its place, not left out.
                    asked_apart = sentence.text.endswith("?") or len(WORD.findall(sentence.text)) >= MIN_ITEM_WORDS
                    pieces = (
                        [sentence.text]
                        if (sentence.listed and asked_apart)
                        # (asked with "?", or reported: "M. Blondel demande quand auront lieu les élections.")
                        or self._elsewhere(
                            sentence.text, bool(questions) or any(s.asks for s in sentences[index + 1 :])
                        )
                        # "… ? Et le SIRET du syndicat ?": a fact the convention never gives, refused in its place
                        or bool(questions and self._unstated_after(questions[-1].text, sentence.text))
                        else []
                    )
            for index, (piece, before) in enumerate(zip(pieces, [last, *pieces], strict=False)):
                if questions and (returns := self._returning.search(fold(piece))) and returns.start() <= RETURN_REACH:
                    continue  # an earlier question asked again ("Bref, pour revenir à ma première question, …"): answered
                options = questions and self._options(piece, questions[-1].text)  # "… ? Le CDG ou La Fibre ?"
                if questions and (index > 0 or not previous) and (self._restating.match(fold(piece)) or options):
                    # "… qui établit le devis ? En d'autres termes, c'est La Fibre ou le CDG ?", "… ? Le CDG ou La Fibre ?"
                    questions.append(Question(piece, questions[-1].text, restates=True))
                elif questions and self._takes_up(piece, index > 0 or not previous, questions[-1].text):
                    questions.append(Question(piece, self._topic(questions[-1], piece), True))
                elif not claimed and (party := self.subject_taken_up(piece, before)):
                    questions.append(Question(piece, party, subject=True))  # "… ? à quoi s'engage-t-il ?": the CDG's
                else:  # a claim is read alone: the sentence before it is another claim, or why it is checked
                    # "(a story) … Que prévoit la convention là-dessus ?", the message's first: the whole story before it
                    told = " ".join(previous) if not (questions or index) and cutter.refers_back(piece) else before
                    questions.append(Question(piece, "" if claimed else told or before, checks=claimed))
            listed_item = sentence.listed and len(WORD.findall(sentence.text)) >= MIN_ITEM_WORDS  # not "— article ?"
            questions[first : first + 1] = [q._replace(listed=listed_item) for q in questions[first : first + 1]]
            previous, listed, last = [], [], sentence.text
        if not questions and unpunctuated:  # no sentence asks: run-on questions, each naming its own clause
            for sentence, before in zip(sentences, ("", *(s.text for s in sentences)), strict=False):
                if len(split := self.run_on.split(sentence.text)) > 1:
                    return [Question(piece, told) for piece, told in zip(split, (before, *split), strict=False)]
        return questions

    def leads(self, message: Message) -> bool:
        """Whether the one question of a message comes before all the context that names something ("Qui
        paie les déplacements du technicien ? je prépare un courrier"): that context says what the writer
        does about it, not what is asked, so the question is read for itself, the context weaker."""
        own = message.own  # then the forwarder's words, which never ask, read only if its own sentences say nothing
        if sum(sentence.asks for sentence in own) != 1:
            return False
        asked = next(index for index, sentence in enumerate(own) if sentence.asks)
        if any(self.names_something(sentence.text) for sentence in own[:asked]):
            return False
        if any(self.names_something(sentence.text) for sentence in own[asked + 1 :]):
            return True
        return any(self.names_something(sentence.text) for sentence in message.sentences[len(own) :])

    def names_a_party(self, text: str) -> bool:
        """Whether `text` names a party, the commune ("nous", "on", "la mairie") included."""
        return bool(self._party.search(text))

    def _heads_asking_list(self, after: tuple[Sentence, ...], text: str) -> bool:
        """Whether list items that ask follow right after a sentence naming questions or answers (`question_nouns`)."""
        return bool(after) and after[0].listed and after[0].asks and bool(self.reader.question_nouns.find(text))

    def _topic(self, previous: Question, text: str) -> str:
        """What a follow-up takes up: the previous question (with its own topic if it was a follow-up),
        its parties replaced by the follow-up's own party if it names one ("est-ce que La Fibre peut
        résilier ? Et le CDG ?" takes up "est-ce que CDG peut résilier")."""
        topic = f"{previous.before} {previous.text}" if previous.follows else previous.text
        party = self._party.search(text)
        return self._party.sub(lambda _: party.group(0), topic) if party else topic
