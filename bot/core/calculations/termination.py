"""Who may terminate how (Article 6): the CDG 62 and La Fibre Numérique 59 62 at any time with three
months' notice, the commune at its anniversary; the registered letter asked about without a date."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..answer import Answer
from ..follow_ups import MAX_BARE_WORDS
from ..french import fold
from ..matching import Candidate
from ..word_patterns import alternation
from .base import Calculator, Context, letter_alone, refusal
from .parties import Parties

NEAR_CLAUSES = 3  # the first clauses of a ranking where another object of a letter is looked for
OBJECT_REACH = 25  # characters after a termination word where what ends is named (the convention, another contract)
COMPARED_REACH = 20  # characters before a termination word where a comparison word makes its object the one compared
OBJECT_WORDS = 1  # words between a termination word and another contract that is its object ("résilier | notre |
# contrat de téléphonie")
_WORD_END = re.compile(r"[a-z]*")  # the rest of a termination word ("résili|er")
OTHER_CONTRACT_ENDED = (
    "La convention ne le dit pas : votre question porte sur la fin d'un autre contrat, que la convention de services "
    "numériques ne règle pas ; son préavis et ses conditions sont ceux de ce contrat. La convention ne règle que sa "
    "propre résiliation (article 6)."
)
COMMUNE_NOT_AT_ANY_TIME = (
    "Non : la collectivité peut résilier la convention à sa date anniversaire, en ayant averti les autres parties "
    "par lettre recommandée avec accusé de réception au moins trois mois avant l'échéance. « À tout moment » ne "
    "vaut que pour le CDG 62 et La Fibre Numérique 59 62. En cas de manquement de l'une des deux autres parties, "
    "la collectivité peut aussi résilier après une mise en demeure restée infructueuse durant trois mois (article 6)."
)


class Termination(Calculator):
    """The termination questions that are not a date calculation."""

    def __init__(self, context: Context, parties: Parties) -> None:
        super().__init__(context)
        # "résilier la convention comme on résilie un bail ?": the lease is what the question compares with, not what ends
        compared = alternation(self.words.comparison_words)
        self._compared = re.compile(rf"(?<!\w)(?:{compared})\W+(?:\w+\W+)?$") if compared else None
        self.parties = parties
        # a party failing said through the synonyms ("manquement", "ne respecte pas", "défaillant": the concept of the
        # breach sentence of article 6), or by the breach words that no synonym group holds ("nos relances")
        breach_quote = self.matcher.question_terms(self.words.termination_quote_words.get("breach", ""))
        self._breach_concepts = {term for term in breach_quote if term.startswith("=")}
        # the parties' own names are no object of a clause: "envoyer la lettre à La Fibre" is still the calendar's
        self._party_terms = set(
            self.matcher.question_terms(" ".join(c for p in self.words.parties.values() for c in p.cues))
        )

    def termination_party(
        self, question: str, folded: str, near: set[str], ranked: list[Candidate], sure: bool
    ) -> Answer | None:
        """Who may terminate and how: the CDG 62 or La Fibre at any time, the commune at its anniversary."""
        if self.termination_clause not in near or not self.cues.termination.search(folded):
            return None
        if self.parties.other_contract(folded):
            return None  # "notre abonnement Orange, il est résiliable à tout moment ?": another contract's ending
        if self._ends_other(folded):  # "résilier notre contrat SFR avant de passer chez La Fibre ?"
            return refusal(question, OTHER_CONTRACT_ENDED)
        quotes = self.words.termination_quote_words
        if actor := self.parties.provider_actor(folded):
            name = self.words.parties[actor].name
            text = (
                f"{capital(name)} peut résilier la convention à tout moment, sous réserve d'avoir averti les autres "
                "parties par lettre recommandée avec accusé de réception au moins trois mois avant l'échéance "
                "(article 6). La date anniversaire ne limite que la collectivité. En cas de manquement de l'une des "
                "deux autres parties, chaque partie peut aussi résilier après une mise en demeure restée "
                "infructueuse durant trois mois."
            )
            terms = self.matcher.question_terms(quotes.get("provider", ""))
        elif self.cues.ends_at_once(folded):
            text = COMMUNE_NOT_AT_ANY_TIME
            terms = self.matcher.question_terms(quotes.get("commune", ""))
        elif sure and ranked[0].clause_id not in self.calendar_clauses and self._own_ending(question):
            # "Y a-t-il des frais de résiliation ?": about ending the convention, whatever else it names; in its own
            # words, not its message's ("nous voulons arrêter avec une commune. … Les intérêts courent depuis quand ?")
            clause = self.knowledge.clauses[self.termination_clause]
            text = f"Ce que la convention prévoit pour la résiliation ({clause.ref}) : {clause.answer}"
            return self._termination(question, text, None)
        elif (
            not sure and set(self.calendar_clauses) <= near and not self.parties.named(folded) and self._ends_it(folded)
        ):
            # The collectivité asking how to get out of THIS convention, in words the matcher is unsure of.
            clause = self.knowledge.clauses[self.termination_clause]
            text = f"Ce que la convention prévoit pour la résiliation ({clause.ref}) : {clause.answer}"
            terms = self.matcher.question_terms(quotes.get("commune", ""))
            citations = (self.cite(self.termination_clause, terms), self.cite(self.duration_clause, None))
            return Answer(question, True, "clause", text, citations, 1.0)
        else:
            return None
        return self._termination(question, text, terms)

    def _termination(self, question: str, text: str, terms: list[str] | None) -> Answer:
        """`text`, the answer of the termination clause (article 6), quoted where `terms` point."""
        return Answer(question, True, "clause", text, (self.cite(self.termination_clause, terms),), 1.0)

    def _ends_it(self, folded: str) -> bool:
        """Is a termination word followed by the convention's own name ("ne pas poursuivre la convention"),
        not another contract's ("résilier le contrat du photocopieur")?"""
        return any(True for _ in self._objects(folded, self.cues.own_convention))

    def _ends_other(self, folded: str) -> bool:
        """Is a termination word's object another contract, right after it ("résilier notre contrat de téléphonie SFR",
        "mettre fin au bail"), however the message names the convention's parties elsewhere?"""
        return any(words <= OBJECT_WORDS for words in self._objects(folded, self.cues.other_contract_words))

    def _objects(self, folded: str, named: re.Pattern[str] | None) -> Iterator[int]:
        """For each termination word followed within OBJECT_REACH by what `named` names, the words between them."""
        if named is None:
            return
        for verb in self.cues.termination.finditer(folded):
            if self._compared and self._compared.search(folded, max(0, verb.start() - COMPARED_REACH), verb.start()):
                continue
            start = _WORD_END.match(folded, verb.end()).end()  # type: ignore[union-attr]
            if found := named.search(folded, start, verb.end() + OBJECT_REACH):
                yield len(folded[start : found.start()].split())

    def _own_ending(self, question: str) -> bool:
        """Whether `question` says in its own words that it is about ending the convention, or is a bare follow-up
        taking up its message's ("… envisage d'arrêter la convention. Combien de temps avant ? Sous quelle forme ?")."""
        return bool(self.cues.termination.search(fold(question))) or len(question.split()) <= MAX_BARE_WORDS

    def letter_without_date(
        self, question: str, folded: str, terms: list[str], ranked: list[Candidate], sure: bool
    ) -> Answer | None:
        """The registered letter lives in articles 3 and 6: "si on oublie d'envoyer la lettre" is about renewal."""
        letter = self.cues.date_cues.get("letter")
        if not letter or not letter.search(folded) or (sure and ranked[0].clause_id in self.calendar_clauses):
            return None
        if self.cues.address and self.cues.address.search(folded):
            return None  # "l'adresse pour le recommandé": where it goes (the parties), not when
        if self.parties.other_contract(folded):
            return None  # "notre contrat de location du copieur … le dénoncer par recommandé ?": that contract's letter
        notice = self.cues.date_cues.get("formal_notice")
        if notice and notice.search(folded):
            # "une lettre recommandée qui nous met en demeure": the breach route's letter (article 6), not the calendar's
            if not self.cues.termination.search(folded):
                return None
            clause = self.knowledge.clauses[self.termination_clause]
            return self._termination(question, clause.answer, terms)
        breach = self._breach_concepts.intersection(terms) or (self.cues.breach and self.cues.breach.search(folded))
        if breach and self.cues.termination.search(folded):
            # a party failing ("nos relances sont restées sans réponse … peut-on mettre fin à la convention ?"): the
            # breach route first (article 6), not the anniversary's calendar
            return self._termination(question, self.knowledge.clauses[self.termination_clause].answer, terms)
        # The letter of the calendar: a message that says it ends or renews ("le courrier pour la renouveler"),
        # or a short question about the letter alone ("si on oublie d'envoyer la lettre"); in a longer message
        # without those words, a letter is how something else travels (an invoice by post, the address for a
        # registered letter, a change made "par simple courrier").
        renewal = self.cues.date_cues.get("anniversary")
        calendar = self.cues.termination.search(folded) or (renewal and renewal.search(folded))
        if not calendar and not letter_alone(terms):
            return None
        if (
            not calendar
            and sure
            and ranked[0].clause_id not in self.calendar_clauses
            and len(ranked[0].strong_terms) > 1
        ):
            return None  # "les factures, on les reçoit sur Chorus ou par courrier ?": how an invoice travels
        if sure and not ({c.clause_id for c in ranked[:3]} & set(self.calendar_clauses)):
            return None
        if not calendar and self._names_other_object(ranked):
            return None  # "les factures, je les reçois dans la boîte aux lettres ?": an invoice travels, weakly matched
        clause = self.knowledge.clauses[self.duration_clause]
        return Answer(question, True, "clause", clause.answer, self.calendar_citations(), 1.0)

    def _names_other_object(self, ranked: list[Candidate]) -> bool:
        """Whether one of the first clauses, not the calendar's, holds a concept of the question (a synonym group's, not
        a party's name) that no calendar clause does: the letter is then how that object travels ("les factures, on les
        reçoit par courrier ?", the letter's article 6 first or not)."""
        calendar = {t for c in ranked if c.clause_id in self.calendar_clauses for t in c.strong_terms}
        others = [c for c in ranked[:NEAR_CLAUSES] if c.clause_id not in self.calendar_clauses]
        return any(t.startswith("=") and t not in calendar | self._party_terms for c in others for t in c.strong_terms)


def capital(text: str) -> str:
    """`text` with its first letter upper-case."""
    return text[:1].upper() + text[1:]
