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


# The optional faces' libraries: the core install has none of them.
EXTRAS = {
    "starlette", "uvicorn", "dask", "distributed", "pandas", "pyarrow", "pygls", "lsprotocol",
    "tomlkit",
}  # fmt: skip


@pytest.mark.parametrize("module", ["thankyou_lint", "thankyou_lint.cli", "thankyou_lint.engine"])
def test_the_core_needs_no_optional_extra(module: str) -> None:
    """The faces beyond the command line are extras: linting, the command and the library
    work without them installed, so they must not import them."""
    code = (
        f"import sys, json, {module}; from thankyou_lint import lint;"
        " lint('Dear Sam,\\n\\nThank you.\\n\\nBest,\\nAlex');"
        " print(json.dumps(sorted(sys.modules)))"
    )
    loaded = set(json.loads(subprocess.check_output([sys.executable, "-c", code], text=True)))
    assert not {name.split(".")[0] for name in loaded} & EXTRAS
