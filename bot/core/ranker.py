"""One ranking from two signals: the lexical matcher's confidence and the learned classifier's probability.

The matcher knows the convention's words exactly; the classifier (bot/core/classifier.py) knows how
people ask (situations, SMS, typos, long e-mails) and what the convention does not answer. The
classifier reads the whole message, the matcher may read its question sentence only: a situation told
before the question ("notre site a été piraté samedi. Qui paie ?") names the clause. For a question:
- the matcher sure of a clause (its best confidence at least MATCHER_SURE): its ranking stands, unless the
  classifier is all but certain the question is out of scope ("hors sujet" at least OUT_OF_SCOPE_SURE) and
  the matcher is not certain (under MATCHER_CERTAIN): one shared verb ("comment résilier notre contrat
  d'assurance ?") then names another contract's duty. Measured on every tracked set: 0.98 loses "délai de
  préavis"; for a question of LEARNED_MIN_TERMS terms or more, LONG_OUT_OF_SCOPE_SURE gains one held-out
  message and loses none;
- out of scope: the classifier's "hors sujet" probability is the highest of all and at least
  OUT_OF_SCOPE_LIMIT: no candidate, so the engine refuses. For a short question (under
  LEARNED_MIN_TERMS terms) "hors sujet" must also stay the most likely label once its bias is lowered to
  the clauses' highest (a reweighting of the same softmax): it has far more examples than any clause,
  so a far higher bias (prior), and a few words that lean nowhere fell to it ("quel préavis pour
  partir ?" read like the leases' notices). Measured: of the clauses' own short questions, each left out
  of the fit, 13 in 347 were read "hors sujet", 1 without the prior;
- otherwise each clause gets LEARNED_SHARE × p(clause) + (1 − LEARNED_SHARE) × matcher confidence;
  the matcher's best clause keeps its own confidence when the classifier chooses it too; when "hors
  sujet" still has at least OUT_OF_SCOPE_WEIGH (for a short question: without its prior), every
  confidence is multiplied by 1 − p("hors sujet"): the classifier doubts the convention answers at all;
- a situation (a message of at least LEARNED_MIN_TERMS terms) that the classifier reads with assurance
  (p(clause) at least CLASSIFIER_SURE, or AGREED_SURE when the matcher ranks that clause first too: two
  signals agreeing; AGREED_SURE 0.2 measured on every tracked set in session 32, 7 rows gained, none lost;
  "hors sujet" under OUT_OF_SCOPE_DOUBT) and that shares a word of the convention with that clause: that clause comes first, with at least LEARNED_CONFIDENCE, the
  engine's middle band (answered with its warning and the next clauses as buttons). A short question is
  left to the matcher: when the convention's words are not in it, the classifier's assurance comes
  from a word it shares with a clause ("à quelle heure ferme le support" → the hourly rate).
- the classifier leads: a long message (at least LEARNED_LEAD_TERMS terms) whose best clause the classifier
  gives at least LEARNED_LEAD, or any message it reads with near certainty (SHORT_LEAD), with "hors
  sujet" below that clause and a word of the convention shared with it, gets that clause first, with
  at least LEARNED_CONFIDENCE (the middle band; the matcher's confidence when it ranks it first too).
  Measured on the realistic and held-out sets (948 messages): on messages of 8 terms or more the
  classifier's first label is right far more often than the blend (its label at 0.5 or more: 277 of
  278; 0.3 to 0.5: 13 of 16); on shorter ones it is not (dev sets: 32 wrong in 1,150), except when
  all but certain;
- the story is context: when the whole message is read for a question sentence, neither the lead nor the
  assurance above gives the message's clause when the sentence alone reads, with CLASSIFIER_CERTAIN, as the
  matcher's first clause ("Le 4 octobre, un virus a bloqué tous les postes. Si ça se reproduit, comment
  mettre fin à la convention ?": article 6, not the virus's 5.2). Session 33's training phrasings (a third of
  them short messages with a story) made the classifier read stories more; with this rule, CLASSIFIER_CERTAIN
  0.9 (0.95 before) and OUT_OF_SCOPE_DOUBT 0.3 (0.25 before), measured on every tracked set and on five
  sealed sets (README, "Trente-troisième série").
- no topic word of the matcher's: a question matching a clause on generic words alone ("Cette convention, c'est pour
  faire quoi ?": "convention", "faire"), or none at all ("On se voit de temps en temps pour voir si ça colle
  toujours à nos besoins ?"), which the classifier reads as one clause with assurance
  (CLASSIFIER_ALONE) and "hors sujet" all but never (under OUT_OF_SCOPE_NONE), gets that clause at LEARNED_CONFIDENCE
  (the middle band), its terms standing for the topic word the matcher lacks. In a question of fewer than
  FOREIGN_MIN_TERMS terms, one word neither the knowledge base nor everyday French knows ("cette convention de
  stage") leaves it refused: that word is its topic, and the classifier is as sure of those. Session 37: 0.95 and
  0.01, no unknown word at all, the matcher finding the clause; session 39: 0.7 and 0.05 gain 11 questions and 3
  several-question messages of the tracked sets, lose one several-question message and two out-of-scope questions
  ("Quelle heure est-il à présent ?", "Quelle est la date d'aujourd'hui ?": the hourly rate, the calendar);
  FOREIGN_MIN_TERMS 5 (4 answers "Qu'est-ce qu'on n'a pas le droit de faire avec les voitures de service ?").
- two signals agreeing on a short question: the matcher's first clause that the classifier reads first too, with
  SHORT_AGREED at least and "hors sujet" under OUT_OF_SCOPE_DOUBT ("Concrètement, le CDG 62 fait quoi dans ce
  montage ?"), gets at least LEARNED_CONFIDENCE (the middle band), as a longer message with AGREED_SURE does. Measured
  in session 38 on every tracked set: 0.7 gains 4 rows and loses 2 out-of-scope ones, 0.8 gains 4 and loses 1
  ("Combien de salariés compte La Fibre … ?" read as the parties), 0.9 gains none; sealed sets: one multi gained.
The engine then applies its threshold, middle band and "the matcher found a word of the convention"
rule as before. The constants were chosen on tests/data/realistic.yaml with
benchmarks/calibrate_learned.py (README, "Mesures"); the held-out sets were checked, not tuned on,
except for the lead's constants, chosen with the classifier's accuracy on them too (README says so).
"""

