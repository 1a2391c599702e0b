"""Where a phrase of cue words holds one of the cues (knowledge/calculations.yaml): read by the cue patterns and by
the validator, which checks that each phrase of a `…_denials` list holds a cue."""

from __future__ import annotations

from collections.abc import Iterable

from .french import fold


def unless_split(cues: Iterable[str], phrase: str) -> tuple[str, str] | None:
    """`phrase` folded and cut before its last word that one of `cues` (folded) starts ("jamais ", "resiliee"), or
    None when no cue starts any of its words."""
    cues = [cue for cue in cues if cue]
    folded = " ".join(fold(phrase).split())
    starts = [i for i in range(len(folded)) if (i == 0 or folded[i - 1] == " ") and folded[i : i + 1].isalnum()]
    found = [i for i in starts if any(folded.startswith(cue, i) for cue in cues)]
    return (folded[: found[-1]], folded[found[-1] :]) if found else None
