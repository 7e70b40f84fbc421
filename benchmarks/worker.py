"""One in-process measurement, run by run.py in a child process of its own.

    python benchmarks/worker.py paired|library RESULT.json FOLDER [FOLDER ...]

Loads the pipeline, processes one warm-up letter, then times the letters of the
folders (sorted *.txt, folder after folder) and writes the figures to RESULT.json.
The parent reads this process's peak RSS from the kernel when it exits.
"""

from __future__ import annotations

import argparse
import inspect
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path
from time import perf_counter
from typing import Any

from letters import letter_paths

from thankyou_lint import Linter
from thankyou_lint.layout import parse_layout

WARM_UP = "Dear Dana,\n\nThank you for the interview on Monday.\n\nBest regards,\nSam Lee\n"
Result = dict[str, Any]


def read_texts(paths: Iterable[Path]) -> Iterator[str]:
    """Lazily: the batch streams in, as it would from a queue or a folder walk."""
    return (p.read_text(encoding="utf-8") for p in paths)


def linter_batch_size() -> int:
    """The batch size lint_many hands to nlp.pipe, so both runs batch alike."""
    default = inspect.signature(Linter.lint_drafts).parameters["batch_size"].default
    return int(default)


def warmed_linter() -> tuple[Linter, Result]:
    """A Linter with its pipeline loaded and one letter linted, and how long each took."""
    started = perf_counter()
    linter = Linter()
    _ = linter.nlp
    loaded = perf_counter()
    for _report in linter.lint_many([WARM_UP]):
        pass
    return linter, {"load_seconds": loaded - started, "warm_up_seconds": perf_counter() - loaded}


SLICE = 128  # letters per slice: two of nlp.pipe's batches, so both sides batch alike


def paired(paths: list[Path]) -> Result:
    """lint_many and the raw floor over the same letters, timed in alternating slices.

    The shared machine's speed drifts by 20 % and more within a minute, so two runs a
    minute apart compare the minutes as much as the programs. Here each slice of letters
    goes through lint_many and through the raw floor one right after the other (which
    goes first alternates), and each side's seconds are summed: a slow spell falls on
    both. The lint side is a single `lint_many` run over the whole batch, consumed a slice
    at a time; the raw floor is `nlp.pipe` over the slice's bodies with the same pipeline
    (the components the enabled rules need) and batch size, doing nothing else.
    """
    linter, start_up = warmed_linter()
    nlp = linter.nlp
    texts = list(read_texts(paths))
    bodies = [parse_layout(text).body_text for text in texts]  # made before the timing
    batch_size = linter_batch_size()
    reports = linter.lint_many(iter(texts))
    counts = {"findings": 0, "tokens": 0}
    seconds = {"library": 0.0, "raw": 0.0}

    def lint(start: int, end: int) -> None:
        counts["findings"] += sum(len(r.findings) for r in islice(reports, end - start))

    def raw(start: int, end: int) -> None:
        docs = nlp.pipe(bodies[start:end], batch_size=batch_size)
        counts["tokens"] += sum(len(doc) for doc in docs)

    sides: list[tuple[str, Callable[[int, int], None]]] = [("library", lint), ("raw", raw)]
    for number, start in enumerate(range(0, len(texts), SLICE)):
        end = min(start + SLICE, len(texts))
        for name, side in sides if number % 2 == 0 else sides[::-1]:
            began = perf_counter()
            side(start, end)
            seconds[name] += perf_counter() - began
    return {
        "letters": len(texts),
        "library_seconds": seconds["library"],
        "raw_seconds": seconds["raw"],
        "slice": SLICE,
        **start_up,
        **counts,
        "components": nlp.pipe_names,
        "batch_size": batch_size,
    }


def library(paths: list[Path]) -> Result:
    """Linter().lint_many over the letters, streamed in and consumed report by report."""
    linter, start_up = warmed_linter()
    letters = findings = 0
    started = perf_counter()
    for report in linter.lint_many(read_texts(paths)):
        letters += 1
        findings += len(report.findings)
    return {
        "letters": letters,
        "seconds": perf_counter() - started,
        **start_up,
        "findings": findings,
    }


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="One measurement, for benchmarks/run.py.")
    parser.add_argument("mode", choices=["paired", "library"])
    parser.add_argument("result", type=Path, help="where the figures go (JSON)")
    parser.add_argument("folders", type=Path, nargs="+", help="folders of letters (*.txt)")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    paths = letter_paths(*args.folders)
    result = paired(paths) if args.mode == "paired" else library(paths)
    args.result.write_text(json.dumps(result), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
