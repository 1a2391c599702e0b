"""Letters and notices (Article 6): a registered letter sent or received in time for an anniversary, a
formal notice left unanswered, and the notice the CDG 62 or La Fibre Numérique 59 62 gives."""

from __future__ import annotations

from datetime import date

from dateutil.relativedelta import relativedelta

from ..answer import Answer
from ..deadlines import DateMention, compute_deadlines, format_date
from .base import TERMINATION_CLAUSE, Calculator
from .date_roles import Role

FORMAL_NOTICE = relativedelta(months=3)  # Article 6: "restée infructueuse durant trois (3) mois"


class Notices(Calculator):
    """The answers about letters and notices."""

    def formal_notice(self, question: str, notice: DateMention, today: date) -> Answer:
        """When a formal notice left unanswered lets a party terminate for breach."""
        assert notice.value is not None
        possible = notice.value + FORMAL_NOTICE
        when = "dès aujourd'hui" if possible <= today else f"à partir du {format_date(possible)}"
        text = (
            f"Mise en demeure du {format_date(notice.value)} : si elle reste infructueuse durant trois mois, la "
            f"résiliation pour manquement est possible {when} (article 6 : « après mise en demeure restée "
            "infructueuse durant trois (3) mois »). Ce droit vaut pour chaque partie, en cas de manquement de "
            "l'une des deux autres parties ; il ne dépend pas de la date anniversaire."
        )
        if notice.assumed_year:
            text += " " + assumed_year(notice)
        if notice.approximate:
            text += (
                f" « {notice.text} » : j'ai compté depuis le {format_date(notice.value)}, une date approchée ; "
                "la date qui compte est celle de la mise en demeure (son accusé de réception) : vérifiez-la."
            )
        terms = self.matcher.question_terms(self.words.termination_quote_words.get("breach", ""))
        return Answer(question, True, "calculation", text, (self.cite(TERMINATION_CLAUSE, terms),), 1.0)

    def notice_to_us(self, folded: str) -> bool:
        """Did the collectivité receive the formal notice? Then its own way out is the anniversary's."""
        return bool(self.cues.notice_received and self.cues.notice_received.search(folded))

    def provider_notice(self, question: str, roles: list[Role]) -> Answer | None:
        """The CDG 62 or La Fibre ends it at any time: at the earliest three months after its letter arrives."""
        letters = [r for r in roles if r.role in ("receipt", "letter") or (r.role == "signature" and r.assumed)]
        if not letters or letters[-1].mention.value is None:
            return None
        mention = letters[-1].mention
        end = mention.value + FORMAL_NOTICE  # type: ignore[operator]
        text = (
            "Le CDG 62 et La Fibre Numérique 59 62 peuvent résilier la convention à tout moment, en ayant averti les "
            "autres parties par lettre recommandée avec accusé de réception au moins trois mois avant l'échéance "
            "(article 6 : « au moins trois (3) mois avant l'échéance »)."
            f" Pour une lettre reçue le {format_date(mention.value)}, la "  # type: ignore[arg-type]
            f"convention peut prendre fin au plus tôt le {format_date(end)}, trois mois après. J'ai supposé que le "
            f"{mention.value:%d/%m/%Y} est le jour où la lettre vous a été remise (l'accusé de réception) : c'est "
            "la réception qui compte. Si le courrier donne une date de fin plus lointaine, c'est elle qui vaut."
        )
        if mention.assumed_year:
            text += " " + assumed_year(mention)
        terms = self.matcher.question_terms(self.words.termination_quote_words.get("provider", ""))
        return Answer(question, True, "calculation", text, (self.cite(TERMINATION_CLAUSE, terms),), 1.0)

    def letter(self, letter: DateMention, signature: date, received: bool = False) -> str:
        """Is a letter sent (or received) on that day in time? It must have REACHED the others by the deadline."""
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
            "mois avant l'échéance : c'est la date de réception (l'accusé de réception) qui compte, pas celle de "
            "l'envoi."
        )


def assumed_year(mention: DateMention) -> str:
    """The note saying which year was assumed for a date written without one."""
    assert mention.value is not None
    return (
        f"« {mention.text} » ne donne pas l'année : j'ai supposé le {format_date(mention.value)}. "
        "Si ce n'est pas la bonne année, écrivez la date complète (par exemple 15/03/2025)."
    )
