"""Performance benchmark of thankyou-lint: speed and memory against spaCy, proselint, targets.

    python benchmarks/run.py [--letters 2000] [--small] [--out benchmarks/results.json]

Every measured thing runs in a child process of its own; its wall time is taken with
time.perf_counter and its peak RSS comes from the kernel (os.wait4), so figures do not
leak into each other. See benchmarks/README.md for what each figure means.
"""

from __future__ import annotations

import argparse
import compileall
import hashlib
import json
import os
import platform
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from time import perf_counter
from typing import IO, Any

from letters import CORPUS, SEED, generate, letter_paths, write_letters

from thankyou_lint.nlp import DEFAULT_MODEL

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
REQUIREMENTS_HINT = f"pip install -r {HERE / 'requirements.txt'}"
CACHE_ENV = "THANKYOU_LINT_CACHE_DIR"
GNU_TIME = Path("/usr/bin/time")
# A forked child's ru_maxrss starts at its parent's RSS (Linux keeps the high-water mark
# across exec), so os.wait4 alone would count this script's own memory in every figure.
# GNU time forks the measured program from a tiny process instead.
RSS_METHOD = "GNU time (%M)" if GNU_TIME.exists() else "os.wait4 (includes run.py's own RSS)"


# --- what to run ------------------------------------------------------------------------


@dataclass(frozen=True)
class Plan:
    letters: int  # N: the batch the speed figures use
    big_letters: int  # 5 x N: the second memory figure
    warm_letters: int  # the cached re-run and its proselint peer
    repeats: int  # runs per start-up figure; the median counts
    small: bool


def make_plan(letters: int | None, small: bool) -> Plan:
    n = letters or (30 if small else 2000)
    if n < 1:
        raise SystemExit("--letters must be at least 1")
    return Plan(n, 5 * n, min(20, n), 3 if small else 5, small)


@dataclass(frozen=True)
class Tools:
    cli: Path
    proselint: Path | None
    flags: frozenset[str]  # the optional CLI flags this build has: --jobs, --no-cache, ...


def find_tools() -> Tools:
    cli = _executable("thankyou-lint")
    if cli is None:
        raise SystemExit("thankyou-lint is not installed in this environment")
    help_text = subprocess.run([cli, "--help"], capture_output=True, text=True).stdout
    flags = frozenset(f for f in ("--jobs", "--no-cache", "--cache-dir") if f in help_text)
    return Tools(cli, _executable("proselint"), flags)


def _executable(name: str) -> Path | None:
    beside = BIN / name
    if beside.exists():
        return beside
    found = shutil.which(name)
    return Path(found) if found else None


@dataclass(frozen=True)
class Batch:
    root: Path  # the temporary folder; children run here, so no config file is discovered
    folder: Path  # N letters
    extra: Path  # 4 x N more letters for the 5 x N memory figure
    files: list[Path]  # the N letters, sorted

    def scratch(self, name: str) -> Path:
        """A fresh empty folder, e.g. a cache dir that no earlier run has filled."""
        return Path(tempfile.mkdtemp(prefix=f"{name}-", dir=self.root))


def make_batch(root: Path, plan: Plan) -> Batch:
    letters = generate(plan.big_letters, SEED)
    files = write_letters(root / "batch", letters, plan.letters)
    write_letters(root / "extra", letters, plan.big_letters - plan.letters, start=plan.letters)
    return Batch(root, root / "batch", root / "extra", files)


# --- one child process ------------------------------------------------------------------


class ChildFailed(Exception):
    pass


@dataclass(frozen=True)
class Child:
    seconds: float
    peak_mb: float  # the largest single process of the child's tree (ru_maxrss)
    cpu_seconds: float  # user + system time of the child and the processes it waited for


