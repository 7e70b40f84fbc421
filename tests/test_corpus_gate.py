"""The accuracy gate: per-family precision and recall on labelled corpora."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ROOT, SHARED_CORPUS, TEAM_CORPUS, run_cli

from thankyou_lint import Linter
from thankyou_lint.evaluate import (
    Counts,
    Evaluation,
    FamilyScore,
    ReasonScore,
    evaluate,
    load_labels,
)
from thankyou_lint.models import Family, Reason

MIN_PRECISION = 0.90
MIN_RECALL = 0.85
TARGET = (MIN_PRECISION, MIN_RECALL)
MIN_POSITIVES = 5  # fewer positives than this in a corpus: gate the family on the union
REAL_CORPUS = (ROOT / "tests" / "corpus-real" / "dev", ROOT / "tests" / "corpus-real" / "holdout")
SHARED_REAL_CORPUS = SHARED_CORPUS.parent / "corpus-real"
# Each corpus is gated on its own: written letters, real letters, and the validation sets
# beside the repository when they are there (they are not in a clean clone on CI).
CORPORA = {
    "tests/corpus": (TEAM_CORPUS,),
    "tests/corpus-real": REAL_CORPUS,
    "../shared/corpus": (SHARED_CORPUS,),
    "../shared/corpus-real": (SHARED_REAL_CORPUS,),
}


def _present(folders: tuple[Path, ...]) -> bool:
    return all((f / "labels.json").exists() for f in folders)


@pytest.fixture(scope="module")
def scores(linter: Linter) -> dict[str, dict[Family, FamilyScore]]:
    """Per corpus, per family: the letter-level counts (a corpus may span folders)."""
    out = {}
    for name, folders in CORPORA.items():
        if _present(folders):
            out[name] = _counts([evaluate(f, linter) for f in folders])
    return out


def _counts(results: list[Evaluation]) -> dict[Family, FamilyScore]:
    every = [s for result in results for s in result.scores]
    return {family: _sum(family, [s for s in every if s.family == family]) for family in Family}


def _sum(family: Family, scores: list[FamilyScore]) -> FamilyScore:
    total = FamilyScore(family=family)
    for s in scores:
        total.tp, total.fp, total.fn, total.tn = (
            total.tp + s.tp,
            total.fp + s.fp,
            total.fn + s.fn,
            total.tn + s.tn,
        )
    return total


# Where a corpus is still below the targets, the figures it has reached are its floor, so
# it cannot get worse unnoticed. Each entry is an open shortfall of issue 14, not a target.
KNOWN_SHORTFALLS = {
    ("../shared/corpus-real", Family.STRENGTHS): (0.85, 0.85),
    ("../shared/corpus-real", Family.TONE): (1.00, 0.80),
    # Issue 15: see KNOWN_UNION_SHORTFALLS.
    ("tests/corpus-real", Family.SPELLING): (1.00, 0.83),
    # Reproach and satire in words the rules do not list: the fourth batch's bitter reply
    # to a rejection (r-702), a satirical list of demands (r-196), mock gratitude (r-403).
    ("tests/corpus-real", Family.TONE): (1.00, 0.84),
}


# The same on the union of corpora, for families with few positives in each.
KNOWN_UNION_SHORTFALLS = {
    # Issue 15: few real letters have a labelled spelling slip; planted typos are found at
    # about 0.72 (benchmarks/spelling.py).
    Family.SPELLING: (0.83, 0.71),
}


def _below(score: Counts, floor: tuple[float, float] = TARGET) -> str | None:
    if score.precision < floor[0] or score.recall < floor[1]:
        return f"precision {score.precision:.2f}, recall {score.recall:.2f}"
    return None


@pytest.mark.parametrize("corpus", list(CORPORA))
def test_each_corpus_meets_targets(
    corpus: str, scores: dict[str, dict[Family, FamilyScore]]
) -> None:
    if corpus not in scores:
        pytest.skip(f"{corpus} is not beside this checkout")
    failing = [
        f"{family.value}: {problem}"
        for family, score in scores[corpus].items()
        if score.tp + score.fn >= MIN_POSITIVES
        and (problem := _below(score, KNOWN_SHORTFALLS.get((corpus, family), TARGET)))
    ]
    assert not failing, f"below target on {corpus}: " + "; ".join(failing)


def test_families_with_few_positives_meet_targets_on_the_union(
    scores: dict[str, dict[Family, FamilyScore]],
) -> None:
    failing = []
    for family in Family:
        small = [c[family] for c in scores.values() if c[family].tp + c[family].fn < MIN_POSITIVES]
        union = _sum(family, [c[family] for c in scores.values()])
        if small and (problem := _below(union, KNOWN_UNION_SHORTFALLS.get(family, TARGET))):
            failing.append(f"{family.value}: {problem}")
    assert not failing, "below target on the union of corpora: " + "; ".join(failing)


def test_team_corpus_meets_targets_with_context(linter: Linter) -> None:
    # The context rules (names, company, role) must not cost precision either.
    result = evaluate(TEAM_CORPUS, linter, with_context=True)
    failing = [f"{s.family.value}: {p}" for s in result.scores if (p := _below(s))]
    assert not failing, "below target with context: " + "; ".join(failing)


def test_real_corpus_composition() -> None:
    """At least 100 real letters, each with its source, split two thirds / one third."""
    dev, holdout = (load_labels(f) for f in REAL_CORPUS)
    assert len(dev) + len(holdout) >= 100
    assert abs(len(holdout) - (len(dev) + len(holdout)) / 3) <= 8
    for folder, labels in zip(REAL_CORPUS, (dev, holdout), strict=True):
        sources = json.loads((folder / "sources.json").read_text(encoding="utf-8"))
        assert set(sources) == set(labels) == {p.name for p in folder.glob("*.txt")}
        assert all(entry["url"] for entry in sources.values())


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
    result = json.loads(data.stdout)
    assert result["with_context"] is True
    assert {s["family"] for s in result["scores"]} >= {"excuses", "generic"}
    assert all(0 <= s["precision"] <= 1 for s in result["scores"])


# The card's "does it" per reason against the blind labels of the real letters (dev and
# holdout together), at the targets of issue 15.
def test_the_card_meets_targets_on_real_letters(linter: Linter) -> None:
    totals = {reason: ReasonScore(reason=reason) for reason in Reason}
    for folder in REAL_CORPUS:
        for score in evaluate(folder, linter).reasons:
            total = totals[score.reason]
            total.tp, total.fp, total.fn, total.tn = (
                total.tp + score.tp,
                total.fp + score.fp,
                total.fn + score.fn,
                total.tn + score.tn,
            )
    failing = [
        f"{reason.label_key}: {problem}"
        for reason, score in totals.items()
        if (problem := _below(score))
    ]
    assert not failing, "card below target on tests/corpus-real: " + "; ".join(failing)
