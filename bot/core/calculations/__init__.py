"""What the text implies for one message: deadlines, prices, and who may do what.

The engine calls `Calculations.answer` once per message. It finds the dates and durations, gives each
one a role from the words around it (knowledge/calculations.yaml), and computes only what the question
asks; a role it cannot tell is stated as an assumption in the answer. It also answers in the name of
the right party: a question about La Fibre Numérique 59 62 is not answered with a CDG 62 clause.

One module a kind of question: prices.py (with billed.py, duration_role.py, budget.py, remaining.py and
price_questions.py), dates.py (with date_roles.py, date_lists.py and notices.py), termination.py, liability.py and
parties.py; cues.py compiles the words they read, base.py holds what they share.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from ..answer import Answer, Citation
from ..calculation_schema import CalculationsFile
from ..calendar_names import calendar_names
from ..cost import DurationReader
from ..folding import folded as fold_spaced
from ..french import fold
from ..knowledge import Knowledge
from ..matching import Candidate, Matcher, is_sure
from ..word_patterns import alternation
from .alternatives import Alternatives
from .base import SENTENCE_BREAK, Cite, Context, Reported
from .cues import Cues
from .dates import Dates
from .entities import Entities
from .exclusions import Exclusions
from .interest import Interest
from .invoice_timing import InvoiceTiming
from .liability import Liability
from .parties import Parties
from .price_questions import PriceQuestions
from .prices import Prices
from .taken_back import TakenBack
from .termination import Termination

__all__ = ["Calculations"]

_CLAUSE_END = re.compile(r"[.,;:?!\n]")
COMPARED_REACH = 40  # characters before a party's name where what compares with it stands ("de même que pour le")


class Calculations:
    """The calculators and party rules, read from knowledge/calculations.yaml."""

    def __init__(self, knowledge: Knowledge, matcher: Matcher, cite: Cite, threshold: float) -> None:
        words: CalculationsFile = knowledge.calculations
        self.words = words
        self.knowledge = knowledge
        self.matcher = matcher
        self.cite = cite
        self.threshold = threshold  # the engine's: below it, a clause is not sure enough to redirect
        self.reader = DurationReader(words.durations)
        reading = knowledge.reading  # a question reported ("Le maire demande combien …") asks, as read
        reported = Reported([*reading.asking_phrases, *reading.reporting_verbs])
        context = Context(knowledge, matcher, cite, Cues(words, matcher), self.reader, reported)
        self.parties = Parties(context)
        taken_back = TakenBack(
            reading
        )  # values the writer took back ("le 14 mars, non pardon, le 12"): one reader for both
        self.prices = Prices(context, self.parties, taken_back)
        self.price_questions = PriceQuestions(context, self.prices)  # an hour of the day, a price before tax
        self.dates = Dates(context, self.parties, taken_back)
        self.interest = Interest(context, self.dates.date_roles)
        self.invoice_timing = InvoiceTiming(context)  # La Fibre's invoice against its deployment's end
        self.termination = Termination(context, self.parties)
        self.liability = Liability(context, self.dates.date_roles)
        self.exclusions = Exclusions(context.cues)
        # the signature role's cues: "on a signé le 02/10/2025, le CDG le 20/10/2025" says who signed, not whom it is about
        self._signing = context.cues.date_cues.get("signature")
        # "… par mandat administratif comme pour le CDG ?": the party compared with, not asked about (its article too)
        compared = alternation(words.comparison_words)
        self._compared = (
            re.compile(rf"(?<!\w)(?:{compared})\s*(?:(?:le|la|les|l'|du|au|aux|a)\s*)?$") if compared else None
        )
        # Capitalised words that name no commune: months, weekdays, the parties', clauses' and header fields' names.
        names = calendar_names()
        said = [
            *(c for party in words.parties.values() for c in party.cues),
            *(c.ref for c in knowledge.clauses.values()),
            *knowledge.reading.forward_markers,  # "Envoyé :", "Objet :": a header's fields
            *knowledge.reading.subject_fields,
            *knowledge.reading.item_labels,  # "Question : quel montant …" labels a line, names no commune
            *knowledge.courtesy_words,  # "Bonjour,", "Madame,"
        ]
        self.alternatives = Alternatives(words.alternative_labels)  # "Scénario 1 : … Scénario 2 : …": each its own
        self.entities = Entities(
            [*names.months, *names.weekdays, *words.festivals, *(w for text in said for w in text.split())],
            words.body_label_words,  # "Pour Wancourt c'est …": a commune labelled without a mark
        )

    def calendar_citations(self) -> tuple[Citation, ...]:
        """Articles 3 and 6, quoted where they set the calendar (duration, renewal, notice)."""
        return self.dates.calendar_citations()

    def answer(
        self, question: str, text: str, terms: list[str], ranked: list[Candidate], today: date, signature: date | None
    ) -> Answer | None:
        """The computed or party-aware answer to `text`, or None when the clause answer is right."""
        text = self.entities.scoped(text)  # "Agnez (… 07/07/2025), Gouy (… 30/10/2025). Pour Gouy, …?": Gouy's own
        bodies = self.entities.each(text)  # "Pour Beussent, signée le …, et pour Bezinghem, signée le …, quelles …?"
        each = self._each(question, bodies, terms, ranked, today, signature) if len(bodies) > 1 else None
        if not each and (alternatives := self.alternatives.split(text)):
            each = self._each(question, alternatives, terms, ranked, today, signature, weighed=True)
        return each or self._answer(question, text, terms, ranked, today, signature)

    def _each(
        self,
        question: str,
        bodies: list[tuple[str, str]],
        terms: list[str],
        ranked: list[Candidate],
        today: date,
        signature: date | None,
        weighed: bool = False,
    ) -> Answer | None:
        """Each body's own calendar, when the message gives several their own dates and asks about them all; with
        `weighed`, each alternative's own computation, whatever it computes ("Scénario 1 : … Scénario 2 : …")."""
        computed: list[Answer] = []
        for _, text in bodies:  # one body's price or cap and the message's figures are read together: stop there
            answer = self._answer(question, text, terms, ranked, today, signature)
            if not (answer and answer.kind == "calculation" and answer.citations):
                return None
            computed.append(answer)
            clauses = {a.citations[0].id for a in computed}
            if not (clauses <= set(self.dates.calendar_clauses) or (weighed and len(clauses) == 1)):
                return None
        if len({a.text for a in computed}) < 2:
            return None
        text = "\n\n".join(f"Pour {name} : {a.text}" for (name, _), a in zip(bodies, computed, strict=True))
        return Answer(question, True, "calculation", text, computed[0].citations, 1.0)

    def _answer(
        self, question: str, text: str, terms: list[str], ranked: list[Candidate], today: date, signature: date | None
    ) -> Answer | None:
        """`answer` for one reading of the message (the whole one, or one body's)."""
        folded = fold_spaced(text)
        near = {candidate.clause_id for candidate in ranked[:3]}
        named = self.parties.named(folded)
        sure = is_sure(ranked, self.threshold)
        ids = [c.clause_id for c in ranked]
        # A question asking how much a loss can get back ("montant maximal des dommages et intérêts ?") is about the
        # liability cap, whatever dates its context gives: the cap is computed before any deadline.
        # La Fibre's cap, never when the message names the CDG 62 alone ("c'est le CDG qui rembourse ?": article 5.3)
        # the question's own party first: "… payé 2 400 € à La Fibre … ? Et le CDG, il rembourse quoi ?" asks the CDG's
        # ... unless the CDG 62 is named only as a signatory ("on a signé le 02/10/2025, le CDG le 20/10/2025")
        fibre = (self.parties.named(fold_spaced(question)) or named) != {"cdg"} or not self._about(folded)
        asked = self.liability.asked(folded) if fibre and self.words.liability_cap_clause in ids[:3] else ""
        # read only when its answer may be given: a deadline asked too answers first (the cap's years are slow to read)
        # "un pirate est entré dans notre réseau": La Fibre is not liable in that case, said before its cap
        # ... read as surely when the message asks the cap in words and gives one amount invoiced ("La Fibre nous a
        # facturé 5 200 € … Jusqu'à combien pourrait-elle nous indemniser ?"), the matcher sure or not
        assured = cache(lambda: sure or (bool(asked) and self.liability.invoices.one_bill(folded)))
        capped = cache(
            lambda: self.exclusions.told(
                folded, self.liability.liability_cap(question, folded, ids, assured(), today, signature)
            )
        )
        cap = cache(lambda: capped() if asked else None)
        # "on a perdu 3 000 €, jusqu'à quand résilier ?": the deadline is what is asked (its terms read only then: slow)
        calendar = cache(
            lambda: bool(asked) and self.dates.asks_calendar(asked, lambda: self.matcher.question_terms(asked))
        )
        # A cap asked, no deadline: never the calendar of its dates, even when no invoice can be tied to the year (read
        # only when its dates are, and of a cap: `calendar` is then the slow part of a long message's question)
        # Late-payment interest asked, no ending: the invoice's dates are no calendar of the convention's
        dated = cache(
            lambda: (
                self.dates.reads(near, terms)
                and (not asked or calendar())
                and not self.interest.asked_alone(fold_spaced(question))
                and not self._others_deadline(question, folded, terms, ids[0])
            )
        )
        return (
            # La Fibre's cap asked, the CDG 62 named nowhere: a meeting's hours ("RDV assureur, 10:00-11:00") are no bill,
            # unless a visit is told ("panne à 10h. Votre technicien est intervenu de 14h à 17h30 … combien ?")
            (
                None
                if asked and "cdg" not in named and not self.prices.tells_visit(text, terms)
                else self.prices.cost(question, text, terms, near, named, today)
            )
            or self.price_questions.time_of_day(question, text, near, named)
            or self.interest.answer(question, folded, near, named, today)
            or self.invoice_timing.answer(question, folded, near, named, today)
            or (cap() if asked and not calendar() else None)
            or (self.dates.answer(question, folded, terms, near, today, signature, ids[0]) if dated() else None)
            or self.termination.termination_party(question, folded, near, ranked, sure)
            or self.termination.letter_without_date(question, folded, terms, ranked, sure)
            or (cap() if asked else capped() if fibre else None)
            or (self.liability.plain(question) if self._cap_asked(asked, sure) else None)  # "quel plafond ?"
            or (self.parties.mismatch(question, terms, ranked, self._asked_about(folded, named)) if sure else None)
            or (self.price_questions.before_tax(question, folded, terms, ranked[0].clause_id) if sure else None)
        )

    def _others_deadline(self, question: str, folded: str, terms: list[str], best: str) -> bool:
        """Is the calendar asked only by the context of a question nearest another clause ("1° … il nous faudrait la
        date ultime d'envoi du recommandé. 2° Quel tribunal serait saisi ?"): that deadline is not this question's."""
        own = fold_spaced(question)
        return (
            own != folded
            and best not in self.dates.signing_clauses
            and self.dates.asks_calendar(folded, terms)
            and not self.dates.asks_calendar(own, terms)
        )

    def _cap_asked(self, asked: str, sure: bool) -> bool:
        """Whether `asked` names the cap by itself, the matcher sure, or what follows its cap word (to the clause's end)
        names no more words of another topic than of the convention: not "Quel est le plafond de la DETR ?", "le
        plafond de la dotation de solidarité rurale"."""
        if not self.liability.asked_alone(asked):
            return False
        cap = self.liability.cues.cap_words.search(asked) if self.liability.cues.cap_words else None
        terms = self.matcher.question_terms(_CLAUSE_END.split(asked[cap.end() :])[0]) if cap else []
        return sure or sum(map(self.matcher.is_foreign, terms)) <= sum(map(self.matcher.is_strong, terms))

    def _asked_about(self, folded: str, named: set[str]) -> set[str]:
        """`named` without the parties `folded` names only as what it compares with ("comme pour le CDG"), when
        another is left."""
        if len(named) < 2 or self._compared is None:
            return named
        cues = self.parties.cues.parties
        kept = {
            party
            for party in named
            if any(
                not self._compared.search(folded, max(0, m.start() - COMPARED_REACH), m.start())
                for m in cues[party].finditer(folded)
            )
        }
        return kept or named

    def _about(self, folded: str) -> set[str]:
        """The organisations `folded` names outside its sentences dating a signing ("Convention : on a signé le
        02/10/2025, le CDG le 20/10/2025"): a party named as a signatory is not whom the question is about."""
        sentences = SENTENCE_BREAK.split(folded)
        kept = [s for s in sentences if not self._signing.search(s)] if self._signing else sentences
        return self.parties.named(" ".join(kept))

    def contact(self, question: str, default: str, contacts: dict[str, str]) -> str:
        """The contact of the one organisation `question` is about, else `default`."""
        named = self.parties.named(" ".join(fold(question).split()))
        return contacts.get(next(iter(named)), default) if len(named) == 1 else default