def run_child(
    cmd: list[str | Path],
    cwd: Path,
    *,
    env: dict[str, str] | None = None,
    ok: tuple[int, ...] = (0,),
    stdout: Path | None = None,
    timeout: float = 3600,
) -> Child:
    """Run cmd to the end: wall time, peak RSS and CPU; ChildFailed on an exit not in ok."""
    with tempfile.TemporaryFile("w+") as err, _output(stdout) as out, _stats_file() as stats:
        started = perf_counter()
        proc = subprocess.Popen(
            _measured(cmd, stats.name),
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            start_new_session=True,  # its own process group: a timeout ends the whole tree
        )
        timer = threading.Timer(timeout, os.killpg, (proc.pid, signal.SIGKILL))
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
            timed_out = timer.finished.is_set()
        finally:
            timer.cancel()
        seconds = perf_counter() - started
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        if timed_out:
            raise ChildFailed(f"{Path(cmd[0]).name} killed after {timeout:.0f} s")
        if code not in ok:
            err.seek(0)
            last = (err.read().strip().splitlines() or ["(no stderr)"])[-1]
            raise ChildFailed(f"{Path(cmd[0]).name} exited {code}: {last}")
        return Child(seconds, *_peak_and_cpu(stats, usage))


def _measured(cmd: list[str | Path], stats: str) -> list[str | Path]:
    """Through GNU time where there is one: see RSS_METHOD."""
    return [GNU_TIME, "-o", stats, "-f", "%M %U %S", *cmd] if GNU_TIME.exists() else cmd


def _peak_and_cpu(stats: IO[str], usage: resource.struct_rusage) -> tuple[float, float]:
    if not GNU_TIME.exists():
        return usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime
    stats.seek(0)
    peak_kb, user, system = stats.read().strip().splitlines()[-1].split()
    return int(peak_kb) / 1024, float(user) + float(system)


def _stats_file() -> IO[str]:
    return tempfile.NamedTemporaryFile("w+", prefix="time-", suffix=".txt")


def _output(path: Path | None) -> IO[Any]:
    return open(path, "wb") if path else open(os.devnull, "wb")


def timeout_for(letters: int) -> float:
    """Far beyond any healthy run: only a hung child reaches it."""
    return 120 + 2.0 * letters


# --- figures ----------------------------------------------------------------------------


@dataclass
class Figure:
    key: str
    label: str
    letters: int | None = None
    seconds: float | None = None
    peak_mb: float | None = None
    cpu_seconds: float | None = None  # of the whole child process (median for repeats)
    runs: list[float] = field(default_factory=list)  # seconds of each repeat (medians)
    status: str = "ok"  # ok | skipped | crashed
    note: str = ""
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def per_second(self) -> float | None:
        if not (self.letters and self.seconds):
            return None
        return self.letters / self.seconds

    def as_data(self) -> dict[str, Any]:
        return asdict(self) | {"letters_per_s": self.per_second}


def skipped(key: str, label: str, why: str) -> Figure:
    return Figure(key, label, status="skipped", note=why)


def taking_turns(repeats: int, *commands: Callable[[], Child]) -> list[list[Child]]:
    """Each command `repeats` times, in turn: a slow spell of the machine falls on all."""
    runs: list[list[Child]] = [[] for _ in commands]
    for _ in range(repeats):
        for command, done in zip(commands, runs, strict=True):
            done.append(command())
    return runs


def median_of(key: str, label: str, letters: int | None, children: list[Child]) -> Figure:
    runs = [c.seconds for c in children]
    cpu = statistics.median(c.cpu_seconds for c in children)
    peak = max(c.peak_mb for c in children)
    return Figure(key, label, letters, statistics.median(runs), peak, cpu, runs=runs)


# --- the measurements -------------------------------------------------------------------


@dataclass
class Bench:
    plan: Plan
    tools: Tools
    batch: Batch
    figures: dict[str, Figure] = field(default_factory=dict)

    def has(self, flag: str) -> bool:
        return flag in self.tools.flags

    def cli_env(self, cache: Path | None = None) -> dict[str, str]:
        """Every CLI run gets its own cache folder: a fresh one unless told which."""
        return os.environ | {CACHE_ENV: str(cache or self.batch.scratch("cache"))}

    def no_cache(self) -> list[str]:
        return ["--no-cache"] if self.has("--no-cache") else []

    def cli(self, *args: str | Path) -> list[str | Path]:
        return [self.tools.cli, "--color", "never", *args]