from __future__ import annotations

from collections.abc import Callable
from operator import itemgetter

from .knowledge import Knowledge
from .matching import Candidate
from .readings import CLASSIFIER_CERTAIN, LEARNED_MIN_TERMS, Readings
from .training import OUT_OF_SCOPE

LEARNED_SHARE = 0.2
MATCHER_SURE = 0.6
CLASSIFIER_SURE = 0.5
OUT_OF_SCOPE_DOUBT = 0.3  # 0.25 before session 33 (see the docstring)
LEARNED_CONFIDENCE = 0.45  # between the engine's threshold (0.40) and its sure confidence (0.50)
AGREED_SURE = 0.2  # 0.4 before session 32 (see the docstring)
OUT_OF_SCOPE_WEIGH = 0.4
LEARNED_LEAD_TERMS = 8
LEARNED_LEAD = 0.3
SHORT_LEAD = 0.9
OUT_OF_SCOPE_SURE = 0.99
LONG_OUT_OF_SCOPE_SURE = 0.95  # a longer question: the classifier is more often right (same sets, 0.9 too)
MATCHER_CERTAIN = 0.8
CLASSIFIER_ALONE = 0.7  # the classifier alone, no topic word of the matcher's (0.95 before session 39)
OUT_OF_SCOPE_NONE = 0.05  # 0.01 before session 39
FOREIGN_MIN_TERMS = 5  # a question this long may hold words the knowledge base does not know (session 39)
SHORT_AGREED = 0.8  # chosen in session 38 (see the docstring)


