"""The classifier's weights as a float64 matrix, for the hundreds of rows of a long message.

The classifier weighs a text's rows label by label in Python (`Classifier._weigh`). A message of 4,096 characters
has 700 to 850 rows (its terms, its repeated n-grams) times 25 labels: 2 to 3 ms. Here numpy gathers those rows'
weights (float32 widened to float64, as Python widens them), multiplies each by its value alone, and adds them with
`cumsum`, which accumulates one row after the other: the operations of `sum(map(mul, values, column))` in the same
order, so the same floats (a matrix product or `sum()` would add in another order; `tests/test_fast_paths.py`). numpy
is imported at the first long message only: a question asked from the engine cache never loads it (60 to 150 ms).
"""

from __future__ import annotations

import sys
from array import array
from collections import Counter
from collections.abc import Mapping
from itertools import chain, compress, repeat
from math import log
from operator import gt, mul
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from numpy.typing import NDArray

    from .shared_context import SharedContext

K = TypeVar("K")  # a posting's key: an example's index, a clause's id

MANY_ROWS = 100  # from this many rows (a message of several sentences), numpy weighs them
FEW_ROWS = 8  # from this many once numpy is loaded (a long message was read): a question's rows, 2 to 4 times faster


def numpy_loaded() -> bool:
    """Whether numpy was imported already: weighing a few rows with it then costs no import."""
    return "numpy" in sys.modules


class DenseWeights:
    """Row-major float32 weights (one row of `width` labels per feature), as a float64 matrix built at first use."""

    def __init__(self, weights: array[float], width: int) -> None:
        self._weights = weights
        self._width = width
        self._matrix: NDArray | None = None

    def __getstate__(self) -> dict[str, object]:
        return {**self.__dict__, "_matrix": None}  # a pickled engine holds no numpy array (loaded without numpy)

    def weigh(self, rows: list[int], values: list[float]) -> list[float]:
        """Per label, Σ value × weight over `rows`, added in the rows' order."""
        import numpy as np

        if self._matrix is None:
            self._matrix = np.frombuffer(self._weights, dtype=np.float32).astype(np.float64).reshape(-1, self._width)
        products = self._matrix[np.array(rows)] * np.array(values)[:, None]
        return np.cumsum(products, axis=0)[-1].tolist()


MANY_REPEATED = 50  # from this many n-gram rows seen more than once (a long message's first characters), numpy
MANY_WORDS = 8  # from this many distinct words (a sentence), numpy adds their sums: twice as fast from 8 words
MANY_GRAMS = 250  # from this many n-grams (two or three sentences), numpy counts them faster (gram_block)
Block = tuple[float, list[int], list[float]]  # an n-gram block's squared length, rows seen more than once, corrections


def repeated_rows(grams: Counter[int], idf: array[float], square: float) -> Block:
    """The rows of `grams` counted more than once, their corrections (tf − count) × idf (tf = 1 + log count), and the
    block's squared length `square` (at counts of 1) plus each such row's (tf² − 1) × idf², added row after row; a long
    message's hundreds of such rows in numpy, `cumsum` adding in the rows' order (`tests/test_fast_paths.py`)."""
    repeated = list(compress(grams, map(gt, grams.values(), repeat(1))))  # most rows are seen once
    if len(repeated) < MANY_REPEATED or not numpy_loaded():
        corrections = []
        for row in repeated:
            count = grams[row]
            tf = 1.0 + log(count)
            square += (tf * tf - 1.0) * idf[row] ** 2  # a float32's square is exact: idf × idf
            corrections.append((tf - count) * idf[row])
        return square, repeated, corrections
    import numpy as np

    weights = np.frombuffer(idf, dtype=np.float32)[repeated].astype(np.float64)
    return _corrected(square, repeated, list(map(grams.__getitem__, repeated)), weights)


def gram_counts(rows: list[array[int]], times: list[int]) -> Counter[int]:
    """The counts of a text's n-gram rows: each word's `rows`, `times` times (its count), word after word."""
    return Counter(chain.from_iterable(map(mul, rows, times)))


