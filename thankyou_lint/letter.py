"""A parsed letter: its layout, the spaCy Doc of its body and what the caller knows."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from .layout import Layout, Span
from .models import LetterContext

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

QUOTE_RE = re.compile(r"\"[^\"\n]{1,300}\"|“[^”\n]{1,300}”|(?<!\w)'[^'\n]{1,200}'(?!\w)")


@dataclass(frozen=True)
class Hit:
    """What a rule reports: a span of the letter, optionally a more specific message."""

    start: int
    end: int
    message: str | None = None
    suggestion: str | None = None
    absence: bool = False  # a letter-level finding: something is missing


@dataclass
class Letter:
    layout: Layout
    doc: Doc  # the body only; token offsets are shifted by `body.start`
    context: LetterContext
    memo: dict[str, Any] = field(default_factory=dict, repr=False)  # see checks.common.per_letter

    @property
    def text(self) -> str:
        return self.layout.text

    @property
    def body(self) -> Span:
        return self.layout.body

    def offset(self, token: Token) -> int:
        return self.body.start + token.idx

    def hit(self, first: Token | SpacySpan, last: Token | None = None, **kw: str | None) -> Hit:
        """A hit covering tokens `first`..`last` (or a spaCy span)."""
        if last is None and not hasattr(first, "idx"):
            start, end = first.start_char, first.end_char  # type: ignore[union-attr]
        else:
            end_token = last if last is not None else first
            start = first.idx  # type: ignore[union-attr]
            end = end_token.idx + len(end_token.text)  # type: ignore[union-attr]
        return Hit(self.body.start + start, self.body.start + end, **kw)

    def body_hit(self, message: str | None = None) -> Hit:
        """Letter-level findings (something is absent) point at the whole body."""
        body = self.body if self.body else self.layout.greeting or Span(0, len(self.text))
        return Hit(body.start, body.end, message=message, absence=True)

    @cached_property
    def quoted(self) -> list[tuple[int, int]]:
        """Character ranges of the body inside quotation marks (doc offsets)."""
        return [(m.start(), m.end()) for m in QUOTE_RE.finditer(self.doc.text)]

    def in_quotes(self, token: Token) -> bool:
        return any(a <= token.idx < b for a, b in self.quoted)
