"""Deadlines (Articles 3 and 6): the dates of a message, their roles, and the deadline they imply (the
registered letter's last day, the next anniversary), or what is missing to compute it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from ..anchors import Anchors
from ..answer import Answer
from ..calendar_text import early_signature_warning
from ..date_mentions import DateMention, find_dates
from ..deadlines import format_date, from_anniversary, plausibility_problem
from .base import UNKNOWN_DAY, Calculator, Context, asking, letter_alone, refusal, sentence_start
from .calendar_notes import BREACH_TOO, coming_events, not_an_anniversary
from .claimed import ClaimedLetters, verdict
from .date_roles import SENTENCE_MARKS, DateRoles, Role
from .following_days import FollowingDays
from .letter_only import LetterOnly
from .notices import Notices
from .parties import OTHER_CONTRACT, Parties
from .periods import Periods
from .rough_signatures import SaidLast, approximate, month_only, without_earlier_months
from .taken_back import TakenBack
from .termination import COMMUNE_NOT_AT_ANY_TIME
from .year_notes import assumed_year, nearest_year

SIGNER_REACH = 16  # characters before a date where a party names who signed then ("La Fibre le 10/06/2025")


class Dates(Calculator):
    """The deadline questions."""

    def __init__(self, context: Context, parties: Parties, taken_back: TakenBack) -> None:
        super().__init__(context)
        self.parties = parties
        self.date_roles = DateRoles(context)
        self.notices = Notices(context)
        self.letter_only = LetterOnly(context, self.notices)
        self.periods = Periods(self.words.later_periods, self.cues.termination, self.cues.unrelated)
        self.anchors = Anchors(context.knowledge.reading.anchor_words)
        self.claims = ClaimedLetters(context.knowledge.reading.claim_verbs)
        self.following = FollowingDays(self.words.following_days)
        self.taken_back = taken_back  # "le 12 mars, non pardon, le 14 mars": the date taken back
        self.said_last = SaidLast(self.words.date_roles.get("signature"))
        # a question nearest these may ask the calendar of a signature's date
        self.signing_clauses = (*self.calendar_clauses, *self.words.clauses.signing)

    def answer(
        self,
        question: str,
        folded: str,
        terms: list[str],
        near: set[str],
        today: date,
        signature: date | None,
        best: str = "",
    ) -> Answer | None:
        """The deadline a message's dates imply (signature, letter, notice…) if asked; `best`: the question's clause."""
        if not self.reads(near, terms):
            return None  # not about the calendar: its dates are not read
        if (price := self.cues.price_asked) and price.search(asking(folded)) and not self.asks_calendar(folded, terms):
            return None  # "Signée le 10/10/2025. Le tarif est-il le même pour tous ?": a price asked, not the calendar
        parties = self.cues.parties.values()  # "…, le CDG deux jours plus tard": a date of its own
        mentions = self.taken_back.dates(folded, self.following.dated(folded, find_dates(folded, today), parties))
        mentions = self.notices.today.dated(folded, mentions, today)  # "une mise en demeure aujourd'hui"
        told = [m for m in mentions if self.date_roles.lists.assumed_role(folded, m) == "signature"]  # not "ça fait …"
        if (told or signature) and self.parties.other_contract(folded):
            return refusal(question, OTHER_CONTRACT)
        if not (mentions or (signature and self.cues.calendar_terms & set(terms))):
            return None
        if (bad := next((m for m in mentions if m.value is None), None)) and bad.approximate:  # "quelques jours après"
            return Answer(question, True, "calculation", bad.problem + UNKNOWN_DAY, self.calendar_citations(), 1.0)
        if bad:
            return refusal(question, f"{bad.problem}. Écrivez la date sous la forme 15/03/2025.")
        every = self.date_roles.roles(folded, mentions, other=True, today=today)
        roles = [item for item in every if item.role != "other"]
        if not (asked := self.asks_calendar(folded, terms)):
            # A date no word gives a role to is read as the signature only in a question about the calendar:
            # "fusionnées au 1er janvier", "coupée du 13 au 17 novembre" date a situation, not the convention.
            # Nor are days named from today ("signés hier. Combien d'exemplaires ?"): a situation's day, not a calendar.
            roles = [
                item for item in roles if not (item.role == "signature" and item.assumed) and not item.mention.relative
            ]
            # "Convention signée le 10/03/2025. Qui paie si le serveur plante ?": a signature alone, a question
            # nearest another clause, no calendar word: its calendar is not what is asked
            if not roles or (best not in self.signing_clauses and all(item.role == "signature" for item in roles)):
                return None
        # "notre conseil se réunira le 15/03/2027": a coming event, compared with the deadline, never a signature
        events = sorted(
            {r.mention.value for r in every if r.role == "other" and r.mention.value and r.mention.value > today}
        )
        by_role: dict[str, list[Role]] = {}
        for item in roles:
            by_role.setdefault(item.role, []).append(item)
        if self.notices.told_letters(folded, by_role):  # "Mise en demeure … postée le 13, AR signé le 16. …"
            by_role.setdefault("formal_notice", []).extend([*by_role.pop("letter", []), *by_role.pop("receipt", [])])
        stated_today = by_role["today"][-1].mention if "today" in by_role else None
        if stated_today and stated_today.value:  # "on est le 5 décembre": the year nearest the real today
            today = nearest_year(stated_today.value, today) if stated_today.assumed_year else stated_today.value
        sender = self.notices.sender(folded, self.parties.named(folded)) if "formal_notice" in by_role else None
        # of two dates of the notice (sent, returned signed), the later: never a date too early
        notice_mention = _latest(by_role["formal_notice"]) if "formal_notice" in by_role else None
        notice = notice_mention and self.notices.formal_notice(question, notice_mention, today, sender, events)
        if notice and not any(not r.assumed for r in by_role.get("signature", [])):
            return notice
        unsigned = self.date_roles.lists.unsigned(folded, mentions)  # missing, or a day unknown: unless one said last
        if unsigned and not self.said_last.settles(folded, by_role.get("signature", [])):
            return Answer(question, True, "calculation", unsigned, self.calendar_citations(), 1.0)
        if actor := self.parties.provider_actor(folded):
            if notice and (sender == actor or (sender == "" and self.parties.named(folded) == {actor})):
                return notice  # "La Fibre nous a mis en demeure … quand pourra-t-elle résilier ?": its breach route
            # The CDG 62 or La Fibre ending it: not the collectivité's calendar; its letter and its end date.
            # Without its letter or end date, a formal notice the message gives still dates the breach route.
            return self.notices.provider_notice(question, roles, actor, today) or notice
        notes: list[str] = []
        if stated_today and (stated_today.month_only or stated_today.assumed_year):
            notes.append(f"« {stated_today.text} » : j'ai compté les jours depuis le {format_date(today)}.")
        anniversary: date | None = None
        signatures = by_role.get("signature", [])
        signatures = [r for r in signatures if not (r.assumed and r.mention.month_only)]
        signatures = without_earlier_months(signatures)  # "le 20 janvier 2025 (les deux autres en décembre 2024)"
        signatures = self.said_last.of(folded, signatures)  # "LFN a mis la dernière signature le 20/11": not a copy's
        if month_only_said := next((r.mention for r in signatures if r.mention.month_only), None):
            return month_only(question, month_only_said, today, self.calendar_citations())
        if signatures:
            last = max(signatures, key=lambda r: r.mention.value or date.min)
            signature = last.mention.value
            if len(signatures) > 1:
                notes.append(
                    f"La date qui compte est celle de la dernière signature par toutes les parties : le "
                    f"{format_date(last.mention.value)}."  # type: ignore[arg-type]
                )
            if last.assumed and not self._may_be_signed(folded, last.mention):
                # "fermer une rue pendant la brocante du 1er mai ?": a date no word ties to the convention, in a
                # message that never names it, dates something else; never read as its signature.
                return None
            if last.assumed:
                notes.append(f"J'ai lu « {last.mention.text} » comme la date de signature de la convention.")
            if last.mention.assumed_year:
                notes.append(assumed_year(last.mention))
            if last.mention.approximate:
                return approximate(question, last.mention, today, self.calendar_citations())
        elif anniversaries := by_role.get("anniversary") or by_role.get("end"):
            mention = anniversaries[-1].mention
            if anniversaries[-1].role == "end":  # the collectivité ends it at an anniversary only (article 6)
                notes.append(
                    f"J'ai lu le {mention.value:%d/%m/%Y} comme la date anniversaire de la convention : la collectivité "
                    "ne peut la résilier qu'à cette date (article 6). Si ce n'en est pas une, donnez-moi la date de "
                    "la dernière signature."
                )
            anniversary = mention.value
            assert anniversary is not None
            if mention.assumed_year and anniversary < today:
                anniversary = anniversary.replace(year=anniversary.year + 1)
            if mention.assumed_year:
                notes.append(
                    f"J'ai supposé l'échéance du {format_date(anniversary)} ; sinon, écrivez la date complète."
                )
            signature = from_anniversary(anniversary, today).signature
        letters = (by_role.get("letter") or by_role.get("receipt")) if asked and best in self.calendar_clauses else None
        if signature is None and letters:  # not a story's letters ("courriers depuis le 14/01. Une phase amiable ?")
            return self.letter_only.answer(question, folded, roles, letters, today)  # whose letter it is
        if signature is None:
            return None
        if problem := plausibility_problem(signature, today):
            return refusal(question, f"Je ne peux pas calculer : {problem}.")
        if anniversary is None and (warning := early_signature_warning(signature, self.words.earliest_signature)):
            notes.append(warning)
        if anniversary is None and (ends := by_role.get("end")):
            notes.extend(not_an_anniversary(ends[-1].mention, signature))
        letters = [r for r in by_role.get("letter", []) if not self.claims.claimed(folded, r.mention)]
        if claimed := [r.mention for r in by_role.get("letter", []) if r.mention.value and r not in letters]:
            notes.append(verdict(claimed[-1], signature))  # "ma collègue dit qu'on envoie le recommandé le …"
        if receipts := by_role.get("receipt"):  # the day it reached them is the one article 6 reads: the last of all
            body = self.notices.letter(_latest(receipts), signature, received=True)
        elif letters:
            body = self.notices.letter(letters[-1].mention, signature, today=today)
        elif review := self.periods.review(folded, signature, today):  # "quand aura lieu le premier réexamen ?"
            return Answer(question, True, "calculation", "\n".join([review, *notes]), self.review_citations(), 1.0)
        else:  # "si on rate la date limite de 2027 ?": the deadline after it too
            missed = bool(self.cues.missed and self.cues.missed.search(folded))
            lines = [self.periods.calendar(folded, signature, today, anniversary=anniversary, missed=missed)]
            body = "\n".join(lines + coming_events(events, signature, today))
        citations = self.calendar_citations()
        if self.cues.ends_at_once(folded) and self.cues.termination.search(folded):
            body = f"{COMMUNE_NOT_AT_ANY_TIME}\n{body}"  # what is asked is article 6's: quoted first
            citations = tuple(sorted(citations, key=lambda citation: citation.id != self.termination_clause))
        deadline_asked = self.cues.deadline_words and self.cues.deadline_words.search(folded)
        if (route := notice or self.notices.undated(question, folded)) and not deadline_asked and sender is None:
            # The breach route is what is asked (its day, or its three months when the notice's day is not given): the
            # anniversary's dates only when the question asks a deadline.
            text = (
                f"{route.text} La résiliation à la date anniversaire reste aussi possible (articles 3 et 6) : "
                "demandez-moi la date limite de la lettre recommandée si vous la voulez."
            )
            return Answer(question, True, "calculation", text, route.citations, 1.0)
        if notice and sender is None and self._at_the_term(folded):
            # "le maire préfère sortir à l'échéance plutôt que d'attendre l'issue de la mise en demeure": the anniversary's
            # dates are asked; the breach path is only said, its date computed when asked
            assert notice_mention is not None and notice_mention.value is not None
            breach = BREACH_TOO.format(date=format_date(notice_mention.value))
            return Answer(question, True, "calculation", "\n".join([body, *notes, breach]), citations, 1.0)
        if notice:  # a formal notice and a named signature: the breach path and the anniversary's, both
            text = "\n".join([notice.text, "Par ailleurs, pour résilier à la date anniversaire :", body, *notes])
            return Answer(question, True, "calculation", text, (*notice.citations, self.calendar_citations()[0]), 1.0)
        return Answer(question, True, "calculation", "\n".join([body, *notes]), citations, 1.0)

    def reads(self, near: set[str], terms: list[str]) -> bool:
        """Whether `answer` reads a message's dates: a calendar clause is near, or the message says a calendar word."""
        return bool(near & set(self.calendar_clauses) or self.cues.calendar_terms & set(terms))

    def asks_calendar(self, folded: str, terms: list[str] | Callable[[], list[str]]) -> bool:
        """Whether the message asks about the calendar (an end, a renewal, a deadline…); `terms` read only if needed."""
        cues, anniversary, letter = self.cues, self.cues.date_cues.get("anniversary"), self.cues.date_cues.get("letter")
        if any(words and words.search(folded) for words in (cues.termination, cues.deadline_words, anniversary)):
            return True
        terms = terms() if callable(terms) else terms
        return bool(
            cues.calendar_asked_terms & set(terms) or (letter and letter_alone(terms) and letter.search(folded))
        )

    def _at_the_term(self, folded: str) -> bool:
        """Does the message end the convention at its term ("sortir à l'échéance", "à la date anniversaire") and ask a
        deadline, not an early end ("avant l'échéance")?"""
        cues, anniversary = self.cues, self.cues.date_cues.get("anniversary")
        return bool(
            anniversary
            and anniversary.search(folded)
            and cues.deadline_words
            and cues.deadline_words.search(folded)
            and not (cues.early and cues.early.search(folded))
        )

    def _may_be_signed(self, folded: str, mention: DateMention) -> bool:
        """May a date no word gives a role be the signature? Only in a message naming the convention, in a sentence
        that names it or asks ("15/03/2025, jusqu'à quand résilier ?"), or with a party right before it; not in one
        telling another event ("Le 2 novembre quelqu'un s'est introduit dans le réseau. … Comment mettre fin ?")."""
        start = sentence_start(folded, mention.start, SENTENCE_MARKS)
        end = min((e for mark in SENTENCE_MARKS if (e := folded.find(mark, mention.start)) >= 0), default=len(folded))
        sentence = folded[start : end + 1]
        asks = sentence.rstrip().endswith("?") or end >= len(folded.rstrip(" .!")) - 1
        named = self.cues.convention and self.cues.convention.search(sentence)  # "la convention", not "La Fibre"
        # a party right before it signs: "- Aubigny : maire le 03/06/2025, La Fibre le 10/06/2025"
        signer = self.parties.named(folded[max(start, mention.start - SIGNER_REACH) : mention.start])
        return self.anchors.held_by(folded) and (asks or bool(named) or bool(signer))


def _latest(roles: list[Role]) -> DateMention:
    return max((r.mention for r in roles), key=lambda m: m.value or date.min)
