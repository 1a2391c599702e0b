"""Where a message says who writes it (knowledge/calculations.yaml, `writer_words`): a provider's service writing
as "nous" is that provider, never the collectivité."""

from __future__ import annotations

import re

SIGNATURE_REACH = 200  # characters at a message's end where its signature is looked for


def writer_patterns(openers: str, party: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Where a message names its writer: at its start (after a greeting), a service of `party` or `party` then its
    service, up to a colon or a full stop; anywhere, `party` in brackets after "nous" or "notre côté"; at its end,
    the signature ("Cordialement, Service financier – La Fibre Numérique 59 62"), opening its sentence (the third
    pattern: a signature does not say whose "nous" a relayed question is)."""
    named = rf"(?:{party})[a-z]*[\s\d]*"
    start = rf"(?:[a-z]+,\s*)?(?:(?:{openers})\s+(?:de la |du |de |d')?{named}|{named},\s*(?:{openers})[a-z ]*)\s*[.:]"
    dash = r"\s*[-\u2013\u2014,:]\s*"
    signed = (
        rf"[.!?,;]\s*(?:(?:le |la |l')?(?:{openers})[a-z ]*?(?:{dash}|\s+de la |\s+du |\s+de |\s+d')?{named}[^.?!]{{0,40}}"
        rf"|{named}{dash}(?:{openers})[a-z ]*)$"
    )
    return re.compile(start), re.compile(rf"(?:nous|notre cote)\s*\(\s*{named}\)"), re.compile(signed)


class Writer:
    """Who writes a message, when a provider does."""

    def __init__(
        self,
        speaking: dict[str, tuple[re.Pattern[str], re.Pattern[str]]],
        writing: dict[str, tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]],
        reporting: re.Pattern[str],
    ) -> None:
        self._speaking, self._writing = speaking, writing
        self._reporting = reporting  # "la mairie de X nous demande : …": a question relayed, "nous" not the signature's

    def of(self, folded: str) -> str | None:
        """The provider that writes as "nous" ("Au CDG 62, nous voulons résilier", "Service juridique de La Fibre …")."""
        speaking = (
            party for party, (start, after) in self._speaking.items() if start.match(folded) or after.search(folded)
        )
        writing = (
            party
            for party, (start, aside, signed) in self._writing.items()
            if start.match(folded)
            or aside.search(folded)
            or (signed.search(folded, max(0, len(folded) - SIGNATURE_REACH)) and not self._reporting.search(folded))
        )
        return next((party for party in (*speaking, *writing) if party in ("cdg", "fibre")), None)
