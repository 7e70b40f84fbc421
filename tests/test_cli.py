"""The command as users run it: exit codes, formats, errors, config."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import ROOT, run_cli

from thankyou_lint.models import Family

GOOD = ROOT / "examples" / "good-letter.txt"
BAD = ROOT / "examples" / "needs-work.txt"


def test_clean_letter_exits_0() -> None:
    result = run_cli(str(GOOD))
    assert result.returncode == 0, result.stderr
    assert "No findings" in result.stdout


def test_letter_with_findings_exits_1_with_caret_and_summary() -> None:
    result = run_cli(str(BAD), "--color", "never")
    assert result.returncode == 1
    assert f"{BAD}:3:1: tone.casual-greeting" in result.stdout
    assert "    ^^^" in result.stdout
    assert "= suggestion:" in result.stdout
    assert result.stdout.strip().splitlines()[-1].startswith("Found ")
    assert "\033[" not in result.stdout  # no colour when not on a terminal


def test_json_format(tmp_path: Path) -> None:
    result = run_cli("--format", "json", str(GOOD), str(BAD))
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert [Path(f["path"]).name for f in data["files"]] == ["good-letter.txt", "needs-work.txt"]
    assert data["summary"]["files"] == 2
    assert data["files"][1]["findings"][0]["line"] >= 1


def test_missing_file_is_a_one_line_error_and_others_still_lint() -> None:
    result = run_cli(str(BAD), "no-such-letter.txt")
    assert result.returncode == 2
    assert result.stderr.strip() == "thankyou-lint: error: no-such-letter.txt: no such file"
    assert "Traceback" not in result.stderr
    assert "tone.casual-greeting" in result.stdout


def test_fail_on_threshold() -> None:
    assert (
        run_cli(str(BAD), "--select", "structure.next-step", "--fail-on", "warning").returncode == 0
    )
    assert run_cli(str(BAD), "--select", "structure.next-step", "--fail-on", "info").returncode == 1


def test_directories_recurse_into_txt_and_md(tmp_path: Path) -> None:
    (tmp_path / "drafts" / "old").mkdir(parents=True)
    (tmp_path / "drafts" / "a.txt").write_text(GOOD.read_text())
    (tmp_path / "drafts" / "old" / "b.md").write_text(BAD.read_text())
    (tmp_path / "drafts" / "notes.pdf").write_bytes(b"%PDF")
    data = json.loads(run_cli("--format", "json", str(tmp_path / "drafts")).stdout)
    assert [Path(f["path"]).name for f in data["files"]] == ["a.txt", "b.md"]


def test_stdin() -> None:
    result = run_cli("-", "--format", "json", stdin=BAD.read_text())
    assert result.returncode == 1
    assert json.loads(result.stdout)["files"][0]["path"] == "-"


def test_rules_lists_every_rule() -> None:
    result = run_cli("rules")
    assert result.returncode == 0
    lines = result.stdout.strip().splitlines()
    assert len(lines) >= 25
    assert {line.split()[1] for line in lines} == {f.value for f in Family}


def test_a_draft_named_rules_is_still_lintable(tmp_path: Path) -> None:
    (tmp_path / "rules").write_text(BAD.read_text())
    result = run_cli("./rules", cwd=tmp_path)
    assert result.returncode == 1 and "tone.casual-greeting" in result.stdout


def test_unknown_rule_is_a_usage_error() -> None:
    result = run_cli(str(GOOD), "--select", "tone.nonsense")
    assert result.returncode == 2
    assert "unknown rule or family 'tone.nonsense'" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_bad_usage_is_one_line() -> None:
    result = run_cli("--format", "yaml", str(GOOD))
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
    assert run_cli().returncode == 2


def test_config_discovery_and_validation(tmp_path: Path) -> None:
    nested = tmp_path / "drafts" / "2026"
    nested.mkdir(parents=True)
    (nested / "letter.txt").write_text(BAD.read_text())
    (tmp_path / "pyproject.toml").write_text(
        '[tool.thankyou-lint]\nignore = ["tone", "excuses"]\naccept = ["team player"]\n'
    )
    result = run_cli("--format", "json", "letter.txt", cwd=nested)
    rules = {f["rule"] for f in json.loads(result.stdout)["files"][0]["findings"]}
    assert rules and not any(r.startswith(("tone.", "excuses.")) for r in rules)
    (nested / ".thankyou-lint.toml").write_text('fail-on = "loud"\n')
    result = run_cli("letter.txt", cwd=nested)
    assert result.returncode == 2
    assert "fail-on" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    (nested / ".thankyou-lint.toml").write_text("fail-on = \n")
    assert run_cli("letter.txt", cwd=nested).returncode == 2


def test_context_flags() -> None:
    result = run_cli(str(GOOD), "--interviewer", "Dana Ruiz", "--company", "Brightwave")
    assert result.returncode == 1
    assert "generic.wrong-name" in result.stdout


def test_unknown_model_says_how_to_install() -> None:
    result = run_cli(str(GOOD), "--model", "en_core_web_xx")
    assert result.returncode == 2
    assert "pip install" in result.stderr and "Traceback" not in result.stderr


def test_version_and_schema() -> None:
    assert run_cli("--version").stdout.startswith("thankyou-lint ")
    schema = json.loads(run_cli("schema").stdout)
    assert "files" in schema["properties"]


MARKING_PLUGIN = """
from pathlib import Path

Path({mark!r}).touch()


class Plugin:
    def new_schema_validator(self, *args, **kwargs):
        return None, None, None


plugin = Plugin()
"""


def test_pydantic_plugins_are_not_loaded_unless_the_user_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Finding them scans every installed package, and the command has no use for them."""
    monkeypatch.delenv("PYDANTIC_DISABLE_PLUGINS", raising=False)
    site, mark = tmp_path / "site", tmp_path / "plugin-loaded"
    dist_info = site / "marking_plugin-1.0.dist-info"
    dist_info.mkdir(parents=True)
    (dist_info / "METADATA").write_text("Name: marking-plugin\nVersion: 1.0\n")
    (dist_info / "entry_points.txt").write_text("[pydantic]\nmark = marking_plugin:plugin\n")
    (site / "marking_plugin.py").write_text(MARKING_PLUGIN.format(mark=str(mark)))
    env = {"PYTHONPATH": f"{site}{os.pathsep}{ROOT}"}
    assert run_cli("schema", env=env).returncode == 0
    assert not mark.exists()
    # The user's own setting wins (here: disable none), and the plugin is a working one.
    assert run_cli("schema", env={**env, "PYDANTIC_DISABLE_PLUGINS": ""}).returncode == 0
    assert mark.exists()
