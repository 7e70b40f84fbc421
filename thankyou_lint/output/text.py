"""Human output: `path:line:col: rule message`, the line with a caret, the suggestion."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TextIO

from ..models import Finding, ReasonCheck, Report, Severity
from . import RenderContext

# C0 and C1 controls and DEL (a tab is expanded before), and format characters that
# reorder text (bidi overrides).
CONTROL_RE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
LINE_BREAK_RE = re.compile(r"\r\n|\r|\n")  # the line breaks findings count lines by
COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


def card_line(card: Sequence[ReasonCheck]) -> str:
    """One line for the text output: ✓ done, ✗ not done."""
    return "Reasons: " + " · ".join(f"{c.mark} {c.reason.label}" for c in card)


def _paint(text: str, code: str, colour: bool) -> str:
    return f"\033[{code}m{text}\033[0m" if colour else text


def render_finding(
    finding: Finding, line: str | None, path: str, colour: bool, why: str | None = None
) -> str:
    """A finding, with its source line (if known) and a caret under the words."""
    where = f"{escaped(path)}:{finding.line}:{finding.column}:"
    rule = _paint(finding.rule, COLOURS[finding.severity], colour)
    message = escaped(finding.message)  # it may quote the letter
    head = f"{_paint(where, '1', colour)} {rule} [{finding.severity.value}] {message}"
    lines = [head]
    if line is not None:
        line = line.expandtabs(1)
        end = finding.end_column if finding.end_line == finding.line else len(line) + 1
        before = escaped(line[: finding.column - 1])
        width = max(1, min(len(escaped(line[finding.column - 1 : end - 1])), 80))
        lines.append(f"    {escaped(line)}")
        lines.append("    " + " " * len(before) + _paint("^" * width, "32", colour))
    if finding.suggestion:
        lines.append(f"    = suggestion: {escaped(finding.suggestion)}")
    if why:
        lines.append(f"    = why: {why}")
    return "\n".join(lines)


def escaped(text: str) -> str:
    """Control characters shown, not obeyed: a letter or a file name cannot set the
    terminal's title or clear its screen ("\x1b]0;..." is printed as such)."""
    if not CONTROL_RE.search(text):
        return text
    return CONTROL_RE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def render_text(reports: Sequence[Report], out: TextIO, context: RenderContext) -> None:
    colour = context.colour
    total = 0
    for report in reports:
        path = report.path or "<text>"
        source = context.sources.get(path)
        lines = LINE_BREAK_RE.split(source) if source is not None else None  # once a report
        for finding in report.findings:
            line = lines[finding.line - 1] if lines and finding.line <= len(lines) else None
            why = _rationale(context, finding.rule) if context.show_why else None
            out.write(render_finding(finding, line, path, colour, why) + "\n")
            total += 1
        if report.reasons:
            out.write(f"{escaped(path)}: {card_line(report.reasons)}\n")
    counts = {s: sum(f.severity == s for r in reports for f in r.findings) for s in Severity}
    detail = ", ".join(f"{n} {s.value}" for s, n in counts.items() if n)
    files = f"{len(reports)} file{'s' if len(reports) != 1 else ''}"
    summary = (
        f"Found {total} finding{'s' if total != 1 else ''} ({detail}) in {files}"
        if total
        else f"No findings in {files}"
    )
    out.write(_paint(f"{summary}{_readability(reports)}.", "1", colour) + "\n")


def _rationale(context: RenderContext, rule: str) -> str | None:
    meta = context.rules.get(rule)  # an internal error's rule may be a plugin's
    return meta.rationale if meta is not None else None


def _readability(reports: Sequence[Report]) -> str:
    """ "; 212 words, reading ease 62 (grade 9)": for one letter, or the average of many."""
    words = sum(r.metrics.words for r in reports)
    ease = [r.metrics.flesch_reading_ease for r in reports if r.metrics.flesch_reading_ease]
    grade = [r.metrics.flesch_kincaid_grade for r in reports if r.metrics.flesch_kincaid_grade]
    if not words:
        return ""
    scores = f", reading ease {sum(ease) / len(ease):.0f}" if ease else ""
    scores += f" (grade {sum(grade) / len(grade):.0f})" if ease and grade else ""
    return f"; {words:,} words{scores}"
