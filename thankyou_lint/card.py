"""The card's marks from the findings: light, so a re-run answered from the cache can mark
the card again after settings and disable comments silence findings, without the checks."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .models import Family, Finding, Reason, ReasonCheck, Severity

# A cross on these reasons is a finding's to explain (RUBRIC.md), so the card and the
# findings never disagree; the others are done when the letter shows them, else neutral.
CROSSED_BY: dict[Reason, Callable[[Finding], bool]] = {
    Reason.REINFORCES: lambda f: f.family == Family.STRENGTHS,
    Reason.PROFESSIONAL: lambda f: f.family in {Family.TONE, Family.EXCUSES},
    Reason.SPECIFIC: lambda f: f.rule == "generic.nothing-specific",
}


def marked(card: Sequence[ReasonCheck], findings: Sequence[Finding]) -> list[ReasonCheck]:
    """The card's marks from the findings that are left: a cross only where one of them
    explains it."""
    counted = [f for f in findings if f.severity.rank >= Severity.WARNING.rank]
    marks = []
    for check in card:
        crossed_by = CROSSED_BY.get(check.reason)
        if crossed_by is None:
            marks.append(check.model_copy(update={"neutral": not check.done}))
        else:
            done = not any(crossed_by(f) for f in counted)
            marks.append(check.model_copy(update={"done": done, "neutral": False}))
    return marks
