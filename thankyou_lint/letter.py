"""A parsed letter: its layout, the spaCy Doc of its body and what the caller knows."""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from .layout import Layout, Span, count_words
from .models import Fix, LetterContext

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

# Every branch starts with its quotation mark, so re can skip to the next one; `'(?<!\w')`
# is a ' with no letter before it ("'great'", not "Dana's").
QUOTE_RE = re.compile(r"\"[^\"\n]{1,300}\"|“[^”\n]{1,300}”|'(?<!\w')[^'\n]{1,200}'(?!\w)")


@dataclass(frozen=True)
class Hit:
    """What a rule reports: a span of the letter, optionally a more specific message."""

    start: int
    end: int
    message: str | None = None
    suggestion: str | None = None
    absence: bool = False  # a letter-level finding: something is missing
    fix: Fix | None = None  # a safe edit, applied by --fix


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

    def hit(self, first: Token, last: Token | None = None, message: str | None = None) -> Hit:
        """A hit covering the tokens `first` to `last` (inclusive) of the body."""
        end = last if last is not None else first
        return Hit(self.body.start + first.idx, self.body.start + end.idx + len(end), message)

    def written(self, first: Token, last: Token | None = None) -> str:
        """The words as the writer wrote them (the Doc has straight apostrophes)."""
        hit = self.hit(first, last)
        return self.text[hit.start : hit.end]

    def span_hit(self, span: SpacySpan, message: str | None = None) -> Hit:
        return Hit(self.body.start + span.start_char, self.body.start + span.end_char, message)

    def body_hit(self, message: str | None = None) -> Hit:
        """Letter-level findings (something is absent) point at the whole body."""
        body = self.body if self.body else self.layout.greeting or Span(0, len(self.text))
        return Hit(body.start, body.end, message=message, absence=True)

    @cached_property
    def tokens(self) -> list[Token]:
        """The body's tokens, made once: each walk over a Doc makes a new Token per word."""
        return list(self.doc)

    @cached_property
    def doc_text(self) -> str:
        """The Doc's text, joined once: spaCy joins it from the tokens on each `doc.text`."""
        return self.doc.text

    @cached_property
    def lowers(self) -> list[str]:
        """Each token's lowercase form, in order."""
        return [t.lower_ for t in self.tokens]

    @cached_property
    def lemmas(self) -> list[str]:
        """Each token's lemma, lowercased, in order."""
        return [t.lemma_.lower() for t in self.tokens]

    def tokens_with(
        self, words: Container[str] = (), lemmas: Container[str] = (), sent: SpacySpan | None = None
    ) -> list[Token]:
        """The tokens (of the body, or of `sent`) whose lowercase form is one of `words` or
        whose lowercased lemma is one of `lemmas`.

        Most letters hold few of the words a check is about: a set lookup per word costs
        far less than the check's questions to each Token.
        """
        start, end = (sent.start, sent.end) if sent is not None else (0, len(self.tokens))
        tokens, lowers, found_lemmas = self.tokens, self.lowers, self.lemmas
        return [
            tokens[i] for i in range(start, end) if lowers[i] in words or found_lemmas[i] in lemmas
        ]

    def words_of(self, sent: SpacySpan) -> list[Token]:
        return self.tokens[sent.start : sent.end]

    @cached_property
    def sentences(self) -> list[SpacySpan]:
        """The body's sentences, found once: spaCy walks the whole Doc for each `doc.sents`."""
        return list(self.doc.sents)

    @cached_property
    def body_words(self) -> int:
        """Words between the greeting and the sign-off (several rules and the metrics ask)."""
        return count_words(self.layout.body_text)

    @cached_property
    def quoted(self) -> list[tuple[int, int]]:
        """Character ranges of the body inside quotation marks (doc offsets)."""
        return [(m.start(), m.end()) for m in QUOTE_RE.finditer(self.doc_text)]

    def in_quotes(self, token: Token) -> bool:
        return bool(self.quoted) and any(a <= token.idx < b for a, b in self.quoted)
