"""What one run knows across letters: near-copies of letters linted earlier in the run."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

SHINGLE = 5  # words per shingle
SAMPLE = 8  # index one shingle in SAMPLE: candidates stay cheap to find in big batches
NEAR_COPY = 0.8  # Jaccard similarity of shingle sets


def shingles(text: str) -> set[int]:
    words = re.findall(r"[a-z0-9']+", text.lower())
    return {hash(tuple(words[i : i + SHINGLE])) for i in range(max(0, len(words) - SHINGLE + 1))}


class NearCopyIndex:
    """Letters seen so far in a run; linear in their total length, not quadratic in count.

    Each letter keeps its shingles as a sorted int64 array (8 bytes a shingle, not a
    Python set's ~70), so memory stays small over tens of thousands of letters.
    """

    def __init__(self) -> None:
        self._letters: list[tuple[str, np.ndarray]] = []
        self._postings: dict[int, list[int]] = defaultdict(list)

    def most_similar(self, text: str) -> tuple[str, float] | None:
        mine = _as_array(shingles(text))
        if len(mine) < SHINGLE:
            return None
        candidates = {i for s in mine[mine % SAMPLE == 0] for i in self._postings.get(int(s), ())}
        best: tuple[str, float] | None = None
        for i in candidates:
            name, theirs = self._letters[i]
            shared = _shared(mine, theirs)
            similarity = shared / (len(mine) + len(theirs) - shared)
            if similarity >= NEAR_COPY and (best is None or similarity > best[1]):
                best = (name, similarity)
        return best

    def add(self, name: str, text: str) -> None:
        mine = _as_array(shingles(text))
        index = len(self._letters)
        self._letters.append((name, mine))
        for s in mine[mine % SAMPLE == 0]:
            self._postings[int(s)].append(index)


def _shared(a: np.ndarray, b: np.ndarray) -> int:
    import numpy as np

    return len(np.intersect1d(a, b, assume_unique=True))


def _as_array(values: set[int]) -> np.ndarray:
    import numpy as np  # imported on first use: `--help` and cached runs never need it

    return np.sort(np.fromiter(values, dtype=np.int64, count=len(values)))
