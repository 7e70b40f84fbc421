"""The code stays formatted, linted and typed."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=600
    )


def test_ruff_lint() -> None:
    result = _run("ruff", "check", "thankyou_lint", "tests")
    assert result.returncode == 0, result.stdout


def test_ruff_format() -> None:
    result = _run("ruff", "format", "--check", "thankyou_lint", "tests")
    assert result.returncode == 0, result.stdout


def test_mypy_strict() -> None:
    result = _run("mypy")
    assert result.returncode == 0, result.stdout
