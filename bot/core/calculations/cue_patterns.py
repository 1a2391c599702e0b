"""A cue pattern: the words that start with one of a list of cues (folded), as one regex written as a trie, and where
it first matched the last texts a message's calculators search in turn (cues.py compiles the calculation words into
them)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from operator import itemgetter
from typing import Any

from ..cue_words import unless_split
from ..folding import folded_start
from ..french import fold
from ..number_text import elided
from ..rescan import shared_start

SHORT = 200  # characters: a text this short is searched whole, its match not kept (the bookkeeping costs more)
LAST_TEXTS = 3  # the texts a cue pattern keeps the first match of
BLANKED = 6  # characters a cue's match may run longer than the cue: the spaces of a blanked number ("cdg 59 62")


WHOLE = "<whole>"  # a trie node's key: a whole-word cue ends here (a letter's key is one character, a cue's end "")


def cue_pattern(cues: Iterable[str], whole: Iterable[str] = (), unless: Iterable[str] = ()) -> CuePattern:
    """One pattern for a list of cues: each matches the words that start with it (folded); a cue of `whole` only
    itself ("conseil", a meeting, not "conseiller", a person); none inside a phrase of `unless` ("jamais résiliée":
    a termination word that says none was made).

    The same matches as `(?<![a-z0-9])(?:` + `alternation(cues)` + `)`, written as a trie whose branches start
    with their first letter: the regex engine skips the characters no cue starts with and tries one branch per
    letter instead of every cue at every position (about twice as fast on a 4,096-character message). At one
    position the cues that match are prefixes of one another, and both forms take the longest."""
    # each cue as folded, as the text in figures writes an elision ("l'a payé" → "l' a paye": number_text.digits),
    # and a compound without its hyphen, as phones write it ("2 demi journees", "rendez vous")
    forms = [(form, "") for cue in cues for form in (fold(cue), elided(cue), fold(cue).replace("-", " "))]
    ends = {" ".join(form.split()): end for form, end in forms} | {" ".join(fold(cue).split()): WHOLE for cue in whole}
    empty = ends.pop("", None) is not None  # an empty cue matches at every word's start
    if not ends:
        return CuePattern(re.compile(r"(?<![a-z0-9])(?:)"), 0)
    trie: dict[str, dict] = {}
    for cue, end in ends.items():
        node = trie
        for letter in cue:
            node = node.setdefault(letter, {})
        node[end] = {}  # a cue ends here
    guards = _guards(ends, unless)
    branches = [
        f"{re.escape(letter)}(?<![a-z0-9]{re.escape(letter)}){guards.get(letter, '')}{_branches(rest)}"
        for letter, rest in sorted(trie.items())
        if len(letter) == 1
    ]
    compiled = re.compile("(?:" + "|".join(branches + (["(?<![a-z0-9])"] if empty else [])) + ")")
    return CuePattern(compiled, max(map(len, ends)) + BLANKED)


def _guards(ends: dict[str, str], unless: Iterable[str]) -> dict[str, str]:
    """Per first letter, what keeps a cue from matching inside a phrase of `unless`: right after the letter, a look
    back at the phrase's words before the cue's word, and ahead at that word's rest, as a whole word."""
    guards: dict[str, str] = {}
    for phrase in unless:
        if split := unless_split(ends, phrase):
            before, word = split
            behind = f"(?<=(?<![a-z0-9]){re.escape(before + word[0])})"
            guards[word[0]] = guards.get(word[0], "") + f"(?!{behind}{re.escape(word[1:])}(?![a-z0-9]))"
    return guards


def _branches(node: dict[str, dict]) -> str:
    """The trie below a letter as a regex: longer cues first, then a whole word that ends here, a cue that ends here last."""
    # a space matches a run of them: the text in figures blanks a party's number ("le cdg    n' a pas participe")
    branches = [
        re.escape(letter) + ("+" if letter == " " else "") + _branches(rest)
        for letter, rest in sorted(node.items())
        if len(letter) == 1
    ]
    if WHOLE in node:
        branches.append("(?![a-z0-9])")
    if "" in node:
        branches.append("")
    if branches == [""]:
        return ""
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


class CuePattern:
    """A cue pattern that remembers where it first matched the last LAST_TEXTS texts it searched whole (a message's
    questions read its text and the sentences it asks in turn), and the context they share (folding.share_start),
    searched once. A cue's match is a cue (at most `longest` characters) looking one character behind it, none ahead:
    in a text that starts as one of those (or the context), a match starting `longest` characters or more before the
    end of the shared start is that text's, the rest is searched from there. Tuples set at once for other threads."""

    def __init__(self, compiled: re.Pattern[str], longest: int) -> None:
        self.compiled = compiled
        self.pattern = compiled.pattern
        self.longest = longest  # characters: the longest cue
        self._last: tuple[tuple[str, re.Match[str] | None], ...] = ()  # the last texts searched whole, their match
        self._context: tuple[str, int | None] = ("", None)  # the context a message's questions share, where it matched

    def __getstate__(self) -> dict[str, object]:
        return {**self.__dict__, "_last": (), "_context": ("", None)}  # a pickled engine carries no message

    def search(self, text: str, *bounds: int) -> re.Match[str] | None:
        if bounds or len(text) < SHORT:  # a clause, a question alone: searched at once, cheaper than what is kept
            return self.compiled.search(text, *bounds)
        kept = self._last  # one read: another thread may set it in between
        for last, found in kept:
            if text is last:  # the calculators of one question search its text in turn
                return found
        if (start := folded_start(text)) and not any(text.startswith(last) for last, _ in kept):
            last, first = self._context  # the context stands for the last texts
            if last is not start:
                match = self.compiled.search(start)
                last, first = start, match.start() if match else None
                self._context = (last, first)
            shared = shared_start(last, text)
        else:  # the last text that starts as this one the longest way
            shared, found = max(((shared_start(t, text), f) for t, f in kept), key=itemgetter(0), default=(0, None))
            first = found.start() if found else None
        settled = max(0, shared - self.longest)  # a match starting before is the last text's
        match = self.compiled.search(text, first if first is not None and first < settled else settled)
        self._last = ((text, match), *kept[: LAST_TEXTS - 1])
        return match

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or "compiled" not in self.__dict__:
            raise AttributeError(name)  # unpickling: nothing to lend yet
        return getattr(self.compiled, name)  # finditer, match, sub…: the compiled pattern's own
