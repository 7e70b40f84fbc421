"""The package's layers: data and settings do not depend on parsing; renderers only on the
Report. Checked in a fresh interpreter, by what an import pulls in."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

PARSING = {"thankyou_lint.nlp", "thankyou_lint.engine", "thankyou_lint.layout", "spacy"}


@pytest.mark.parametrize(
    "module",
    [
        "thankyou_lint.models",
        "thankyou_lint.config",
        "thankyou_lint.cache",
        "thankyou_lint.output.text",
        "thankyou_lint.output.json",
        "thankyou_lint.output.sarif",
        "thankyou_lint.output.github",
        "thankyou_lint.output.html",
    ],
)
def test_data_settings_and_renderers_need_no_parsing_layer(module: str) -> None:
    code = f"import sys, json, {module}; print(json.dumps(sorted(sys.modules)))"
    loaded = set(json.loads(subprocess.check_output([sys.executable, "-c", code], text=True)))
    assert not loaded & PARSING, f"{module} imports {sorted(loaded & PARSING)}"


# What the optional extras bring (the [lsp] extra: pygls, lsprotocol, tomlkit): only their
# own faces import them, so the core install stays as it is.
EXTRAS = {"pygls", "lsprotocol", "tomlkit"}


@pytest.mark.parametrize(
    "module", ["thankyou_lint", "thankyou_lint.engine", "thankyou_lint.cli", "thankyou_lint.runner"]
)
def test_the_core_imports_no_optional_extra(module: str) -> None:
    code = (
        f"import sys, json, {module}; from thankyou_lint import lint; lint('Dear Dana, thanks.')\n"
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))"
    )
    loaded = set(json.loads(subprocess.check_output([sys.executable, "-c", code], text=True)))
    assert not loaded & EXTRAS, f"{module} imports {sorted(loaded & EXTRAS)}"
