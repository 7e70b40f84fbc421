"""The JSON contract: {"files": [{"path", "findings", "metrics"}], "summary": {...}}."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import Any, TextIO

from pydantic import BaseModel, ConfigDict, Field

from ..models import Finding, Metrics, ReasonCheck, Report
from . import RenderContext


class FileResult(BaseModel):
    # Its validator is built on first use: a cached re-run never needs it.
    model_config = ConfigDict(defer_build=True)

    path: str
    findings: list[Finding]
    metrics: Metrics
    reasons: list[ReasonCheck]


class Summary(BaseModel):
    # Its validator is built on first use: a cached re-run never needs it.
    model_config = ConfigDict(defer_build=True)

    files: int
    findings: int
    by_severity: dict[str, int] = Field(description="Finding counts per severity.")
    by_family: dict[str, int] = Field(description="Finding counts per family.")


class JsonOutput(BaseModel):
    """The document `thankyou-lint --format json` prints."""

    # Its validator is built on first use: a cached re-run never needs it.
    model_config = ConfigDict(defer_build=True)

    files: list[FileResult]
    summary: Summary


def summarise(reports: Sequence[Report]) -> Summary:
    findings = [f for r in reports for f in r.findings]
    return Summary(
        files=len(reports),
        findings=len(findings),
        by_severity=dict(Counter(f.severity.value for f in findings)),
        by_family=dict(Counter(f.family.value for f in findings)),
    )


def to_json_output(reports: Sequence[Report]) -> JsonOutput:
    files = [
        FileResult(
            path=r.path or "<text>", findings=r.findings, metrics=r.metrics, reasons=r.reasons
        )
        for r in reports
    ]
    return JsonOutput(files=files, summary=summarise(reports))


def render_json(reports: Sequence[Report], out: TextIO, context: RenderContext) -> None:
    out.write(to_json_output(reports).model_dump_json(indent=2) + "\n")


def json_schema() -> dict[str, Any]:
    return JsonOutput.model_json_schema()


def schema_text() -> str:
    return json.dumps(json_schema(), indent=2)
