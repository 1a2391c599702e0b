"""Which date a date without a cue goes on the list of: the one before it ("le CDG le 14/10, La Fibre le 17/11"), or,
past an aside's date, the last one of a role ("la commune a signé le 3 juillet (délibération du 30 juin), le CDG le 10
juillet"). DateLists (date_lists.py) is built on it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .base import Calculator, Context
from .cues import optional

if TYPE_CHECKING:
    from .date_roles import Role

_LETTER = re.compile("[a-z]")  # a linking word, not a sign ("," "+")
LIST_LINK_WORDS = 4  # words besides a party that may go on a list past a sentence's end ("puis par la Fibre le")
SENTENCE_MARKS = ".;!?"  # what ends a sentence, for a date's role
SENTENCE_END = re.compile(f"[{SENTENCE_MARKS}]")  # (date_roles.py too)


class ListHeads(Calculator):
    """Reads whether a date without a cue goes on the list of a date before it."""

    def __init__(self, context: Context) -> None:
        super().__init__(context)
        # "…, par le président du CDG 62 le 24 février": who acts for the party, a part of its name on the list
        self._signers = {role: optional(spec.signers) for role, spec in self.words.date_roles.items() if spec.signers}

    def list_head(self, window: str, roles: list[Role], next_to_it: bool) -> Role | None:
        """The date whose list a date without a cue goes on (`goes_on`): the one before it, else, past an aside's
        date (role `other`), the last date of a role before the aside, after a party only ("la commune a signé le
        3 juillet (délibération du 30 juin), le CDG le 10 juillet")."""
        if self.goes_on(window, roles[-1], next_to_it):
            return roles[-1]
        head = next((item for item in reversed(roles) if item.role != "other"), None)
        return head if roles[-1].role == "other" and head and self.goes_on(window, head, False) else None

    def goes_on(self, window: str, before: Role, next_to_it: bool) -> bool:
        """Does the date go on the list of the date `before` (`next_to_it`: no date of no role between them), its
        words before being `window`? Past a date of no role only after a party ("signé le 30/06 juste avant le 14
        juillet, le CDG le 09/07"), never to another event ("en vigueur le 15/09/2025. Le 20/08/2026, une panne …")."""
        spec = self.words.date_roles.get(before.role)
        if not (spec and spec.lists) or not (next_to_it or self.names_party(window, provider=True)):
            return False
        if self.cues.termination.search(window):
            return False  # "; nous souhaitons que la résiliation prenne effet au 15/09/2027": its end
        copy, moved = self.cues.copy, self.cues.copy_moved
        if copy and moved and copy.search(window) and moved.search(window):
            return False  # "signé le 21 août (exemplaire reçu chez nous le 26 août)": a copy's journey, not a signature
        ends = list(SENTENCE_END.finditer(window))
        if not ends and next_to_it:
            # Joined by a linking word ("et par les deux autres parties le"), or by a party or a sign a few words
            # before it: not "(signée le 15 juillet 2025) a subi le 4 novembre 2026", nor "signée le 16/12/2025, on a
            # fêté ça à la galette le 9 janvier 2026"
            links = list(self.cues.addition.finditer(window)) if self.cues.addition else []
            if any(_LETTER.search(link.group()) for link in links):
                return True
            parties = [m.end() for p in self.cues.parties.values() for m in p.finditer(window)]
            joined = max(parties or [link.end() for link in links], default=-1)
            # (who signs for a party said before it, not counted: "…, et par les deux autres parties le")
            signers = self._signers.get(before.role)
            rest = signers.compiled.sub(" ", window[joined:]) if signers else window[joined:]
            return joined >= 0 and len(rest.split()) <= LIST_LINK_WORDS
        # Past a sentence's end, the party and a few links only ("Le CDG l'a signée le 12/11. La Fibre le 19/11"): not
        # "; retour de notre exemplaire en mairie le"; past a date of no role, the same ("(délibération du 30 juin), le
        # CDG le 10 juillet"): not "une panne survenue le 20/09 et déclarée par nos soins à La Fibre le 15/10"
        tail = window[ends[-1].end() :] if ends else window
        named = [p for p in self.cues.parties.values() if p.search(tail)]
        for party in named:
            tail = re.sub(party.pattern + r"[a-z]*[\s\d]*", " ", tail)
        if signers := self._signers.get(before.role):
            tail = signers.compiled.sub(" ", tail)
        return bool(named) and len(tail.split()) <= LIST_LINK_WORDS

    def names_party(self, window: str, *, provider: bool = False) -> bool:
        """Does `window` name a party (`provider`: La Fibre or the CDG 62, not the commune's "nous")?"""
        return any(p.search(window) for name, p in self.cues.parties.items() if not (provider and name == "commune"))