class Ranker:
    """Re-ranks the matcher's candidates with the classifier trained on the knowledge base."""

    def __init__(
        self, knowledge: Knowledge, terms_of: Callable[[str], list[str]], foreign: Callable[[str], bool]
    ) -> None:
        self.readings = Readings(knowledge, terms_of)  # the learned classifier's
        self._order = list(knowledge.clauses)
        # each clause with the articles it is a part of and the parts it has: one topic, read at two depths
        self._family = {c: {c, *knowledge.articles_of(c)} for c in knowledge.clauses}
        for clause, articles in list(self._family.items()):
            for article in articles - {clause}:
                self._family[article].add(clause)
        self._foreign = foreign  # a term the knowledge base never uses, nor an everyday word

    def rank(
        self,
        text: str,
        terms: list[str],
        ranked: list[Candidate],
        message: tuple[str, list[str]] | None = None,
        named: bool = False,
    ) -> list[Candidate]:
        """The clauses for `text` (whose terms are `terms`, matcher's ranking `ranked`), best first; [] if out of scope.

        `message` is the whole message (text, terms) when `text` is its question sentence: the classifier
        reads the message (measured better than the sentence alone on the realistic set), the matcher
        has read the sentence; `named`: the message names the CDG 62 or La Fibre."""
        matcher_best = ranked[0].confidence if ranked else 0.0
        if matcher_best >= max(MATCHER_SURE, MATCHER_CERTAIN):
            return ranked  # the matcher certain: its ranking stands whatever the classifier reads (below), so not read
        read, read_terms = message or (text, terms)
        probabilities = self.readings.probabilities(read, read_terms)
        if not probabilities:
            return ranked
        out = probabilities.pop(OUT_OF_SCOPE, 0.0)
        short = len(set(read_terms)) < LEARNED_MIN_TERMS
        if matcher_best >= MATCHER_SURE:
            if matcher_best < MATCHER_CERTAIN and out >= (OUT_OF_SCOPE_SURE if short else LONG_OUT_OF_SCOPE_SURE):
                return []  # another contract that shares a verb with the convention
            learned = max(probabilities, key=probabilities.__getitem__, default="")
            if matcher_best < MATCHER_CERTAIN and probabilities.get(learned, 0.0) >= CLASSIFIER_CERTAIN:
                # the classifier all but certain of another topic the matcher found too ("la convention lie bien
                # trois parties ?": "lie" is a word of article 3, the question the parties'); not the same article
                # read at another depth (article 5 or 5.2)
                found = next((c for c in ranked if c.clause_id == learned and c.strong_terms), None)
                if found and learned not in self._family.get(ranked[0].clause_id, {ranked[0].clause_id}):
                    rest = [c for c in ranked if c.clause_id != learned]
                    return [Candidate(learned, max(found.confidence, LEARNED_CONFIDENCE), found.strong_terms), *rest]
            return ranked  # the convention's own words, clearly: the matcher's reading stands, next clauses included
        if len(set(read_terms)) >= LEARNED_LEAD_TERMS or max(probabilities.values(), default=0.0) >= SHORT_LEAD:
            lead = self._lead(probabilities, out, ranked)
            if lead is not None and not (message and self._sentence_agrees(text, terms, ranked, lead[0].clause_id)):
                return lead
        if self.readings.out_of_scope(out, max(probabilities.values(), default=0.0), short):
            # A story around the question reads out of scope ("le tracteur a arraché le poteau … internet rame …"),
            # its question sentence may not ("La Fibre est-elle responsable quand ça coupe ?"): in a message naming a
            # provider, there or in its story ("Régisseur de la salle des fêtes. Le CDG 62 va venir …"), the sentence
            # decides (not "quel préavis pour résilier ce bail", which names none).
            clear = (
                named
                and bool(message)
                and self.readings.probabilities(text, terms).get(OUT_OF_SCOPE, 1) < OUT_OF_SCOPE_DOUBT
            )
            return self.rank(text, terms, ranked) if clear else []
        lexical = {candidate.clause_id: candidate for candidate in ranked}
        combined = []
        for clause_id in self._order:  # document order, for equal confidences
            found = lexical.get(clause_id)
            matched = found.confidence if found else 0.0
            confidence = LEARNED_SHARE * probabilities.get(clause_id, 0.0) + (1 - LEARNED_SHARE) * matched
            if confidence > 0.0:
                combined.append(Candidate(clause_id, round(confidence, 4), found.strong_terms if found else ()))
        combined.sort(key=itemgetter(1), reverse=True)  # by confidence, stable: equal ones in document order
        learned = max(probabilities, key=lambda label: probabilities[label], default="")
        found = lexical.get(learned)
        # The matcher's best clause too: the classifier needs less assurance.
        enough = AGREED_SURE if ranked and ranked[0].clause_id == learned else CLASSIFIER_SURE
        assured = probabilities.get(learned, 0.0) >= enough and out < OUT_OF_SCOPE_DOUBT
        assured = assured and not (message and self._sentence_agrees(text, terms, ranked, learned))
        # a word nobody knows is the topic of a short question ("une convention de stage"), everyday wording in a longer
        # one ("on se remet autour d'une table de temps en temps ?")
        unknown = len(set(read_terms)) < FOREIGN_MIN_TERMS and any(self._foreign(term) for term in read_terms)
        known = (
            not (found and found.strong_terms)
            and probabilities.get(learned, 0.0) >= CLASSIFIER_ALONE
            and out < OUT_OF_SCOPE_NONE
            and not unknown
        )
        if known:
            rest = [c for c in combined if c.clause_id != learned]
            return [Candidate(learned, LEARNED_CONFIDENCE, tuple(dict.fromkeys(read_terms))), *rest]
        agreed_short = (
            short
            and ranked
            and ranked[0].clause_id == learned
            and probabilities.get(learned, 0.0) >= SHORT_AGREED
            and out < OUT_OF_SCOPE_DOUBT
        )
        if (agreed_short or (assured and not short)) and found and found.strong_terms:
            own = next(c.confidence for c in combined if c.clause_id == learned)
            rest = [c for c in combined if c.clause_id != learned]
            combined = [Candidate(learned, round(max(own, LEARNED_CONFIDENCE), 4), found.strong_terms), *rest]
        if combined and ranked and combined[0].clause_id == ranked[0].clause_id:
            # Both signals choose the same clause: the matcher's confidence is not diluted by the classifier's doubts.
            best = combined[0]
            combined[0] = Candidate(best.clause_id, max(best.confidence, matcher_best), best.strong_terms)
        doubt = self.readings.without_prior(out) if short else out
        if doubt >= OUT_OF_SCOPE_WEIGH:  # the classifier doubts the convention answers at all
            combined = [Candidate(c.clause_id, round(c.confidence * (1 - doubt), 4), c.strong_terms) for c in combined]
        return combined

    def _lead(self, probabilities: dict[str, float], out: float, ranked: list[Candidate]) -> list[Candidate] | None:
        """A long message: the classifier's reading leads (measured right far more often than the blend)."""
        learned = max(probabilities, key=lambda label: probabilities[label], default="")
        best = probabilities.get(learned, 0.0)
        if best < LEARNED_LEAD or out > best:
            return None  # unsure, or "hors sujet" first: the usual rules (and the refusal) decide
        lexical = {candidate.clause_id: candidate for candidate in ranked}
        found = lexical.get(learned)
        if not found or not found.strong_terms:
            return None
        agreed = bool(ranked) and ranked[0].clause_id == learned
        confidence = max(ranked[0].confidence if agreed else 0.0, LEARNED_CONFIDENCE)
        rest = [c for c in ranked if c.clause_id != learned]
        return [Candidate(learned, round(confidence, 4), found.strong_terms), *rest]

    def _sentence_agrees(self, text: str, terms: list[str], ranked: list[Candidate], learned: str) -> bool:
        """Whether the question sentence `text` alone reads, all but certainly, as the matcher's first clause, not as
        `learned`, the whole message's ("Le 4 octobre, un virus a bloqué tous les postes. Si ça se reproduit, comment
        pouvons-nous mettre fin à la convention ?": the story is the question's context, article 6 is asked)."""
        return (
            bool(ranked) and ranked[0].clause_id != learned and self.readings.certain(ranked[0].clause_id, text, terms)
        )
