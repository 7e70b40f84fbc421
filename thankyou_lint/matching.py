"""Pack rules' phrases and token patterns, matched against a letter in one pass.

Every pack rule shares one `PackMatcher`. Its phrases go through one PhraseMatcher. Its
token patterns go through a `GatedMatcher`: spaCy's Matcher tries every pattern at every
token, yet most letters contain none of the words a pattern is about, so a pattern runs
only on letters that contain the words it cannot match without.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from spacy.matcher import Matcher, PhraseMatcher
    from spacy.strings import StringStore
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

Pattern = list[dict[str, Any]]
Match = tuple[int, int, int]  # match id, first token, end token
Requirement = tuple[str, frozenset[int]]  # a token attribute and the values it may have

# Attributes a pattern can require a literal word for; to the Matcher, TEXT is ORTH.
WORD_ATTRS = {"ORTH": "ORTH", "TEXT": "ORTH", "LOWER": "LOWER", "NORM": "NORM", "LEMMA": "LEMMA"}
REQUIRED_OPS = {None, "+"}  # a token with "?", "*", "!" or "{0,n}" may be absent
MATCHERS_KEPT = 256  # one Matcher per set of candidate patterns a letter has needed


class MatchSpec(Protocol):
    """What matching needs of a pack rule (`registry.PackRuleSpec` is one): matching
    knows nothing of rules, so the registry depends on it and not the other way round."""

    @property
    def id(self) -> str: ...
    @property
    def phrases(self) -> tuple[str, ...]: ...
    @property
    def patterns(self) -> tuple[tuple[dict[str, Any], ...], ...]: ...


class PackMatcher:
    """The phrases and patterns of many pack rules, matched in one pass over a letter.

    A matcher per rule would walk every letter once per rule. Matches are kept for the
    last letter only: the rules ask about one letter after another.
    """

    def __init__(self, specs: Iterable[MatchSpec]) -> None:
        self.specs = list(specs)
        self._matchers: dict[int, tuple[PhraseMatcher, GatedMatcher]] = {}
        self._invalid: dict[str, str] = {}  # rule id -> why spaCy refused its patterns
        self._doc: Doc | None = None
        self._spans: dict[str, list[Span]] = {}

    def spans(self, doc: Doc, rule_id: str) -> list[Span]:
        """The spans of `doc` that the rule's phrases or patterns match."""
        if doc is not self._doc:
            self._spans = self._match(doc)
            self._doc = doc
        if rule_id in self._invalid:
            raise ValueError(self._invalid[rule_id])
        return self._spans.get(rule_id, [])

    def _match(self, doc: Doc) -> dict[str, list[Span]]:
        phrase_matcher, matcher = self._matchers_for(doc.vocab)
        found: dict[str, list[Span]] = {}
        for match_id, start, end in [*phrase_matcher(doc), *matcher(doc)]:
            found.setdefault(doc.vocab.strings[match_id], []).append(doc[start:end])
        return found

    def _matchers_for(self, vocab: Vocab) -> tuple[PhraseMatcher, GatedMatcher]:
        # Built once per vocabulary (per process), not once per letter.
        if id(vocab) not in self._matchers:
            from spacy.matcher import PhraseMatcher

            phrase_matcher = PhraseMatcher(vocab, attr="LOWER")
            tokenizer = _tokenizer(vocab)
            patterns: list[tuple[str, Pattern]] = []
            for spec in self.specs:
                phrase_matcher.add(spec.id, [tokenizer(p) for p in spec.phrases])
                written = [list(p) for p in spec.patterns]
                refused = _refusal(vocab, spec.id, written)
                if refused:  # one rule's bad pattern must not stop the others
                    self._invalid[spec.id] = refused
                else:
                    patterns += [(spec.id, p) for p in written]
            self._matchers[id(vocab)] = (phrase_matcher, GatedMatcher(vocab, patterns))
        return self._matchers[id(vocab)]


class GatedMatcher:
    """spaCy's Matcher, run with only the patterns whose required words a letter has.

    Finds exactly what one Matcher holding every pattern finds: a pattern left out could
    not have matched, since a token it requires has a value the letter does not contain.
    """

    def __init__(self, vocab: Vocab, patterns: Sequence[tuple[str, Pattern]]) -> None:
        self._vocab = vocab
        self._patterns = list(patterns)
        self._needs = [required_words(p, vocab.strings) for _, p in self._patterns]
        self._attrs = sorted({attr for needs in self._needs for attr, _ in needs})
        self._matchers: dict[frozenset[int], Matcher] = {}  # least recently used first

    def __call__(self, doc: Doc) -> list[Match]:
        chosen = self.candidates(doc)
        return self._matcher_for(chosen)(doc) if chosen else []

    def candidates(self, doc: Doc) -> frozenset[int]:
        """The patterns that could match `doc`, by their index."""
        present = {attr: set(doc.to_array(attr).tolist()) for attr in self._attrs}
        return frozenset(
            i
            for i, needs in enumerate(self._needs)
            if all(not present[attr].isdisjoint(values) for attr, values in needs)
        )

    def _matcher_for(self, chosen: frozenset[int]) -> Matcher:
        matcher = self._matchers.pop(chosen, None)
        if matcher is None:
            from spacy.matcher import Matcher

            matcher = Matcher(self._vocab)
            for i in sorted(chosen):
                key, pattern = self._patterns[i]
                matcher.add(key, [pattern])
            if len(self._matchers) >= MATCHERS_KEPT:
                del self._matchers[next(iter(self._matchers))]
        self._matchers[chosen] = matcher
        return matcher


def required_words(pattern: Pattern, strings: StringStore) -> list[Requirement]:
    """For each token the pattern cannot do without, the literal words it allows.

    `{"LOWER": "my"}` requires "my"; `{"LEMMA": {"IN": [go, be]}}` requires one of them;
    optional tokens, negations, regular expressions and the like require nothing.
    """
    needs = []
    for token in pattern:
        if token.get("OP") not in REQUIRED_OPS:
            continue
        for key, value in token.items():
            attr = WORD_ATTRS.get(str(key).upper())
            allowed = value.get("IN") if isinstance(value, dict) else [value]
            if attr and isinstance(allowed, list) and all(isinstance(v, str) for v in allowed):
                needs.append((attr, frozenset(strings.add(v) for v in allowed)))
    return needs


def _refusal(vocab: Vocab, key: str, patterns: list[Pattern]) -> str | None:
    """Why spaCy's Matcher refuses these patterns, if it does."""
    from spacy.matcher import Matcher

    try:
        Matcher(vocab).add(key, patterns)
    except ValueError as exc:
        return " ".join(str(exc).split())
    return None


_TOKENIZERS: dict[int, Callable[[str], Any]] = {}


def use_tokenizer(vocab: Vocab, tokenizer: Callable[[str], Any]) -> None:
    """Pack phrases are split by the tokenizer of the pipeline that parses the letters."""
    _TOKENIZERS[id(vocab)] = tokenizer


def _tokenizer(vocab: Vocab) -> Callable[[str], Any]:
    """The vocabulary's registered tokenizer, or else one English tokenizer for every pack."""
    if id(vocab) not in _TOKENIZERS:
        from spacy.lang.en import English

        _TOKENIZERS[id(vocab)] = English(vocab=vocab).tokenizer  # slow to build: built once
    return _TOKENIZERS[id(vocab)]
