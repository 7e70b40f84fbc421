"""Which settings apply to a document, and the two edits the server makes to them.

Each document is linted with its nearest `.thankyou-lint.toml` or `pyproject.toml`
(found as the command line finds it, from the document's folder). A Linter is kept per
file version, so an edited config is read again and the spaCy pipeline, cached by the
engine, is not. Edits go through tomlkit, which keeps the file's comments, order and
layout, and are written atomically: a temporary file in the same folder, then a rename.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.items import AoT, Array, Table
from tomlkit.toml_document import TOMLDocument

from ..config import CONFIG_FILE, PYPROJECT_TABLE, Config, find_config_file, load_config
from ..engine import Linter
from ..errors import ConfigError, ThankyouLintError

KEPT_LINTERS = 8  # configs in use at once; an old version of a file is dropped


@dataclass(frozen=True)
class Settings:
    """The linter for a document, and the config file it was built from (if any)."""

    linter: Linter
    path: Path | None

    def draft_path(self, document: Path) -> str:
        """How the draft is named for `per-file-ignores`: relative to the config's folder,
        as the command line names it when run there."""
        if self.path is not None and document.is_relative_to(self.path.parent):
            return document.relative_to(self.path.parent).as_posix()
        return str(document)


class SettingsCache:
    """Linters by config file and version: a changed file (new mtime or size) is reloaded."""

    def __init__(self) -> None:
        self._linters: dict[tuple[Path, int, int] | None, Linter] = {}

    def for_folder(self, folder: Path) -> Settings:
        """The settings for documents in `folder`; ThankyouLintError if the config is bad."""
        path = find_config_file(folder.resolve())
        key = _version(path)
        if key not in self._linters:
            self._linters[key] = _linter(path)
            while len(self._linters) > KEPT_LINTERS:
                del self._linters[next(iter(self._linters))]
        return Settings(self._linters[key], path)


def _version(path: Path | None) -> tuple[Path, int, int] | None:
    if path is None:
        return None
    try:
        info = path.stat()
    except OSError as exc:
        raise ConfigError(f"{path}: {exc.strerror or exc}") from None
    return path, info.st_mtime_ns, info.st_size


def _linter(path: Path | None) -> Linter:
    config = load_config(path) if path else Config()
    try:
        linter = Linter(config)
        _ = linter.rules  # rule packs and rule ids are checked now, not at the first letter
    except ThankyouLintError as exc:
        raise ConfigError(f"{path}: {exc}" if path else str(exc)) from None
    return linter


# --- edits ---------------------------------------------------------------------------------


def add_accepted(word: str, config: Path | None, default: Path) -> Path:
    """Add `word` to `accept` (once, whatever its case); returns the file written."""

    def change(table: Table | TOMLDocument) -> None:
        accepted = _array(table, "accept")
        if word.casefold() not in (str(w).casefold() for w in accepted):
            accepted.append(word)

    return edit_config(config or default, change)


def add_ignored(glob: str, rule: str, config: Path | None, default: Path) -> Path:
    """Add `rule` to the `per-file-ignores` entry of `glob`; returns the file written."""

    def change(table: Table | TOMLDocument) -> None:
        ignores = table.get("per-file-ignores")
        if ignores is None:
            ignores = table["per-file-ignores"] = tomlkit.table()
        if not isinstance(ignores, Table):
            raise ConfigError("per-file-ignores is not a table")
        rules = _array(ignores, glob)
        if rule not in rules:
            rules.append(rule)

    return edit_config(config or default, change)


def _array(table: Table | TOMLDocument, key: str) -> Array:
    if key not in table:
        table[key] = tomlkit.array()
    value = table[key]
    if not isinstance(value, Array):
        raise ConfigError(f"{key} is not a list")
    return value


def edit_config(path: Path, change: Any) -> Path:
    """Apply `change` to the settings table of `path` (created if missing) and write it."""
    try:
        before = path.read_text(encoding="utf-8") if path.exists() else ""
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot be read ({exc})") from None
    try:
        document = tomlkit.parse(before)
    except Exception as exc:  # tomlkit's ParseError and friends
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    try:
        change(_settings_table(path, document))
    except ConfigError as exc:
        raise ConfigError(f"{path}: {exc}") from None
    write_atomically(path, tomlkit.dumps(document))
    return path


def _settings_table(path: Path, document: TOMLDocument) -> Table | TOMLDocument:
    if path.name != "pyproject.toml":
        return document
    tool = document.get("tool")
    if tool is None:
        tool = document["tool"] = tomlkit.table(is_super_table=True)
    if not isinstance(tool, Table) or isinstance(tool, AoT):
        raise ConfigError("tool is not a table")
    table = tool.get(PYPROJECT_TABLE)
    if table is None:
        table = tool[PYPROJECT_TABLE] = tomlkit.table()
    if not isinstance(table, Table):
        raise ConfigError(f"tool.{PYPROJECT_TABLE} is not a table")
    return table


def write_atomically(path: Path, text: str) -> None:
    """Readers see the old file or the new one, never half of one; the mode is kept."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".thankyou-lint-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        if path.exists():
            shutil.copymode(path, tmp)
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def default_config_path(root: Path) -> Path:
    return root / CONFIG_FILE
