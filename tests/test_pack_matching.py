"""Pack patterns are matched as written, however the matcher is arranged for speed."""

from __future__ import annotations

from conftest import TEAM_CORPUS
from spacy.matcher import Matcher

from thankyou_lint import Linter
from thankyou_lint.layout import parse_layout
from thankyou_lint.matching import GatedMatcher, required_words
from thankyou_lint.registry import PackRule


def test_gated_matching_finds_exactly_what_one_matcher_with_every_pattern_finds(
    linter: Linter,
) -> None:
    specs = [r.spec for r in linter.rules if isinstance(r, PackRule) and r.spec.patterns]
    vocab = linter.nlp.vocab
    every = Matcher(vocab)
    for spec in specs:
        every.add(spec.id, [list(p) for p in spec.patterns])
    gated = GatedMatcher(vocab, [(s.id, list(p)) for s in specs for p in s.patterns])
    texts = [p.read_text(encoding="utf-8") for p in sorted(TEAM_CORPUS.glob("*.txt"))]
    matched = skipped = 0
    for doc in linter.nlp.pipe(parse_layout(t).parsed_text for t in texts):
        expected = sorted(every(doc))
        assert sorted(gated(doc)) == expected, doc.text[:80]
        matched += len(expected)
        skipped += not gated.candidates(doc)
    assert matched > 20  # the corpus exercises the patterns
    assert skipped > len(texts) / 2  # and most letters need no pattern at all


def test_a_pattern_requires_the_words_of_the_tokens_it_cannot_do_without(
    linter: Linter,
) -> None:
    strings = linter.nlp.vocab.strings
    pattern = [
        {"LOWER": {"IN": ["i", "we"]}},
        {"LEMMA": "be", "OP": "?"},
        {"POS": "ADV", "OP": "*"},
        {"TEXT": {"REGEX": "^nerv"}},
        {"lemma": "freeze", "TAG": {"IN": ["VBD", "VBN"]}},
        {"NORM": "up", "OP": "+"},
        {"ORTH": "!", "OP": "!"},
    ]
    assert required_words(pattern, strings) == [
        ("LOWER", frozenset({strings["i"], strings["we"]})),
        ("LEMMA", frozenset({strings["freeze"]})),
        ("NORM", frozenset({strings["up"]})),
    ]


def test_a_letter_without_the_required_words_runs_no_pattern(linter: Linter) -> None:
    vocab = linter.nlp.vocab
    gated = GatedMatcher(vocab, [("salary", [{"LOWER": "my"}, {"LEMMA": "salary"}])])
    without, with_words = linter.nlp.pipe(["I enjoyed my visit.", "About my salary."])
    assert gated.candidates(without) == frozenset()
    assert gated(without) == []
    assert gated.candidates(with_words) == frozenset({0})
    assert [(s, e) for _, s, e in gated(with_words)] == [(1, 3)]


def test_patterns_over_a_single_attribute_are_gated_too(linter: Linter) -> None:
    gated = GatedMatcher(linter.nlp.vocab, [("jargon", [{"LEMMA": "leverage", "POS": "VERB"}])])
    noun, verb = linter.nlp.pipe(["The leverage ratio was clear.", "I would leverage SQL."])
    assert gated.candidates(noun) == gated.candidates(verb) == frozenset({0})
    assert gated(noun) == []
    assert [(s, e) for _, s, e in gated(verb)] == [(2, 3)]
