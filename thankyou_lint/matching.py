"""Pack rules' phrases and token patterns, matched against a letter in one pass.

Every pack rule shares one `PackMatcher`. Its phrases go through two PhraseMatchers: one on
the lowercase words, and one on a "lemma shadow" of the letter (each verb and noun replaced
by its lemma), so "thought outside the box" matches the phrase "think outside the box".
Its token patterns go through a `GatedMatcher`: spaCy's Matcher tries every pattern at every
token, yet most letters contain none of the words a pattern is about, so a pattern runs
only on letters that contain the words it cannot match without.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.matcher import Matcher, PhraseMatcher
    from spacy.strings import StringStore
    from spacy.tokens import Doc, Span, Token
    from spacy.vocab import Vocab

Pattern = list[dict[str, Any]]
Match = tuple[int, int, int]  # match id, first token, end token
Requirement = tuple[str, frozenset[int]]  # a token attribute and the values it may have

# Attributes a pattern can require a literal word for; to the Matcher, TEXT is ORTH.
WORD_ATTRS = {"ORTH": "ORTH", "TEXT": "ORTH", "LOWER": "LOWER", "NORM": "NORM", "LEMMA": "LEMMA"}
REQUIRED_OPS = {None, "+"}  # a token with "?", "*", "!" or "{0,n}" may be absent
MATCHERS_KEPT = 256  # one Matcher per set of candidate patterns a letter has needed
# Words whose inflections a phrase matches. Adjectives and pronouns keep their form: their
# lemmas would merge words that differ in meaning ("best" -> "good", "me" -> "I").
LEMMATISED_POS = frozenset({"VERB", "AUX", "NOUN"})
# What a component assigns when it adds structure rather than word forms: phrases are
# lemmatised without it (the parser costs time and changes no lemma).
STRUCTURE = frozenset({"token.dep", "token.head", "token.is_sent_start", "doc.ents"})
PARTICIPLES = frozenset({"VBG", "VBN"})  # read as adjectives as often as verbs
OWN_FACTORY = "thankyou_lint"  # our spaCy component: never run on the phrases it matches


class MatchSpec(Protocol):
    """What matching needs of a pack rule (`registry.PackRuleSpec` is one): matching
    knows nothing of rules, so the registry depends on it and not the other way round."""

    @property
    def id(self) -> str: ...
    @property
    def phrases(self) -> tuple[str, ...]: ...
    @property
    def exact_phrases(self) -> tuple[str, ...]: ...
    @property
    def patterns(self) -> tuple[tuple[dict[str, Any], ...], ...]: ...


@dataclass(frozen=True)
class Matchers:
    """Everything a `PackMatcher` runs over the letters of one vocabulary."""

    exact: PhraseMatcher  # every phrase, by its lowercase words
    lemma: PhraseMatcher | None  # `phrases` by their lemma forms; None: no lemmatizer
    patterns: GatedMatcher

    def __call__(self, doc: Doc) -> list[Match]:
        found = [*self.exact(doc), *self._by_lemma(doc), *self.patterns(doc)]
        return list(dict.fromkeys(found))  # a phrase found by both matchers is one match

    def _by_lemma(self, doc: Doc) -> list[Match]:
        if self.lemma is None or not doc.has_annotation("POS"):
            return []  # no tags, no lemma forms: the exact matcher finds it all
        return list(self.lemma(lemma_shadow(doc)))


class PackMatcher:
    """The phrases and patterns of many pack rules, matched in one pass over a letter.

    A matcher per rule would walk every letter once per rule. Matches are kept for the
    last letter only: the rules ask about one letter after another.
    """

    def __init__(self, specs: Iterable[MatchSpec]) -> None:
        self.specs = list(specs)
        self._matchers: dict[int, Matchers] = {}
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
        found: dict[str, list[Span]] = {}
        for match_id, start, end in self.matchers_for(doc.vocab)(doc):
            found.setdefault(doc.vocab.strings[match_id], []).append(doc[start:end])
        return found

    def matchers_for(self, vocab: Vocab) -> Matchers:
        # Built once per vocabulary (per process), not once per letter.
        if id(vocab) not in self._matchers:
            self._matchers[id(vocab)] = Matchers(
                self._exact_matcher(vocab), self._lemma_matcher(vocab), self._gated(vocab)
            )
        return self._matchers[id(vocab)]

    def _exact_matcher(self, vocab: Vocab) -> PhraseMatcher:
        from spacy.matcher import PhraseMatcher

        matcher = PhraseMatcher(vocab, attr="LOWER")
        tokenizer = _tokenizer(vocab)
        for spec in self.specs:
            matcher.add(spec.id, [tokenizer(p) for p in (*spec.phrases, *spec.exact_phrases)])
        return matcher

    def _lemma_matcher(self, vocab: Vocab) -> PhraseMatcher | None:
        from spacy.matcher import PhraseMatcher
        from spacy.tokens import Doc

        phrases = list(dict.fromkeys(p for spec in self.specs for p in spec.phrases))
        forms = lemma_forms(vocab, phrases)
        if forms is None:
            return None
        form_of = dict(zip(phrases, forms, strict=True))
        matcher = PhraseMatcher(vocab, attr="ORTH")
        for spec in self.specs:
            words = [w for p in spec.phrases for w in form_of[p] if w]
            matcher.add(spec.id, [Doc(vocab, words=list(w)) for w in words])
        return matcher

    def _gated(self, vocab: Vocab) -> GatedMatcher:
        patterns: list[tuple[str, Pattern]] = []
        for spec in self.specs:
            written = [list(p) for p in spec.patterns]
            refused = _refusal(vocab, spec.id, written)
            if refused:  # one rule's bad pattern must not stop the others
                self._invalid[spec.id] = refused
            else:
                patterns += [(spec.id, p) for p in written]
        return GatedMatcher(vocab, patterns)


def lemma_form(token: Token) -> str:
    """A word as the lemma matcher sees it: a verb or noun as its lemma, any other word
    as written; lowercase either way."""
    if token.pos_ in LEMMATISED_POS and token.lemma_:
        return token.lemma_.lower()
    return token.lower_


def lemma_shadow(doc: Doc) -> Doc:
    """The letter in lemma forms, token for token, so a match's token offsets are the
    letter's own ("She thinks outside the box" -> "she think outside the box")."""
    from spacy.tokens import Doc

    return Doc(doc.vocab, words=[lemma_form(t) for t in doc])


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


