"""Finding and reading the drafts named on the command line."""

from __future__ import annotations

import codecs
import os
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .config import DEFAULT_MAX_SIZE
from .errors import InputError
from .formats import MARKDOWN_SUFFIXES, read_docx
from .layout import read_front_matter


def _read_eml(data: bytes) -> str:
    from .emails import read_eml  # the email and HTML parsers, only for emails

    return read_eml(data)


# Formats turned into letter text; they are linted but never rewritten by --fix.
CONVERTED = {".eml": _read_eml, ".docx": read_docx}

SUFFIXES = (".txt", ".md", ".markdown", ".eml", ".docx")
MAX_FILE_BYTES = 20_000_000  # never read more than this into memory, whatever the file


@dataclass(frozen=True)
class Source:
    """A draft's name and text, or the one-line reason it could not be read."""

    path: str
    text: str | None = None
    error: str | None = None
    encoding: str | None = "utf-8"  # how to write it back after --fix; None: not a text file
    bom: bytes = b""  # the byte-order mark it had, written back with it

    @property
    def markdown(self) -> bool:
        return self.path.lower().endswith(MARKDOWN_SUFFIXES)


def shown(path: str) -> str:
    """A path as it is shown and reported: a file name that is not UTF-8 (its bytes held as
    surrogates) is escaped losslessly ("caf\\xe9.txt"), so every output format can carry it."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def expand(paths: list[str]) -> Iterator[str]:
    """Files as given; directories recursively for *.txt and *.md, in a stable order."""
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path):  # os.walk does not follow symlinked dirs
                dirs.sort()
                for name in sorted(files):
                    if name.lower().endswith(SUFFIXES) and not name.startswith("."):
                        yield os.path.join(root, name)
        else:
            yield raw


def read_source(path: str, max_size: int = DEFAULT_MAX_SIZE) -> Source:
    """A draft's text, or why it cannot be linted (one line); never raises for bad input."""
    try:
        if path == "-":
            data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1) if sys.stdin else b""
        else:
            data = _read_file(Path(path))
    except InputError as exc:
        return Source(path, error=str(exc))
    return source_from_bytes(path, data, max_size)


def source_from_bytes(path: str, data: bytes, max_size: int = DEFAULT_MAX_SIZE) -> Source:
    """A draft's text from the bytes of a file named `path` (read from anywhere: a cluster
    reads them through fsspec), or why it cannot be linted."""
    try:
        if len(data) > MAX_FILE_BYTES:
            raise InputError(f"larger than {MAX_FILE_BYTES // 1_000_000} MB; is this a letter?")
        suffix = os.path.splitext(path)[1].lower()
        if suffix in CONVERTED:
            return Source(path, check_size(CONVERTED[suffix](data), max_size), encoding=None)
        text, encoding, bom = decode(data)
        check_size(text, max_size)
        read_front_matter(text)  # a broken header is this file's error, not the run's
        return Source(path, text, encoding=encoding, bom=bom)
    except InputError as exc:
        return Source(path, error=str(exc))


def check_size(text: str, max_size: int) -> str:
    """Letters are a few thousand characters; a huge text would only cost time and memory."""
    if len(text) > max_size:
        raise InputError(
            f"{len(text):,} characters, more than max-size ({max_size:,}); is this a letter?"
        )
    return text


def _read_file(path: Path) -> bytes:
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise InputError("not a regular file")
        with path.open("rb") as f:
            return f.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise InputError("no such file") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc)) from None


def decode(data: bytes) -> tuple[str, str, bytes]:
    """The text, the encoding to write it back with, and its byte-order mark, if any."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding, bom
            except UnicodeDecodeError as exc:
                raise InputError(f"not valid {encoding.upper()} at offset {exc.start}") from None
    nul = data.find(b"\x00")  # anywhere: a NUL after the first page is still not a letter
    if nul >= 0:
        raise InputError(f"looks like a binary file, not a text letter (NUL at offset {nul})")
    try:
        return data.decode("utf-8"), "utf-8", b""
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "save the letter as UTF-8"
        ) from None
