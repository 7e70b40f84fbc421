"""Scoring the linter against a labelled corpus (the format of RUBRIC.md)."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from .engine import Linter
from .errors import InputError
from .inputs import read_source
from .models import Draft, Family, Finding, LetterContext


class Label(BaseModel):
    model_config = ConfigDict(extra="forbid")

    excuses: bool
    thanks: bool
    strengths: bool
    tone: bool
    generic: bool
    structure: bool
    context: LetterContext | None = None
    # Scored by later families and the report card; accepted so every corpus loads.
    spelling: bool | None = None
    reasons: dict[str, bool] | None = None


class FamilyScore(BaseModel):
    family: Family
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


class Mistake(BaseModel):
    letter: str
    family: Family
    kind: str  # "false positive" or "miss"
    findings: list[Finding]


class Evaluation(BaseModel):
    corpus: str
    letters: int
    with_context: bool
    scores: list[FamilyScore]
    mistakes: list[Mistake]

    def as_data(self) -> dict[str, object]:
        data = self.model_dump(mode="json")
        for score, row in zip(self.scores, data["scores"], strict=True):
            row.update(
                precision=round(score.precision, 3),
                recall=round(score.recall, 3),
                f1=round(score.f1, 3),
            )
        return data


def load_labels(folder: Path) -> dict[str, Label]:
    path = folder / "labels.json"
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return {name: Label.model_validate(value) for name, value in raw.items()}
    except FileNotFoundError:
        raise InputError(f"{path}: no labels.json in the corpus folder") from None
    except (json.JSONDecodeError, ValidationError, AttributeError) as exc:
        raise InputError(f"{path}: not a valid labels file: {str(exc).splitlines()[0]}") from None


def evaluate(folder: Path, linter: Linter, *, with_context: bool = False) -> Evaluation:
    labels = load_labels(folder)
    drafts = []
    for name, label in sorted(labels.items()):
        source = read_source(str(folder / name), linter.config.max_size)
        if source.error is not None or source.text is None:
            raise InputError(f"{folder / name}: {source.error}")
        drafts.append(Draft(source.text, name, label.context if with_context else None))
    scores = {family: FamilyScore(family=family) for family in Family}
    mistakes = []
    for report in linter.lint_drafts(drafts):
        assert report.path is not None
        label = labels[report.path]
        flagged = report.flagged_families()
        for family, score in scores.items():
            expected, got = getattr(label, family.value), family in flagged
            if expected and got:
                score.tp += 1
            elif got:
                score.fp += 1
            elif expected:
                score.fn += 1
            else:
                score.tn += 1
            if expected != got:
                kind = "false positive" if got else "miss"
                related = [f for f in report.findings if f.family == family]
                mistakes.append(
                    Mistake(letter=report.path, family=family, kind=kind, findings=related)
                )
    return Evaluation(
        corpus=str(folder),
        letters=len(labels),
        with_context=with_context,
        scores=list(scores.values()),
        mistakes=mistakes,
    )


def render_evaluation(result: Evaluation) -> str:
    context = "with context" if result.with_context else "without context"
    lines = [
        f"{result.corpus}: {result.letters} letters, {context}",
        "",
        f"{'family':<10} {'TP':>3} {'FP':>3} {'FN':>3} {'TN':>3}  precision  recall    F1",
    ]
    for s in result.scores:
        lines.append(
            f"{s.family.value:<10} {s.tp:>3} {s.fp:>3} {s.fn:>3} {s.tn:>3}"
            f"  {s.precision:>9.2f}  {s.recall:>6.2f}  {s.f1:>4.2f}"
        )
    if result.mistakes:
        lines += ["", "Letters it got wrong:"]
        for m in result.mistakes:
            lines.append(f"  {m.letter}: {m.family.value} {m.kind}")
            for f in m.findings:
                lines.append(f"      {f.line}:{f.column} {f.rule} [{f.severity.value}] {f.message}")
    return "\n".join(lines)
