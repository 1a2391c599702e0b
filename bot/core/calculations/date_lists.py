"""A date no cue names: on the list of the date before it ("le CDG le 14/10, La Fibre le 17/11", "la moitié le 10/10
et le reste le 30/10"), or an event to come after a signature already made ("Signée le 10/05/2025. Nous voterons le
15/03/2027")."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from ..calendar_names import calendar_names
from ..date_mentions import DateMention
from ..phrases import alternatives
from ..word_patterns import folded_words, scanned
from .base import UNKNOWN_SIGNATURE, UNSIGNED, Context, sentence_start
from .cue_roles import nearest
from .cues import cue_pattern
from .list_heads import SENTENCE_END, SENTENCE_MARKS, ListHeads

if TYPE_CHECKING:
    from .date_roles import Role

_SINCE_THAT = re.compile(r" qu(?:e(?!\w)|')")  # "ça fait 4 mois que …", "il y a deux ans qu'…"
SINCE_REACH = 80  # characters after such a date where a signing word makes it the signature
SUBJECT_REACH = 12  # characters after a date read for its own subject ("…, on", ", nous")
DAY_RIGHT_AFTER = 10  # characters between "signé plus tard" and the day it names (", le 3 novembre")
_LINE_BREAK = re.compile(r"[ \t]*;[ \t]*")  # a line's end in a calculation's text ("le 03/02/2026 ; pour la fibre")


class DateLists(ListHeads):
    """Reads whether a date without a cue takes the role of the date before it."""

    def __init__(self, context: Context) -> None:
        super().__init__(context)
        # "fermée du 24 décembre au 3 janvier": `period_end_words` then a day, right after the date
        self._period_end = re.compile(rf"\s*(?:{alternatives(self.words.period_end_words)})\s+\d")
        subjects = self.words.date_clause_subjects  # "…, et le 7 nous avons rangé": a date heading its own sentence
        self._own_subject = cue_pattern((), whole=subjects).compiled if subjects else None
        reminders = [*self.words.reminder_words, *self.words.unanswered_words]
        self._reminder = re.compile(rf"\W*(?:{alternatives(reminders)})(?![a-z])")  # right after a date
        signs = self.words.signature_block_words  # on the line below a date
        self._signs_below = cue_pattern(signs).compiled if signs else None
        # "court jusqu'au 15/01/2027": `limit_words` right before the date (its window's end)
        limits = alternatives(self.words.limit_words)
        self._to_come_words = folded_words(self.words.signing_to_come_words)  # searched for first (`scanned`)
        # "je ne sais pas quand les deux autres ont signé": a signing's day the writer does not know
        unknown, roles = self.words.unknown_signature_words, self.words.date_roles
        self._unknown = cue_pattern(unknown).compiled if unknown else None
        self._signing = cue_pattern(roles["signature"].cues).compiled if "signature" in roles else None
        weekdays = "|".join(calendar_names().weekdays)
        self._weekday = re.compile(rf"(?:\ble\s+|\b(?P<article>du|au)\s+)?\b(?:{weekdays})\s*$")
        self._limit = re.compile(rf"(?<![a-z])(?:{limits})\s*(?:le\s+)?$") if self.words.limit_words else None

    def without_weekday(self, window: str) -> str:
        """The words before a date with its weekday read as an article: "reçu lundi 23/11" is "reçu le 23/11" (cues
        ending with "le" read it), "au conseil du mardi 15 décembre" keeps its "du" (never "dû le", a due date)."""
        return self._weekday.sub(lambda m: f"{m['article'] or 'le'} ", window)

    def closes_period(self, window: str) -> bool:
        """Does the date after `window` close a period ("court jusqu'au 15/01/2027", "on a jusqu'au 15/10")?"""
        return bool(self._limit and self._limit.search(window))

    @staticmethod
    def to_come(mention: DateMention, roles: list[Role], today: date | None) -> bool:
        """Is the date to come, right after a signature already made? Then it is another event's, compared with the
        deadline, never one more signature."""
        signed = roles[-1].mention.value if roles and roles[-1].role == "signature" else None
        return bool(mention.value and signed and today and signed <= today < mention.value)

    def assumed_role(self, folded: str, mention: DateMention) -> str:
        """The role of a date no word names, the first of its message: the signature, unless it is counted back from
        today to what has lasted since, no signing word in that clause ("ça fait 4 mois que la messagerie marche une
        fois sur deux": that trouble's start, not the convention's; "ça fait 2 ans qu'on a signé": the signature)."""
        end = mention.start + len(mention.text)
        if not (mention.approximate and _SINCE_THAT.match(folded, end)):
            return "signature"
        clause = SENTENCE_END.split(folded[end : end + SINCE_REACH])[0]
        return "signature" if self._signing and self._signing.search(clause) else "other"

    def reminds(self, after: str) -> bool:
        """Do the words right after a date tell a reminder ("– 6 octobre : relance par courrier simple") or a letter
        left unanswered ("un courrier le 14 octobre, sans aucune réponse": a complaint, no notice of termination)?"""
        return bool((self.words.reminder_words or self.words.unanswered_words) and self._reminder.match(after))

    def signature_block(self, folded: str, end: int) -> str | None:
        """ "signature" when the line below the date ending at `end` names the party signing that day, as the
        convention's signature block prints it ("Le 03/02/2026\nPour La Fibre Numérique 59 62\nLe Président")."""
        below = _LINE_BREAK.match(folded, end)
        signs = below and self._signs_below and self._signs_below.match(folded, below.end())
        return "signature" if signs else None

    def goes_on_no_list(self, folded: str, end: int, window: str) -> bool:
        """Does the date ending at `end`, its words before being `window`, go on no list? So it does when it opens a
        period ("fermée du 24 décembre au 3 janvier"), or heads a sentence of its own, a subject right after it and no
        party before ("signé le 3 juin, et le 7 nous avons rangé les archives"; not "et le CDG le 7, …")."""
        if self._period_end.match(folded, end):
            return True
        after = folded[end : end + SUBJECT_REACH].lstrip(" ,")
        return bool(self._own_subject and self._own_subject.match(after) and not self.names_party(window))

    def unsigned(self, folded: str, mentions: list[DateMention]) -> str:
        """Why no deadline is computed: a signature still missing, or a signing's day the message says it does not
        know (its other dates are not the last signature's); else ""."""
        if self.signature_missing(folded, mentions):
            return UNSIGNED
        return UNKNOWN_SIGNATURE if self._signing_unknown(folded, mentions) else ""

    def _signing_unknown(self, folded: str, mentions: list[DateMention]) -> bool:
        """Does a sentence say the writer does not know when it was signed ("On a signé en septembre ou octobre, je ne
        sais plus", "je ne sais pas quand les deux autres ont signé"), no date right after it ("les deux autres ont
        signé plus tard, le 3 novembre": that day)?"""
        for match in self._unknown.finditer(folded) if self._unknown and self._signing else ():
            start = sentence_start(folded, match.start(), SENTENCE_MARKS)
            found = SENTENCE_END.search(folded, match.end())
            end = found.start() if found else len(folded)
            signing = self._signing.search(folded, start, end)  # type: ignore[union-attr]
            if signing and not any(match.end() <= m.start <= match.end() + DAY_RIGHT_AFTER for m in mentions):
                return True
        return False

    def signature_missing(self, folded: str, mentions: list[DateMention]) -> bool:
        """Is a signature still missing ("La Fibre, on attend toujours leur retour"), or to come on no day said in its
        sentence ("le maire, qui signera ensuite", "signera après son CA du 10 décembre"; not "signera le 3 du mois
        prochain")?"""
        if self.cues.unsigned and self.cues.unsigned.search(folded):
            return True
        to_come = scanned(self.cues.to_come.compiled, folded, self._to_come_words) if self.cues.to_come else ()
        after = self.cues.signing_after  # "signera après son CA du 10 décembre": that day is the meeting's
        return any(
            not any(
                m.start >= s.end()
                and not SENTENCE_END.search(folded, s.end(), m.start)
                and not (after and after.search(folded, s.end(), m.start))
                for m in mentions
            )
            for s in to_come
        )

    def _copy_by_post(self, window: str) -> bool:
        """Is the letter word of `window` a copy's way: in its sentence, a copy then a journey word before it ("Exemplaire
        retour courrier")?"""
        letter, copy, moved = self.cues.date_cues.get("letter"), self.cues.copy, self.cues.copy_moved
        starts = [m.start() for m in letter.finditer(window)] if letter and copy and moved else []
        found = copy.search(sentence := SENTENCE_END.split(window[: starts[-1]])[-1]) if copy and starts else None
        return bool(found and moved and moved.search(sentence, found.end()))

    def copy_received(self, window: str, role: str = "signature") -> bool:
        """Is the signing word of `window` said of a copy received ("avons reçu … l'exemplaire signé par tous le"), or
        of a copy that moved after it in its sentence ("l'exemplaire signé par La Fibre est arrivé hier"), unless the
        date is the one the copy bears ("revenus datés du")? With `role` "receipt": is what was received a copy, named
        nearer the cue than any letter ("courrier de La Fibre avec notre exemplaire reçu le")? "letter": `_copy_by_post`."""
        if role == "receipt":
            return self._copy_nearer(window)
        if role == "letter":
            return self._copy_by_post(window)
        copy = self.cues.copy.search(window) if self.cues.copy else None
        if copy is None or self.copy_dated(window):
            return False
        received = (self.cues.date_cues.get("receipt"), self.cues.after_cues.get("receipt"))
        moved = self.cues.copy_moved
        # ... or sent before it in its clause, no signing word after it ("… ; le CDG 62 nous a renvoyé l'exemplaire
        # scanné par mail le"; not "nous a retourné l'exemplaire signé le", the day it bears)
        clause = SENTENCE_END.split(window[: copy.start()])[-1]
        signing = self.cues.date_cues.get("signature")
        # ... or its journey heading a label ("Retour de l'exemplaire signé en mairie : 27/10/2025"); a journey told after
        # a signing word is said of that signature ("signature de La Fibre (retour du dernier exemplaire) :")
        journey = moved.search(clause) if moved else None
        if journey and signing and signing.search(clause, 0, journey.start()):
            journey = None
        labelled = window.rstrip().endswith(":")
        sent = bool(journey) and (labelled or not (signing and signing.search(window, copy.end())))
        return (
            any(cue and cue.search(window, 0, copy.start()) for cue in received)
            or sent
            or bool(moved and not SENTENCE_END.search(window, copy.end()) and moved.search(window, copy.end()))
        )

    def _copy_nearer(self, window: str) -> bool:
        """Is a copy named in the last clause of `window` after any letter or formal notice named there?"""
        clause = SENTENCE_END.split(window)[-1]
        copies = [m.start() for m in self.cues.copy.finditer(clause)] if self.cues.copy else []
        letters = (self.cues.date_cues.get(role) for role in ("letter", "formal_notice"))
        named = [m.start() for cue in letters if cue for m in cue.finditer(clause)]
        return bool(copies) and max(copies) > max(named, default=-1)

    def copy_dated(self, window: str, sentence: str = "") -> bool:
        """Is the date the one a copy bears ("l'exemplaire signé par La Fibre nous est revenu daté du"): its signing? Not
        a letter's that carried it ("le courrier qui nous retournait notre exemplaire est daté du"). The copy may be
        named in its `sentence` before an earlier date ("reçu leur exemplaire signé le 23/10 mais il est daté du")."""
        dated, letter = self.cues.copy_dated, self.cues.date_cues.get("letter")
        if not (dated and self.cues.copy and dated.search(window)):
            return False
        text = sentence if sentence.endswith(window) else window
        start = max((end.end() for end in SENTENCE_END.finditer(text)), default=0)
        copy = self.cues.copy.search(text, start)
        return bool(copy) and not (letter and letter.search(text, start, copy.start()))

    def act_of_setting(self, sentence: str) -> str | None:
        """The role of the act a meeting is the setting of, in the words of a date's sentence before it ("signature par
        les trois parties, le même jour, lors d'une réunion à Arras le"), or None."""
        settings = list(self.cues.setting.finditer(sentence)) if self.cues.setting else []
        if not settings or nearest(sentence[settings[-1].start() :], self.cues.date_cues) != "other":
            return "signature" if self._signing_at(sentence) else None
        act = nearest(sentence[: settings[-1].start()], self.cues.date_cues)
        return act if act != "other" else None

    def _signing_at(self, sentence: str) -> bool:
        """Is the meeting whose date follows `sentence` where a signature to come is made ("notre maire signera en
        séance, au conseil municipal du"), not after it ("signera après son CA du": that signature's day is unsaid)?"""
        found = list(scanned(self.cues.to_come.compiled, sentence, self._to_come_words)) if self.cues.to_come else []
        after = self.cues.signing_after
        return bool(found) and not (after and after.search(sentence, found[-1].end()))

    def all_parties(self, words: str) -> bool:
        """Do `words` say an act of all the parties ("tout le monde a signé le"): the convention's signing?"""
        return bool(self.cues.all_parties and self.cues.all_parties.search(words))
