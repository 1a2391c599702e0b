"""Where a message says who writes it (knowledge/calculations.yaml, `writer_words`): a provider's service writing
as "nous" is that provider, never the collectivité."""

from __future__ import annotations

import re

from ..rescan import SentenceSearch

PROVIDERS = ("cdg", "fibre")  # the parties that may write as "nous" besides the collectivité
SIGNATURE_REACH = 200  # characters at a message's end where its signature is looked for
# the writer's name before her service in a signature ("sandrine poulain facturation – …")
_NAME = r"(?:[a-z-]+ ){1,3}?"


Patterns = tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]


def writer_patterns(openers: str, party: str) -> Patterns:
    """Where a message names its writer: at its start (after a greeting), a service of `party` or `party` then its
    service, up to a colon or a full stop; anywhere, `party` in brackets after "nous" or "notre côté"; at its end,
    the signature ("Cordialement, Service financier – La Fibre Numérique 59 62"), opening its sentence (the third
    pattern: a signature does not say whose "nous" a relayed question is); the fourth, the signature with the writer's
    name before her service ("Sandrine Poulain, Facturation – La Fibre Numérique 59 62": whose "notre technicien" is)."""
    named = rf"(?:{party})[a-z]*[\s\d]*"
    # "Service juridique de La Fibre.", "De : Service juridique du CDG 62." (a forwarded message's sender, see engine)
    start = rf"(?:[a-z]+,\s*)?(?:(?:(?:{openers})\s+){{1,2}}(?:de la |du |de |d')?{named}|{named},\s*(?:{openers})[a-z ]*)\s*[.:]"
    dash = r"\s*[-\u2013\u2014,:]\s*"
    service = rf"(?:le |la |l')?(?:{openers})[a-z ]*?(?:{dash}|\s+de la |\s+du |\s+de |\s+d')?{named}[^.?!]{{0,40}}"
    signed = rf"[.!?,;]\s*(?:{service}|{named}{dash}(?:{openers})[a-z ]*)$"
    by_name = rf"[.!?,;]\s*{_NAME}{service}$"
    aside = re.compile(rf"(?:nous|notre cote)\s*\(\s*{named}\)")
    return re.compile(start), aside, re.compile(signed), re.compile(by_name)


class Writer:
    """Who writes a message, when a provider does. The patterns that may match anywhere in it are searched in the
    context a message's questions share once for all its questions (rescan.SentenceSearch: no word they read holds a
    sentence's mark, checked here; a mark opens the speaker's `after`, a full stop may close a writer's `start`, matched
    at the text's start only)."""

    def __init__(
        self,
        speaking: dict[str, tuple[re.Pattern[str], re.Pattern[str]]],
        writing: dict[str, Patterns],
        reporting: re.Pattern[str],
        words: list[str],
    ) -> None:
        if any(re.search(r"[.!?]", word) for word in words):  # the words the patterns read
            raise ValueError("a word of a party, its service or a reporting verb holds a sentence's mark")
        self._speaking = [(party, start, SentenceSearch(after)) for party, (start, after) in speaking.items()]
        self._writing = [
            (party, start, SentenceSearch(aside), signed) for party, (start, aside, signed, _) in writing.items()
        ]
        self._signing = [(party, start, signed, by_name) for party, (start, _, signed, by_name) in writing.items()]
        # "la mairie de X nous demande : …": a question relayed, whose "nous" is not the signature's
        self._reporting = SentenceSearch(reporting)

    def of(self, folded: str) -> str | None:
        """The provider that writes as "nous" ("Au CDG 62, nous voulons résilier", "Service juridique de La Fibre …")."""
        for party, start, after in self._speaking:  # each searched until a provider is found
            if party in PROVIDERS and (start.match(folded) or after.search(folded)):
                return party
        tail = max(0, len(folded) - SIGNATURE_REACH)  # where a signature is looked for
        for party, start, aside, signed in self._writing:
            signs = signed.search(folded, tail) and not self._reporting.search(folded)
            if party in PROVIDERS and (start.match(folded) or aside.search(folded) or signs):
                return party
        return None

    def signer(self, folded: str) -> str | None:
        """The provider whose signature or opening names the writer, even of a question she relays ("Une commune me
        demande … Notre propre technicien y a passé 6 heures. … Facturation – La Fibre Numérique 59 62"): whose "notre
        technicien" is."""
        tail = max(0, len(folded) - SIGNATURE_REACH)
        return next(
            (
                party
                for party, start, signed, by_name in self._signing
                if party in PROVIDERS
                and (start.match(folded) or signed.search(folded, tail) or by_name.search(folded, tail))
            ),
            None,
        )
