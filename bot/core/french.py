"""French text normalization: folding, tokenizing, stop words and stemming.

Users type fast, without accents, with typographic apostrophes and stretched letters;
the knowledge base is written with accents. Both sides go through the same functions so
that "Résiliation", "resiliation" and "RÉSILIATIONNN" meet.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "ß": "ss"})
# Numbers keep their inner dots and commas ("4.2.1", "87,50"); words are runs of letters,
# so "l'article" gives "l", "article" and "cdg62" gives "cdg", "62".
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[a-z]+")
_STRETCHED = re.compile(r"([a-z])\1{2,}")

# Function words that carry no meaning for matching. Accent-free, as produced by `fold`.
# Question words (quand, comment, combien...) are not here: they help to rank, and the
# knowledge base's generic words keep them from making a question in-scope on their own.
STOP_WORDS = frozenset(
    """
    a ai aie aient ainsi alors as au aucun aucune aussi autre aux avais avait avant avec avez avions avons
    ayant allez allons beaucoup c ca car ce ceci cela celle celles celui certain certaine certaines certains ces cet cette ceux chaque chez ci d
    dans de des deja
    donc dont du elle elles en encore es est et etaient etais etait etant ete etes etre eu eux dois doit
    doivent devons devez devrait devrions devrais faudra faudrait faut ici il ils j je jusqu jusque l la
    laquelle le lequel les lesquels leur leurs lui m ma mais me meme mes moi mon aura auront aurons avaient
    n ne ni nos notre nous on ont or ou par pas peu peut peuvent peux pouvons pouvez pourrait pourrions
    pendant plusieurs pourra pourrons plus pour puis qu quel quelque quelques quelle quelles quels que qui quoi s sa sans se sera serai serais
    serait serez serons seront ses si soit sommes son sont sous suis sur t ta te tes toi ton tout toute
    toutes tous tres tu un une unes uns va vais vas vers via veux veut viens vient viennent vont voulons voulez veulent voudrais voudrait voudrions
    voici voila vos votre vous y
    """.split()
)

_stemmer = snowballstemmer.stemmer("french")


def fold(text: str) -> str:
    """Lower-case `text`, drop accents, spell out ligatures and unify apostrophes."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_LIGATURES)
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text: str) -> list[str]:
    """The folded words and numbers of `text`, stretched letters squeezed ("ouiii" -> "oui")."""
    return _TOKEN.findall(_STRETCHED.sub(r"\1", fold(text)))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The French stem of a folded word; numbers and very short words stay as they are."""
    if len(word) <= 3 or word[0].isdigit():
        return word
    stemmed = _stemmer.stemWord(word)
    # Snowball strips "-ée" only when accented; on folded text it leaves an "e" ("duree" ->
    # "dure", "reexaminee" -> "reexamine"), so drop it to meet the accented spelling's stem.
    return stemmed[:-1] if stemmed.endswith("e") and len(stemmed) > 4 else stemmed


def comparable(text: str) -> str:
    """A question's identity for duplicate checks: folded words joined by single spaces."""
    return " ".join(words(text))
