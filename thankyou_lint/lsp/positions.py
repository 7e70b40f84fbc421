"""Offsets into a letter (Python str indices: code points) as LSP positions, and back.

The protocol splits lines at "\\n", "\\r\\n" and "\\r" only (not at U+2028 or a form
feed, as `str.splitlines` does) and counts a column in the code units of the position
encoding agreed at start-up: UTF-16 unless the client offers another, so an emoji is
two units and "é" one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable

LINE_BREAK_RE = re.compile(r"\r\n|\r|\n")


def _utf8(text: str) -> int:
    return len(text.encode("utf-8", "surrogatepass"))


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


UNIT_COUNTERS: dict[str, Callable[[str], int]] = {"utf-8": _utf8, "utf-16": _utf16, "utf-32": len}


class Positions:
    """(line, character) positions in a text, in the given encoding's code units."""

    def __init__(self, text: str, encoding: str = "utf-16") -> None:
        self.text = text
        self._units = UNIT_COUNTERS.get(encoding, _utf16)
        self._starts = [0] + [m.end() for m in LINE_BREAK_RE.finditer(text)]

    def position(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self._starts, offset) - 1
        return line, self._units(self.text[self._starts[line] : offset])

    def offset(self, line: int, character: int) -> int:
        """The offset of a position; past the end of its line means the line's end."""
        if line < 0:
            return 0
        if line >= len(self._starts):
            return len(self.text)
        start = self._starts[line]
        end = self._line_end(line)
        units = 0
        for offset in range(start, end):
            if units >= character:
                return offset
            units += self._units(self.text[offset])
        return end

    def line_end(self, line: int) -> tuple[int, int]:
        """The position just before the line break that ends `line`."""
        return self.position(self._line_end(line))

    def _line_end(self, line: int) -> int:
        if line + 1 >= len(self._starts):
            return len(self.text)
        end = self._starts[line + 1]
        return end - 2 if self.text[end - 2 : end] == "\r\n" else end - 1
