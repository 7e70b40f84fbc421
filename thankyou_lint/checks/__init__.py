"""Built-in code checks, one module per family."""

from __future__ import annotations

from ..registry import CodeRule, RunRule
from . import excuses, generic, strengths, structure, thanks, tone

CODE_RULES: list[CodeRule | RunRule] = [
    value
    for module in (excuses, thanks, strengths, tone, generic, structure)
    for value in vars(module).values()
    if isinstance(value, CodeRule | RunRule)
]
