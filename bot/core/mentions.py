"""What the convention names without saying anything more of it: the Syndicat Mixte Somme Numérique, the Région,
the Départements (knowledge/vocabulary.yaml: mentioned_only), and the bodies it does not bind (other_bodies: another
department's centre de gestion). A question asking one of their facts right by their
name (who presides them, their address, how much they give: entity_facts) is not answered by the clause that merely
names them: the convention does not say."""

from __future__ import annotations

import re

from .foreign_facts import ForeignFacts
from .french import fold
from .matching import Matcher
from .phrases import phrases_pattern, trie_pattern
from .reading import Reading

NEAR_CHARS = 40  # characters between the fact and the name: "qui préside le Syndicat Mixte Somme Numérique"
_CLAUSE_BREAK = re.compile(r"[:;.!?]")  # a fact said before one is not the name's
_SENTENCE_BREAK = re.compile(r"[;.!?]")
# a reason, to its sentence's end; a bracket inside it ("(art. R. 2192-10 …)") is part of it
_REASON_REST = re.compile(r"(?:\([^)]*\)|[^;.!?(])*")
# A remark in brackets before the question's words, a few words or more ("(la trésorerie réclame le SIRET sur
# chaque mandat) : on paie comment ?"): the writer's story, its facts not asked; not a short one, which may name what is
# asked ("le numéro (SIRET) du CDG"), nor one ending the question ("à quelle date … (le champ étant resté vide)").
_REMARK = re.compile(r"\((?:[^()\s]+\s+){4,}[^()]*\)(?=\W*\w)")
UNSTATED_REACH = 60  # around an unstated fact: "sous quel délai les services … sont-ils mis en service"


