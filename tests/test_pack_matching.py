"""Pack patterns are matched as written, however the matcher is arranged for speed; pack
phrases match their inflections, exact phrases do not."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
from conftest import TEAM_CORPUS, run_cli
from lemminflect import getAllInflections
from spacy.matcher import Matcher
from spacy.tokens import Doc, Token

from thankyou_lint import Linter
from thankyou_lint.layout import parse_layout
from thankyou_lint.matching import GatedMatcher, PackMatcher, lemma_shadow, required_words
from thankyou_lint.nlp import Need
from thankyou_lint.registry import PackRule, PackRuleSpec


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


# --- Phrases match inflected forms through lemmas ------------------------------------------

PERSONAL = {"i", "you", "we", "they"}  # subjects that take "bomb", not "bombs"
SINGULAR = {"a", "an", "this", "that", "each", "every", "one"}  # no plural noun after these
# A sentence around each kind of variant, so the tagger reads it as a letter would.
NO_SUBJECT = {"VBZ": "I know she {}.", "VBD": "I know she {}.", "VBG": "I know she was {}."}
PERSONAL_SUBJECT = {"VBD": "Honestly, {} then.", "VBP": "Honestly, {} then."}
OTHER_SUBJECT = {"VBZ": "Honestly, {} then.", "VBD": "Honestly, {} then."}
NOUN_FRAME = "We talked about {} on Monday."


@dataclass(frozen=True)
class Variant:
    rule: str
    phrase: str
    text: str  # the inflected phrase inside a sentence
    start: int  # where the inflected word is in `text`
    end: int


@dataclass(frozen=True)
class PhraseSpec:
    """One pack rule's matching data, without a rule around it (a `MatchSpec`)."""

    id: str
    phrases: tuple[str, ...] = ()
    exact_phrases: tuple[str, ...] = ()
    patterns: tuple[tuple[dict[str, Any], ...], ...] = ()


def _dictionary_form(lemma: str, upos: str, tag: str) -> str | None:
    """lemminflect's own form, from its dictionary: words it does not know are not guessed."""
    forms = getAllInflections(lemma, upos=upos).get(tag, ())
    return forms[0] if forms else None


def _glued(token: Token) -> bool:
    """Part of a word the tokenizer splits ("gon|na"): inflecting it makes no word."""
    nxt = token.nbor() if token.i + 1 < len(token.doc) else None
    return nxt is not None and not token.whitespace_ and token.is_alpha and nxt.is_alpha


def _verb_forms(doc: Doc) -> list[tuple[str, int, str]]:
    """(sentence frame, token, form) for the phrase's first verb that inflects.

    Participles are left alone: "i was exhausted" or "rambling answer" use them as
    adjectives, and "i was exhausts" is no inflection of the phrase."""
    for token in doc:
        participle = token.tag_ == "VBN" or (token.tag_ == "VBG" and token.i > 0)
        if token.pos_ != "VERB" or participle or token.dep_ == "amod" or _glued(token):
            continue
        before = [w.lower_ for w in doc[: token.i] if w.pos_ in {"PRON", "NOUN", "PROPN"}]
        frames = NO_SUBJECT if not before else OTHER_SUBJECT
        frames = PERSONAL_SUBJECT if before and before[-1] in PERSONAL else frames
        found = [
            (frame, token.i, form)
            for tag, frame in frames.items()
            if (form := _dictionary_form(token.lemma_, "VERB", tag)) and form != token.lower_
        ]
        if found:
            return found
    return []


def _noun_forms(doc: Doc) -> list[tuple[str, int, str]]:
    """The plural of the phrase's first singular count noun that heads its noun phrase."""
    for token in doc:
        nxt = token.nbor() if token.i + 1 < len(doc) else None
        if token.tag_ != "NN" or token.pos_ != "NOUN" or _glued(token):
            continue
        if (nxt is not None and nxt.pos_ in {"NOUN", "PROPN"}) or (
            token.i > 0 and doc[token.i - 1].lower_ in SINGULAR
        ):
            continue  # "team player": "teams player" is no inflection
        plural = _dictionary_form(token.lemma_, "NOUN", "NNS")
        if plural and plural != token.lemma_:  # "crap", "percent": no plural
            return [(NOUN_FRAME, token.i, plural)]
    return []


def inflected_variants(rule: str, doc: Doc) -> list[Variant]:
    """The phrase with its verb in -s, past and -ing forms, or else its noun in the plural."""
    variants = []
    for frame, i, form in _verb_forms(doc) or _noun_forms(doc):
        before = doc[:i].text_with_ws
        after = doc[i + 1 :].text if i + 1 < len(doc) else ""
        phrase = before + form + doc[i].whitespace_ + after
        start = frame.index("{}") + len(before)
        variants.append(Variant(rule, doc.text, frame.format(phrase), start, start + len(form)))
    return variants


def _pack_specs(linter: Linter) -> list[PackRuleSpec]:
    return [r.spec for r in linter.rules if isinstance(r, PackRule)]


def _variants(linter: Linter, field: str) -> tuple[list[Variant], list[tuple[str, str]]]:
    """Every built-in phrase of `field` inflected, and the phrases with nothing to inflect."""
    phrases = [(s.id, p) for s in _pack_specs(linter) for p in getattr(s, field)]
    variants, skipped = [], []
    for (rule, phrase), doc in zip(phrases, linter.nlp.pipe(p for _, p in phrases), strict=True):
        found = inflected_variants(rule, doc)
        variants += found
        if not found:
            skipped.append((rule, phrase))
    return variants, skipped


