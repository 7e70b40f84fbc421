"""Near-copies among the letters of a run: shingles, band keys, and an index over them.

A letter is the set of its 5-word shingles; two letters are near-copies when the Jaccard
similarity of their sets is at least NEAR_COPY. Candidates are found by banded MinHash
(one-permutation hashing): a letter's sketch is its smallest shingle in each of BINS bins,
cut into BANDS bands of ROWS values, and only letters that share a whole band are compared
in full. Letters at similarity s share a band with probability 1 - (1 - s**ROWS)**BANDS:
0.9996 at 0.8, 0.5 at 0.5, 0.06 at 0.3. So a letter meets its near-copies and few others,
and the cost grows with the number of letters, not with its square.

The same keys serve one process (`NearCopyIndex`) and a cluster (`thankyou_lint.dask`, a
join on band keys), and both keep the most similar earlier letter, the first on ties: they
find the same copies.
"""

from __future__ import annotations

import re
import struct
import zlib
from array import array
from collections import defaultdict
from collections.abc import Collection, Iterable
from functools import lru_cache
from hashlib import blake2b
from typing import Protocol

SHINGLE = 5  # words per shingle
NEAR_COPY = 0.8  # Jaccard similarity of shingle sets
ROWS = 5
BANDS = 25
BINS = ROWS * BANDS
MIX = 0x9E3779B1  # Knuth's multiplicative constant: spreads crc32 values over the bins
BORROWED = 1 << 32  # added per bin skipped when an empty bin borrows a value

NearCopy = tuple[str, float]  # the earlier letter's name, and the similarity


@lru_cache(maxsize=2)  # a run asks `most_similar`, then `add`, about the same body
def shingles(text: str) -> frozenset[int]:
    words = re.findall(r"[a-z0-9']+", text.lower())
    count = max(0, len(words) - SHINGLE + 1)
    # crc32, not hash(): Python salts str hashes per process, and the keys must be the
    # same in every process of a run and from one run to the next.
    return frozenset(zlib.crc32(" ".join(words[i : i + SHINGLE]).encode()) for i in range(count))


def sketch(values: Iterable[int]) -> list[int]:
    """The smallest mixed value in each bin. An empty bin (a short letter has many) takes the
    value of the next filled bin, marked by the distance ("rotation densification"), so
    two copies of a short letter still agree bin for bin."""
    mins = [-1] * BINS
    for value in values:
        mixed = (value * MIX) & 0xFFFFFFFF
        slot, rest = mixed % BINS, mixed // BINS
        if mins[slot] < 0 or rest < mins[slot]:
            mins[slot] = rest
    if all(v < 0 for v in mins):
        return mins
    dense = list(mins)
    nearest = 0
    for step in range(2 * BINS - 1, -1, -1):  # twice round, so the last bins wrap to the first
        slot = step % BINS
        if mins[slot] >= 0:
            nearest = step
        elif step < BINS:
            dense[slot] = mins[nearest % BINS] + (nearest - step) * BORROWED
    return dense


@lru_cache(maxsize=2)
def band_keys(values: frozenset[int]) -> tuple[int, ...]:
    """One 64-bit key per band of the sketch; letters sharing a key are candidates."""
    values_sketch = sketch(values)
    return tuple(
        int.from_bytes(
            blake2b(
                struct.pack(f"<B{ROWS}q", band, *values_sketch[band * ROWS : (band + 1) * ROWS]),
                digest_size=8,
            ).digest(),
            "little",
        )
        for band in range(BANDS)
    )


def similarity(mine: frozenset[int], theirs: Collection[int]) -> float:
    shared = len(mine.intersection(theirs))
    return shared / (len(mine) + len(theirs) - shared)


def most_similar(
    mine: frozenset[int], earlier: Iterable[tuple[str, Collection[int]]]
) -> NearCopy | None:
    """The most similar of `earlier` (in run order) at NEAR_COPY or more; the first on ties."""
    best: NearCopy | None = None
    for name, theirs in earlier:
        score = similarity(mine, theirs)
        if score >= NEAR_COPY and (best is None or score > best[1]):
            best = (name, score)
    return best


def comparable(values: frozenset[int]) -> bool:
    """Too short a text has too few shingles to call anything a copy of it."""
    return len(values) >= SHINGLE


class EarlierLetters(Protocol):
    """What a run rule may ask of the letters before the current one."""

    def most_similar(self, text: str) -> NearCopy | None: ...

    def add(self, name: str, text: str) -> None: ...


class NearCopyIndex:
    """The letters seen so far in one process's run.

    Each letter keeps its shingles in a flat array of 64-bit ints (8 bytes a shingle, not
    a Python set's ~70), so memory stays small over tens of thousands of letters.
    """

    def __init__(self) -> None:
        self._letters: list[tuple[str, array[int]]] = []
        self._postings: dict[int, list[int]] = defaultdict(list)

    def most_similar(self, text: str) -> NearCopy | None:
        mine = shingles(text)
        if not comparable(mine):
            return None
        found = sorted({i for key in band_keys(mine) for i in self._postings.get(key, ())})
        return most_similar(mine, (self._letters[i] for i in found))

    def add(self, name: str, text: str) -> None:
        mine = shingles(text)
        if not comparable(mine):
            return
        index = len(self._letters)
        self._letters.append((name, array("q", mine)))
        for key in band_keys(mine):
            self._postings[key].append(index)
