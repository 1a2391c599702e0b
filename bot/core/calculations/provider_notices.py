"""The notice the CDG 62 or La Fibre Numérique 59 62 gives (Article 6): it may end the convention at any time, its
registered letter reaching the other parties at least three months before the end."""

from __future__ import annotations

from datetime import date

from ..answer import Answer
from ..calendar_text import RECEIPT_READING
from ..date_mentions import DateMention
from ..deadlines import NOTICE, compute_deadlines, format_date
from ..french import fold
from ..number_text import digits
from .base import Calculator, Context
from .cues import optional
from .date_roles import Role
from .year_notes import assumed_year


class ProviderNotices(Calculator):
    """The answers about the notice a provider gives."""

    def __init__(self, context: Context) -> None:
        super().__init__(context)
        self._period_end_asked = optional(self.words.provider_period_end_words)  # "à l'issue de la première période"

    def provider_notice(self, question: str, roles: list[Role], actor: str, today: date) -> Answer | None:
        """The CDG 62 or La Fibre ends it at any time, its letter arriving at least three months before the end:
        the last day for that letter when the message gives the end, else the earliest end after its letter."""
        targets = [r.mention for r in roles if r.role in ("end", "anniversary") and r.mention.value]
        letters = [r for r in roles if r.role in ("receipt", "letter") or (r.role == "signature" and r.assumed)]
        name = self.words.parties[actor].name if actor in self.words.parties else actor  # or who it is, said
        text = (
            f"{name[:1].upper()}{name[1:]} peut résilier la convention à tout moment, en ayant averti les autres "
            "parties par lettre recommandée avec accusé de réception au moins trois mois avant l'échéance (article 6 : "
            "« au moins trois (3) mois avant l'échéance »)."
        )
        if targets:
            return self._provider_end(question, text, targets[-1], [r for r in letters if not r.assumed], today)
        # The day it was received counts, whatever date the letter bears ("reçu le 2 février un courrier daté du 28
        # janvier"): the latest receipt said, else the last letter said so, else the last date ("… son recommandé le 14
        # décembre 2026 ? Ma collègue dit un mois de préavis, donc le 14 janvier.": the letter's, not the claim's)
        received = [r for r in letters if r.role == "receipt" and r.mention.value]
        letters = [r for r in letters if not r.assumed] or letters
        letter = max(received, key=lambda r: r.mention.value) if received else letters[-1] if letters else None
        if letter is None or letter.mention.value is None:
            return self._period_end(question, text, roles, today)
        mention = letter.mention
        end = mention.value + NOTICE  # type: ignore[operator]
        if letter.role == "letter":  # "le recommandé partira le 01/12": sent, its receipt comes later
            text += (
                f" Pour une lettre envoyée le {format_date(mention.value)}, la convention peut "  # type: ignore[arg-type]
                f"prendre fin au plus tôt trois mois après sa réception par les autres parties : le {format_date(end)} "
                f"si elle arrive le jour même, quelques jours plus tard en pratique ({RECEIPT_READING})."
            )
        else:
            text += (
                f" Pour une lettre reçue le {format_date(mention.value)}, la "  # type: ignore[arg-type]
                f"convention peut prendre fin au plus tôt le {format_date(end)}, trois mois après"
            )
            text += (  # a date no word said was the receipt's
                f". J'ai supposé que le {mention.value:%d/%m/%Y} est le jour où la lettre vous a été remise (l'accusé de "
                f"réception) : {RECEIPT_READING}."
                if letter.role != "receipt"
                else f", non la date du courrier ({RECEIPT_READING})."
            )
        text += " Si le courrier donne une date de fin plus lointaine, c'est elle qui vaut."
        if mention.assumed_year:
            text += " " + assumed_year(mention)
        return self._provider_answer(question, text)

    def _period_end(self, question: str, text: str, roles: list[Role], today: date) -> Answer | None:
        """Neither its letter nor its end said, the end of a period asked and the signature told ("à l'issue de la première
        période, la convention signée le 20 juin 2025"): the current period's end (article 3) is the one its letter precedes."""
        signed = [r.mention.value for r in roles if r.role == "signature" and not r.assumed and r.mention.value]
        if not (signed and self._period_end_asked and self._period_end_asked.search(digits(fold(question)))):
            return None
        end = compute_deadlines(max(signed), today).period_end
        text += f" Signée le {format_date(max(signed))}, la convention finit sa période de deux ans en cours (article 3) le "
        return self._provider_end(question, f"{text}{format_date(end)}.", DateMention("", end), [], today)

    def _provider_end(
        self, question: str, text: str, target: DateMention, letters: list[Role], today: date
    ) -> Answer | None:
        """The end the CDG 62 or La Fibre wants: its letter's last day, and whether the one received is in time."""
        assert target.value is not None
        latest = target.value - NOTICE
        text += (
            f" Pour une fin le {format_date(target.value)}, la lettre doit être reçue par les autres parties au plus "
            f"tard le {format_date(latest)} (trois mois avant)."
        )
        # the day it was received counts, not the date the letter bears ("reçu le 2 octobre une lettre datée du 28
        # septembre"); a letter only sent arrives later
        received = [r.mention.value for r in letters if r.role == "receipt" and r.mention.value]
        sent = [r.mention.value for r in letters if r.role != "receipt" and r.mention.value]
        if day := max(received, default=None) or (sent[-1] if sent else None):
            said = f" Lettre {'reçue' if received else 'envoyée'} le {format_date(day)}"
            if day > latest:
                text += (
                    f"{said} : trop tard pour le {target.value:%d/%m/%Y} ; la convention ne peut prendre fin qu'à partir "
                    f"du {format_date(day + NOTICE)}, trois mois après sa réception"
                    + ("." if received else f" si elle arrive le jour même ({RECEIPT_READING}).")
                )
            else:
                text += (
                    f"{said} : dans les délais."
                    if received
                    else f"{said} : dans les délais si les autres parties l'ont reçue au plus tard le "
                    f"{format_date(latest)} ({RECEIPT_READING})."
                )
        elif latest < today:
            text += (
                f" Cette date est passée : une lettre reçue aujourd'hui ({today:%d/%m/%Y}) permettrait une fin au plus "
                f"tôt le {format_date(today + NOTICE)}."
            )
        if target.assumed_year:
            text += " " + assumed_year(target)
        return self._provider_answer(question, text)

    def _provider_answer(self, question: str, text: str) -> Answer:
        terms = self.matcher.question_terms(self.words.termination_quote_words.get("provider", ""))
        return Answer(question, True, "calculation", text, (self.cite(self.termination_clause, terms),), 1.0)
