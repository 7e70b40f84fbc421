"""Linting many drafts for the command line: cache first, then one or more processes.

Reports come back in input order and stream in windows, so memory stays flat however
many drafts there are. With every draft cached, spaCy is never loaded.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from itertools import islice

from .cache import ReportCache
from .config import Config
from .engine import Draft, Linter, RunState
from .models import Report

WINDOW = 256  # drafts looked up and linted together
CHUNK = 16  # drafts sent to a worker process at a time

_worker_linter: Linter | None = None


def lint_all(
    drafts: Iterable[Draft], linter: Linter, *, jobs: int = 1, cache: ReportCache | None = None
) -> Iterator[Report]:
    config = linter.config
    run = RunState()
    pool = (
        ProcessPoolExecutor(jobs, initializer=_start_worker, initargs=(config,))
        if jobs > 1
        else None
    )
    try:
        for window in _batched(drafts, WINDOW):
            for draft, report in zip(window, _reports(window, linter, pool, cache), strict=True):
                yield linter.finish(draft, report.model_copy(update={"path": draft.path}), run)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def _reports(
    window: Sequence[Draft],
    linter: Linter,
    pool: ProcessPoolExecutor | None,
    cache: ReportCache | None,
) -> list[Report]:
    keys = [cache.key(d) for d in window] if cache else [None] * len(window)
    found = [cache.get(k) if cache and k else None for k in keys]
    misses = [d for d, r in zip(window, found, strict=True) if r is None]
    fresh = iter(_lint(misses, linter, pool))
    reports = []
    for key, report in zip(keys, found, strict=True):
        if report is None:
            report = next(fresh)
            if cache and key:
                cache.put(key, report)
        reports.append(report)
    return reports


def _lint(drafts: list[Draft], linter: Linter, pool: ProcessPoolExecutor | None) -> list[Report]:
    if not drafts:
        return []
    if pool is None:
        return list(linter.letter_reports(drafts))
    chunks = [drafts[i : i + CHUNK] for i in range(0, len(drafts), CHUNK)]
    return [report for chunk in pool.map(_lint_in_worker, chunks) for report in chunk]


def _start_worker(config: Config) -> None:
    global _worker_linter
    _worker_linter = Linter(config)


def _lint_in_worker(drafts: list[Draft]) -> list[Report]:
    assert _worker_linter is not None
    return list(_worker_linter.letter_reports(drafts))


def _batched(items: Iterable[Draft], size: int) -> Iterator[list[Draft]]:
    iterator = iter(items)
    while window := list(islice(iterator, size)):
        yield window
