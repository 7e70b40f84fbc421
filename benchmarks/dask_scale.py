"""Letters a second on a Dask LocalCluster (1 and 2 workers) beside `lint_many` and the
command line with `--jobs 1` and `--jobs 2`, on the same letters; the Dask overhead per
letter; memory per worker against letters linted; a projection to 1 million letters.

    pip install -e ".[dask]"
    python benchmarks/dask_scale.py                  # 2,000 letters, about 15 minutes here
    python benchmarks/dask_scale.py --letters 60     # a quick check (CI runs this)

It reports, never asserts: timings on a shared machine are too noisy to gate a build on.
See docs/scale.md for what the figures mean.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from letters import generate, write_letters

PARTITION = 100  # letters a task, as `thankyou-lint batch` defaults to


def free_cores() -> float:
    """Cores not busy with other work, from the one-minute load average before the run."""
    return max(0.0, (os.cpu_count() or 1) - os.getloadavg()[0])


def time_cli(folder: Path, jobs: int) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "thankyou_lint", "--no-cache", "--jobs", str(jobs), "--format",
         "json", str(folder)],
        stdout=subprocess.DEVNULL,
        check=False,
    )  # fmt: skip
    return time.perf_counter() - start


LINT_MANY = """
import sys, time
from thankyou_lint import Linter
texts = [open(p, encoding="utf-8").read() for p in sys.argv[1:]]
linter = Linter()
list(linter.lint_many(texts[:20]))  # the pipeline loaded and warm, as on a warm worker
start = time.perf_counter()
for _ in linter.lint_many(texts):
    pass
print(time.perf_counter() - start)
"""


def time_lint_many(paths: list[str], *, as_worker: bool) -> float:
    """`lint_many` in a process of its own; `as_worker`: with the environment a Dask nanny
    gives its workers (one BLAS thread, ...), so the two compare like for like."""
    import dask
    import distributed  # noqa: F401 - registers its settings with dask.config

    env = dict(os.environ)
    if as_worker:
        environ = dask.config.get("distributed.nanny.pre-spawn-environ")
        env.update({k: str(v) for k, v in environ.items()})
    run = subprocess.run(
        [sys.executable, "-c", LINT_MANY, *paths], env=env, capture_output=True, text=True
    )
    return float(run.stdout.strip())


def worker_rss_mb(client: Any) -> dict[str, float]:
    """Each worker's resident memory now (after a run, its results collected)."""

    def rss() -> int:
        import gc

        import psutil  # a dependency of distributed

        gc.collect()
        return int(psutil.Process().memory_info().rss)

    return {w: b / 2**20 for w, b in client.run(rss).items()}


def time_cluster(folder: Path, paths: list[str], workers: int) -> dict[str, Any]:
    from distributed import Client, LocalCluster

    from thankyou_lint.dask import file_urls, lint_files

    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        warm, _ = lint_files(paths[: 4 * workers], partition_size=4)
        warm.compute()  # every worker's pipeline loaded, as in a long run
        rss_warm = worker_rss_mb(client)
        half = len(paths) // 2
        figures: dict[str, Any] = {}
        for label, subset in (("half", paths[:half]), ("all", file_urls([str(folder)]))):
            findings, letters = lint_files(subset, partition_size=PARTITION)
            start = time.perf_counter()
            client.compute([findings, letters], sync=True)
            figures[f"seconds_{label}"] = time.perf_counter() - start
            figures[f"rss_mb_{label}"] = max(worker_rss_mb(client).values())
            figures[f"tasks_{label}"] = len(findings.__dask_graph__()) + len(
                letters.__dask_graph__()
            )
        figures["rss_mb_warm"] = max(rss_warm.values())
        return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=2000)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "dask-results.json")
    args = parser.parse_args()
    free = free_cores()
    texts = generate(args.letters)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = [str(p) for p in write_letters(folder, texts, args.letters)]
        n = len(paths)
        print(f"{n} letters; {free:.1f} of {os.cpu_count()} cores free", file=sys.stderr)
        lint_many_s = time_lint_many(paths, as_worker=True)
        lint_many_default_s = time_lint_many(paths, as_worker=False)
        print(f"lint_many {lint_many_s:.1f} s, {lint_many_default_s:.1f} s", file=sys.stderr)
        cli = {jobs: time_cli(folder, jobs) for jobs in (1, 2)}
        print(f"--jobs {cli}", file=sys.stderr)
        cluster = {w: time_cluster(folder, paths, w) for w in (1, 2)}
        print(f"cluster {cluster}", file=sys.stderr)

    rate = {w: n / cluster[w]["seconds_all"] for w in (1, 2)}
    overhead = cluster[1]["seconds_all"] / lint_many_s - 1
    # What Dask adds per task, from the 1-worker run: its time beyond lint_many's,
    # spread over its tasks (an upper bound: file reading and Parquet-ready frames too).
    per_task_ms = 1000 * max(0.0, cluster[1]["seconds_all"] - lint_many_s) / cluster[1]["tasks_all"]
    million, workers32 = 1_000_000, 32
    partitions = million / PARTITION
    tasks_per_partition = cluster[1]["tasks_all"] / (n / PARTITION)
    projected_s = million / (workers32 * rate[1] * (rate[2] / (2 * rate[1]))) + (
        partitions * tasks_per_partition * per_task_ms / 1000 / workers32
    )
    result = {
        "letters": n,
        "free_cores": round(free, 2),
        "letters_per_second": {
            "lint_many (worker environment)": round(n / lint_many_s, 2),
            "lint_many (default environment)": round(n / lint_many_default_s, 2),
            "cli_jobs_1": round(n / cli[1], 2),
            "cli_jobs_2": round(n / cli[2], 2),
            "dask_1_worker": round(rate[1], 2),
            "dask_2_workers": round(rate[2], 2),
        },
        "scaling_2_workers": round(rate[2] / rate[1], 3),
        "scaling_jobs_2": round(cli[1] / cli[2], 3),
        "dask_overhead_vs_lint_many": round(overhead, 4),
        "dask_overhead_ms_per_task": round(per_task_ms, 3),
        "worker_peak_rss_mb": {
            "warm": round(cluster[1]["rss_mb_warm"], 1),
            f"after_{n // 2}_letters": round(cluster[1]["rss_mb_half"], 1),
            f"after_{n // 2 + n}_letters": round(cluster[1]["rss_mb_all"], 1),
        },
        "projection_1m_letters_32_workers_hours": round(projected_s / 3600, 2),
        "targets": {
            "2 workers >= 1.8 x 1 worker": rate[2] / rate[1] >= 1.8,
            "overhead <= 5 % of lint_many": overhead <= 0.05,
        },
    }
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
