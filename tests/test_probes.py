"""Blind probe sentences: each judged in an ordinary short letter, scored per set.

The sentences in tests/probes/ were written and labelled by helpers who read only the rubric
(tests/probes/README.md). They test plain-worded strengths, thanks, tone and news one
construction at a time; the real-letter corpora remain the measure of the linter. Each set
is held to the figures it reached, so a rule change that loses a construction shows here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from thankyou_lint import Linter
from thankyou_lint.models import Report, Severity

PROBES = Path(__file__).resolve().parent / "probes"

# The letter each sentence stands in: one that thanks the reader and restates a strength
# around the sentence, except where the sentence's own family is the question.
WITH_THANKS = "Dear Ms. Park,\n\nThank you for meeting with me on Tuesday about the role at Hollis. {s}\n\nBest regards,\nAlex Kim\n"  # noqa: E501
WITHOUT_THANKS = "Dear Ms. Park,\n\nI met you on Tuesday about the planner role at Hollis. I ran the Leeds depot rota for two years. {s}\n\nBest regards,\nAlex Kim\n"  # noqa: E501
WITH_BOTH = "Dear Ms. Park,\n\nThank you for meeting with me on Tuesday about the planner role at Hollis. I ran the Leeds depot rota for two years. {s}\n\nBest regards,\nAlex Kim\n"  # noqa: E501


def _warned(report: Report) -> set[str]:
    return {f.rule for f in report.findings if f.severity != Severity.INFO}


def _restates_a_strength(report: Report) -> bool:
    return not _warned(report) & {"strengths.missing", "strengths.generic-only"}


def _thanks_the_reader(report: Report) -> bool:
    return "thanks.missing" not in _warned(report)


def _unprofessional(report: Report) -> bool:
    return any(rule.startswith("tone.") for rule in _warned(report))


def _adds_or_answers(report: Report) -> bool:
    card = {check.reason.value: check.done for check in report.reasons}
    return card["shares-new-information"] or card["confronts-objections"]


Verdict = Callable[[Report], bool]
SETS: dict[str, tuple[str, Verdict]] = {
    "strengths": (WITH_THANKS, _restates_a_strength),
    "thanks": (WITHOUT_THANKS, _thanks_the_reader),
    "tone": (WITH_BOTH, _unprofessional),
    "news": (WITH_THANKS, _adds_or_answers),
}
# (precision, recall) each set reached; tone: unprofessional wording without the listed
# words (sarcasm, bitterness, over-familiarity, bribes) is mostly beyond the rules.
FLOORS = {
    "strengths-1": (1.00, 0.90),
    "strengths-2": (1.00, 0.98),
    "thanks-1": (0.94, 0.98),
    "thanks-2": (1.00, 1.00),
    "tone-1": (1.00, 0.14),
    "tone-2": (1.00, 0.42),
    "news-1": (1.00, 0.63),
    "news-2": (0.96, 0.60),
    "news-3": (0.97, 0.82),
    "spelling-1": (0.91, 0.95),
}


def _rows(name: str, fields: int) -> list[list[str]]:
    text = (PROBES / f"{name}.tsv").read_text(encoding="utf-8")
    return [line.split("\t", fields - 1) for line in text.splitlines() if line.strip()]


def _score(linter: Linter, name: str) -> tuple[float, float, list[str]]:
    if name.startswith("spelling"):
        return _score_spelling(linter, name)
    frame, verdict = SETS[name.split("-")[0]]
    rows = _rows(name, 2)
    reports = linter.lint_many(frame.format(s=sentence) for _, sentence in rows)
    return _figures(
        (label != "no", verdict(report), sentence)
        for (label, sentence), report in zip(rows, reports, strict=True)
    )


def _score_spelling(linter: Linter, name: str) -> tuple[float, float, list[str]]:
    """`yes` lines: their misspelt word is flagged; `no` lines: nothing is flagged."""
    rows = _rows(name, 3)
    letters = [WITH_BOTH.format(s=sentence) for _, _, sentence in rows]
    calls = []
    for (label, word, sentence), letter, report in zip(
        rows, letters, linter.lint_many(letters), strict=True
    ):
        flagged = {letter[f.start : f.end] for f in report.findings if f.family == "spelling"}
        calls.append(
            (label == "yes", word in flagged if label == "yes" else bool(flagged), sentence)
        )
    return _figures(calls)


def _figures(calls: Iterable[tuple[bool, bool, str]]) -> tuple[float, float, list[str]]:
    """Precision and recall of (wanted, found) calls, and the sentences called wrong."""
    tp = fp = fn = 0
    wrong = []
    for wanted, found, sentence in calls:
        tp, fp, fn = (
            tp + (wanted and found),
            fp + (found and not wanted),
            fn + (wanted and not found),
        )
        if wanted != found:
            wrong.append(f"{'missed' if wanted else 'false'}: {sentence}")
    return tp / max(1, tp + fp), tp / max(1, tp + fn), wrong


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_probe_set_keeps_its_figures(linter: Linter, name: str) -> None:
    precision, recall, wrong = _score(linter, name)
    floor = FLOORS[name]
    assert precision >= floor[0] and recall >= floor[1], (
        f"{name}: precision {precision:.2f}, recall {recall:.2f} below {floor}:\n"
        + "\n".join(wrong)
    )


def test_every_probe_file_is_scored() -> None:
    assert {p.stem for p in PROBES.glob("*.tsv")} == set(FLOORS)
