"""Pack patterns are matched as written, however the matcher is arranged for speed."""

from __future__ import annotations

from conftest import TEAM_CORPUS
from spacy.matcher import Matcher

from thankyou_lint import Linter
from thankyou_lint.layout import parse_layout
from thankyou_lint.registry import PackRule, _alternatives


def test_split_patterns_match_exactly_what_the_written_ones_match(linter: Linter) -> None:
    specs = [r.spec for r in linter.rules if isinstance(r, PackRule) and r.spec.patterns]
    written, split = Matcher(linter.nlp.vocab), Matcher(linter.nlp.vocab)
    for spec in specs:
        written.add(spec.id, [list(p) for p in spec.patterns])
        split.add(spec.id, [a for p in spec.patterns for a in _alternatives(p)])
    assert sum(len(written.get(s.id)[1]) for s in specs) < sum(
        len(split.get(s.id)[1]) for s in specs
    )
    texts = [p.read_text(encoding="utf-8") for p in sorted(TEAM_CORPUS.glob("*.txt"))]
    docs = linter.nlp.pipe(parse_layout(t).parsed_text for t in texts)
    matched = 0
    for doc in docs:
        expected = sorted(written(doc))
        assert sorted(split(doc)) == expected, doc.text[:80]
        matched += len(expected)
    assert matched > 20  # the corpus exercises the patterns


def test_long_lists_and_optional_first_tokens_are_not_split() -> None:
    many = tuple(f"w{i}" for i in range(100))
    assert len(_alternatives(({"LOWER": {"IN": list(many)}},))) == 1
    assert len(_alternatives(({"LOWER": {"IN": ["a", "b"]}, "OP": "?"}, {"LOWER": "c"}))) == 1
    assert _alternatives(({"LOWER": {"IN": ["a", "b"]}}, {"LOWER": "c"})) == [
        [{"LOWER": "a"}, {"LOWER": "c"}],
        [{"LOWER": "b"}, {"LOWER": "c"}],
    ]
