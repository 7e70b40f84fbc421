"""thankyou-lint: lint job-interview thank-you letters.

    from thankyou_lint import lint
    report = lint(open("letter.txt").read())
    for finding in report.findings:
        print(finding.line, finding.rule, finding.message)

Names are imported on first use, so `thankyou-lint --help` starts without loading
pydantic or spaCy.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "Config": ".config",
    "ConfigError": ".errors",
    "Draft": ".models",
    "Family": ".models",
    "Finding": ".models",
    "Hit": ".letter",
    "InputError": ".errors",
    "Letter": ".letter",
    "LetterContext": ".models",
    "Linter": ".engine",
    "Metrics": ".models",
    "ModelNotInstalledError": ".errors",
    "Report": ".models",
    "RuleMeta": ".registry",
    "Severity": ".models",
    "ThankyouLintError": ".errors",
    "code_rule": ".registry",
}

__all__ = [  # noqa: RUF022 - the same order as _EXPORTS
    "Config",
    "ConfigError",
    "Draft",
    "Family",
    "Finding",
    "Hit",
    "InputError",
    "Letter",
    "LetterContext",
    "Linter",
    "Metrics",
    "ModelNotInstalledError",
    "Report",
    "RuleMeta",
    "Severity",
    "ThankyouLintError",
    "code_rule",
    "__version__",
    "lint",
]

if TYPE_CHECKING:
    from .config import Config
    from .engine import Linter
    from .errors import ConfigError, InputError, ModelNotInstalledError, ThankyouLintError
    from .letter import Hit, Letter
    from .models import Draft, Family, Finding, LetterContext, Metrics, Report, Severity
    from .registry import RuleMeta, code_rule


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name], __name__), name)
    raise AttributeError(f"module 'thankyou_lint' has no attribute {name!r}")


def lint(
    text: str, *, context: LetterContext | None = None, config: Config | None = None
) -> Report:
    """Lint one letter. For many letters, keep a `Linter` and use `lint_many`."""
    from .config import Config

    return _linter(config or Config()).lint(text, context=context)


def _linter(config: Config) -> Linter:
    # One Linter (and so one loaded pipeline) per distinct config, reused across calls.
    from .engine import Linter

    key = config.model_dump_json()
    if key not in _LINTERS:
        _LINTERS[key] = Linter(config)
    return _LINTERS[key]


_LINTERS: dict[str, Linter] = {}
