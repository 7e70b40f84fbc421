"""The accuracy gate: per-family precision and recall on labelled corpora."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SHARED_CORPUS, TEAM_CORPUS, run_cli

from thankyou_lint import Linter
from thankyou_lint.evaluate import evaluate, load_labels

MIN_PRECISION = 0.90
MIN_RECALL = 0.85


def _gate(folder: Path, linter: Linter, with_context: bool = False) -> None:
    result = evaluate(folder, linter, with_context=with_context)
    failing = [
        f"{s.family.value}: precision {s.precision:.2f}, recall {s.recall:.2f}"
        for s in result.scores
        if s.precision < MIN_PRECISION or s.recall < MIN_RECALL
    ]
    assert not failing, "below target on " + str(folder) + ": " + "; ".join(failing)


def test_team_corpus_meets_targets(linter: Linter) -> None:
    _gate(TEAM_CORPUS, linter)


def test_team_corpus_meets_targets_with_context(linter: Linter) -> None:
    # The context rules (names, company, role) must not cost precision either.
    _gate(TEAM_CORPUS, linter, with_context=True)


@pytest.mark.skipif(not (SHARED_CORPUS / "labels.json").exists(), reason="no shared corpus here")
def test_shared_validation_corpus_meets_targets(linter: Linter) -> None:
    _gate(SHARED_CORPUS, linter)


def test_team_corpus_composition() -> None:
    labels = load_labels(TEAM_CORPUS)
    families = ["excuses", "thanks", "strengths", "tone", "generic", "structure"]
    assert len(labels) >= 100
    clean = [n for n, lab in labels.items() if not any(getattr(lab, f) for f in families)]
    assert len(clean) >= len(labels) / 3
    for family in families:
        assert sum(getattr(lab, family) for lab in labels.values()) >= 15, family
    assert all((TEAM_CORPUS / name).exists() for name in labels)


def test_eval_command_text_and_json() -> None:
    text = run_cli("eval", str(TEAM_CORPUS))
    assert text.returncode == 0
    assert "precision" in text.stdout and "excuses" in text.stdout
    data = run_cli("eval", str(TEAM_CORPUS), "--format", "json", "--with-context")
    assert data.returncode == 0
    import json

    result = json.loads(data.stdout)
    assert result["with_context"] is True
    assert {s["family"] for s in result["scores"]} >= {"excuses", "generic"}
    assert all(0 <= s["precision"] <= 1 for s in result["scores"])