def run_worker(bench: Bench, mode: str, *folders: Path) -> tuple[dict[str, Any], Child]:
    out = bench.batch.scratch("worker") / "result.json"
    cmd: list[str | Path] = [sys.executable, HERE / "worker.py", mode, out, *folders]
    child = run_child(cmd, bench.batch.root, timeout=timeout_for(len(letter_paths(*folders))))
    return json.loads(out.read_text(encoding="utf-8")), child


def worker_figure(bench: Bench, mode: str, key: str, label: str, *folders: Path) -> Figure:
    """In-process seconds (pipeline load and first letter excluded), the child's peak RSS."""
    result, child = run_worker(bench, mode, *folders)
    start_up = (
        f"load {result['load_seconds']:.1f} s, first letter {result['warm_up_seconds']:.1f} s"
    )
    return Figure(
        key,
        label,
        letters=result["letters"],
        seconds=result["seconds"],
        peak_mb=child.peak_mb,
        cpu_seconds=child.cpu_seconds,
        note=f"excl. {start_up}; whole process {child.seconds:.1f} s",
        details=result | {"process_seconds": child.seconds},
    )


def measure_throughput(bench: Bench) -> list[Figure]:
    """The raw floor and lint_many timed in alternating slices of one process (worker.py
    paired: the machine's drift falls on both), and lint_many alone for its peak memory."""
    folder = bench.batch.folder
    result, child = run_worker(bench, "paired", folder)
    alone = worker_figure(bench, "library", "library", "lint_many (library)", folder)
    letters, start_up = result["letters"], f"load {result['load_seconds']:.1f} s"
    interleaved = f"timed in slices of {result['slice']} alternating with"
    raw = Figure(
        "raw",
        "raw floor: nlp.pipe over bodies",
        letters=letters,
        seconds=result["raw_seconds"],
        note=f"{interleaved} lint_many, same process ({child.seconds:.1f} s, {start_up})",
        details=result,
    )
    library = Figure(
        "library",
        "lint_many (library)",
        letters=letters,
        seconds=result["library_seconds"],
        peak_mb=alone.peak_mb,
        cpu_seconds=alone.cpu_seconds,
        runs=[alone.seconds] if alone.seconds is not None else [],
        note=f"{interleaved} the raw floor; peak MB and CPU s: lint_many alone ({alone.note})",
        details={"alone": alone.details},
    )
    return [raw, library]


def measure_library_big(bench: Bench) -> list[Figure]:
    label, batch = "lint_many (library), 5 x N", bench.batch
    return [worker_figure(bench, "library", "library_5x", label, batch.folder, batch.extra)]


def measure_cli_jobs(bench: Bench) -> list[Figure]:
    """Both runs, between two checks of how many cores the shared machine really gives."""
    before = core_capacity(bench.batch.root)
    figures = [cli_jobs(bench, 1), cli_jobs(bench, 2)]
    after = core_capacity(bench.batch.root)
    capacity = Figure("capacity", "cores free for --jobs 2 (busy loops)", note="not timed")
    capacity.details = {"before": before, "after": after, "cores": min(before, after)}
    return [*figures, capacity]


BUSY_LOOP: list[str | Path] = [sys.executable, "-c", "sum(range(30_000_000))"]


def core_capacity(cwd: Path) -> float:
    """How many cores' worth two CPU-bound processes get at once: 2.0 on an idle 2-core box."""
    alone = run_child(BUSY_LOOP, cwd).seconds
    started = perf_counter()
    procs = [subprocess.Popen(BUSY_LOOP, cwd=cwd) for _ in range(2)]
    for proc in procs:
        proc.wait()
    together = perf_counter() - started
    return 2 * alone / together


