"""The role of each date of a message (signature, letter, receipt, formal notice, today, an invoice's due
date, the day a termination takes effect…), read from the words around it (knowledge/calculations.yaml,
`date_roles:`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..date_mentions import DateMention
from ..folding import folded_start
from .base import Calculator, Context
from .cue_roles import first as _first
from .cue_roles import nearest as _nearest
from .date_lists import SENTENCE_END, SENTENCE_MARKS, DateLists
from .document_roles import CLAUSE_END, FAR_REACH, ROLE_REACH, DocumentRoles

ROLE_CACHE_SIZE = 64  # the dates of one message (a cache kept across messages would only serve repeated messages)
_UNKNOWN = "?"  # not a role: `_role` gives a role's name or None
_Known = dict[tuple[int, str, int, int], tuple[str, str | None]]  # a shared context's dates, read once (`_read`)
_QUALIFIER = re.compile(r"[a-z]*\s*(?:de|d')\s*")  # the end of a cue's word, then "de": "lettre de résiliation"
_LIST_MARK = re.compile(r"[–•:]|\s-\s")  # what opens a list's item or a heading's words
_HEADS = re.compile(r"[ \t]*:[ \t]*(?=\w)")  # "- 9 février 2026 : signature du maire ;": the date heads its item
_ITEM_END = re.compile(f"[{SENTENCE_MARKS}\n]")  # a dated list's item ends with its sentence or its line


@dataclass(frozen=True)
class Role:
    """A date with the role the words before it give it; `assumed` when no word said it."""

    mention: DateMention
    role: str
    assumed: bool = False


class DateRoles(Calculator):
    """Gives each date of a message its role."""

    def __init__(self, context: Context) -> None:
        super().__init__(context)
        # A bounded cache of `_role` by the words around a date: the parts of a long message are read each
        # with the message's context, whose dates (and their words) are then the same, and so is their role.
        self._roles: dict[tuple[str, str, str], str | None] = {}
        self._context: tuple[str, _Known] = ("", {})
        self.documents = DocumentRoles(context)  # a date's cue said of another document (a quote, an invoice)
        self.lists = DateLists(context)  # a date no cue names on the list of the one before, or an event to come

    def __getstate__(self) -> dict[str, object]:
        return {**self.__dict__, "_roles": {}, "_context": ("", {})}  # a pickled engine carries no message

    def roles(
        self, folded: str, mentions: list[DateMention], *, other: bool = False, today: date | None = None
    ) -> list[Role]:
        """Each date's role: the nearest cue before it, else the role of the date before it.

        Dates of another event (a meeting, an invoice: role `other`) are left out unless `other` is asked. With
        `today`, a date to come after a signature already made is not one more signature ("signée le 10/05/2025.
        Nous voterons le 15/03/2027"): it is another event's."""
        roles: list[Role] = []
        previous_end = 0
        last, known = self._context  # one read: another thread may set it in between
        if last is not (shared := folded_start(folded)):  # the context a message's questions share: read once
            self._context = (shared, (known := {}))
        inside = len(shared) - self.words.after_reach  # a date ending before reads no word past the context
        for index, mention in enumerate(mentions):
            following = mentions[index + 1] if index + 1 < len(mentions) else None
            end = mention.start + len(mention.text)
            item = self._item(folded, mention, following)
            window, role = self._read(folded, mention, previous_end, following, known if end <= inside else {}, item)
            if role == "signature" and self.lists.closes_period(window):  # "… signature, … et on a jusqu'au 14/01"
                roles.append(Role(mention, "other"))  # never signed "jusqu'au"
            elif role:
                roles.append(Role(mention, role))
            elif self.lists.closes_period(window):  # "court jusqu'au 15/01/2027": the period's end, never signed
                own = self.sentence_break.split(window)[-1]
                roles.append(Role(mention, "anniversary" if self._names_convention(own) else "other"))
            elif self.lists.to_come(mention, roles, today):
                roles.append(Role(mention, "other"))  # "Signée le 10/05/2025. Nous voterons le 15/03/2027"
            elif (
                roles
                # "signée le 10/03/2025 et hier, le maire …": no signature, unless a party names it ("et par nous hier")
                and (not mention.relative or any(party.search(window) for party in self.cues.parties.values()))
                and not self.lists.goes_on_no_list(folded, end, window)
                and (head := self.lists.list_head(window, roles, roles[-1].mention is mentions[index - 1]))
            ):
                roles.append(Role(mention, head.role, head.assumed))
            elif not mention.relative and not any(item.role == "signature" for item in roles):
                roles.append(Role(mention, self.lists.assumed_role(folded, mention), True))  # never "dans 30 jours"
            # the words a date heads are its own, never the next date's ("4 mars 2026 : signature du CDG ; 30 avril 2026 :
            # première facture"), unless they run on to it ("le 24/11 : convention entrée en vigueur le 10/02/2026")
            previous_end = end + (len(item) if not following or end + len(item) < following.start else 0)
        receipts = any(item.role == "receipt" for item in roles)
        if receipts and not (
            (self.cues.letter and self.cues.letter.search(folded)) or self.cues.termination.search(folded)
        ):
            # "On a reçu le matériel le 15 avril 2025": no letter, no ending told, nothing received is a notice
            roles = [Role(item.mention, "other") if item.role == "receipt" else item for item in roles]
        if any(item.role == "signature" and not item.assumed for item in roles):
            # A named signature anywhere: a date without a cue is not read as one ("résilier au 31/12, signée le …").
            roles = [item for item in roles if not (item.role == "signature" and item.assumed)]
        return roles if other else [item for item in roles if item.role != "other"]

    def _read(
        self,
        folded: str,
        mention: DateMention,
        previous_end: int,
        following: DateMention | None,
        known: _Known,
        item: str = "",
    ) -> tuple[str, str | None]:
        """The words before a date and the role they give it; kept in `known` if they all lie in a shared context."""
        key = (mention.start, mention.text, previous_end, following.start if following else -1)
        if (found := known.get(key)) is None:
            window = self.lists.without_weekday(folded[max(previous_end, mention.start - ROLE_REACH) : mention.start])
            window += "le " if mention.relative else ""  # "reçu avant-hier" stands where "reçu le 26/11" would
            # Past the previous date, within its clause: "la facture du 15/09 est arrivée à échéance le 15/10".
            wide = CLAUSE_END.split(folded[max(0, mention.start - ROLE_REACH) : mention.start])[-1]
            after = self._after(folded, mention, following)
            # its sentence further back: "mis en demeure le CDG …, par courrier recommandé reçu le" (an overriding role)
            sentence = self.sentence_break.split(folded[max(0, mention.start - FAR_REACH) : mention.start])[-1]
            role = self._cached_role(window, wide, after, sentence)
            # no word before it since its list's mark: the first cue of the item it heads ("9 février : signature"), not
            # a heading's ("Objet : possibilité de résiliation\nRappel des faits : – 21 août : mise en demeure …")
            if item and (role is None or not self._cue_role(_LIST_MARK.split(window)[-1])):
                role = _first(item, self.cues.date_cues) or _first(item, self.cues.weak_cues) or role
            role = (role == "signature" and self.documents.signed_since(folded, previous_end, mention.start)) or role
            role = role or self.lists.signature_block(folded, mention.start + len(mention.text))
            role = role or (None if after else self.documents.said_after_own(folded, mention, following))
            if role is None and previous_end < mention.start - ROLE_REACH:
                # its sentence's cue, further back: "la mise en demeure …, qui …, elle a été remise … le 2 septembre"
                far = folded[max(previous_end, mention.start - FAR_REACH) : mention.start]
                if (own := self.sentence_break.split(far)[-1]) != self.sentence_break.split(window)[-1]:
                    window, role = own, self._cached_role(own, own, after, own)
            found = known[key] = (window, role)
        return found

    def _cached_role(self, window: str, wide: str, after: str, sentence: str) -> str | None:
        key = (window, wide, after, sentence)
        role = self._roles.get(key, _UNKNOWN)  # one read: another thread may empty the cache in between
        if role is _UNKNOWN:
            role = self._role(window, wide, after, sentence)
            if len(self._roles) >= ROLE_CACHE_SIZE:
                self._roles.clear()
            self._roles[key] = role
        return role

    def _role(self, window: str, wide: str, after: str, sentence: str) -> str | None:
        """The role the words before a date (`window`) give it, or one overriding it (in its `sentence`, or `after`)."""
        own = self.sentence_break.split(window)[-1]  # its sentence: "signé … en 2025. Le 12 novembre, le technicien …"
        role = self._cue_role(own)
        role = (self.lists.act_of_setting(sentence) or role) if role == "other" else role  # "… lors d'une réunion le"
        if role is None and self.cues.other_contract(f"{sentence} {after}"):
            return "other"  # "Le club a un contrat avec son propre fournisseur jusqu'au 31 mars.": that contract's
        clause = own.rpartition(";")[2]
        if role and clause != own and not self._cue_role(clause):
            # "le CDG devait installer le logiciel ; le 14/09, le maire a remis une mise en demeure": the cue before the
            # semicolon is the other clause's, the date's own names it after it
            later = next((r for r in self.cues.overriding if self.cues.date_cues[r].search(after)), None)
            role = later or self.documents.said_after(after) or role
        if role == "other":
            role = self.documents.of_the_document(window) or role  # "la date d'exigibilité de la facture était le"
        # "le devis signé le 20/10"; a cue in an earlier clause said in it: "(devis signé de 900 €), … Date 02/10/2026"
        if role and (
            taken := self.documents.of_other_document(wide, role)
            or self.documents.of_other_document(window, role, True)
            or self.documents.of_bracketed_document(after, role)
            or self._document_date(sentence, role)
        ):
            role = taken
        if role != "signature" and self.lists.all_parties(own) and self._cue_role(own) == "signature":
            # "le conseil a voté le 29 août et tout le monde a signé le": no council's act; "un avenant signé par …": its own
            role = self.documents.of_other_document(own, "signature") or "signature"
        if self.lists.copy_dated(window, sentence):
            role = "signature"  # "l'exemplaire … nous est revenu daté du": the date it bears, whatever journey is told
        elif role in ("signature", "receipt", "letter") and self.lists.copy_received(window, role):
            role = "other"  # "nous avons reçu l'exemplaire signé par tous le 2 septembre": the copy's arrival
        if self._takes_effect(window):
            role = "end"  # "mettre fin à la convention au 31/03/2027": the day it ends, never a signature
        if role in (None, "letter") and self.lists.reminds(after):
            return "other"  # "Le 6 octobre, second courrier rappelant la mise en demeure": no new notice
        overriding = self.cues.overrides.get(role, ()) if role else self.cues.overriding
        return next(
            (r for r in overriding if any(self.cues.date_cues[r].search(t) for t in (window, sentence, after))),
            role or self.documents.said_after(after),  # "le 20/11/2026, nous avons reçu un courrier"
        )

    def _document_date(self, sentence: str, role: str) -> str | None:
        """The role a cue takes when its sentence is about another document named further back, if that role is one of
        the document's own dates ("Facture n° F-1187 datée du 16/12, déposée le 18/12, date d'échéance : 15/01": its
        due date): `sentence_document_roles` only, not a date set aside as another event's ("Délibération le 07/04,
        signature le 15/05") nor the convention's signing told with its letter ("résilié … par lettre, signée le")."""
        taken = self.documents.of_other_document(sentence, role)
        return taken if taken in self.words.sentence_document_roles else None

    def _names_convention(self, sentence: str) -> bool:
        """Does `sentence` name this convention, not another contract ("la convention", not "le contrat du copieur")?"""
        this = self.cues.this_convention
        return bool(this and this.search(sentence)) and not self.cues.other_contract(sentence)

    def _cue_role(self, text: str) -> str | None:
        """The role of the nearest cue of `text` (a weak cue's only when no other is there)."""
        return _nearest(text, self.cues.date_cues) or _nearest(text, self.cues.weak_cues)

    def _item(self, folded: str, mention: DateMention, following: DateMention | None) -> str:
        """The words a date heads, with the colon after it, to its item's end ("" if it heads none): "9 février 2026 :
        signature du maire" in a dated list."""
        start = mention.start + len(mention.text)
        if not (head := _HEADS.match(folded, start)):
            return ""
        stop = following.start if following else len(folded)
        return folded[start : head.end()] + _ITEM_END.split(folded[head.end() : stop])[0]

    def _after(self, folded: str, mention: DateMention, following: DateMention | None) -> str:
        """The words after a date, to the sentence end ("reçu le 02/10 une mise en demeure" names it after), not the next
        date's own ("lettre reçue le 15/11 suite à la mise en demeure du 01/08")."""
        start = mention.start + len(mention.text)
        if SENTENCE_END.search(mention.text[-1:]):
            return ""  # "… jusqu'au 31 mars. A compter de la réception, …": its sentence ends with it
        stop = min(start + self.words.after_reach, following.start if following else len(folded))
        text = SENTENCE_END.split(folded[start:stop])[0]
        if following and start + len(text) >= following.start and _nearest(text, self.cues.date_cues):
            return ""
        return text

    def _takes_effect(self, window: str) -> bool:
        """Is the date the day a termination takes effect? A termination word, then no other date cue and no
        sentence end, then a link right before the date ("résilier pour le", "la résiliation à compter du")."""
        strong = bool(self.cues.end_link and self.cues.end_link.search(window))
        if not strong and not (self.cues.end_link_weak and self.cues.end_link_weak.search(window)):
            return False
        verbs = list(self.cues.termination.finditer(window))
        if not verbs:
            return False
        done = self.cues.date_cues.get("letter")
        if not strong and done and any(m.start() <= verbs[-1].start() < m.end() for m in done.finditer(window)):
            return False  # "La Fibre a résilié la convention le 20/11": its letter's date, not the end
        before, since = window[: verbs[-1].start()], window[verbs[-1].end() :]
        cues = (*self.cues.date_cues.values(), *self.cues.weak_cues.values())
        cue_end = max((m.end() for pattern in cues for m in pattern.finditer(before)), default=-1)
        if cue_end >= 0 and _QUALIFIER.fullmatch(before[cue_end:]):
            return False  # "lettre recommandée de résiliation le 02/12": the letter's date, not the end
        moved = self.cues.copy_moved  # "le recommandé annonçant la résiliation est arrivé le": the letter's journey
        return not (
            SENTENCE_END.search(since)
            or _nearest(since, self.cues.date_cues)
            or _nearest(since, self.cues.weak_cues)
            or (moved and moved.search(since))
        )
