"""GitHub Actions workflow commands: each finding becomes an annotation on the draft."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from ..models import Finding, Report, Severity
from . import RenderContext

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    """Escape a command's message as the runner unescapes it (`%` first)."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a property value: `:` and `,` would otherwise end it."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def _properties(finding: Finding, path: str | None) -> list[tuple[str, str]]:
    # GitHub annotations support columns only when the span is on one line.
    one_line = finding.end_line == finding.line
    props = {
        "file": path if path not in (None, "-") else None,
        "line": str(finding.line),
        "col": str(finding.column) if one_line else None,
        "endLine": str(finding.end_line),
        "endColumn": str(finding.end_column) if one_line else None,
        "title": finding.rule,
    }
    return [(key, value) for key, value in props.items() if value is not None]


def github_command(finding: Finding, path: str | None) -> str:
    props = ",".join(f"{k}={escape_property(v)}" for k, v in _properties(finding, path))
    message = finding.message
    if finding.suggestion:
        message += f"\nSuggestion: {finding.suggestion}"
    return f"::{COMMANDS[finding.severity]} {props}::{escape_data(message)}"


def render_github(reports: Sequence[Report], out: TextIO, context: RenderContext) -> None:
    for report in reports:
        for finding in report.findings:
            out.write(github_command(finding, report.path) + "\n")