def gram_block(rows: list[array[int]], times: list[int], idf: array[float]) -> Block:
    """`repeated_rows` of a text's `gram_counts`, its `square` that of counts of 1 added in their order; a long text's
    thousands counted by numpy, its rows in the order first met (the Counter's): the same additions in the same order."""
    if sum(map(mul, map(len, rows), times)) < MANY_GRAMS or not numpy_loaded():
        grams = gram_counts(rows, times)
        known = list(map(idf.__getitem__, grams))
        return repeated_rows(grams, idf, sum(map(mul, known, known)))
    import numpy as np

    met = np.frombuffer(b"".join(rows), dtype=np.dtype(rows[0].typecode))  # each word's rows once, word after word
    # Each row's least position (`minimum.at`): the rows first met, in the Counter's order, without a sort (-35 %).
    first, positions = np.full(len(idf), len(met), dtype=np.int32), np.arange(len(met), dtype=np.int32)
    np.minimum.at(first, met, positions)
    unique = met[first[met] == positions]  # a word met again brings no new row
    counts = np.bincount(met, weights=np.repeat(np.array(times, dtype=np.float64), list(map(len, rows))))[unique]
    weights = np.frombuffer(idf, dtype=np.float32)[unique].astype(np.float64)
    square, again = float(np.cumsum(weights * weights)[-1]), counts > 1
    return _corrected(square, unique[again].tolist(), counts[again].astype(np.int64).tolist(), weights[again])


def _corrected(square: float, repeated: list[int], counts: list[int], weights: NDArray) -> Block:
    """`repeated_rows`' figures in numpy, from the rows seen more than once, their counts and their idf."""
    import numpy as np

    tf_of = {count: 1.0 + log(count) for count in set(counts)}  # Python's log: numpy's may differ in the last bit
    tf = np.array(list(map(tf_of.__getitem__, counts)), dtype=np.float64)
    added = np.cumsum(np.concatenate(([square], (tf * tf - 1.0) * (weights * weights))))
    return float(added[-1]), repeated, ((tf - np.array(counts, dtype=np.float64)) * weights).tolist()


def summed_by_label(times: list[int], sums: list[array[float]]) -> list[float]:
    """Per label, Σ times × sums over the words (each word's sums: one float per label), added word after word; a long
    message's words in numpy (`cumsum`: the same additions in the same order)."""
    if len(times) < MANY_WORDS or not numpy_loaded():
        return [sum(map(mul, times, column)) for column in zip(*sums, strict=True)]
    import numpy as np

    matrix = np.frombuffer(b"".join(sums), dtype=np.dtype(sums[0].typecode)).reshape(len(sums), -1)  # `np.array(sums)`
    return np.cumsum(matrix * np.array(times, dtype=np.float64)[:, None], axis=0)[-1].tolist()


MANY_TERMS = 30  # from this many known terms (a message of several sentences), numpy adds their postings
PRODUCTS_CACHE_SIZE = 20_000  # (term, weight) pairs: a term weighs its own weight, or its context share


