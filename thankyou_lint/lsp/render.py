"""A Report shown through the protocol: diagnostics, hovers and code actions.

Pure functions of a report, the text it was made from and the rules' metadata; the
server decides when to call them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from lsprotocol import types as lsp

from ..fixes import apply_fixes
from ..layout import FRONT_MATTER_RE
from ..models import Finding, Report, Severity
from ..output.text import card_line
from ..registry import RuleMeta
from .positions import Positions

SOURCE = "thankyou-lint"
ACCEPT_WORD = "thankyou-lint.acceptWord"
IGNORE_RULE = "thankyou-lint.ignoreRule"
FIX_ALL = f"{lsp.CodeActionKind.SourceFixAll.value}.thankyou-lint"
SEVERITIES = {
    Severity.ERROR: lsp.DiagnosticSeverity.Error,
    Severity.WARNING: lsp.DiagnosticSeverity.Warning,
    Severity.INFO: lsp.DiagnosticSeverity.Information,
}
ACCEPTABLE_WORDS = 4  # "accept this word" is offered for a name or phrase, not a sentence


@dataclass(frozen=True)
class Linted:
    """A document's text at one version, and what the linter said about it."""

    uri: str
    version: int | None
    positions: Positions
    report: Report
    rules: Mapping[str, RuleMeta]
    markdown: bool

    @property
    def text(self) -> str:
        return self.positions.text


def span(positions: Positions, start: int, end: int) -> lsp.Range:
    (line, char), (end_line, end_char) = positions.position(start), positions.position(end)
    return lsp.Range(lsp.Position(line, char), lsp.Position(end_line, end_char))


def diagnostics(linted: Linted, rules_url: str | None = None) -> list[lsp.Diagnostic]:
    """One diagnostic per finding, and the five-reasons card on the first line."""
    shown = [_diagnostic(f, linted, rules_url) for f in linted.report.findings]
    if linted.report.reasons:
        shown.append(reasons_diagnostic(linted))
    return shown


def _diagnostic(finding: Finding, linted: Linted, rules_url: str | None) -> lsp.Diagnostic:
    meta = linted.rules.get(finding.rule)
    message = f"{finding.message}\n{meta.rationale}" if meta else finding.message
    return lsp.Diagnostic(
        range=span(linted.positions, finding.start, finding.end),
        message=message,
        severity=SEVERITIES[finding.severity],
        code=finding.rule,
        code_description=lsp.CodeDescription(rules_url.replace("{rule}", finding.rule))
        if rules_url
        else None,
        source=SOURCE,
    )


def reasons_diagnostic(linted: Linted) -> lsp.Diagnostic:
    """The report card as an information on the first line: a summary, then the evidence."""
    card = linted.report.reasons
    lines = [card_line(card)]
    lines += [
        f"{'✓' if c.done else '✗'} {c.reason.label}" + (f": “{c.evidence}”" if c.evidence else "")
        for c in card
    ]
    end = linted.positions.line_end(0)
    return lsp.Diagnostic(
        range=lsp.Range(lsp.Position(0, 0), lsp.Position(*end)),
        message="\n".join(lines),
        severity=lsp.DiagnosticSeverity.Information,
        code="reasons",
        source=SOURCE,
    )


def problem_diagnostic(message: str) -> lsp.Diagnostic:
    """A document that could not be linted (bad config, too long): one error, on line 1."""
    return lsp.Diagnostic(
        range=lsp.Range(lsp.Position(0, 0), lsp.Position(0, 0)),
        message=message,
        severity=lsp.DiagnosticSeverity.Error,
        code="not-linted",
        source=SOURCE,
    )


def findings_at(linted: Linted, start: int, end: int) -> list[Finding]:
    """Findings whose words touch [start, end]."""
    return [f for f in linted.report.findings if f.start <= end and start <= f.end]


def hover(linted: Linted, offset: int) -> lsp.Hover | None:
    """The rationale, suggestion and a good example of the finding under the cursor: the
    narrowest, so a word's finding is not buried under those about the whole body."""
    under = [f for f in linted.report.findings if f.start <= offset < max(f.end, f.start + 1)]
    if not under:
        return None
    narrowest = min(f.end - f.start for f in under)
    found = [f for f in under if f.end - f.start == narrowest]
    parts = [_explained(f, linted.rules.get(f.rule)) for f in found]
    return lsp.Hover(
        contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)),
        range=span(linted.positions, found[0].start, found[0].end),
    )


def _explained(finding: Finding, meta: RuleMeta | None) -> str:
    lines = [f"**{finding.message}** (`{finding.rule}`, {finding.severity.value})"]
    if meta:
        lines.append(f"*Why:* {meta.rationale}")
    if finding.suggestion:
        lines.append(f"*Suggestion:* {finding.suggestion}")
    if meta and meta.good:
        example = meta.good[0].text.strip()
        lines.append("*For example:*\n\n" + "\n".join(f"> {line}" for line in example.splitlines()))
    return "\n\n".join(lines)


