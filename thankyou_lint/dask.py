"""Lint letters on a Dask cluster: the same engine and the same `Report`, at any scale.

Install with `pip install "thankyou-lint[dask]"`. A run is four steps over the partitions:

1. Each partition's letters get their near-copy band keys (see `near_copies`) from the
   layout alone, no parse; the keys go to buckets by key.
2. Each bucket pairs the letters that share a key: the candidates, later letter first.
3. Each partition compares its letters in full with their earlier candidates only (only
   those letters' shingles travel) and keeps the most similar, as one process would.
4. Each partition is linted by its worker's `Linter` (loaded once per worker process, kept
   in `_LINTERS`; the settings travel as one small task, never pickled with a Linter) and
   finished with its near-copies. This is nearly all the time, and nothing of it is held
   for other partitions, so a worker's memory stays flat however many letters it lints.

So near-copies are found across partitions and workers, the cost grows with the number of
letters rather than its square, and the reports are those `Linter.lint_many` (or the
command line) gives for the same letters in the same order.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from array import array
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from operator import add
from pathlib import Path
from typing import TYPE_CHECKING, Any

import dask.bag as db
import dask.dataframe as dd
import pandas as pd
from dask.delayed import Delayed, delayed

from .config import Config
from .engine import Linter, Refused, RunState
from .errors import InputError
from .models import Draft, Family, LetterContext, Reason, Report
from .near_copies import NearCopy, band_keys, comparable, most_similar, shingles

if TYPE_CHECKING:
    from distributed import Client

__all__ = ["FINDING_COLUMNS", "LETTER_COLUMNS", "lint_bag", "lint_frame"]

CONTEXT_FIELDS = ("company", "interviewer", "role")
LetterKey = Hashable
Loaded = list[tuple[LetterKey, Draft | str]]  # a letter, or why it could not be read
Outcome = list[tuple[LetterKey, Report | str]]  # its report, or why it was not linted
Loader = Callable[[Any], Loaded]  # a raw partition (texts, rows, file names) to its letters

MAX_BUCKETS = 64  # buckets of band keys: each meets one posting list per partition
_LINTERS: dict[str, Linter] = {}  # per worker process, by settings: loaded once


def _linter(settings: str) -> Linter:
    if settings not in _LINTERS:
        _LINTERS[settings] = Linter(Config.model_validate_json(settings))
    return _LINTERS[settings]


@dataclass
class _Keyed:
    """A letter's near-copy data: its path (if any), shingles and band keys."""

    path: str | None = None
    shingles: array[int] = field(default_factory=lambda: array("q"))
    keys: tuple[int, ...] = ()


def _near_copy_data(raw: Any, load: Loader, settings: str) -> list[_Keyed]:
    """Step 1: no parse, only the layout (about a millisecond a letter)."""
    linter = _linter(settings)
    keyed = []
    for _, draft in load(raw):
        if not isinstance(draft, Draft) or not linter.run_rules:
            keyed.append(_Keyed())
            continue
        try:
            _, layout = linter.readable(draft)
        except InputError:  # the draft is refused when linted: not part of the run
            keyed.append(_Keyed())
            continue
        mine = shingles(layout.body_text)
        near = (array("q", mine), band_keys(mine)) if comparable(mine) else ()
        keyed.append(_Keyed(draft.path, *near))
    return keyed


def _postings(keyed: list[_Keyed], part: int, buckets: int) -> list[list[tuple[int, int, int]]]:
    """(band key, partition, position) of every letter, split into buckets by key."""
    out: list[list[tuple[int, int, int]]] = [[] for _ in range(buckets)]
    for position, letter in enumerate(keyed):
        for key in letter.keys:
            out[key % buckets].append((key, part, position))
    return out


@dataclass
class _Candidates:
    """Pairs of letters sharing a band key, as (partition, position) of each."""

    by_later: dict[int, set[tuple[int, int, int]]]  # later partition -> (i, q, j)
    by_earlier: dict[int, set[int]]  # earlier partition -> positions others need


def _candidates(bucket: Sequence[list[tuple[int, int, int]]]) -> _Candidates:
    """Step 2: one bucket's postings from every partition to the pairs sharing a key."""
    letters_by_key: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for postings in bucket:
        for key, part, position in postings:
            letters_by_key[key].append((part, position))
    found = _Candidates(defaultdict(set), defaultdict(set))
    for letters in letters_by_key.values():
        letters.sort()
        for n, (part, position) in enumerate(letters):
            for earlier_part, earlier_position in letters[:n]:
                found.by_later[part].add((position, earlier_part, earlier_position))
                found.by_earlier[earlier_part].add(earlier_position)
    return found


