"""Linting many drafts for the command line: cache first, then one or more processes.

Reports come back in input order and stream in windows, so memory stays flat however
many drafts there are. With every draft cached, spaCy is never loaded. With worker
processes, the next window is handed out before the current one is collected, so no
worker waits at the end of a window while another finishes its last chunk.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING

from .cache import ReportCache
from .config import Config
from .engine import Linter, RunState
from .models import Draft, Report

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

WINDOW = 256  # drafts looked up and linted together
CHUNK = 8  # drafts sent to a worker process at a time: small, so the workers end together

_worker_linter: Linter | None = None


@dataclass
class Window:
    """Drafts on their way: cache hits already found, misses handed to workers (if any)."""

    drafts: list[Draft]
    keys: list[str | None]
    found: list[Report | None]
    pending: list[Future[list[Report]]]

    @property
    def misses(self) -> list[Draft]:
        return [d for d, r in zip(self.drafts, self.found, strict=True) if r is None]


def lint_all(
    drafts: Iterable[Draft], linter: Linter, *, jobs: int = 1, cache: ReportCache | None = None
) -> Iterator[Report]:
    run = RunState()
    pool = _worker_pool(jobs, linter.config) if jobs > 1 else None
    in_flight: deque[Window] = deque()
    try:
        for drafts_in_window in _batched(drafts, WINDOW):
            in_flight.append(_start(drafts_in_window, pool, cache))
            if len(in_flight) > 1:
                yield from _finish(in_flight.popleft(), linter, cache, run)
        while in_flight:
            yield from _finish(in_flight.popleft(), linter, cache, run)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def _start(
    drafts: list[Draft], pool: ProcessPoolExecutor | None, cache: ReportCache | None
) -> Window:
    keys: list[str | None] = [cache.key(d) if cache else None for d in drafts]
    cached = [
        cache.get(k, d.text) if cache and k else None for k, d in zip(keys, drafts, strict=True)
    ]
    window = Window(drafts, keys, cached, [])
    if pool is not None:
        misses = window.misses
        chunks = [misses[i : i + CHUNK] for i in range(0, len(misses), CHUNK)]
        window.pending = [pool.submit(_lint_in_worker, chunk) for chunk in chunks]
    return window


def _finish(
    window: Window, linter: Linter, cache: ReportCache | None, run: RunState
) -> Iterator[Report]:
    """The window's reports in input order, after the run rules and silencing."""
    fresh = iter(_fresh_reports(window, linter))
    for draft, key, report in zip(window.drafts, window.keys, window.found, strict=True):
        if report is None:
            report = next(fresh)
            if cache and key:
                cache.put(key, draft.text, report)
        yield linter.finish(draft, report.model_copy(update={"path": draft.path}), run)


def _fresh_reports(window: Window, linter: Linter) -> Iterator[Report]:
    if window.pending:
        return (report for future in window.pending for report in future.result())
    misses = window.misses
    return linter.letter_reports(misses) if misses else iter(())


def _worker_pool(jobs: int, config: Config) -> ProcessPoolExecutor:
    from concurrent.futures import ProcessPoolExecutor  # multiprocessing only when asked for

    pool = ProcessPoolExecutor(jobs, initializer=_start_worker, initargs=(config, _forker()))
    # Ctrl-C reaches the whole process group: the parent stops the pool; a worker that took
    # the signal too would print a traceback of its own. The workers start on the first
    # submit; with SIGINT blocked meanwhile they are born unable to take it until their
    # initializer ignores it, and the parent takes a Ctrl-C of that moment just after.
    with _sigint_blocked():
        pool.submit(int)
    return pool


@contextlib.contextmanager
def _sigint_blocked() -> Iterator[None]:
    if not hasattr(signal, "pthread_sigmask"):  # Windows: no signal masks
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def _forker() -> int | None:
    """This process, when it forks the workers itself; with a fork server (the default
    from Python 3.14) they are the server's children, and their parent is not known here."""
    import multiprocessing

    return os.getpid() if multiprocessing.get_start_method() == "fork" else None


def _start_worker(config: Config, parent: int | None) -> None:
    global _worker_linter
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a pending Ctrl-C is dropped with it
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    _end_with_parent(parent)
    _worker_linter = Linter(config)


PR_SET_PDEATHSIG = 1  # prctl(2) option: a signal for this process when its parent dies


def _end_with_parent(parent: int | None) -> None:
    """On Linux the kernel sends the worker SIGTERM when the run's process dies, even by
    SIGKILL, so no worker (a loaded pipeline, ~190 MB) is left running under PID 1."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    with contextlib.suppress(OSError, AttributeError):  # no prctl: the pool's shutdown is all
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    # A run killed between this worker's fork and the prctl above sends no signal (prctl(2)
    # says to check): the worker, already orphaned, ends here instead of waiting for work.
    if parent is not None and os.getppid() != parent:
        os._exit(0)


def _lint_in_worker(drafts: list[Draft]) -> list[Report]:
    assert _worker_linter is not None
    return list(_worker_linter.letter_reports(drafts))


def _batched(items: Iterable[Draft], size: int) -> Iterator[list[Draft]]:
    iterator = iter(items)
    while window := list(islice(iterator, size)):
        yield window
