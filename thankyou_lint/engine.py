"""Runs the rules over letters: parse, check, apply settings, sort."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .batch import NearCopyIndex
from .config import Config
from .layout import LineIndex, Span, count_words, parse_layout
from .letter import Hit, Letter
from .models import Finding, LetterContext, Metrics, Report, Severity
from .nlp import Need, load_pipeline
from .reasons import reasons_card
from .registry import Rule, all_rules, select_rules

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

CONTEXT_KEYS = ("company", "interviewer", "role")


@dataclass(frozen=True)
class Draft:
    """One letter to lint, with where it came from and what the caller knows."""

    text: str
    path: str | None = None
    context: LetterContext | None = None


class Linter:
    """Keeps the selected rules and the loaded pipeline for many letters."""

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config()
        selected = select_rules(
            all_rules(self.config.rule_packs), self.config.select, self.config.ignore
        )
        self.rules: list[Rule] = [r for r in selected if self._severity(r) is not None]
        self.needs: frozenset[Need] = frozenset().union(*(r.meta.needs for r in self.rules))
        self._nlp: Language | None = None

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = load_pipeline(self.config.model, self.needs)
        return self._nlp

    def lint(self, text: str, *, context: LetterContext | None = None) -> Report:
        return next(self.lint_drafts([Draft(text, context=context)]))

    def lint_many(
        self, texts: Iterable[str], *, context: LetterContext | None = None
    ) -> Iterator[Report]:
        """Reports in input order, streamed: the bodies go through `nlp.pipe` in batches."""
        return self.lint_drafts(Draft(t, context=context) for t in texts)

    def lint_drafts(self, drafts: Iterable[Draft], batch_size: int = 64) -> Iterator[Report]:
        laid_out = ((parse_layout(d.text), d) for d in drafts)
        bodies = ((layout.body_text, (layout, draft)) for layout, draft in laid_out)
        earlier = NearCopyIndex()
        for i, (doc, (layout, draft)) in enumerate(
            self.nlp.pipe(bodies, as_tuples=True, batch_size=batch_size)
        ):
            context = self._context(draft, layout.front_matter)
            yield self._report(Letter(layout, doc, context, earlier), draft.path)
            earlier.add(draft.path or f"letter {i + 1}", layout.body_text)

    def _context(self, draft: Draft, front_matter: dict[str, object]) -> LetterContext:
        from_file = LetterContext(
            **{k: str(v) for k, v in front_matter.items() if k in CONTEXT_KEYS and v}
        )
        context = from_file.merged_over(self.config.context)
        return draft.context.merged_over(context) if draft.context else context

    def _report(self, letter: Letter, path: str | None) -> Report:
        index = LineIndex(letter.text)
        accepted = _accepted_ranges(letter, self.config.accept)
        findings: dict[tuple[str, int, int], Finding] = {}
        for rule in self.rules:
            for hit in self._run(rule, letter):
                if not hit.absence and any(a < hit.end and hit.start < b for a, b in accepted):
                    continue
                finding = self._finding(rule, hit, index)
                findings.setdefault((finding.rule, finding.start, finding.end), finding)
        ordered = sorted(findings.values(), key=lambda f: f.sort_key)
        card = reasons_card(letter, ordered)
        return Report(path=path, findings=ordered, metrics=measure(letter), reasons=card)

    def _run(self, rule: Rule, letter: Letter) -> list[Hit]:
        """A failing rule (a plugin, say) is reported once; the other rules still run."""
        try:
            hits = list(rule.check(letter))
            for hit in hits:
                if not (isinstance(hit, Hit) and 0 <= hit.start <= hit.end <= len(letter.text)):
                    raise TypeError(f"returned {hit!r}, not a Hit inside the text")
        except Exception as exc:
            span = letter.body if letter.body else Span(0, len(letter.text))
            message = f"internal error in rule {rule.meta.id}: {type(exc).__name__}: {exc}"
            return [Hit(span.start, span.end, message=message, suggestion=None)]
        return hits

    def _severity(self, rule: Rule) -> Severity | None:
        override = self.config.severity.get(rule.meta.id)
        if override == "off":
            return None
        return Severity(override) if override else rule.meta.severity

    def _finding(self, rule: Rule, hit: Hit, index: LineIndex) -> Finding:
        line, column = index.position(hit.start)
        end_line, end_column = index.position(hit.end)
        internal = hit.message is not None and hit.message.startswith("internal error in rule")
        severity = Severity.ERROR if internal else self._severity(rule)
        assert severity is not None
        return Finding(
            rule=rule.meta.id,
            family=rule.meta.family,
            severity=severity,
            message=hit.message or rule.meta.message,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            start=hit.start,
            end=hit.end,
            suggestion=hit.suggestion if hit.suggestion is not None else rule.meta.suggestion,
        )


def _accepted_ranges(letter: Letter, accept: Iterable[str]) -> list[tuple[int, int]]:
    """Where accepted words and the context's own names occur: never flagged."""
    ctx = letter.context
    phrases = [p for p in (ctx.company, ctx.interviewer, ctx.role, *accept) if p]
    ranges = []
    for phrase in phrases:
        pattern = r"(?<!\w)" + re.escape(phrase) + r"(?!\w)"
        ranges += [(m.start(), m.end()) for m in re.finditer(pattern, letter.text, re.I)]
    return ranges


def measure(letter: Letter) -> Metrics:
    import textstat

    body = letter.layout.body_text
    doc: Doc = letter.doc
    has_sents = doc.has_annotation("SENT_START")
    sentences = len(list(doc.sents)) if has_sents else len(re.findall(r"[.!?]+(\s|$)", body))
    readable = count_words(body) >= 3
    return Metrics(
        words=count_words(letter.text),
        sentences=sentences,
        body_words=count_words(body),
        flesch_reading_ease=round(textstat.flesch_reading_ease(body), 2) if readable else None,
        flesch_kincaid_grade=round(textstat.flesch_kincaid_grade(body), 2) if readable else None,
    )