Wanted = dict[
    tuple[int, int], tuple[str, "array[int]"]
]  # a string: array is not generic at run time


def _wanted(
    keyed: list[_Keyed], part: int, offset: int, candidates: Sequence[_Candidates]
) -> Wanted:
    """The names and shingles of this partition's letters that later letters compare with."""
    needed = set().union(*(c.by_earlier.get(part, ()) for c in candidates))
    return {(part, j): (_name(keyed[j].path, offset + j), keyed[j].shingles) for j in needed}


def _name(path: str | None, index: int) -> str:
    """What one process's run calls a letter: its path, or its place in the run."""
    return path or f"letter {index + 1}"


def _matches(
    keyed: list[_Keyed], part: int, candidates: Sequence[_Candidates], wanted: Sequence[Wanted]
) -> list[NearCopy | None]:
    """Step 3: each letter's most similar earlier letter, compared in full with its
    candidates only."""
    earlier = {k: v for part_wanted in wanted for k, v in part_wanted.items()}
    pairs: dict[int, set[tuple[int, int]]] = defaultdict(set)
    for c in candidates:
        for position, q, j in c.by_later.get(part, ()):
            pairs[position].add((q, j))
    return [
        most_similar(frozenset(letter.shingles), (earlier[qj] for qj in sorted(pairs[position])))
        if pairs[position]
        else None
        for position, letter in enumerate(keyed)
    ]


class _KnownNearCopy:
    """The answer of steps 1-3 for one letter, given to the run rules as one process's
    `NearCopyIndex` would give it."""

    def __init__(self, match: NearCopy | None) -> None:
        self.match = match

    def most_similar(self, text: str) -> NearCopy | None:
        return self.match

    def add(self, name: str, text: str) -> None:
        pass


def _lint_partition(
    raw: Any, load: Loader, matches: list[NearCopy | None], settings: str
) -> Outcome:
    """Step 4: the partition linted by this worker's `Linter`, as in one process."""
    linter = _linter(settings)
    loaded = load(raw)
    outcomes = iter(linter.letter_outcomes(d for _, d in loaded if isinstance(d, Draft)))
    out: Outcome = []
    for (key, draft), match in zip(loaded, matches, strict=True):
        if not isinstance(draft, Draft):
            out.append((key, draft))
            continue
        outcome = next(outcomes)
        if isinstance(outcome, Refused):
            out.append((key, outcome.reason))
            continue
        out.append((key, linter.finish(draft, outcome, RunState(_KnownNearCopy(match)))))
    return out


def lint_partitions(
    raw: Sequence[Any], load: Loader, config: Config | None = None
) -> list[Delayed]:
    """The run as a task graph: each raw partition (read by `load`, a picklable function,
    once for the near-copy keys and once to lint, so nothing is held between the two) to
    its letters' reports or errors."""
    settings = delayed(_settings, pure=True)((config or Config()).model_dump_json())
    keyed = [delayed(_near_copy_data, pure=True)(part, load, settings) for part in raw]
    buckets = max(1, min(len(keyed), MAX_BUCKETS))
    postings = [
        delayed(_postings, pure=True, nout=buckets)(part, number, buckets)
        for number, part in enumerate(keyed)
    ]
    candidates = [
        delayed(_candidates, pure=True)([part[b] for part in postings]) for b in range(buckets)
    ]
    offsets = [0]  # where each partition starts in the run: a chain, not a sum per partition
    for part in keyed[:-1]:
        offsets.append(delayed(add, pure=True)(offsets[-1], delayed(len)(part)))
    wanted = [
        delayed(_wanted, pure=True)(part, number, offsets[number], candidates)
        for number, part in enumerate(keyed)
    ]
    matches = [
        delayed(_matches, pure=True)(part, number, candidates, wanted[: number + 1])
        for number, part in enumerate(keyed)
    ]
    return [
        delayed(_lint_partition, pure=True)(part, load, matches[number], settings)
        for number, part in enumerate(raw)
    ]


def _settings(text: str) -> str:
    return text


# -- bags ------------------------------------------------------------------------------


def _load_items(items: Iterable[Any]) -> Loaded:
    loaded: Loaded = []
    for item in items:
        text, context = (item, None) if isinstance(item, str) else item
        if context is not None and not isinstance(context, LetterContext):
            context = LetterContext.model_validate(context)
        loaded.append((None, Draft(text, context=context)))
    return loaded


def _as_dicts(outcome: Outcome) -> list[dict[str, Any]]:
    return [
        r.model_dump(mode="json") if isinstance(r, Report) else {"error": r} for _, r in outcome
    ]


