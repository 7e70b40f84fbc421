"""Renderers: each turns the same reports into one output format."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from ..models import Report
    from ..registry import RuleMeta

    Renderer = Callable[[Sequence[Report], TextIO, "RenderContext"], None]

FORMATS = ("text", "json", "sarif", "github", "html")


@dataclass(frozen=True)
class RenderContext:
    """What a renderer may need beyond the reports."""

    sources: Mapping[str, str] = field(default_factory=dict)  # report path -> letter text
    rules: Mapping[str, RuleMeta] = field(default_factory=dict)  # rule id -> metadata
    colour: bool = False


def renderers() -> dict[str, Renderer]:
    from .github import render_github
    from .html import render_html
    from .json import render_json
    from .sarif import render_sarif
    from .text import render_text

    return {
        "text": render_text,
        "json": render_json,
        "sarif": render_sarif,
        "github": render_github,
        "html": render_html,
    }
