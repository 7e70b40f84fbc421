"""Checks ask their questions only of the words they are about (`Letter.tokens_with`).

The gate is there for speed: on real letters and real parses, it must drop nothing the
check would have found had it asked every word.
"""

from __future__ import annotations

import pytest
from conftest import TEAM_CORPUS

from thankyou_lint import Linter
from thankyou_lint.checks.strengths import (
    STRENGTH_CUE_LEMMAS,
    STRENGTH_CUE_WORDS,
    shows_strength,
)
from thankyou_lint.checks.thanks import GRATITUDE_LEMMAS, GRATITUDE_WORDS, is_gratitude
from thankyou_lint.layout import parse_layout
from thankyou_lint.letter import Letter
from thankyou_lint.models import LetterContext


@pytest.fixture(scope="module")
def letters(linter: Linter) -> list[Letter]:
    layouts = [
        parse_layout(p.read_text(encoding="utf-8")) for p in sorted(TEAM_CORPUS.glob("*.txt"))
    ]
    docs = linter.nlp.pipe(layout.parsed_text for layout in layouts)
    return [Letter(layout, doc, LetterContext()) for layout, doc in zip(layouts, docs, strict=True)]


GATES = {
    "thanks": (is_gratitude, GRATITUDE_WORDS, GRATITUDE_LEMMAS),
    "strength": (shows_strength, STRENGTH_CUE_WORDS, STRENGTH_CUE_LEMMAS),
}


@pytest.mark.parametrize("gate", GATES)
def test_the_gate_keeps_every_word_the_check_finds(letters: list[Letter], gate: str) -> None:
    check, words, lemmas = GATES[gate]
    found = 0
    for letter in letters:
        everywhere = [t.i for t in letter.tokens if check(t)]
        gated = letter.tokens_with(words, lemmas)
        assert [t.i for t in gated if check(t)] == everywhere, letter.text[:80]
        found += len(everywhere)
    assert found > len(letters) / 2  # most letters have some: the test has something to keep


def test_tokens_with_finds_words_and_lemmas_in_the_body_or_a_sentence(linter: Linter) -> None:
    text = (
        "Dear Dana,\n\nThank you for Tuesday. I THANKED the panel and I built a tool.\n\nBest,\nSam"
    )
    layout = parse_layout(text)
    letter = Letter(layout, linter.nlp(layout.parsed_text), LetterContext())
    first, second = letter.sentences
    assert [t.text for t in letter.tokens_with({"thank"})] == ["Thank"]
    assert [t.text for t in letter.tokens_with(lemmas={"thank"})] == ["Thank", "THANKED"]
    assert [t.text for t in letter.tokens_with({"i"}, {"build"}, sent=second)] == [
        "I",
        "I",
        "built",
    ]
    assert letter.tokens_with({"i"}, sent=first) == []
