"""A content cache of reports, so a re-run on unchanged drafts skips spaCy entirely.

A report depends on the letter's text, the caller's context, the settings, the rules and
the pipeline, so the key is a digest of all of them. Entries are plain JSON files written
atomically; a cache that cannot be written turns itself off with one note on stderr.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
from importlib import metadata
from pathlib import Path

from pydantic import ValidationError

from . import __version__
from .config import Config
from .engine import Draft
from .models import Report

CACHE_ENV = "THANKYOU_LINT_CACHE_DIR"


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

    def get(self, key: str) -> Report | None:
        if not self.enabled:
            return None
        try:
            return Report.model_validate_json(self._path(key).read_bytes())
        except (OSError, ValidationError, ValueError):
            return None  # missing or damaged: lint again

    def put(self, key: str, report: Report) -> None:
        if not self.enabled:
            return
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as tmp:
                tmp.write(report.model_copy(update={"path": None}).model_dump_json().encode())
            os.replace(tmp.name, path)
        except OSError as exc:
            self.enabled = False
            print(
                f"thankyou-lint: note: cache off ({self.folder}: {exc.strerror})", file=sys.stderr
            )

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"


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
