"""Email drafts (.eml): the subject line and the text, or the HTML part as text.

A module of its own so that the email and HTML parsers are imported only for emails.
"""

from __future__ import annotations

import re
from email import policy
from email.message import EmailMessage, MIMEPart
from email.parser import BytesParser
from html.parser import HTMLParser

from .errors import InputError

MAX_NESTING = 50  # multipart parts inside parts; real mail nests three or four deep


def read_eml(data: bytes) -> str:
    """The subject line and the text of an email: text/plain, or the HTML part as text."""
    if data.lower().count(b"boundary=") > MAX_NESTING:
        raise InputError(f"an email nested more than {MAX_NESTING} parts deep")
    try:
        message = BytesParser(policy=policy.default).parsebytes(data)
        has_content = message["subject"] or message.get_payload()
        part = message.get_body(preferencelist=("plain", "html"))
    except RecursionError:
        raise InputError(f"an email nested more than {MAX_NESTING} parts deep") from None
    if not isinstance(message, EmailMessage) or not has_content:
        raise InputError("not an email message")
    body = ""
    if part is not None:
        content = _content(part)
        body = _html_to_text(content) if part.get_content_subtype() == "html" else content
    subject = message["subject"]
    header = f"Subject: {subject}\n\n" if subject else ""
    return header + body.replace("\r\n", "\n").strip() + "\n"


def _content(part: MIMEPart) -> str:
    """A part's text; an unknown charset ("x-no-such-charset") is read as UTF-8, with
    U+FFFD for the bytes that are not."""
    try:
        return str(part.get_content())
    except LookupError:
        raw = part.get_payload(decode=True)
        return raw.decode("utf-8", "replace") if isinstance(raw, bytes) else ""


HTML_BLOCKS = frozenset({"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "blockquote"})


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "style"}:
            self._skip += 1
        elif tag in HTML_BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"}:
            self._skip = max(0, self._skip - 1)
        elif tag in {"p", "div", "blockquote"}:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(re.sub(r"\s+", " ", data))


def _html_to_text(html: str) -> str:
    parser = _TextExtractor()
    parser.feed(html)
    lines = [line.strip() for line in "".join(parser.parts).splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
