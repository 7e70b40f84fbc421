"""Scoring the linter against a labelled corpus (the format of RUBRIC.md)."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from .engine import Linter
from .errors import InputError
from .inputs import read_source
from .models import Draft, Family, Finding, LetterContext, Reason


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


class Counts(BaseModel):
    """A confusion matrix, with precision and recall of the positive class."""

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

    def add(self, expected: bool, got: bool) -> None:
        if expected and got:
            self.tp += 1
        elif got:
            self.fp += 1
        elif expected:
            self.fn += 1
        else:
            self.tn += 1

    def rounded(self) -> dict[str, float]:
        return {
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
        }


class FamilyScore(Counts):
    family: Family


class ReasonScore(Counts):
    """The card's "does it" against the label, per reason."""

    reason: Reason


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
    reasons: list[ReasonScore]
    mistakes: list[Mistake]
    card_mistakes: list[tuple[str, Reason, str]]  # letter, reason, "false tick" or "miss"

    def as_data(self) -> dict[str, object]:
        data = self.model_dump(mode="json")
        for score, row in zip(self.scores, data["scores"], strict=True):
            row.update(score.rounded())
        for reason, row in zip(self.reasons, data["reasons"], strict=True):
            row.update(reason.rounded())
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
    reasons = {reason: ReasonScore(reason=reason) for reason in Reason}
    mistakes, card_mistakes = [], []
    for report in linter.lint_drafts(drafts):
        assert report.path is not None
        label = labels[report.path]
        flagged = report.flagged_families()
        for family, score in scores.items():
            expected = getattr(label, family.value, None)
            if expected is None:  # a family the corpus does not label (spelling, in some)
                continue
            got = family in flagged
            score.add(expected, got)
            if expected != got:
                kind = "false positive" if got else "miss"
                related = [f for f in report.findings if f.family == family]
                mistakes.append(
                    Mistake(letter=report.path, family=family, kind=kind, findings=related)
                )
        card = {check.reason: check.done for check in report.reasons}
        for reason, reason_score in reasons.items():
            expected = (label.reasons or {}).get(reason.label_key)
            if expected is None or reason not in card:
                continue
            reason_score.add(expected, card[reason])
            if expected != card[reason]:
                card_mistakes.append(
                    (report.path, reason, "false tick" if card[reason] else "miss")
                )
    labelled = {
        f for f in Family if any(getattr(v, f.value, None) is not None for v in labels.values())
    }
    return Evaluation(
        corpus=str(folder),
        letters=len(labels),
        with_context=with_context,
        scores=[s for f, s in scores.items() if f in labelled],
        reasons=[s for s in reasons.values() if s.tp + s.fp + s.fn + s.tn],
        mistakes=mistakes,
        card_mistakes=card_mistakes,
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
    if result.reasons:
        lines += [
            "",
            f"{'card reason':<22} {'TP':>3} {'FP':>3} {'FN':>3} {'TN':>3}  precision  recall",
        ]
        for r in result.reasons:
            lines.append(
                f"{r.reason.label_key:<22} {r.tp:>3} {r.fp:>3} {r.fn:>3} {r.tn:>3}"
                f"  {r.precision:>9.2f}  {r.recall:>6.2f}"
            )
    if result.mistakes:
        lines += ["", "Letters it got wrong:"]
        for m in result.mistakes:
            lines.append(f"  {m.letter}: {m.family.value} {m.kind}")
            for f in m.findings:
                lines.append(f"      {f.line}:{f.column} {f.rule} [{f.severity.value}] {f.message}")
    if result.card_mistakes:
        lines += ["", "Card reasons it got wrong:"]
        lines += [
            f"  {letter}: {reason.label_key} {kind}"
            for letter, reason, kind in result.card_mistakes
        ]
    return "\n".join(lines)
