"""Renderers: each turns the same reports into one output format."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from importlib import import_module
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from ..models import Report
    from ..registry import Rule, RuleMeta

    Renderer = Callable[[Sequence[Report], TextIO, "RenderContext"], None]

FORMATS = ("text", "json", "sarif", "github", "html")


@dataclass(frozen=True)
class RenderContext:
    """What a renderer may need beyond the reports."""

    sources: Mapping[str, str] = field(default_factory=dict)  # report path -> letter text
    rules: Mapping[str, RuleMeta] = field(default_factory=dict)  # rule id -> metadata
    colour: bool = False
    show_why: bool = False  # the rule's rationale under each finding (text output)


class RuleCatalogue(Mapping[str, "RuleMeta"]):
    """Rule id -> metadata, loaded only if a renderer looks (HTML and SARIF describe rules)."""

    def __init__(self, load: Callable[[], Iterable[Rule]]) -> None:
        self._load = load

    @cached_property
    def _metas(self) -> dict[str, RuleMeta]:
        return {r.meta.id: r.meta for r in self._load()}

    def __getitem__(self, rule_id: str) -> RuleMeta:
        return self._metas[rule_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._metas)

    def __len__(self) -> int:
        return len(self._metas)


def renderer(name: str) -> Renderer:
    """The renderer of one of `FORMATS`: `render_<name>` in the module `<name>`.

    Only that module is imported (a cached re-run should not build the other formats).
    """
    if name not in FORMATS:
        raise ValueError(f"unknown format {name!r}; expected one of {', '.join(FORMATS)}")
    module = import_module(f".{name}", __name__)
    found: Renderer = getattr(module, f"render_{name}")
    return found