_PIPELINES: dict[int, Language] = {}
_TOKENIZERS: dict[int, Callable[[str], Any]] = {}


def use_pipeline(nlp: Language) -> None:
    """Pack phrases are split and lemmatised by the pipeline that parses the letters, so
    a phrase's words get the lemmas the same words get in a letter."""
    _PIPELINES[id(nlp.vocab)] = nlp
    _TOKENIZERS[id(nlp.vocab)] = nlp.tokenizer


def _tokenizer(vocab: Vocab) -> Callable[[str], Any]:
    """The vocabulary's registered tokenizer, or else one English tokenizer for every pack."""
    if id(vocab) not in _TOKENIZERS:
        from spacy.lang.en import English

        _TOKENIZERS[id(vocab)] = English(vocab=vocab).tokenizer  # slow to build: built once
    return _TOKENIZERS[id(vocab)]


def lemma_forms(vocab: Vocab, phrases: list[str]) -> list[set[tuple[str, ...]]] | None:
    """Each phrase's words in lemma forms, tagged in the phrase's own context by the
    vocabulary's registered pipeline; None when there is none or it makes no lemmas.

    A participle gets a second form, as written: alone, "embarrassing answer" tags it a
    verb ("embarrass answer"), in a letter often an adjective ("embarrassing answers")."""
    nlp = _PIPELINES.get(id(vocab))
    unused = None if nlp is None else _unused_for_lemmas(nlp)
    if nlp is None or unused is None:
        return None
    return [
        {tuple(map(lemma_form, doc)), tuple(_participles_as_written(doc))}
        for doc in nlp.pipe(phrases, disable=unused)
    ]


def _participles_as_written(doc: Doc) -> list[str]:
    return [t.lower_ if t.tag_ in PARTICIPLES else lemma_form(t) for t in doc]


def _unused_for_lemmas(nlp: Language) -> list[str] | None:
    """The enabled components that lemmas do not need: those after the last lemmatizer and
    those that add structure. None when no component assigns lemmas."""
    metas = [(name, nlp.get_pipe_meta(name)) for name in nlp.pipe_names]
    lemmatizers = [i for i, (_, meta) in enumerate(metas) if "token.lemma" in meta.assigns]
    if not lemmatizers:
        return None
    return [
        name
        for i, (name, meta) in enumerate(metas)
        if i > lemmatizers[-1] or STRUCTURE & set(meta.assigns) or meta.factory == OWN_FACTORY
    ]
