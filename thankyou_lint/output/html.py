"""One self-contained HTML page: each letter with its findings highlighted in place.

Nothing in the page loads anything: styles and the small script are inline, and a
Content-Security-Policy forbids every fetch, so a report is safe to open and to mail.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from html import escape
from itertools import pairwise
from typing import TYPE_CHECKING, TextIO

from .. import __version__
from ..models import Family, Finding, Metrics, Report, Severity
from . import RenderContext

if TYPE_CHECKING:
    from ..registry import RuleMeta  # metadata only; the registry is not imported to render

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"

CSS = """
:root {
  --bg: #f6f7f9; --card: #fff; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0;
  --error: #cf222e; --warning: #9a6700; --info: #0969da;
  --error-bg: rgba(207, 34, 46, .16); --warning-bg: rgba(212, 167, 44, .26);
  --info-bg: rgba(9, 105, 218, .10);
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --card: #161b22; --ink: #e6edf3; --muted: #9198a1; --line: #30363d;
    --error: #ff7b72; --warning: #d29922; --info: #58a6ff;
    --error-bg: rgba(255, 123, 114, .22); --warning-bg: rgba(210, 153, 34, .28);
    --info-bg: rgba(88, 166, 255, .14);
  }
}
* { box-sizing: border-box; }
body {
  margin: 0; background: var(--bg); color: var(--ink);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
main { max-width: 1200px; margin: 0 auto; padding: 32px 24px 48px; }
header.page { margin-bottom: 24px; }
header.page h1 { margin: 0 0 4px; font-size: 24px; }
.muted { color: var(--muted); }
.card {
  background: var(--card); border: 1px solid var(--line); border-radius: 10px;
  padding: 20px 24px; margin-bottom: 24px;
}
h2 { margin: 0 0 12px; font-size: 18px; }
h3 { margin: 0 0 8px; font-size: 13px; text-transform: uppercase; letter-spacing: .06em;
  color: var(--muted); }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { padding: 6px 12px; border-bottom: 1px solid var(--line); text-align: right; }
th:first-child, td:first-child { text-align: left; }
thead th { font-size: 13px; color: var(--muted); font-weight: 600; }
tfoot td { font-weight: 600; border-bottom: 0; }
td.zero { color: var(--muted); opacity: .6; }
.report-grid { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 24px; }
@media (max-width: 900px) { .report-grid { grid-template-columns: minmax(0, 1fr); } }
.letter {
  margin: 0; padding: 16px 18px; border: 1px solid var(--line); border-radius: 8px;
  white-space: pre-wrap; overflow-wrap: anywhere; tab-size: 4;
  font: 15px/1.7 Georgia, "Times New Roman", serif;
}
mark { color: inherit; border-radius: 2px; cursor: help; }
mark.sev-error { background: var(--error-bg); border-bottom: 2px solid var(--error); }
mark.sev-warning { background: var(--warning-bg); border-bottom: 2px solid var(--warning); }
mark.sev-info { background: var(--info-bg); border-bottom: 2px dotted var(--info); }
mark.point::before { content: "\\25BE"; font-size: 12px; }
mark.active { outline: 2px solid var(--ink); outline-offset: 1px; }
ul.reasons { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 6px; }
ul.reasons li { border: 1px solid var(--line); border-radius: 999px; padding: 2px 10px; }
ul.reasons li.todo { color: var(--muted); }
dl.metrics { display: grid; grid-template-columns: repeat(auto-fit, minmax(84px, 1fr));
  gap: 12px; margin: 16px 0 0; }
dl.metrics div { border: 1px solid var(--line); border-radius: 8px; padding: 8px 10px; }
dl.metrics dt { font-size: 12px; color: var(--muted); }
dl.metrics dd { margin: 0; font-size: 18px; font-weight: 600; font-variant-numeric: tabular-nums; }
ol.findings { list-style: none; margin: 0; padding: 0; }
li.finding { border-left: 4px solid var(--line); padding: 8px 12px; margin-bottom: 10px;
  border-radius: 0 6px 6px 0; }
li.finding.sev-error { border-left-color: var(--error); }
li.finding.sev-warning { border-left-color: var(--warning); }
li.finding.sev-info { border-left-color: var(--info); }
li.finding.active { background: var(--bg); }
li.finding p { margin: 4px 0 0; }
li.finding .why, li.finding .fix { font-size: 14px; color: var(--muted); }
.badge { display: inline-block; font-size: 11px; font-weight: 700; text-transform: uppercase;
  letter-spacing: .04em; padding: 1px 6px; border-radius: 10px; color: #fff; }
.badge.sev-error { background: var(--error); }
.badge.sev-warning { background: var(--warning); }
.badge.sev-info { background: var(--info); }
code { font: 13px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.where { font-size: 13px; color: var(--muted); float: right; }
.clean { color: var(--muted); font-style: italic; }
footer { text-align: center; font-size: 13px; color: var(--muted); }
"""

# Hovering a finding in the list outlines its highlights in the letter, and vice versa.
SCRIPT = """
document.addEventListener("mouseover", function (event) {
  var target = event.target.closest ? event.target.closest("[data-finding]") : null;
  document.querySelectorAll(".active").forEach(function (el) { el.classList.remove("active"); });
  if (!target) { return; }
  var id = target.getAttribute("data-finding");
  document.querySelectorAll('[data-finding="' + id + '"]').forEach(function (el) {
    el.classList.add("active");
  });
});
"""


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _tooltip(finding: Finding, meta: RuleMeta | None) -> str:
    parts = [f"{finding.rule} ({finding.severity.value})", finding.message]
    if meta is not None:
        parts.append(f"Why: {meta.rationale}")
    if finding.suggestion:
        parts.append(f"Suggestion: {finding.suggestion}")
    return "\n".join(parts)


def _open_mark(key: str, finding: Finding, meta: RuleMeta | None, point: bool = False) -> str:
    classes = f"sev-{finding.severity.value}" + (" point" if point else "")
    return (
        f'<mark class="{classes}" data-rule="{escape(finding.rule)}" data-finding="{key}" '
        f'title="{escape(_tooltip(finding, meta))}">'
    )


def _boundaries(text: str, findings: Sequence[Finding]) -> list[int]:
    edges = [0, len(text), *(f.start for f in findings), *(f.end for f in findings)]
    return sorted({min(max(edge, 0), len(text)) for edge in edges})


def highlight(
    text: str, findings: Sequence[Finding], rules: Mapping[str, RuleMeta], prefix: str
) -> str:
    """The escaped letter with <mark>s; overlapping spans are cut at every span boundary,
    so each piece nests its findings (widest outermost) and the markup stays well formed."""
    keys = [f"{prefix}-{i}" for i in range(len(findings))]
    order = sorted(range(len(findings)), key=lambda i: findings[i].start - findings[i].end)
    out: list[str] = []
    bounds = _boundaries(text, findings)
    for a, b in pairwise([*bounds, bounds[-1]]):
        for i in order:
            if findings[i].start == findings[i].end == a:
                out.append(_open_mark(keys[i], findings[i], rules.get(findings[i].rule), True))
                out.append("</mark>")
        if a == b:
            continue
        covering = [i for i in order if findings[i].start <= a and b <= findings[i].end]
        out += [_open_mark(keys[i], findings[i], rules.get(findings[i].rule)) for i in covering]
        out.append(escape(text[a:b]) + "</mark>" * len(covering))
    return "".join(out)


def _finding_item(key: str, finding: Finding, meta: RuleMeta | None) -> str:
    sev = finding.severity.value
    parts = [
        f'<li class="finding sev-{sev}" id="f-{key}" data-finding="{key}">',
        f'<span class="where">line {finding.line}, col {finding.column}</span>',
        f'<span class="badge sev-{sev}">{sev}</span> <code>{escape(finding.rule)}</code>',
        f'<p class="message">{escape(finding.message)}</p>',
    ]
    if meta is not None:
        parts.append(f'<p class="why"><strong>Why:</strong> {escape(meta.rationale)}</p>')
    if finding.suggestion:
        parts.append(f'<p class="fix"><strong>Try:</strong> {escape(finding.suggestion)}</p>')
    return "".join(parts) + "</li>"


def _findings_list(report: Report, rules: Mapping[str, RuleMeta], prefix: str) -> str:
    if not report.findings:
        return '<p class="clean">No findings: this letter is ready to send.</p>'
    items = (
        _finding_item(f"{prefix}-{i}", f, rules.get(f.rule)) for i, f in enumerate(report.findings)
    )
    return '<ol class="findings">' + "".join(items) + "</ol>"


def _number(value: float | None) -> str:
    return "n/a" if value is None else f"{value:g}"


def _metrics(metrics: Metrics) -> str:
    rows = [
        ("Words", str(metrics.words)),
        ("Sentences", str(metrics.sentences)),
        ("Body words", str(metrics.body_words)),
        ("Flesch reading ease", _number(metrics.flesch_reading_ease)),
        ("Flesch–Kincaid grade", _number(metrics.flesch_kincaid_grade)),
    ]
    cells = "".join(f"<div><dt>{label}</dt><dd>{value}</dd></div>" for label, value in rows)
    return f'<dl class="metrics">{cells}</dl>'


def _reasons(report: Report) -> str:
    """The five-reasons card: done or not, with the words that show it on hover."""
    items = "".join(
        f'<li class="{"done" if c.done else "todo"}" title="{escape(c.evidence or "")}">'
        f"{c.mark} {escape(c.reason.label)}</li>"
        for c in report.reasons
    )
    return f'<ul class="reasons">{items}</ul>' if items else ""


def _letter(report: Report, source: str | None, rules: Mapping[str, RuleMeta], prefix: str) -> str:
    if source is None:
        return '<p class="muted">The letter text is not available.</p>'
    return f'<pre class="letter">{highlight(source, report.findings, rules, prefix)}</pre>'


def _report_section(index: int, report: Report, context: RenderContext) -> str:
    path = report.path or "<text>"
    prefix = f"r{index}"
    counts = _severity_counts(report.findings)
    return (
        f'<section class="card report" id="{prefix}"><h2>{escape(path)}</h2>'
        f'<p class="muted">{counts}</p><div class="report-grid">'
        f"<div><h3>Letter</h3>"
        f"{_letter(report, context.sources.get(path), context.rules, prefix)}"
        f"{_metrics(report.metrics)}{_reasons(report)}</div>"
        f"<div><h3>Findings</h3>{_findings_list(report, context.rules, prefix)}</div>"
        "</div></section>"
    )


def _severity_counts(findings: Sequence[Finding]) -> str:
    counts = Counter(f.severity for f in findings)
    detail = ", ".join(f"{counts[s]} {s.value}" for s in SEVERITIES if counts[s])
    return f"{_plural(len(findings), 'finding')}" + (f" ({detail})" if detail else "")


def _cell(n: int) -> str:
    return f'<td class="zero">{n}</td>' if n == 0 else f"<td>{n}</td>"


def _family_table(reports: Sequence[Report]) -> str:
    counts = Counter((f.family, f.severity) for r in reports for f in r.findings)
    head = "".join(f"<th>{s.value.capitalize()}</th>" for s in SEVERITIES)
    rows = [
        f"<tr><td>{family.value}</td>"
        + "".join(_cell(counts[family, s]) for s in SEVERITIES)
        + _cell(sum(counts[family, s] for s in SEVERITIES))
        + "</tr>"
        for family in Family
    ]
    totals = [sum(counts[f, s] for f in Family) for s in SEVERITIES]
    foot = "<tr><td>Total</td>" + "".join(_cell(n) for n in [*totals, sum(totals)]) + "</tr>"
    return (
        '<section class="card summary"><h2>Summary by family</h2><table>'
        f"<thead><tr><th>Family</th>{head}<th>Total</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody><tfoot>{foot}</tfoot></table></section>"
    )


def _page_parts(reports: Sequence[Report], context: RenderContext) -> Iterator[str]:
    findings = [f for r in reports for f in r.findings]
    yield (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="color-scheme" content="light dark">'
        f"<title>thankyou-lint report</title><style>{CSS}</style></head><body><main>"
    )
    yield (
        '<header class="page"><h1>thankyou-lint report</h1>'
        f'<p class="muted">{_plural(len(reports), "letter")} checked · '
        f"{_severity_counts(findings)}</p></header>"
    )
    yield _family_table(reports)
    yield from (_report_section(i, r, context) for i, r in enumerate(reports))
    yield f"<footer>Generated by thankyou-lint {escape(__version__)}</footer></main>"
    yield f"<script>{SCRIPT}</script></body></html>\n"


def html_page(reports: Sequence[Report], context: RenderContext) -> str:
    return "".join(_page_parts(reports, context))


def render_html(reports: Sequence[Report], out: TextIO, context: RenderContext) -> None:
    out.write(html_page(reports, context))
