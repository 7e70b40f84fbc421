"""Runs the rules over letters: parse, check, apply settings, sort."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from fnmatch import fnmatch
from functools import cached_property
from pathlib import PurePath
from typing import TYPE_CHECKING

from .analysed import Analysed, analyse
from .card import marked
from .config import Config
from .errors import InputError
from .formats import suppressions
from .inputs import check_size
from .layout import CONTEXT_KEYS, Layout, Span, parse_layout
from .letter import Hit, Letter
from .matching import use_pipeline
from .models import Draft, Finding, LetterContext, LineIndex, Report, Severity
from .near_copies import EarlierLetters, NearCopyIndex
from .nlp import Need, load_pipeline
from .readability import measure
from .registry import (
    Rule,
    RunRule,
    all_rules,
    all_run_rules,
    check_rule_ids,
    matches_selector,
    names_rules,
    select_rules,
)

if TYPE_CHECKING:
    from spacy.language import Language


@dataclass(frozen=True)
class Refused:
    """A draft the linter cannot lint (too long, bad front matter), and why."""

    draft: Draft
    reason: str


@dataclass
class RunState:
    """What one run remembers of the letters it has linted so far."""

    earlier: EarlierLetters = field(default_factory=NearCopyIndex)
    count: int = 0


class Linter:
    """Keeps the selected rules and the loaded pipeline for many letters.

    Rules are loaded when first needed: a re-run answered from the cache needs only the
    run rules, and loads neither the per-letter checks nor the rule packs.
    """

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config()
        self._nlp: Language | None = None
        if names_rules(self.config):
            _ = self.rules  # a rule id the settings misspell stops the run before any letter

    @cached_property
    def rules(self) -> list[Rule]:
        every = all_rules(self.config.rule_packs)
        check_rule_ids(self.config, every)
        return self._enabled(every)

    @cached_property
    def run_rules(self) -> list[RunRule]:
        """Found without loading the per-letter rules (a cached re-run needs only these)."""
        return [r for r in self._enabled(all_run_rules()) if isinstance(r, RunRule)]

    @cached_property
    def needs(self) -> frozenset[Need]:
        """What the pipeline must annotate for the per-letter rules and the report card,
        which every report carries whichever rules are selected."""
        from .reasons import CARD_NEEDS

        letter_rules = [r for r in self.rules if not isinstance(r, RunRule)]
        return CARD_NEEDS.union(*(r.meta.needs for r in letter_rules))

    @cached_property
    def _exclusive(self) -> set[str]:
        return {r.meta.id for r in self.rules if r.meta.exclusive}

    def _enabled(self, rules: Sequence[Rule]) -> list[Rule]:
        selected = select_rules(rules, self.config.select, self.config.ignore)
        return [r for r in selected if self._severity(r) is not None]

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = load_pipeline(self.config.model, self.needs)
            use_pipeline(self._nlp)
        return self._nlp

    def lint(self, text: str, *, context: LetterContext | None = None) -> Report:
        if not isinstance(text, str):
            raise TypeError(f"lint() takes the letter as str, not {type(text).__name__}")
        return next(self.lint_drafts([Draft(text, context=context)]))

    def lint_many(
        self, texts: Iterable[str], *, context: LetterContext | None = None
    ) -> Iterator[Report]:
        """Reports in input order, streamed: the bodies go through `nlp.pipe` in batches."""
        return self.lint_drafts(Draft(t, context=context) for t in texts)

    def lint_drafts(self, drafts: Iterable[Draft], batch_size: int = 64) -> Iterator[Report]:
        """Reports in input order, including what needs the whole run (near-copies)."""
        run = RunState()
        for draft, report in zip_drafts(drafts, self.letter_reports, batch_size):
            yield self.finish(draft, report, run)

    def letter_reports(self, drafts: Iterable[Draft], batch_size: int = 64) -> Iterator[Report]:
        """What each letter says on its own; the bodies go through `nlp.pipe` in batches.

        A draft that cannot be linted (too long, bad front matter), or an input that fails
        while it is read, ends the stream: the drafts before it are still reported, then
        the error is raised, naming the draft.
        """
        for number, outcome in enumerate(self.letter_outcomes(drafts, batch_size), start=1):
            if isinstance(outcome, Refused):
                raise InputError(f"{outcome.draft.path or f'draft {number}'}: {outcome.reason}")
            yield outcome

    def letter_outcomes(
        self, drafts: Iterable[Draft], batch_size: int = 64
    ) -> Iterator[Report | Refused]:
        """Each draft's report, or why it cannot be linted, in input order: for callers that
        keep going past a bad draft (a cluster run). An input that fails while it is read
        ends the stream after the drafts before it."""
        stopped: list[Exception] = []
        bodies = self._bodies(drafts, stopped)
        for doc, (draft, read) in self.nlp.pipe(bodies, as_tuples=True, batch_size=batch_size):
            if isinstance(read, Refused):
                yield read
                continue
            layout, analysed = read
            context = self.context_for(draft, layout.front_matter)
            report = self.letter_report(Letter(layout, doc, context), draft.path)
            yield analysed.report_in_source(report)
        if stopped:
            raise stopped[0]

    def _bodies(
        self, drafts: Iterable[Draft], stopped: list[Exception]
    ) -> Iterator[tuple[str, tuple[Draft, tuple[Layout, Analysed] | Refused]]]:
        items = iter(drafts)
        while True:
            try:
                draft = next(items)
            except StopIteration:
                return
            except Exception as exc:  # the caller's generator failed: keep what came before
                stopped.append(exc)
                return
            try:
                analysed, layout = self.readable(draft)
            except InputError as exc:
                yield "", (draft, Refused(draft, str(exc)))  # an empty Doc keeps the order
                continue
            yield layout.parsed_text, (draft, (layout, analysed))

    def readable(self, draft: Draft) -> tuple[Analysed, Layout]:
        """What the rules read of a draft and where its parts are; InputError when it
        cannot be linted (too long, bad front matter)."""
        analysed = analyse(draft)
        return analysed, parse_layout(check_size(analysed.text, self.config.max_size))

    def finish(self, draft: Draft, report: Report, run: RunState) -> Report:
        """Adds the run rules' findings, then drops what the draft or config silences.

        This happens after the cache, so it may depend on the path and the other letters.
        """
        extra: list[Finding] = []
        if self.run_rules:
            analysed = analyse(draft)
            layout = parse_layout(analysed.text)
            index = LineIndex(draft.text)
            extra = [
                self._finding(rule, analysed.hit_in_source(hit), index)
                for rule in self.run_rules
                for hit in rule.check_run(layout, run.earlier)
            ]
            run.earlier.add(draft.path or f"letter {run.count + 1}", layout.body_text)
        run.count += 1
        silenced = self._silenced(draft)
        findings = [f for f in [*report.findings, *extra] if not silenced(f)]
        if findings == report.findings:
            return report
        findings.sort(key=lambda f: f.sort_key)
        # The card's crosses are the findings' to explain: those that are left.
        return report.model_copy(
            update={"findings": findings, "reasons": marked(report.reasons, findings)}
        )

    def _silenced(self, draft: Draft) -> Callable[[Finding], bool]:
        """Per-file ignores from config, and the regions a draft's disable comments open."""
        ignored = [
            selector
            for pattern, selectors in self.config.per_file_ignores.items()
            if draft.path and _path_matches(draft.path, pattern)
            for selector in selectors
        ]
        regions = suppressions(draft.text, draft.markdown)

        def silenced(finding: Finding) -> bool:
            if any(matches_selector(finding.rule, s) for s in ignored):
                return True
            return any(
                r.start <= finding.start < r.end
                and (not r.selectors or any(matches_selector(finding.rule, s) for s in r.selectors))
                for r in regions
            )

        return silenced

    def context_for(self, draft: Draft, front_matter: dict[str, object]) -> LetterContext:
        """The caller's context wins over front matter, which wins over config."""
        from_file = LetterContext(
            **{k: str(v) for k, v in front_matter.items() if k in CONTEXT_KEYS and v}
        )
        context = from_file.merged_over(self.config.context)
        return draft.context.merged_over(context) if draft.context else context

    def letter_report(self, letter: Letter, path: str | None = None) -> Report:
        """Runs the per-letter rules on a parsed letter."""
        index = LineIndex(letter.text)
        accepted = _accepted_ranges(letter, self.config.accept)
        findings: dict[tuple[str, int, int], Finding] = {}
        for rule in (r for r in self.rules if not isinstance(r, RunRule)):
            for hit in self._run(rule, letter):
                if not hit.absence and any(a <= hit.start and hit.end <= b for a, b in accepted):
                    continue
                finding = self._finding(rule, hit, index)
                findings.setdefault((finding.rule, finding.start, finding.end), finding)
        exclusive = [f for f in findings.values() if f.rule in self._exclusive]
        ordered = sorted(exclusive or findings.values(), key=lambda f: f.sort_key)
        from .reasons import reasons_card  # with the checks it uses: only when letters are parsed

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
            fix=hit.fix,
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


def zip_drafts(
    drafts: Iterable[Draft],
    lint: Callable[[Iterable[Draft], int], Iterator[Report]],
    batch_size: int,
) -> Iterator[tuple[Draft, Report]]:
    """Pairs each draft with its report while both stream (the drafts are read once)."""
    pending: deque[Draft] = deque()

    def remember(items: Iterable[Draft]) -> Iterator[Draft]:
        for draft in items:
            pending.append(draft)
            yield draft

    for report in lint(remember(drafts), batch_size):
        yield pending.popleft(), report


def _path_matches(path: str, pattern: str) -> bool:
    """A per-file-ignores key matches the path as given, or its file name."""
    return fnmatch(path, pattern) or fnmatch(PurePath(path).name, pattern)
