"""The classifier's weights as a float64 matrix, for the hundreds of rows of a long message.

The classifier weighs a text's rows label by label in Python (`Classifier._weigh`). A message of 4,096
characters has 700 to 850 rows (its terms, its repeated n-grams) times 25 labels: 2 to 3 ms. Here numpy
gathers those rows' weights (float32 widened to float64, as Python widens them), multiplies each by its
value alone, and adds them with `cumsum`, which accumulates one row after the other: the operations of
`sum(map(mul, values, column))` in the same order, so the same floats (a matrix product or `sum()` would add
in another order; `tests/test_fast_paths.py`). numpy is imported at the first long message only, so that a
question asked from the engine cache never loads it (60 to 150 ms).
"""

from __future__ import annotations

from array import array
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from numpy.typing import NDArray

MANY_ROWS = 100  # from this many rows (a message of several sentences), numpy weighs them


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
