"""The Dask integration against a real LocalCluster of two worker processes: the same
reports as one process, near-copies across partitions, failures kept to their row, a worker
killed mid-run, and the `batch` command beside the ordinary command line."""

from __future__ import annotations

import json
import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import TEAM_CORPUS, run_cli

from thankyou_lint import Linter
from thankyou_lint.config import Config
from thankyou_lint.models import Draft, LetterContext

db = pytest.importorskip("dask.bag")
dd = pytest.importorskip("dask.dataframe")
pd = pytest.importorskip("pandas")
distributed = pytest.importorskip("distributed")

from thankyou_lint.dask import (  # noqa: E402 - after the extra is known to be installed
    FINDING_COLUMNS,
    LETTER_COLUMNS,
    lint_bag,
    lint_frame,
)

LETTERS = [p.read_text(encoding="utf-8") for p in sorted(TEAM_CORPUS.glob("*.txt"))[:24]]


def _copy_of(text: str) -> str:
    """A near-copy: the same letter to another interviewer."""
    return text.replace("Dear ", "Hello ", 1).replace("Thank you", "Thanks", 1)


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    with cluster, distributed.Client(cluster) as c:
        yield c


def _canonical(report: dict[str, Any]) -> list[tuple[Any, ...]]:
    return sorted(
        (f["rule"], f["start"], f["end"], f["line"], f["column"], f["message"])
        for f in report["findings"]
    )


def test_a_bag_gives_the_reports_of_lint_many(client: Any, linter: Linter) -> None:
    texts = [*LETTERS, _copy_of(LETTERS[1])]  # the copy lands in the last partition
    reports = lint_bag(db.from_sequence(texts, npartitions=4)).compute()
    expected = [r.model_dump(mode="json") for r in linter.lint_many(texts)]
    assert [_canonical(r) for r in reports] == [_canonical(r) for r in expected]
    assert reports == expected  # metrics and the card too


def test_near_copies_are_found_across_partitions_and_workers(client: Any) -> None:
    texts = [LETTERS[0], LETTERS[2], LETTERS[3], _copy_of(LETTERS[2]), _copy_of(LETTERS[0])]
    bag = db.from_sequence(texts, npartitions=3)  # [0, 2], [3, copy 2], [copy 0]
    reports = lint_bag(bag).compute()
    near = [
        [f["message"] for f in r["findings"] if f["rule"] == "generic.near-copy"] for r in reports
    ]
    assert near[:3] == [[], [], []]
    assert "the same as letter 2;" in near[3][0]
    assert "the same as letter 1;" in near[4][0]


def test_letters_with_their_context(client: Any, linter: Linter) -> None:
    contexts = [{"company": "Brightwave"}, LetterContext(interviewer="Dana Reyes"), None]
    items = [(LETTERS[i], contexts[i % 3]) for i in range(6)]
    reports = lint_bag(db.from_sequence(items, npartitions=2)).compute()
    drafts = [
        Draft(t, context=LetterContext.model_validate(c) if isinstance(c, dict) else c)
        for t, c in items
    ]
    assert reports == [r.model_dump(mode="json") for r in linter.lint_drafts(drafts)]


def test_a_letter_that_cannot_be_linted_says_so_in_its_row(client: Any) -> None:
    config = Config(max_size=1_000)
    long_letter = "Dear Dana,\n\n" + "Thank you for the interview. " * 60
    texts = [LETTERS[5][:900], long_letter, LETTERS[6][:900]]
    reports = lint_bag(db.from_sequence(texts, npartitions=2), config=config).compute()
    assert "more than max-size" in reports[1]["error"]
    assert "findings" in reports[0] and "findings" in reports[2]


def test_a_frame_gives_findings_and_letters_with_declared_types(
    client: Any, linter: Linter
) -> None:
    keys = [f"cand-{i:02}" for i in range(10)]
    frame = pd.DataFrame(
        {
            "text": [*LETTERS[:9], None],
            "company": ["Brightwave", None, *[""] * 8],
        },
        index=pd.Index(keys, name="letter"),
    )
    findings, letters = lint_frame(dd.from_pandas(frame, npartitions=3))
    # Declared up front, so nothing was computed to learn them; the data match.
    assert list(findings.columns) == ["key", *FINDING_COLUMNS]
    assert list(letters.columns) == ["key", *LETTER_COLUMNS]
    got_findings, got_letters = client.compute([findings, letters], sync=True)
    assert got_findings.dtypes.equals(findings.dtypes)
    assert got_letters.dtypes.equals(letters.dtypes)

    drafts = [
        Draft(t, context=LetterContext(company="Brightwave") if i == 0 else None)
        for i, t in enumerate(LETTERS[:9])
    ]
    expected = list(linter.lint_drafts(drafts))
    assert list(got_letters["key"]) == keys
    assert list(got_letters["findings"][:9]) == [len(r.findings) for r in expected]
    assert "not text" in got_letters["error"].iloc[9]
    columns = (got_findings["key"], got_findings["rule"], got_findings["start"])
    rows = sorted(zip(*columns, strict=True))
    pairs = zip(keys, expected, strict=False)  # the tenth row is not text: no report
    assert rows == sorted((k, f.rule, f.start) for k, r in pairs for f in r.findings)
    card = got_letters.iloc[0]
    assert [card[r.reason.value.replace("-", "_")] for r in expected[0].reasons] == [
        r.done for r in expected[0].reasons
    ]


