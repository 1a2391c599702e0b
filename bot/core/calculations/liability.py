"""La Fibre Numérique 59 62's liability cap (Article 5.2): the cap quoted, an amount invoiced compared with an estimated
loss; with several years' invoices, the amount of the year holding the damaging event (execution_years.py)."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from functools import cache

from ..answer import Answer, Citation
from ..money import format_euros
from ..number_text import digits
from .base import PART_END, Calculator, Context, asking
from .count_patterns import counted
from .date_roles import DateRoles
from .execution_years import ExecutionYears
from .invoices import Invoices
from .losses import Losses
from .year_of_execution import YEAR, Reading, When, describe, placed

LOSSES = ("loss", "indirect")  # the kinds of an amount said of a loss (losses.py)
COUNT_REACH = 40  # characters before an amount where its count is read ("trois factures de maintenance de")
_SPELT_AMOUNT = re.compile(r"[a-z]\s+euros?(?![a-z])")  # an amount in words ("quatre-vingts euros")
_ASIDE = re.compile(r"\s*(?:\([^()]*\)|,[^,.;!?()\d]{1,25}(?=,))")  # after an amount's part: its year too, said


class Liability(Calculator):
    """The liability cap questions."""

    def __init__(self, context: Context, roles: DateRoles) -> None:
        super().__init__(context)
        self.years = ExecutionYears(context, roles)
        self.losses = Losses(self.cues, self.reader, self.knowledge.reading.resuming_relatives)
        self.invoices = Invoices(self.cues, self.reader, self.words.paid_words)
        self.reported = context.reported
        # "deux fois 240 €", "trois factures de maintenance de 160 €": that many invoices of the amount
        self._times = re.compile(rf"(?:{counted(self.words.invoice_count_words).pattern})[^.;!?€\d]*$")

    def plain(self, question: str) -> Answer:
        """The cap's clause answer, its cap sentence quoted: a cap asked whose amount the message does not give."""
        cap = self.words.liability_cap_clause or ""
        quote = self.quoted(cap, self.words.liability_cap_quote_words)
        return Answer(question, True, "clause", self.knowledge.clauses[cap].answer, (quote,), 1.0)

    def asked_alone(self, asked: str) -> bool:
        """Whether what is asked names the cap by itself ("Quel est le plafond de notre responsabilité ?")."""
        return bool(asked and self.cues.cap_alone and self.cues.cap_alone.search(asked))

    def asked(self, folded: str) -> str:
        """What the message asks (its questions) when that is how much a loss can get back: a cap word in it, a loss, a
        compensation or a damaging event's word in the message ("on a tout perdu … combien peut-on leur réclamer au
        maximum ?", "La Fibre a écrasé par erreur nos sauvegardes … Jusqu'à combien peut-on demander ?"); else ""."""
        cues = self.cues
        if not (cues.cap_words and cues.cap_words.search(folded)):
            return ""
        loss = any(cue and cue.search(folded) for cue in (cues.compensation, cues.loss, self.years.event))
        question = asking(folded, self.reported) if loss or cues.cap_alone else ""  # neither: nothing asked
        return question if question and (loss or self.asked_alone(question)) and cues.cap_words.search(question) else ""

    def liability_cap(
        self, question: str, folded: str, ranked: list[str], sure: bool, today: date, signature: date | None = None
    ) -> Answer | None:
        """A question about the cap quotes the cap sentence; an amount in it is compared with the cap.

        Even when the matcher is not sure, an amount invoiced beside another (the loss) is that comparison, and
        La Fibre's invoices of several years give the cap of the year holding the damaging event, else today (the
        cap's clause among the first three of `ranked`; the years count from the signature the message names, else
        from `signature`, the one the discussion recorded)."""
        cap = self.words.liability_cap_clause
        if (
            cap is None
            or cap not in ranked[:3]
            or self.cues.cap_words is None
            or not self.cues.cap_words.search(folded)
        ):
            return None
        quote = self.quoted(cap, self.words.liability_cap_quote_words)
        spelt = "euro" in folded and _SPELT_AMOUNT.search(folded)  # "mille cinq cents euros": 1500 euros
        folded = digits(folded) if spelt else folded
        # "le CDG 62 nous a facturé 300 €": the CDG 62's bills are not La Fibre's, never a part of its cap
        spans = self.invoices.fibre_amounts(folded)
        amounts = [amount for amount, _ in spans]
        fibre = self.cues.parties.get("fibre")  # ("1 800 € la première année" alone in the second: the cap not given)
        several = amounts and (cap == ranked[0] or (fibre and fibre.search(folded)))
        when = cache(lambda: self.years.when(folded, today, signature))  # read once an amount's words name a year
        if several and (by_year := self._years(folded, spans, when)):
            return self._of_the_year(question, quote, by_year, when())
        if cap != ranked[0]:
            return None
        if len(amounts) > 1 and self.cues.invoiced:
            # "facturé 1 350 € … préjudice estimé à 4 000 €": the invoiced amount is the cap, the other the loss.
            bills = self.invoices.bills(folded, spans)
            invoiced = [a for a, _ in bills]
            if len(invoiced) == 1:  # an amount is compared as the loss only when a loss word says it is one
                kinds = [(a, self.losses.kind(folded, start)) for a, start in spans if a != invoiced[0]]
                return self._cap_of(question, quote, invoiced[0], kinds)
            if len(invoiced) > 1 and (first := self._first_year(question, quote, folded, spans, bills, when())):
                return first
        if not sure:
            return None
        if len(amounts) != 1 or self.losses.kind(folded, spans[0][1]) in LOSSES:
            return self.plain(question)  # (a loss alone, "notre préjudice est de 15 000 €", is never the cap)
        return self._cap_of(question, quote, amounts[0], [])

    def _years(self, folded: str, spans: list[tuple[Decimal, int]], when: Reading) -> list[tuple[Decimal, str]]:
        """Each amount with the year it is said of ("current": the cap's year, "other", "?": a year that may be the
        cap's, "" for none, "loss" for the loss), when at least two amounts are said of a year; else []."""
        if self.cues.current_year is None or self.cues.other_year is None:
            return []
        kinds: list[str] = []
        joined: list[bool] = []  # each amount joined to the previous one as one more invoice of a list
        named: list[bool] = []  # ... and that previous one said of what it pays ("620 € de messagerie et")
        labels: list[str] = []  # the year each amount's label gives it ("Deuxième année : 600 €"), or ""
        dated: list[bool] = []  # placed in the cap's year by a day of its own ("facturé le 12/12/2025")
        previous, said = 0, ""  # the end and the words of the amount before
        for _, start in spans:
            end = self.reader.amount_end(folded, start)
            around = self.reader.clause_around(folded, start, end)
            # "500 € la deuxième (depuis juin 2026)", "700 € la deuxième, en cours, …": after its part, its year too
            aside = _ASIDE.match(folded[self.reader.clause_end(folded, end) :])
            kind, labelled = self.years.kind(own := around + (aside.group() if aside else ""), when, said), ""
            dated.append(kind == "current" and self.years.dated(around))
            between = PART_END.split(folded[previous:start])[-1]  # the words since the previous amount
            if not kind:  # "et pour 2026, 450 €", "Deuxième année, celle en cours : 450 €": the words since the
                # previous amount's own part ("980 € cette année, notre budget … 12 000 €": not a label), in the
                # same sentence (a label before a colon names the amount after it), and its list ("… : 600 € et 450 €")
                label = folded[min(start, self.reader.clause_end(folded, previous)) if previous else 0 : start]
                kind = labelled = self.years.kind(label := PART_END.split(label)[-1], when)
                dated[-1] = kind == "current" and self.years.dated(label)  # "F-12 du 15/09/2025 : 4 800 €": its day
                if (
                    not kind
                    and self.years.list_gap(folded, spans, len(kinds), items=True)
                    and kinds[-1] not in LOSSES
                    and labels[-1]
                ):
                    kind, labelled = "added" if labels[-1] == "current" else labels[-1], labels[-1]
            labels.append(labelled)
            joined.append(bool(kinds) and self.invoices.added(folded, start, between, around))
            named.append(joined[-1] and bool(re.search(r"[a-z(]", between[: between.rstrip().rfind(" ")])))
            # "cette année 620 € de messagerie et 380 € pour le site"; "facturé, pour la 1re année, 1 700 € en février
            # 2025 et 600 € en septembre 2025" (both of the event's year, the invoice word before): added to it
            both = (
                bool(kinds) and kind == "current" and self.invoices.added(folded, start, between, around, sentence=True)
            )
            if ((not kind and joined[-1]) or both) and kinds[-1] in ("current", "added"):
                kind = "added"
            kinds.append(self.losses.of_year(folded, start, kind))
            previous, said = end, own
            if kind in ("current", "other") and self.years.list_link(folded, end):
                self.years.listed(folded, spans, kinds)  # "1 250 € et 980 € au titre de la deuxième année": both
        for i, kind in enumerate(list(kinds)):
            first = i
            while kind == "current" and first > 0 and kinds[first - 1] == "" and named[first]:
                # "620 € de messagerie et 380 € pour le site cette année": the year ends a list of what is paid
                # (not "1 800 € et 600 € cette année", two years)
                first -= 1
            kinds[first : i + 1] = kinds[first : i + 1] if first == i else ["current"] + ["added"] * (i - first)
        current = [i for i, kind in enumerate(kinds) if kind == "current"]
        if len(current) > 1 and all(dated[i] for i in current):  # "30/10/2025 = 2 300 €, 12/12/2025 = 480 €": each
            kinds = [("added" if i in current[1:] else kind) for i, kind in enumerate(kinds)]  # dated in the year
        years = [kind for kind in kinds if kind in ("current", "other", "?")]
        if years == ["other"] and kinds.count("") == 1:  # "1 350 €, et 700 € l'année d'avant": the unnamed is the cap
            kinds, years = [kind or "current" for kind in kinds], ["other", "current"]
        # the cap's year against another, several of its amounts, or only other years'; one alone of a year that may be
        # the cap's ("1 450 € pour l'année 2"): today's reading (the answer says which year)
        if "added" in kinds or (set(years) - {"current"} and (len(years) > 1 or "" not in kinds) and years != ["?"]):
            return [(amount, kind) for (amount, _), kind in zip(spans, kinds, strict=True)]
        return []

    def _of_the_year(self, question: str, quote: Citation, by_year: list[tuple[Decimal, str]], when: When) -> Answer:
        """The cap is the amount invoiced for the year holding the damaging event, else today (its invoices added
        up); the other years' amounts do not count, and none is given when that year cannot be told."""
        groups: list[list[Decimal]] = []  # the cap's year's amounts: each "current" one, with those "added" to it
        for amount, kind in by_year:
            if kind == "current":
                groups.append([amount])
            elif kind == "added":
                groups[-1].append(amount)
        totals = {sum(group, Decimal(0)) for group in groups}
        if len(totals) == 1:
            cap = next(iter(totals))
            answer = self._cap_of(question, quote, cap, by_year)  # an amount no loss word names is not one
            parts = max(groups, key=len)
            text = answer.text
            of_year = "l'année de l'événement" if when.event else "l'année en cours"
            if len(parts) > 1:  # several invoices of the year: their total, said as such
                added = " + ".join(format_euros(part) for part in parts)
                text += f" Plafond : le total facturé pour {of_year}, {added} = {format_euros(cap)}."
            if any(kind in ("other", "?") for _, kind in by_year):
                counted = "l'année de l'événement" if when.event else "l'année en cours d'exécution"
                text += placed(when) + (
                    f" Seul compte le montant facturé pour {counted} : ni les montants des autres années, ni leur somme."
                )
            return Answer(question, True, "calculation", text, answer.citations, 1.0)
        unknown = totals or any(kind == "?" for _, kind in by_year)
        which = "ne dit pas lequel de ses montants est celui" if unknown else "ne donne pas le montant"
        # without the entry into force, the ordinals and the event's date cannot be put together
        asked = (
            "donnez-moi la date d'entrée en vigueur de la convention (sa dernière signature) et je vous dirai le plafond"
            if unknown and when.entry is None and when.event is not None
            else "donnez-le-moi et je vous dirai le plafond"
        )
        year = "cette année-là" if when.event else "l'année en cours"
        text = (
            f"Le plafond est le montant facturé pour {describe(when)} (article 5.2) : ni la somme des "
            f"années, ni le montant d'une autre année. Votre message {which} de {year} : {asked}."
        )
        return Answer(question, True, "calculation", text, (quote,), 1.0)

    def _first_year(
        self,
        question: str,
        quote: Citation,
        folded: str,
        spans: list[tuple[Decimal, int]],
        bills: list[tuple[Decimal, int]],
        when: When,
    ) -> Answer | None:
        """Every invoice (`bills`, of `spans`) of a convention in its first year of execution ("signée le 12/01/2026 …
        facturé 1 980 € pour l'installation et deux fois 240 €", the event or today before 12/01/2027): their total is
        the cap."""
        if when.entry is None or (when.event[1] if when.event else when.today) >= when.entry + YEAR:
            return None
        parts = []
        for amount, start in bills:
            times = self._times.search(digits(folded[max(0, start - COUNT_REACH) : start]))
            end = self.reader.amount_end(folded, start)
            if not times and self.cues.each and self.cues.each.match(folded[end : end + COUNT_REACH].lstrip(" ,")):
                return None  # "trois … de 160 € chacune" not read: no total rather than a wrong one
            parts.append((amount, int(times.group(1)) if times else 1))
        cap = sum((amount * count for amount, count in parts), Decimal(0))
        added = " + ".join(f"{count} × {format_euros(a)}" if count > 1 else format_euros(a) for a, count in parts)
        kinds = [(amount, kind) for amount, start in spans if (kind := self.losses.kind(folded, start))]
        answer = self._cap_of(question, quote, cap, kinds)
        text = f"{answer.text} Plafond : le total facturé depuis l'entrée en vigueur, {added} = {format_euros(cap)}."
        return Answer(question, True, "calculation", text, answer.citations, 1.0)

    def _cap_of(self, question: str, quote: Citation, cap: Decimal, kinds: list[tuple[Decimal, str]]) -> Answer:
        """The cap stated, and the estimated losses (amounts of kind "loss" or "indirect") compared with it."""
        losses = [amount for amount, kind in kinds if kind == "loss"]
        indirect = [amount for amount, kind in kinds if kind == "indirect"]
        text = (
            f"Au plus {format_euros(cap)}, si c'est bien le montant facturé pour l'année en cours d'exécution "
            "au moment de l'événement qui a causé le préjudice : pour faute prouvée, La Fibre Numérique 59 62 ne "
            "répare que le préjudice direct et immédiat, dans cette limite (article 5.2). Sa responsabilité n'est "
            "pas engagée dans les cas que l'article exclut (intrusion d'un tiers, contenu des données, fiabilité "
            "des transmissions…)." + self.losses.compared(cap, losses, indirect)
        )
        return Answer(question, True, "calculation", text, (quote,), 1.0)
