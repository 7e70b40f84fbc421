"""Rule packs are data only, bounded; a failing plugin check is isolated."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest
from conftest import ROOT

from thankyou_lint import Config, ConfigError, Linter
from thankyou_lint.letter import Hit, Letter
from thankyou_lint.registry import CodeRule, RuleMeta, load_pack

BASE = """rules:
  - id: tone.house
    severity: warning
    message: m
    rationale: r
    bad: [x]
    good: [y]
"""


def _pack(tmp_path: Path, extra: str) -> Path:
    path = tmp_path / "pack.yaml"
    path.write_text(BASE + extra)
    return path


def test_pack_with_python_tags_is_refused_not_run(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    path = _pack(tmp_path, f"    phrases: !!python/object/apply:os.system ['touch {marker}']\n")
    with pytest.raises(ConfigError):
        load_pack(path)
    assert not marker.exists()


def test_unknown_keys_are_named(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"tone\.house: .*colour"):
        load_pack(_pack(tmp_path, "    phrases: [a]\n    colour: red\n"))


@pytest.mark.parametrize(
    "extra",
    [
        "    phrases: [" + ", ".join(f"w{i}" for i in range(5001)) + "]\n",
        "    patterns: [[" + ", ".join(['{OP: "*"}'] * 4) + "]]\n",
        "    patterns: [[" + ", ".join(["{LOWER: a}"] * 21) + "]]\n",
    ],
    ids=["too-many-phrases", "too-many-repeats", "too-long-pattern"],
)
def test_packs_cannot_make_matching_explode(tmp_path: Path, extra: str) -> None:
    with pytest.raises(ConfigError, match=r"at most|more than"):
        load_pack(_pack(tmp_path, extra))


def _explodes(letter: Letter) -> Iterable[Hit]:
    raise RuntimeError("plugin bug")


def _garbage(letter: Letter) -> Iterable[Hit]:
    return ["not a hit"]  # type: ignore[list-item]


META = {"severity": "warning", "message": "m", "rationale": "r", "bad": ["x"], "good": ["y"]}


def test_a_failing_plugin_is_reported_once_and_the_rest_still_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    broken = [
        CodeRule(RuleMeta(id="tone.plugin-crash", **META), _explodes),
        CodeRule(RuleMeta(id="tone.plugin-garbage", **META), _garbage),
    ]
    # The entry-point loader is ours; swapping what it returns stands in for an installed
    # plugin package (the real entry-point path is exercised in tests/test_docs.py).
    monkeypatch.setattr("thankyou_lint.registry.plugin_rules", lambda: broken)
    report = Linter().lint((ROOT / "examples" / "needs-work.txt").read_text())
    internal = [f for f in report.findings if f.rule.startswith("tone.plugin-")]
    assert sorted(f.rule for f in internal) == ["tone.plugin-crash", "tone.plugin-garbage"]
    assert all(f.severity.value == "error" and "internal error" in f.message for f in internal)
    assert "tone.casual-greeting" in {f.rule for f in report.findings}


def test_a_pack_rule_with_an_invalid_pattern_fails_alone(tmp_path: Path) -> None:
    pack = _pack(tmp_path, "    patterns: [[{NOT_AN_ATTRIBUTE: 1}]]\n")
    pack.write_text(
        pack.read_text()
        + "  - id: tone.house-phrase\n"
        + "".join(f"    {line}\n" for line in ["severity: warning", "message: m2"])
        + "    rationale: r\n    bad: [x]\n    good: [y]\n    phrases: [super duper]\n"
    )
    linter = Linter(Config(rule_packs=(pack,)))
    report = linter.lint("Dear Ann,\n\nThank you, it was super duper.\n\nBest,\nBo\n")
    by_rule = {f.rule: f for f in report.findings}
    assert by_rule["tone.house-phrase"].message == "m2"
    broken = by_rule["tone.house"]
    assert broken.severity.value == "error" and "NOT_AN_ATTRIBUTE" in broken.message
    assert "\n" not in broken.message
