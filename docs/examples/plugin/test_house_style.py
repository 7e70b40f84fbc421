"""Every house-style rule flags its bad examples and none of its good ones."""

from pathlib import Path

import pytest
from thankyou_house_style.rules import RULES

from thankyou_lint import Config, Linter
from thankyou_lint.registry import RuleMeta, load_pack

PACK = Path(__file__).parent / "house-style.yaml"
METAS = [rule.meta for rule in RULES] + load_pack(PACK)
LINTER = Linter(Config(rule_packs=(PACK,)))


def test_plugin_is_installed() -> None:
    missing = {m.id for m in METAS} - {r.meta.id for r in LINTER.rules}
    assert not missing, f"not loaded: {missing}; install the plugin with pip install -e ."


@pytest.mark.parametrize("meta", METAS, ids=lambda m: m.id)
def test_examples(meta: RuleMeta) -> None:
    for example in meta.bad:
        found = LINTER.lint(example.text, context=example.context).findings
        assert meta.id in {f.rule for f in found}, f"missed: {example.text!r}"
    for example in meta.good:
        found = LINTER.lint(example.text, context=example.context).findings
        assert meta.id not in {f.rule for f in found}, f"flagged: {example.text!r}"
