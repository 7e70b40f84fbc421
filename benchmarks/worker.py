"""One in-process measurement, run by run.py in a child process of its own.

    python benchmarks/worker.py raw|library RESULT.json FOLDER [FOLDER ...]

Loads the pipeline, processes one warm-up letter, then times the letters of the
folders (sorted *.txt, folder after folder) and writes the figures to RESULT.json.
The parent reads this process's peak RSS from the kernel when it exits.
"""

from __future__ import annotations

import argparse
import inspect
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from time import perf_counter
from typing import Any

from letters import letter_paths

from thankyou_lint import Linter
from thankyou_lint.layout import parse_layout
from thankyou_lint.nlp import DEFAULT_MODEL, load_pipeline

WARM_UP = "Dear Dana,\n\nThank you for the interview on Monday.\n\nBest regards,\nSam Lee\n"
Result = dict[str, Any]


def read_texts(paths: Iterable[Path]) -> Iterator[str]:
    """Lazily: the batch streams in, as it would from a queue or a folder walk."""
    return (p.read_text(encoding="utf-8") for p in paths)


def linter_batch_size() -> int:
    """The batch size lint_many hands to nlp.pipe, so both runs batch alike."""
    default = inspect.signature(Linter.lint_drafts).parameters["batch_size"].default
    return int(default)


def raw_floor(paths: list[Path]) -> Result:
    """nlp.pipe over the bodies, with the components the enabled rules need; nothing else."""
    started = perf_counter()
    nlp = load_pipeline(DEFAULT_MODEL, Linter().needs)
    load_seconds = perf_counter() - started
    bodies = [parse_layout(text).body_text for text in read_texts(paths)]
    batch_size = linter_batch_size()
    started = perf_counter()
    for _ in nlp.pipe([WARM_UP]):
        pass
    warm_up_seconds = perf_counter() - started
    started = perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(bodies, batch_size=batch_size))
    seconds = perf_counter() - started
    return {
        "letters": len(bodies),
        "seconds": seconds,
        "load_seconds": load_seconds,
        "warm_up_seconds": warm_up_seconds,
        "tokens": tokens,
        "components": nlp.pipe_names,
        "batch_size": batch_size,
    }


def library(paths: list[Path]) -> Result:
    """Linter().lint_many over the letters, streamed in and consumed report by report."""
    started = perf_counter()
    linter = Linter()
    _ = linter.nlp
    load_seconds = perf_counter() - started
    started = perf_counter()
    for _report in linter.lint_many([WARM_UP]):
        pass
    warm_up_seconds = perf_counter() - started
    letters = findings = 0
    started = perf_counter()
    for report in linter.lint_many(read_texts(paths)):
        letters += 1
        findings += len(report.findings)
    return {
        "letters": letters,
        "seconds": perf_counter() - started,
        "load_seconds": load_seconds,
        "warm_up_seconds": warm_up_seconds,
        "findings": findings,
    }


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="One measurement, for benchmarks/run.py.")
    parser.add_argument("mode", choices=["raw", "library"])
    parser.add_argument("result", type=Path, help="where the figures go (JSON)")
    parser.add_argument("folders", type=Path, nargs="+", help="folders of letters (*.txt)")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    paths = letter_paths(*args.folders)
    result = raw_floor(paths) if args.mode == "raw" else library(paths)
    args.result.write_text(json.dumps(result), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
