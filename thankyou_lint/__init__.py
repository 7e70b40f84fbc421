"""thankyou-lint: lint job-interview thank-you letters.

from thankyou_lint import lint
report = lint(open("letter.txt").read())
for finding in report.findings:
    print(finding.line, finding.rule, finding.message)
"""

from __future__ import annotations

from .config import Config
from .engine import Draft, Linter
from .errors import ConfigError, InputError, ModelNotInstalledError, ThankyouLintError
from .letter import Hit, Letter
from .models import Family, Finding, LetterContext, Metrics, Report, Severity
from .registry import RuleMeta, code_rule

__version__ = "0.1.0"

__all__ = [
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
    "__version__",
    "code_rule",
    "lint",
]


def lint(
    text: str, *, context: LetterContext | None = None, config: Config | None = None
) -> Report:
    """Lint one letter. For many letters, keep a `Linter` and use `lint_many`."""
    return _linter(config or Config()).lint(text, context=context)


def _linter(config: Config) -> Linter:
    # One Linter (and so one loaded pipeline) per distinct config, reused across calls.
    key = config.model_dump_json()
    if key not in _LINTERS:
        _LINTERS[key] = Linter(config)
    return _LINTERS[key]


_LINTERS: dict[str, Linter] = {}