def cli_jobs(bench: Bench, jobs: int) -> Figure:
    key, label = f"cli_jobs{jobs}", f"CLI --jobs {jobs} --no-cache, json"
    notes = _missing(bench, "--no-cache")
    if not bench.has("--jobs"):
        if jobs > 1:
            return skipped(key, label, "the CLI has no --jobs flag yet")
        notes.append("no --jobs flag yet: the CLI's default (one process)")
    jobs_args = ["--jobs", str(jobs)] if bench.has("--jobs") else []
    cmd = bench.cli(*jobs_args, *bench.no_cache(), "--format", "json", bench.batch.folder)
    n = bench.plan.letters
    child = run_child(cmd, bench.batch.root, env=bench.cli_env(), ok=(0, 1), timeout=timeout_for(n))
    note = "; ".join([*notes, "peak MB: largest single process"] if jobs > 1 else notes)
    return Figure(key, label, n, child.seconds, child.peak_mb, child.cpu_seconds, note=note)


def _missing(bench: Bench, *flags: str) -> list[str]:
    return [
        f"no {flag} flag yet: ran without it (fresh cache dir)"
        for flag in flags
        if not bench.has(flag)
    ]


def measure_proselint(bench: Bench) -> list[Figure]:
    label = "proselint check, same files"
    if bench.tools.proselint is None:
        return [skipped("proselint", label, f"proselint not installed: {REQUIREMENTS_HINT}")]
    cmd: list[str | Path] = [bench.tools.proselint, "check", bench.batch.folder]
    n = bench.plan.letters
    child = run_child(cmd, bench.batch.root, ok=(0, 1), timeout=timeout_for(n))
    return [Figure("proselint", label, n, child.seconds, child.peak_mb, child.cpu_seconds)]


def measure_cold_start(bench: Bench) -> list[Figure]:
    """The CLI on one letter vs importing spaCy and loading the pipeline, interleaved."""
    letter = bench.batch.files[0]
    cli_cmd = bench.cli(*bench.no_cache(), letter)
    load_cmd: list[str | Path] = [
        sys.executable,
        "-c",
        f"import spacy; spacy.load({DEFAULT_MODEL!r})",
    ]
    cli_runs, load_runs = taking_turns(
        bench.plan.repeats,
        lambda: run_child(cli_cmd, bench.batch.root, env=bench.cli_env(), ok=(0, 1)),
        lambda: run_child(load_cmd, bench.batch.root),
    )
    cold = median_of("cli_cold", "CLI cold start, 1 letter", 1, cli_runs)
    cold.note = "; ".join(_missing(bench, "--no-cache"))
    bare = median_of("spacy_load", "bare spacy.load", None, load_runs)
    return [cold, bare]


def measure_warm(bench: Bench) -> list[Figure]:
    """A re-run on unchanged letters with a warm cache vs proselint on the same letters.

    The two commands alternate, as in the cold start: the machine's drift falls on both.
    """
    files = bench.batch.files[: bench.plan.warm_letters]
    key, label = "cli_warm", "CLI warm cached re-run"
    peer_key, peer_label = "proselint_warm", "proselint check, same letters"
    if not bench.has("--cache-dir"):
        return [skipped(key, label, "the CLI has no --cache-dir flag yet")]
    warm = WarmCache(bench, files)
    proselint = bench.tools.proselint
    if proselint is None:
        (cli_runs,) = taking_turns(bench.plan.repeats, warm.rerun)
        why = f"proselint not installed: {REQUIREMENTS_HINT}"
        peer = skipped(peer_key, peer_label, why)
    else:
        peer_cmd: list[str | Path] = [proselint, "check", *files]
        cli_runs, peer_runs = taking_turns(
            bench.plan.repeats,
            warm.rerun,
            lambda: run_child(peer_cmd, bench.batch.root, ok=(0, 1)),
        )
        peer = median_of(peer_key, peer_label, len(files), peer_runs)
    return [warm.figure(median_of(key, label, len(files), cli_runs)), peer]


