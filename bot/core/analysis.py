"""From a question to matching terms: words, typo repair, stems, synonyms, stop words. A term is a French stem
("resili") or, for an expression of the synonyms file, the concept it stands for ("=resilier"), so that "mettre fin",
"dénoncer" and "résiliation" are one and the same term on both sides of the match."""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import compress, count, pairwise

from rapidfuzz import process
from rapidfuzz.distance import OSA

from .french import stem, words
from .term_numbers import numbers_joined

_DOUBLED = re.compile(r"([a-z])\1")
_ELIDED_BEFORE = frozenset("aeiouyh")  # French elides a vowel before a vowel or a mute h ("l'offre", "l'heure")

REPAIR_CACHE_SIZE = 50_000
MIN_REPAIR_LENGTH = 5  # shorter words are too easily "repaired" into another word
REPAIR_SIMILARITY = 0.85  # one edit in seven letters, two in fourteen: "savoir" is not "avoir"
MIN_FAMILY_STEM = 7  # "respons" (responsable) heads "responsabilit"; "exempl" (exemple) must not head "exemplair"
MIN_SHARED_PREFIX = 5  # "resil" (résilie) and "resili" (résilier) are one stem; so are
# "reexamin" and "reexamen": stems that differ only in their last two letters


@dataclass
class Analyzer:
    """Turns text into terms; knows the synonyms and, once `learn`ed, the vocabulary."""

    synonyms: tuple[tuple[str, ...], ...]
    common: frozenset[str] = frozenset()  # stems of everyday words, never repaired into another word
    stop_words: frozenset[str] = frozenset()  # folded function words (knowledge/vocabulary.yaml)
    verb_endings: tuple[str, ...] = ()  # conjugated endings tried as an -er infinitive
    sound_alike: tuple[tuple[str, str], ...] = ()  # a spelling as heard -> as usually written ("k" -> "c"), in order
    inverted_subjects: tuple[str, ...] = ()  # "met-on fin": the pronoun would split "met fin"
    _phrases: dict[tuple[str, ...], str] = field(default_factory=dict, init=False)
    _starts: dict[str, list[int]] = field(default_factory=dict, init=False)  # first stem -> lengths, longest first
    _pairs: set[tuple[str, str]] = field(default_factory=set, init=False)  # the first two stems of longer expressions
    _singles: dict[str, str] = field(default_factory=dict, init=False)  # one-stem expressions -> their concept
    _known_words: dict[str, str] = field(default_factory=dict, init=False)
    _known_stems: set[str] = field(default_factory=set, init=False)
    _stems_by_prefix: dict[str, list[str]] = field(default_factory=dict, init=False)
    _family: dict[str, str] = field(default_factory=dict, init=False)
    _repaired: dict[str, str] = field(default_factory=dict, init=False)  # a bounded cache of `_repair`

    def __post_init__(self) -> None:
        self._elided = frozenset(word for word in self.stop_words if len(word) == 1 and word not in _ELIDED_BEFORE)
        self._dropped = self.stop_words | frozenset(string.ascii_lowercase)  # plain words that are never terms
        self._blanked = dict.fromkeys(self._dropped, "")  # their slots, blanked by one lookup each
        pronouns = "|".join(re.escape(p) for p in sorted(self.inverted_subjects, key=len, reverse=True))
        # A word, then "-": the literal first lets the regex engine jump from "-" to "-" (a long message
        # holds few) instead of trying a look-behind at every character; the same matches as "(?<=\w)-".
        # ... but not in an expression of the synonyms ("rendez-vous" is no verb and its subject)
        inverted = re.compile(rf"\w-(?:t-)?(?:{pronouns})\b", re.IGNORECASE) if pronouns else None
        kept = {e.split("-")[0].split()[-1] for g in self.synonyms for e in g if inverted and inverted.search(e)}
        not_kept = "".join(f"(?<!{re.escape(word)}-)" for word in sorted(kept))
        self._inversion = (
            re.compile(rf"-(?<=\w-){not_kept}(?:t-)?(?:{pronouns})\b", re.IGNORECASE) if pronouns else None
        )
        self._index_phrases()

    def _index_phrases(self) -> None:
        """Key each synonym expression by its stems as `terms` will see them (word families included)."""
        self._phrases = {}
        self._starts = {}
        self._pairs = set()
        for group in self.synonyms:
            concept = "=" + "_".join(words(group[0]))
            for expression in group:
                found = words(expression)
                # A one-word expression also stands for its feminine and plural ("payé": "payées"); a word ending in
                # "s", "x" or "z" is its own plural ("procès" is not "process").
                endings = ("", "e", "es") if found and found[0].endswith(("s", "x", "z")) else ("", "e", "s", "es")
                forms = [found] if len(found) != 1 else [[found[0] + ending] for ending in endings]
                for form in forms:
                    key = tuple(self._family.get(stem(word), stem(word)) for word in form)
                    self._phrases.setdefault(key, concept)
                    if len(key) > 1:
                        self._pairs.add((key[0], key[1]))
                    lengths = self._starts.setdefault(key[0], [])
                    if len(key) not in lengths:
                        lengths.append(len(key))
                        lengths.sort(reverse=True)
        self._singles = {key[0]: concept for key, concept in self._phrases.items() if len(key) == 1}
        self.reach = max(map(len, self._phrases), default=1)  # a word's term depends on no word further after it

    def learn(self, texts: Iterable[str]) -> None:
        """Remember the words of the knowledge base, the targets of typo repair."""
        for text in texts:
            for word in words(text):
                if word not in self.stop_words and word.isalpha():
                    self._known_words.setdefault(word, stem(word))
        self._known_stems = set(self._known_words.values())
        self._stems_by_prefix = {}
        for known in sorted(self._known_stems):  # sorted: the same tie-breaks under every hash seed
            if len(known) >= MIN_SHARED_PREFIX:
                self._stems_by_prefix.setdefault(known[:MIN_SHARED_PREFIX], []).append(known)
        # Word families: a stem that starts with another known stem is read as that one.
        self._family = {}
        for known in sorted(self._known_stems, key=lambda known: (len(known), known)):
            heads = [h for h in self._stems_by_prefix.get(known[:MIN_SHARED_PREFIX], []) if known.startswith(h)]
            head = min(heads, key=len, default=known)
            self._family[known] = head if len(head) >= MIN_FAMILY_STEM else known
        self._index_phrases()
        self._repaired = {}

    def terms(self, text: str, *, with_parts: bool = False) -> list[str]:
        """The matching terms of `text`, in order (duplicates kept). `with_parts` also keeps the words
        of each synonym expression (for the knowledge base's side: "taux" alone then finds "taux horaire")."""
        # Read before `words`, which cuts long texts at spaces: short and long texts join "5 200" alike.
        text = numbers_joined(text)
        found = words(self._inversion.sub(" ", text) if self._inversion else text)
        # The hot path of a long message (hundreds of words, several texts per message): the repair cache read in C
        # (`map`, a word missing from it repaired then).
        stems = list(map(self._repaired.get, found))
        if None in stems:
            stems = [self._cached_repair(word) if s is None else s for s, word in zip(stems, found, strict=True)]
        if with_parts:
            slots = self._concepts(stems, list(stems))
            dropped = self._dropped
            kept = [t for t, word in zip(slots, found, strict=True) if t and (word not in dropped or t.startswith("="))]
            return kept + [
                s
                for s, slot, word in zip(stems, slots, found, strict=True)
                if slot != s and (word not in dropped or s.startswith("="))
            ]
        # The words kept: a concept always, a plain word unless a stop word or a stray letter (a token of one character
        # is a letter or a digit). The dropped words blanked in C (`map`), then the concepts written over their slots:
        # no stem starts with "=", none is empty, so what is left is what a test of each slot would keep.
        return list(filter(None, self._concepts(stems, list(map(self._blanked.get, found, stems)))))

    def _concepts(self, stems: list[str], out: list[str]) -> list[str]:
        """`out` (one slot per stem) with each synonym expression of `stems` replaced by its concept, the expression's
        other slots "" (an expression starts where none replaced before it ends, the longest first)."""
        starts, phrases, singles = self._starts, self._phrases, self._singles
        covered = 0  # slots before this index belong to an expression already replaced
        taken: set[int] = set()  # the slots of the expressions of two stems or more
        # Where a stem and the next one open an expression, in C: most starts ("de", "la"…) are followed by no
        # expression's second word, and only their one-word expression may match (below).
        for index in compress(count(), map(self._pairs.__contains__, pairwise(stems))):
            if index < covered:
                continue
            first = stems[index]
            for length in starts[first]:
                concept = phrases.get(tuple(stems[index : index + length])) if index + length <= len(stems) else None
                if concept:
                    out[index : index + length] = [concept] + [""] * (length - 1)
                    covered = index + length
                    taken.update(range(index, covered))
                    break
        # A one-word expression, where no longer one holds it (one replaced at an expression's start is that one).
        for index in compress(count(), map(singles.__contains__, stems)):
            if index not in taken:
                out[index] = singles[stems[index]]
        return out

    def _cached_repair(self, word: str) -> str:
        # A long message repeats words, and several questions share its context: repair each word once.
        if word not in self._repaired:
            if len(self._repaired) >= REPAIR_CACHE_SIZE:
                self._repaired.clear()
            self._repaired[word] = self._repair(word)
        return self._repaired[word]

    def _repair(self, word: str, respelled: bool = False) -> str:
        """The stem of `word`, mended towards the knowledge base's vocabulary when unknown (`respelled`: already
        written as usual)."""
        stemmed = stem(word)
        if stemmed in self._known_stems:
            return self._family[stemmed]
        if not self._known_stems or word in self.stop_words or not word.isalpha() or stemmed in self.common:
            return stemmed
        # Common slips: a doubled letter ("durrée", "horraire"), a "re-" the text does not use
        # ("réévaluer" for "évaluer"); and conjugated verbs the stemmer leaves apart ("réglons",
        # "situent", "envoyée"), read as their infinitive.
        # An elision typed without its apostrophe ("loffre", "dintervention"): a one-letter stop word glued to
        # a word starting with a vowel or an h, as French elides.
        elided = word[1:] if word[0] in self._elided and word[1] in _ELIDED_BEFORE else ""
        for variant in (
            _DOUBLED.sub(r"\1", word),
            word[2:] if word.startswith("re") else "",
            self._infinitive(word),
            elided,
        ):
            if len(variant) >= 4 and variant != word and stem(variant) in self._known_stems:
                return self._family[stem(variant)]
        if len(stemmed) >= MIN_SHARED_PREFIX:
            family = [
                known
                for known in self._stems_by_prefix.get(stemmed[:MIN_SHARED_PREFIX], [])
                if _same_family(known, stemmed, word)
            ]
            if family:
                return self._family[max(family, key=lambda known: (_shared_prefix(known, stemmed), -len(known)))]
        if len(word) >= MIN_REPAIR_LENGTH:
            match = process.extractOne(
                word, self._known_words.keys(), scorer=OSA.normalized_similarity, score_cutoff=REPAIR_SIMILARITY
            )
            if match:
                return self._family[self._known_words[match[0]]]
        # Written as it sounds ("konvension", "rézilié", "fakture"): its usual spelling, mended as any word, if that is
        # known (else the word's own stem: nothing guessed).
        usual = self._usual_spelling(word) if len(word) >= MIN_REPAIR_LENGTH and not respelled else word
        if usual != word and (mended := self._repair(usual, respelled=True)) in self._known_stems:
            return mended
        return stemmed

    def _usual_spelling(self, word: str) -> str:
        """`word` with the `sound_alike` spellings written as usual ("konvension" -> "convension")."""
        for heard, usual in self.sound_alike:
            word = word.replace(heard, usual)
        return word

    def _infinitive(self, word: str) -> str:
        """The -er infinitive a conjugated form may come from ("reglons" -> "regler"), or ""."""
        for ending in self.verb_endings:
            if word.endswith(ending) and len(word) - len(ending) >= 3:
                return word[: -len(ending)] + "er"
        return ""


def _same_family(known: str, stemmed: str, word: str) -> bool:
    """The word extends a known stem ("stockon" of "stock"); a known stem extends it a little ("resili"
    of "resil", but not "electron" of "elect", the stem of "elections"), or much when the word is
    itself cut short ("perso" for "personnel"); or the two differ only at the end."""
    if stemmed.startswith(known):
        return True
    if known.startswith(stemmed) and (len(known) - len(stemmed) <= 2 or word == stemmed):
        return True
    shared = _shared_prefix(known, stemmed)
    return shared >= max(min(len(known), len(stemmed)) - 2, 0.75 * max(len(known), len(stemmed)))


def _shared_prefix(first: str, second: str) -> int:
    pairs = enumerate(zip(first, second, strict=False))
    return next((index for index, (a, b) in pairs if a != b), min(len(first), len(second)))
