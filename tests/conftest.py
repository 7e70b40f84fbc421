from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from thankyou_lint import Linter

ROOT = Path(__file__).resolve().parent.parent
TEAM_CORPUS = ROOT / "tests" / "corpus"
# The shared validation corpus sits beside the repository (../shared/corpus) in our
# workspace and in CI; the gate on it is skipped where it is absent.
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"

# The suite never writes to the user's own cache folder.
os.environ.setdefault("THANKYOU_LINT_CACHE_DIR", tempfile.mkdtemp(prefix="thankyou-lint-cache-"))


@pytest.fixture(scope="session")
def linter() -> Linter:
    """One linter (one loaded pipeline) for the whole session: spaCy loads in ~1 s."""
    return Linter()


def run_cli(
    *args: str, cwd: Path | None = None, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """The real command, in a fresh interpreter, as a user would run it."""
    return subprocess.run(
        [sys.executable, "-m", "thankyou_lint", *args],
        cwd=cwd,
        input=stdin if stdin is not None else "",
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=300,
    )