class WarmCache:
    """The CLI on the same letters with one cache folder, which the first run fills."""

    def __init__(self, bench: Bench, files: list[Path]) -> None:
        self.bench, self.files = bench, files
        self.cache = bench.batch.scratch("warm-cache")
        self.cmd = bench.cli("--cache-dir", self.cache, "--format", "json", *files)
        self.env, self.root = bench.cli_env(self.cache), bench.batch.root
        self.fresh = self.root / "warm-first.json"
        self.fill = self.rerun(stdout=self.fresh)
        self.filled = _entries(self.cache)

    def rerun(self, stdout: Path | None = None) -> Child:
        return run_child(self.cmd, self.root, env=self.env, ok=(0, 1), stdout=stdout)

    def figure(self, timed: Figure) -> Figure:
        """The timed figure, with checks that the runs were answered from the cache."""
        warm = self.root / "warm-again.json"
        self.rerun(stdout=warm)
        timed.details = {
            "fill_seconds": self.fill.seconds,
            "cache_entries": self.filled,
            "cache_entries_after": _entries(self.cache),
            "same_output_as_fresh_run": _same_json(self.fresh, warm),
        }
        timed.details |= _jobs_consistency(self.bench, self.files, self.fresh)
        timed.note = _warm_note(self.filled, _entries(self.cache))
        return timed


def _entries(cache: Path) -> int:
    return sum(1 for p in cache.rglob("*") if p.is_file())


def _warm_note(filled: int, after: int) -> str:
    if not filled:
        return "the cache folder is empty after the first run"
    if after > filled:
        return "the cache missed in the timed runs (product code edited meanwhile?)"
    return ""


def _jobs_consistency(bench: Bench, files: list[Path], fresh: Path) -> dict[str, Any]:
    """Whether --jobs 2 prints what one process prints (not timed)."""
    if not bench.has("--jobs"):
        return {}
    out = bench.batch.root / "jobs2.json"
    cmd = bench.cli("--jobs", "2", *bench.no_cache(), "--format", "json", *files)
    run_child(cmd, bench.batch.root, env=bench.cli_env(), ok=(0, 1), stdout=out)
    return {"jobs2_same_output_as_jobs1": _same_json(fresh, out)}


def _same_json(a: Path, b: Path) -> bool:
    return bool(json.loads(a.read_bytes()) == json.loads(b.read_bytes()))


def measure_help(bench: Bench) -> list[Figure]:
    cmd = bench.cli("--help")
    runs = [run_child(cmd, bench.batch.root) for _ in range(bench.plan.repeats)]
    return [median_of("help", "thankyou-lint --help", None, runs)]


Measurement = tuple[str, Callable[[Bench], list[Figure]], list[str]]

# Quick start-up figures first, so a broken build fails within seconds.
MEASUREMENTS: list[Measurement] = [
    ("--help", measure_help, ["help"]),
    ("cold start", measure_cold_start, ["cli_cold", "spacy_load"]),
    ("warm cached re-run", measure_warm, ["cli_warm", "proselint_warm"]),
    ("raw floor and lint_many", measure_throughput, ["raw", "library"]),
    ("CLI --jobs 1 and 2", measure_cli_jobs, ["cli_jobs1", "cli_jobs2", "capacity"]),
    ("proselint", measure_proselint, ["proselint"]),
    ("lint_many at 5 x N", measure_library_big, ["library_5x"]),
]


def run_all(bench: Bench) -> None:
    for number, (name, measure, keys) in enumerate(MEASUREMENTS, 1):
        log(f"[{number}/{len(MEASUREMENTS)}] {name} ...")
        try:
            figures = measure(bench)
        except Exception as exc:  # one broken measurement must not hide the others
            note = f"{type(exc).__name__}: {exc}"
            figures = [Figure(k, k, status="crashed", note=note) for k in keys]
        for figure in figures:
            bench.figures[figure.key] = figure
            log(f"    {figure.label}: {_brief(figure)}")


def _brief(figure: Figure) -> str:
    if figure.status != "ok":
        return f"{figure.status.upper()}: {figure.note}"
    if figure.key == "capacity":
        return f"{figure.details['cores']:.2f} cores"
    peak = f", {figure.peak_mb:.0f} MB" if figure.peak_mb is not None else ""
    return f"{figure.seconds or 0:.3f} s{peak}"


