"""Re-runs answer from the cache without spaCy; --jobs gives the same reports."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, TEAM_CORPUS, run_cli

from thankyou_lint import Draft, Linter, runner
from thankyou_lint.cache import ReportCache


def _drafts(tmp_path: Path, count: int) -> Path:
    folder = tmp_path / "drafts"
    folder.mkdir()
    for letter in sorted(TEAM_CORPUS.glob("*.txt"))[:count]:
        shutil.copy(letter, folder / letter.name)
    return folder


def test_rerun_answers_from_the_cache_without_importing_spacy(tmp_path: Path) -> None:
    folder = _drafts(tmp_path, 6)
    cache = {"THANKYOU_LINT_CACHE_DIR": str(tmp_path / "cache")}
    first = run_cli("--format", "json", str(folder), env=cache)
    assert first.returncode in (0, 1), first.stderr
    # A `spacy` that cannot be imported: the second run must not need it.
    blocker = tmp_path / "blocker"
    blocker.mkdir()
    (blocker / "spacy.py").write_text("raise ImportError('spaCy was imported')\n")
    env = {**cache, "PYTHONPATH": f"{blocker}{os.pathsep}{ROOT}"}
    second = run_cli("--format", "json", str(folder), env=env)
    assert second.returncode == first.returncode, second.stderr
    assert second.stdout == first.stdout


def test_a_rerun_from_the_cache_loads_only_the_run_rules(tmp_path: Path) -> None:
    """The pre-commit case stays quick: no per-letter check is imported, no rule pack read."""
    folder = _drafts(tmp_path, 3)
    env = {**os.environ, "THANKYOU_LINT_CACHE_DIR": str(tmp_path / "cache")}
    assert run_cli(str(folder), env=env).returncode in (0, 1)  # fills the cache
    probe = (
        "import sys; from thankyou_lint.cli import main; code = main(sys.argv[1:]); "
        "loaded = (m for m in sys.modules if m.startswith(('thankyou_lint.checks.', 'yaml'))); "
        "print(sorted(loaded), file=sys.stderr); sys.exit(code)"
    )
    command = [sys.executable, "-c", probe, "--format", "json", str(folder)]
    second = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    assert second.returncode in (0, 1), second.stderr
    assert second.stderr.splitlines()[-1] == "['thankyou_lint.checks.runs']"


def test_a_changed_letter_is_linted_again(tmp_path: Path) -> None:
    folder = _drafts(tmp_path, 2)
    cache = {"THANKYOU_LINT_CACHE_DIR": str(tmp_path / "cache")}
    run_cli(str(folder), env=cache)
    letter = sorted(folder.glob("*.txt"))[0]
    letter.write_text(letter.read_text() + "\nP.S. I bombed the case study, sorry!!!\n")
    result = json.loads(run_cli("--format", "json", str(folder), env=cache).stdout)
    rules = {f["rule"] for f in result["files"][0]["findings"]}
    assert "tone.exclamations" in rules


def test_jobs_2_gives_the_same_reports_as_jobs_1(tmp_path: Path) -> None:
    folder = _drafts(tmp_path, 40)
    one = run_cli("--format", "json", "--no-cache", "--jobs", "1", str(folder))
    two = run_cli("--format", "json", "--no-cache", "--jobs", "2", str(folder))
    assert one.returncode == two.returncode == 1
    assert json.loads(one.stdout) == json.loads(two.stdout)


def test_near_copies_are_found_across_cached_letters(tmp_path: Path) -> None:
    folder = tmp_path / "drafts"
    folder.mkdir()
    letter = (ROOT / "examples" / "good-letter.txt").read_text()
    (folder / "a.txt").write_text(letter)
    cache = {"THANKYOU_LINT_CACHE_DIR": str(tmp_path / "cache")}
    run_cli(str(folder), env=cache)  # a.txt is now cached
    (folder / "b.txt").write_text(letter.replace("Ms. Reyes", "Mr. Okafor"))
    result = run_cli(str(folder), env=cache)
    assert "b.txt:5:1: generic.near-copy" in result.stdout


def test_read_only_cache_turns_itself_off_with_a_note(tmp_path: Path) -> None:
    folder = _drafts(tmp_path, 1)
    cache = tmp_path / "cache"
    cache.mkdir()
    cache.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        result = run_cli(str(folder), env={"THANKYOU_LINT_CACHE_DIR": str(cache)})
    finally:
        cache.chmod(stat.S_IRWXU)
    assert result.returncode in (0, 1)
    if os.geteuid() != 0:  # root can write anywhere, so there is nothing to turn off
        assert "cache off" in result.stderr
    assert "Traceback" not in result.stderr


def test_windows_in_flight_keep_order_with_workers_and_a_half_warm_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, linter: Linter
) -> None:
    """Small windows and chunks: several windows are in flight at once, some drafts cached."""
    monkeypatch.setattr(runner, "WINDOW", 5)
    monkeypatch.setattr(runner, "CHUNK", 2)
    letters = sorted(TEAM_CORPUS.glob("*.txt"))[:13]
    drafts = [Draft(p.read_text(encoding="utf-8"), path=p.name) for p in letters]
    cache = ReportCache(tmp_path / "cache", linter.config)
    list(runner.lint_all(drafts[::2], linter, cache=cache))  # every other draft cached
    expected = [r.model_dump() for r in runner.lint_all(drafts, linter)]
    got = [r.model_dump() for r in runner.lint_all(drafts, linter, jobs=2, cache=cache)]
    assert [r["path"] for r in got] == [p.name for p in letters]
    assert got == expected
