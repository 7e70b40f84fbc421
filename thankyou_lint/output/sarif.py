"""SARIF 2.1.0: one run, the enabled rules as the driver's rules, one result per finding."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO
from urllib.parse import quote

from .. import __version__
from ..models import Finding, Report, Severity
from . import RenderContext

if TYPE_CHECKING:
    from ..registry import RuleMeta  # metadata only; the registry is not imported to render

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SRCROOT = "%SRCROOT%"


def artifact_location(path: str | None) -> dict[str, str]:
    """A URI reference for a report path; relative paths are relative to %SRCROOT%."""
    if path is None:
        return {"uri": quote("<text>")}  # what the other formats call a letter without a path
    if path == "-":
        return {"uri": "stdin"}
    file = Path(path)
    if file.is_absolute():
        return {"uri": file.as_uri()}
    return {"uri": quote(file.as_posix()), "uriBaseId": SRCROOT}


def _rule_name(rule_id: str) -> str:
    # SARIF wants a name without spaces or dots: "tone.casual-greeting" -> "CasualGreeting".
    return "".join(part.capitalize() for part in rule_id.split(".", 1)[-1].split("-"))


def _help_text(meta: RuleMeta) -> str:
    return (
        f"{meta.rationale}\n\nSuggestion: {meta.suggestion}" if meta.suggestion else meta.rationale
    )


def sarif_rule(meta: RuleMeta) -> dict[str, Any]:
    return {
        "id": meta.id,
        "name": _rule_name(meta.id),
        "shortDescription": {"text": meta.message},
        "fullDescription": {"text": meta.rationale},
        "help": {"text": _help_text(meta)},
        "defaultConfiguration": {"level": LEVELS[meta.severity]},
        "properties": {"family": meta.family.value, "tags": [meta.family.value]},
    }


def _location(finding: Finding, path: str | None, source: str | None) -> dict[str, Any]:
    region: dict[str, Any] = {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
        "charOffset": finding.start,
        "charLength": finding.end - finding.start,
    }
    if source is not None:
        region["snippet"] = {"text": source[finding.start : finding.end]}
    return {"physicalLocation": {"artifactLocation": artifact_location(path), "region": region}}


def sarif_result(
    finding: Finding, path: str | None, source: str | None, index: Mapping[str, int]
) -> dict[str, Any]:
    text = finding.message
    if finding.suggestion:
        text += f" Suggestion: {finding.suggestion}"
    result: dict[str, Any] = {"ruleId": finding.rule}
    if finding.rule in index:
        result["ruleIndex"] = index[finding.rule]
    result |= {
        "level": LEVELS[finding.severity],
        "message": {"text": text},
        "locations": [_location(finding, path, source)],
        "properties": {"family": finding.family.value},
    }
    return result


def _directory_uri(directory: Path) -> str:
    uri = directory.as_uri()
    return uri if uri.endswith("/") else uri + "/"  # a base URI must end with a slash


def sarif_log(reports: Sequence[Report], context: RenderContext) -> dict[str, Any]:
    metas = list(context.rules.values())
    index = {meta.id: i for i, meta in enumerate(metas)}
    results = [
        sarif_result(f, r.path, context.sources.get(r.path or "<text>"), index)
        for r in reports
        for f in r.findings
    ]
    driver = {
        "name": "thankyou-lint",
        "version": __version__,
        "rules": [sarif_rule(meta) for meta in metas],
    }
    run = {
        "tool": {"driver": driver},
        # Python string offsets count code points, not UTF-16 units (SARIF's default).
        "columnKind": "unicodeCodePoints",
        "originalUriBaseIds": {SRCROOT: {"uri": _directory_uri(Path.cwd())}},
        "results": results,
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render_sarif(reports: Sequence[Report], out: TextIO, context: RenderContext) -> None:
    out.write(json.dumps(sarif_log(reports, context), indent=2, ensure_ascii=False) + "\n")