# --- targets ----------------------------------------------------------------------------

Operand = tuple[str, str]  # (figure key, "seconds" | "peak_mb")


@dataclass(frozen=True)
class Target:
    label: str
    numerator: Operand
    denominator: Operand | None
    op: str  # "<=" | ">=" | "<"
    limit: float


def _time(key: str) -> Operand:
    return (key, "seconds")


def _peak(key: str) -> Operand:
    return (key, "peak_mb")


TARGETS = [
    Target("lint_many / raw floor (time)", _time("library"), _time("raw"), "<=", 1.15),
    Target("CLI jobs 1 / jobs 2 (time)", _time("cli_jobs1"), _time("cli_jobs2"), ">=", 1.6),
    Target("cold CLI / bare spacy.load", _time("cli_cold"), _time("spacy_load"), "<=", 1.3),
    Target("warm cached 20 / proselint 20", _time("cli_warm"), _time("proselint_warm"), "<=", 1.0),
    Target("--help seconds", _time("help"), None, "<", 0.3),
    Target("lint_many peak MB at N", _peak("library"), None, "<=", 400),
    Target("lint_many peak 5 x N / N", _peak("library_5x"), _peak("library"), "<=", 1.1),
]
COMPARE: dict[str, Callable[[float, float], bool]] = {
    "<=": lambda a, b: a <= b,
    ">=": lambda a, b: a >= b,
    "<": lambda a, b: a < b,
}


def _operand(figures: dict[str, Figure], operand: Operand) -> float | None:
    figure = figures.get(operand[0])
    if figure is None or figure.status != "ok":
        return None
    value = getattr(figure, operand[1])
    return float(value) if value is not None else None


def judge(target: Target, figures: dict[str, Figure]) -> dict[str, Any]:
    value = _operand(figures, target.numerator)
    if value is not None and target.denominator is not None:
        below = _operand(figures, target.denominator)
        value = value / below if below else None
    passed = value is not None and COMPARE[target.op](value, target.limit)
    result = "n/a" if value is None else ("PASS" if passed else "FAIL")
    limits = {"op": target.op, "limit": target.limit}
    return {"target": target.label, "value": value, **limits, "result": result}


# --- report -----------------------------------------------------------------------------

ROWS = ["raw", "library", "library_5x", "cli_jobs1", "cli_jobs2", "proselint"]
ROWS += ["cli_cold", "spacy_load", "cli_warm", "proselint_warm", "help"]
HEADER = ("measurement", "letters", "seconds", "letters/s", "peak MB", "CPU s")


def render_table(figures: dict[str, Figure]) -> str:
    rows = [_cells(figures[key]) for key in ROWS if key in figures]
    lines = [_line(HEADER, "note")] + [_line(cells, note) for cells, note in rows]
    return "\n".join(lines)


def _line(cells: tuple[str, ...], note: str) -> str:
    name, *numbers = cells
    return f"{name:<34}" + "".join(f"{n:>10}" for n in numbers) + f"  {note}"


def _cells(f: Figure) -> tuple[tuple[str, ...], str]:
    letters = str(f.letters or "")
    if f.status != "ok":
        return (f.label, letters, "-", "-", "-", "-"), f"{f.status}: {f.note}"
    numbers = (
        _fmt(f.seconds, ".3f"),
        _fmt(f.per_second, ".1f"),
        _fmt(f.peak_mb, ".0f"),
        _fmt(f.cpu_seconds, ".1f"),
    )
    return (f.label, letters, *numbers), f.note


def _fmt(value: float | None, spec: str) -> str:
    return "" if value is None else format(value, spec)


def render_targets(verdicts: list[dict[str, Any]]) -> str:
    lines = [f"{'target':<34} {'value':>8}  {'wanted':<9} result"]
    for v in verdicts:
        value = "-" if v["value"] is None else f"{v['value']:.2f}"
        wanted = f"{v['op']} {v['limit']:g}"
        lines.append(f"{v['target']:<34} {value:>8}  {wanted:<9} {v['result']}")
    return "\n".join(lines)