def lint_bag(bag: db.Bag, *, config: Config | None = None) -> db.Bag:
    """A bag of letters (texts, or `(text, context)` pairs with a `LetterContext` or a dict)
    to a bag of reports as dicts, in the same order; a letter that cannot be linted gives
    `{"error": why}`. Near-copies are found across the whole bag."""
    parts: list[Delayed] = bag.to_delayed()
    finished = lint_partitions(parts, _load_items, config)
    dicts = [delayed(_as_dicts, pure=True)(part) for part in finished]
    reports: db.Bag = db.from_delayed(dicts)
    return reports


# -- data frames -----------------------------------------------------------------------

FINDING_COLUMNS = {
    "rule": "string",
    "family": "string",
    "severity": "string",
    "line": "int64",
    "column": "int64",
    "end_line": "int64",
    "end_column": "int64",
    "start": "int64",
    "end": "int64",
    "message": "string",
}
LETTER_COLUMNS = {
    "error": "string",
    "findings": "Int64",
    **{family.value: "Int64" for family in Family},
    "words": "Int64",
    "sentences": "Int64",
    "body_words": "Int64",
    "flesch_reading_ease": "Float64",
    "flesch_kincaid_grade": "Float64",
    **{reason.value.replace("-", "_"): "boolean" for reason in Reason},
}


def _frame(rows: list[dict[str, Any]], key_dtype: Any, columns: dict[str, str]) -> pd.DataFrame:
    dtypes = {"key": key_dtype, **columns}
    frame = pd.DataFrame(rows, columns=list(dtypes))
    return frame.astype(dtypes)


def _findings_frame(outcome: Outcome, key_dtype: Any) -> pd.DataFrame:
    rows = [
        {"key": key, **f.model_dump(mode="json", include=set(FINDING_COLUMNS))}
        for key, report in outcome
        if isinstance(report, Report)
        for f in report.findings
    ]
    return _frame(rows, key_dtype, FINDING_COLUMNS)


def _letters_frame(outcome: Outcome, key_dtype: Any) -> pd.DataFrame:
    return _frame([_letter_row(key, r) for key, r in outcome], key_dtype, LETTER_COLUMNS)


def _letter_row(key: LetterKey, report: Report | str) -> dict[str, Any]:
    if isinstance(report, str):
        return {"key": key, "error": report}
    counts = {family.value: 0 for family in Family}
    for finding in report.findings:
        counts[finding.family.value] += 1
    card = {c.reason.value.replace("-", "_"): c.done for c in report.reasons}
    metrics = report.metrics.model_dump()
    return {
        "key": key,
        "error": None,
        "findings": len(report.findings),
        **counts,
        **metrics,
        **card,
    }


def meta_frames(key_dtype: Any) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The empty frames that declare both results' columns and types."""
    return _frame([], key_dtype, FINDING_COLUMNS), _frame([], key_dtype, LETTER_COLUMNS)


def frames(finished: Sequence[Delayed], key_dtype: Any) -> tuple[dd.DataFrame, dd.DataFrame]:
    """One row per finding and one row per letter, with declared types (nothing is
    computed to infer them). Compute both together (`dask.compute(a, b)`): they share the
    linting."""
    findings_meta, letters_meta = meta_frames(key_dtype)
    findings = dd.from_delayed(
        [delayed(_findings_frame, pure=True)(p, key_dtype) for p in finished],
        meta=findings_meta,
        verify_meta=False,
    )
    letters = dd.from_delayed(
        [delayed(_letters_frame, pure=True)(p, key_dtype) for p in finished],
        meta=letters_meta,
        verify_meta=False,
    )
    return findings, letters


def _load_rows(frame: pd.DataFrame, text: str, context_columns: dict[str, str]) -> Loaded:
    loaded: Loaded = []
    for key, row in frame.iterrows():
        given = {f: row[c] for f, c in context_columns.items() if pd.notna(row[c]) and row[c]}
        context = LetterContext(**{k: str(v) for k, v in given.items()}) if given else None
        value = row[text]
        if isinstance(value, str):
            loaded.append((key, Draft(value, context=context)))
        else:
            loaded.append((key, f"the {text!r} column holds {type(value).__name__}, not text"))
    return loaded


def lint_frame(
    ddf: dd.DataFrame,
    text: str = "text",
    *,
    context_columns: dict[str, str] | None = None,
    config: Config | None = None,
) -> tuple[dd.DataFrame, dd.DataFrame]:
    """A frame of letters (one per row, in column `text`) to two frames keyed by the row's
    index value (`key`): one row per finding, one row per letter (counts per family,
    metrics, the five-reasons card, and `error` when it could not be linted).

    `context_columns` maps context fields (company, interviewer, role) to columns; by
    default the columns of those names, where present.
    """
    if text not in ddf.columns:
        raise ValueError(f"no column {text!r}; the letters' column is given with text=...")
    columns = context_columns
    if columns is None:
        columns = {f: f for f in CONTEXT_FIELDS if f in ddf.columns}
    unknown = set(columns) - set(CONTEXT_FIELDS) or set(columns.values()) - set(ddf.columns)
    if unknown:
        raise ValueError(f"context_columns: unknown fields or columns {sorted(unknown)}")
    parts = ddf[[text, *dict.fromkeys(columns.values())]].to_delayed()
    load = partial(_load_rows, text=text, context_columns=columns)
    return frames(lint_partitions(parts, load, config), ddf.index.dtype)


