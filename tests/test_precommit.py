"""The hook as users run it: the real pre-commit, against this checkout."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT


def _git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_precommit_hook_blocks_the_bad_draft_and_passes_the_good(tmp_path: Path) -> None:
    repo = tmp_path / "drafts"
    repo.mkdir()
    _git("init", "-q", cwd=repo)
    shutil.copy(ROOT / "examples" / "good-letter.txt", repo / "good.txt")
    shutil.copy(ROOT / "examples" / "needs-work.txt", repo / "bad.txt")
    _git("add", "good.txt", "bad.txt", cwd=repo)
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
    }

    def try_repo(*files: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [
                sys.executable,
                "-m",
                "pre_commit",
                "try-repo",
                str(ROOT),
                "thankyou-lint",
                "--files",
                *files,
            ],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            timeout=1200,
        )

    bad = try_repo("bad.txt")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "thankyou-lint" in bad.stdout and "Failed" in bad.stdout
    assert "bad.txt:3:1: tone.casual-greeting" in bad.stdout

    good = try_repo("good.txt")
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout
