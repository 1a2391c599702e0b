"""Who a message is about: the organisations it names and the one ending the convention (the right party's clause is
party_clauses.py's)."""

from __future__ import annotations

import re

from ..french import fold
from ..rescan import Item, Rescan, Spans
from .base import Context, sentence_start
from .cues import cue_pattern
from .party_clauses import PartyClauses
from .senders import NUMBERS, LetterSenders
from .writers import PROVIDERS, Writer

RECEIPT_REACH = 20  # characters around a name where the receipt cue holding it may start or end ("reçu en mairie le")
ACTOR_REACH = 30  # characters between a party's name and the termination verb it is the subject of

# Between a termination word and the party after it: the agent ("par", "du", "de la"), nothing else.
_WORD = re.compile(r"[a-z]*")  # the rest of a word
TAIL = 40  # letters of a word's rest read within a scan's reach (rescan.py); a longer rest is read from the text
_TAIL = re.compile(rf"[a-z]{{0,{TAIL}}}")
AGENT = re.compile(r"\s*(?:par|du|de|des|d')\s*(?:l[ae]\s+|l'\s*)?")


OTHER_CONTRACT = (
    "Votre message parle d'un autre contrat que la convention de services numériques passée avec La Fibre Numérique "
    "59 62 et le CDG 62 : ses dates et son préavis sont ceux de ce contrat, je ne calcule aucune date. Si votre "
    "question porte sur la convention, nommez-la (par exemple : « la convention signée le 15/03/2025 »)."
)


# what a contract is for: an article perhaps, then two words at most ("la machine à café", "photocopieur")
_COMPLEMENT = re.compile(r"\s*(?:(?:la|le|les|l'|notre|nos|sa|son|ses|leur)\s+)?[\w-]+(?:\s+[\w-]+)?")


