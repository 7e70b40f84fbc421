"""Applying the safe fixes of findings to a letter, and showing them as a diff."""

from __future__ import annotations

import contextlib
import difflib
import os
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


def unified_diff(path: str, before: str, after: str) -> str:
    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=f"{path} (before)",
        tofile=f"{path} (fixed)",
    )
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n" for line in lines)


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