def _covered(matcher: PackMatcher, doc: Doc, variant: Variant) -> bool:
    return any(
        s.start_char <= variant.start and variant.end <= s.end_char
        for s in matcher.spans(doc, variant.rule)
    )


def test_every_phrase_matches_with_its_verb_or_noun_inflected(linter: Linter) -> None:
    variants, skipped = _variants(linter, "phrases")
    matcher = PackMatcher(_pack_specs(linter))
    docs = linter.nlp.pipe(v.text for v in variants)
    missed = [v for v, doc in zip(variants, docs, strict=True) if not _covered(matcher, doc, v)]
    assert not missed, "\n".join(f"{v.rule}: {v.phrase!r} -> {v.text!r}" for v in missed)
    tested = {(v.rule, v.phrase) for v in variants}
    # Skipped: no verb or noun that inflects (adjectives, interjections, text-speak the
    # dictionary does not know, participles, "be"/"have" alone, uncountable nouns).
    assert len(tested) >= 180 and len(variants) >= 300, (len(tested), len(skipped))


def test_exact_phrases_do_not_match_their_inflections(linter: Linter) -> None:
    variants, _ = _variants(linter, "exact_phrases")
    assert len(variants) >= 8  # "pumped" -> "pumps", "bout" -> "bouts", ...
    matcher = PackMatcher(_pack_specs(linter))
    docs = linter.nlp.pipe(v.text for v in variants)
    matched = [v.text for v, doc in zip(variants, docs, strict=True) if _covered(matcher, doc, v)]
    assert not matched


def test_the_same_phrase_matches_inflections_or_not_by_the_field_it_is_in(
    linter: Linter,
) -> None:
    lemma = PhraseSpec("test.lemma", phrases=("wear many hats", "pumped"))
    exact = PhraseSpec("test.exact", exact_phrases=("wear many hats", "pumped"))
    matcher = PackMatcher([lemma, exact])
    for text, inflected in [("I wore many hats.", True), ("The heat pumps work.", True)]:
        doc = linter.nlp(text)
        assert bool(matcher.spans(doc, "test.lemma")) is inflected
        assert not matcher.spans(doc, "test.exact")
    doc = linter.nlp("I wear many hats and I was pumped.")
    assert [s.text for s in matcher.spans(doc, "test.exact")] == ["wear many hats", "pumped"]


@pytest.mark.parametrize(
    ("text", "matched"),
    [
        ("I am a strong engineer who thinks outside the box.", "thinks outside the box"),
        ("In my last role I thought outside the box daily.", "thought outside the box"),
        ("Thinking outside the box is what I do best.", "Thinking outside the box"),
        ("At the bakery I wore many hats for the owners.", "wore many hats"),
        ("She hits the ground running on every project.", "hits the ground running"),
        ("I always went above and beyond for our clients.", "went above and beyond"),
    ],
)
def test_a_finding_covers_the_inflected_words(linter: Linter, text: str, matched: str) -> None:
    found = [f for f in linter.lint(text).findings if f.rule == "generic.cliche"]
    assert [text[f.start : f.end] for f in found] == [matched]


def test_a_phrase_both_matchers_find_is_one_match(linter: Linter) -> None:
    matcher = PackMatcher(_pack_specs(linter))
    doc = linter.nlp("I am a team player.")
    assert [s.text for s in matcher.spans(doc, "generic.cliche")] == ["team player"]


def test_matching_is_one_pass_over_a_letter_for_every_rule(linter: Linter) -> None:
    """Each letter gets one lemma shadow and one matcher run, however many rules ask."""
    phrase_rules = [s for s in _pack_specs(linter) if s.phrases]
    assert len(phrase_rules) >= 10
    text = "I am a team player who thinks outside the box, lol. I bombed the SQL part."
    linter.lint("Warm-up: the matchers are built here.")
    shadows = _calls(lemma_shadow, lambda: linter.lint(text))
    assert shadows == 1
    rules = {f.rule for f in linter.lint(text).findings}
    assert {"generic.cliche", "tone.text-speak", "excuses.self-deprecation"} <= rules


def _calls(func: Callable[..., Any], run: Callable[[], object]) -> int:
    """How often `func` is called while `run` runs (a profiler hook, not a mock)."""
    count = 0

    def profile(frame: FrameType, event: str, arg: object) -> None:
        nonlocal count
        count += event == "call" and frame.f_code is func.__code__

    sys.setprofile(profile)
    try:
        run()
    finally:
        sys.setprofile(None)
    return count


def test_a_rule_with_phrases_reads_lemmas_and_tags_whatever_it_declares() -> None:
    base = {"id": "house.x", "severity": "warning", "message": "m", "rationale": "r"}
    base |= {"bad": ["x"], "good": ["y"], "needs": []}
    assert PackRuleSpec.model_validate({**base, "phrases": ["circle back"]}).needs == {
        Need.LEMMA,
        Need.POS,
    }
    assert PackRuleSpec.model_validate({**base, "exact_phrases": ["bout"]}).needs == set()


def test_select_of_one_phrase_rule_alone_matches_inflections(tmp_path: Path) -> None:
    letter = tmp_path / "letter.txt"
    letter.write_text("Dear Dana,\n\nI am someone who thinks outside the box.\n\nBest,\nSam\n")
    result = run_cli("--select", "generic.cliche", "--no-cache", str(letter))
    assert "generic.cliche" in result.stdout, result.stdout + result.stderr
