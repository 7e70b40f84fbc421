"""The data the linter produces: findings, metrics and reports (pydantic models)."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is more severe; used for thresholds such as --fail-on."""
        return {"info": 0, "warning": 1, "error": 2}[self.value]


class Family(StrEnum):
    EXCUSES = "excuses"
    THANKS = "thanks"
    STRENGTHS = "strengths"
    TONE = "tone"
    GENERIC = "generic"
    STRUCTURE = "structure"
    SPELLING = "spelling"


class LetterContext(BaseModel):
    """What the candidate knows about the interview; every field is optional."""

    model_config = ConfigDict(extra="forbid")

    company: str | None = None
    interviewer: str | None = None
    role: str | None = None

    def merged_over(self, base: LetterContext | None) -> LetterContext:
        """Fields set here win over those of `base`."""
        if base is None:
            return self
        return base.model_copy(update=self.model_dump(exclude_none=True))


class Fix(BaseModel):
    """A safe edit: replace text[start:end] with `replacement`."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    replacement: str


class Finding(BaseModel):
    """One problem in a letter, located by 0-based offsets and 1-based line/column."""

    rule: str = Field(description="Rule id, `<family>.<rule-name>`.")
    family: Family
    severity: Severity
    message: str
    line: int = Field(ge=1)
    column: int = Field(ge=1)
    end_line: int = Field(ge=1)
    end_column: int = Field(ge=1)
    start: int = Field(ge=0, description="0-based character offset of the span start.")
    end: int = Field(ge=0, description="0-based character offset just past the span.")
    suggestion: str | None = None
    fix: Fix | None = Field(default=None, description="A safe edit `--fix` can apply.")

    @property
    def sort_key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.rule)


class Metrics(BaseModel):
    words: int = Field(description="Words in the whole letter.")
    sentences: int
    body_words: int = Field(description="Words between the greeting and the sign-off.")
    flesch_reading_ease: float | None = None
    flesch_kincaid_grade: float | None = None


class Reason(StrEnum):
    """The five things a good thank-you letter does."""

    REINFORCES = "reinforces-strengths"
    NEW_INFORMATION = "shares-new-information"
    OBJECTIONS = "confronts-objections"
    PROFESSIONAL = "professional"
    SPECIFIC = "sets-apart"

    @property
    def label(self) -> str:
        return {
            "reinforces-strengths": "reinforces strengths",
            "shares-new-information": "new information",
            "confronts-objections": "answers objections",
            "professional": "professional",
            "sets-apart": "specific details",
        }[self.value]

    @property
    def label_key(self) -> str:
        """Its key in a corpus's `labels.json` `reasons` object (RUBRIC.md)."""
        return {
            "reinforces-strengths": "reinforces",
            "shares-new-information": "new_information",
            "confronts-objections": "objections",
            "professional": "professional",
            "sets-apart": "specific",
        }[self.value]


class ReasonCheck(BaseModel):
    """One reason of the card: a tick (`done`) with the words that show it; a cross that a
    finding of the matching family explains; or, for new information and answered
    objections, a neutral mark (`neutral`): the letter has none, which is no fault."""

    reason: Reason
    done: bool
    neutral: bool = Field(default=False, description="Not done, and not a fault.")
    start: int | None = Field(default=None, description="Span that shows it (0-based).")
    end: int | None = None
    evidence: str | None = Field(default=None, description="The words that show it.")

    @property
    def mark(self) -> str:
        return "✓" if self.done else "–" if self.neutral else "✗"


class Report(BaseModel):
    """Everything the linter says about one letter."""

    path: str | None = None
    findings: list[Finding]
    metrics: Metrics
    reasons: list[ReasonCheck] = Field(
        default_factory=list, description="The five-reasons report card."
    )

    def flagged_families(self, at_least: Severity = Severity.WARNING) -> set[Family]:
        return {f.family for f in self.findings if f.severity.rank >= at_least.rank}


@dataclass(frozen=True)
class Draft:
    """One letter to lint, with where it came from and what the caller knows."""

    text: str
    path: str | None = None
    context: LetterContext | None = None
    markdown: bool = False  # markup is masked for analysis; positions stay those of `text`


class LineIndex:
    """Maps 0-based offsets to 1-based (line, column), for any line ending."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1
