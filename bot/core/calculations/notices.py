"""Letters and notices (Article 6): a registered letter sent or received in time for an anniversary and a formal
notice left unanswered; the notice the CDG 62 or La Fibre Numérique 59 62 gives is provider_notices.py's."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date

from dateutil.relativedelta import relativedelta

from ..answer import Answer
from ..date_mentions import DateMention
from ..deadlines import compute_deadlines, format_date
from .base import Context
from .date_roles import Role
from .dated_today import DatedToday
from .parties import AGENT
from .provider_notices import ProviderNotices
from .year_notes import assumed_year, nearest_year

FORMAL_NOTICE = relativedelta(months=3)  # Article 6: "restée infructueuse durant trois (3) mois"


class Notices(ProviderNotices):
    """The answers about letters and notices."""

    def __init__(self, context: Context) -> None:
        super().__init__(context)
        self.today = DatedToday(self.words.date_roles)  # "une mise en demeure aujourd'hui": dated today

    def formal_notice(
        self, question: str, notice: DateMention, today: date, sender: str | None = None, events: Sequence[date] = ()
    ) -> Answer:
        """When a formal notice left unanswered lets a party terminate for breach: its sender, when the
        collectivité received it (`sender` is "" when the message does not say who sent it); each coming event of the
        message (a council meeting: `events`) said before or after that day."""
        assert notice.value is not None
        possible = notice.value + FORMAL_NOTICE
        # The date is said even when past: the writer may have to show since when the right exists.
        if possible < today:
            when = f"depuis le {format_date(possible)}"
        elif possible == today:
            when = f"dès aujourd'hui, {format_date(possible)},"
        else:
            when = f"à partir du {format_date(possible)}"
        quote = "(article 6 : « après mise en demeure restée infructueuse durant trois (3) mois »)"
        if sender is None:
            text = (
                f"Mise en demeure du {format_date(notice.value)} : si elle reste infructueuse durant trois mois, la "
                f"résiliation pour manquement est possible {when} {quote}. Ce droit vaut pour chaque partie, en cas "
                "de manquement de l'une des deux autres parties ; il ne dépend pas de la date anniversaire."
            )
        else:
            name = self.words.parties[sender].name if sender else "la partie qui vous l'a adressée"
            text = (
                f"Mise en demeure du {format_date(notice.value)}, adressée à votre collectivité par {name} : si "
                f"elle reste infructueuse durant trois mois, {name} pourra résilier la convention pour manquement "
                f"{when} {quote}. C'est {name} qui pourrait alors résilier, pas votre collectivité ; ce droit ne "
                "dépend pas de la date anniversaire."
            )
        if notice.assumed_year:
            text += " " + assumed_year(notice)
        if notice.approximate:
            text += (
                f" « {notice.text} » : j'ai compté depuis le {format_date(notice.value)}, une date approchée ; "
                "la date qui compte est celle de la mise en demeure (son accusé de réception) : vérifiez-la."
            )
        for day in events:  # "notre conseil se réunit le 14 décembre : pourra-t-il voter la résiliation ?"
            text += f"\nLe {format_date(day)}, la date que vous indiquez, est " + (
                f"avant le {format_date(possible)} : trop tôt, la mise en demeure n'aura pas encore trois mois."
                if day < possible
                else f"au plus tôt le {format_date(possible)} : la résiliation pour manquement sera alors possible, "
                "si la mise en demeure est restée sans effet."
            )
        terms = self.matcher.question_terms(self.words.termination_quote_words.get("breach", ""))
        return Answer(question, True, "calculation", text, (self.cite(self.termination_clause, terms),), 1.0)

    def undated(self, question: str, folded: str) -> Answer | None:
        """A formal notice the message names without its day ("si nous lui envoyons une mise en demeure, à partir de quand
        pourrons-nous résilier ?"): its three months said, and its day asked; never the anniversary's calendar alone."""
        if "formal_notice" not in self.cues.date_cues or not self.cues.date_cues["formal_notice"].search(folded):
            return None
        text = (
            "La résiliation pour manquement est possible trois mois après une mise en demeure restée sans effet (article "
            "6 : « après mise en demeure restée infructueuse durant trois (3) mois ») ; votre message ne donne pas la date "
            "de la mise en demeure : donnez-la-moi (celle de sa réception) et je vous dirai à partir de quel jour. Ce droit "
            "vaut pour chaque partie, en cas de manquement de l'une des deux autres ; il ne dépend pas de la date "
            "anniversaire."
        )
        terms = self.matcher.question_terms(self.words.termination_quote_words.get("breach", ""))
        return Answer(question, True, "calculation", text, (self.cite(self.termination_clause, terms),), 1.0)

    def told_letters(self, folded: str, by_role: Mapping[str, list[Role]]) -> bool:
        """Whether the letters and receipts told are a formal notice's: the message names one, and no termination
        before their dates ("Nous avons résilié par lettre du 20/11": that letter is the termination's)."""
        told = [r.mention.start for role in ("letter", "receipt") for r in by_role.get(role, [])]
        ended = self.cues.termination.search(folded) if told else None
        notice = told and self.cues.date_cues["formal_notice"].search(folded)
        return bool(notice) and (ended is None or ended.start() > max(told))

    def sender(self, folded: str, named: set[str]) -> str | None:
        """Who sent the formal notice the collectivité received ("" when unnamed), or None when the collectivité
        sent it ("notre mise en demeure", "que nous avions adressée") or the message does not say it received it."""
        if self.cues.notice_sent and self.cues.notice_sent.search(folded):
            return None
        if sender := self._received_from(folded):
            return sender
        if not (self.cues.notice_received and self.cues.notice_received.search(folded)):
            return None
        return next(iter(named)) if len(named) == 1 else ""

    def _received_from(self, folded: str) -> str | None:
        """ "mise en demeure du CDG reçue le …": a notice received, named with its sender right after it."""
        receipt = self.cues.date_cues.get("receipt")
        if receipt is None or not receipt.search(folded):
            return None
        for notice in self.cues.date_cues["formal_notice"].finditer(folded):
            if agent := AGENT.match(folded, notice.end()):
                for party, pattern in self.cues.parties.items():
                    if party != "commune" and pattern.match(folded, agent.end()):
                        return party
        return None

    def letter(self, letter: DateMention, signature: date, received: bool = False, today: date | None = None) -> str:
        """Is a letter sent (or received) on that day in time? It must have REACHED the others by the deadline. A day
        written without a year is said; a letter sent is near today ("le courrier partira le 15 décembre"), one
        received is past."""
        if not letter.assumed_year or letter.value is None:
            return self._letter(letter, signature, received)
        if today is not None and not received:
            letter = replace(letter, value=nearest_year(letter.value, today))
        return f"{self._letter(letter, signature, received)} {assumed_year(letter)}"

    def _letter(self, letter: DateMention, signature: date, received: bool) -> str:
        assert letter.value is not None
        d = compute_deadlines(signature, letter.value)
        text = ""
        if received:
            verdict = (
                "trop tard" if d.notice_passed else f"dans les délais pour l'échéance du {format_date(d.period_end)}"
            )
            text = f"Lettre reçue le {format_date(letter.value)} : {verdict}"
            if not d.notice_passed:
                return (
                    f"{text}, si chacune des autres parties l'a reçue au plus tard le "
                    f"{format_date(d.notice_deadline)} (article 6 : « avoir averti les autres parties … au moins "
                    "trois (3) mois avant l'échéance »)."
                )
        if d.notice_passed:
            return (
                (text if received else f"Lettre envoyée le {format_date(letter.value)} : trop tard")
                + f" pour l'échéance du {format_date(d.period_end)}, dont la date limite était le "
                f"{format_date(d.notice_deadline)}. La convention est reconduite tacitement (article 3). Pour "
                f"l'échéance suivante, le {format_date(d.open_end)}, la lettre doit être reçue au plus tard le "
                f"{format_date(d.open_notice)}."
            )
        return (
            f"Lettre envoyée le {format_date(letter.value)}, pour l'échéance du {format_date(d.period_end)} : "
            f"elle est dans les délais si les autres parties l'ont reçue au plus tard le "
            f"{format_date(d.notice_deadline)}. L'article 6 demande qu'elles aient été averties au moins trois "
            f"mois avant l'échéance, sans dire si l'envoi suffit : par prudence, c'est la date de réception (l'accusé de "
            "réception) qu'il faut compter."
        )
