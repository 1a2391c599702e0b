"""Which provider writes a message as "nous" ("Au CDG 62, nous voulons résilier", "Service juridique de La Fibre …"):
its "nous" is that provider, never the collectivité. The patterns that may match anywhere in the message are searched
in its context once for all its questions (rescan.SentenceSearch: no word they read holds a sentence's mark)."""

from __future__ import annotations

import re

from ..calculation_schema import CalculationsFile
from ..rescan import SentenceSearch
from .cues import Cues, cue_pattern

PROVIDERS = ("cdg", "fibre")  # the parties that may write as "nous" besides the collectivité
SIGNATURE_REACH = 200  # characters at a message's end where its signature is looked for


class Speaker:
    """The provider a message's "nous" is, if any."""

    def __init__(self, cues: Cues, words: CalculationsFile, reporting_verbs: list[str]) -> None:
        said = [*words.speaker_words, *words.writer_words, *(c for p in words.parties.values() for c in p.cues)]
        if any(re.search(r"[.!?]", word) for word in [*said, *reporting_verbs]):
            raise ValueError("a word of a party, its service or a reporting verb holds a sentence's mark")
        # (the patterns' own characters: a mark opens the speaker's `after`, a full stop may close the writer's
        # `start`, matched at the text's start only)
        self._speaking = [(party, start, SentenceSearch(after)) for party, (start, after) in cues.speaker.items()]
        self._writing = [
            (party, start, SentenceSearch(aside), signed) for party, (start, aside, signed) in cues.writer.items()
        ]
        # "la mairie de X nous demande : …": a question relayed, whose "nous" is not the signature's
        self._reporting = SentenceSearch(cue_pattern(reporting_verbs).compiled)

    def __call__(self, folded: str) -> str | None:
        for party, start, after in self._speaking:  # each searched until a provider is found
            if party in PROVIDERS and (start.match(folded) or after.search(folded)):
                return party
        tail = max(0, len(folded) - SIGNATURE_REACH)  # where a signature is looked for
        for party, start, aside, signed in self._writing:
            signs = signed.search(folded, tail) and not self._reporting.search(folded)
            if party in PROVIDERS and (start.match(folded) or aside.search(folded) or signs):
                return party
        return None