def caveats(bench: Bench) -> list[str]:
    notes = []
    capacity = bench.figures.get("capacity")
    if capacity and capacity.status == "ok" and capacity.details["cores"] < 1.8:
        before, after = capacity.details["before"], capacity.details["after"]
        notes.append(
            f"note: two busy processes got {before:.2f} cores' worth before the --jobs runs and"
            f" {after:.2f} after (other load on the machine): the jobs ratio may say little"
            " about --jobs itself."
        )
    if bench.plan.small:
        notes.append("note: --small has too few letters for the targets to mean much.")
    return notes


def metadata_of(plan: Plan, tools: Tools, load_before: float) -> dict[str, Any]:
    names = ("thankyou-lint", "spacy", DEFAULT_MODEL, "proselint")
    return {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "mode": "small" if plan.small else "full",
        "plan": asdict(plan),
        "seed": SEED,
        "corpus": corpus_fingerprint(),
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
        "load_average_before": load_before,
        "load_average_after": os.getloadavg()[0],
        "versions": {name: _version(name) for name in names},
        "git": _git_revision(),
        "cli_flags": sorted(tools.flags),
        "rss_method": RSS_METHOD,
        "runner_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def corpus_fingerprint() -> dict[str, Any]:
    """The batch is made from the corpus: a changed corpus makes other letters."""
    digest = hashlib.sha256()
    paths = sorted(CORPUS.glob("*.txt"))
    for path in paths:
        digest.update(path.read_bytes())
    return {"letters": len(paths), "sha256": digest.hexdigest()[:16]}


def _version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def _git_revision() -> str | None:
    git = ["git", "-C", str(HERE.parent)]
    try:
        head = subprocess.run(
            [*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True
        )
        dirty = subprocess.run([*git, "status", "--porcelain"], capture_output=True, text=True)
    except OSError:
        return None
    if head.returncode != 0:
        return None
    return head.stdout.strip() + ("+dirty" if dirty.stdout.strip() else "")


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- main -------------------------------------------------------------------------------


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add = parser.add_argument
    add("--letters", type=int, help="N, the batch size (default 2000; 30 with --small)")
    add("--small", action="store_true", help="a quick run for CI: a few dozen letters")
    add("--out", type=Path, default=HERE / "results.json", help="where the JSON goes")
    return parser.parse_args(argv)


def compile_bytecode() -> None:
    """Byte-compile the package, as `pip install` does for a regular install.

    From an editable install, or with PYTHONDONTWRITEBYTECODE set, every measured start
    would compile the sources again: a cost users of an installed package never pay.
    """
    import thankyou_lint

    compileall.compile_dir(Path(thankyou_lint.__file__).parent, quiet=1)


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    plan, tools = make_plan(args.letters, args.small), find_tools()
    if tools.proselint is None and not plan.small:
        log(f"proselint is needed for the full benchmark: {REQUIREMENTS_HINT}")
        return 2
    compile_bytecode()
    load_before = os.getloadavg()[0]
    if load_before > 0.5:
        log(f"note: load average {load_before:.2f} on {os.cpu_count()} cores: noisy timings")
    with tempfile.TemporaryDirectory(prefix="thankyou-lint-bench-") as tmp:
        log(f"writing {plan.big_letters} letters (seed {SEED}) to {tmp} ...")
        bench = Bench(plan, tools, make_batch(Path(tmp), plan))
        run_all(bench)
    verdicts = [judge(t, bench.figures) for t in TARGETS]
    print("\n\n".join([render_table(bench.figures), render_targets(verdicts)]))
    for note in caveats(bench):
        print(note)
    crashed = [f.key for f in bench.figures.values() if f.status == "crashed"]
    data = {
        "meta": metadata_of(plan, tools, load_before),
        "figures": {k: f.as_data() for k, f in bench.figures.items()},
        "targets": verdicts,
        "crashed": crashed,
    }
    args.out.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    log(f"figures written to {args.out}")
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
