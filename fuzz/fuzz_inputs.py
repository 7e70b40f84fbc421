"""Fuzz targets for every input parser (atheris: `pip install -e ".[fuzz]"`).

    python fuzz/fuzz_inputs.py text     # or markdown, eml, docx, layout
    python fuzz/fuzz_inputs.py eml -atheris_runs=100000

A target may refuse its input with InputError (that is a one-line error for the user);
anything else it raises is a bug.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable

from thankyou_lint.emails import read_eml
from thankyou_lint.errors import InputError
from thankyou_lint.formats import mask_markdown, read_docx, suppressions
from thankyou_lint.inputs import decode
from thankyou_lint.layout import parse_layout


def _text(data: bytes) -> None:
    text, _, _ = decode(data)
    parse_layout(text)


def _markdown(data: bytes) -> None:
    text = data.decode("utf-8", "replace")
    masked = mask_markdown(text)
    assert len(masked) == len(text) and masked.count("\n") == text.count("\n")
    suppressions(text)


def _layout(data: bytes) -> None:
    layout = parse_layout(data.decode("utf-8", "replace"))
    assert 0 <= layout.body.start <= layout.body.end <= len(layout.text)


TARGETS: dict[str, Callable[[bytes], object]] = {
    "text": _text,
    "markdown": _markdown,
    "layout": _layout,
    "eml": read_eml,
    "docx": read_docx,
}


def run_one(target: str, data: bytes) -> None:
    with contextlib.suppress(InputError):  # a refusal is a one-line error, not a bug
        TARGETS[target](data)


def main() -> None:
    import atheris

    target = sys.argv.pop(1)
    atheris.Setup(sys.argv, lambda data: run_one(target, data))
    atheris.Fuzz()


if __name__ == "__main__":
    main()
