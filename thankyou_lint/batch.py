"""What one run knows across letters: near-copies of letters linted earlier in the run."""

from __future__ import annotations

import heapq
import re
import zlib
from array import array
from collections import Counter, defaultdict
from functools import lru_cache

SHINGLE = 5  # words per shingle
SAMPLE = 8  # index one shingle in SAMPLE: candidates stay cheap to find in big batches
NEAR_COPY = 0.8  # Jaccard similarity of shingle sets
# A near-copy shares at least 80% of a letter's shingles, so about 80% of its sampled ones
# too: an earlier letter sharing fewer than half of them (one paragraph from a common
# template, say) is not compared in full. Below MIN_SAMPLES, every candidate is compared.
MIN_SHARED_SAMPLES = 0.5
MIN_SAMPLES = 8  # a letter's smallest shingles are indexed too: a short letter has some


@lru_cache(maxsize=1)  # a run asks `most_similar`, then `add`, about the same body
def shingles(text: str) -> frozenset[int]:
    words = re.findall(r"[a-z0-9']+", text.lower())
    count = max(0, len(words) - SHINGLE + 1)
    # crc32, not hash(): Python salts str hashes per process, and which shingles are
    # sampled must not change from one run to the next.
    return frozenset(zlib.crc32(" ".join(words[i : i + SHINGLE]).encode()) for i in range(count))


def _sampled(values: frozenset[int]) -> list[int]:
    """The shingles that go into the index: one in SAMPLE, the same ones in every letter,
    and the MIN_SAMPLES smallest (a letter of 40 words may have no shingle of the first
    kind, and then no earlier letter would ever be its candidate)."""
    return list({s for s in values if s % SAMPLE == 0}.union(heapq.nsmallest(MIN_SAMPLES, values)))


class NearCopyIndex:
    """Letters seen so far in a run; linear in their total length, not quadratic in count.

    Each letter keeps its shingles in a flat array of 64-bit ints (8 bytes a shingle, not
    a Python set's ~70), so memory stays small over tens of thousands of letters.
    """

    def __init__(self) -> None:
        self._letters: list[tuple[str, array[int]]] = []
        self._postings: dict[int, list[int]] = defaultdict(list)

    def most_similar(self, text: str) -> tuple[str, float] | None:
        mine = shingles(text)
        if len(mine) < SHINGLE:
            return None
        sampled = _sampled(mine)
        votes = Counter(i for s in sampled for i in self._postings.get(s, ()))
        needed = MIN_SHARED_SAMPLES * len(sampled) if len(sampled) >= MIN_SAMPLES else 1
        best: tuple[str, float] | None = None
        for i in (i for i, shared_samples in votes.items() if shared_samples >= needed):
            name, theirs = self._letters[i]
            shared = len(mine.intersection(theirs))
            similarity = shared / (len(mine) + len(theirs) - shared)
            if similarity >= NEAR_COPY and (best is None or similarity > best[1]):
                best = (name, similarity)
        return best

    def add(self, name: str, text: str) -> None:
        mine = shingles(text)
        index = len(self._letters)
        self._letters.append((name, array("q", mine)))
        for s in _sampled(mine):
            self._postings[s].append(index)
