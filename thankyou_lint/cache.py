"""A content cache of reports, so a re-run on unchanged drafts skips spaCy entirely.

A report depends on the letter's text, the caller's context, the settings, the rules and
the pipeline, so the key is a digest of all of them. Entries are plain JSON files written
atomically; a cache that cannot be written turns itself off with one note on stderr.
"""

from __future__ import annotations

import hashlib
import os
import stat
import sys
import tempfile
from importlib import metadata
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from . import __version__
from .config import Config
from .models import Draft, LineIndex, Report

CACHE_ENV = "THANKYOU_LINT_CACHE_DIR"
MAX_ENTRY_BYTES = 2_000_000  # a report is a few kilobytes; a bigger entry is not one of ours


def default_cache_dir() -> Path:
    if chosen := os.environ.get(CACHE_ENV):
        return Path(chosen)
    from platformdirs import user_cache_dir  # only when no folder is named: every lint asks

    return Path(user_cache_dir("thankyou-lint"))


class ReportCache:
    def __init__(self, folder: Path, config: Config) -> None:
        self.folder = folder
        self.enabled = True
        self._salt = _salt(config)

    def key(self, draft: Draft) -> str:
        digest = hashlib.sha256(self._salt.encode())
        digest.update(draft.text.encode("utf-8", "surrogatepass"))
        if draft.context is not None:
            digest.update(draft.context.model_dump_json().encode())
        digest.update(b"markdown" if draft.markdown else b"text")
        return digest.hexdigest()

    def get(self, key: str, text: str) -> Report | None:
        """The cached report of `text`, or None. An entry is trusted only if it is a regular
        file under the size cap, was written for this very text, and fits it (every offset,
        line and fix inside the text); anything else is a miss and is linted again."""
        if not self.enabled:
            return None
        data = _read_entry(self._path(key))
        if data is None:
            return None
        try:
            entry = CacheEntry.model_validate_json(data)
        except (ValidationError, ValueError):
            return None
        if entry.text_sha256 != _text_digest(text) or not _fits(entry.report, text):
            return None
        return entry.report

    def put(self, key: str, text: str, report: Report) -> None:
        if not self.enabled:
            return
        path = self._path(key)
        entry = CacheEntry(
            text_sha256=_text_digest(text), report=report.model_copy(update={"path": None})
        )
        tmp: str | None = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".entry.", suffix=".tmp")
            with os.fdopen(fd, "wb") as f:
                f.write(entry.model_dump_json().encode())
            os.replace(tmp, path)
        except OSError as exc:
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)  # a full disk leaves no empty entry behind
            self.enabled = False
            print(
                f"thankyou-lint: note: cache off ({self.folder}: {exc.strerror})", file=sys.stderr
            )

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"


class CacheEntry(BaseModel):
    model_config = ConfigDict(defer_build=True)

    text_sha256: str  # the entry answers for exactly this text
    report: Report


def _text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _read_entry(path: Path) -> bytes | None:
    """An entry's bytes: never through a link, never from a FIFO or device, never too many."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ENTRY_BYTES:
            return None
        with os.fdopen(fd, "rb", closefd=False) as f:
            data = f.read(MAX_ENTRY_BYTES + 1)
        return data if len(data) <= MAX_ENTRY_BYTES else None
    except OSError:
        return None
    finally:
        os.close(fd)


def _fits(report: Report, text: str) -> bool:
    """Every finding and fix of the report lies inside the text, at the lines it says."""
    index = LineIndex(text)
    for f in report.findings:
        if not 0 <= f.start <= f.end <= len(text):
            return False
        if index.position(f.start) != (f.line, f.column):
            return False
        if index.position(f.end) != (f.end_line, f.end_column):
            return False
        if f.fix is not None and not 0 <= f.fix.start <= f.fix.end <= len(text):
            return False
    return True


def _salt(config: Config) -> str:
    """Everything besides the letter that changes a report."""
    parts = [__version__, config.model_dump_json(), _pipeline_version(config.model)]
    parts += [_fingerprint(p) for p in _rule_sources(config)]
    parts += _plugins()
    return "\n".join(parts)


def _plugins() -> list[str]:
    from .registry import rule_entry_points

    found = rule_entry_points()
    return sorted(f"{ep.value} {ep.dist.version if ep.dist else ''}" for ep in found)


def _rule_sources(config: Config) -> list[Path]:
    """The package's own code and packs, and extra packs: editing any of them invalidates."""
    from .registry import builtin_pack_paths

    package = Path(__file__).resolve().parent
    return [*sorted(package.rglob("*.py")), *builtin_pack_paths(), *map(Path, config.rule_packs)]


def _fingerprint(path: Path) -> str:
    try:
        info = path.stat()
        return f"{path}:{info.st_size}:{info.st_mtime_ns}"
    except OSError:
        return f"{path}:missing"


def _pipeline_version(model: str) -> str:
    """The spaCy and pipeline versions, found without importing spaCy."""
    versions = [f"spacy {_dist_version('spacy')}"]
    for name in (model, model.replace("_", "-")):
        if (found := _dist_version(name)) is not None:
            return ", ".join([*versions, f"{model} {found}"])
    return ", ".join([*versions, _fingerprint(Path(model) / "meta.json")])


def _dist_version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None
