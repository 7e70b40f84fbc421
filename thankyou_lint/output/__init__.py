"""Renderers: each turns the same reports into one output format."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TextIO

from ..models import Report
from .json import render_json
from .text import render_text

Renderer = Callable[[Sequence[Report], TextIO, bool], None]

RENDERERS: dict[str, Renderer] = {"text": render_text, "json": render_json}
