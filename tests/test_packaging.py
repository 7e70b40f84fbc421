"""The wheel carries everything it needs: installed in a fresh environment, it lints."""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

from conftest import ROOT


def _run(*cmd: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(c) for c in cmd], cwd=cwd, capture_output=True, text=True, timeout=900
    )


def test_wheel_installs_and_lints_in_a_fresh_venv(tmp_path: Path) -> None:
    built = _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", tmp_path / "dist", ROOT)
    assert built.returncode == 0, built.stderr
    wheel = next((tmp_path / "dist").glob("thankyou_lint-*.whl"))
    with zipfile.ZipFile(wheel) as archive:  # the web page ships with the package
        assert {
            f"thankyou_lint/web/static/{n}" for n in ("index.html", "app.js", "app.css")
        } <= set(archive.namelist())

    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    installed = _run(python, "-m", "pip", "install", "--quiet", wheel)
    assert installed.returncode == 0, installed.stderr

    # Run from an empty folder so nothing from the source tree can be imported.
    letter = tmp_path / "letter.txt"
    letter.write_text((ROOT / "examples" / "needs-work.txt").read_text())
    result = _run(python, "-m", "thankyou_lint", "letter.txt", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert "generic.cliche" in result.stdout  # a rule from the shipped rule packs
    rules = _run(env_dir / "bin" / "thankyou-lint", "rules", cwd=tmp_path)
    assert len(rules.stdout.splitlines()) >= 25
    # The core install has no web server; the command says which extra brings it.
    serve = _run(env_dir / "bin" / "thankyou-lint", "serve", cwd=tmp_path)
    assert serve.returncode == 2 and 'pip install "thankyou-lint[web]"' in serve.stderr
