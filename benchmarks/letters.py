"""A deterministic batch of varied letters, recombined from the labelled corpus.

Each letter takes its parts from different corpus letters: an optional subject line,
a greeting, an opening paragraph, zero to three middle paragraphs, a closing paragraph
and a sign-off with its signature. `thankyou_lint.layout.parse_layout` finds the parts.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from thankyou_lint.layout import Layout, parse_layout

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"
SEED = 20240611
SUBJECT_SHARE = 0.4  # share of letters that start with a subject line
MIDDLE_COUNTS = (0, 1, 1, 2, 2, 2, 3)  # middle paragraphs per letter, drawn uniformly

Part = tuple[int, str]  # (index of the donor letter, text)


@dataclass
class Pools:
    """The parts of every corpus letter, by role."""

    subjects: list[Part] = field(default_factory=list)
    greetings: list[Part] = field(default_factory=list)
    openings: list[Part] = field(default_factory=list)
    middles: list[Part] = field(default_factory=list)
    closings: list[Part] = field(default_factory=list)
    signoffs: list[Part] = field(default_factory=list)


def corpus_texts(corpus: Path = CORPUS) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]


def build_pools(texts: list[str]) -> Pools:
    pools = Pools()
    for donor, text in enumerate(texts):
        _add_parts(pools, donor, parse_layout(text))
    return pools


def _add_parts(pools: Pools, donor: int, layout: Layout) -> None:
    if layout.subject is not None:
        pools.subjects.append((donor, layout.subject.stripped))
    if layout.greeting is not None:
        pools.greetings.append((donor, layout.slice(layout.greeting)))
    paragraphs = [layout.slice(span) for span in layout.paragraphs]
    if len(paragraphs) >= 2:
        pools.openings.append((donor, paragraphs[0]))
        pools.middles += [(donor, p) for p in paragraphs[1:-1]]
        pools.closings.append((donor, paragraphs[-1]))
    if layout.signoff is not None:
        end = max(layout.signoff.end, layout.signature.end if layout.signature else 0)
        pools.signoffs.append((donor, layout.text[layout.signoff.start : end]))


def _pick(rng: random.Random, pool: list[Part], used: set[int]) -> str:
    """A part from a donor not used yet in this letter (any donor if all are used)."""
    for _ in range(20):
        donor, text = rng.choice(pool)
        if donor not in used:
            break
    used.add(donor)
    return text


def compose(rng: random.Random, pools: Pools) -> str:
    used: set[int] = set()
    parts = []
    if pools.subjects and rng.random() < SUBJECT_SHARE:
        parts.append(_pick(rng, pools.subjects, used))
    parts.append(_pick(rng, pools.greetings, used))
    parts.append(_pick(rng, pools.openings, used))
    parts += [_pick(rng, pools.middles, used) for _ in range(rng.choice(MIDDLE_COUNTS))]
    parts.append(_pick(rng, pools.closings, used))
    parts.append(_pick(rng, pools.signoffs, used))
    return "\n\n".join(parts) + "\n"


def generate(count: int, seed: int = SEED, corpus: Path = CORPUS) -> Iterator[str]:
    """`count` letters; the first k of a longer run are the same k letters."""
    pools = build_pools(corpus_texts(corpus))
    rng = random.Random(seed)
    for _ in range(count):
        yield compose(rng, pools)


def write_letters(folder: Path, letters: Iterator[str], count: int, start: int = 0) -> list[Path]:
    """Write `count` letters from `letters` as letter-NNNNN.txt, numbered from `start`."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(start, start + count):
        path = folder / f"letter-{number:05d}.txt"
        path.write_text(next(letters), encoding="utf-8")
        paths.append(path)
    return paths


def letter_paths(*folders: Path) -> list[Path]:
    return [p for folder in folders for p in sorted(folder.glob("*.txt"))]
