"""Where the parts of a letter are: headers, greeting, body, sign-off, signature.

Pure text work, no spaCy: the layout decides which part of the text is parsed.
All positions are 0-based character offsets into the original text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from itertools import pairwise
from typing import Any

from .errors import InputError

CONTEXT_KEYS = ("company", "interviewer", "role")  # front-matter keys the linter reads
HEADER_RE = re.compile(r"(?i)^(subject|re|from|to|cc|bcc|date|sent)\s*:")
# "Rob," or "Ms. Greer," alone on a line before the body also greets the reader.
BARE_NAME_GREETING_RE = re.compile(
    r"^((Mr|Mrs|Ms|Dr|Prof)\.?\s+)?[^\W\d_][\w.'’-]*(\s+[^\W\d_][\w.'’-]*){0,2}\s*,$"
)
GREETING_RE = re.compile(
    r"(?i)^(dear|hi|hello|hey|hiya|howdy|yo|sup|greetings|good\s+(morning|afternoon|evening|day)"
    r"|to\s+whom\s+it\s+may\s+concern|what'?s\s+up)\b"
)
# A sign-off is a short line made of these words, with at least one anchor among them,
# optionally followed by the writer's name: "Best regards,", "Thanks again, Dana".
SIGNOFF_ANCHORS = set(
    """
    regards regard sincerely yours best thanks thank cheers wishes respectfully cordially
    gratefully appreciatively appreciation gratitude care soon xoxo xo love later peace hugs
    ttyl cya thx ta warmly faithfully truly bless respect hope hoping
    """.split()
)
SIGNOFF_WORDS = SIGNOFF_ANCHORS | set(
    """
    with and my all the very kind kindest warm warmest heartfelt sincere many you again so
    much a lot for your time consideration in advance take talk speak see ya mate buddy pal
    god until then submitted desperately fingers crossed
    """.split()
)
GREETING_WORDS = {
    "dear",
    "hi",
    "hello",
    "hey",
    "good",
    "morning",
    "afternoon",
    "evening",
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "greetings",
    "yo",
    "hiya",
    "to",
    "whom",
    "it",
    "may",
    "concern",
    "sir",
    "madam",
    "there",
}
NAME_LINE_RE = re.compile(r"^[^\W\d_][\w.'’-]*(\s+[^\W\d_][\w.'’-]*){0,3}$")
POSTSCRIPT_RE = re.compile(r"(?i)^p\.?\s?(p\.?\s?)?s\b\.?")
CONTACT_RE = re.compile(r"@|https?://|www\.|\+?\d[\d\s().-]{6,}\d|linkedin", re.I)
FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(\r?\n|\Z)", re.S)
WORD_RE = re.compile(r"[A-Za-z0-9À-ÿ][\w'’-]*")


@dataclass(frozen=True)
class Span:
    start: int
    end: int

    def __bool__(self) -> bool:
        return self.end > self.start


@dataclass(frozen=True)
class Line:
    start: int
    end: int  # exclusive, before the line break
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def span(self) -> Span:
        """The line without its surrounding whitespace."""
        lead = len(self.text) - len(self.text.lstrip())
        return Span(self.start + lead, self.start + lead + len(self.stripped))

    @property
    def words(self) -> int:
        return len(WORD_RE.findall(self.text))


@dataclass(frozen=True)
class Layout:
    text: str
    front_matter: dict[str, Any] = field(default_factory=dict)
    headers: tuple[Line, ...] = ()
    greeting: Span | None = None
    body: Span = Span(0, 0)
    signoff: Span | None = None
    signoff_phrase: str | None = None  # lower-case, e.g. "best regards"
    signature: Span | None = None
    name: Span | None = None
    postscript: Span | None = None  # "P.S. ..." after the signature: linted with the body

    @cached_property
    def paragraphs(self) -> tuple[Span, ...]:
        """Body paragraphs, split at blank lines, trimmed."""
        out = []
        for m in re.finditer(r"\S(?:.*?\S)?(?=\s*(?:\n[ \t]*\n|\Z))", self.body_text, re.S):
            out.append(Span(self.body.start + m.start(), self.body.start + m.end()))
        return tuple(out)

    @property
    def body_text(self) -> str:
        return self.text[self.body.start : self.body.end]

    @property
    def parsed_text(self) -> str:
        """The text spaCy parses: the body, and a postscript at its own offsets.

        What lies between them (sign-off, name) is blanked, not removed, so offsets into
        the parsed text stay offsets from the start of the body.
        """
        if self.postscript is None:
            return self.body_text
        gap = self.text[self.body.end : self.postscript.start]
        return self.body_text + re.sub(r"[^\r\n]", " ", gap) + self.slice(self.postscript)

    @property
    def subject(self) -> Line | None:
        return next((h for h in self.headers if h.stripped.lower().startswith("subject")), None)

    @cached_property
    def addressee_names(self) -> tuple[tuple[int, int, str], ...]:
        """Capitalised words of the greeting other than titles: (start, end, word)."""
        if self.greeting is None:
            return ()
        text = self.slice(self.greeting)
        start = self.greeting.start
        return tuple(
            (start + m.start(), start + m.end(), m.group())
            for m in re.finditer(r"[^\W\d_][\w'’-]+", text)
            if m.group()[0].isupper() and m.group().lower() not in GREETING_WORDS
        )

    def slice(self, span: Span | None) -> str:
        return "" if span is None else self.text[span.start : span.end]


def split_lines(text: str, start: int = 0) -> list[Line]:
    """Lines with their offsets; accepts LF, CRLF and CR endings."""
    lines: list[Line] = []
    for m in re.finditer(r"([^\r\n]*)(\r\n|\r|\n|\Z)", text[start:]):
        if m.start() == m.end() and m.start() == len(text) - start and lines:
            break
        lines.append(Line(start + m.start(1), start + m.end(1), m.group(1)))
    return lines


def read_front_matter(text: str) -> tuple[dict[str, Any], int]:
    """YAML front matter of a Markdown draft and the offset where the letter starts."""
    m = FRONT_MATTER_RE.match(text)
    if not m:
        return {}, 0
    import yaml  # only for drafts with front matter: a cached re-run may need no YAML

    try:
        data = yaml.safe_load(m.group(1) or "") or {}
    except yaml.YAMLError as exc:
        raise InputError(f"invalid YAML front matter: {str(exc).splitlines()[0]}") from exc
    if not isinstance(data, dict):
        raise InputError("YAML front matter must be a mapping of keys to values")
    for key in CONTEXT_KEYS:
        # Only plain values: a list or a mapping (perhaps an alias bomb) is never expanded.
        if key in data and not isinstance(data[key], str | int | float | type(None)):
            raise InputError(f"front matter: '{key}' must be a plain text value")
    return data, m.end()


def parse_layout(text: str) -> Layout:
    front_matter, offset = read_front_matter(text)
    lines = split_lines(text, offset)
    content = [i for i, line in enumerate(lines) if line.stripped]
    if not content:
        return Layout(text, front_matter, body=Span(offset, offset))

    headers = []
    first = 0
    for i in content:
        if not HEADER_RE.match(lines[i].stripped):
            break
        headers.append(lines[i])
        first = i + 1

    if first >= len(lines) or not any(line.stripped for line in lines[first:]):
        end = lines[-1].end  # only headers ("Subject: ..."): there is no letter yet
        return Layout(text, front_matter, tuple(headers), body=Span(end, end))
    greeting, body_start = _find_greeting(lines, first)
    signoff_index = _find_signoff(lines, body_start)
    signoff = signature = name = postscript = None
    phrase = None
    if signoff_index is not None:
        line = lines[signoff_index]
        phrase, name_at = match_signoff(line.stripped) or (line.stripped.rstrip(",").lower(), None)
        signoff = line.span
        ps_index = _find_postscript(lines, signoff_index)
        name, signature = _find_signature(lines[:ps_index], signoff_index, name_at)
        if ps_index < len(lines):
            postscript = _trim(text, Span(lines[ps_index].start, lines[content[-1]].end))
        body_end = line.start
    else:
        body_end = lines[content[-1]].end
        if greeting is None and body_start == lines[first].start:
            body_start = _skip_preamble(lines, first)
    body = _trim(text, Span(body_start, max(body_start, body_end)))
    return Layout(
        text,
        front_matter,
        tuple(headers),
        greeting,
        body,
        signoff,
        phrase,
        signature,
        name,
        postscript,
    )


def _find_postscript(lines: list[Line], signoff_index: int) -> int:
    """Index of a "P.S." line after the sign-off, or len(lines) when there is none."""
    for i in range(signoff_index + 1, len(lines)):
        if POSTSCRIPT_RE.match(lines[i].stripped):
            return i
    return len(lines)


def _find_greeting(lines: list[Line], first: int) -> tuple[Span | None, int]:
    """The greeting comes before any long line; it may share its line with the body."""
    seen_sentence = False
    for line in lines[first:]:
        stripped = line.stripped
        if not stripped:
            continue
        bare_name = BARE_NAME_GREETING_RE.match(stripped) and stripped[0].isupper()
        if bare_name and not seen_sentence and not match_signoff(stripped):
            return line.span, line.end
        if GREETING_RE.match(stripped):
            if line.words <= 8:
                return line.span, line.end
            # "Hi Tom, thanks so much for ..." — the greeting ends at the first comma.
            cut = re.search(r"[,:!—–]", stripped[:60])
            if cut:
                span = line.span
                return Span(span.start, span.start + cut.end()), span.start + cut.end()
        if line.words > 12 or (stripped.endswith((".", "?", "!")) and line.words > 8):
            break
        seen_sentence = seen_sentence or (stripped.endswith((".", "?", "!")) and line.words >= 3)
    return None, lines[first].start


def _skip_preamble(lines: list[Line], first: int) -> int:
    """Without a greeting, skip a leading block of short lines (addresses, a date)."""
    for line in lines[first:]:
        if line.stripped and (line.words > 8 or line.stripped.endswith((".", "?", "!"))):
            return line.start
    return lines[first].start


def _find_signoff(lines: list[Line], body_start: int) -> int | None:
    """The last short line, near the end, that is a sign-off phrase."""
    candidates = [i for i, line in enumerate(lines) if line.stripped and line.start >= body_start]
    for i in reversed(candidates[-8:]):
        if match_signoff(lines[i].stripped):
            return i
    # A sign-off in words we do not know ("Ngā mihi,", "Saludos,"): a short line ending in a
    # comma, right above a name near the end of the letter.
    last = candidates[-5:]
    for i, j in pairwise(last):
        line, below = lines[i].stripped, lines[j].stripped
        if line.endswith(",") and lines[i].words <= 3 and NAME_LINE_RE.match(below):
            return i
    return None


DASH_SIGNATURE_RE = re.compile(r"^[-–—]{1,2}\s*(?=[^\W\d_])")


def match_signoff(line: str) -> tuple[str, int | None] | None:
    """("best regards", offset of the name on the same line or None), or None."""
    dash = DASH_SIGNATURE_RE.match(line)
    if dash and len(line.split()) <= 4:
        return "—", dash.end()  # "- Dev", "— Sam Lee"
    words = list(re.finditer(r"[\w'’]+", line))
    if not words or len(words) > 8:
        return None
    taken = 0
    while taken < len(words) and words[taken].group().lower() in SIGNOFF_WORDS:
        taken += 1
    phrase_words = [w.group().lower() for w in words[:taken]]
    if not SIGNOFF_ANCHORS.intersection(phrase_words):
        return None
    if line.endswith(".") and taken >= 3:
        return None  # "Thank you for your time." is a sentence of the body
    phrase = " ".join(phrase_words)
    name = line[words[taken - 1].end() :].lstrip(" ,.!:;—–-")
    if not name.rstrip(" ,.!"):
        return phrase, None
    if len(name.split()) <= 4 and all(w[:1].isupper() for w in name.split()):
        return phrase, len(line) - len(name)  # "Best, Dana Reyes"
    return None


def _find_signature(
    lines: list[Line], index: int, name_at: int | None
) -> tuple[Span | None, Span | None]:
    line = lines[index]
    if name_at is not None:
        span = Span(line.span.start + name_at, line.span.end)
        return span, span
    after = [ln for ln in lines[index + 1 :] if ln.stripped]
    if not after:
        return None, None
    signature = Span(after[0].span.start, after[-1].span.end)
    first = after[0]
    if CONTACT_RE.search(first.stripped) and not re.match(r"^[^\W\d_]+\s+[^\W\d_]", first.stripped):
        return None, signature
    return first.span, signature


def _trim(text: str, span: Span) -> Span:
    chunk = text[span.start : span.end]
    if not chunk.strip():
        return Span(span.start, span.start)  # an empty body stays where it would start
    lead = len(chunk) - len(chunk.lstrip())
    return Span(span.start + lead, span.start + len(chunk.rstrip()))


class LineIndex:
    """Maps 0-based offsets to 1-based (line, column), for any line ending."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1


def count_words(text: str) -> int:
    return len(WORD_RE.findall(text))
