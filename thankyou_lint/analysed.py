"""What the rules read: the writer's text made safe to parse, and the way back to it.

Most changes are one character for one (markup blanked, long runs cut, lone surrogates
replaced), so positions stay those of the writer's text. Invisible format characters
(zero-width spaces and joiners, bidi controls, soft hyphens) are dropped instead: "th\u200bx"
must read as "thx". Their positions are remembered, and every finding is mapped back, so
offsets, lines, columns and fixes are exact in what the writer wrote.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass, replace
from functools import cached_property

from .formats import mask_directives, mask_markdown
from .letter import Hit
from .models import Draft, Finding, Fix, LineIndex, ReasonCheck, Report

LONE_SURROGATE_RE = re.compile("[\ud800-\udfff]")
LONG_RUN = 100  # characters without a space: longer than any word or ordinary URL
RUN_CUT = 50
LONG_RUN_RE = re.compile(rf"\S{{{LONG_RUN + 1},}}")
# Unicode's format characters (category Cf) that can sit inside a word unseen: soft hyphen,
# Arabic letter mark, Mongolian vowel separator, zero-width space/joiners, LTR/RTL marks,
# bidi embeddings, overrides and isolates, word joiner and invisible operators, BOM, tags.
FORMAT_CHAR_RE = re.compile(
    "[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
    "\U000e0001\U000e0020-\U000e007f]"
)


@dataclass(frozen=True)
class Analysed:
    """The analysed `text` of a `source`; `dropped` are the source offsets left out."""

    source: str
    text: str
    dropped: tuple[int, ...] = ()

    @cached_property
    def _kept(self) -> array[int]:
        """The source offset of each character of `text` (built only when some were dropped)."""
        dropped = set(self.dropped)
        return array("q", (i for i in range(len(self.source)) if i not in dropped))

    def start_in_source(self, offset: int) -> int:
        """Where the character at `offset` of `text` stands in the source."""
        if not self.dropped:
            return offset
        return self._kept[offset] if offset < len(self._kept) else len(self.source)

    def end_in_source(self, offset: int) -> int:
        """Just past the character before `offset`: a dropped character after a span is
        not part of it."""
        if not self.dropped:
            return offset
        return self._kept[offset - 1] + 1 if offset > 0 else 0

    def span_in_source(self, start: int, end: int) -> tuple[int, int]:
        first = self.start_in_source(start)
        return first, max(first, self.end_in_source(end))

    def hit_in_source(self, hit: Hit) -> Hit:
        start, end = self.span_in_source(hit.start, hit.end)
        return replace(hit, start=start, end=end, fix=self._fix_in_source(hit.fix))

    def report_in_source(self, report: Report) -> Report:
        """The report of `text`, told in the source's positions and quoting its words."""
        if self.text == self.source:
            return report
        update: dict[str, object] = {"reasons": self._card_in_source(report)}
        if self.dropped:
            index = LineIndex(self.source)
            update["findings"] = [self._finding_in_source(f, index) for f in report.findings]
        return report.model_copy(update=update)

    def _finding_in_source(self, finding: Finding, index: LineIndex) -> Finding:
        start, end = self.span_in_source(finding.start, finding.end)
        (line, column), (end_line, end_column) = index.position(start), index.position(end)
        return finding.model_copy(
            update={
                "start": start,
                "end": end,
                "line": line,
                "column": column,
                "end_line": end_line,
                "end_column": end_column,
                "fix": self._fix_in_source(finding.fix),
            }
        )

    def _fix_in_source(self, fix: Fix | None) -> Fix | None:
        if fix is None or not self.dropped:
            return fix
        start, end = self.span_in_source(fix.start, fix.end)
        return fix.model_copy(update={"start": start, "end": end})

    def _card_in_source(self, report: Report) -> list[ReasonCheck]:
        """The card's evidence quoted from what the writer wrote, not from the analysed
        text (where markup is blanked and long runs are cut): the same span, their words."""
        card: list[ReasonCheck] = []
        for check in report.reasons:
            if check.start is None or check.end is None:
                card.append(check)
                continue
            start, end = self.span_in_source(check.start, check.end)
            card.append(
                check.model_copy(
                    update={"start": start, "end": end, "evidence": self.source[start:end]}
                )
            )
        return card


def analyse(draft: Draft) -> Analysed:
    """What the rules read: Markdown markup (in plain text, directive lines) blanked in
    place, long runs cut, invisible format characters dropped.

    A lone surrogate (from bytes decoded with "surrogateescape") cannot be encoded by the
    tokenizer; it becomes U+FFFD, one character for one.
    """
    text = LONE_SURROGATE_RE.sub("\ufffd", draft.text)
    text = mask_markdown(text) if draft.markdown else mask_directives(text)
    dropped = tuple(m.start() for m in FORMAT_CHAR_RE.finditer(text))
    if dropped:
        text = FORMAT_CHAR_RE.sub("", text)
    return Analysed(draft.text, _break_long_runs(text), dropped)


def analysed_text(draft: Draft) -> str:
    return analyse(draft).text


def _break_long_runs(text: str) -> str:
    """spaCy's tokenizer takes time quadratic in the length of a run without spaces (it
    strips one prefix or suffix at a time: 5,000 emoji took 7.6 s, 30,000 minutes). No word
    is that long, so a run past LONG_RUN gets a space every RUN_CUT characters, one
    character for one: offsets stay exact, and time stays linear for any text."""
    if not LONG_RUN_RE.search(text):
        return text
    return LONG_RUN_RE.sub(
        lambda m: "".join(" " if i % RUN_CUT == RUN_CUT - 1 else c for i, c in enumerate(m[0])),
        text,
    )
