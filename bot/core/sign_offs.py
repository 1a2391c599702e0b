"""Whether a sentence opens with a sign-off ("Cordialement", "Dans l'attente de votre réponse"): a signature follows.

Why a module of its own: the test runs on every sentence of a message (fifty in a forwarded e-mail of 4,096
characters), and folding each one to tell was a fifth of cutting a message into sentences. Most sentences open
with a word no sign-off can start, which their ASCII letters tell without folding.
"""

from __future__ import annotations

import re

from .french import fold
from .phrases import phrases_pattern
from .sentence_ends import bare_line

NAME_PIECES, NAME_WORDS = 2, 3  # after a closing line, a name and a function between commas ("Sylvie, secrétaire")
SIGN_OFF_CHARS = 60  # a sign-off opens its sentence and is short ("dans l'attente de votre réponse")
# A clock time in a signature ("14h", "17h30", "9 h", "10:30"; never a date, "15/03/2025", nor "62150 Hesdin")
_CLOCK = re.compile(r"\d{1,2}\s?(?:[hH](?![^\W\d_])|:(?=\d))\s?\d{0,2}")
_LINE_MARKS = " \t,;:.!…-–—"  # around a closing line ("Merci beaucoup,")
_ASCII_MARKS = r"[\x00-\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\x7f]*"  # ASCII characters but letters, digits and "_"


class SignOffs:
    """The sign-offs of knowledge/vocabulary.yaml, found at a sentence's start (folded)."""

    def __init__(
        self, phrases: tuple[str, ...], postscripts: tuple[str, ...] = (), closings: tuple[str, ...] = ()
    ) -> None:
        self._pattern = phrases_pattern(phrases, start=True)
        self._closing = phrases_pattern(closings, start=True) if closings else None  # "Merci beaucoup" alone
        markers = "|".join(re.escape(marker) for marker in sorted(postscripts, key=len, reverse=True))
        # "P.S. :", "PS -", "PPS": a marker as written, then its punctuation; a word after it starts the postscript
        self._postscript = re.compile(rf"(?:{markers})(?![\w.-])[\s:\-–—]*", re.IGNORECASE) if markers else None
        firsts = {re.split(r"[\s\-']+", fold(phrase).strip())[0] for phrase in phrases if phrase.strip()}
        # Where a sign-off may open a sentence, told from its first word when written in ASCII: folding changes no
        # ASCII character but its case, so the folded sentence opens with the same marks, then those letters, where a
        # sign-off's first word must start ("davance" for "d'avance"), or be started by, them ("dès" gives "d", which
        # "dans" starts with); any sentence whose first word is not written in ASCII is folded and tried.
        prefixes = {first[:end] for first in firsts for end in range(1, len(first) + 1)}
        self._may_open = re.compile(
            rf"{_ASCII_MARKS}(?:{_either_case(firsts)}|(?:{_either_case(prefixes)})(?![A-Za-z])|(?=[^\x00-\x7f]))"
            if all(first.isascii() and first.isalpha() for first in firsts)
            else ""  # every sentence tried
        )

    def postscript(self, sentence: str) -> str | None:
        """What a postscript marker opening `sentence` introduces ("" for the marker alone: "P.S."), else None."""
        found = self._postscript.match(sentence) if self._postscript else None
        return sentence[found.end() :] if found else None

    def unfigured(self, text: str) -> str:
        """`text` with the hours of its signature blanked: they are a desk's ("Tél. 03 21 26 30 30 – lundi et mercredi
        14h-17h30"), never time to price; its words (who writes: "Comptabilité, La Fibre") and dates ("NB : convention
        signée le 15/03/2025") stay, and so does a postscript. The signature is the lines from the first one a sign-off
        opens after a line holding a question ("?"): stricter than the reader's (after any sentence), so that a message
        without "?" keeps all its figures."""
        lines, asked = text.split("\n"), False
        for index, line in enumerate(lines):
            # ... or a sign-off right after the question on its line ("… de la Somme ? Réponse sous 48h.")
            at = 0 if asked else line.find("?") + 1
            if (asked or at) and self.opens(line[at:].strip()):
                tail = [line[at:], *lines[index + 1 :]]
                end = next((i for i, one in enumerate(tail) if self.postscript(one.strip()) is not None), len(tail))
                signed = line[:at] + _CLOCK.sub(" ", "\n".join(tail[:end]))
                return "\n".join([*lines[:index], signed, *tail[end:]])
            asked = asked or "?" in line
        return text

    def closes(self, sentence: str, text: str) -> bool:
        """Whether `sentence` is only a closing line ("Merci beaucoup !"), alone on its line of `text`, and no line after
        it holds a "?" (a name, a function, an address, opening hours follow): a signature (not "Tu peux gérer ? Merci"
        then the question forwarded, nor "Merci beaucoup !" then "J'ai une autre question : … ?")."""
        if not self._closing_only(sentence):
            return False
        lines = text.split("\n")
        at = next((i for i, line in enumerate(lines) if line.strip(_LINE_MARKS) == sentence.strip(_LINE_MARKS)), None)
        rest = lines[at + 1 :] if at is not None else ["?"]
        return not any("?" in line for line in rest)

    def bare(self, sentence: str) -> bool:
        """Whether a sentence ends its line with no mark, as a chat's line does (see `bare_line`), not signed."""
        return bare_line(sentence) and not self.ends(sentence)

    def ends(self, sentence: str) -> bool:
        """Whether `sentence` ends with a closing line and a name after a comma ("…, merci d'avance, Paul"): a letter
        written in one paragraph signs there, it does not end as a chat's line without a mark does."""
        pieces = sentence.split(",")
        for index in range(max(1, len(pieces) - NAME_PIECES - 1), len(pieces)):
            closing = pieces[index].strip()
            named = all(len(piece.split()) <= NAME_WORDS for piece in pieces[index + 1 :])
            if named and closing and (self._closing_only(closing) or self.opens(closing)):
                return True
        return False

    def _closing_only(self, sentence: str) -> bool:
        """Whether `sentence` is only a closing line ("Merci beaucoup !"), wherever it stands."""
        if self._closing is None or len(sentence) > SIGN_OFF_CHARS:
            return False
        found = self._closing.match(folded := fold(sentence))
        return bool(found) and not any(char.isalnum() for char in folded[found.end() :])

    def opens(self, sentence: str) -> bool:
        """Whether a sign-off opens `sentence`."""
        return bool(self._may_open.match(sentence) and self._pattern.match(fold(sentence[:SIGN_OFF_CHARS])))


def _either_case(words: set[str]) -> str:
    """An alternation of ASCII `words` in either case, longest first (not re.IGNORECASE: "k" would match "K", the
    Kelvin sign, whose fold is no ASCII letter of the sentence)."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join("".join(f"[{letter}{letter.upper()}]" for letter in word) for word in ordered) or r"(?!x)x"
