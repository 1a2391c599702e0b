"""A learned classifier over the clauses plus a "hors sujet" class, trained when the knowledge is loaded.

It learns from every clause's example questions (knowledge/clauses), the phrasings of
knowledge/training/<clause>.yaml and the out-of-scope questions of knowledge/training/hors-sujet.yaml.
Its features are robust to how people write: character n-grams inside word boundaries (SMS, typos,
missing accents) and the matcher's terms (stems, synonym concepts) alone and in pairs, each block
tf-idf weighted and normalized. The model is a linear SVM (one against the rest) fitted by
scikit-learn's LinearSVC, imported only to train, with a fixed random state: under a second for the
whole base where a logistic regression took several; its scores become probabilities by a softmax
at a fixed temperature. What it learned is kept as plain arrays, so that answering (and loading a
cached engine) needs numpy only.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import pairwise

import numpy as np

from .french import words

CHAR_SIZES = (2, 3, 4, 5)
MAX_CHARS = 1000  # a long message is read on its first characters only: its question comes early or is given apart
REGULARIZATION = 1.0  # the SVM's C: 0.5 to 2 measure the same on the realistic sets
TEMPERATURE = 5.0  # SVM scores (about -1.5 to 1.5) times this, through a softmax: probabilities that spread
RANDOM_STATE = 0
WORD_CACHE_SIZE = 50_000


def features(text: str, terms: Sequence[str]) -> tuple[Counter[str], Counter[str]]:
    """Two blocks of counts: character n-grams of the folded words, and terms with their pairs."""
    grams: list[str] = []
    for word in words(text[:MAX_CHARS]):
        grams += _word_grams(word)
    return Counter(grams), Counter([*terms, *(f"{a}+{b}" for a, b in pairwise(terms))])


@lru_cache(maxsize=50_000)  # a long message repeats its words
def _word_grams(word: str) -> tuple[str, ...]:
    padded = f" {word} "
    return tuple(padded[i : i + size] for size in CHAR_SIZES for i in range(len(padded) - size + 1))


class Classifier:
    """p(label | text) for the labels it was trained on (clause ids and the out-of-scope label)."""

    def __init__(
        self,
        labels: tuple[str, ...],
        index: tuple[dict[str, int], ...],
        idf: np.ndarray,
        weights: np.ndarray,
        bias: np.ndarray,
    ) -> None:
        self.labels = labels
        self._index = index  # one vocabulary per block: feature -> row of `weights`
        self._idf = idf
        self._weights = weights  # (features, labels)
        self._bias = bias
        self._word_rows: dict[str, list[int]] = {}  # a bounded cache: word -> rows of its known n-grams

    def __getstate__(self) -> dict[str, object]:
        return {**self.__dict__, "_word_rows": {}}  # a pickled engine carries no cache

    def probabilities(self, text: str, terms: Sequence[str]) -> dict[str, float]:
        """p(label) for `text` (whose matcher terms are `terms`); {} when no feature is known."""
        rows, values = self.vector(text, terms)
        if not rows:
            return {}
        scores = TEMPERATURE * (values @ self._weights[rows] + self._bias)
        exp = np.exp(scores - scores.max())
        return dict(zip(self.labels, (exp / exp.sum()).tolist(), strict=True))

    def vector(self, text: str, terms: Sequence[str]) -> tuple[list[int], np.ndarray]:
        """The same vector as `_vector(features(text, terms))`, faster: each word's known n-grams are looked up once."""
        grams: list[int] = []
        for word in words(text[:MAX_CHARS]):
            if word not in self._word_rows:
                if len(self._word_rows) >= WORD_CACHE_SIZE:
                    self._word_rows.clear()
                self._word_rows[word] = [self._index[0][g] for g in _word_grams(word) if g in self._index[0]]
            grams += self._word_rows[word]
        term_index = self._index[1]
        found = [term_index[t] for t in (*terms, *(f"{a}+{b}" for a, b in pairwise(terms))) if t in term_index]
        rows: list[int] = []
        values: list[np.ndarray] = []
        for counts in (Counter(grams), Counter(found)):
            if counts:
                block_rows = list(counts)
                block = (1.0 + np.log(list(counts.values()))) * self._idf[block_rows]
                rows += block_rows
                values.append(block / np.linalg.norm(block))
        return rows, (np.concatenate(values) if values else np.zeros(0))

    def _vector(self, blocks: tuple[Counter[str], ...]) -> tuple[list[int], list[float]]:
        """Sublinear tf times idf, each block of unit length (known features only): training's vectors."""
        rows: list[int] = []
        values: list[float] = []
        for index, counts in zip(self._index, blocks, strict=True):
            known = [(index[f], count) for f, count in counts.items() if f in index]
            if not known:
                continue
            block_rows = [row for row, _count in known]
            block = (1.0 + np.log([count for _row, count in known])) * self._idf[block_rows]
            rows += block_rows
            values += (block / np.linalg.norm(block)).tolist()
        return rows, values


def train(examples: Sequence[tuple[str, str]], terms_of: Callable[[str], list[str]]) -> Classifier:
    """Fit the classifier on (label, text) examples; the same examples give the same model."""
    key = tuple((label, text, tuple(terms_of(text))) for label, text in examples)
    return _fit(key)


@lru_cache(maxsize=4)  # engines of one knowledge base built in one process (tests, thresholds) share the fit
def _fit(examples: tuple[tuple[str, str, tuple[str, ...]], ...]) -> Classifier:
    from scipy.sparse import csr_matrix  # training only: answering never imports scikit-learn or scipy
    from sklearn.svm import LinearSVC

    blocks = [features(text, terms) for _label, text, terms in examples]
    index: list[dict[str, int]] = []
    offset = 0
    for position in range(2):
        vocabulary = sorted({f for block in blocks for f in block[position]})
        index.append({f: offset + i for i, f in enumerate(vocabulary)})
        offset += len(vocabulary)
    frequency = np.zeros(offset)
    for block in blocks:
        for position in range(2):
            for f in block[position]:
                frequency[index[position][f]] += 1
    idf = np.log((1 + len(blocks)) / (1 + frequency)) + 1.0
    untrained = Classifier((), tuple(index), idf, np.zeros((offset, 0)), np.zeros(0))
    data, columns, pointers = [], [], [0]
    for block in blocks:
        rows, values = untrained._vector(block)
        columns += rows
        data += values
        pointers.append(len(columns))
    matrix = csr_matrix((data, columns, pointers), shape=(len(blocks), offset))
    labels = [label for label, _text, _terms in examples]
    model = LinearSVC(C=REGULARIZATION, random_state=RANDOM_STATE)
    model.fit(matrix, labels)
    classes = tuple(str(label) for label in model.classes_)
    coef, intercept = model.coef_, model.intercept_
    if len(classes) == 2:  # one score for two labels: the second label's score, the first's is its opposite
        coef, intercept = np.vstack([-coef, coef]), np.concatenate([-intercept, intercept])
    return Classifier(
        classes, tuple(index), idf.astype(np.float32), coef.T.astype(np.float32), intercept.astype(np.float32)
    )
