"""Where the parts of a letter are: headers, greeting, body, sign-off, signature.

Pure text work, no spaCy: the layout decides which part of the text is parsed.
All positions are 0-based character offsets into the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from itertools import pairwise
from typing import Any

from .errors import InputError

CONTEXT_KEYS = ("company", "interviewer", "role")  # front-matter keys the linter reads
HEADER_RE = re.compile(r"(?i)^(subject|re|from|to|cc|bcc|date|sent)\s*:")
SUBJECT_RE = re.compile(r"(?i)^subject\s*:")
GREETING_RE = re.compile(
    r"(?i)^[\"“‘']?(dear(est)?|hi|hello|hey|hiya|howdy|yo|sup|greetings|respected|esteemed"
    r"|good\s+(morning|afternoon|evening|day)|to\s+whom\s+it\s+may\s+concern|what'?s\s+up)\b"
)
# Where a quoted reply or a forwarded message starts below the letter.
QUOTED_START_RE = re.compile(
    r"(?i)^(on\b.{4,200}\bwrote:$|-{2,}\s*(original|forwarded)\s+message|begin forwarded message"
    r"|>)"
)
RUN_IN_NAME_RE = re.compile(r"([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}),[ \t]{2,}(?=\S)")
PROSE_WORDS = 12  # a line longer than this is running text, whatever its end
SENTENCE_ENDS = (".", "?", "!", "…")
SALUTATION_WORDS = 12  # "Ms. Lee, Mr. Kim and Dr. Patel," is a greeting; longer is not
SALUTATION_MAX_WORDS = 30  # a greeting paragraph of its own may run long
SIGNOFF_MAX_WORDS = 8  # "Have a great rest of the week,"
CLOSING_LINES = 12  # sign-off and signature block together
# A sign-off is a short line made of these words, with at least one anchor among them,
# optionally followed by the writer's name: "Best regards,", "Thanks again, Dana".
SIGNOFF_ANCHORS = set(
    """
    regards regard sincerely yours best thanks thank cheers wishes respectfully cordially
    gratefully appreciatively appreciation gratitude care soon xoxo xo love later peace hugs
    ttyl cya thx ta warmly faithfully truly bless respect hope hoping from
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
NAME_LINE_RE = re.compile(r"^[^\W\d_][\w.'’-]*(,?\s+[^\W\d_][\w.'’-]*){0,3}\.?$")
PRONOUNS_RE = re.compile(r"\s*\((?:he|she|they|ze|xe)/\w+(?:/\w+)?\)$", re.I)
SLOT_RE = re.compile(r"^(\[[^\]]{1,40}\]|\([^)]{1,40}\)|<[^>]{1,40}>|\{\{[^}]{1,40}\}\})")
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
    postscript: Span | None = None  # text after the signature ("P.S. ..."): linted too
    quoted: Span | None = None  # a quoted reply or forwarded message below: not the letter
    start: int = 0  # where the letter begins: after the front matter, which only gives context

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
        the parsed text stay offsets from the start of the body; an apostrophe inside a
        word is given as the straight one, one character for one.
        """
        if self.postscript is None:
            return _straight_apostrophes(self.body_text)
        gap = self.text[self.body.end : self.postscript.start]
        parsed = self.body_text + re.sub(r"[^\r\n]", " ", gap) + self.slice(self.postscript)
        return _straight_apostrophes(parsed)

    @property
    def subject(self) -> Line | None:
        # The header block may hold addresses too ("Subject Matter Expert Team"): a subject
        # line is "Subject:" and its text.
        return next((h for h in self.headers if SUBJECT_RE.match(h.stripped)), None)

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

    def line_parts(self) -> list[tuple[Line, str]]:
        """Each line of the text with the part it was assigned ("" for a blank line), so a
        user can see why, say, no greeting was found (`thankyou-lint --explain-layout`)."""
        parts = [
            ("quoted", self.quoted),
            ("postscript", self.postscript),
            ("signature", self.signature),
            ("sign-off", self.signoff),
            ("greeting", self.greeting),
            ("body", self.body),
        ]
        out = []
        for line in split_lines(self.text):
            found = [name for name, span in parts if span and _overlaps(line, span)]
            if not line.stripped:
                part = ""
            elif line.end <= self.start:
                part = "front matter"
            elif found:
                part = " + ".join(reversed(found))  # "greeting + body" on one line
            elif line.end <= (self.greeting or self.body).start:
                part = "header"
            else:
                part = "ignored"
            out.append((line, part))
        return out


# "I’ve", "don’t", "Sal’s": the pipeline was trained on straight apostrophes, and with a
# curly one it tags "n’t" as a noun and leaves "’m" and "’ve" without their lemmas.
CURLY_APOSTROPHE_RE = re.compile(r"(?<=\w)’(?=\w)")


def _straight_apostrophes(text: str) -> str:
    return CURLY_APOSTROPHE_RE.sub("'", text)


def _overlaps(line: Line, span: Span) -> bool:
    return line.start < span.end and span.start < line.end


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
    """Find the parts of a letter by the shape and position of its lines.

    Running text ("prose") is the body. Above it, short lines are the header (addresses,
    dates, a subject) and the greeting is the last of them that addresses someone. Below
    it, short lines are the closing: a sign-off line, then the signature block; a
    postscript and a quoted reply may follow.
    """
    front_matter, offset = read_front_matter(text)
    lines = split_lines(text, offset)
    content = [i for i, line in enumerate(lines) if line.stripped]
    if not content:
        return Layout(text, front_matter, body=Span(offset, offset), start=offset)

    first = _after_email_headers(lines, content)
    if first is None:
        end = lines[-1].end  # only headers ("Subject: ..."): there is no letter yet
        headers = tuple(lines[i] for i in content)
        return Layout(text, front_matter, headers, body=Span(end, end), start=offset)
    quoted_at = _find_quoted(lines, first)
    letter_lines = lines[:quoted_at]
    greeting, body_start = _find_greeting(letter_lines, first)
    closing = _find_closing(letter_lines, body_start)
    body_end = closing.starts_at if closing else _last_content_end(letter_lines)
    body = _trim(text, Span(body_start, max(body_start, body_end)))
    quoted = None
    if quoted_at < len(lines):
        quoted = _trim(text, Span(lines[quoted_at].start, len(text)))
    headers = tuple(
        line for line in lines if line.stripped and line.end <= (greeting or body).start
    )
    return Layout(
        text,
        front_matter,
        headers,
        greeting,
        body,
        closing.signoff if closing else None,
        closing.phrase if closing else None,
        closing.signature if closing else None,
        closing.name if closing else None,
        closing.postscript if closing else None,
        quoted,
        offset,
    )


def is_prose(line: Line) -> bool:
    """A line of running text: long, or a sentence of four words or more.

    A sentence has a word in lower case; a line of capitalised words ending in a full stop
    is a name or an address ("Halvorsen Medical Devices, Inc.", "Marta Jovanović, P.E.").
    """
    words = WORD_RE.findall(line.text)
    if len(words) > PROSE_WORDS:
        return True
    sentence = line.stripped.endswith(SENTENCE_ENDS) and any(w[0].islower() for w in words)
    return len(words) >= 4 and sentence


def _after_email_headers(lines: list[Line], content: list[int]) -> int | None:
    """Index of the first line after e-mail headers ("Subject: ..."), None if nothing is."""
    first = 0
    for i in content:
        if not HEADER_RE.match(lines[i].stripped):
            break
        first = i + 1
    if first >= len(lines) or not any(line.stripped for line in lines[first:]):
        return None
    return first


def _find_quoted(lines: list[Line], first: int) -> int:
    """Index where a quoted reply or forwarded message starts, or len(lines)."""
    seen_prose = False
    for i in range(first, len(lines)):
        stripped = lines[i].stripped
        if seen_prose and QUOTED_START_RE.match(stripped):
            return i
        if seen_prose and stripped.startswith("From:") and _sent_line_follows(lines, i):
            return i  # an Outlook-style reply: "From: ...", then "Sent: ..." or "Date: ..."
        seen_prose = seen_prose or is_prose(lines[i])
    return len(lines)


def _sent_line_follows(lines: list[Line], i: int) -> bool:
    return any(re.match(r"(?i)(sent|date):", ln.stripped) for ln in lines[i + 1 : i + 4])


def _find_greeting(lines: list[Line], first: int) -> tuple[Span | None, int]:
    """The greeting and where the body starts.

    The greeting stands among the short lines above the body: a line that opens with a
    greeting word ("Dear", "Respected", "Good day"), or else the last short line before
    the body when it ends like a salutation ("Mr. Kim, Ms. Lee and Dr. Patel,"). It may
    also open the body's first line ("Hi Tom, thanks so much for ...").
    """
    above: list[Line] = []
    body_line = None
    for i in range(first, len(lines)):
        line = lines[i]
        if not line.stripped:
            continue
        if is_prose(line) and _stands_alone_as_salutation(lines, i):
            return line.span, line.end  # "To the gentleman with the comb-over (...),"
        if is_prose(line):
            body_line = line
            break
        if match_signoff(line.stripped) and above:
            break  # a letter with no running text: stop at its sign-off
        above.append(line)
    for line in reversed(above):
        if GREETING_RE.match(line.stripped):
            return line.span, line.end
    if body_line is not None and GREETING_RE.match(body_line.stripped):
        # "Hi Tom, thanks so much for ..." — the greeting ends at the first comma.
        cut = re.search(r"[,:!—–]", body_line.stripped[:60])
        if cut:
            span = body_line.span
            return Span(span.start, span.start + cut.end()), span.start + cut.end()
    if above and _salutes(above[-1]):
        return above[-1].span, above[-1].end
    run_in = RUN_IN_NAME_RE.match(body_line.stripped) if body_line is not None else None
    if body_line is not None and run_in and is_name(run_in.group(1)):
        # "Wade,  Thanks once more for ...": mail that flattened the greeting's line break
        # into two spaces.
        span = body_line.span
        return Span(span.start, span.start + run_in.end(1) + 1), span.start + run_in.end()
    if body_line is not None:
        return None, body_line.start  # the short lines above are a header block
    return None, lines[first].start


def _stands_alone_as_salutation(lines: list[Line], i: int) -> bool:
    """A long first line that ends like a salutation and is a paragraph of its own."""
    line = lines[i]
    alone = i + 1 == len(lines) or not lines[i + 1].stripped
    return alone and line.stripped.endswith((",", ":")) and line.words <= SALUTATION_MAX_WORDS


def _salutes(line: Line) -> bool:
    """A short line addressing someone by name: "Rob,", "Ms. Lee and Mr. Kim:", "[Name],",
    "Ms. Lee -" (a dash ends a salutation in mail as a comma does)."""
    stripped = line.stripped
    return (
        stripped.endswith((",", ":", " -", " –", "—"))
        and line.words <= SALUTATION_WORDS
        and stripped.lstrip("([<{")[:1].isupper()  # a slot may stand for the name: "(Name):"
        and not any(ch.isdigit() for ch in stripped)
        and not HEADER_RE.match(stripped)
        and not match_signoff(stripped)
    )


@dataclass(frozen=True)
class Closing:
    starts_at: int  # where the body ends
    signoff: Span | None
    phrase: str | None
    signature: Span | None
    name: Span | None
    postscript: Span | None


def _find_closing(lines: list[Line], body_start: int) -> Closing | None:
    """The sign-off, signature and postscript below the body, found from the bottom up.

    The short lines after the last line of running text are the closing. Its sign-off is
    the lowest line that is a known closing phrase ("Yours faithfully"), or else a short
    line right above a name ("Have a great rest of the week,", "Happy Hiring!"). A name
    alone under the body signs the letter without a sign-off phrase; so does "Best,
    Jordan" at the end of a one-paragraph message. Below the signature, a "P.S." or text
    that goes on under a signed sign-off is a postscript.
    """
    content = [i for i, line in enumerate(lines) if line.stripped and line.end > body_start]
    if not content:
        return None
    ps = next((i for i in content[1:] if POSTSCRIPT_RE.match(lines[i].stripped)), None)
    under = _text_under_signature(lines, content if ps is None else content[: content.index(ps)])
    return _closing_above(lines, content, ps if under is None else under)


def _closing_above(lines: list[Line], content: list[int], ps: int | None) -> Closing | None:
    """The closing of the lines in `content`, with the postscript from line `ps` down."""
    postscript = None
    if ps is not None:
        postscript = Span(lines[ps].span.start, lines[content[-1]].span.end)
        content = [i for i in content if i < ps]
    trailing: list[int] = []
    for i in reversed(content):
        if is_prose(lines[i]) or len(trailing) == CLOSING_LINES:
            break
        trailing.insert(0, i)
    if trailing and trailing[0] == content[0]:
        trailing = trailing[1:]  # the body's first line is never the closing
    signoff_index = _signoff_in(lines, trailing)
    if signoff_index is not None:
        line = lines[signoff_index]
        phrase, name_at = match_signoff(line.stripped) or (_phrase_of(line.stripped), None)
        below = [lines[i] for i in trailing if i > signoff_index]
        name, signature = _find_signature(line, below, name_at)
        return Closing(line.start, line.span, phrase, signature, name, postscript)
    signer = _signer_in(lines, trailing)
    if signer is not None:
        below = [lines[i] for i in trailing if i >= signer]
        signature = Span(below[0].span.start, below[-1].span.end)
        return Closing(lines[signer].start, None, None, signature, below[0].span, postscript)
    inline = _inline_signoff(lines[content[-1]]) if len(content) > 1 or not trailing else None
    if inline is not None:
        return replace(inline, postscript=postscript)
    if postscript is not None:
        return Closing(postscript.start, None, None, None, None, postscript)
    return None


def _text_under_signature(lines: list[Line], content: list[int]) -> int | None:
    """The first line of text that goes on under a signed sign-off ("Best regards," over
    "Sam Lee", then "I really need this job!"): a postscript without its "P.S.".

    Only a sentence starts it: a title, phone, e-mail, web or company line under the name
    is the signature block.
    """
    for k in range(len(content) - 2, 0, -1):  # the lowest sign-off; never the first line
        signed = match_signoff(lines[content[k]].stripped)
        below = content[k + 1 :]
        if signed is None or not (signed[1] is not None or is_name(lines[below[0]].stripped)):
            continue
        if not any(is_prose(lines[i]) for i in content[:k]):
            return None  # no body above it: this is not the letter's closing
        return next((i for i in below if _says_something(lines[i])), None)
    return None


def _says_something(line: Line) -> bool:
    """Running text or a sentence, however short ("Hire me please!"); no contact line."""
    words = WORD_RE.findall(line.text)
    sentence = line.stripped.endswith(SENTENCE_ENDS) and any(w[0].islower() for w in words)
    return (sentence or is_prose(line)) and not CONTACT_RE.search(line.text)


def _inline_signoff(line: Line) -> Closing | None:
    """A one-paragraph message signed on its last line: "... your assessment. Best, Jordan"."""
    ends = list(re.finditer(r"[.!?]\s+", line.text))
    if not ends:
        return None
    start = line.start + ends[-1].end()
    rest = line.text[ends[-1].end() :].rstrip()
    phrase, name_at = match_signoff(rest) or ("", None)
    if name_at is None:
        return None
    signoff = Span(start, start + len(rest))
    name = Span(start + name_at, signoff.end)
    return Closing(start, signoff, phrase, name, name, None)


def _signoff_in(lines: list[Line], trailing: list[int]) -> int | None:
    for i in reversed(trailing):
        if match_signoff(lines[i].stripped):
            return i
    for i, j in pairwise(trailing):
        # Any short line right above the name closes the letter ("Happy Hiring!", "Your
        # humble servant,"); a capitalised line with no closing mark may be the name itself,
        # above a title ("Dana Reyes" / "Senior Analyst").
        line = lines[i]
        closing_mark = line.stripped.endswith((",", "!", "—", "–", "-"))
        shaped = closing_mark or not is_name(line.stripped)
        if shaped and line.words <= SIGNOFF_MAX_WORDS and is_name(lines[j].stripped):
            return i
    return None


def _signer_in(lines: list[Line], trailing: list[int]) -> int | None:
    """A name standing alone under the body ("Dana Reyes." or "Dana")."""
    if trailing and is_name(lines[trailing[0]].stripped):
        return trailing[0]
    return None


def is_name(text: str) -> bool:
    """One to four capitalised words, perhaps with initials, a suffix ("Robert Kane, Jr."),
    a final full stop and pronouns in brackets ("Sam Okafor (he/him)"); or a template slot
    standing for the name ("[Your Name]")."""
    if SLOT_RE.match(text):
        return True
    text = PRONOUNS_RE.sub("", text)
    return bool(NAME_LINE_RE.match(text)) and all(w[:1].isupper() for w in text.split())


def _phrase_of(line: str) -> str:
    return re.sub(r"[\s,.!:;—–-]+$", "", line).lower()


def _last_content_end(lines: list[Line]) -> int:
    return next(line.end for line in reversed(lines) if line.stripped)


DASH_SIGNATURE_RE = re.compile(r"^[-–—]{1,2}\s*(?=[^\W\d_])")


def match_signoff(line: str) -> tuple[str, int | None] | None:
    """("best regards", offset of the name on the same line or None), or None."""
    dash = DASH_SIGNATURE_RE.match(line)
    if dash and len(line.split()) <= 4:
        return "—", dash.end()  # "- Dev", "— Sam Lee"
    slot = re.search(r"[\[({<]", line)  # "Sincerely, [Your Name] [Your Phone]"
    words = list(re.finditer(r"[\w'’]+", line[: slot.start()] if slot else line))
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
    rest = line[words[taken - 1].end() :].lstrip(" ,.!:;—–-")
    name = rest.rstrip("\"”’'")  # a letter quoted on a page: 'From Park Ji-hoon."'
    if not name.rstrip(" ,.!"):
        return phrase, None
    name_like = len(name.split()) <= 4 and all(w[:1].isupper() for w in name.split())
    if name_like or SLOT_RE.match(name):
        return phrase, len(line) - len(rest)  # "Best, Dana Reyes", "Sincerely, [Your Name]"
    return None


def _find_signature(
    signoff: Line, below: list[Line], name_at: int | None
) -> tuple[Span | None, Span | None]:
    """(name, signature block) under a sign-off; the name may share the sign-off's line."""
    if name_at is not None:
        span = Span(signoff.span.start + name_at, signoff.span.end)
        return span, span
    if not below:
        return None, None
    signature = Span(below[0].span.start, below[-1].span.end)
    first = below[0]
    if CONTACT_RE.search(first.stripped) and not re.match(r"^[^\W\d_]+\s+[^\W\d_]", first.stripped):
        return None, signature
    return first.span, signature


def _trim(text: str, span: Span) -> Span:
    chunk = text[span.start : span.end]
    if not chunk.strip():
        return Span(span.start, span.start)  # an empty body stays where it would start
    lead = len(chunk) - len(chunk.lstrip())
    return Span(span.start + lead, span.start + len(chunk.rstrip()))


def count_words(text: str) -> int:
    return len(WORD_RE.findall(text))
