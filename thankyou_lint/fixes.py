"""Applying the safe fixes of findings to a letter, and showing them as a diff."""

from __future__ import annotations

import contextlib
import difflib
import os
import re
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .models import Finding, Fix


def apply_fixes(text: str, findings: Iterable[Finding]) -> str:
    """The text with every non-overlapping fix applied (the earlier one wins an overlap)."""
    chosen: list[Fix] = []
    for fix in sorted((f.fix for f in findings if f.fix), key=lambda x: (x.start, x.end)):
        if not chosen or fix.start >= chosen[-1].end:
            chosen.append(fix)
    for fix in reversed(chosen):
        text = text[: fix.start] + fix.replacement + text[fix.end :]
    return text


LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def unified_diff(path: str, before: str, after: str) -> str:
    """A diff `git apply` and `patch` accept: lines split only where a file has line
    breaks (not at U+2028, form feed or NEL, as str.splitlines would), and a missing final
    newline marked as such."""
    lines = difflib.unified_diff(
        LINE_RE.findall(before),
        LINE_RE.findall(after),
        fromfile=f"{path} (before)",
        tofile=f"{path} (fixed)",
    )
    return "".join(
        line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n"
        for line in lines
    )


def write_atomically(path: Path, text: str, encoding: str, bom: bytes = b"") -> None:
    """Write to a temporary file beside `path`, then rename: never a half-written letter."""
    data = bom + text.encode(encoding)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        shutil.copymode(path, tmp)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
