"""The role of each date of a message (signature, letter, receipt, formal notice, today…), read from
the words before it (knowledge/calculations.yaml, `date_roles:`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..deadlines import DateMention
from .base import Calculator

ROLE_REACH = 80  # characters before a date where its role is looked for
_SENTENCE_END = re.compile(r"[.;!?]")


@dataclass(frozen=True)
class Role:
    """A date with the role the words before it give it; `assumed` when no word said it."""

    mention: DateMention
    role: str
    assumed: bool = False


class DateRoles(Calculator):
    """Gives each date of a message its role."""

    def roles(self, folded: str, mentions: list[DateMention]) -> list[Role]:
        """Each date's role: the nearest cue before it, else the role of the date before it."""
        roles: list[Role] = []
        previous_end = 0
        for mention in mentions:
            window = folded[max(previous_end, mention.start - ROLE_REACH) : mention.start]
            role = _nearest(window, self.cues.date_cues) or _nearest(window, self.cues.weak_cues)
            if role == "signature" and self._signs_other(window):
                role = "other"  # "le devis signé le 20/10": the signature of another document
            role = next(
                (r for r in self.cues.overrides.get(role or "", ()) if self.cues.date_cues[r].search(window)), role
            )
            if role:
                roles.append(Role(mention, role))
            elif roles and roles[-1].role == "signature" and self._continues_signatures(window):
                # a list of signatures: "le CDG le 14/10, La Fibre le 17/11"
                roles.append(Role(mention, "signature", roles[-1].assumed))
            elif not any(item.role == "signature" for item in roles):
                roles.append(Role(mention, "signature", assumed=True))
            previous_end = mention.start + len(mention.text)
        if any(item.role == "signature" and not item.assumed for item in roles):
            # A named signature anywhere: a date without a cue is not read as one ("résilier au 31/12, signée le …").
            roles = [item for item in roles if not (item.role == "signature" and item.assumed)]
        return [item for item in roles if item.role != "other"]

    def _continues_signatures(self, window: str) -> bool:
        """Does a date without a cue go on a list of signatures? Not across a sentence unless a party is
        named ("Le CDG l'a signée le 12/11. La Fibre le 19/11"), never after a termination word ("; nous
        souhaitons que la résiliation prenne effet au 15/09/2027")."""
        if self.cues.termination.search(window):
            return False
        return not _SENTENCE_END.search(window) or any(p.search(window) for p in self.cues.parties.values())

    def _signs_other(self, window: str) -> bool:
        """Is the last signing word of `window` about another document ("le devis … signé", "l'avenant signé")?

        It is when another document's name comes after the last name of the convention itself."""
        signing = list(self.cues.date_cues["signature"].finditer(window))
        other = self.cues.date_cues.get("other")
        if not signing or other is None:
            return False
        before = window[: signing[-1].start()]
        last_other = max((m.end() for m in other.finditer(before)), default=-1)
        last_convention = (
            max((m.end() for m in self.cues.convention.finditer(before)), default=-1) if self.cues.convention else -1
        )
        return last_other > last_convention


def _nearest(window: str, patterns: dict[str, re.Pattern[str]]) -> str | None:
    """The role whose cue ends nearest the end of `window`."""
    best: tuple[int, str] | None = None
    for role, pattern in patterns.items():
        for match in pattern.finditer(window):
            if best is None or match.end() > best[0]:
                best = (match.end(), role)
    return best[1] if best else None