def _linters_on_worker() -> dict[str, int]:
    from thankyou_lint import dask as on_worker

    return {settings: id(linter) for settings, linter in on_worker._LINTERS.items()}


def test_each_worker_loads_one_linter_for_many_tasks(client: Any) -> None:
    config = Config(ignore=("tone.emoji",))  # settings of their own: a Linter of their own
    bag = db.from_sequence(LETTERS[:8], npartitions=8)
    lint_bag(bag, config=config).compute()
    before = client.run(_linters_on_worker)
    lint_bag(bag, config=config).compute()
    after = client.run(_linters_on_worker)
    assert any(config.model_dump_json() in linters for linters in after.values())
    assert before == after  # eight more tasks, no Linter loaded again


def test_a_worker_killed_mid_run_loses_and_doubles_nothing(client: Any, linter: Linter) -> None:
    texts = [*LETTERS, *LETTERS[:8]]  # 32 letters, the last 8 near-copies of the first
    bag = db.from_sequence(texts, npartitions=8)
    future = client.compute(lint_bag(bag))
    pids = client.run(os.getpid)
    deadline = time.monotonic() + 120
    busy: list[str] = []
    while not busy and time.monotonic() < deadline:
        busy = [w for w, tasks in client.processing().items() if tasks]
        time.sleep(0.05)
    assert busy and not future.done()
    os.kill(pids[busy[0]], signal.SIGKILL)  # its nanny starts a new one; its tasks run again
    reports = future.result(timeout=300)
    assert reports == [r.model_dump(mode="json") for r in linter.lint_many(texts)]
    client.wait_for_workers(2, timeout=120)
    assert pids[busy[0]] not in client.run(os.getpid).values()  # it really was killed


def _cli_findings(folder: Path) -> list[tuple[Any, ...]]:
    run = run_cli("--format", "json", "--no-cache", str(folder))
    return sorted(
        (r["path"], f["rule"], f["start"], f["end"], f["line"], f["column"], f["message"])
        for r in json.loads(run.stdout)["files"]
        for f in r["findings"]
    )


def test_the_batch_command_writes_what_the_command_line_finds(client: Any, tmp_path: Path) -> None:
    folder = tmp_path / "letters"
    folder.mkdir()
    for i, text in enumerate(LETTERS[:12]):
        (folder / f"{i:02}.txt").write_text(text, encoding="utf-8")
    (folder / "12.txt").write_text(_copy_of(LETTERS[0]), encoding="utf-8")
    (folder / "13.txt").write_bytes(b"Dear Dana,\n\x00\x01")
    out = tmp_path / "out"
    run = run_cli(
        "batch", "--scheduler", client.scheduler.address, str(folder), "--out", str(out),
        "--partition-size", "4",
    )  # fmt: skip
    assert run.returncode == 2, run.stderr  # one letter could not be read
    assert "Linted 13 of 14 letters" in run.stdout
    assert run.stderr.strip() == (
        "thankyou-lint: error: 1 letters could not be linted (their rows in 'letters' say why)"
    )
    findings = pd.read_parquet(out / "findings")
    letters = pd.read_parquet(out / "letters")
    written = sorted(
        (r.key, r.rule, r.start, r.end, r.line, r.column, r.message) for r in findings.itertuples()
    )
    assert written == _cli_findings(folder)
    assert any(rule == "generic.near-copy" for _, rule, *_ in written)
    assert (
        letters.set_index("key")
        .loc[str(folder / "13.txt"), "error"]
        .startswith("looks like a binary file")
    )
    assert sorted(p.name for p in out.iterdir()) == ["findings", "letters"]  # no staging left


def test_the_batch_command_keeps_what_is_there_and_says_why_in_one_line(
    tmp_path: Path,
) -> None:
    (tmp_path / "out" / "letters").mkdir(parents=True)
    run = run_cli("batch", str(TEAM_CORPUS), "--out", str(tmp_path / "out"))
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and "already exists" in run.stderr
    run = run_cli(
        "batch", "--scheduler", "tcp://127.0.0.1:9", str(TEAM_CORPUS), "--out", str(tmp_path / "x")
    )
    assert run.returncode == 2
    assert run.stderr.startswith("thankyou-lint: error: cluster:") and "Traceback" not in run.stderr
    assert not (tmp_path / "x" / "findings").exists()
