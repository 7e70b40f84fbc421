"""Human output: `path:line:col: rule message`, the line with a caret, the suggestion."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from ..layout import split_lines
from ..models import Finding, ReasonCheck, Report, Severity
from . import RenderContext

COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


def card_line(card: Sequence[ReasonCheck]) -> str:
    """One line for the text output: ✓ done, ✗ not done."""
    return "Reasons: " + " · ".join(f"{'✓' if c.done else '✗'} {c.reason.label}" for c in card)


def _paint(text: str, code: str, colour: bool) -> str:
    return f"\033[{code}m{text}\033[0m" if colour else text


def render_finding(finding: Finding, source: str | None, path: str, colour: bool) -> str:
    where = f"{path}:{finding.line}:{finding.column}:"
    rule = _paint(finding.rule, COLOURS[finding.severity], colour)
    lines = [f"{_paint(where, '1', colour)} {rule} [{finding.severity.value}] {finding.message}"]
    if source is not None:
        line = split_lines(source)[finding.line - 1].text
        width = finding.end_column if finding.end_line == finding.line else len(line) + 1
        width = max(1, min(width - finding.column, 80))
        shown = line.expandtabs(1)
        lines.append(f"    {shown}")
        lines.append("    " + " " * (finding.column - 1) + _paint("^" * width, "32", colour))
    if finding.suggestion:
        lines.append(f"    = suggestion: {finding.suggestion}")
    return "\n".join(lines)


def render_text(reports: Sequence[Report], out: TextIO, context: RenderContext) -> None:
    colour = context.colour
    total = 0
    for report in reports:
        path = report.path or "<text>"
        source = context.sources.get(path)
        for finding in report.findings:
            out.write(render_finding(finding, source, path, colour) + "\n")
            total += 1
        if report.reasons:
            out.write(f"{path}: {card_line(report.reasons)}\n")
    counts = {s: sum(f.severity == s for r in reports for f in r.findings) for s in Severity}
    detail = ", ".join(f"{n} {s.value}" for s, n in counts.items() if n)
    files = f"{len(reports)} file{'s' if len(reports) != 1 else ''}"
    summary = (
        f"Found {total} finding{'s' if total != 1 else ''} ({detail}) in {files}."
        if total
        else f"No findings in {files}."
    )
    out.write(_paint(summary, "1", colour) + "\n")
