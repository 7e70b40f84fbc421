"""Renderers: each turns the same reports into one output format."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TextIO

from ..models import Report
from ..registry import RuleMeta


@dataclass(frozen=True)
class RenderContext:
    """What a renderer may need beyond the reports."""

    sources: Mapping[str, str] = field(default_factory=dict)  # report path -> letter text
    rules: Mapping[str, RuleMeta] = field(default_factory=dict)  # rule id -> metadata
    colour: bool = False


Renderer = Callable[[Sequence[Report], TextIO, RenderContext], None]


def renderers() -> dict[str, Renderer]:
    from .json import render_json
    from .text import render_text

    return {"text": render_text, "json": render_json}


FORMATS = ("text", "json")