class DensePostings:
    """The matcher's two inverted indexes (examples, clauses) read with numpy, for a long message's terms.

    `Matcher.rank` adds, per example and per clause, term weight × posting weight term after term in the
    question's order. Here the products of all the terms (each the same float product as in Python, kept per
    term and weight) are laid end to end in that order and added per row by `np.bincount`, which adds its
    weights one after the other into zeros: the Python loop's additions in its order, so the same floats
    (`tests/test_fast_paths.py`). An example no term reaches has a cosine of 0.0, which changes no clause's
    best cosine (a maximum, in any order, starting from 0.0 as in Python)."""

    def __init__(
        self,
        examples: dict[str, list[tuple[int, float]]],  # term -> (example, weight) of each example holding it
        clauses: dict[str, list[tuple[str, float]]],  # term -> (clause, score) of each clause holding it
        example_clauses: list[str],  # per example, its clause: a clause's examples follow one another
        norms: list[float],  # per example
    ) -> None:
        self._ids = list(dict.fromkeys(example_clauses))
        row = {clause: index for index, clause in enumerate(self._ids)}
        self._plain = examples, clauses, example_clauses  # for a question's few terms, read in Python
        self._postings = (examples, {term: [(row[c], score) for c, score in found] for term, found in clauses.items()})
        self._firsts = [
            index for index, clause in enumerate(example_clauses) if not index or example_clauses[index - 1] != clause
        ]
        assert len(self._firsts) == len(self._ids), "a clause's examples follow one another"
        self._norms = norms
        self._arrays: tuple[NDArray, NDArray] | None = None  # the norms and the firsts, at the first long message
        # Per (term, weight): the rows and products of its example postings, then of its clause postings.
        self._laid: dict[tuple[str, float], tuple[NDArray, NDArray]] = {}

    def __getstate__(self) -> dict[str, object]:
        return {**self.__dict__, "_arrays": None, "_laid": {}}  # a pickled engine holds no numpy array

    def sums(
        self,
        terms: list[str],
        weights: dict[str, float],
        norm: float,
        context: SharedContext | None = None,
        left_out: frozenset[str] = frozenset(),
    ) -> tuple[dict[str, float], dict[str, float]]:
        """Per clause: its examples' best cosine with the question (whose vector's norm is `norm`), and its
        relevance (Σ weight × score over `terms`, then over the `context`'s terms but those `left_out`, in order); 0.0
        for a clause no term reaches. The context's products are laid end to end once for all a message's questions."""
        import numpy as np

        if self._arrays is None:
            self._arrays = np.array(self._norms, dtype=np.float64), np.array(self._firsts, dtype=np.intp)
        norms, firsts = self._arrays
        # One row per example, then one per clause: the two sums in one `bincount` (each row adds its own products
        # in the same order), the products of every term laid end to end once.
        laid = self._laid_out(list(zip(terms, map(weights.__getitem__, terms), strict=True)))
        if context is not None and context.items:
            if context.laid is None:
                parts = self._laid_out(context.items)
                lengths = np.array([len(rows) for rows, _ in parts], dtype=np.intp)
                context.laid = *(np.concatenate(part) for part in zip(*parts, strict=True)), lengths
            rows, products, lengths = context.laid
            if left_out:  # the question's own terms: the same arrays as laid term by term without them
                keep = np.repeat(np.array([term not in left_out for term, _ in context.items]), lengths)
                rows, products = rows[keep], products[keep]
            laid.append((rows, products))
        rows, products = (np.concatenate(part) for part in zip(*laid, strict=True))
        sums = np.bincount(rows, weights=products, minlength=len(norms) + len(self._ids))
        nearest = np.maximum.reduceat(sums[: len(norms)] / (norm * norms), firsts)
        relevance = sums[len(norms) :]
        ids = self._ids
        return dict(zip(ids, nearest.tolist(), strict=True)), dict(zip(ids, relevance.tolist(), strict=True))

    def plain_sums(
        self, terms: list[str], weights: dict[str, float], norm: float
    ) -> tuple[dict[str, float], dict[str, float]]:
        """`sums` added in Python, for a question's few terms: only the clauses a term reaches."""
        examples, clauses, clause_of = self._plain
        nearest: dict[str, float] = {}
        norms, best = self._norms, nearest.get
        for index, dot in _added(terms, weights, examples).items():  # any order: a maximum does not depend on it
            similarity = dot / (norm * norms[index])
            if similarity > best(clause_of[index], 0.0):
                nearest[clause_of[index]] = similarity
        return nearest, _added(terms, weights, clauses)

    def _laid_out(self, keys: list[tuple[str, float]] | tuple[tuple[str, float], ...]) -> list[tuple[NDArray, NDArray]]:
        """The rows and products of each (term, weight) of `keys`."""
        laid = list(map(self._laid.get, keys))  # in C: a long message's terms were mostly laid by an earlier ranking
        if None in laid:
            laid = [self._products(*key) if found is None else found for found, key in zip(laid, keys, strict=True)]
        return laid

    def _products(self, term: str, weight: float) -> tuple[NDArray, NDArray]:
        """The rows of `term`'s example postings, then of its clause postings (after the examples' rows), and `weight` ×
        their weights (each product the float Python's `weight * value` gives)."""
        import numpy as np

        if (laid := self._laid.get((term, weight))) is None:
            if len(self._laid) >= PRODUCTS_CACHE_SIZE:
                self._laid.clear()
            examples, clauses = (postings.get(term, ()) for postings in self._postings)
            offset = len(self._norms)
            laid = self._laid[term, weight] = (
                np.array([row for row, _ in examples] + [offset + row for row, _ in clauses], dtype=np.intp),
                np.array([weight * value for _, value in (*examples, *clauses)], dtype=np.float64),
            )
        return laid


def _added(
    terms: list[str], weights: dict[str, float], postings: Mapping[str, list[tuple[K, float]]]
) -> dict[K, float]:
    """Per posting's key (an example, a clause), Σ term weight × posting weight over `terms`, added in their order."""
    sums: dict[K, float] = {}
    get = sums.get
    for term in terms:
        term_weight = weights[term]
        for key, weight in postings.get(term, ()):
            sums[key] = get(key, 0.0) + term_weight * weight
    return sums
