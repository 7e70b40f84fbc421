"""Every rule's own bad and good examples, run against the real pipeline."""

from __future__ import annotations

import pytest

from thankyou_lint import Linter
from thankyou_lint.models import Family
from thankyou_lint.registry import Example, all_rules

RULES = all_rules()


def _cases(kind: str) -> list[tuple[str, Example]]:
    return [(rule.meta.id, ex) for rule in RULES for ex in getattr(rule.meta, kind)]


def _fired(linter: Linter, rule_id: str, example: Example) -> list[str]:
    texts = [*example.preceded_by, example.text]
    report = list(linter.lint_many(texts, context=example.context))[-1]
    return [f.rule for f in report.findings if f.rule == rule_id]


@pytest.mark.parametrize(("rule_id", "example"), _cases("bad"), ids=lambda v: str(v)[:40])
def test_bad_example_is_flagged(linter: Linter, rule_id: str, example: Example) -> None:
    assert _fired(linter, rule_id, example), f"{rule_id} missed its bad example: {example.text!r}"


@pytest.mark.parametrize(("rule_id", "example"), _cases("good"), ids=lambda v: str(v)[:40])
def test_good_example_is_not_flagged(linter: Linter, rule_id: str, example: Example) -> None:
    assert not _fired(linter, rule_id, example), f"{rule_id} flagged good example: {example.text!r}"


def test_at_least_25_rules_cover_every_family() -> None:
    assert len(RULES) >= 25
    assert {r.meta.family for r in RULES} == set(Family)
    for rule in RULES:
        assert rule.meta.bad and rule.meta.good and rule.meta.rationale


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.meta.id)
def test_a_rule_is_fixable_exactly_when_its_bad_examples_get_a_fix(linter: Linter, rule) -> None:  # type: ignore[no-untyped-def]
    fixed = []
    for example in rule.meta.bad:
        texts = [*example.preceded_by, example.text]
        report = list(linter.lint_many(texts, context=example.context))[-1]
        fixed += [f for f in report.findings if f.rule == rule.meta.id and f.fix is not None]
    assert bool(fixed) == rule.meta.fixable, f"{rule.meta.id}: fixable={rule.meta.fixable}"
