"""A learned classifier over the clauses plus a "hors sujet" class, trained when the knowledge is loaded.

It learns from every clause's example questions (knowledge/clauses), the phrasings of
knowledge/training/<clause>.yaml and the out-of-scope questions of knowledge/training/hors-sujet.yaml.
Its features are robust to how people write: character n-grams inside word boundaries (SMS, typos,
missing accents) and the matcher's terms (stems, synonym concepts) alone and in pairs, each block
tf-idf weighted and normalized. The model is a linear SVM (one against the rest) fitted by
scikit-learn's LinearSVC, imported only to train, with a fixed random state: under a second for the
whole base where a logistic regression took several; its scores become probabilities by a softmax
at a fixed temperature. What it learned is kept as plain Python (float32 `array`s, dicts), so that
answering and loading a cached engine import no numpy (a cold `ask` pays no 50 ms for it).
"""

from __future__ import annotations

import math
from array import array
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import chain, pairwise, repeat
from math import log
from operator import add, mul, truediv
from typing import TYPE_CHECKING

from .dense import FEW_ROWS, MANY_ROWS, DenseWeights, gram_block, gram_counts, numpy_loaded, summed_by_label
from .french import words

if TYPE_CHECKING:  # answering never imports numpy
    from numpy.typing import NDArray

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
    """p(label | text) for the labels it was trained on (clause ids and the out-of-scope label).

    What it learned is plain Python: float32 `array`s (the very numbers numpy held) and dicts, so that
    answering imports no numpy. A text's vector is sparse (a few hundred known rows of about 20,000):
    its scores are sums of the weights of those rows only.
    """

    def __init__(
        self,
        labels: tuple[str, ...],
        index: tuple[dict[str, int], ...],
        idf: Sequence[float],
        weights: Sequence[float],
        bias: Sequence[float],
    ) -> None:
        self.labels = labels
        self._index = index  # one vocabulary per block: feature -> row
        # The pairs of terms ("a+b": a term holds no "+") keyed by the two terms: a text's pairs looked up without
        # joining each one into a string first.
        self._pairs = {tuple(key.split("+")): row for key, row in index[1].items() if "+" in key} if index else {}
        self._idf = idf  # per row
        self._weights = weights  # row-major, flat: the labels' weights of row r are [r × labels, (r + 1) × labels)
        self._bias = bias  # per label
        # A bounded cache: word -> (rows of its known n-grams, per label Σ idf × weight over those rows).
        self._words: dict[str, tuple[array[int], array[float]]] = {}
        self._rows: dict[int, tuple[float, ...]] = {}  # row -> its weights, for the rows texts had (at most all)
        self._dense = DenseWeights(weights, len(labels))  # for a long message's rows (dense.py)

    def __getstate__(self) -> dict[str, object]:
        return {**self.__dict__, "_words": {}, "_rows": {}}  # a pickled engine carries no cache

    def probabilities(self, text: str, terms: Sequence[str]) -> dict[str, float]:
        """p(label) for `text` (whose matcher terms are `terms`); {} when no feature is known."""
        rows_of_words, times, sums = self._known_words(text)
        found = self._terms(terms)
        if not sums and not found:
            return {}
        rows, values = self._values(found)
        summed = [0.0] * len(self.labels)
        if sums:
            # The block's Σ (1 + log count) × idf × weight is the words' Σ count × idf × weight (cached per
            # word) corrected on the rows seen more than once by (1 + log count − count) × idf × weight.
            square, repeated, corrections = gram_block(rows_of_words, times, self._idf)
            norm = math.sqrt(square)
            rows += repeated
            values += [correction / norm for correction in corrections]
            summed = [score / norm for score in summed_by_label(times, sums)]
        scores = [a + b + bias for a, b, bias in zip(summed, self._weigh(rows, values), self._bias, strict=True)]
        top = max(scores)
        exp = [math.exp(TEMPERATURE * (score - top)) for score in scores]
        total = sum(exp)
        return {label: value / total for label, value in zip(self.labels, exp, strict=True)}

    def biases(self) -> dict[str, float]:
        """Each label's bias: its prior, what a text with no known feature scores."""
        return dict(zip(self.labels, self._bias, strict=True))

    def vector(self, text: str, terms: Sequence[str]) -> tuple[list[int], list[float]]:
        """The same vector as `_vector(features(text, terms))` (rows, values): what `probabilities` weighs."""
        rows_of_words, times, _sums = self._known_words(text)
        gram_rows, gram_values = self._values(gram_counts(rows_of_words, times))
        term_rows, term_values = self._values(self._terms(terms))
        return gram_rows + term_rows, gram_values + term_values

    def _known_words(self, text: str) -> tuple[list[array[int]], list[int], list[array[float]]]:
        """The words of `text` holding known n-grams: each one's rows, count, and per label Σ idf × weight over them."""
        rows: list[array[int]] = []
        times: list[int] = []
        sums: list[array[float]] = []
        for word, count in Counter(words(text[:MAX_CHARS])).items():
            if (known := self._words.get(word)) is None:
                known = self._words[word] = self._word(word)
            if known[0]:
                rows.append(known[0])
                times.append(count)
                sums.append(known[1])
        return rows, times, sums

    def _word(self, word: str) -> tuple[array[int], array[float]]:
        if len(self._words) >= WORD_CACHE_SIZE:
            self._words.clear()
        rows = [self._index[0][g] for g in _word_grams(word) if g in self._index[0]]
        # Kept as arrays: objects the garbage collector does not track, however many words are cached.
        return array("l", rows), array("d", self._weigh(rows, [self._idf[row] for row in rows]))

    def _terms(self, terms: Sequence[str]) -> Counter[int]:
        # Terms, then their pairs, counted in C; the features the model does not know (None) then left out.
        counts = Counter(chain(map(self._index[1].get, terms), map(self._pairs.get, pairwise(terms))))
        counts.pop(None, None)
        return counts  # type: ignore[return-value]

    def _values(self, counts: Counter[int]) -> tuple[list[int], list[float]]:
        """A block's rows and values: sublinear tf times idf, of unit length."""
        rows = list(counts)
        # (1.0 + log(count)) × idf per row, then / norm: the same operations in C (`map`), a long message's hundreds of
        # rows without a Python step each.
        values = list(map(mul, map(add, repeat(1.0), map(log, counts.values())), map(self._idf.__getitem__, rows)))
        norm = math.sqrt(sum(map(mul, values, values)))
        return rows, list(map(truediv, values, repeat(norm)))

    def _weigh(self, rows: list[int], values: list[float]) -> list[float]:
        """Per label, Σ value × weight over `rows`, added in the rows' order: the rows' weights side by side,
        then one C-level sum per label (twice as fast as adding the rows one by one in Python); a long
        message's rows (hundreds: its terms, its repeated n-grams) in numpy (dense.py)."""
        if not rows:
            return [0.0] * len(self.labels)
        if len(rows) >= MANY_ROWS or (len(rows) >= FEW_ROWS and numpy_loaded()):  # the same floats (dense.py)
            return self._dense.weigh(rows, values)
        cached = self._rows
        for row in rows:
            if row not in cached:
                cached[row] = self._row(row)
        return [sum(map(mul, values, column)) for column in zip(*map(cached.__getitem__, rows), strict=True)]

    def _row(self, row: int) -> tuple[float, ...]:
        # A tuple of floats: built once per row, and left alone by the garbage collector (a list of fresh
        # slices per text made it run full collections of 100 ms in a long-running process).
        width = len(self.labels)
        return tuple(self._weights[row * width : (row + 1) * width])

    def _vector(self, blocks: tuple[Counter[str], ...]) -> tuple[list[int], list[float]]:
        """Sublinear tf times idf, each block of unit length (known features only): one training vector."""
        values, rows, _pointers = self._matrix([blocks])
        return rows.tolist(), values.tolist()

    def _matrix(self, examples: Sequence[tuple[Counter[str], ...]]) -> tuple[NDArray, NDArray, NDArray]:
        """Training's vectors (as `_vector` defines them) as CSR arrays: values, rows, pointers. The counts are
        gathered in Python, then tf × idf is one numpy expression over all examples, and each block is divided by
        its own `np.linalg.norm`: the same floats, operation for operation, as a vector built alone."""
        import numpy as np  # training only

        rows: list[int] = []
        counts: list[int] = []
        sizes: list[int] = []  # per example, per block: how many known features
        for blocks in examples:
            for index, block in zip(self._index, blocks, strict=True):
                known = [f for f in block if f in index]
                rows += map(index.__getitem__, known)
                counts += map(block.__getitem__, known)
                sizes.append(len(known))
        columns = np.array(rows, dtype=np.int64)
        values = (1.0 + np.log(np.array(counts, dtype=np.int64))) * np.asarray(self._idf)[columns]
        ends = np.cumsum(sizes, dtype=np.int64)
        for start, end in zip((0, *ends[:-1].tolist()), ends.tolist(), strict=True):
            if end > start:
                values[start:end] /= np.linalg.norm(values[start:end])
        pointers = np.concatenate([[0], ends[len(self._index) - 1 :: len(self._index)]])
        return values, columns, pointers