# -- files -----------------------------------------------------------------------------


def file_urls(inputs: Sequence[str]) -> list[str]:
    """Local paths expanded as the command line expands them (same order); any other
    fsspec URL (`s3://bucket/letters/`, `gs://.../*.txt`) through fsspec: a folder for the
    letters below it, a glob for what it matches."""
    import fsspec

    from .inputs import SUFFIXES, expand

    urls: list[str] = []
    for given in inputs:
        if "://" not in given:
            urls += expand([given])
            continue
        fs, path = fsspec.core.url_to_fs(given)
        if fs.isdir(path):
            found = [p for p in fs.find(path) if p.lower().endswith(SUFFIXES)]
        elif any(c in path for c in "*?["):
            found = fs.glob(path)
        else:
            found = [path]
        urls += [fs.unstrip_protocol(p) for p in sorted(found)]
    return urls


def _load_files(urls: Sequence[str], max_size: int) -> Loaded:
    """Each file read on the worker, as the command line reads it (formats, size, errors)."""
    from .inputs import MAX_FILE_BYTES, read_source, shown, source_from_bytes

    loaded: Loaded = []
    for url in urls:
        if "://" in url:
            try:
                import fsspec

                with fsspec.open(url, "rb") as f:
                    source = source_from_bytes(url, f.read(MAX_FILE_BYTES + 1), max_size)
            except OSError as exc:
                loaded.append((url, exc.strerror or str(exc)))
                continue
        else:
            source = read_source(url, max_size)
        if source.text is None:
            loaded.append((url, source.error or "could not be read"))
        else:
            loaded.append((url, Draft(source.text, shown(url), markdown=source.markdown)))
    return loaded


def lint_files(
    urls: Sequence[str], *, config: Config | None = None, partition_size: int = 100
) -> tuple[dd.DataFrame, dd.DataFrame]:
    """Files (paths or fsspec URLs the workers can read) to the findings and letters
    frames of `lint_frame`, keyed by the file's URL."""
    settings = config or Config()
    chunks = [urls[i : i + partition_size] for i in range(0, len(urls), partition_size)]
    load = partial(_load_files, max_size=settings.max_size)
    return frames(lint_partitions(chunks, load, settings), pd.StringDtype())


@dataclass(frozen=True)
class BatchSummary:
    letters: int
    failed: int
    findings: int


def run_batch(
    urls: Sequence[str],
    out: Path,
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    config: Config | None = None,
    partition_size: int = 100,
    progress: bool = False,
) -> BatchSummary:
    """`thankyou-lint batch`: lint files on a cluster (a local one on this machine when no
    scheduler is given) and write `out/findings` and `out/letters` as Parquet datasets."""
    findings, letters = lint_files(urls, config=config, partition_size=partition_size)
    # Written to a hidden folder in `out`, moved in place when all is written: a failed
    # run leaves no half-written tables, and nothing already in `out` is touched. The
    # workers write the tables: on a remote cluster `out` must be a shared file system.
    staging = out / f".batch-{os.getpid()}"
    writes = [
        findings.to_parquet(staging / "findings", compute=False, write_index=False),
        letters.to_parquet(staging / "letters", compute=False, write_index=False),
    ]
    counts = [letters.shape[0], letters["error"].count(), findings.shape[0]]
    try:
        with _client(scheduler, workers) as client:
            futures = client.compute([*writes, *counts])
            if progress:
                from distributed import progress as show_progress

                show_progress(futures)
            results = client.gather(futures)
        for name in ("findings", "letters"):
            (staging / name).rename(out / name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    total, failed, found = (int(n) for n in results[len(writes) :])  # count() skips nulls
    return BatchSummary(total, failed, found)


@contextlib.contextmanager
def _client(scheduler: str | None, workers: int | None) -> Iterator[Client]:
    """A client of the given scheduler, or of a local cluster on this machine's loopback."""
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler, timeout="10s") as client:
            yield client
        return
    with (
        LocalCluster(
            n_workers=workers or os.cpu_count() or 1,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",  # nothing listens beyond this machine
            dashboard_address=None,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client
