"""Safe fixes: --diff shows them, --fix writes them atomically, nothing else is touched."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import ROOT, run_cli

from thankyou_lint import lint
from thankyou_lint.fixes import apply_fixes, write_fixed

CASUAL = (
    "Hey Sam,\n\nthx so much for the chat about the Brightwave analyst role 😊 At Parcelly I"
    " led the dbt rebuild that cut our monthly close from four days to one. THANK YOU SO"
    " MUCH!!!\n\nCheers,\nAna Ruiz\n"
)


def test_safe_fixes_rewrite_the_casual_parts() -> None:
    fixed = apply_fixes(CASUAL, lint(CASUAL).findings)
    assert fixed.startswith("Dear Sam,\n\nthanks so much")
    assert "😊" not in fixed and "!!!" not in fixed and "THANK YOU" not in fixed
    assert "analyst role At Parcelly" in fixed  # the emoji went with the space before it
    assert "Thank you so much!" in fixed
    assert fixed.endswith("Best regards,\nAna Ruiz\n")
    remaining = {f.rule for f in lint(fixed).findings}
    assert not remaining & {
        "tone.casual-greeting",
        "tone.text-speak",
        "tone.emoji",
        "tone.shouting",
        "tone.exclamations",
        "tone.casual-signoff",
    }


def test_judgement_calls_are_only_suggested() -> None:
    report = lint((ROOT / "examples" / "needs-work.txt").read_text())
    for finding in report.findings:
        if finding.family.value in {"excuses", "strengths", "thanks"}:
            assert finding.fix is None and finding.suggestion


def test_diff_prints_and_changes_nothing(tmp_path: Path) -> None:
    letter = tmp_path / "letter.txt"
    letter.write_text(CASUAL)
    before = letter.stat().st_mtime_ns
    result = run_cli("--diff", str(letter))
    assert result.returncode == 1
    assert "-Hey Sam," in result.stdout and "+Dear Sam," in result.stdout
    assert letter.read_text() == CASUAL and letter.stat().st_mtime_ns == before


def test_fix_writes_the_file_and_reports_what_is_left(tmp_path: Path) -> None:
    letter = tmp_path / "letter.txt"
    letter.write_bytes(CASUAL.replace("\n", "\r\n").encode())
    result = run_cli("--fix", "--format", "json", str(letter))
    assert "fixed 1 file" in result.stderr
    text = letter.read_bytes().decode()
    assert text.startswith("Dear Sam,\r\n\r\nthanks")  # line endings kept
    assert '"tone.casual-greeting"' not in result.stdout
    assert not list(tmp_path.glob(".letter.txt.*"))  # no temporary file left behind


def test_fix_leaves_a_clean_file_byte_identical(tmp_path: Path) -> None:
    letter = tmp_path / "good.txt"
    letter.write_bytes((ROOT / "examples" / "good-letter.txt").read_bytes())
    before = letter.stat()
    result = run_cli("--fix", str(letter))
    assert result.returncode == 0
    after = letter.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_a_failed_write_leaves_the_original_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    letter = tmp_path / "letter.txt"
    letter.write_text(CASUAL)

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        write_fixed(letter, CASUAL, "half-written", "utf-8")
    assert letter.read_text() == CASUAL
    assert [p.name for p in tmp_path.iterdir()] == ["letter.txt"]


def test_fix_refuses_stdin() -> None:
    result = run_cli("--fix", "-", stdin=CASUAL)
    assert result.returncode == 2 and "--diff" in result.stderr