class Parties(PartyClauses):
    """The parties named, and the answer in the name of the right one."""

    def __init__(self, context: Context) -> None:
        super().__init__(context)
        # Each question of a message is read with the message's context: the senders its termination words find
        # there are found once (rescan.py). A word's sender is read before it, and its "nous informe" at most one
        # character past its start (the longest of those words then): what a word decides ends within `reach`.
        announce = self.cues.announce.longest if self.cues.announce else 0
        reach = max(self.cues.termination.longest, announce + 1) + 1
        letters = all(c[:1].isalpha() for c in self.words.termination_words)  # no number read on past the word
        self._senders = Rescan(self._scan_senders, reach if letters else 1 << 30)
        # Each termination word and the parties named around it, read once for the context of a message's questions:
        # what a word decides ends within its cue, the rest of its word (TAIL letters at most: a longer word's
        # parties are read again from the text) and ACTOR_REACH after it.
        self._verbs = Rescan(self._scan_verbs, self.cues.termination.longest + TAIL + ACTOR_REACH + 1)
        self._terminations = Spans(self.cues.termination.compiled)  # read by both scans, the context's once
        # "la mairie de X nous demande : …": a question relayed, whose "nous" is not the signature's
        verbs, words = context.knowledge.reading.reporting_verbs, self.words
        said = [*verbs, *words.writer_words, *words.speaker_words, *(c for p in words.parties.values() for c in p.cues)]
        self._letters = LetterSenders(self.cues)  # who sent a letter, who received it
        self.writer = Writer(self.cues.speaker, self.cues.writer, cue_pattern(verbs).compiled, said)
        self._writer_word = cue_pattern(self.words.writer_words).compiled  # "la direction", "notre service"
        self.first_person = frozenset(fold(word) for word in self.words.first_person_words)  # "nous", "on"
        # The other contracts named with the convention's own word ("convention de stage", "convention d'occupation"),
        # or by what this one never is ("le contrat de location du photocopieur")
        this = self.cues.this_convention
        others = [word for word in self.words.other_contract_words if this and this.search(fold(word))]
        others += self.words.never_this_contract_words
        self._other_conventions = cue_pattern(others).compiled if others else None
        self._contract_of = cue_pattern(self.words.contract_of_words).compiled if self.words.contract_of_words else None
        # The last text read, what it names and who ends it: the calculators of one question ask in turn.
        self._named: tuple[str, frozenset[str]] = ("", frozenset())
        self._actor: tuple[str, str | None] = ("", None)

    def __getstate__(self) -> dict[str, object]:
        return {**self.__dict__, "_named": ("", frozenset()), "_actor": ("", None)}  # a pickled engine: no message

    def provider_actor(self, folded: str) -> str | None:
        """The CDG 62 or La Fibre, when the question is about THEM ending the convention: the party named
        nearest the first termination word that names one ("Objet : résiliation … La Fibre résiliera"), or the
        sender of the letter announcing it ("un courrier du CDG 62 nous informant qu'il met fin à la convention")."""
        last, actor = self._actor  # one read: another thread may set it in between
        if last != folded:
            actor = self._provider_actor(folded)
            self._actor = (folded, actor)
        return actor

    def _provider_actor(self, folded: str) -> str | None:
        if sender := self._letter_sender(folded):
            return sender
        for start, end, memo in self._verbs(folded, None):
            if memo is None:  # a word too long to keep what it reads: read in this text
                named = self._around(folded, start, end)
            else:  # read once, in the first text that needs it (the texts share everything it reads)
                if not memo:
                    memo.append(self._around(folded, start, end))
                named = memo[0]
            if not named and self._writer_word.search(folded, max(0, start - ACTOR_REACH), start):
                # "la direction envisage de mettre fin … Comptabilité, La Fibre"; else the provider its sentence names
                # first ("La Fibre arrête son service de stockage et la direction souhaite mettre fin …")
                return self.writer.of(folded) or self._sentence_provider(folded, start)
            if named:
                _, _, actor, word = min(named)
                # "à La Fibre nous souhaitons mettre fin": "nous" is La Fibre (not "la commune de Wimille veut …")
                if actor == "commune" and word in self.first_person and (speaker := self.writer.of(folded)):
                    return speaker
                return actor if actor in PROVIDERS else None
        return None

    def _sentence_provider(self, folded: str, start: int) -> str | None:
        """The one provider named in the sentence before `start`, if any."""
        named = self.named(folded[sentence_start(folded, start, ".!?;") : start]) & set(PROVIDERS)
        return next(iter(named)) if len(named) == 1 else None

    def _scan_verbs(
        self, folded: str, start: int, key: object
    ) -> list[Item[list[list[tuple[int, int, str, str]]] | None]]:
        """Each termination word from `start` on, with a place for the parties named around it, read when first
        asked (None: its word is too long to keep them, within the scan's reach)."""
        found: list[Item[list[list[tuple[int, int, str, str]]] | None]] = []
        for begin, end in self._terminations(folded, start):
            tail = _TAIL.match(folded, end).end() - end  # type: ignore[union-attr]
            found.append((begin, end, [] if tail < TAIL else None))
        return found

    def _letter_sender(self, folded: str) -> str | None:
        """The CDG 62 or La Fibre when its letter announces the termination word after it, in the same sentence,
        with no "nous" between them but the one told: the collectivité received that letter, it did not write it."""
        letter, commune, announce = self.cues.letter, self.cues.parties.get("commune"), self.cues.announce
        # a letter, or a provider that "nous a écrit qu'il résilie": it wrote, the collectivité was told
        if commune is None or not ((letter and letter.search(folded)) or (announce and announce.search(folded))):
            return None
        return next((party for _, _, party in self._senders(folded, None) if party), None)

    def _scan_senders(self, folded: str, start: int, key: object) -> list[Item[str | None]]:
        """Each termination word from `start` on, with the sender of the letter announcing it (None if none)."""
        commune = self.cues.parties["commune"]
        found: list[Item[str | None]] = []
        for stop, verb_end in self._terminations(folded, start):
            begin = sentence_start(folded, stop, ".!?;")
            if begin > 1 and self._takes_up_letter(folded[begin:stop]):
                begin = sentence_start(folded, begin - 1, ".!?;")  # "… une LRAR de La Fibre. Elle résilie …"
            senders = self._letters.senders(folded, begin, stop)
            sender = None
            for end, party in sorted(senders, reverse=True):  # the sender nearest the termination word
                between = commune.finditer(folded, end, stop)
                # the commune told, or sent it ("a adressé … à la commune de Monchiet un courrier"), does not end it
                if all(
                    self._told(folded, m.start(), verb_end)  # (an announcing word may open it: "nous annonce la fin")
                    or self._letters.addressed(folded, m.start())
                    or self._received_at(folded, m.start())
                    for m in between
                ):
                    # "Le CDG 62 nous a écrit … que La Fibre allait résilier": the provider named after the sender ends
                    # the convention, the sender only told
                    later = [other for _, other in self._letters.providers(folded, end, stop) if other != party]
                    sender = later[-1] if later else party
                    break
            found.append((stop, verb_end, sender))
        return found

    def _takes_up_letter(self, opening: str) -> bool:
        """Whether a sentence opens with its termination word's subject taking up the letter of the sentence before
        ("Elle résilie", "Ce courrier met fin"): `letter_subject_words`, quotes and spaces aside."""
        opening = opening.strip(" \n\"'«»")
        return bool(opening) and bool(self.cues.letter_subject.fullmatch(opening))

    def _around(self, folded: str, start: int, stop: int) -> list[tuple[int, int, str, str]]:
        """The parties named near the termination word from `start` to `stop`: its subject ("Le CDG 62 peut-il
        résilier", in its sentence: not "… et La Fibre le 20 mars. Jusqu'à quand résilier ?") or its agent ("la
        résiliation du CDG", "résiliée par La Fibre"), with their distance; the subject wins a tie."""
        end = _WORD.match(folded, stop).end()  # type: ignore[union-attr]
        reach = ACTOR_REACH
        named = [
            (start - NUMBERS.match(folded, m.end()).end(), 0, party, m.group())  # type: ignore[union-attr]
            for party, p in self.cues.parties.items()
            for m in p.finditer(folded, max(0, start - 2 * reach, sentence_start(folded, start, ".!?")), start)
            if not (self._told(folded, m.start(), start) or self._letters.addressed(folded, m.start()))
        ]
        return [item for item in named if item[0] <= reach] + [
            (m.start() - end, 1, party, m.group())
            for party, p in self.cues.parties.items()
            for m in p.finditer(folded, end, end + reach)
            if AGENT.fullmatch(folded[end : m.start()])  # "résiliée par La Fibre", not "résilier notre convention"
        ]

    def _received_at(self, folded: str, start: int) -> bool:
        """Is the name at `start` where a letter arrived ("daté et reçu en mairie le 16 novembre"), not who acts?"""
        receipt = self.cues.date_cues.get("receipt")
        around = max(0, start - RECEIPT_REACH)
        return bool(receipt) and any(
            m.start() <= start < m.end() for m in receipt.finditer(folded, around, start + RECEIPT_REACH)
        )

    def _told(self, folded: str, start: int, verb: int) -> bool:
        """Is the name at `start` the "nous" of "La Fibre nous informe qu'elle résiliera" (who is told), or of "La
        Fibre nous a résilié la convention" (the provider's object, right after its name)?"""
        announce = self.cues.announce
        if announce and any(m.start() == start for m in announce.finditer(folded, start, verb)):
            return True
        before = folded[max(0, start - ACTOR_REACH) : start].rstrip()
        word = _WORD.match(folded, start).group()  # type: ignore[union-attr]
        return word in self.first_person and any(
            m.end() == len(before) for party in PROVIDERS for m in self.cues.parties[party].finditer(before)
        )

    def named(self, folded: str) -> set[str]:
        """The organisations `folded` names (the commune aside)."""
        last, named = self._named  # one read: another thread may set it in between
        if last != folded:
            parties = self.cues.parties.items()
            named = frozenset(party for party, pattern in parties if party != "commune" and pattern.search(folded))
            self._named = (folded, named)
        return set(named)

    def named_in(self, text: str) -> set[str]:
        """The organisations a text as written names (the commune aside): a question's own sentence."""
        return self.named(" ".join(fold(text).split()))

    def other_contract(self, folded: str) -> bool:
        """Is the message about another contract ("le bail de la salle"), naming neither the convention nor a
        provider? Its dates are that contract's: none is this convention's signature."""
        return self.cues.other_contract(folded)

    def other_convention(self, text: str, asked: str) -> bool:
        """Does the message `text` or its question `asked` ask of another convention ("ma convention de stage", "la
        convention d'occupation du gymnase"), naming neither this one nor a provider? The question is that convention's:
        no clause of this one answers it. Not any other contract: a subscription or a provider named in passing ("notre
        abonnement", "le prestataire ne répond plus") is this convention's own service, in people's words. So is a
        contract named by what it is for in words never this convention's ("le contrat de la photocopieuse"), asked
        about in the question's own words, the message naming neither this convention nor a provider."""
        whole, own = (" ".join(fold(words).split()) for words in (text, asked))
        for folded in (whole, own):
            if self._other_conventions and self._other_conventions.search(folded) and self.other_contract(folded):
                return True
        return self._for_else(own) and self.other_contract(own) and self.other_contract(whole)

    def _for_else(self, folded: str) -> bool:
        """Does `folded` name a contract by what it is for, in words this convention never uses ("le contrat de la
        photocopieuse", "l'abonnement du photocopieur")?"""
        for match in self._contract_of.finditer(folded) if self._contract_of else ():
            complement = _COMPLEMENT.match(folded, match.end())
            terms = self.matcher.question_terms(complement.group()) if complement else []
            if terms and all(self.matcher.is_foreign(term) for term in terms):
                return True
        return False