# --- code actions ----------------------------------------------------------------------------


def code_actions(
    linted: Linted, start: int, end: int, shown: Sequence[lsp.Diagnostic]
) -> list[lsp.CodeAction]:
    """Quick fixes for the findings in the range, then the fix-everything action."""
    actions: list[lsp.CodeAction] = []
    for finding in findings_at(linted, start, end):
        diagnostic = _matching(linted, shown, finding)
        if finding.fix:
            actions.append(_quick_fix(linted, finding, diagnostic))
        word = linted.text[finding.start : finding.end]
        if _acceptable(word):
            actions.append(
                lsp.CodeAction(
                    title=f"Accept “{word.strip()}” in this workspace",
                    kind=lsp.CodeActionKind.QuickFix,
                    diagnostics=diagnostic,
                    command=lsp.Command(
                        f"Accept “{word.strip()}”",
                        ACCEPT_WORD,
                        arguments=[linted.uri, word.strip()],
                    ),
                )
            )
        actions.append(_ignore_rule(linted, finding.rule, diagnostic))
    fix_all = fix_all_action(linted)
    if fix_all:
        actions.append(fix_all)
    return _unique(actions)


def _matching(
    linted: Linted, shown: Sequence[lsp.Diagnostic], finding: Finding
) -> list[lsp.Diagnostic] | None:
    """The client's diagnostics that show this finding (an action says what it resolves)."""
    where = span(linted.positions, finding.start, finding.end)
    same = [d for d in shown if d.source == SOURCE and d.code == finding.rule and d.range == where]
    return same or None


def _quick_fix(
    linted: Linted, finding: Finding, diagnostic: list[lsp.Diagnostic] | None
) -> lsp.CodeAction:
    assert finding.fix is not None
    fix = finding.fix
    before = linted.text[fix.start : fix.end].strip()  # "Remove “😀”", not “ 😀”
    title = (
        f"Replace “{before}” with “{fix.replacement}”" if fix.replacement else f"Remove “{before}”"
    )
    edit = lsp.TextEdit(span(linted.positions, fix.start, fix.end), fix.replacement)
    return lsp.CodeAction(
        title=title,
        kind=lsp.CodeActionKind.QuickFix,
        diagnostics=diagnostic,
        is_preferred=True,
        edit=lsp.WorkspaceEdit(changes={linted.uri: [edit]}),
    )


def fix_all_action(linted: Linted) -> lsp.CodeAction | None:
    """Every safe fix at once, chosen as `--fix` chooses them (the engine's apply_fixes),
    sent as one edit over the part of the letter that changes."""
    before = linted.text
    after = apply_fixes(before, linted.report.findings)
    if after == before:
        return None
    head = _common_prefix(before, after)
    tail = _common_prefix(before[head:][::-1], after[head:][::-1])
    edit = lsp.TextEdit(
        span(linted.positions, head, len(before) - tail), after[head : len(after) - tail]
    )
    count = sum(1 for f in linted.report.findings if f.fix)
    return lsp.CodeAction(
        title=f"Apply the safe fixes ({count})" if count > 1 else "Apply the safe fix",
        kind=FIX_ALL,
        edit=lsp.WorkspaceEdit(changes={linted.uri: [edit]}),
    )


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _acceptable(word: str) -> bool:
    """A word, name or short phrase on one line (not "!!!" or an emoji): what `accept`
    is for."""
    one_line = "\n" not in word and "\r" not in word
    has_letters = any(c.isalpha() for c in word)
    return one_line and has_letters and len(word.split()) <= ACCEPTABLE_WORDS


def _ignore_rule(
    linted: Linted, rule: str, diagnostic: list[lsp.Diagnostic] | None
) -> lsp.CodeAction:
    """Markdown drafts carry a disable comment (after any front matter); plain-text
    drafts are never written into, so the rule goes to per-file-ignores in the config."""
    title = f"Ignore {rule} in this file"
    if linted.markdown:
        match = FRONT_MATTER_RE.match(linted.text)
        at = match.end() if match else 0
        where = linted.positions.position(at)
        comment = f"<!-- thankyou-lint: disable={rule} -->\n"
        edit = lsp.TextEdit(lsp.Range(lsp.Position(*where), lsp.Position(*where)), comment)
        return lsp.CodeAction(
            title=title,
            kind=lsp.CodeActionKind.QuickFix,
            diagnostics=diagnostic,
            edit=lsp.WorkspaceEdit(changes={linted.uri: [edit]}),
        )
    return lsp.CodeAction(
        title=title,
        kind=lsp.CodeActionKind.QuickFix,
        diagnostics=diagnostic,
        command=lsp.Command(title, IGNORE_RULE, arguments=[linted.uri, rule]),
    )


def _unique(actions: Iterable[lsp.CodeAction]) -> list[lsp.CodeAction]:
    """Two findings of one rule in the range offer "ignore" once."""
    seen: dict[str, lsp.CodeAction] = {}
    for action in actions:
        seen.setdefault(action.title, action)
    return list(seen.values())
