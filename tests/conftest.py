from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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


def headless_chromium(profile: Path, *extra_flags: str) -> Iterator[Any]:
    """Debian's Chromium driven by selenium, for a fixture to yield (quit at the end).
    Skipped where the packages are missing, but a failure on CI, which installs them."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    chromedriver = shutil.which("chromedriver")
    if not (chromium and chromedriver):
        message = "needs Debian's chromium and chromium-driver packages"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        f"--user-data-dir={profile}",
        *extra_flags,
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=chromedriver))
    try:
        yield driver
    finally:
        driver.quit()