class Mentions:
    """Finds the questions asking a fact of what the convention only names."""

    def __init__(self, reading: Reading, matcher: Matcher) -> None:
        # a fact asked of what the convention never names ("le budget de la kermesse")
        self._foreign = ForeignFacts(reading, matcher)
        forms = dict(reading.mentioned_forms)  # "régionale": the Région's
        self._named = phrases_pattern((*reading.mentioned_only, *forms), start=False)
        # Each name as the vocabulary writes it, keyed by its folded form (and its other words'): the answer names it so.
        names = {name: name for name in (*reading.mentioned_only, *reading.other_bodies)} | forms
        self._written = {" ".join(fold(form).split()): name for form, name in names.items()}
        self._fact = phrases_pattern(reading.entity_facts, start=False)
        self._other = phrases_pattern(reading.other_bodies, start=False)
        self._own = phrases_pattern(reading.own_bodies, start=False)
        articles = (reading.complement_articles, reading.object_articles)  # "du", "de nos"…; "la", "nos"…
        # Each fact's asking words as written with each article (thousands of phrases), and any fact's: written as tries
        # (see `phrase_trie`), the engine skips the letters no phrase starts with (an alternation of hundreds of phrases
        # was tried at every character: 60 µs per question, 9 times the trie's), and they compile faster. Most
        # questions hold none: then no fact is searched for one by one.
        said = [with_articles(fact.asks, *articles) for fact in reading.unstated_facts]
        self._unstated = [
            (trie_pattern(forms), phrases_pattern(tuple(fact.near), start=False), fact.answer)
            for forms, fact in zip(said, reading.unstated_facts, strict=True)
        ]
        self._any_unstated = trie_pattern(form for forms in said for form in forms)
        precise = reading.precision_words  # "le taux exact des intérêts légaux": "le taux des intérêts légaux"
        self._precision = phrases_pattern(precise, start=False) if precise else None
        # "… car on ne sait jamais qui appeler": why it is asked, after the question's words; not after an article ("le car
        # scolaire": the vocabulary's articles, their last word)
        self._reason = phrases_pattern(reading.reason_words, start=False)
        self._articles = {fold(article).split()[-1] for article in (*articles[0], *articles[1]) if article.strip()}

    def unsaid(self, question: str) -> str:
        """The name a question asks a fact of that the convention does not give ("Qui préside Somme Numérique ?"
        -> "Somme Numérique"), else "". The fact must stand by the name: "Combien paie la commune, puisque la
        Région finance l'offre ?" asks the commune's price."""
        folded = fold(question)
        for name in self._named.finditer(folded):
            # in the name's own clause: "Deux questions des élus : c'est quoi le rôle de Somme Numérique ?" asks its
            # role; a name then a colon is a topic its question follows ("Somme Numérique : qui la préside ?")
            before = _CLAUSE_BREAK.split(folded[max(0, name.start() - NEAR_CHARS) : name.start()])[-1]
            after = _SENTENCE_BREAK.split(folded[name.end() : name.end() + NEAR_CHARS])[0]
            if self._fact.search(f"{before}{name.group()}{after}"):
                return self._as_written(name.group())
        return ""

    def unstated(self, question: str) -> str:
        """What to answer a question asking a fact the convention never gives ("Combien de communes ont déjà
        adhéré ?", knowledge/vocabulary.yaml: unstated_facts; then any fact of a name it never uses: foreign_facts.py),
        else ""."""
        if said := self._unstated_fact(self._without_reason(fold(_REMARK.sub(" ", question)))):
            return said
        if name := self._foreign.name(question):
            return f"La convention ne le dit pas : elle ne parle pas de « {name} »."
        return ""

    def _without_reason(self, folded: str) -> str:
        """`folded` without the reason its question gives after its own words, up to the sentence's end ("qui fait quoi
        … car on ne sait jamais qui appeler ?": "qui fait quoi …"); a reason opening it is kept ("Puisque …, qui …")."""
        found = next((m for m in self._reason.finditer(folded) if not self._after_article(folded, m.start())), None)
        if not found or not folded[: found.start()].strip(" ,"):
            return folded
        end = _REASON_REST.match(folded, found.end()).end()  # a reference in brackets inside it is its own
        return folded[: found.start()] + folded[end:]

    def _after_article(self, folded: str, start: int) -> bool:
        words = folded[:start].split()
        return bool(words) and words[-1] in self._articles

    def _unstated_fact(self, folded: str) -> str:
        """The answer of the first of `unstated_facts` that `folded` asks, else ""."""
        if not self._any_unstated.search(folded):
            if not (self._precision and self._precision.search(folded)):
                return ""
            folded = " ".join(self._precision.sub(" ", folded).split())
            if not self._any_unstated.search(folded):
                return ""
        for asks, near, answer in self._unstated:
            for asked in asks.finditer(folded):
                if near.search(folded[max(0, asked.start() - UNSTATED_REACH) : asked.end() + UNSTATED_REACH]):
                    return answer
        return ""

    def elsewhere(self, question: str) -> str:
        """The organisation a question is about that the convention does not bind ("Le CDG 59 propose-t-il la même
        offre ?" -> "CDG 59"), when it names none of the convention's own bodies; else ""."""
        folded = fold(question)
        other = self._other.search(folded)
        if other is None or self._own.search(folded[: other.start()] + " " + folded[other.end() :]):
            return ""
        return self._as_written(other.group())

    def _as_written(self, folded_name: str) -> str:
        return self._written.get(" ".join(folded_name.split()), folded_name)


def with_articles(phrases: list[str], *groups: tuple[str, ...]) -> tuple[str, ...]:
    """`phrases`, and each as written with another article of a group in place of one it holds ("indemnité du maire":
    "indemnité d'un maire", "indemnité de nos maires"; "gérer la paie": "gérer nos paies"), the noun after it in the
    number of the new one (a plural article ends with "s": "des", "nos", "leurs")."""
    found = list(phrases)
    for phrase in phrases:
        words = phrase.split()
        for group in groups:
            for index, article in _articles_in(words, group):
                found += [_swapped(words, index, article, other) for other in group if other != article]
    return tuple(dict.fromkeys(found))


def _articles_in(words: list[str], group: tuple[str, ...]) -> list[tuple[int, str]]:
    """Where each article of `group` stands in `words`, with a noun after it (its first word's index, the article)."""
    return [
        (index, article)
        for article in group
        for index in range(len(words) - len(article.split()))
        if words[index : index + len(article.split())] == article.split()
    ]


def _swapped(words: list[str], index: int, article: str, other: str) -> str:
    """`words` with `other` for the `article` at `index`, the noun after it in `other`'s number."""
    noun = words[index + len(article.split())]
    plural, was = other.endswith("s"), article.endswith("s")
    if plural and not was and not noun.endswith(("s", "x", "z")):
        noun += "s"
    elif was and not plural and noun.endswith("s"):
        noun = noun[:-1]
    return " ".join([*words[:index], other, noun, *words[index + len(article.split()) + 1 :]])
