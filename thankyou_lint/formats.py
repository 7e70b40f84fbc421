"""Input formats: Markdown (masked in place) and Word (.docx) drafts; emails are in emails.py.

Markdown markup is blanked to spaces rather than removed, so every offset, line and column
the rules report is still right in the source file. Emails and Word documents are turned
into plain letter text; findings point at lines of that text (one line per paragraph).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from zipfile import ZIP_DEFLATED, ZIP_STORED, ZipFile

from .errors import InputError

MARKDOWN_SUFFIXES = (".md", ".markdown")
DIRECTIVE_RE = re.compile(r"<!--\s*thankyou-lint:\s*(disable|enable)(?:=([\w.,\s-]+))?\s*-->")
# Plain text has no comments: a line of its own, "# thankyou-lint: disable=RULE", is one.
# (In Markdown that line is a heading, so Markdown keeps the HTML comment.)
TEXT_DIRECTIVE_RE = re.compile(
    r"(?<![^\r\n])[ \t]*#[ \t]*thankyou-lint:[ \t]*(disable|enable)"
    r"(?:=([\w.,\t -]*[\w.-]))?[ \t]*(?![^\r\n])"
)
_MARKUP = [
    re.compile(r"<!--.*?-->", re.S),  # comments, directives included
    re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.S | re.M),  # fenced code
    re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)"),  # images
    re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+", re.M),  # heading marks
    re.compile(r"^[ \t]{0,3}>[ \t]?", re.M),  # block quotes
    re.compile(r"^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+", re.M),  # list markers
]
_LINK_RE = re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)")
_EMPHASIS_RE = re.compile(r"(\*\*|__|\*|_|`)(?=\S)([^\n]*?\S)\1")


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\r\n]", " ", match.group())


def mask_markdown(text: str) -> str:
    """The text with Markdown markup replaced by spaces; same length, same lines."""
    for regex in _MARKUP:
        text = regex.sub(_blank, text)
    text = _LINK_RE.sub(
        lambda m: " " + m.group(1) + " " * (len(m.group()) - len(m.group(1)) - 1), text
    )
    previous = None
    while previous != text:  # nested emphasis: **_word_**
        previous = text
        text = _EMPHASIS_RE.sub(
            lambda m: " " * len(m.group(1)) + m.group(2) + " " * len(m.group(1)), text
        )
    return text


def mask_directives(text: str) -> str:
    """Plain text with its directive lines blanked: they are not part of the letter, and
    every other offset stays where it was."""
    return TEXT_DIRECTIVE_RE.sub(_blank, text)


@dataclass(frozen=True)
class Suppression:
    start: int
    end: int
    selectors: tuple[str, ...]  # rule ids or families; empty means every rule


def suppressions(text: str, markdown: bool = True) -> list[Suppression]:
    """Regions between `<!-- thankyou-lint: disable=RULE -->` (in plain text a line
    `# thankyou-lint: disable=RULE`) and the matching `enable`."""
    open_at: dict[tuple[str, ...], int] = {}
    regions = []
    for m in (DIRECTIVE_RE if markdown else TEXT_DIRECTIVE_RE).finditer(text):
        selectors = tuple(s.strip() for s in (m.group(2) or "").split(",") if s.strip())
        if m.group(1) == "disable":
            open_at.setdefault(selectors, m.end())
        elif selectors in open_at:
            regions.append(Suppression(open_at.pop(selectors), m.start(), selectors))
    regions += [Suppression(start, len(text), sel) for sel, start in open_at.items()]
    return regions


# Caps that no letter comes near, so a crafted file cannot take the memory or the time.
MAX_DOCX_UNPACKED = 50_000_000  # bytes, all parts together (pictures included)
MAX_DOCX_BODY = 10_000_000  # bytes of word/document.xml; a letter's is tens of kilobytes
MAX_DOCX_PARAGRAPHS = 10_000
PARAGRAPH_RE = re.compile(rb"<w:p[\s>/]")


def read_docx(data: bytes) -> str:
    """Paragraphs of a Word document, one line each; empty paragraphs stay blank lines."""
    from docx import Document

    _check_docx_package(data)
    try:
        document = Document(io.BytesIO(data))
        return "\n".join(p.text for p in document.paragraphs).strip() + "\n"
    except Exception as exc:  # zlib, zipfile, lxml and python-docx all raise their own
        raise InputError(f"not a readable Word document ({type(exc).__name__})") from None


def _check_docx_package(data: bytes) -> None:
    """Refuse a zip bomb, an unknown compression or a flood of paragraphs before parsing.

    zipfile reads no more than a part's declared size, so the declared sizes bound memory.
    """
    try:
        with ZipFile(io.BytesIO(data)) as package:
            parts = package.infolist()
            if sum(p.file_size for p in parts) > MAX_DOCX_UNPACKED:
                raise InputError(
                    f"not a letter: unpacks to more than {MAX_DOCX_UNPACKED // 10**6} MB"
                )
            if any(p.compress_type not in (ZIP_STORED, ZIP_DEFLATED) for p in parts):
                raise InputError("not a readable Word document (unknown compression)")
            body = package.getinfo("word/document.xml")
            if body.file_size > MAX_DOCX_BODY:
                raise InputError(f"not a letter: its text part is over {MAX_DOCX_BODY // 10**6} MB")
            paragraphs = len(PARAGRAPH_RE.findall(package.read(body)))
    except InputError:
        raise
    except Exception as exc:  # BadZipFile, a missing part, a broken deflate stream
        raise InputError(f"not a readable Word document ({type(exc).__name__})") from None
    if paragraphs > MAX_DOCX_PARAGRAPHS:
        raise InputError(f"not a letter: more than {MAX_DOCX_PARAGRAPHS:,} paragraphs")
