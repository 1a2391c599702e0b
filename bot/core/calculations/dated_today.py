"""A date role's act said done today ("si nous envoyons une mise en demeure aujourd'hui"): dated today, as a written day
would be, so that its calculation is made (a formal notice's three months). Only right after the role's cue, in its
clause: "aujourd'hui" alone dates nothing ("combien coûte un recommandé aujourd'hui ?")."""

from __future__ import annotations

import re
from datetime import date

from ..date_mentions import DateMention
from ..phrases import alternatives
from ..role_schema import DateRole

TODAY_REACH = 40  # characters at most between the role's cue and the word saying today, in one clause


class DatedToday:
    """The days a message dates today by a role's `today_words`."""

    def __init__(self, roles: dict[str, DateRole]) -> None:
        clause = rf"[^.;:!?,\n]{{0,{TODAY_REACH}}}?"  # what may stand between the cue and the word, in its clause
        self._patterns = [
            re.compile(
                rf"(?<!\w)(?:{alternatives(spec.cues)}){clause}(?<![\w'])({alternatives(spec.today_words)})(?![\w'])"
            )
            for spec in roles.values()
            if spec.today_words
        ]

    def dated(self, folded: str, mentions: list[DateMention], today: date) -> list[DateMention]:
        """`mentions` with each today word said right after a role's cue, dated `today` (`relative`: no signature)."""
        taken = {mention.start for mention in mentions}
        said = [
            DateMention(found.group(1), today, start=found.start(1), relative=True)
            for pattern in self._patterns
            for found in pattern.finditer(folded)
            if found.start(1) not in taken
        ]
        return sorted([*mentions, *said], key=lambda mention: mention.start) if said else mentions
