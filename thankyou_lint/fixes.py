"""Applying the safe fixes of findings to a letter, and showing them as a diff."""

from __future__ import annotations

import contextlib
import difflib
import os
import re
import shutil
import stat
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

from .models import Finding, Fix


def apply_fixes(text: str, findings: Iterable[Finding]) -> str:
    """The text with every non-overlapping fix applied (the earlier one wins an overlap)."""
    for fix in reversed([_fix(f) for f in applied(findings)]):
        text = text[: fix.start] + fix.replacement + text[fix.end :]
    return text


def applied(findings: Iterable[Finding]) -> list[Finding]:
    """The findings whose fixes `apply_fixes` applies, in text order."""
    chosen: list[Finding] = []
    fixable = sorted((f for f in findings if f.fix), key=lambda f: (_fix(f).start, _fix(f).end))
    for finding in fixable:
        if not chosen or _fix(finding).start >= _fix(chosen[-1]).end:
            chosen.append(finding)
    return chosen


def _fix(finding: Finding) -> Fix:
    assert finding.fix is not None  # only findings with a fix get here
    return finding.fix


# What a word that opens a sentence takes with it when it is removed: its comma
# ("Haha, that was fun") or, when it is the whole sentence, its closing marks ("lol.").
OWN_MARKS_RE = re.compile(r",|[.!?…]+")


def removal(text: str, start: int, end: int) -> Fix:
    """A fix deleting text[start:end] that leaves tidy prose: no doubled space, no space
    before punctuation, no stray comma or full stop.

    "great to meet you lol." -> "great to meet you."; "you, lol." -> "you.";
    "Haha, that was fun" -> "that was fun"; "Great. lol. See you" -> "Great. See you".
    The next word keeps its case: capitalising it could clash with that word's own fix.
    """
    if start > 0 and end < len(text) and text[start - 1] + text[end] in ("()", "[]"):
        start, end = start - 1, end + 1  # "fun (lol)." -> "fun."
    left = _spaces_before(text, start)
    if left == 0 or text[left - 1] in "\r\n.!?…":
        own = OWN_MARKS_RE.match(text, end)
        end = own.end() if own else end
    elif text[left - 1] == ",":
        start = left - 1  # the comma that led up to it goes too
    if _spaces_before(text, start) < start:
        start = _spaces_before(text, start)  # the space before it
    elif start == 0 or text[start - 1] in "\r\n":
        end = _spaces_after(text, end)  # at the start of a line: the space after it
    return Fix(start=start, end=end, replacement="")


def _spaces_before(text: str, at: int) -> int:
    """Where the spaces and tabs that end text[:at] begin (index walks: no copies)."""
    while at > 0 and text[at - 1] in " \t":
        at -= 1
    return at


def _spaces_after(text: str, at: int) -> int:
    while at < len(text) and text[at] in " \t":
        at += 1
    return at


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


TEMP_PREFIX = ".thankyou-lint-"  # short: a 240-character draft name still leaves room


class FixRefused(Exception):
    """A draft whose fixes were not written; the message says why, in a few words."""


def write_fixed(path: Path, before: str, after: str, encoding: str, bom: bytes = b"") -> None:
    """Write a draft's fixed text atomically, or refuse with FixRefused.

    Through a symbolic link the file it points to is fixed and the link stays. A file with
    other hard links, a read-only file, or one that changed since it was read is refused,
    never replaced. The new file keeps the owner, group, mode and extended attributes.
    """
    target = Path(os.path.realpath(path))
    info = target.stat()
    if info.st_nlink > 1:
        raise FixRefused("it has other hard links; use --diff and apply the fixes by hand")
    if not info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise FixRefused("it is read-only")
    _remove_stale_temporaries(target.parent)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=TEMP_PREFIX, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(bom + after.encode(encoding))
        _keep_owner_and_attributes(target, Path(tmp), info)
        if target.read_bytes() != bom + before.encode(encoding):
            raise FixRefused("it changed while it was being linted; run again")
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _keep_owner_and_attributes(original: Path, new: Path, info: os.stat_result) -> None:
    shutil.copymode(original, new)
    with contextlib.suppress(OSError):  # only root may give a file to someone else
        os.chown(new, info.st_uid, info.st_gid)
    for name in _xattrs(original):
        with contextlib.suppress(OSError):
            os.setxattr(new, name, os.getxattr(original, name))


def _xattrs(path: Path) -> list[str]:
    try:
        return os.listxattr(path)
    except (OSError, AttributeError):  # no xattrs on this file system or platform
        return []


STALE_AFTER = 3600  # seconds: a temporary file this old was left by a killed run


def _remove_stale_temporaries(folder: Path) -> None:
    """A run killed between writing and renaming leaves a hidden temporary file; the next
    run removes the old ones (only its own, by name)."""
    now = time.time()
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if entry.name.startswith(TEMP_PREFIX) and entry.name.endswith(".tmp"):
                with contextlib.suppress(OSError):
                    if now - entry.stat(follow_symlinks=False).st_mtime > STALE_AFTER:
                        os.unlink(entry.path)