def train(examples: Sequence[tuple[str, str]], terms_of: Callable[[str], list[str]]) -> Classifier:
    """Fit the classifier on (label, text) examples; the same examples give the same model."""
    key = tuple((label, text, tuple(terms_of(text))) for label, text in examples)
    return _fit(key)


@lru_cache(maxsize=4)  # engines of one knowledge base built in one process (tests, thresholds) share the fit
def _fit(examples: tuple[tuple[str, str, tuple[str, ...]], ...]) -> Classifier:
    import numpy as np  # training only: answering never imports numpy, scikit-learn or scipy
    from scipy.sparse import csr_matrix
    from sklearn.svm import LinearSVC

    blocks = [features(text, terms) for _label, text, terms in examples]
    index: list[dict[str, int]] = []
    frequency: list[int] = []  # per row: how many examples hold the feature
    for position in range(2):
        counted = Counter(chain.from_iterable(block[position] for block in blocks))
        vocabulary = sorted(counted)
        index.append({f: len(frequency) + i for i, f in enumerate(vocabulary)})
        frequency += map(counted.__getitem__, vocabulary)
    offset = len(frequency)
    idf = np.log((1 + len(blocks)) / (1 + np.array(frequency, dtype=np.float64))) + 1.0
    untrained = Classifier((), tuple(index), idf, np.zeros((offset, 0)), np.zeros(0))
    matrix = csr_matrix(untrained._matrix(blocks), shape=(len(blocks), offset))
    labels = [label for label, _text, _terms in examples]
    model = LinearSVC(C=REGULARIZATION, random_state=RANDOM_STATE)
    model.fit(matrix, labels)
    classes = tuple(str(label) for label in model.classes_)
    coef, intercept = model.coef_, model.intercept_
    if len(classes) == 2:  # one score for two labels: the second label's score, the first's is its opposite
        coef, intercept = np.vstack([-coef, coef]), np.concatenate([-intercept, intercept])
    return Classifier(
        classes,
        tuple(index),
        array("f", idf.astype(np.float32).tobytes()),
        array("f", coef.T.astype(np.float32).tobytes()),  # row-major: one row of labels per feature
        array("f", intercept.astype(np.float32).tobytes()),
    )
