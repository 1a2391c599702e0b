"""La Fibre Numérique 59 62's liability cap (Article 5.2): the cap quoted, and an amount invoiced
compared with an estimated loss."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from dateutil.relativedelta import relativedelta

from ..answer import Answer, Citation
from ..date_mentions import find_dates
from ..money import format_euros
from .base import Calculator, Context, asking
from .cues import Cues
from .date_roles import DateRoles


class Liability(Calculator):
    """The liability cap questions."""

    def __init__(self, context: Context, roles: DateRoles) -> None:
        super().__init__(context)
        self.date_roles = roles

    def asked(self, folded: str) -> str:
        """What the message asks (its questions) when that is how much a loss can get back: a cap word in it, a loss
        or a compensation word in the message ("on a tout perdu … combien peut-on leur réclamer au maximum ?"); else
        "" (the cheap searches first: most messages stop there)."""
        cues = self.cues
        loss = (cues.compensation and cues.compensation.search(folded)) or (cues.loss and cues.loss.search(folded))
        if not (loss and cues.cap_words and cues.cap_words.search(folded)):
            return ""
        question = asking(folded)
        return question if cues.cap_words.search(question) else ""

    def liability_cap(
        self, question: str, folded: str, terms: list[str], ranked: list[str], sure: bool, today: date
    ) -> Answer | None:
        """A question about the cap quotes the cap sentence; an amount in it is compared with the cap.

        Even when the matcher is not sure, an amount invoiced beside another (the loss) is that comparison, and
        La Fibre's invoices of several years give the cap of the year in course (the cap's clause among the
        first three of `ranked`)."""
        cap = self.words.liability_cap_clause
        if (
            cap is None
            or cap not in ranked[:3]
            or self.cues.cap_words is None
            or not self.cues.cap_words.search(folded)
        ):
            return None
        quote = self.cite(cap, self.matcher.question_terms(self.words.liability_cap_quote_words))
        spans = self.reader.amount_spans(folded)
        amounts = [amount for amount, _ in spans]
        fibre = self.cues.parties.get("fibre")
        # "1 800 € la première année" alone, in the second year: the year in course's amount is not given
        several = amounts and (cap == ranked[0] or (fibre and fibre.search(folded)))
        first = bool(self.cues.first_year and self.cues.first_year.search(folded)) and self._first_year_current(
            folded, today
        )
        if several and (by_year := self._years(folded, spans, first, today)):
            return self._of_the_year(question, quote, by_year)
        if cap != ranked[0]:
            return None
        if len(amounts) > 1 and self.cues.invoiced:
            # "facturé 1 350 € … préjudice estimé à 4 000 €": the invoiced amount is the cap, the other the loss.
            invoiced = [a for a, start in spans if _last_cue(since_break(folded, start), self.cues) == "invoiced"]
            if len(invoiced) == 1:  # an amount is compared as the loss only when a loss word says it is one
                losses = [a for a, start in spans if a != invoiced[0] and self._is_loss(folded, start)]
                return self._cap_of(question, quote, invoiced[0], losses)
        if not sure:
            return None
        if len(amounts) != 1:
            return Answer(question, True, "clause", self.knowledge.clauses[cap].answer, (quote,), 1.0)
        return self._cap_of(question, quote, amounts[0], [])

    def _first_year_current(self, folded: str, today: date) -> bool:
        """Is the convention in its first year: a signature named in the message less than a year before today?"""
        roles = self.date_roles.roles(folded, find_dates(folded, today))
        signed = [r.mention.value for r in roles if r.role == "signature" and not r.assumed and r.mention.value]
        return bool(signed) and max(signed) <= today < max(signed) + relativedelta(years=1)

    def _years(
        self, folded: str, spans: list[tuple[Decimal, int]], first_current: bool, today: date
    ) -> list[tuple[Decimal, str]]:
        """Each amount with the year it is said of ("current", "other", or "" for none, "loss" for the loss), when
        at least two amounts are said of a year; else []. The first year is the one in course when `first_current`."""
        if self.cues.current_year is None or self.cues.other_year is None:
            return []
        kinds: list[str] = []
        joined: list[bool] = []  # each amount joined to the previous one as one more invoice of a list
        named: list[bool] = []  # ... and that previous one said of what it pays ("620 € de messagerie et")
        previous = 0
        for _, start in spans:
            end = self.reader.amount_end(folded, start)
            around = self.reader.clause_around(folded, start, end)
            kind = self._year_kind(around, first_current, today)
            between = re.split(r"[.;!?]", folded[previous:start])[-1]  # the words since the previous amount
            if not kind:  # "et pour 2026, 450 €", "Deuxième année, celle en cours : 450 €": the words since the
                # previous amount's own part ("980 € cette année, notre budget … 12 000 €": not a label), in the
                # same sentence (a label before a colon names the amount after it)
                label = folded[min(start, self.reader.clause_end(folded, previous)) if previous else 0 : start]
                kind = self._year_kind(re.split(r"[.;!?]", label)[-1], first_current, today)
            joined.append(bool(kinds) and self._added(folded, start, between, around))
            named.append(joined[-1] and bool(re.search(r"[a-z(]", between[: between.rstrip().rfind(" ")])))
            if not kind and joined[-1] and kinds[-1] in ("current", "added"):
                kind = "added"  # "cette année 620 € de messagerie et 380 € pour le site": one more of that year
            kinds.append("loss" if self._is_loss(folded, start) else kind)
            previous = end
        for i, kind in enumerate(list(kinds)):
            first = i
            while kind == "current" and first > 0 and kinds[first - 1] == "" and named[first]:
                # "620 € de messagerie et 380 € pour le site cette année": the year ends a list of what is paid
                # (not "1 800 € et 600 € cette année", two years)
                first -= 1
            kinds[first : i + 1] = kinds[first : i + 1] if first == i else ["current"] + ["added"] * (i - first)
        years = [kind for kind in kinds if kind in ("current", "other")]
        # the year in course against another, several amounts of it, or only other years' amounts given
        if "added" in kinds or ("other" in years and (len(years) > 1 or "" not in kinds)):
            return [(amount, kind) for (amount, _), kind in zip(spans, kinds, strict=True)]
        return []

    def _added(self, folded: str, start: int, between: str, around: str) -> bool:
        """Is the amount at `start` one more invoice of the previous one's year: invoiced, joined to it by an addition
        word ("et", "+") right before it in the same sentence, and not said of the CDG 62 (its bills are not La
        Fibre's)?"""
        cues, cdg = self.cues, self.cues.parties.get("cdg")
        joining = list(cues.addition.finditer(between)) if cues.addition else []
        return bool(
            joining
            and not between[joining[-1].end() :].strip()
            and cues.invoiced
            and cues.invoiced.search(since_break(folded, start) + around)
            and not (cdg and cdg.search(around))
        )

    def _is_loss(self, folded: str, start: int) -> bool:
        """The amount at `start` is said of the loss ("préjudice estimé à 4 000 €", "Notre perte : 5 000 €"): a loss
        word in its clause or just before it (back to a comma or a sentence end)."""
        around = self.reader.clause_around(folded, start, self.reader.amount_end(folded, start))
        return bool(
            self.cues.loss and (self.cues.loss.search(around) or self.cues.loss.search(since_break(folded, start)))
        )

    def _of_the_year(self, question: str, quote: Citation, by_year: list[tuple[Decimal, str]]) -> Answer:
        """The cap is the amount invoiced for the year in course (its invoices added up); the other years' amounts
        do not count."""
        groups: list[list[Decimal]] = []  # the year in course's amounts: each "current" one, with those "added" to it
        for amount, kind in by_year:
            if kind == "current":
                groups.append([amount])
            elif kind == "added":
                groups[-1].append(amount)
        totals = {sum(group, Decimal(0)) for group in groups}
        losses = [amount for amount, kind in by_year if kind == "loss"]  # an amount no loss word names is not one
        if len(totals) == 1:
            cap = next(iter(totals))
            answer = self._cap_of(question, quote, cap, losses)
            parts = max(groups, key=len)
            text = answer.text
            if len(parts) > 1:  # several invoices of the year: their total, said as such
                added = " + ".join(format_euros(part) for part in parts)
                text += f" Plafond : le total facturé pour l'année en cours, {added} = {format_euros(cap)}."
            if any(kind == "other" for _, kind in by_year):
                text += (
                    " Seul compte le montant facturé pour l'année en cours d'exécution : ni les montants des autres "
                    "années, ni leur somme."
                )
            return Answer(question, True, "calculation", text, answer.citations, 1.0)
        which = "ne donne pas le montant" if not totals else "ne dit pas lequel de ses montants est celui"
        text = (
            "Le plafond est le montant facturé pour l'année en cours d'exécution au moment de l'événement qui a causé "
            f"le préjudice (article 5.2) : ni la somme des années, ni le montant d'une autre année. Votre message {which} "
            "de l'année en cours : donnez-le-moi et je vous dirai le plafond."
        )
        return Answer(question, True, "calculation", text, (quote,), 1.0)

    def _cap_of(self, question: str, quote: Citation, cap: Decimal, losses: list[Decimal]) -> Answer:
        """The cap stated, and an estimated loss compared with it."""
        loss = ""
        if len(losses) == 1:  # the loss is not repeated as a sum: only the cap is an amount to obtain
            loss = (
                f" Le préjudice que vous estimez dépasse ce plafond : vous ne pouvez pas obtenir plus de "
                f"{format_euros(cap)}."
                if losses[0] > cap
                else " Le préjudice que vous estimez reste sous ce plafond."
            )
        text = (
            f"Au plus {format_euros(cap)}, si c'est bien le montant facturé pour l'année en cours d'exécution "
            "au moment de l'événement qui a causé le préjudice : pour faute prouvée, La Fibre Numérique 59 62 ne "
            "répare que le préjudice direct et immédiat, dans cette limite (article 5.2). Sa responsabilité n'est "
            "pas engagée dans les cas que l'article exclut (intrusion d'un tiers, contenu des données, fiabilité "
            "des transmissions…)." + loss
        )
        return Answer(question, True, "calculation", text, (quote,), 1.0)

    def _year_kind(self, text: str, first_current: bool, today: date) -> str:
        """ "current" or "other" for the year `text` names (words, or a year in digits compared with today's), or
        "". The convention's first year ("la première année") is the one in course when `first_current`."""
        if self.cues.current_year and self.cues.current_year.search(text):
            return "current"
        if self.cues.first_year and self.cues.first_year.search(text):
            return "current" if first_current else "other"
        if self.cues.other_year and self.cues.other_year.search(text):
            return "other"
        return _year_of(text, today)


def _year_of(text: str, today: date) -> str:
    """ "current" or "other" for a year in digits in `text`, compared with today's, or ""."""
    years = {int(y) for y in re.findall(r"(?<![\d,.])(20\d\d)(?!\d|[,.]\d|\s?(?:€|euro))", text)}
    if today.year in years:
        return "current"
    return "other" if years and max(years) < today.year else ""


def _last_cue(before: str, cues: Cues) -> str:
    """ "invoiced" or "loss": the cue nearest the end of `before` ("facturé 1 000 € et notre préjudice est de": the
    loss), or "" for none."""
    found = [
        (m.start(), name)
        for name, cue in (("invoiced", cues.invoiced), ("loss", cues.loss))
        if cue
        for m in cue.finditer(before)
    ]
    return max(found)[1] if found else ""


def since_break(text: str, position: int) -> str:
    """The words before `position` back to the last sentence end or comma (at most 60 characters)."""
    before = text[max(0, position - 60) : position]
    return re.split(r"[.;!?,]", before)[-1]
